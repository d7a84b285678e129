#include "semantic/field_types.h"

#include <algorithm>

namespace lkml::semantic {

const std::vector<std::string>& dimensionTypes() {
  static const std::vector<std::string> types = {"string",
                                                 "number",
                                                 "yesno",
                                                 "tier",
                                                 "bin",
                                                 "time",
                                                 "date",
                                                 "date_time",
                                                 "date_raw",
                                                 "date_time_of_day",
                                                 "date_date",
                                                 "date_week",
                                                 "date_month",
                                                 "date_quarter",
                                                 "date_year",
                                                 "date_hour",
                                                 "date_minute",
                                                 "date_second",
                                                 "date_day_of_week",
                                                 "date_day_of_month",
                                                 "date_day_of_year",
                                                 "date_week_of_year",
                                                 "date_month_num",
                                                 "date_month_name",
                                                 "date_quarter_of_year",
                                                 "date_hour_of_day",
                                                 "date_fiscal_year",
                                                 "date_fiscal_quarter",
                                                 "date_fiscal_month_num",
                                                 "date_fiscal_quarter_of_year",
                                                 "date_day_of_week_index",
                                                 "date_millisecond",
                                                 "date_microsecond",
                                                 "zipcode",
                                                 "location",
                                                 "distance",
                                                 "duration",
                                                 "duration_day",
                                                 "duration_hour",
                                                 "duration_minute",
                                                 "duration_second",
                                                 "duration_week",
                                                 "duration_month",
                                                 "duration_quarter",
                                                 "duration_year",
                                                 "unquoted",
                                                 "int",
                                                 "list"};
  return types;
}

const std::vector<std::string>& measureTypes() {
  static const std::vector<std::string> types = {"count",
                                                 "count_distinct",
                                                 "sum",
                                                 "sum_distinct",
                                                 "average",
                                                 "average_distinct",
                                                 "median",
                                                 "median_distinct",
                                                 "percentile",
                                                 "percentile_distinct",
                                                 "min",
                                                 "max",
                                                 "list",
                                                 "number",
                                                 "string",
                                                 "date",
                                                 "yesno",
                                                 "percent_of_total",
                                                 "percent_of_previous",
                                                 "running_total",
                                                 "period_over_period",
                                                 "int",
                                                 "date_time",
                                                 "date_date",
                                                 "date_raw",
                                                 "date_month",
                                                 "date_year",
                                                 "date_week",
                                                 "date_quarter",
                                                 "date_hour",
                                                 "date_minute",
                                                 "date_second",
                                                 "date_day_of_month",
                                                 "date_millisecond",
                                                 "date_microsecond",
                                                 "date_time_of_day"};
  return types;
}

const std::vector<std::string>& filterTypes() {
  static const std::vector<std::string> types = {"string",   "number",   "date", "date_time",
                                                 "yesno",    "unquoted", "tier", "zipcode",
                                                 "location", "distance"};
  return types;
}

const std::vector<std::string>& timeframes() {
  static const std::vector<std::string> names = {"raw",
                                                 "time",
                                                 "time_of_day",
                                                 "date",
                                                 "week",
                                                 "month",
                                                 "quarter",
                                                 "year",
                                                 "hour",
                                                 "hour2",
                                                 "hour3",
                                                 "hour4",
                                                 "hour6",
                                                 "hour8",
                                                 "hour12",
                                                 "hour_of_day",
                                                 "minute",
                                                 "minute2",
                                                 "minute3",
                                                 "minute4",
                                                 "minute5",
                                                 "minute6",
                                                 "minute10",
                                                 "minute12",
                                                 "minute15",
                                                 "minute20",
                                                 "minute30",
                                                 "second",
                                                 "millisecond",
                                                 "millisecond2",
                                                 "millisecond4",
                                                 "millisecond5",
                                                 "millisecond8",
                                                 "millisecond10",
                                                 "millisecond20",
                                                 "millisecond25",
                                                 "millisecond40",
                                                 "millisecond50",
                                                 "millisecond100",
                                                 "millisecond125",
                                                 "millisecond200",
                                                 "millisecond250",
                                                 "millisecond500",
                                                 "microsecond",
                                                 "day_of_week",
                                                 "day_of_week_index",
                                                 "day_of_month",
                                                 "day_of_year",
                                                 "week_of_year",
                                                 "month_num",
                                                 "month_name",
                                                 "quarter_of_year",
                                                 "fiscal_month_num",
                                                 "fiscal_quarter",
                                                 "fiscal_quarter_of_year",
                                                 "fiscal_year",
                                                 "yesno"};
  return names;
}

const std::vector<std::string>& defaultTimeframes() {
  // Without `timeframes:` Looker creates every timeframe it documents.
  return timeframes();
}

const std::vector<std::string>& durationIntervals() {
  static const std::vector<std::string> names = {"second", "minute", "hour",    "day",
                                                 "week",   "month",  "quarter", "year"};
  return names;
}

bool isAggregateMeasureType(const std::string& type) {
  static const std::vector<std::string> types = {
      "count",      "count_distinct",      "sum",    "sum_distinct",
      "average",    "average_distinct",    "median", "median_distinct",
      "percentile", "percentile_distinct", "min",    "max",
      "list"};
  return std::find(types.begin(), types.end(), type) != types.end();
}

bool isNonAggregateMeasureType(const std::string& type) {
  return type == "number" || type == "string" || type == "yesno" || type == "date" ||
         type.rfind("date_", 0) == 0 || type == "int";
}

bool measureReadsOwnColumn(const std::string& type) {
  // count needs no value, list reads list_field, and count_distinct without sql counts
  // primary keys (see docs/differences.md).
  return isAggregateMeasureType(type) && type != "count" && type != "list" &&
         type != "count_distinct";
}

}  // namespace lkml::semantic
