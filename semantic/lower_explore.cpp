#include "semantic/lower_explore.h"

#include "semantic/node_merge.h"
#include "semantic/semantic_diagnostics.h"

namespace lkml::semantic {

namespace {

// `filters: [a: "x"]` or old-style `filters: { field: a value: "x" }` inside always_filter /
// conditionally_filter.
void readFilterDefaults(const syntax::Node& block, LowerContext& ctx,
                        std::vector<FilterDefault>* filters, std::vector<std::string>* unless) {
  for (const syntax::Node& c : block.children) {
    if (c.key == "filters" && c.isList()) {
      for (const auto& item : c.items) {
        if (!item.map_value.present()) continue;
        filters->push_back({std::string(item.value.text),
                            ctx.expand(item.map_value.unescaped(), item.map_value.span), item.span,
                            item.map_value.span});
      }
    } else if (c.key == "filters" && c.isBlock()) {
      FilterDefault f;
      f.span = c.span;
      for (const auto& d : c.children) {
        if (d.key == "field") f.field = ctx.text(d);
        if (d.key == "value") {
          f.expression = ctx.text(d);
          f.expression_span = d.value.span;
        }
      }
      filters->push_back(std::move(f));
    } else if (c.key == "unless" && unless) {
      *unless = ctx.list(c);
    }
  }
}

Join lowerJoin(const syntax::Node& block, LowerContext& ctx) {
  Join join;
  join.name = std::string(block.value.text);
  join.view = join.name;
  join.span = block.span;
  join.name_span = block.value.span;
  for (const syntax::Node& c : block.children) {
    std::string_view key = c.key;
    if (key == "from") {
      join.view = ctx.text(c);
      join.from_span = c.value.span;
    } else if (key == "type") {
      std::string value = ctx.text(c);
      if (ctx.checkEnum(c, value, {"left_outer", "inner", "full_outer", "cross"}, "join `type`")) {
        if (auto t = parseJoinType(value)) join.type = *t;
      }
    } else if (key == "relationship") {
      std::string value = ctx.text(c);
      // Given, even when invalid (reported here): LKML209 "no relationship" would be wrong.
      join.relationship_given = true;
      if (ctx.checkEnum(c, value, {"many_to_one", "one_to_many", "one_to_one", "many_to_many"},
                        "`relationship`")) {
        if (auto r = parseRelationship(value)) join.relationship = *r;
      }
    } else if (key == "sql_on") {
      join.sql_on = ctx.sourceText(c);
    } else if (key == "foreign_key") {
      join.foreign_key = ctx.sourceText(c);
    } else if (key == "sql_foreign_key") {
      join.foreign_key = ctx.sourceText(c);
    } else if (key == "sql") {
      join.sql = ctx.sourceText(c);  // legacy: the whole JOIN clause
    } else if (key == "sql_where") {
      join.sql_where = ctx.sourceText(c);
    } else if (key == "fields") {
      join.has_fields = true;
      join.fields = ctx.list(c);
      join.field_spans = LowerContext::listSpans(c);
    } else if (key == "required_joins") {
      join.required_joins = ctx.list(c);
      join.required_join_spans = LowerContext::listSpans(c);
    } else if (key == "required_access_grants") {
      join.required_access_grants = ctx.list(c);
      join.grants_span = c.span;
    } else if (key == "view_label") {
      join.view_label = ctx.text(c);
    }
  }
  return join;
}

}  // namespace

Explore lowerExplore(const syntax::Node& block, LowerContext& ctx) {
  Explore explore;
  explore.name = std::string(objectName(block));
  explore.span = block.span;
  explore.file = block.span.file;
  explore.name_span = block.value.span;
  std::string from, view_name;
  for (const syntax::Node& c : block.children) {
    std::string_view key = c.key;
    if (key == "from") {
      from = ctx.text(c);
      explore.view_span = c.value.span;
    } else if (key == "view_name") {
      view_name = ctx.text(c);
      if (from.empty()) explore.view_span = c.value.span;
    } else if (key == "label")
      explore.label = ctx.text(c);
    else if (key == "description")
      explore.description = ctx.text(c);
    else if (key == "group_label")
      explore.group_label = ctx.text(c);
    else if (key == "view_label")
      explore.view_label = ctx.text(c);
    else if (key == "hidden")
      explore.hidden = ctx.yesNo(c, false);
    else if (key == "symmetric_aggregates")
      explore.symmetric_aggregates = ctx.yesNo(c, true);
    else if (key == "extension") {
      explore.extension_required = ctx.text(c) == "required";
      ctx.checkEnum(c, ctx.text(c), {"required"}, "`extension`");
    } else if (key == "extends")
      explore.extends = ctx.list(c);
    else if (key == "join" && c.isBlock() && c.value.present() && !c.value.text.empty())
      explore.joins.push_back(lowerJoin(c, ctx));  // a nameless join is reported (LKML202)
    else if (key == "fields") {
      explore.has_fields = true;
      explore.fields = ctx.list(c);
      explore.fields_span = c.span;
      explore.field_spans = LowerContext::listSpans(c);
    } else if (key == "sql_always_where")
      explore.sql_always_where = ctx.sourceText(c);
    else if (key == "sql_always_having")
      explore.sql_always_having = ctx.sourceText(c);
    else if (key == "always_filter" && c.isBlock()) {
      readFilterDefaults(c, ctx, &explore.always_filter, nullptr);
    } else if (key == "conditionally_filter" && c.isBlock()) {
      readFilterDefaults(c, ctx, &explore.conditionally_filter,
                         &explore.conditionally_filter_unless);
    } else if (key == "access_filter" && c.isBlock()) {
      AccessFilter filter;
      filter.span = c.span;
      for (const auto& d : c.children) {
        if (d.key == "field") {
          filter.field = ctx.text(d);
          filter.field_span = d.value.span;
        }
        if (d.key == "user_attribute") filter.user_attribute = ctx.text(d);
      }
      explore.access_filters.push_back(std::move(filter));
    } else if (key == "required_access_grants") {
      explore.required_access_grants = ctx.list(c);
      explore.grants_span = c.span;
    } else if (key == "always_join") {
      explore.always_join = ctx.list(c);
      explore.always_join_spans = LowerContext::listSpans(c);
    } else if (key == "tags") {
      explore.tags = ctx.list(c);
    }
  }
  // `from` picks the view; `view_name` names the alias (and the view when `from` is absent).
  explore.view = !from.empty() ? from : !view_name.empty() ? view_name : explore.name;
  explore.alias = !view_name.empty() ? view_name : explore.name;
  // A field name without a view (`field: user_id`) means the base view's field, as in Looker;
  // qualified here so lint and the query compiler see the same `alias.field`.
  auto qualify = [&](std::string& field) {
    if (!field.empty() && field.find('.') == std::string::npos) {
      field = explore.alias + "." + field;
    }
  };
  for (FilterDefault& f : explore.always_filter) qualify(f.field);
  for (FilterDefault& f : explore.conditionally_filter) qualify(f.field);
  for (std::string& field : explore.conditionally_filter_unless) qualify(field);
  for (AccessFilter& f : explore.access_filters) qualify(f.field);
  return explore;
}

AccessGrant lowerAccessGrant(const syntax::Node& block, LowerContext& ctx) {
  AccessGrant grant;
  grant.name = std::string(block.value.text);
  grant.span = block.span;
  grant.name_span = block.value.span;
  for (const syntax::Node& c : block.children) {
    if (c.key == "user_attribute") grant.user_attribute = ctx.text(c);
    if (c.key == "allowed_values") grant.allowed_values = ctx.list(c);
  }
  return grant;
}

}  // namespace lkml::semantic
