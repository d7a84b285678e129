// Model-level checks: a model needs a connection (226); LookML dashboards are recognised but
// not checked (234, info).
#include "semantic/checks/checks.h"
#include "semantic/semantic_diagnostics.h"

namespace lkml::semantic::checks {

void checkModels(const LoadedProject& project, DiagnosticSink& sink) {
  for (const Model& model : project.project.models) {
    if (!model.connection.empty()) continue;
    Diagnostic d = makeSemDiagnostic(SemCode::missing_connection, {},
                                     "model `" + model.name + "` has no `connection`");
    d.path = project.sources.sources->file(model.file).path();
    d.help = "add `connection: \"name\"` naming the database connection";
    if (model.imports_projects) {
      // It may come from a file of the imported project, which lkml does not read.
      d.severity = Severity::Warning;
      d.help +=
          "; it may be set in a file of an imported project (`include: \"//...\"`), "
          "which lkml does not read";
    }
    sink.report(std::move(d));
  }
  size_t dashboards = 0;
  std::string first;
  for (const ProjectFile& file : project.sources.files) {
    if (file.kind != FileKind::Dashboard) continue;
    if (dashboards++ == 0) first = file.path;
  }
  if (dashboards > 0) {
    Diagnostic d = makeSemDiagnostic(SemCode::dashboard_not_checked, {},
                                     std::to_string(dashboards) +
                                         " LookML dashboard file(s) (YAML) recognised and not "
                                         "checked, e.g. `" +
                                         first + "`");
    d.severity = Severity::Info;
    d.path = project.sources.root;
    sink.report(std::move(d));
  }
}

}  // namespace lkml::semantic::checks
