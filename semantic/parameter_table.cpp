#include "semantic/parameter_table.h"

#include <algorithm>

namespace lkml::semantic {

namespace {

std::vector<std::string> sorted(std::vector<std::string> names) {
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

const char* paramContextName(ParamContext context) {
  switch (context) {
    case ParamContext::TopLevel:
      return "a file's top level";
    case ParamContext::View:
      return "a view";
    case ParamContext::Field:
      return "a field";
    case ParamContext::Explore:
      return "an explore";
    case ParamContext::Join:
      return "a join";
    case ParamContext::DerivedTable:
      return "a derived_table";
    case ParamContext::AccessGrant:
      return "an access_grant";
  }
  return "a block";
}

const std::vector<std::string>& knownParameters(ParamContext context) {
  static const std::vector<std::string> top = sorted({"access_grant",
                                                      "application",
                                                      "case_sensitive",
                                                      "connection",
                                                      "constant",
                                                      "datagroup",
                                                      "explore",
                                                      "extension",
                                                      "fiscal_month_offset",
                                                      "include",
                                                      "label",
                                                      "local_dependency",
                                                      "localization_settings",
                                                      "map_layer",
                                                      "named_value_format",
                                                      "new_lookml_runtime",
                                                      "override_constant",
                                                      "persist_for",
                                                      "persist_with",
                                                      "project_name",
                                                      "remote_dependency",
                                                      "test",
                                                      "view",
                                                      "visualization",
                                                      "week_start_day",
                                                      "aggregate_awareness",
                                                      "marketplace_ref",
                                                      "legacy_feature",
                                                      "lookml_references",
                                                      "theme",
                                                      "dashboard"});
  static const std::vector<std::string> view = sorted({"alias",
                                                       "derived_table",
                                                       "description",
                                                       "dimension",
                                                       "dimension_group",
                                                       "drill_fields",
                                                       "extends",
                                                       "extension",
                                                       "fields_hidden_by_default",
                                                       "filter",
                                                       "final",
                                                       "include",
                                                       "label",
                                                       "measure",
                                                       "parameter",
                                                       "required_access_grants",
                                                       "set",
                                                       "sql_table_name",
                                                       "suggestions",
                                                       "view_label",
                                                       "tags",
                                                       "sql_preamble",
                                                       "persist_for",
                                                       "required_fields",
                                                       "test"});
  static const std::vector<std::string> field = sorted({"action",
                                                        "alias",
                                                        "allow_approximate_optimization",
                                                        "allow_fill",
                                                        "allowed_value",
                                                        "approximate",
                                                        "approximate_threshold",
                                                        "based_on",
                                                        "based_on_time",
                                                        "bins",
                                                        "bypass_suggest_restrictions",
                                                        "can_filter",
                                                        "case",
                                                        "case_sensitive",
                                                        "convert_tz",
                                                        "datatype",
                                                        "default_value",
                                                        "description",
                                                        "direction",
                                                        "drill_fields",
                                                        "end_location_field",
                                                        "fanout_on",
                                                        "filters",
                                                        "full_suggestions",
                                                        "group_item_label",
                                                        "group_label",
                                                        "hidden",
                                                        "html",
                                                        "intervals",
                                                        "kind",
                                                        "label",
                                                        "label_from_parameter",
                                                        "link",
                                                        "list_field",
                                                        "map_layer_name",
                                                        "order_by_field",
                                                        "percentile",
                                                        "period",
                                                        "precision",
                                                        "primary_key",
                                                        "required_access_grants",
                                                        "required_fields",
                                                        "skip_drill_filter",
                                                        "sql",
                                                        "sql_distinct_key",
                                                        "sql_end",
                                                        "sql_latitude",
                                                        "sql_longitude",
                                                        "sql_start",
                                                        "start_location_field",
                                                        "string_datatype",
                                                        "style",
                                                        "suggest_dimension",
                                                        "suggest_explore",
                                                        "suggest_persist_for",
                                                        "suggestable",
                                                        "suggestions",
                                                        "tags",
                                                        "tiers",
                                                        "timeframes",
                                                        "type",
                                                        "units",
                                                        "value_format",
                                                        "value_format_name",
                                                        "value_to_date",
                                                        "view_label",
                                                        "week_start_day",
                                                        "order_by",
                                                        "allowed_values",
                                                        "expression",
                                                        "sorts",
                                                        "filter_expression"});
  static const std::vector<std::string> explore = sorted({"access_filter",
                                                          "aggregate_table",
                                                          "always_filter",
                                                          "always_join",
                                                          "cancel_grouping_fields",
                                                          "case_sensitive",
                                                          "conditionally_filter",
                                                          "description",
                                                          "extends",
                                                          "extension",
                                                          "fields",
                                                          "final",
                                                          "from",
                                                          "group_label",
                                                          "hidden",
                                                          "join",
                                                          "label",
                                                          "persist_for",
                                                          "persist_with",
                                                          "query",
                                                          "required_access_grants",
                                                          "required_joins",
                                                          "sql_always_having",
                                                          "sql_always_where",
                                                          "sql_preamble",
                                                          "sql_table_name",
                                                          "symmetric_aggregates",
                                                          "tags",
                                                          "view_label",
                                                          "view_name",
                                                          "sorts",
                                                          "link"});
  static const std::vector<std::string> join =
      sorted({"fields", "foreign_key", "from", "outer_only", "relationship",
              "required_access_grants", "required_joins", "sql", "sql_foreign_key", "sql_on",
              "sql_table_name", "sql_where", "type", "view_label"});
  static const std::vector<std::string> derived_table = sorted({"cluster_keys",
                                                                "create_process",
                                                                "datagroup_trigger",
                                                                "distribution",
                                                                "distribution_style",
                                                                "explore_source",
                                                                "increment_key",
                                                                "increment_offset",
                                                                "indexes",
                                                                "interval_trigger",
                                                                "materialized_view",
                                                                "partition_keys",
                                                                "persist_for",
                                                                "publish_as_db_view",
                                                                "sortkeys",
                                                                "sql",
                                                                "sql_create",
                                                                "sql_trigger_value",
                                                                "table_compression",
                                                                "table_format",
                                                                "sql_step",
                                                                "partition_by"});
  static const std::vector<std::string> grant = sorted({"allowed_values", "user_attribute"});
  switch (context) {
    case ParamContext::TopLevel:
      return top;
    case ParamContext::View:
      return view;
    case ParamContext::Field:
      return field;
    case ParamContext::Explore:
      return explore;
    case ParamContext::Join:
      return join;
    case ParamContext::DerivedTable:
      return derived_table;
    case ParamContext::AccessGrant:
      return grant;
  }
  return top;
}

bool isKnownParameter(ParamContext context, const std::string& key) {
  const auto& names = knownParameters(context);
  return std::binary_search(names.begin(), names.end(), key);
}

}  // namespace lkml::semantic
