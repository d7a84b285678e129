#include "semantic/lower_view.h"

#include "semantic/field_types.h"
#include "semantic/lower_explore_source.h"
#include "semantic/lower_field.h"
#include "semantic/node_merge.h"
#include "semantic/semantic_diagnostics.h"

namespace lkml::semantic {

View lowerView(const syntax::Node& block, LowerContext& ctx) {
  View view;
  view.name = std::string(objectName(block));
  view.span = block.span;
  view.file = block.span.file;
  view.name_span = block.value.span;
  // The number of fields, so the vector is allocated once at its size (a group expands to one
  // field per timeframe or interval; more than it has only when it repeats a timeframe).
  size_t estimate = 0;
  for (const syntax::Node& c : block.children) {
    if (c.key != "dimension_group") {
      estimate += isFieldKey(c.key) ? 1 : 0;
      continue;
    }
    const syntax::Node* type = c.child("type");
    const bool duration = type && type->value.text == "duration";
    const syntax::Node* list = c.child(duration ? "intervals" : "timeframes");
    estimate += list && list->isList() ? list->items.size()
                : duration             ? durationIntervals().size()
                                       : defaultTimeframes().size();
  }
  view.fields.reserve(estimate);
  for (const syntax::Node& c : block.children) {
    std::string_view key = c.key;
    if (isFieldKey(key)) {
      lowerField(c, view.name, ctx, &view.fields);
    } else if (key == "sql_table_name") {
      view.sql_table_name = ctx.sourceText(c);
    } else if (key == "derived_table" && c.isBlock()) {
      view.has_derived_table = true;
      for (const syntax::Node& d : c.children) {
        if (d.key == "sql") view.derived_table_sql = ctx.sourceText(d);
        if (d.key == "explore_source") view.native_derived_table = true;
        if ((d.key == "sql_create" || d.key == "create_process") && view.persisted_by.empty()) {
          view.persisted_by = std::string(d.key);
          view.persisted_by_span = d.key_span;
        }
      }
      view.explore_source = lowerNativeDerivedTable(c, ctx);
    } else if (key == "extension") {
      view.extension_required = ctx.text(c) == "required";
      ctx.checkEnum(c, ctx.text(c), {"required"}, "`extension`");
    } else if (key == "extends") {
      view.extends = ctx.list(c);
    } else if (key == "drill_fields") {
      view.drill_fields = ctx.list(c);
      view.drill_field_spans = LowerContext::listSpans(c);
    } else if (key == "label") {
      view.label = ctx.text(c);
    } else if (key == "required_access_grants") {
      view.required_access_grants = ctx.list(c);
      view.grants_span = c.span;
    } else if (key == "set" && c.isBlock()) {
      FieldSet set;
      set.name = std::string(c.value.text);
      set.span = c.span;
      if (const syntax::Node* fields = c.child("fields")) {
        set.fields = ctx.list(*fields);
        set.field_spans = LowerContext::listSpans(*fields);
      }
      view.sets.push_back(std::move(set));
    }
  }
  // Index fields; a later definition of the same name is a duplicate (reported by checks).
  view.indexFields();
  return view;
}

}  // namespace lkml::semantic
