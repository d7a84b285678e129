#include "codegen/dialects/snowflake_dialect.h"

#include <cstdio>
#include <stdexcept>

#include "codegen/dialects/backslash_string_literal.h"
#include "codegen/dialects/datediff_duration.h"

namespace lkml::codegen {
namespace {

std::string extractInteger(const char* field, const std::string& expr) {
  return std::string("EXTRACT(") + field + " FROM " + expr + ")::integer";
}

std::string toChar(const std::string& expr, const char* format) {
  return "TO_CHAR(" + expr + ", '" + format + "')";
}

std::string varchar(const std::string& expr) { return "CAST(" + expr + " AS VARCHAR)"; }

// Looker's Snowflake key hash: the whole MD5 as a number, reduced to 27 digits.
std::string hashOf(const std::string& primaryKey) {
  return "(TO_NUMBER(MD5(" + primaryKey +
         "), 'XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX') % 1.0e27)::NUMERIC(38, 0)";
}

}  // namespace

const DialectFeatures& SnowflakeDialect::features() const {
  static const DialectFeatures kFeatures = [] {
    DialectFeatures f;
    f.supportsPercentileCont = true;
    f.supportsDistinctStringAgg = false;  // LISTAGG(DISTINCT ...) instead
    f.supportsSymmetricAggregates = true;
    f.supportsNullsFirstLast = true;
    f.hasBooleanType = true;
    return f;
  }();
  return kFeatures;
}

std::string SnowflakeDialect::stringLiteral(std::string_view value) const {
  // '...' always takes backslash escapes in Snowflake; the quote is doubled.
  return backslashStringLiteral(value, "''");
}

std::string SnowflakeDialect::timestampLiteral(std::string_view iso) const {
  return "TO_TIMESTAMP(" + stringLiteral(iso) + ")";
}

std::string SnowflakeDialect::castToText(const std::string& expr) const { return varchar(expr); }

std::string SnowflakeDialect::currentTimestamp(std::string_view timeZone) const {
  if (timeZone.empty()) return "CURRENT_TIMESTAMP()";
  return "CONVERT_TIMEZONE(" + stringLiteral(timeZone) + ", CURRENT_TIMESTAMP())::TIMESTAMP_NTZ";
}

std::string SnowflakeDialect::truncate(DateUnit unit, const std::string& expr,
                                       Weekday weekStart) const {
  // DATE_TRUNC('week') starts weeks on Monday under Snowflake's default WEEK_START (0).
  const std::string trunc = std::string("DATE_TRUNC('") + dateUnitName(unit) + "', ";
  if (unit != DateUnit::Week || weekStart == Weekday::Monday) return trunc + expr + ")";
  const int shift = (7 - static_cast<int>(weekStart)) % 7;
  return dateAdd(trunc + dateAdd(expr, shift, DateUnit::Day) + ")", -shift, DateUnit::Day);
}

std::string SnowflakeDialect::addInterval(const std::string& expr, int64_t count,
                                          DateUnit unit) const {
  return dateAdd(expr, count, unit);
}

std::string SnowflakeDialect::epochToTimestamp(const std::string& expr) const {
  return "TO_TIMESTAMP(" + expr + ")";
}

std::string SnowflakeDialect::yyyymmddToDate(const std::string& expr) const {
  return "TO_DATE(" + varchar(expr) + ", 'YYYYMMDD')";
}

std::string SnowflakeDialect::duration(DateUnit unit, const std::string& start,
                                       const std::string& end) const {
  return dateDiffDuration(unit, start, end, "TIMESTAMP");
}

std::string SnowflakeDialect::hashKeyToNumeric(const std::string& primaryKey) const {
  return hashOf(primaryKey);
}

std::string SnowflakeDialect::symmetricSum(const std::string& value,
                                           const std::string& primaryKey) const {
  const std::string hash = hashOf(primaryKey);
  return "COALESCE(CAST((SUM(DISTINCT (CAST(FLOOR(COALESCE(" + value +
         ", 0) * (1000000*1.0)) AS DECIMAL(38,0))) + " + hash + ") - SUM(DISTINCT " + hash +
         ")) AS DOUBLE PRECISION) / CAST((1000000*1.0) AS DOUBLE PRECISION), 0)";
}

std::string SnowflakeDialect::listAggregate(const std::string& expr,
                                            std::string_view separator) const {
  const std::string text = varchar(expr);
  return "LISTAGG(DISTINCT " + text + ", " + stringLiteral(separator) +
         ") WITHIN GROUP (ORDER BY " + text + ")";
}

std::string SnowflakeDialect::renderTimeframe(const TimeframeSpec& spec, const std::string& expr,
                                              const TimeframeOptions& options) const {
  const std::string step = std::to_string(spec.step);
  auto bucket = [&](const char* unit, const std::string& part) {
    return std::string("DATEADD(") + unit + ", -MOD(" + part + ", " + step + "), DATE_TRUNC('" +
           unit + "', " + expr + "))";
  };
  switch (spec.timeframe) {
    case Timeframe::DayOfWeek:
      // TO_CHAR has no full day name in Snowflake: DAYNAME gives 'Mon'.
      return "DECODE(DAYNAME(" + expr +
             "), 'Mon', 'Monday', 'Tue', 'Tuesday', 'Wed', 'Wednesday', 'Thu', 'Thursday', "
             "'Fri', 'Friday', 'Sat', 'Saturday', 'Sun', 'Sunday')";
    case Timeframe::MonthName:
      return toChar(expr, "MMMM");
    case Timeframe::Millisecond:
      return toChar("DATE_TRUNC('millisecond', " + expr + ")", "YYYY-MM-DD HH24:MI:SS.FF3");
    case Timeframe::Microsecond:
      return toChar("DATE_TRUNC('microsecond', " + expr + ")", "YYYY-MM-DD HH24:MI:SS.FF6");
    case Timeframe::HourN:
      return toChar(bucket("hour", extractInteger("HOUR", expr)), "YYYY-MM-DD HH24");
    case Timeframe::MinuteN:
      return toChar(bucket("minute", extractInteger("MINUTE", expr)), "YYYY-MM-DD HH24:MI");
    case Timeframe::MillisecondN:
      // EXTRACT(NANOSECOND) is the fraction of the second; its milliseconds are the step's.
      return toChar(bucket("millisecond", "FLOOR(EXTRACT(NANOSECOND FROM " + expr + ") / 1000000)"),
                    "YYYY-MM-DD HH24:MI:SS.FF3");
    default:
      return PostgresDialect::renderTimeframe(spec, expr, options);
  }
}

}  // namespace lkml::codegen
