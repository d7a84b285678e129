// BigQuery spellings of dimension group timeframes and time conversions. Every timeframe
// takes a TIMESTAMP: timeValue() casts `datatype: date|datetime` values to one first.
#include "codegen/dialects/bigquery_dialect.h"

namespace lkml::codegen {
namespace {

/// Day-of-week number of PostgreSQL's EXTRACT(DOW) (Sunday = 0); BigQuery's DAYOFWEEK is one
/// more (Sunday = 1).
int sundayZeroDow(Weekday day) { return (static_cast<int>(day) + 1) % 7; }

std::string format(const char* pattern, const std::string& expr) {
  return std::string("FORMAT_TIMESTAMP('") + pattern + "', " + expr + ")";
}

std::string extract(const char* part, const std::string& expr) {
  return std::string("EXTRACT(") + part + " FROM " + expr + ")";
}

std::string asString(const std::string& expr) { return "CAST(" + expr + " AS STRING)"; }

std::string asTimestamp(const std::string& expr) { return "CAST(" + expr + " AS TIMESTAMP)"; }

}  // namespace

std::string BigQueryDialect::timeValue(const std::string& expr, std::string_view datatype) const {
  if (datatype == "date" || datatype == "datetime") return asTimestamp(expr);
  return expr;
}

std::string BigQueryDialect::epochToTimestamp(const std::string& expr) const {
  return "TIMESTAMP_SECONDS(" + expr + ")";
}

std::string BigQueryDialect::yyyymmddToDate(const std::string& expr) const {
  return asTimestamp("PARSE_DATE('%Y%m%d', CAST(" + expr + " AS STRING))");
}

std::string BigQueryDialect::duration(DateUnit unit, const std::string& start,
                                      const std::string& end) const {
  // Whole units elapsed, floored as Looker documents (see PostgresDialect::duration).
  const std::string s = asTimestamp(start), e = asTimestamp(end);
  const std::string micros = "TIMESTAMP_DIFF(" + e + ", " + s + ", MICROSECOND)";
  const std::string calendar = "((" + extract("YEAR", e) + " - " + extract("YEAR", s) +
                               ") * 12 + " + extract("MONTH", e) + " - " + extract("MONTH", s) +
                               ")";
  const std::string shifted =
      "TIMESTAMP(DATETIME_ADD(DATETIME(" + s + "), INTERVAL " + calendar + " MONTH))";
  const std::string wholeMonths =
      "(" + calendar + " - CASE WHEN " + shifted + " > " + e + " THEN 1 ELSE 0 END)";
  auto floorDiv = [](const std::string& value, const char* divisor) {
    return "CAST(FLOOR(" + value + " / " + divisor + ") AS INT64)";
  };
  switch (unit) {
    case DateUnit::Second:
      return floorDiv(micros, "1000000");
    case DateUnit::Minute:
      return floorDiv(micros, "60000000");
    case DateUnit::Hour:
      return floorDiv(micros, "3600000000");
    case DateUnit::Day:
      return floorDiv(micros, "86400000000");
    case DateUnit::Week:
      return floorDiv(micros, "604800000000");
    case DateUnit::Month:
      return wholeMonths;
    case DateUnit::Quarter:
      return floorDiv(wholeMonths, "3");
    case DateUnit::Year:
      return floorDiv(wholeMonths, "12");
  }
  return "NULL";
}

std::string BigQueryDialect::renderTimeframe(const TimeframeSpec& spec, const std::string& expr,
                                             const TimeframeOptions& options) const {
  const Weekday weekStart = options.weekStart;
  const std::string step = std::to_string(spec.step);
  auto fiscal = [&] { return addInterval(expr, -options.fiscalMonthOffset, DateUnit::Month); };
  auto bucket = [&](const char* unit, const char* part) {
    // The unit's start, less its remainder modulo the step: hour6 of 13:45 is 12:00.
    return "TIMESTAMP_SUB(TIMESTAMP_TRUNC(" + expr + ", " + unit + "), INTERVAL MOD(" +
           extract(part, expr) + ", " + step + ") " + unit + ")";
  };
  switch (spec.timeframe) {
    case Timeframe::Raw:
      return expr;
    case Timeframe::Time:
    case Timeframe::Second:
      return format("%F %T", expr);
    case Timeframe::TimeOfDay:
      return format("%H:%M", expr);
    case Timeframe::Date:
      return "DATE(" + expr + ")";
    case Timeframe::Week:
      return format("%F", truncate(DateUnit::Week, expr, weekStart));
    case Timeframe::Month:
      return format("%Y-%m", expr);
    case Timeframe::Quarter:
      return format("%Y-%m", truncate(DateUnit::Quarter, expr, weekStart));
    case Timeframe::Year:
      return extract("YEAR", expr);
    case Timeframe::Hour:
      return format("%F %H", expr);
    case Timeframe::Minute:
      return format("%F %H:%M", expr);
    case Timeframe::HourOfDay:
      return extract("HOUR", expr);
    case Timeframe::DayOfWeek:
      return format("%A", expr);
    case Timeframe::DayOfWeekIndex:
      return "MOD(" + extract("DAYOFWEEK", expr) + " - " +
             std::to_string(sundayZeroDow(weekStart) + 1) + " + 7, 7)";
    case Timeframe::DayOfMonth:
      return extract("DAY", expr);
    case Timeframe::DayOfYear:
      return extract("DAYOFYEAR", expr);
    case Timeframe::WeekOfYear:
      return extract("ISOWEEK", expr);  // PostgreSQL's EXTRACT(WEEK) is the ISO week too
    case Timeframe::MonthNum:
      return extract("MONTH", expr);
    case Timeframe::MonthName:
      return format("%B", expr);
    case Timeframe::QuarterOfYear:
      return "CONCAT('Q', " + asString(extract("QUARTER", expr)) + ")";
    case Timeframe::Millisecond:
      return format("%F %H:%M:%E3S", expr);
    case Timeframe::Microsecond:
      return format("%F %H:%M:%E6S", expr);
    case Timeframe::HourN:
      return format("%F %H", bucket("HOUR", "HOUR"));
    case Timeframe::MinuteN:
      return format("%F %H:%M", bucket("MINUTE", "MINUTE"));
    case Timeframe::MillisecondN:
      // EXTRACT(MILLISECOND) is the millisecond within the second; the step divides 1000.
      return format("%F %H:%M:%E3S", bucket("MILLISECOND", "MILLISECOND"));
    case Timeframe::FiscalYear:
      return extract("YEAR", fiscal());
    case Timeframe::FiscalMonthNum:
      return extract("MONTH", fiscal());
    case Timeframe::FiscalQuarterOfYear:
      return "CONCAT('Q', " + asString(extract("QUARTER", fiscal())) + ")";
    case Timeframe::FiscalQuarter:
      return "CONCAT(" + asString(extract("YEAR", fiscal())) + ", '-Q', " +
             asString(extract("QUARTER", fiscal())) + ")";
    case Timeframe::YesNo:
      return yesNoValue("(" + expr + ") IS NOT NULL");
  }
  return expr;
}

}  // namespace lkml::codegen
