// `lkml lint [PATH...]`: checks LookML projects (syntax, semantics) and prints diagnostics.
#include <filesystem>
#include <future>
#include <iostream>

#include "base/diagnostic_renderer.h"
#include "base/file_reader.h"
#include "base/version.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/phase_timer.h"
#include "cli/terminal.h"
#include "codegen/filter_lint.h"
#include "grammar/parse.h"
#include "schema/database_set.h"
#include "schema/schema_checker.h"
#include "semantic/lint_config.h"
#include "semantic/linter.h"
#include "semantic/project.h"
#include "semantic/semantic_diagnostics.h"
#include "semantic/suppressions.h"

namespace lkml::cli {

namespace fs = std::filesystem;

namespace {

struct LintOptions {
  std::vector<std::string> paths;
  std::string format = "text";
  std::string color = "auto";
  std::string config;
  std::vector<std::string> rules;
  bool werror = false;
  bool syntax_only = false;
  bool timings = false;
  unsigned jobs = 0;
  // Live schema checks (LKML3xx): --db / --connection, or offline with --schema.
  std::string db, schema;
  std::vector<std::string> connections;
  std::string statement_timeout = "10";
  bool db_given = false;  // `--db` alone: LKML_DATABASE_URL, then PG*
  bool live() const { return db_given || !schema.empty() || !connections.empty(); }
};

// A directory without manifest.lkml whose subfolders hold projects (a monorepo of Looker
// projects) is linted one project per manifest.
std::vector<std::string> projectRoots(const std::string& dir) {
  if (fs::exists(fs::path(dir) / "manifest.lkml")) return {dir};
  std::vector<std::string> roots;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().filename() == "manifest.lkml") {
      roots.push_back(it->path().parent_path().string());
    }
  }
  bool has_model = false;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.size() > 11 && name.compare(name.size() - 11, 11, ".model.lkml") == 0) {
      has_model = true;
      break;
    }
  }
  if (roots.size() > 1 || (roots.size() == 1 && !has_model)) {
    std::sort(roots.begin(), roots.end());
    return roots;
  }
  return {dir};
}

struct LintRun {
  std::shared_ptr<SourceMap> files = std::make_shared<SourceMap>();  // every file of the run
  std::vector<std::unique_ptr<semantic::LoadedProject>> projects;
  std::vector<Diagnostic> diagnostics;
  size_t file_count = 0;
  bool io_error = false;
  std::unique_ptr<schema::DatabaseSet> databases;  // live checks, when asked for
  bool database_error = false;
  schema::SchemaCheckStats schema_stats;
  PhaseTimer timings;
};

void lintFile(const std::string& path, LintRun& run) {
  DiagnosticBag bag;
  ReadResult read = readFile(path);
  if (!read.ok) {
    Diagnostic d =
        makeDiagnostic(DiagCode::unreadable_file, {}, "cannot read `" + path + "`: " + read.error);
    d.path = path;
    run.diagnostics.push_back(std::move(d));
    run.io_error = true;
    return;
  }
  const SourceFile& file = run.files->add(path, std::move(read.text));
  grammar::parse(file, bag);
  ++run.file_count;
  run.timings.mark("read and parse");
  for (auto& d : bag.diagnostics()) run.diagnostics.push_back(std::move(d));
}

