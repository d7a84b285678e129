#include "semantic/lower_field.h"

#include "semantic/field_types.h"
#include "semantic/semantic_diagnostics.h"

namespace lkml::semantic {

namespace {

FieldKind kindOf(std::string_view key) {
  if (key == "measure") return FieldKind::Measure;
  if (key == "filter") return FieldKind::Filter;
  if (key == "parameter") return FieldKind::Parameter;
  return FieldKind::Dimension;
}

void readMeasureFilters(const syntax::Node& node, LowerContext& ctx, Field* field) {
  if (node.isList()) {
    for (const auto& item : node.items) {
      if (!item.map_value.present()) continue;
      field->filters.push_back({std::string(item.value.text),
                                ctx.expand(item.map_value.unescaped(), item.map_value.span),
                                item.span, item.map_value.span});
    }
  } else if (node.isBlock()) {  // old style: filters: { field: x value: "y" }
    MeasureFilter filter;
    filter.span = node.span;
    for (const auto& c : node.children) {
      if (c.key == "field") filter.field = ctx.text(c);
      if (c.key == "value") {
        filter.expression = ctx.text(c);
        filter.expression_span = c.value.span;
      }
    }
    if (!filter.field.empty()) field->filters.push_back(std::move(filter));
  }
}

// `case: { when: { sql: ... ;; label: "..." } ... else: "..." }`.
void readCase(const syntax::Node& node, LowerContext& ctx, Field* field) {
  FieldDetails& details = field->mutableDetails();
  details.case_whens.clear();
  for (const syntax::Node& c : node.children) {
    if (c.key == "when") {
      FieldDetails::CaseWhen when;
      for (const syntax::Node& w : c.children) {
        if (w.key == "sql") when.sql = ctx.sourceText(w);
        if (w.key == "label") when.label = ctx.text(w);
      }
      details.case_whens.push_back(std::move(when));
    } else if (c.key == "else") {
      details.has_case_else = true;
      details.case_else = ctx.text(c);
    }
  }
}

// Reads the parameters shared by every kind of field.
void readCommon(const syntax::Node& block, LowerContext& ctx, Field* field,
                std::vector<std::string>* timeframe_list, std::vector<std::string>* intervals) {
  for (const syntax::Node& c : block.children) {
    std::string_view key = c.key;
    if (key == "type")
      field->type = ctx.text(c);
    else if (key == "sql")
      field->sql = ctx.sourceText(c);
    else if (key == "sql_start")
      field->mutableDetails().sql_start = ctx.sourceText(c);
    else if (key == "sql_end")
      field->mutableDetails().sql_end = ctx.sourceText(c);
    else if (key == "primary_key")
      field->primary_key = ctx.yesNo(c, false);
    else if (key == "hidden")
      field->hidden = ctx.yesNo(c, false);
    else if (key == "label")
      field->label = ctx.text(c);
    else if (key == "description")
      field->description = ctx.text(c);
    else if (key == "group_label")
      field->group_label = ctx.text(c);
    else if (key == "value_format_name")
      field->value_format_name = ctx.text(c);
    else if (key == "value_format")
      field->mutableDetails().value_format = ctx.text(c);
    else if (key == "tags")
      field->mutableDetails().tags = ctx.list(c);
    else if (key == "required_access_grants") {
      field->required_access_grants = ctx.list(c);
      field->grants_span = c.span;
    } else if (key == "filters")
      readMeasureFilters(c, ctx, field);
    else if (key == "drill_fields") {
      field->drill_fields = ctx.list(c);
      field->drill_field_spans = LowerContext::listSpans(c);
    } else if (key == "tiers" || key == "bins")  // `bins`: type: bin's name for tiers
      field->mutableDetails().tiers = ctx.list(c);
    else if (key == "case" && c.isBlock())
      readCase(c, ctx, field);
    else if (key == "alpha_sort")
      field->mutableDetails().alpha_sort = ctx.yesNo(c, false);
    else if (key == "order_by_field")
      field->mutableDetails().order_by_field = ctx.text(c);
    else if (key == "sql_latitude")
      field->mutableDetails().sql_latitude = ctx.sourceText(c);
    else if (key == "sql_longitude")
      field->mutableDetails().sql_longitude = ctx.sourceText(c);
    else if (key == "start_location_field")
      field->mutableDetails().start_location_field = ctx.text(c);
    else if (key == "end_location_field")
      field->mutableDetails().end_location_field = ctx.text(c);
    else if (key == "units")
      field->mutableDetails().units = ctx.text(c);
    else if (key == "case_sensitive")
      field->mutableDetails().case_sensitive = ctx.yesNo(c, true) ? 1 : 0;
    else if (key == "precision" || key == "fanout_on" || key == "expression" ||
             key == "filter_expression" || key == "week_start_day")
      // They change the field's SQL in Looker and lkml does not compile them: precision sets
      // the decimals of *_distinct sums, fanout_on unnests a repeated column, expression and
      // filter_expression are Looker expressions, week_start_day moves a group's weeks.
      field->mutableDetails().uncompiled_parameters.emplace_back(std::string(key), c.span);
    else if (key == "style")
      field->mutableDetails().style = ctx.text(c);
    else if (key == "sql_distinct_key")
      field->mutableDetails().sql_distinct_key = ctx.sourceText(c);
    else if (key == "percentile")
      field->mutableDetails().percentile = ctx.text(c);
    else if (key == "list_field")
      field->mutableDetails().list_field = ctx.text(c);
    else if (key == "html")
      field->mutableDetails().html = ctx.sourceText(c);
    else if (key == "link") {
      for (const syntax::Node& part : c.children) {
        if (!part.isBlock()) field->mutableDetails().links.push_back(ctx.sourceText(part));
      }
    } else if (key == "required_fields") {
      field->mutableDetails().required_fields = ctx.list(c);
      field->mutableDetails().required_field_spans = LowerContext::listSpans(c);
    } else if (key == "datatype")
      field->datatype = ctx.text(c);
    else if (key == "convert_tz")
      field->convert_tz = ctx.yesNo(c, true);
    else if (key == "default_value")
      field->mutableDetails().default_value = ctx.text(c);
    else if (key == "allowed_value") {
      for (const auto& v : c.children) {
        if (v.key == "value") field->mutableDetails().allowed_values.push_back(ctx.text(v));
      }
    } else if (key == "timeframes" && timeframe_list)
      *timeframe_list = ctx.list(c);
    else if (key == "intervals" && intervals)
      *intervals = ctx.list(c);
  }
}

}  // namespace

bool isFieldKey(std::string_view key) {
  return key == "dimension" || key == "dimension_group" || key == "measure" || key == "filter" ||
         key == "parameter";
}

void lowerField(const syntax::Node& block, const std::string& view_name, LowerContext& ctx,
                std::vector<Field>* out) {
  if (!block.isBlock() || !block.value.present()) return;
  Field field;
  field.name = std::string(block.value.text);
  field.kind = kindOf(block.key);
  field.view = view_name;
  field.span = block.span;
  field.name_span = block.value.span;
  std::vector<std::string> timeframe_list, intervals;
  readCommon(block, ctx, &field, &timeframe_list, &intervals);
  const syntax::Node* type_node = block.child("type");

  if (block.key == "dimension_group") {
    field.group = field.name;
    if (field.type.empty()) field.type = "time";
    if (field.type == "duration") {
      if (intervals.empty()) intervals = durationIntervals();
      const syntax::Node* intervals_node = block.child("intervals");
      for (const std::string& interval : intervals) {
        if (intervals_node &&
            !ctx.checkEnum(*intervals_node, interval, durationIntervals(), "a duration interval")) {
          continue;
        }
        Field f = field;
        f.interval = interval;
        f.name = interval + "s_" + field.group;
        out->push_back(std::move(f));
      }
      return;
    }
    if (field.type != "time") {
      if (type_node) {
        ctx.checkEnum(*type_node, field.type, {"time", "duration"}, "a dimension_group type");
      }
      return;
    }
    if (!field.sql.present()) {
      // Looker defaults a field's `sql` to `${TABLE}.<name>` when it is omitted, and lists
      // Dimension Group among the field types `sql` applies to
      // (cloud.google.com/looker/docs/reference/param-field-sql); for a time group the name is
      // the group's, e.g. job_slot_concurrency.view.lkml's `slot_activity_period`. A duration
      // reads sql_start/sql_end instead, so it gets no default.
      field.sql.text = "${TABLE}." + field.group;
      field.sql.span = field.name_span;
      field.sql_defaulted = true;
    }
    if (timeframe_list.empty()) timeframe_list = defaultTimeframes();
    const syntax::Node* list_node = block.child("timeframes");
    for (const std::string& timeframe : timeframe_list) {
      if (list_node && !ctx.checkEnum(*list_node, timeframe, timeframes(), "a timeframe")) continue;
      Field f = field;
      f.timeframe = timeframe;
      f.name = field.group + "_" + timeframe;
      out->push_back(std::move(f));
    }
    return;
  }

  switch (field.kind) {
    case FieldKind::Dimension:
      if (field.type.empty()) field.type = "string";
      if (type_node) ctx.checkEnum(*type_node, field.type, dimensionTypes(), "a dimension type");
      break;
    case FieldKind::Measure:
      // Looker's default measure type is `string` (the SQL as written). Without `sql:` there
      // is nothing to pass through, and `measure: count {}` means a row count: count.
      if (field.type.empty()) field.type = field.sql.present() ? "string" : "count";
      if (type_node) ctx.checkEnum(*type_node, field.type, measureTypes(), "a measure type");
      break;
    case FieldKind::Filter:
    case FieldKind::Parameter:
      if (field.type.empty()) field.type = "string";
      if (type_node) ctx.checkEnum(*type_node, field.type, filterTypes(), "a filter type");
      break;
  }
  if ((field.kind == FieldKind::Dimension ||
       (field.kind == FieldKind::Measure && measureReadsOwnColumn(field.type))) &&
      !field.sql.present()) {
    // Looker's default: the column of the same name.
    field.sql.text = "${TABLE}." + field.name;
    field.sql.span = field.name_span;
    field.sql_defaulted = true;
  }
  out->push_back(std::move(field));
}

}  // namespace lkml::semantic
