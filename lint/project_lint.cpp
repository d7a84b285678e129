#include "lint/project_lint.h"

#include <algorithm>
#include <filesystem>

#include "base/file_reader.h"
#include "codegen/filter_lint.h"
#include "semantic/linter.h"
#include "semantic/root_causes.h"
#include "semantic/semantic_diagnostics.h"
#include "semantic/suppressions.h"

namespace lkml::lint {

namespace fs = std::filesystem;

semantic::LintConfig loadLintConfig(const std::string& config_path, SourceMap& files,
                                    DiagnosticSink& sink, bool* ok) {
  semantic::LintConfig config;
  semantic::ConfigError config_error;
  const bool loaded = config.loadFile(config_path, &config_error);
  if (ok) *ok = loaded;
  if (loaded) return config;
  Diagnostic d =
      semantic::makeSemDiagnostic(semantic::SemCode::invalid_config, {}, config_error.message);
  d.path = config_path;
  // Point into the file: it joins the run's sources so the caret shows the bad key.
  ReadResult text;
  if (config_error.offset != std::string::npos) text = readRegularFile(config_path);
  if (text.ok && config_error.offset != std::string::npos) {
    const SourceFile& file = files.add(config_path, std::move(text.text));
    uint32_t size = static_cast<uint32_t>(file.text().size());
    uint32_t at = std::min<uint32_t>(static_cast<uint32_t>(config_error.offset), size);
    d.span = Span{file.id(), at, std::min<uint32_t>(at + 1, size)};
    d.path.clear();
  }
  d.help =
      "lkml.json keys: rules, select, ignore, warn, exclude, overrides, baseline, schema, "
      "connections (see README.md, \"Configuration\")";
  sink.report(std::move(d));
  return config;
}

std::string discoverSnapshot(const std::string& root, const std::string& config_path) {
  semantic::LintConfig config;
  std::string error;
  if (config.loadFile(config_path, &error) && !config.schemaPath().empty()) {
    fs::path p = config.schemaPath();
    return p.is_absolute() ? p.string() : (fs::path(root) / p).string();
  }
  std::error_code ec;
  fs::path snapshot = fs::path(root) / "lkml-schema.json";
  return fs::is_regular_file(snapshot, ec) ? snapshot.string() : "";
}

DialectChoice chooseDialects(std::optional<sql::Dialect> flag, const semantic::LintConfig& config,
                             const schema::DatabaseSet* databases) {
  DialectChoice dialects;
  dialects.flag = flag;
  dialects.connections = config.connectionDialects();
  // A snapshot imported from another warehouse says which dialect the schema checks read.
  if (!dialects.flag && databases && databases->offline() &&
      databases->snapshotDialect() != sql::Dialect::Postgres && dialects.connections.empty()) {
    dialects.flag = databases->snapshotDialect();
  }
  return dialects;
}

SchemaRun runCompiledChecks(const semantic::LoadedProject& project,
                            const semantic::LintConfig& config, bool config_ok,
                            const DialectChoice& dialects, schema::DatabaseSet* databases,
                            DiagnosticSink& sink, unsigned threads, CheckCaches* caches) {
  if (config_ok) {
    if (auto warning =
            dialectWarning(dialects, project, threads, caches ? &caches->dialect_marks : nullptr)) {
      sink.report(std::move(*warning));
    }
  }
  semantic::runModelChecks(project, sink, config.anyStyleRuleEnabled(), threads);
  codegen::checkFilterExpressions(project.project, sink, threads);
  SchemaRun run;
  if (!databases) return run;
  run.ran = true;
  schema::SchemaCheckResult live = schema::checkSchema(
      project,
      [&](const semantic::Model& model) {
        return databases->sourceFor(model, dialects.forModel(model));
      },
      sink);
  run.stats = live.stats;
  if (live.database_failed || databases->failed()) {
    run.failed = true;
    run.error = live.database_failed ? live.database_error : databases->error();
  }
  return run;
}

void finalizeFindings(std::vector<Diagnostic>* diagnostics, const semantic::LoadedProject& project,
                      const semantic::LintConfig& config, bool syntax_only, bool schema_checked,
                      bool partial) {
  if (syntax_only) {
    diagnostics->erase(std::remove_if(diagnostics->begin(), diagnostics->end(),
                                      [](const Diagnostic& d) { return d.code >= 200; }),
                       diagnostics->end());
  }
  semantic::FinalizeOptions finalize;
  finalize.report_unused_suppressions = !partial;
  finalize.semantic_checked = !syntax_only;
  finalize.schema_checked = schema_checked && !syntax_only;
  semantic::finalizeDiagnostics(diagnostics, &project.sources, config, finalize);
  semantic::groupRootCauses(diagnostics, project.sources, syntax_only ? nullptr : &project.project);
}

}  // namespace lkml::lint
