// The individual lint checks; each file checks one family of problems. All take the compiled
// project and report LKML2xx diagnostics.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "base/diagnostic.h"
#include "semantic/project.h"

namespace lkml::semantic::checks {

/// What the checks that depend on the model need to know of a view, found once per view
/// (models share views): in the models after the first that holds it, only these are checked.
struct ViewFacts {
  bool other_view_lists = false;    // a set or drill_fields item names another view
  bool other_view_filters = false;  // a measure's `filters` name another view's field
  bool table_references = false;    // its table SQL may hold `${view.SQL_TABLE_NAME}`
};
ViewFacts factsOf(const View& view);

/// A part of a project's views and explores, so that a check family can run on several
/// threads at once (semantic/linter.cpp): views are numbered model by model in the order each
/// model holds them, explores likewise, and a part is a range of each. Checking the parts in
/// order reports what checking everything at once reports, in the same order. The default
/// part is the whole project.
struct CheckPart {
  size_t first_view = 0, end_view = SIZE_MAX;
  size_t first_explore = 0, end_explore = SIZE_MAX;
  /// For every view: the first model that holds it (models share views, semantic/model.h),
  /// which checks what depends on the view alone. Null: computed by the check itself (only
  /// possible when the part starts at the first view).
  const std::unordered_map<const View*, size_t>* first_model = nullptr;
  /// factsOf() every view, or null (then every check runs in every model).
  const std::unordered_map<const View*, ViewFacts>* facts = nullptr;
  /// When set, only these views and explores of the part are visited: the language server
  /// checks what an edit changed before it checks the whole project.
  const std::unordered_set<const View*>* only_views = nullptr;
  const std::unordered_set<const Explore*>* only_explores = nullptr;

  /// Whether a model after the first that holds `view` has anything of it to check.
  const ViewFacts* factsFor(const View& view) const { return facts ? &facts->at(&view) : nullptr; }
};

/// Calls `visit(model_index, model, name, view, first)` for each view of `part`, in order;
/// `first`: this is the first model that holds the view.
template <typename Visit>
void forEachView(const LoadedProject& project, const CheckPart& part, Visit visit) {
  std::unordered_map<const View*, size_t> own_first;
  const auto& models = project.project.models;
  size_t ordinal = 0;
  for (size_t m = 0; m < models.size(); ++m) {
    const Model& model = models[m];
    if (ordinal >= part.end_view) return;
    if (ordinal + model.views.size() <= part.first_view) {
      ordinal += model.views.size();
      continue;
    }
    for (auto it = model.views.begin(); it != model.views.end(); ++it, ++ordinal) {
      const View& view = it->second;
      bool first = part.first_model ? part.first_model->at(&view) == m
                                    : own_first.emplace(&view, m).first->second == m;
      if (ordinal < part.first_view || ordinal >= part.end_view) continue;
      if (part.only_views && !part.only_views->count(&view)) continue;
      visit(m, model, it->first, view, first);
    }
  }
}

/// Calls `visit(model_index, model, explore_index, explore)` for each explore of `part`.
template <typename Visit>
void forEachExplore(const LoadedProject& project, const CheckPart& part, Visit visit) {
  const auto& models = project.project.models;
  size_t ordinal = 0;
  for (size_t m = 0; m < models.size() && ordinal < part.end_explore; ++m) {
    const Model& model = models[m];
    for (size_t e = 0; e < model.explores.size(); ++e, ++ordinal) {
      if (ordinal < part.first_explore || ordinal >= part.end_explore) continue;
      if (part.only_explores && !part.only_explores->count(&model.explores[e])) continue;
      visit(m, model, e, model.explores[e]);
    }
  }
}

/// The syntax-level checks, of the files [first_file, end_file) (all by default).
void checkParameters(const LoadedProject& project, DiagnosticSink& sink, size_t first_file = 0,
                     size_t end_file = SIZE_MAX);  // 201, 231
void checkLiquid(const LoadedProject& project, DiagnosticSink& sink, size_t first_file = 0,
                 size_t end_file = SIZE_MAX);  // 150-169
void checkViews(const LoadedProject& project, DiagnosticSink& sink,
                CheckPart part = {});  // 203, 211, 214, 224, 232, 215
/// The reference checks (205, 206, 220, 223, 229) in two halves that may run on two threads at
/// once (they share a cache of each view's references): what is seen through explores (sql_on,
/// the field SQL of joined views in each explore's scope) and what belongs to each view
/// (cycles, sets, drill fields, table SQL, views in no explore). `sink` must be thread-safe.
/// Each half may also be run in parts (CheckPart), any number of parts at once.
class ReferenceChecker {
 public:
  explicit ReferenceChecker(const LoadedProject& project);
  ~ReferenceChecker();
  void checkExploreHalf(DiagnosticSink& sink, CheckPart part = {});
  void checkViewHalf(DiagnosticSink& sink, CheckPart part = {});