void lintProject(const std::string& root, const LintOptions& options,
                 const semantic::LintConfig& base_config, LintRun& run) {
  DiagnosticBag bag;
  auto project = std::make_unique<semantic::LoadedProject>();
  project->sources.sources = run.files;
  if (!semantic::loadProject(root, &project->sources, bag, options.jobs)) {
    run.io_error = true;
    for (auto& d : bag.diagnostics()) run.diagnostics.push_back(std::move(d));
    return;
  }
  run.timings.mark("read and parse");
  // --syntax-only builds no model, so it measures the parser (the 2xx checks it would drop
  // never run).
  // The syntax-level checks need no model: they run while the models are built.
  std::future<void> syntax_checks;
  if (!options.syntax_only) {
    syntax_checks = std::async(std::launch::async,
                               [&bag, &project] { semantic::runSyntaxChecks(*project, bag); });
    semantic::compileModels(*project, bag, options.jobs);
    run.timings.mark("build models (+ syntax checks)");
  }
  semantic::LintConfig config = base_config;
  std::string error;
  std::string config_path =
      options.config.empty() ? (fs::path(root) / "lkml.json").string() : options.config;
  if (!config.loadFile(config_path, &error)) {
    Diagnostic d = semantic::makeSemDiagnostic(semantic::SemCode::invalid_config, {}, error);
    d.path = config_path;
    d.help = "expected {\"rules\": {\"LKML209\": \"off\", \"LKML251\": \"warning\"}}";
    bag.report(std::move(d));
  }
  for (const std::string& rule : options.rules) config.setRule(rule, &error);
  if (!options.syntax_only) {
    semantic::runModelChecks(*project, bag, config.anyStyleRuleEnabled());
    codegen::checkFilterExpressions(project->project, bag);
    syntax_checks.get();
    run.timings.mark("semantic checks");
  }
  if (!options.syntax_only && run.databases && !run.database_error) {
    schema::SchemaCheckResult live = schema::checkSchema(
        *project, [&](const semantic::Model& model) { return run.databases->sourceFor(model); },
        bag);
    run.schema_stats.relations_checked += live.stats.relations_checked;
    run.schema_stats.columns_checked += live.stats.columns_checked;
    run.schema_stats.keys_proven_by_catalog += live.stats.keys_proven_by_catalog;
    run.schema_stats.data_probes += live.stats.data_probes;
    run.schema_stats.probes_skipped += live.stats.probes_skipped;
    if (live.database_failed || run.databases->failed()) {
      const catalog::DatabaseError& e =
          live.database_failed ? live.database_error : run.databases->error();
      std::cerr << "lkml: error: database " << catalog::databaseErrorKindName(e.kind) << ": "
                << e.message << "\n";
      run.database_error = true;
    }
    run.timings.mark("schema checks");
  }
  if (options.syntax_only) {
    auto& all = bag.diagnostics();
    all.erase(
        std::remove_if(all.begin(), all.end(), [](const Diagnostic& d) { return d.code >= 200; }),
        all.end());
  }
  semantic::finalizeDiagnostics(&bag.diagnostics(), &project->sources, config);
  run.timings.mark("suppressions and sorting");
  for (const auto& f : project->sources.files) run.file_count += f.source != nullptr;
  for (auto& d : bag.diagnostics()) run.diagnostics.push_back(std::move(d));
  run.projects.push_back(std::move(project));
}

int runLint(const LintOptions& options) {
  OutputFormat format;
  if (!parseOutputFormat(options.format, &format)) {
    std::cerr << "lkml: error: unknown --format `" << options.format
              << "`; expected text, json, sarif or github\n";
    return kExitUsage;
  }
  semantic::LintConfig config;
  for (const std::string& rule : options.rules) {
    std::string error;
    if (!config.setRule(rule, &error)) {
      std::cerr << "lkml: error: --rule " << rule << ": " << error << "\n";
      return kExitUsage;
    }
  }
  // Checked even when no database is used, so a typo never waits for the day one is.
  std::chrono::milliseconds timeout;
  std::string timeout_error;
  if (!catalog::parseTimeoutSeconds("--statement-timeout", options.statement_timeout, &timeout,
                                    &timeout_error)) {
    std::cerr << "lkml: error: " << timeout_error << "\n";
    return kExitUsage;
  }
  LintRun run;
  if (options.live()) {
    if (options.db_given && !options.schema.empty()) {
      std::cerr << "lkml: error: --db and --schema exclude each other: --schema checks offline\n";
      return kExitUsage;
    }
    schema::DatabaseOptions db;
    db.url = options.db;
    db.snapshot = options.schema;
    db.connections = options.connections;
    db.statement_timeout = timeout;
    run.databases = std::make_unique<schema::DatabaseSet>();
    std::string error;
    if (!run.databases->init(db, &error)) {
      std::cerr << "lkml: error: " << error << "\n";
      return kExitUsage;
    }
    run.timings.mark(options.schema.empty() ? "database connection" : "catalog snapshot");
  }
  for (const std::string& path : options.paths) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      for (const std::string& root : projectRoots(path)) lintProject(root, options, config, run);
    } else if (fs::exists(path, ec)) {
      lintFile(path, run);
    } else {
      Diagnostic d = makeDiagnostic(DiagCode::unreadable_file, {},
                                    "no such file or directory: `" + path + "`");
      d.path = path;
      d.help = "pass a LookML project directory or .lkml files";
      run.diagnostics.push_back(std::move(d));
      run.io_error = true;
    }
  }
  if (options.werror) {
    for (auto& d : run.diagnostics) {
      if (d.severity == Severity::Warning) d.severity = Severity::Error;
    }
  }
  RenderOptions render;
  render.color = useColor(options.color, 1);
  render.tool_version = kLkmlVersion;
  size_t errors = 0, warnings = 0;
  for (const auto& d : run.diagnostics) {
    errors += d.severity == Severity::Error;
    warnings += d.severity == Severity::Warning;
  }
  renderDiagnostics(std::cout, format, run.diagnostics, *run.files, render);
  std::cout.flush();
  run.timings.mark("printing");
  if (options.timings) run.timings.print(std::cerr);
  if (format == OutputFormat::Text) {
    std::cerr << "lkml: " << run.file_count << " file" << (run.file_count == 1 ? "" : "s")
              << " checked, " << errors << " error" << (errors == 1 ? "" : "s") << ", " << warnings
              << " warning" << (warnings == 1 ? "" : "s") << "\n";
  }
  if (run.databases && !run.database_error) {
    const schema::SchemaCheckStats& s = run.schema_stats;
    std::cerr << "lkml: schema checks " << (options.schema.empty() ? "(live)" : "(snapshot)")
              << ": " << s.relations_checked << " relations, " << s.columns_checked
              << " column references, " << s.keys_proven_by_catalog
              << " keys proven by the catalog, " << s.data_probes << " data probes";
    if (s.probes_skipped) std::cerr << ", " << s.probes_skipped << " probes skipped";
    if (!run.databases->offline()) {
      std::cerr << "; catalog read in " << run.databases->catalogQueries() << " queries, "
                << static_cast<long>(run.databases->catalogMilliseconds()) << " ms";
    }
    std::cerr << "\n";
  }
  // The process ends right after: skip tearing down the models (measured 7% of a large lint).
  for (auto& project : run.projects) static_cast<void>(project.release());
  if (run.io_error) return kExitUsage;
  if (run.database_error) return kExitDatabase;
  return errors > 0 ? kExitFindings : kExitOk;
}

}  // namespace

