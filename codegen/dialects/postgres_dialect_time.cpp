// PostgreSQL spellings of the time conversions used by dimension groups.
#include "codegen/dialects/postgres_dialect.h"

namespace lkml::codegen {

std::string PostgresDialect::epochToTimestamp(const std::string& expr) const {
  return "TO_TIMESTAMP(" + expr + ")::timestamp";
}

std::string PostgresDialect::yyyymmddToDate(const std::string& expr) const {
  return "TO_DATE((" + expr + ")::text, 'YYYYMMDD')";
}

std::string PostgresDialect::duration(DateUnit unit, const std::string& start,
                                      const std::string& end) const {
  // Whole units elapsed, floored as Looker documents ("duration values are floored"): an end
  // 1.5 days before the start is -2 days, not -1.
  const std::string s = "(" + start + ")::timestamp", e = "(" + end + ")::timestamp";
  const std::string seconds = "EXTRACT(EPOCH FROM (" + e + " - " + s + "))";
  // Calendar months: the month difference, less one when adding it to the start overshoots
  // the end (so 01-31 to 02-28 is 0 months, and 03-15 back to 01-10 is -3).
  const std::string calendar = "((EXTRACT(YEAR FROM " + e + ") - EXTRACT(YEAR FROM " + s +
                               ")) * 12 + EXTRACT(MONTH FROM " + e + ") - EXTRACT(MONTH FROM " + s +
                               "))::integer";
  const std::string months = "(" + calendar + " - CASE WHEN " + s + " + " + calendar +
                             " * INTERVAL '1 month' > " + e + " THEN 1 ELSE 0 END)";
  auto floorDiv = [](const std::string& value, const char* divisor) {
    return "FLOOR(" + value + " / " + divisor + ")::bigint";
  };
  switch (unit) {
    case DateUnit::Second:
      return floorDiv(seconds, "1");
    case DateUnit::Minute:
      return floorDiv(seconds, "60");
    case DateUnit::Hour:
      return floorDiv(seconds, "3600");
    case DateUnit::Day:
      return floorDiv(seconds, "86400");
    case DateUnit::Week:
      return floorDiv(seconds, "604800");
    case DateUnit::Month:
      return months + "::bigint";
    case DateUnit::Quarter:
      return floorDiv(months, "3.0");
    case DateUnit::Year:
      return floorDiv(months, "12.0");
  }
  return "NULL";
}

}  // namespace lkml::codegen
