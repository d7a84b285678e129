// Opt-in style rules inspired by the LAMS linter (look-at-me-sideways): enable them in
// lkml.json (`{"rules": {"LKML251": "warning"}}`) or with `--rule LKML251=warning`.
#include <cctype>

#include "semantic/checks/checks.h"
#include "semantic/semantic_diagnostics.h"
#include "semantic/sql_references.h"

namespace lkml::semantic::checks {

namespace {

bool isSnakeCase(const std::string& name) {
  for (char c : name) {
    if (!(std::islower(static_cast<unsigned char>(c)) ||
          std::isdigit(static_cast<unsigned char>(c)) || c == '_')) {
      return false;
    }
  }
  return true;
}

}  // namespace

void checkStyle(const LoadedProject& project, DiagnosticSink& sink, CheckPart part) {
  // A view shared by several models is checked once.
  forEachView(
      project, part,
      [&](size_t, const Model&, const std::string& name, const View& view, bool first_model) {
        if (!first_model) return;
        for (const Field& f : view.fields) {
          if (!f.group.empty() && f.name != f.group + "_" + f.timeframe) continue;
          std::string shown = f.group.empty() ? f.name : f.group;
          for (const SqlReference& ref : findSqlReferences(f.sql.text)) {
            if (ref.kind == SqlReference::Kind::ViewField && ref.view != view.name) {
              Diagnostic d = makeSemDiagnostic(SemCode::style_cross_view_reference, f.name_span,
                                               "field `" + name + "." + shown +
                                                   "` references another view (`${" + ref.view +
                                                   "." + ref.field + "}`)");
              d.help = "move cross-view logic into the explore, or into a derived table";
              sink.report(std::move(d));
              break;
            }
          }
          if (!f.hidden && f.description.empty() && f.kind != FieldKind::Filter) {
            Diagnostic d =
                makeSemDiagnostic(SemCode::style_missing_description, f.name_span,
                                  "visible field `" + name + "." + shown + "` has no description");
            d.help = "add `description: \"...\"` or `hidden: yes`";
            sink.report(std::move(d));
          }
          if (f.primary_key && !f.hidden) {
            Diagnostic d =
                makeSemDiagnostic(SemCode::style_visible_primary_key, f.name_span,
                                  "primary key `" + name + "." + shown + "` is visible to users");
            d.help = "add `hidden: yes`";
            sink.report(std::move(d));
          }
          if (!isSnakeCase(shown)) {
            Diagnostic d = makeSemDiagnostic(SemCode::style_field_name_case, f.name_span,
                                             "field name `" + shown + "` is not lower snake_case");
            sink.report(std::move(d));
          }
        }
      });
  forEachExplore(project, part, [&](size_t, const Model&, size_t, const Explore& explore) {
    for (const Join& join : explore.joins) {
      if (join.sql_on.present() && findSqlReferences(join.sql_on.text).empty()) {
        Diagnostic d =
            makeSemDiagnostic(SemCode::style_raw_join_sql, join.sql_on.span,
                              "the sql_on of join `" + join.name + "` uses no ${} references");
        d.help = "write `${view.field}` so lkml and Looker can follow the join";
        sink.report(std::move(d));
      }
    }
  });
}

}  // namespace lkml::semantic::checks