void addLintCommand(CLI::App& app, int* exit_code) {
  auto* cmd =
      app.add_subcommand("lint", "Check LookML projects: syntax, references, joins, grants");
  auto options = std::make_shared<LintOptions>();
  cmd->add_option("PATH", options->paths, "project directories or .lkml files (default: .)");
  cmd->add_option("--format", options->format, "text (default), json, sarif or github");
  cmd->add_option("--color", options->color, "auto (default), always or never");
  cmd->add_flag("--werror", options->werror, "treat warnings as errors");
  cmd->add_option("--rule", options->rules,
                  "set a rule's level: CODE=off|info|warning|error (repeatable)");
  cmd->add_option("--config", options->config, "rule settings file (default: PROJECT/lkml.json)");
  cmd->add_flag("--syntax-only", options->syntax_only, "only parse; skip semantic checks");
  cmd->add_option("-j,--jobs", options->jobs, "threads (default: all cores)");
  cmd->add_flag("--timings", options->timings,
                "print the wall time of each phase on stderr (like -ftime-report)");
  cmd->add_option("--db", options->db,
                  "also check against a live PostgreSQL (LKML3xx): postgresql://user@host:port/db; "
                  "without a value LKML_DATABASE_URL, then PG*")
      ->expected(0, 1);
  cmd->add_option("--schema", options->schema,
                  "check against a catalog snapshot from `lkml schema dump` (offline)");
  cmd->add_option("--connection", options->connections,
                  "NAME=URL: the database of models with `connection: \"NAME\"` (repeatable)");
  cmd->add_option("--statement-timeout", options->statement_timeout,
                  "seconds each live probe may run, 0.001 to 2147483.647 (default 10)");
  cmd->footer(
      "Examples:\n"
      "  lkml lint looker/\n"
      "  lkml lint looker/ --format json\n"
      "  lkml lint . --format sarif > lkml.sarif\n"
      "  lkml lint . --rule LKML209=off --rule LKML251=warning\n"
      "  lkml lint looker/ --db postgresql://looker@localhost/warehouse\n"
      "  lkml lint looker/ --schema lkml-schema.json\n"
      "Suppress one finding with a comment on the line above it: # lkml: disable=LKML209\n"
      "Exit codes: 0 no errors, 1 errors found, 2 usage or I/O error, 3 database unreachable or\n"
      "timed out.");
  cmd->callback([cmd, options, exit_code] {
    options->db_given = cmd->count("--db") > 0;
    if (options->paths.empty()) options->paths.push_back(".");
    *exit_code = runLint(*options);
  });
}

}  // namespace lkml::cli
