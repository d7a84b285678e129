#include "semantic/linter.h"

#include <functional>
#include <future>
#include <unordered_map>
#include <vector>

#include "base/parallel_for.h"
#include "semantic/checks/checks.h"
#include "semantic/semantic_diagnostics.h"

namespace lkml::semantic {

namespace {

// Holds one task's findings until they are reported in task order.
class CollectingSink : public DiagnosticSink {
 public:
  void report(Diagnostic d) override { diagnostics.push_back(std::move(d)); }
  std::vector<Diagnostic> diagnostics;
};

// The larger check families run in this many parts (checks::CheckPart), whatever the number
// of threads: the findings then reach `sink` in the same order for any `-j`.
constexpr size_t kCheckParts = 32;

// Part `i` of kCheckParts: an equal share of the views and of the explores.
checks::CheckPart partOf(size_t i, size_t views, size_t explores,
                         const std::unordered_map<const View*, size_t>& first_model,
                         const std::unordered_map<const View*, checks::ViewFacts>& facts) {
  checks::CheckPart part;
  part.first_view = views * i / kCheckParts;
  part.end_view = views * (i + 1) / kCheckParts;
  part.first_explore = explores * i / kCheckParts;
  part.end_explore = explores * (i + 1) / kCheckParts;
  part.first_model = &first_model;
  part.facts = &facts;
  return part;
}

}  // namespace

void runSyntaxChecks(const LoadedProject& project, DiagnosticSink& sink, unsigned threads) {
  registerSemanticCodes();
  // Files in kCheckParts ranges, each check's parts in file order: the order of one pass.
  const size_t files = project.sources.files.size();
  std::vector<CollectingSink> sinks(2 * kCheckParts);
  parallelFor(sinks.size(), threadCount(files, threads, 16), [&](size_t t) {
    size_t part = t % kCheckParts;
    size_t first = files * part / kCheckParts, end = files * (part + 1) / kCheckParts;
    if (t < kCheckParts) {
      checks::checkParameters(project, sinks[t], first, end);
    } else {
      checks::checkLiquid(project, sinks[t], first, end);
    }
  });
  for (CollectingSink& s : sinks) {
    for (Diagnostic& d : s.diagnostics) sink.report(std::move(d));
  }
}

void runModelChecks(const LoadedProject& project, DiagnosticSink& sink, bool style_rules,
                    unsigned threads) {
  registerSemanticCodes();
  // The check families only read the project. The small ones run as one task; the ones that
  // visit every view or explore run in parts, all on up to `threads` threads (0: all cores),
  // each task's findings collected and reported in task order.
  checks::ReferenceChecker references(project);
  using Task = std::function<void(DiagnosticSink&)>;
  std::vector<Task> tasks;
  // The model-wide families, the two that visit every view or explore in parts: in the order
  // of checkModels, checkAccessGrants, checkDerivedTables, checkFieldListReferences.
  checks::AccessGrantChecker grants(project);
  size_t all_explores = 0;
  for (const Model& model : project.project.models) all_explores += model.explores.size();
  tasks.push_back([&](DiagnosticSink& s) { checks::checkModels(project, s); });
  for (size_t m = 0; m < project.project.models.size(); ++m) {
    for (size_t i = 0; i < kCheckParts; ++i) {
      tasks.push_back([&, m, i](DiagnosticSink& s) { grants.checkViews(s, m, i, kCheckParts); });
    }
    tasks.push_back([&, m](DiagnosticSink& s) { grants.checkRest(s, m); });
  }
  tasks.push_back([&](DiagnosticSink& s) { checks::checkDerivedTables(project, s); });
  for (size_t i = 0; i < kCheckParts; ++i) {
    checks::CheckPart part;
    part.first_explore = all_explores * i / kCheckParts;
    part.end_explore = all_explores * (i + 1) / kCheckParts;
    tasks.push_back(
        [&, part](DiagnosticSink& s) { checks::checkFieldListReferences(project, s, part); });
  }
  size_t views = 0, explores = 0;
  std::unordered_map<const View*, size_t> first_model;  // models share views
  for (size_t m = 0; m < project.project.models.size(); ++m) {
    const Model& model = project.project.models[m];
    views += model.views.size();
    explores += model.explores.size();
    for (const auto& [name, view] : model.views) first_model.emplace(&view, m);
  }
  // What the later models of a shared view check of it (nothing, mostly), found once per view.
  std::vector<const View*> distinct;
  distinct.reserve(first_model.size());
  for (const auto& [view, model] : first_model) distinct.push_back(view);
  std::vector<checks::ViewFacts> found(distinct.size());
  parallelFor(distinct.size(), threadCount(distinct.size(), threads, 256),
              [&](size_t i) { found[i] = checks::factsOf(*distinct[i]); });
  std::unordered_map<const View*, checks::ViewFacts> facts;
  facts.reserve(distinct.size());
  for (size_t i = 0; i < distinct.size(); ++i) facts.emplace(distinct[i], found[i]);
  for (size_t i = 0; i < kCheckParts; ++i) {
    const checks::CheckPart part = partOf(i, views, explores, first_model, facts);
    tasks.push_back([&, part](DiagnosticSink& s) { references.checkExploreHalf(s, part); });
    tasks.push_back([&, part](DiagnosticSink& s) { references.checkViewHalf(s, part); });
    tasks.push_back([&, part](DiagnosticSink& s) { checks::checkExplores(project, s, part); });
    tasks.push_back([&, part](DiagnosticSink& s) { checks::checkViews(project, s, part); });
    if (style_rules) {
      tasks.push_back([&, part](DiagnosticSink& s) { checks::checkStyle(project, s, part); });
    }
  }
  std::vector<CollectingSink> sinks(tasks.size());
  parallelFor(tasks.size(), threads, [&](size_t i) { tasks[i](sinks[i]); });
  for (CollectingSink& s : sinks) {
    for (Diagnostic& d : s.diagnostics) sink.report(std::move(d));
  }
}

void runScopedChecks(const LoadedProject& project, const CheckScope& scope, DiagnosticSink& sink,
                     bool style_rules) {
  registerSemanticCodes();
  checks::CheckPart part;
  part.only_views = &scope.views;
  part.only_explores = &scope.explores;
  checks::ReferenceChecker references(project);
  references.checkExploreHalf(sink, part);
  references.checkViewHalf(sink, part);
  checks::checkExplores(project, sink, part);
  checks::checkViews(project, sink, part);
  if (style_rules) checks::checkStyle(project, sink, part);
}

void runChecks(const LoadedProject& project, DiagnosticSink& sink, bool style_rules,
               unsigned threads) {
  if (threads == 1) {
    runSyntaxChecks(project, sink, threads);
    runModelChecks(project, sink, style_rules, threads);
    return;
  }
  auto syntax = std::async(std::launch::async, [&] { runSyntaxChecks(project, sink, threads); });
  runModelChecks(project, sink, style_rules, threads);
  syntax.get();
}

}  // namespace lkml::semantic
