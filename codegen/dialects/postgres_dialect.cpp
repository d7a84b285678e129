#include "codegen/dialects/postgres_dialect.h"

#include <cstdio>
#include <cstdlib>
#include <stdexcept>

namespace lkml::codegen {
namespace {

/// Symmetric sums scale values to integers with 6 decimal places (Looker's precision).
constexpr const char* kSymmetricScale = "1000000";
/// Dividing by a NUMERIC with six fraction digits keeps six digits in the quotient; a plain
/// `1000000.0` lets PostgreSQL round large totals to fewer decimals.
constexpr const char* kSymmetricDivisor = "1000000.000000";

/// Day-of-week number PostgreSQL's EXTRACT(DOW) gives (Sunday = 0).
int postgresDow(Weekday day) { return (static_cast<int>(day) + 1) % 7; }

std::string shortestDouble(double value) {
  char buffer[40];
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buffer, sizeof buffer, "%.*g", precision, value);
    if (std::strtod(buffer, nullptr) == value) break;
  }
  return buffer;
}

std::string extractInteger(const char* field, const std::string& expr) {
  return std::string("EXTRACT(") + field + " FROM " + expr + ")::integer";
}

std::string toChar(const std::string& expr, const char* format) {
  return "TO_CHAR(" + expr + ", '" + format + "')";
}

}  // namespace

const DialectFeatures& PostgresDialect::features() const {
  static const DialectFeatures kFeatures = [] {
    DialectFeatures f;
    f.supportsPercentileCont = true;
    f.supportsDistinctStringAgg = true;
    f.supportsSymmetricAggregates = true;
    f.supportsNullsFirstLast = true;
    f.hasBooleanType = true;
    return f;
  }();
  return kFeatures;
}

