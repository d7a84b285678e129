// `lkml validate sql`: runs every explore's SQL on PostgreSQL with LIMIT 0, once per access
// level, and names the fields the database rejects (schema/sql_validator.h).
#include <unistd.h>

#include <iostream>
#include <map>

#include "base/diagnostic_renderer.h"
#include "base/suggest.h"
#include "base/version.h"
#include "cli/commands.h"
#include "cli/dialect_choice.h"
#include "cli/exit_codes.h"
#include "cli/explore_patterns.h"
#include "cli/query_options.h"
#include "cli/terminal.h"
#include "codegen/dialects/dialect_registry.h"
#include "schema/database_set.h"
#include "schema/sql_validator.h"
#include "semantic/lint_config.h"
#include "semantic/linter.h"
#include "semantic/project.h"
#include "semantic/root_causes.h"
#include "semantic/suppressions.h"

namespace lkml::cli {

namespace {

struct ValidateOptions {
  std::string dir = ".";
  std::string db;
  std::vector<std::string> connections, explores, access_levels, user_attributes;
  unsigned jobs = 2;
  std::string statement_timeout = "30";
  std::string format = "text";
  std::string color = "auto";
  bool ignore_hidden = false;
  bool quiet = false;
  std::string dialect;  // --dialect; else lkml.json "connections"; else postgres
};

// One line on stderr, redrawn in place: `[#####.....] 7/15 explore `x``.
void drawProgress(size_t done, size_t total, const std::string& last) {
  constexpr size_t kWidth = 24;
  size_t filled = total ? done * kWidth / total : kWidth;
  std::string bar(filled, '#');
  bar += std::string(kWidth - filled, '.');
  std::string line =
      "[" + bar + "] " + std::to_string(done) + "/" + std::to_string(total) + " " + last;
  if (line.size() > 100) line = line.substr(0, 97) + "...";
  std::cerr << "\r\033[K" << line << std::flush;
}

int runValidate(const ValidateOptions& options) {
  OutputFormat format;
  if (!parseOutputFormat(options.format, &format)) {
    std::cerr << "lkml: error: unknown --format `" << options.format
              << "`; expected text, json, sarif or github\n";
    return kExitUsage;
  }
  if (options.jobs == 0) {
    std::cerr << "lkml: error: --jobs must be positive\n";
    return kExitUsage;
  }
  std::chrono::milliseconds timeout;
  std::string timeout_error;
  if (!catalog::parseTimeoutSeconds("--statement-timeout", options.statement_timeout, &timeout,
                                    &timeout_error)) {
    std::cerr << "lkml: error: " << timeout_error << "\n";
    return kExitUsage;
  }
  schema::SqlValidationOptions validation;
  validation.explores = options.explores;
  validation.access_levels = options.access_levels;
  validation.jobs = options.jobs;
  validation.include_hidden = !options.ignore_hidden;
  if (!parseUserAttributes(options.user_attributes, "", &validation.user_attributes)) {
    return kExitUsage;
  }
  validation.all_grants = options.access_levels.empty() && validation.user_attributes.empty();
  DialectChoice dialects;
  {
    std::string dialect_error;
    if (!parseDialectFlag(options.dialect, &dialects.flag, &dialect_error)) {
      std::cerr << "lkml: error: " << dialect_error << "\n";
      return kExitUsage;
    }
  }
  if (!loadConnectionDialects(options.dir, &dialects)) return kExitUsage;
  schema::DatabaseOptions db;
  db.url = options.db;
  db.connections = options.connections;
  db.statement_timeout = timeout;
  schema::DatabaseSet databases;
  std::string error;
  if (!databases.init(db, &error)) {
    std::cerr << "lkml: error: " << error << "\n";
    return kExitUsage;
  }
  DiagnosticBag load_bag;
  auto files = std::make_shared<SourceMap>();
  auto project = semantic::loadAndCompile(options.dir, load_bag, 0, files);
  if (!project) {
    renderDiagnostics(std::cerr, OutputFormat::Text, load_bag.diagnostics(), *files,
                      RenderOptions());
    return kExitUsage;
  }
  // The queries run through libpq: only dialects that speak PostgreSQL's protocol can be
  // validated here (Redshift does); each model's dialect must also have an SQL generator.
  std::map<const semantic::Model*, const codegen::Dialect*> model_dialects;
  for (const semantic::Model& model : project->project.models) {
    sql::Dialect chosen = dialects.forModel(model).value_or(sql::Dialect::Postgres);
    if (chosen != sql::Dialect::Postgres && chosen != sql::Dialect::Redshift) {
      std::cerr << "lkml: error: model `" << model.name << "` is " << sql::dialectName(chosen)
                << " SQL, but validate sql runs queries over the PostgreSQL protocol (postgres, "
                   "redshift); check it offline with `lkml lint --schema` (see "
                   "docs/schema-validation.md)\n";
      return kExitUsage;
    }
    const codegen::Dialect* dialect = codegen::findDialect(sql::dialectName(chosen));
    if (!dialect) {
      std::cerr << "lkml: error: model `" << model.name
                << "`: " << codegen::unknownDialectMessage(sql::dialectName(chosen)) << "\n";
      return kExitUsage;
    }
    model_dialects[&model] = dialect;
  }
  validation.dialect = [&model_dialects](const semantic::Model& model) {
    auto it = model_dialects.find(&model);
    return it == model_dialects.end() ? nullptr : it->second;
  };
  // `--explore` takes names, model/name and globs; each must match something.
  validation.explores.clear();
  for (const std::string& pattern : options.explores) {
    std::vector<ExploreRef> hits = matchExplores(project->project, pattern);
    if (hits.empty()) {
      std::string near =
          closestMatch(splitExploreName(pattern).explore, exploreNames(project->project));
      std::cerr << "lkml: error: no explore matches `" << pattern << "` in " << options.dir
                << (near.empty() ? "" : "; did you mean `" + near + "`?") << "\n";
      return kExitUsage;
    }
    for (const ExploreRef& hit : hits) validation.explores.push_back(hit.explore);
  }
  // Lint first: a field or explore whose definition holds a lint error fails for a reason
  // already known, so it is not sent to the database (two typos cost a few queries, not one
  // per field), and its lint error is printed instead.
  DiagnosticBag lint_bag;
  for (const Diagnostic& d : load_bag.diagnostics()) lint_bag.report(d);
  semantic::runChecks(*project, lint_bag);
  semantic::finalizeDiagnostics(&lint_bag.diagnostics(), &project->sources, semantic::LintConfig());
  for (const Diagnostic& d : lint_bag.diagnostics()) {
    if (d.severity == Severity::Error && d.span.valid()) validation.explained.push_back(d.span);
  }
  semantic::groupRootCauses(&lint_bag.diagnostics(), project->sources, &project->project);
  bool progress = !options.quiet && isatty(2) && format == OutputFormat::Text;
  if (progress) validation.progress = drawProgress;
  DiagnosticBag bag;
  if (auto warning = dialectWarning(dialects, *project)) bag.report(std::move(*warning));
  schema::SqlValidationResult result = schema::validateSql(
      *project, [&](const semantic::Model& model) { return databases.settingsFor(model); },
      validation, bag);
  if (progress) std::cerr << "\r\033[K" << std::flush;
  if (result.database_failed) {
    std::cerr << "lkml: error: database "
              << catalog::databaseErrorKindName(result.database_error.kind) << ": "
              << result.database_error.message << "\n";
    return kExitDatabase;
  }
  for (const Diagnostic& d : lint_bag.diagnostics()) {
    if (d.severity == Severity::Error) bag.diagnostics().push_back(d);
  }
  semantic::finalizeDiagnostics(&bag.diagnostics(), &project->sources, semantic::LintConfig());
  semantic::groupRootCauses(&bag.diagnostics(), project->sources, &project->project);
  RenderOptions render;
  render.color = useColor(options.color, 1);
  render.tool_version = kLkmlVersion;
  renderDiagnostics(std::cout, format, bag.diagnostics(), *files, render);
  const schema::SqlValidationStats& s = result.stats;
  std::cerr << "lkml: " << s.tasks << " explore"
            << (options.access_levels.empty() ? "" : " x access level") << " pair"
            << (s.tasks == 1 ? "" : "s") << ": " << s.validated << " validated, " << s.denied
            << " not visible to the user, " << s.failed << " failing";
  if (s.skipped) std::cerr << ", " << s.skipped << " skipped";
  if (s.ignored_explores || s.ignored_fields) {
    std::cerr << "; skipped by tag (ci: ignore, spectacles: ignore): " << s.ignored_explores
              << " explore" << (s.ignored_explores == 1 ? "" : "s") << ", " << s.ignored_fields
              << " field" << (s.ignored_fields == 1 ? "" : "s");
  }
  std::cerr << "; " << s.queries << " quer" << (s.queries == 1 ? "y" : "ies");
  if (validation.all_grants) std::cerr << " (as a user who passes every access grant)";
  std::cerr << "\n";
  if (s.fields_explained || s.explores_explained) {
    std::cerr << "lkml: note: not sent to the database, already explained by a lint error above: "
              << s.fields_explained << " field" << (s.fields_explained == 1 ? "" : "s") << ", "
              << s.explores_explained << " explore" << (s.explores_explained == 1 ? "" : "s")
              << "\n";
  }
  if (s.skipped) {
    std::cerr << "lkml: note: " << s.skipped << " explore" << (s.skipped == 1 ? " has" : "s have")
              << " an access_filter on a user attribute that was not given; validate them with "
                 "--user-attribute "
              << s.skipped_attribute << "=VALUE\n";
  }
  if (s.validated == 0 && !bag.hasErrors()) {
    std::cerr << "lkml: error: nothing was validated: "
              << (s.tasks == 0 && s.ignored_explores ? "every explore matched is tagged ci: ignore"
                  : s.tasks == 0                     ? "no explore matched"
                                 : "no explore is visible to the given access level or attributes")
              << "\n";
    return kExitFindings;
  }
  return bag.hasErrors() ? kExitFindings : kExitOk;
}

}  // namespace

void addValidateCommand(CLI::App& app, int* exit_code) {
  auto* validate = app.add_subcommand("validate", "Validate a project against a live database");
  validate->require_subcommand(1);
  auto* cmd = validate->add_subcommand(
      "sql", "Run every explore's SQL with LIMIT 0 per access level; name the failing fields");
  auto options = std::make_shared<ValidateOptions>();
  cmd->add_option("PROJECT_DIR", options->dir, "the LookML project (default: .)");
  cmd->add_option("--db", options->db,
                  "postgresql://user@host:port/db (default: LKML_DATABASE_URL, then PG*)");
  cmd->add_option("--connection", options->connections,
                  "NAME=URL: the database of models with `connection: \"NAME\"` (repeatable)");
  cmd->add_option("--explore", options->explores, "validate only this explore (repeatable)");
  cmd->add_option("--access-level", options->access_levels,
                  "validate as a user with this access_level (repeatable: one pass each)");
  cmd->add_option("--user-attribute", options->user_attributes,
                  "NAME=VALUE for access grants and access filters (repeatable)");
  cmd->add_option("-j,--jobs", options->jobs,
                  "explores validated at once, one connection each (default 2)");
  cmd->add_option("--statement-timeout", options->statement_timeout,
                  "seconds each query may run, 0.001 to 2147483.647 (default 30)");
  cmd->add_flag("--ignore-hidden", options->ignore_hidden, "skip hidden fields");
  cmd->add_option("--dialect", options->dialect,
                  "SQL dialect: postgres or redshift (default: lkml.json \"connections\", else "
                  "postgres)");
  cmd->add_option("--format", options->format, "text (default), json, sarif or github");
  cmd->add_option("--color", options->color, "auto (default), always or never");
  cmd->add_flag("-q,--quiet", options->quiet, "no progress bar");
  cmd->footer(
      "Example:\n"
      "  lkml validate sql looker --db postgresql://looker@localhost/warehouse \\\n"
      "      --access-level internal --access-level company --access-level client \\\n"
      "      --user-attribute company_id=1\n"
      "Exit codes: 0 clean, 1 the database rejects some SQL, 2 usage or I/O error, 3 database\n"
      "unreachable or timed out.");
  cmd->callback([options, exit_code] { *exit_code = runValidate(*options); });
}

}  // namespace lkml::cli
