#include "schema/schema_checker.h"

#include "schema/check_context.h"
#include "schema/schema_diagnostics.h"

namespace lkml::schema {

SchemaCheckResult checkSchema(const semantic::LoadedProject& project,
                              const SchemaSourceLookup& sources, DiagnosticSink& sink) {
  registerSchemaCodes();
  SchemaCheckResult result;
  SharedState shared;
  std::string offline_source;
  for (const semantic::Model& model : project.project.models) {
    const SchemaSource* source = sources(model);
    if (!source || !source->catalog) continue;
    if (!source->connection) offline_source = source->name;
    CheckContext ctx(project, model, *source, sink, &result, &shared);
    checkTables(ctx);
    checkColumns(ctx);
    checkPrimaryKeys(ctx);
    checkJoins(ctx);
    if (result.database_failed) return result;
  }
  if (shared.offline_skipped > 0) {
    Diagnostic d =
        makeSchemaDiagnostic(SchemaCode::probes_skipped_offline, {},
                             std::to_string(shared.offline_skipped) + " data probe" +
                                 (shared.offline_skipped == 1 ? "" : "s") +
                                 " skipped: checking against " + offline_source +
                                 " without a database, so key uniqueness the catalog cannot prove "
                                 "and derived-table columns are not checked");
    d.path = project.project.root;
    d.help = "run with --db URL to check them against the data";
    sink.report(std::move(d));
  }
  return result;
}

}  // namespace lkml::schema
