#include "ide/parameter_values.h"

#include "semantic/field_types.h"

namespace lkml::ide {

std::vector<std::string> parameterValues(std::string_view block, std::string_view key) {
  if (key == "type") {
    if (block == "dimension") return semantic::dimensionTypes();
    if (block == "measure") return semantic::measureTypes();
    if (block == "filter" || block == "parameter") return semantic::filterTypes();
    if (block == "dimension_group") return {"time", "duration"};
    if (block == "join") return {"left_outer", "inner", "full_outer", "cross"};
    return {};
  }
  if (key == "relationship") return {"many_to_one", "one_to_many", "one_to_one", "many_to_many"};
  if (key == "datatype") return {"timestamp", "datetime", "date", "epoch", "yyyymmdd"};
  if (key == "extension") return {"required"};
  if (key == "week_start_day") {
    return {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  }
  if (key == "value_format_name") {
    return {"decimal_0", "decimal_1", "decimal_2", "decimal_3", "decimal_4",
            "usd_0",     "usd",       "gbp_0",     "gbp",       "eur_0",
            "eur",       "id",        "percent_0", "percent_1", "percent_2"};
  }
  static const char* const kYesNo[] = {"hidden",
                                       "primary_key",
                                       "convert_tz",
                                       "symmetric_aggregates",
                                       "case_sensitive",
                                       "can_filter",
                                       "alpha_sort",
                                       "allow_fill",
                                       "suggestable",
                                       "bind_all_filters",
                                       "allow_approximate_optimization"};
  for (const char* yes_no : kYesNo) {
    if (key == yes_no) return {"yes", "no"};
  }
  return {};
}

}  // namespace lkml::ide