std::string PostgresDialect::quoteIdentifier(std::string_view name) const {
  if (!canRepresentString(name)) {
    throw std::invalid_argument("identifier contains a NUL byte");
  }
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

bool PostgresDialect::canRepresentString(std::string_view value) const {
  return value.find('\0') == std::string_view::npos;
}

std::string PostgresDialect::stringLiteral(std::string_view value) const {
  if (!canRepresentString(value)) {
    throw std::invalid_argument("string literal contains a NUL byte");
  }
  // With standard_conforming_strings=on a backslash is an ordinary character in '...'. A
  // value containing one is written as an E'' literal with the backslash doubled instead, so
  // it means the same text whatever that setting is (no quote can be smuggled out).
  const bool hasBackslash = value.find('\\') != std::string_view::npos;
  std::string out = hasBackslash ? "E'" : "'";
  for (char c : value) {
    if (c == '\'') {
      out += "''";
    } else if (c == '\\') {
      out += "\\\\";
    } else {
      out += c;
    }
  }
  out += '\'';
  return out;
}

std::string PostgresDialect::booleanLiteral(bool value) const { return value ? "TRUE" : "FALSE"; }

std::string PostgresDialect::yesNoValue(const std::string& condition) const {
  return "CASE WHEN " + condition + " THEN 'Yes' ELSE 'No' END";
}

std::string PostgresDialect::timestampLiteral(std::string_view iso) const {
  return "TIMESTAMP " + stringLiteral(iso);
}

std::string PostgresDialect::like(const std::string& target, std::string_view pattern, bool negated,
                                  bool lowerPattern) const {
  std::string literal = stringLiteral(pattern);
  if (lowerPattern) literal = lower(literal);
  std::string out = target + (negated ? " NOT LIKE " : " LIKE ") + literal;
  // PostgreSQL's default LIKE escape is the backslash: name ours whenever the pattern holds
  // either character, so a backslash is matched literally.
  if (pattern.find(likeEscape()) != std::string_view::npos ||
      pattern.find('\\') != std::string_view::npos) {
    out += " ESCAPE " + stringLiteral(std::string(1, likeEscape()));
  }
  return out;
}

std::string PostgresDialect::lower(const std::string& expr) const { return "LOWER(" + expr + ")"; }

std::string PostgresDialect::length(const std::string& expr) const {
  return "LENGTH(" + expr + ")";
}

std::string PostgresDialect::currentTimestamp(std::string_view timeZone) const {
  if (timeZone.empty()) return "CURRENT_TIMESTAMP";
  return "(CURRENT_TIMESTAMP AT TIME ZONE " + stringLiteral(timeZone) + ")";
}

std::string PostgresDialect::truncate(DateUnit unit, const std::string& expr,
                                      Weekday weekStart) const {
  const std::string trunc = std::string("DATE_TRUNC('") + dateUnitName(unit) + "', ";
  if (unit != DateUnit::Week || weekStart == Weekday::Monday) return trunc + expr + ")";
  // DATE_TRUNC('week') gives Mondays: shift the value so the chosen day falls on a Monday,
  // truncate, and shift back.
  const int shift = (7 - static_cast<int>(weekStart)) % 7;
  return "(" + trunc + addInterval(expr, shift, DateUnit::Day) + ") - INTERVAL '" +
         std::to_string(shift) + " day')";
}

std::string PostgresDialect::addInterval(const std::string& expr, int64_t count,
                                         DateUnit unit) const {
  if (count == 0) return expr;
  // PostgreSQL intervals have no quarter unit.
  if (unit == DateUnit::Quarter) {
    count *= 3;
    unit = DateUnit::Month;
  }
  return "(" + expr + " + INTERVAL '" + std::to_string(count) + " " + dateUnitName(unit) + "')";
}

std::string PostgresDialect::renderTimeframe(const TimeframeSpec& spec, const std::string& expr,
                                             const TimeframeOptions& options) const {
  const Weekday weekStart = options.weekStart;
  const std::string step = std::to_string(spec.step);
  // The value moved so that the fiscal year starts in January (reference: a positive
  // fiscal_month_offset starts fiscal year Y that many months after January of Y).
  auto fiscal = [&] {
    return addInterval("(" + expr + ")", -options.fiscalMonthOffset, DateUnit::Month);
  };
  switch (spec.timeframe) {
    case Timeframe::Raw:
      return expr;
    case Timeframe::Time:
    case Timeframe::Second:
      return toChar(truncate(DateUnit::Second, expr, weekStart), "YYYY-MM-DD HH24:MI:SS");
    case Timeframe::TimeOfDay:
      return toChar(expr, "HH24:MI");
    case Timeframe::Date:
      return "DATE(" + expr + ")";
    case Timeframe::Week:
      return toChar(truncate(DateUnit::Week, expr, weekStart), "YYYY-MM-DD");
    case Timeframe::Month:
      return toChar(truncate(DateUnit::Month, expr, weekStart), "YYYY-MM");
    case Timeframe::Quarter:
      return toChar(truncate(DateUnit::Quarter, expr, weekStart), "YYYY-MM");
    case Timeframe::Year:
      return extractInteger("YEAR", expr);
    case Timeframe::Hour:
      return toChar(truncate(DateUnit::Hour, expr, weekStart), "YYYY-MM-DD HH24");
    case Timeframe::Minute:
      return toChar(truncate(DateUnit::Minute, expr, weekStart), "YYYY-MM-DD HH24:MI");
    case Timeframe::HourOfDay:
      return extractInteger("HOUR", expr);
    case Timeframe::DayOfWeek:
      return toChar(expr, "FMDay");
    case Timeframe::DayOfWeekIndex:
      return "MOD(" + extractInteger("DOW", expr) + " - " + std::to_string(postgresDow(weekStart)) +
             " + 7, 7)";
    case Timeframe::DayOfMonth:
      return extractInteger("DAY", expr);
    case Timeframe::DayOfYear:
      return extractInteger("DOY", expr);
    case Timeframe::WeekOfYear:
      return extractInteger("WEEK", expr);
    case Timeframe::MonthNum:
      return extractInteger("MONTH", expr);
    case Timeframe::MonthName:
      return toChar(expr, "FMMonth");
    case Timeframe::QuarterOfYear:
      return "'Q' || " + extractInteger("QUARTER", expr);
    case Timeframe::Millisecond:
      return toChar("DATE_TRUNC('milliseconds', " + expr + ")", "YYYY-MM-DD HH24:MI:SS.MS");
    case Timeframe::Microsecond:
      return toChar("DATE_TRUNC('microseconds', " + expr + ")", "YYYY-MM-DD HH24:MI:SS.US");
    case Timeframe::HourN:
      // The hour, less its remainder modulo the step: hour6 of 13:45 is 12:00.
      return toChar("DATE_TRUNC('hour', " + expr + ") - MOD(" + extractInteger("HOUR", expr) +
                        ", " + step + ") * INTERVAL '1 hour'",
                    "YYYY-MM-DD HH24");
    case Timeframe::MinuteN:
      return toChar("DATE_TRUNC('minute', " + expr + ") - MOD(" + extractInteger("MINUTE", expr) +
                        ", " + step + ") * INTERVAL '1 minute'",
                    "YYYY-MM-DD HH24:MI");
    case Timeframe::MillisecondN:
      // EXTRACT(MILLISECONDS) counts the seconds too; the step divides 1000, so the
      // remainder is the same.
      return toChar("DATE_TRUNC('milliseconds', " + expr +
                        ") - MOD(FLOOR(EXTRACT(MILLISECONDS FROM " + expr + "))::integer, " + step +
                        ") * INTERVAL '1 millisecond'",
                    "YYYY-MM-DD HH24:MI:SS.MS");
    case Timeframe::FiscalYear:
      return extractInteger("YEAR", fiscal());
    case Timeframe::FiscalMonthNum:
      return extractInteger("MONTH", fiscal());
    case Timeframe::FiscalQuarterOfYear:
      return "'Q' || " + extractInteger("QUARTER", fiscal());
    case Timeframe::FiscalQuarter:
      return extractInteger("YEAR", fiscal()) + " || '-Q' || " +
             extractInteger("QUARTER", fiscal());
    case Timeframe::YesNo:
      return yesNoValue("(" + expr + ") IS NOT NULL");
  }
  return expr;
}

std::string PostgresDialect::hashKeyToNumeric(const std::string& primaryKey) const {
  const std::string md5 = "MD5(CAST(" + primaryKey + " AS VARCHAR))";
  return "(('x' || " + md5 + ")::bit(64)::bigint::DECIMAL(65,0) * 18446744073709551616 + " +
         "('x' || SUBSTR(" + md5 + ", 17))::bit(64)::bigint::DECIMAL(65,0))";
}

std::string PostgresDialect::symmetricSum(const std::string& value,
                                          const std::string& primaryKey) const {
  // NUMERIC throughout: the value is cast before scaling so no DOUBLE PRECISION rounding
  // creeps in, and the result stays NUMERIC (exact to 6 decimals). TRIM_SCALE (PostgreSQL 13+)
  // drops the trailing zeros the division leaves, so 10734.76 does not print as
  // 10734.760000000000 (a plain SUM of the same column would not show them either).
  const std::string hash = hashKeyToNumeric(primaryKey);
  const std::string scaled = std::string("CAST(FLOOR(CAST(COALESCE(") + value +
                             ", 0) AS NUMERIC) * " + kSymmetricScale + ") AS DECIMAL(65,0))";
  return "TRIM_SCALE(COALESCE((SUM(DISTINCT " + scaled + " + " + hash + ") - SUM(DISTINCT " + hash +
         ")) / " + kSymmetricDivisor + ", 0))";
}

std::string PostgresDialect::symmetricAverage(const std::string& value,
                                              const std::string& primaryKey) const {
  return "(" + symmetricSum(value, primaryKey) + " / NULLIF(COUNT(DISTINCT CASE WHEN " + value +
         " IS NOT NULL THEN " + primaryKey + " ELSE NULL END), 0))";
}

std::string PostgresDialect::countDistinct(const std::string& expr) const {
  return "COUNT(DISTINCT " + expr + ")";
}

std::string PostgresDialect::percentile(const std::string& expr, double fraction) const {
  if (!(fraction >= 0.0 && fraction <= 1.0)) {
    throw std::invalid_argument("percentile fraction must be within [0, 1]");
  }
  return "PERCENTILE_CONT(" + shortestDouble(fraction) + ") WITHIN GROUP (ORDER BY " + expr + ")";
}

std::string PostgresDialect::listAggregate(const std::string& expr,
                                           std::string_view separator) const {
  const std::string text = "CAST(" + expr + " AS TEXT)";
  return "STRING_AGG(DISTINCT " + text + ", " + stringLiteral(separator) + " ORDER BY " + text +
         ")";
}

std::string PostgresDialect::limitClause(uint64_t rows) const {
  return "LIMIT " + std::to_string(rows);
}

}  // namespace lkml::codegen
