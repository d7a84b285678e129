#include "semantic/lower_explore_source.h"

#include <cctype>
#include <memory>

#include "semantic/semantic_diagnostics.h"

namespace lkml::semantic {

namespace {

std::string itemText(const syntax::Scalar& s, LowerContext& ctx) {
  return ctx.expand(s.quoted() ? s.unescaped() : std::string(s.text), s.span);
}

void lowerFilters(const syntax::Node& c, LowerContext& ctx, ExploreSource& out) {
  if (c.isList()) {  // filters: [view.field: "expression", ...]
    for (const auto& item : c.items) {
      if (!item.map_value.present()) continue;
      out.filters.push_back({std::string(item.value.text), itemText(item.map_value, ctx), item.span,
                             item.map_value.span});
    }
  } else if (c.isBlock()) {  // old style: filters: { field: view.field value: "expression" }
    ExploreSourceFilter f;
    f.span = c.span;
    for (const syntax::Node& d : c.children) {
      if (d.key == "field") f.field = ctx.text(d);
      if (d.key == "value") {
        f.expression = ctx.text(d);
        f.expression_span = d.value.span;
      }
    }
    if (!f.expression_span.valid()) f.expression_span = c.span;
    out.filters.push_back(std::move(f));
  }
}

void lowerSorts(const syntax::Node& c, LowerContext& ctx, ExploreSource& out) {
  if (c.isList()) {  // sorts: [view.field: desc, other: asc]
    for (const auto& item : c.items) {
      ExploreSourceSort s;
      s.field = std::string(item.value.text);
      s.span = item.value.span;
      if (item.map_value.present()) {
        std::string direction = item.map_value.unescaped();
        s.descending = direction == "desc";
        if (direction != "asc" && direction != "desc") {
          Diagnostic d =
              makeSemDiagnostic(SemCode::invalid_value, item.map_value.span,
                                "invalid sort direction `" + direction + "` for `" + s.field + "`");
          d.help = "write `asc` or `desc`";
          ctx.sink().report(std::move(d));
        }
      }
      out.sorts.push_back(std::move(s));
    }
  } else if (c.isBlock()) {  // old style: sort: { field: view.field desc: yes }
    ExploreSourceSort s;
    s.span = c.span;
    for (const syntax::Node& d : c.children) {
      if (d.key == "field") s.field = ctx.text(d);
      if (d.key == "desc") s.descending = ctx.yesNo(d, false);
    }
    out.sorts.push_back(std::move(s));
  }
}

}  // namespace

ExploreSource lowerExploreSource(const syntax::Node& block, LowerContext& ctx) {
  ExploreSource out;
  out.explore = std::string(block.value.text);
  out.span = block.span;
  out.explore_span = block.value.span.valid() ? block.value.span : block.span;
  for (const syntax::Node& c : block.children) {
    std::string_view key = c.key;
    if (key == "column" && c.isBlock()) {
      ExploreSourceColumn col;
      col.name = std::string(c.value.text);
      col.span = c.span;
      col.field_span = c.value.span.valid() ? c.value.span : c.span;
      if (const syntax::Node* f = c.child("field")) {
        col.field = ctx.text(*f);
        col.field_given = true;
        col.field_span = f->value.span.valid() ? f->value.span : f->span;
      } else {
        col.field = out.explore + "." + col.name;  // Looker's default: the explore's own field
      }
      out.columns.push_back(std::move(col));
    } else if (key == "derived_column" && c.isBlock()) {
      ExploreSourceDerivedColumn col;
      col.name = std::string(c.value.text);
      col.span = c.span;
      if (const syntax::Node* sql = c.child("sql")) {
        SourceText text = ctx.sourceText(*sql);
        col.sql = text.text;
        col.sql_span = text.span;
      }
      out.derived_columns.push_back(std::move(col));
    } else if (key == "filters") {
      lowerFilters(c, ctx, out);
    } else if (key == "sorts" || key == "sort") {
      lowerSorts(c, ctx, out);
    } else if (key == "bind_filters" && c.isBlock()) {
      ExploreSourceBinding b;
      b.span = b.from_span = b.to_span = c.span;
      for (const syntax::Node& d : c.children) {
        if (d.key == "from_field") {
          b.from_field = ctx.text(d);
          b.from_span = d.value.span;
        } else if (d.key == "to_field") {
          b.to_field = ctx.text(d);
          b.to_span = d.value.span;
        }
      }
      out.bind_filters.push_back(std::move(b));
    } else if (key == "bind_all_filters") {
      out.bind_all_filters = ctx.yesNo(c, false);
      out.bind_all_filters_span = c.span;
    } else if (key == "expression_custom_filter") {
      out.expression_custom_filter = ctx.text(c);
      out.expression_custom_filter_span = c.span;
    } else if (key == "timezone") {
      out.timezone = ctx.text(c);
      out.timezone_span = c.value.span.valid() ? c.value.span : c.span;
    } else if (key == "limit") {
      std::string text = ctx.text(c);
      out.limit_span = c.value.span.valid() ? c.value.span : c.span;
      bool digits = !text.empty() && text.size() < 19;
      for (char ch : text) digits &= std::isdigit(static_cast<unsigned char>(ch)) != 0;
      if (digits) {
        out.limit = std::stoull(text);
      } else {
        Diagnostic d = makeSemDiagnostic(SemCode::invalid_value, out.limit_span,
                                         "invalid value `" + text + "` for `limit`");
        d.help = "write a whole number of rows, e.g. `limit: 10`";
        ctx.sink().report(std::move(d));
      }
    }
  }
  return out;
}

std::shared_ptr<const ExploreSource> lowerNativeDerivedTable(const syntax::Node& derived_table,
                                                             LowerContext& ctx) {
  const syntax::Node* source = derived_table.child("explore_source");
  if (!source || !source->isBlock()) return nullptr;
  auto out = std::make_shared<ExploreSource>(lowerExploreSource(*source, ctx));
  for (const syntax::Node& c : derived_table.children) {
    for (const char* key :
         {"datagroup_trigger", "persist_for", "sql_trigger_value", "materialized_view"}) {
      if (c.key == key) out->persistence.emplace_back(key);
    }
  }
  return out;
}

DataTest lowerDataTest(const syntax::Node& block, LowerContext& ctx) {
  DataTest test;
  test.name = std::string(block.value.text);
  test.span = block.span;
  test.name_span = block.value.span.valid() ? block.value.span : block.span;
  for (const syntax::Node& c : block.children) {
    if (c.key == "explore_source" && c.isBlock()) {
      test.source = lowerExploreSource(c, ctx);
      test.has_source = true;
    } else if (c.key == "assert" && c.isBlock()) {
      DataTestAssert a;
      a.name = std::string(c.value.text);
      a.span = c.span;
      a.expression_span = c.value.span.valid() ? c.value.span : c.span;
      if (const syntax::Node* e = c.child("expression")) {
        SourceText text = ctx.sourceText(*e);
        a.expression = text.text;
        a.expression_span = text.span;
      }
      test.asserts.push_back(std::move(a));
    }
  }
  return test;
}

}  // namespace lkml::semantic
