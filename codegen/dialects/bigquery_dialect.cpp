#include "codegen/dialects/bigquery_dialect.h"

#include <cmath>
#include <cstdio>
#include <stdexcept>

#include "codegen/dialects/backslash_string_literal.h"

namespace lkml::codegen {
namespace {

const char* upperUnit(DateUnit unit) {
  switch (unit) {
    case DateUnit::Second:
      return "SECOND";
    case DateUnit::Minute:
      return "MINUTE";
    case DateUnit::Hour:
      return "HOUR";
    case DateUnit::Day:
      return "DAY";
    case DateUnit::Week:
      return "WEEK";
    case DateUnit::Month:
      return "MONTH";
    case DateUnit::Quarter:
      return "QUARTER";
    case DateUnit::Year:
      return "YEAR";
  }
  return "DAY";
}

const char* weekdayUpper(Weekday day) {
  static const char* const kNames[] = {"MONDAY", "TUESDAY",  "WEDNESDAY", "THURSDAY",
                                       "FRIDAY", "SATURDAY", "SUNDAY"};
  return kNames[static_cast<int>(day)];
}

bool isAliasChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// The hash Looker adds to each value (two pieces of the key's MD5 as INT64, 92 bits in all,
// scaled into NUMERIC's 9 fraction digits).
std::string hashOf(const std::string& primaryKey) {
  const std::string hex = "TO_HEX(MD5(CAST(" + primaryKey + " AS STRING)))";
  return "(CAST(CAST(CONCAT('0x', SUBSTR(" + hex + ", 1, 15)) AS INT64) AS NUMERIC) * " +
         "4294967296 + CAST(CAST(CONCAT('0x', SUBSTR(" + hex +
         ", 16, 8)) AS INT64) AS NUMERIC)) * 0.000000001";
}

}  // namespace

const DialectFeatures& BigQueryDialect::features() const {
  static const DialectFeatures kFeatures = [] {
    DialectFeatures f;
    f.supportsPercentileCont = false;  // only as an analytic function: APPROX_QUANTILES instead
    f.supportsDistinctStringAgg = true;
    f.supportsSymmetricAggregates = true;
    f.supportsNullsFirstLast = true;
    f.hasBooleanType = true;
    return f;
  }();
  return kFeatures;
}

std::string BigQueryDialect::quoteIdentifier(std::string_view name) const {
  if (!canRepresentString(name)) throw std::invalid_argument("identifier contains a NUL byte");
  // Quoted identifiers take the same escapes as string literals.
  std::string out = "`";
  for (char c : name) {
    if (c == '`' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else {
      out += c;
    }
  }
  return out + "`";
}

std::string BigQueryDialect::columnAlias(std::string_view name) const {
  // Looker's BigQuery aliases: `users.count` AS users_count (a column name holds letters,
  // digits and underscores only, and must not start with a digit).
  std::string out;
  for (char c : name) out += isAliasChar(c) ? c : '_';
  if (out.empty() || (out[0] >= '0' && out[0] <= '9')) out.insert(out.begin(), '_');
  return out;
}

bool BigQueryDialect::canRepresentString(std::string_view value) const {
  return value.find('\0') == std::string_view::npos;
}

std::string BigQueryDialect::stringLiteral(std::string_view value) const {
  // '...' takes backslash escapes, and a quoted string may not hold a raw newline.
  return backslashStringLiteral(value, "\\'");
}

std::string BigQueryDialect::booleanLiteral(bool value) const { return value ? "TRUE" : "FALSE"; }

std::string BigQueryDialect::yesNoValue(const std::string& condition) const {
  return "CASE WHEN " + condition + " THEN 'Yes' ELSE 'No' END";
}

std::string BigQueryDialect::timestampLiteral(std::string_view iso) const {
  return "TIMESTAMP(" + stringLiteral(iso) + ")";
}

std::string BigQueryDialect::like(const std::string& target, std::string_view pattern, bool negated,
                                  bool lowerPattern) const {
  // BigQuery's LIKE has no ESCAPE clause: the backslash always escapes. Filters escape with
  // '^'; rewrite each `^x` as `\x` and escape a literal backslash.
  std::string rewritten;
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == likeEscape() && i + 1 < pattern.size()) {
      rewritten += '\\';
      rewritten += pattern[++i];
    } else if (c == '\\') {
      rewritten += "\\\\";
    } else {
      rewritten += c;
    }
  }
  std::string literal = stringLiteral(rewritten);
  if (lowerPattern) literal = lower(literal);
  return target + (negated ? " NOT LIKE " : " LIKE ") + literal;
}

