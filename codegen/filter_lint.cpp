#include "codegen/filter_lint.h"

#include <unordered_map>

#include "codegen/filter_expression.h"
#include "codegen/sql_expander.h"
#include "semantic/explore_scope.h"

namespace lkml::codegen {

namespace {

using semantic::Field;

// Where the caret goes: at the offending byte when the source text between the quotes is the
// expression itself (no escapes, no @{constants}), else under the whole value.
Span expressionSpan(const SourceMap& sources, Span value, const std::string& expression) {
  if (!value.valid() || value.file >= sources.size()) return value;
  std::string_view text = sources.file(value.file).text();
  if (value.end > text.size() || value.begin >= value.end) return value;
  std::string_view raw = text.substr(value.begin, value.end - value.begin);
  if (raw.size() >= 2 && raw.front() == '"' && raw.back() == '"') {
    raw = raw.substr(1, raw.size() - 2);
    if (raw == expression) return {value.file, value.begin + 1, value.end - 1};
  } else if (raw == expression) {
    return value;
  }
  return Span{};  // rewritten: point at the whole value instead (see report())
}

bool hasLiquid(const std::string& expression) {
  return expression.find("{{") != std::string::npos || expression.find("{%") != std::string::npos;
}

void report(const SourceMap& sources, const std::string& expression, Span value,
            const Field& target, const std::string& target_name, const std::string& where,
            DiagnosticSink& sink) {
  if (hasLiquid(expression)) return;
  FilterType type = SqlExpander::filterTypeOf(target);
  std::variant<FilterExpr, FilterError> parsed = parseFilterExpression(expression, type);
  const FilterError* error = std::get_if<FilterError>(&parsed);
  if (!error) return;
  Span exact = expressionSpan(sources, value, expression);
  Diagnostic d = filterDiagnostic(*error, exact);
  if (!exact.valid()) d.span = value;
  // Looker's validator does not parse the filter values written in LookML, so lint only
  // warns; a query that applies the filter is still refused (LKML440-449).
  d.severity = Severity::Warning;
  d.message = "invalid filter for `" + target_name + "` (" + filterTypeName(type) + ") in " +
              where + ": " + error->message;
  sink.report(std::move(d));
}

// `checked`: the views (shared between models, semantic/model.h) whose filters on their own
// fields an earlier model checked, and whether any of their filters names another view (only
// those depend on the model).
void checkMeasureFilters(const semantic::Model& model, const SourceMap& sources,
                         std::unordered_map<const semantic::View*, bool>& checked,
                         DiagnosticSink& sink) {
  for (const auto& [view_name, view] : model.views) {
    if (view.extension_required) continue;  // checked in the views that extend it
    auto [seen, first] = checked.try_emplace(&view, false);
    const bool other_views_only = !first;
    if (other_views_only && !seen->second) continue;
    for (const Field& measure : view.fields) {
      for (const semantic::MeasureFilter& filter : measure.filters) {
        std::string alias = view_name, field = filter.field;
        semantic::ExploreScope::splitName(filter.field, &alias, &field);
        if (alias != view_name) seen->second = true;
        if (other_views_only && alias == view_name) continue;
        const semantic::View* target_view = alias == view_name ? &view : model.findView(alias);
        const Field* target = target_view ? target_view->findField(field) : nullptr;
        if (!target) continue;  // an unknown field is LKML205's finding
        report(sources, filter.expression, filter.expression_span, *target, alias + "." + field,
               "the filters of measure `" + view_name + "." + measure.name + "`", sink);
      }
    }
  }
}

void checkExploreFilters(const semantic::Model& model, const SourceMap& sources,
                         DiagnosticSink& sink) {
  for (const semantic::Explore& explore : model.explores) {
    if (explore.extension_required || !model.findView(explore.view)) continue;
    semantic::ExploreScope scope(model, explore);
    for (const auto* list : {&explore.always_filter, &explore.conditionally_filter}) {
      const char* what = list == &explore.always_filter ? "always_filter" : "conditionally_filter";
      for (const semantic::FilterDefault& filter : *list) {
        std::string alias, field;
        if (!semantic::ExploreScope::splitName(filter.field, &alias, &field)) continue;
        const Field* target = scope.findField(alias, field);
        if (!target) continue;  // reported by the explore checks
        report(sources, filter.expression, filter.expression_span, *target, filter.field,
               std::string("the ") + what + " of explore `" + explore.name + "`", sink);
      }
    }
  }
}

// `filters:` of native derived tables and data tests, parsed for the fields of the explore
// they query (unknown explores and fields are LKML280/281's findings).
void checkExploreSourceFilters(const semantic::Model& model, const SourceMap& sources,
                               const semantic::ExploreSource& source, const std::string& owner,
                               DiagnosticSink& sink) {
  const semantic::Explore* explore = model.findExplore(source.explore);
  if (!explore || !model.findView(explore->view)) return;
  semantic::ExploreScope scope(model, *explore);
  for (const semantic::ExploreSourceFilter& filter : source.filters) {
    std::string alias, field;
    if (!semantic::ExploreScope::splitName(filter.field, &alias, &field)) continue;
    const Field* target = scope.findField(alias, field);
    if (!target) continue;
    report(sources, filter.expression, filter.expression_span, *target, filter.field,
           "the explore_source filters of " + owner, sink);
  }
}

}  // namespace

void checkFilterExpressions(const semantic::Project& project, DiagnosticSink& sink) {
  if (!project.sources) return;
  std::unordered_map<const semantic::View*, bool> checked;
  for (const semantic::Model& model : project.models) {
    checkMeasureFilters(model, *project.sources, checked, sink);
    checkExploreFilters(model, *project.sources, sink);
    for (const auto& [name, view] : model.views) {
      if (!view.explore_source) continue;
      checkExploreSourceFilters(model, *project.sources, *view.explore_source,
                                "native derived table `" + name + "`", sink);
    }
    for (const semantic::DataTest& test : model.tests) {
      checkExploreSourceFilters(model, *project.sources, test.source, "test `" + test.name + "`",
                                sink);
    }
  }
}

}  // namespace lkml::codegen
