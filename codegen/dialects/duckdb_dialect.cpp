#include "codegen/dialects/duckdb_dialect.h"

#include <charconv>
#include <stdexcept>

namespace lkml::codegen {
namespace {

std::string strftime(const std::string& expr, const char* format) {
  return "STRFTIME(" + expr + ", '" + format + "')";
}

std::string extractInteger(const char* field, const std::string& expr) {
  return std::string("EXTRACT(") + field + " FROM " + expr + ")::integer";
}

}  // namespace

std::string DuckDbDialect::stringLiteral(std::string_view value) const {
  if (!canRepresentString(value)) {
    throw std::invalid_argument("string literal contains a NUL byte");
  }
  // A backslash is an ordinary character in DuckDB's '...' (there is no
  // standard_conforming_strings to turn it into an escape), so only quotes are doubled.
  std::string out = "'";
  for (char c : value) {
    if (c == '\'') out += '\'';
    out += c;
  }
  return out + "'";
}

std::string DuckDbDialect::yyyymmddToDate(const std::string& expr) const {
  return "CAST(STRPTIME(CAST(" + expr + " AS VARCHAR), '%Y%m%d') AS DATE)";
}

std::string DuckDbDialect::hashKeyToNumeric(const std::string& primaryKey) const {
  // The upper 64 bits of the key's MD5 as a HUGEINT (128-bit integer): sums of up to 2^63
  // distinct hashes plus scaled values stay exact, where the full 128-bit hash would
  // overflow the first addition (DuckDB's widest exact types are HUGEINT and DECIMAL(38)).
  // Two distinct keys collide with probability 2^-64 per pair, as with Looker's 64-bit
  // FARM_FINGERPRINT on BigQuery.
  return "CAST(MD5_NUMBER(CAST(" + primaryKey + " AS VARCHAR)) >> 64 AS HUGEINT)";
}

std::string DuckDbDialect::symmetricSum(const std::string& value,
                                        const std::string& primaryKey) const {
  // Integer arithmetic throughout: the value scaled to millionths (floored, as on
  // PostgreSQL) as a HUGEINT, and the difference of the two sums back to DECIMAL(38,6) by an
  // exact multiplication (DuckDB's DECIMAL division would return a DOUBLE).
  const std::string hash = hashKeyToNumeric(primaryKey);
  const std::string scaled =
      "CAST(FLOOR(CAST(COALESCE(" + value + ", 0) AS DECIMAL(38,6)) * 1000000) AS HUGEINT)";
  return "COALESCE(CAST(SUM(DISTINCT " + scaled + " + " + hash + ") - SUM(DISTINCT " + hash +
         ") AS DECIMAL(38,0)) * 0.000001, 0)";
}

std::string DuckDbDialect::percentile(const std::string& expr, double fraction) const {
  if (!(fraction >= 0.0 && fraction <= 1.0)) {
    throw std::invalid_argument("percentile fraction must be within [0, 1]");
  }
  char buffer[32];
  const auto written = std::to_chars(buffer, buffer + sizeof buffer, fraction);  // shortest
  return "QUANTILE_CONT(" + expr + ", " + std::string(buffer, written.ptr) + ")";
}

std::string DuckDbDialect::renderTimeframe(const TimeframeSpec& spec, const std::string& expr,
                                           const TimeframeOptions& options) const {
  const Weekday weekStart = options.weekStart;
  const std::string step = std::to_string(spec.step);
  // PostgreSQL's TO_CHAR patterns, in strftime's spelling; everything built from EXTRACT,
  // DATE_TRUNC and INTERVAL arithmetic is the same in both and comes from PostgresDialect.
  switch (spec.timeframe) {
    case Timeframe::Time:
    case Timeframe::Second:
      return strftime(truncate(DateUnit::Second, expr, weekStart), "%Y-%m-%d %H:%M:%S");
    case Timeframe::TimeOfDay:
      return strftime(expr, "%H:%M");
    case Timeframe::Date:
      return "CAST(" + expr + " AS DATE)";
    case Timeframe::Week:
      return strftime(truncate(DateUnit::Week, expr, weekStart), "%Y-%m-%d");
    case Timeframe::Month:
      return strftime(truncate(DateUnit::Month, expr, weekStart), "%Y-%m");
    case Timeframe::Quarter:
      return strftime(truncate(DateUnit::Quarter, expr, weekStart), "%Y-%m");
    case Timeframe::Hour:
      return strftime(truncate(DateUnit::Hour, expr, weekStart), "%Y-%m-%d %H");
    case Timeframe::Minute:
      return strftime(truncate(DateUnit::Minute, expr, weekStart), "%Y-%m-%d %H:%M");
    case Timeframe::DayOfWeek:
      return strftime(expr, "%A");
    case Timeframe::MonthName:
      return strftime(expr, "%B");
    case Timeframe::Millisecond:
      return strftime("DATE_TRUNC('milliseconds', " + expr + ")", "%Y-%m-%d %H:%M:%S.%g");
    case Timeframe::Microsecond:
      return strftime("DATE_TRUNC('microseconds', " + expr + ")", "%Y-%m-%d %H:%M:%S.%f");
    case Timeframe::HourN:
      return strftime("DATE_TRUNC('hour', " + expr + ") - MOD(" + extractInteger("HOUR", expr) +
                          ", " + step + ") * INTERVAL '1 hour'",
                      "%Y-%m-%d %H");
    case Timeframe::MinuteN:
      return strftime("DATE_TRUNC('minute', " + expr + ") - MOD(" + extractInteger("MINUTE", expr) +
                          ", " + step + ") * INTERVAL '1 minute'",
                      "%Y-%m-%d %H:%M");
    case Timeframe::MillisecondN:
      // EXTRACT(MILLISECONDS) counts the seconds too (as on PostgreSQL); the step divides
      // 1000, so the remainder is the same.
      return strftime("DATE_TRUNC('milliseconds', " + expr + ") - MOD(" +
                          extractInteger("MILLISECONDS", expr) + ", " + step +
                          ") * INTERVAL '1 millisecond'",
                      "%Y-%m-%d %H:%M:%S.%g");
    default:
      return PostgresDialect::renderTimeframe(spec, expr, options);
  }
}

}  // namespace lkml::codegen
