// References to fields an explore's `fields:` lists exclude (237). Looker treats an excluded
// field as inaccessible in that explore: a field the explore exposes may not read it through
// `${}`, measure `filters`, `list_field`, `required_fields`, `html`, `link` or a templated
// filter (its validator reports "Unknown or inaccessible field"). Join conditions and table
// SQL may (a join with `fields: []` is joined by its keys). The edges are the query compiler's
// own (semantic/dependency_closure.h), so lint and queries agree.
#include <set>
#include <tuple>

#include "semantic/checks/checks.h"
#include "semantic/dependency_closure.h"
#include "semantic/semantic_diagnostics.h"

namespace lkml::semantic::checks {

namespace {

void checkExplore(const Model& model, const Explore& explore, DiagnosticSink& sink) {
  ExploreScope scope(model, explore);
  ExploreFieldLists lists(scope);
  DependencyClosure closure(scope, lists);
  std::set<std::tuple<uint32_t, uint32_t, uint32_t, std::string>> reported;
  for (const ScopeEntry& entry : scope.entries()) {
    if (!entry.view) continue;
    for (const Field& field : entry.view->fields) {
      if (!lists.allows(entry, field.name)) continue;
      for (const FieldEdge& edge : closure.fieldEdges(entry, field)) {
        if (lists.allows(*edge.entry, edge.field->name)) continue;
        std::string target = edge.entry->alias + "." + edge.field->name;
        // Timeframes of one dimension group share their SQL: one finding per reference.
        if (!reported.emplace(edge.span.file, edge.span.begin, edge.span.end, target).second) {
          continue;
        }
        bool join_list = edge.entry->join && edge.entry->join->has_fields;
        std::string list = join_list && !explore.has_fields
                               ? "the `fields` list of join `" + edge.entry->alias + "`"
                               : "its `fields` list";
        Diagnostic d = makeSemDiagnostic(
            SemCode::excluded_field_reference, edge.span.valid() ? edge.span : field.span,
            "`" + entry.alias + "." + field.name + "` uses `" + target + "` (" +
                dependencyViaName(edge.via) + "), which explore `" + explore.name + "` excludes (" +
                list + ")");
        d.label = "inaccessible in explore `" + explore.name + "`";
        d.help = "add `" + target + "` to " + list +
                 ", or exclude the fields that use it too; queries of `" + entry.alias + "." +
                 field.name + "` in this explore are refused";
        sink.report(std::move(d));
      }
    }
  }
}

}  // namespace

void checkFieldListReferences(const LoadedProject& project, DiagnosticSink& sink, CheckPart part) {
  forEachExplore(project, part, [&](size_t, const Model& model, size_t, const Explore& explore) {
    if (explore.extension_required) return;
    bool lists = explore.has_fields;
    for (const Join& join : explore.joins) lists |= join.has_fields;
    if (lists) checkExplore(model, explore, sink);
  });
}

}  // namespace lkml::semantic::checks
