// `lkml query`: compiles an explore query and runs it on PostgreSQL (read-only, with a
// statement timeout), printing a table, JSON or CSV.
#include <iostream>

#include "catalog/postgres_connection.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/query_options.h"
#include "cli/result_writer.h"
#include "cli/value_format.h"
#include "semantic/explore_scope.h"

namespace lkml::cli {

namespace {

struct RunOptions {
  QueryOptions query;
  std::string db, format = "table";
  std::string timeout = "30";
  bool unformatted = false;  // table and CSV without value_format / value_format_name
};

// Per result column, the Excel-style format its field's `value_format` (which wins, as in
// Looker) or built-in `value_format_name` gives; "" when none or a name lkml does not know.
std::vector<std::string> columnFormats(const CompiledSelection& compiled) {
  std::vector<std::string> formats;
  const Selection& selection = compiled.selection;
  if (!selection.model || !selection.explore) return formats;
  semantic::ExploreScope scope(*selection.model, *selection.explore);
  for (const std::string& column : compiled.compiled.columns) {
    std::string alias, field;
    semantic::ExploreScope::splitName(column, &alias, &field);
    const semantic::ScopeEntry* entry = scope.find(alias);
    const semantic::Field* f = entry && entry->view ? entry->view->findField(field) : nullptr;
    std::string format;
    if (f && !f->details().value_format.empty()) {
      format = f->details().value_format;
    } else if (f && !f->value_format_name.empty()) {
      format = builtinValueFormat(f->value_format_name).value_or("");
    }
    formats.push_back(format);
  }
  return formats;
}

int runQuery(const RunOptions& options) {
  ResultFormat format;
  if (!parseResultFormat(options.format, &format)) {
    std::cerr << "lkml: error: unknown --format `" << options.format
              << "`; expected table, json or csv\n";
    return kExitUsage;
  }
  std::chrono::milliseconds timeout;
  std::string timeout_error;
  if (!catalog::parseTimeoutSeconds("--timeout", options.timeout, &timeout, &timeout_error)) {
    std::cerr << "lkml: error: " << timeout_error << "\n";
    return kExitUsage;
  }
  // Never freed: the process exits right after (see cmd_sql.cpp).
  CompiledSelection& compiled = *new CompiledSelection;
  if (int code = compileFromOptions(options.query, &compiled)) return code;
  catalog::ConnectionSettings settings;
  settings.url = options.db;
  settings.statement_timeout = timeout;
  catalog::DatabaseError error;
  auto connection = catalog::PostgresConnection::open(settings, &error);
  if (!connection) {
    std::cerr << "lkml: error: cannot connect to the database: " << error.message << "\n";
    return kExitDatabase;
  }
  catalog::QueryResult result;
  if (!connection->run({compiled.compiled.sql, {}}, &result, &error)) {
    std::cerr << "lkml: error: the database rejected the query ("
              << catalog::databaseErrorKindName(error.kind) << "): " << error.message << "\n";
    if (!error.detail.empty()) std::cerr << "  " << error.detail << "\n";
    std::cerr << "-- SQL:\n" << compiled.compiled.sql;
    return error.kind == catalog::DatabaseError::Kind::Query ? kExitFindings : kExitDatabase;
  }
  std::vector<std::string> formats;
  if (!options.unformatted) formats = columnFormats(compiled);
  writeResult(std::cout, format, compiled.compiled.columns, result, formats);
  return kExitOk;
}

}  // namespace

void addQueryCommand(CLI::App& app, int* exit_code) {
  auto* cmd = app.add_subcommand("query", "Run an explore query on PostgreSQL and print the rows");
  auto options = std::make_shared<RunOptions>();
  addQueryOptions(cmd, &options->query);
  cmd->add_option("--db", options->db,
                  "postgresql://user@host:port/db (default: LKML_DATABASE_URL, then PG* "
                  "environment)");
  cmd->add_option("--format", options->format,
                  "table (default: NULL shows as ∅, control characters as escapes), json or csv");
  cmd->add_flag("--unformatted", options->unformatted,
                "table and csv: the database's values, without value_format(_name)");
  cmd->add_option("--timeout", options->timeout,
                  "statement timeout in seconds, 0.001 to 2147483.647 (default 30)");
  cmd->footer(
      "Example:\n"
      "  lkml query looker --explore enrollments_internal --access-level internal \\\n"
      "      --fields courses.category,enrollments.count --format json\n"
      "Exit codes: 0 ok, 1 query refused or rejected, 2 usage, 3 database unreachable/timeout.");
  cmd->callback([options, exit_code] { *exit_code = runQuery(*options); });
}

}  // namespace lkml::cli
