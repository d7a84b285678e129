#include "codegen/dialects/datediff_duration.h"

namespace lkml::codegen {

std::string dateAdd(const std::string& expr, int64_t count, DateUnit unit) {
  if (count == 0) return expr;
  return std::string("DATEADD(") + dateUnitName(unit) + ", " + std::to_string(count) + ", " + expr +
         ")";
}

std::string dateDiffDuration(DateUnit unit, const std::string& start, const std::string& end,
                             const char* timestampType) {
  const std::string s = "CAST(" + start + " AS " + timestampType + ")";
  const std::string e = "CAST(" + end + " AS " + timestampType + ")";
  // DATEDIFF counts unit boundaries crossed, not whole units: microseconds are exact enough
  // to floor every unit up to a week.
  const std::string micros = "DATEDIFF(microsecond, " + s + ", " + e + ")";
  // DATEDIFF(month) is the calendar month difference; one less when adding it to the start
  // overshoots the end (01-31 to 02-28 is 0 months).
  const std::string calendar = "DATEDIFF(month, " + s + ", " + e + ")";
  const std::string months = "(" + calendar + " - CASE WHEN DATEADD(month, " + calendar + ", " + s +
                             ") > " + e + " THEN 1 ELSE 0 END)";
  auto floorDiv = [](const std::string& value, const char* divisor) {
    return "CAST(FLOOR(" + value + " / " + divisor + ") AS BIGINT)";
  };
  switch (unit) {
    case DateUnit::Second:
      return floorDiv(micros, "1000000.0");
    case DateUnit::Minute:
      return floorDiv(micros, "60000000.0");
    case DateUnit::Hour:
      return floorDiv(micros, "3600000000.0");
    case DateUnit::Day:
      return floorDiv(micros, "86400000000.0");
    case DateUnit::Week:
      return floorDiv(micros, "604800000000.0");
    case DateUnit::Month:
      return months;
    case DateUnit::Quarter:
      return floorDiv(months, "3.0");
    case DateUnit::Year:
      return floorDiv(months, "12.0");
  }
  return "NULL";
}

}  // namespace lkml::codegen