std::string BigQueryDialect::lower(const std::string& expr) const { return "LOWER(" + expr + ")"; }

std::string BigQueryDialect::length(const std::string& expr) const {
  return "LENGTH(" + expr + ")";
}

std::string BigQueryDialect::castToText(const std::string& expr) const {
  return "CAST(" + expr + " AS STRING)";
}

std::string BigQueryDialect::radians(const std::string& expr) const {
  // BigQuery has no RADIANS(); ACOS(-1) is pi.
  return "(" + expr + " * ACOS(-1) / 180)";
}

std::string BigQueryDialect::currentTimestamp(std::string_view timeZone) const {
  if (timeZone.empty()) return "CURRENT_TIMESTAMP()";
  // The wall-clock time in the zone, as a TIMESTAMP (Looker's query time zone conversion).
  return "TIMESTAMP(FORMAT_TIMESTAMP('%F %H:%M:%E*S', CURRENT_TIMESTAMP(), " +
         stringLiteral(timeZone) + "))";
}

std::string BigQueryDialect::truncate(DateUnit unit, const std::string& expr,
                                      Weekday weekStart) const {
  if (unit == DateUnit::Week) {
    return "TIMESTAMP_TRUNC(" + expr + ", WEEK(" + weekdayUpper(weekStart) + "))";
  }
  return "TIMESTAMP_TRUNC(" + expr + ", " + upperUnit(unit) + ")";
}

std::string BigQueryDialect::addInterval(const std::string& expr, int64_t count,
                                         DateUnit unit) const {
  if (count == 0) return expr;
  const std::string n = std::to_string(count);
  switch (unit) {
    case DateUnit::Second:
    case DateUnit::Minute:
    case DateUnit::Hour:
    case DateUnit::Day:
      return "TIMESTAMP_ADD(" + expr + ", INTERVAL " + n + " " + upperUnit(unit) + ")";
    default:
      // TIMESTAMP_ADD stops at DAY: calendar units go through DATETIME, as Looker writes them.
      return "TIMESTAMP(DATETIME_ADD(DATETIME(" + expr + "), INTERVAL " + n + " " +
             upperUnit(unit) + "))";
  }
}

std::string BigQueryDialect::hashKeyToNumeric(const std::string& primaryKey) const {
  return "(" + hashOf(primaryKey) + ")";
}

std::string BigQueryDialect::symmetricSum(const std::string& value,
                                          const std::string& primaryKey) const {
  const std::string hash = hashOf(primaryKey);
  return "COALESCE(ROUND(COALESCE(CAST((SUM(DISTINCT (CAST(ROUND(COALESCE(" + value +
         ", 0) * (1/1000*1.0), 9) AS NUMERIC) + " + hash + ")) - SUM(DISTINCT " + hash +
         ")) / (1/1000*1.0) AS FLOAT64), 0), 6), 0)";
}

std::string BigQueryDialect::symmetricAverage(const std::string& value,
                                              const std::string& primaryKey) const {
  return "(" + symmetricSum(value, primaryKey) + " / NULLIF(COUNT(DISTINCT CASE WHEN " + value +
         " IS NOT NULL THEN " + primaryKey + " ELSE NULL END), 0))";
}

std::string BigQueryDialect::countDistinct(const std::string& expr) const {
  return "COUNT(DISTINCT " + expr + ")";
}

std::string BigQueryDialect::percentile(const std::string& expr, double fraction) const {
  if (!(fraction >= 0.0 && fraction <= 1.0)) {
    throw std::invalid_argument("percentile fraction must be within [0, 1]");
  }
  // PERCENTILE_CONT is analytic-only in BigQuery; APPROX_QUANTILES(x, 1000) gives the
  // 1000-quantiles, of which the one at fraction * 1000 is the percentile.
  const long offset = std::lround(fraction * 1000.0);
  return "APPROX_QUANTILES(" + expr + ", 1000)[OFFSET(" + std::to_string(offset) + ")]";
}

std::string BigQueryDialect::listAggregate(const std::string& expr,
                                           std::string_view separator) const {
  const std::string text = castToText(expr);
  return "STRING_AGG(DISTINCT " + text + ", " + stringLiteral(separator) + " ORDER BY " + text +
         ")";
}

std::string BigQueryDialect::limitClause(uint64_t rows) const {
  return "LIMIT " + std::to_string(rows);
}

}  // namespace lkml::codegen