 private:
  struct Caches;
  const LoadedProject& project_;
  std::unique_ptr<Caches> caches_;
};
void checkExplores(const LoadedProject& project, DiagnosticSink& sink,
                   CheckPart part = {});  // 204, 207-210, 227, 228, 230, 233, 235
void checkAccessGrants(const LoadedProject& project, DiagnosticSink& sink);  // 212, 213, 238
/// checkAccessGrants in parts that may run on several threads at once: for each model, the
/// grants its views require (`part` of `parts` ranges of its views), then the rest (its
/// explores' grants, the grants themselves, access filters). Each model's parts in that order
/// report what checkAccessGrants reports, in the same order.
class AccessGrantChecker {
 public:
  explicit AccessGrantChecker(const LoadedProject& project);
  ~AccessGrantChecker();
  void checkViews(DiagnosticSink& sink, size_t model, size_t part = 0, size_t parts = 1);
  void checkRest(DiagnosticSink& sink, size_t model);

 private:
  struct Caches;
  const LoadedProject& project_;
  std::unique_ptr<Caches> caches_;
};
/// References from a field an explore exposes to a field its `fields:` lists exclude (237),
/// of the explores of `part` (the views of `part` are ignored).
void checkFieldListReferences(const LoadedProject& project, DiagnosticSink& sink,
                              CheckPart part = {});
void checkModels(const LoadedProject& project, DiagnosticSink& sink);  // 226, 234
/// Native derived tables (explore_source) and data tests (`test:`): 280-287.
void checkDerivedTables(const LoadedProject& project, DiagnosticSink& sink);
void checkStyle(const LoadedProject& project, DiagnosticSink& sink,
                CheckPart part = {});  // 250-254 (opt-in)

}  // namespace lkml::semantic::checks

#include <algorithm>

#include "semantic/explore_scope.h"

namespace lkml::semantic::checks {

/// Checks the `${...}` references of `sql` in an explore: bare `${field}` resolve in
/// `default_alias` (empty: bare references are not allowed there). Used by explores (sql_on,
/// sql_always_where, ...) and by field SQL.
void checkSqlInScope(const ExploreScope& scope, const SourceText& sql,
                     const std::string& default_alias, const std::string& where,
                     DiagnosticSink& sink);

/// Reports a finding about a name lkml cannot find (unknown view, explore without its view):
/// a warning instead of an error when the model imports another project (`include: "//..."`),
/// whose objects lkml does not read, as model building does for extends and refinements.
inline void reportUnknownName(const Model& model, Diagnostic d, DiagnosticSink& sink) {
  if (model.imports_projects && d.severity == Severity::Error) {
    d.severity = Severity::Warning;
    d.help =
        "it may be defined in an imported project (`include: \"//...\"`), which lkml "
        "does not read";
  }
  sink.report(std::move(d));
}

/// The first view `view` extends, directly or through its parents, that the model does not
/// have (a typo, or a view of an imported project), or "". Fields may come from it.
inline std::string unknownAncestor(const Model& model, const View& view) {
  std::vector<const View*> todo = {&view};
  std::vector<std::string> seen;
  while (!todo.empty()) {
    const View* v = todo.back();
    todo.pop_back();
    for (const std::string& parent : v->extends) {
      if (std::find(seen.begin(), seen.end(), parent) != seen.end()) continue;
      seen.push_back(parent);
      const View* p = model.findView(parent);
      if (!p) return parent;
      todo.push_back(p);
    }
  }
  return "";
}

/// Span of the byte range [begin, end) of `sql`'s text, or the whole span when the text was
/// rewritten (constants) and offsets no longer match the source.
Span subSpan(const SourceText& sql, size_t begin, size_t end);

}  // namespace lkml::semantic::checks
