#include "codegen/filter_lint.h"

#include <functional>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/parallel_for.h"
#include "codegen/filter_expression.h"
#include "codegen/sql_expander.h"
#include "semantic/explore_scope.h"

namespace lkml::codegen {

namespace {

using semantic::Field;

// Holds one task's findings until they are reported in task order.
class CollectedFindings : public DiagnosticSink {
 public:
  void report(Diagnostic d) override { diagnostics.push_back(std::move(d)); }
  std::vector<Diagnostic> diagnostics;
};

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

// Whether a filter of `view`'s measures names a field of another view: only those depend on
// the model, so only they are checked again in the later models that hold the view.
bool filtersNameOtherViews(const std::string& view_name, const semantic::View& view) {
  for (const Field& measure : view.fields) {
    for (const semantic::MeasureFilter& filter : measure.filters) {
      std::string alias = view_name, field = filter.field;
      semantic::ExploreScope::splitName(filter.field, &alias, &field);
      if (alias != view_name) return true;
    }
  }
  return false;
}

// `first`: this is the first model that holds the view (views are shared between models,
// semantic/model.h); a later model checks only the filters that name other views.
void checkMeasureFilters(const semantic::Model& model, const SourceMap& sources,
                         const std::string& view_name, const semantic::View& view, bool first,
                         DiagnosticSink& sink) {
  if (view.extension_required) return;  // checked in the views that extend it
  if (!first && !filtersNameOtherViews(view_name, view)) return;
  for (const Field& measure : view.fields) {
    for (const semantic::MeasureFilter& filter : measure.filters) {
      std::string alias = view_name, field = filter.field;
      semantic::ExploreScope::splitName(filter.field, &alias, &field);
      if (!first && alias == view_name) continue;
      const semantic::View* target_view = alias == view_name ? &view : model.findView(alias);
      const Field* target = target_view ? target_view->findField(field) : nullptr;
      if (!target) continue;  // an unknown field is LKML205's finding
      report(sources, filter.expression, filter.expression_span, *target, alias + "." + field,
             "the filters of measure `" + view_name + "." + measure.name + "`", sink);
    }
  }
}

void checkExploreFilters(const semantic::Model& model, const SourceMap& sources,
                         const semantic::Explore& explore, DiagnosticSink& sink) {
  if (explore.extension_required || !model.findView(explore.view)) return;
  if (explore.always_filter.empty() && explore.conditionally_filter.empty()) return;
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

void checkFilterExpressions(const semantic::Project& project, DiagnosticSink& sink,
                            unsigned threads) {
  if (!project.sources) return;
  const SourceMap& sources = *project.sources;
  // The first model that holds each view (models share views) checks all of its filters.
  std::unordered_map<const semantic::View*, size_t> first_model;
  // Every model's views and explores in kParts ranges each, then its native derived tables
  // and tests: tasks in the order of a serial run, so that their findings, reported in task
  // order, come out the same for any number of threads.
  constexpr size_t kParts = 32;
  using Task = std::function<void(DiagnosticSink&)>;
  std::vector<Task> tasks;
  std::vector<std::vector<std::pair<const std::string*, const semantic::View*>>> views(
      project.models.size());
  for (size_t m = 0; m < project.models.size(); ++m) {
    const semantic::Model& model = project.models[m];
    views[m].reserve(model.views.size());
    for (const auto& [name, view] : model.views) {
      views[m].emplace_back(&name, &view);
      first_model.emplace(&view, m);
    }
  }
  for (size_t m = 0; m < project.models.size(); ++m) {
    const semantic::Model& model = project.models[m];
    const auto& held = views[m];
    for (size_t p = 0; p < kParts; ++p) {
      tasks.push_back([&, m, p](DiagnosticSink& s) {
        for (size_t i = held.size() * p / kParts; i < held.size() * (p + 1) / kParts; ++i) {
          const semantic::View& view = *held[i].second;
          checkMeasureFilters(model, sources, *held[i].first, view, first_model.at(&view) == m, s);
        }
      });
    }
    for (size_t p = 0; p < kParts; ++p) {
      tasks.push_back([&, p](DiagnosticSink& s) {
        const size_t n = model.explores.size();
        for (size_t e = n * p / kParts; e < n * (p + 1) / kParts; ++e) {
          checkExploreFilters(model, sources, model.explores[e], s);
        }
      });
    }
    for (size_t p = 0; p < kParts; ++p) {
      tasks.push_back([&, p](DiagnosticSink& s) {
        for (size_t i = held.size() * p / kParts; i < held.size() * (p + 1) / kParts; ++i) {
          const semantic::View& view = *held[i].second;
          if (!view.explore_source) continue;
          checkExploreSourceFilters(model, sources, *view.explore_source,
                                    "native derived table `" + *held[i].first + "`", s);
        }
      });
    }
    tasks.push_back([&](DiagnosticSink& s) {
      for (const semantic::DataTest& test : model.tests) {
        checkExploreSourceFilters(model, sources, test.source, "test `" + test.name + "`", s);
      }
    });
  }
  std::vector<CollectedFindings> sinks(tasks.size());
  parallelFor(tasks.size(), threadCount(tasks.size(), threads),
              [&](size_t t) { tasks[t](sinks[t]); });
  for (CollectedFindings& s : sinks) {
    for (Diagnostic& d : s.diagnostics) sink.report(std::move(d));
  }
}

}  // namespace lkml::codegen
