// The individual lint checks; each file checks one family of problems. All take the compiled
// project and report LKML2xx diagnostics.
#pragma once

#include <memory>

#include "base/diagnostic.h"
#include "semantic/project.h"

namespace lkml::semantic::checks {

void checkParameters(const LoadedProject& project, DiagnosticSink& sink);  // 201, 231
void checkLiquid(const LoadedProject& project, DiagnosticSink& sink);      // 150-169
void checkViews(const LoadedProject& project,
                DiagnosticSink& sink);  // 203, 211, 214, 224, 232, 215
/// The reference checks (205, 206, 220, 223, 229) in two halves that may run on two threads at
/// once (they share a cache of each view's references): what is seen through explores (sql_on,
/// the field SQL of joined views in each explore's scope) and what belongs to each view
/// (cycles, sets, drill fields, table SQL, views in no explore). `sink` must be thread-safe.
class ReferenceChecker {
 public:
  explicit ReferenceChecker(const LoadedProject& project);
  ~ReferenceChecker();
  void checkExploreHalf(DiagnosticSink& sink);
  void checkViewHalf(DiagnosticSink& sink);

 private:
  struct Caches;
  const LoadedProject& project_;
  std::unique_ptr<Caches> caches_;
};
void checkExplores(const LoadedProject& project,
                   DiagnosticSink& sink);  // 204, 207-210, 227, 228, 230, 233, 235
void checkAccessGrants(const LoadedProject& project, DiagnosticSink& sink);  // 212, 213, 238
/// References from a field an explore exposes to a field its `fields:` lists exclude (237).
void checkFieldListReferences(const LoadedProject& project, DiagnosticSink& sink);
void checkModels(const LoadedProject& project, DiagnosticSink& sink);  // 226, 234
/// Native derived tables (explore_source) and data tests (`test:`): 280-287.
void checkDerivedTables(const LoadedProject& project, DiagnosticSink& sink);
void checkStyle(const LoadedProject& project, DiagnosticSink& sink);  // 250-254 (opt-in)

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
