// `lkml schema dump`: reads a PostgreSQL catalog (read-only, three queries) and writes the
// lkml-catalog/1 JSON snapshot that `lkml lint --schema FILE` checks against offline.
#include <chrono>
#include <fstream>
#include <iostream>

#include "catalog/catalog_json.h"
#include "catalog/postgres_catalog.h"
#include "catalog/postgres_connection.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"

namespace lkml::cli {

namespace {

struct DumpOptions {
  std::string db;
  std::vector<std::string> schemas;
  std::string output = "-";
  std::string statement_timeout = "30";
};

int runSchemaDump(const DumpOptions& options) {
  std::chrono::milliseconds timeout;
  std::string timeout_error;
  if (!catalog::parseTimeoutSeconds("--statement-timeout", options.statement_timeout, &timeout,
                                    &timeout_error)) {
    std::cerr << "lkml: error: " << timeout_error << "\n";
    return kExitUsage;
  }
  auto start = std::chrono::steady_clock::now();
  catalog::ConnectionSettings settings;
  settings.url = options.db;
  settings.statement_timeout = timeout;
  catalog::DatabaseError error;
  auto connection = catalog::PostgresConnection::open(settings, &error);
  if (!connection) {
    std::cerr << "lkml: error: cannot connect to the database: " << error.message << "\n";
    return kExitDatabase;
  }
  catalog::Catalog catalog;
  if (!catalog::readCatalog(*connection, options.schemas, &catalog, &error)) {
    std::cerr << "lkml: error: cannot read the catalog of " << connection->target().describe()
              << " (" << catalog::databaseErrorKindName(error.kind) << "): " << error.message
              << "\n";
    return error.kind == catalog::DatabaseError::Kind::Query ? kExitUsage : kExitDatabase;
  }
  std::string json = catalog::toJson(catalog);
  if (options.output == "-") {
    std::cout << json;
  } else {
    std::string temp = options.output + ".tmp";
    {
      std::ofstream out(temp, std::ios::binary);
      out << json;
      if (!out) {
        std::cerr << "lkml: error: cannot write `" << options.output << "`\n";
        return kExitUsage;
      }
    }
    if (std::rename(temp.c_str(), options.output.c_str()) != 0) {
      std::cerr << "lkml: error: cannot write `" << options.output << "`\n";
      std::remove(temp.c_str());
      return kExitUsage;
    }
  }
  double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  size_t columns = 0;
  for (const auto& r : catalog.relations) columns += r.columns.size();
  std::cerr << "lkml: " << catalog.relations.size() << " relations, " << columns << " columns from "
            << connection->target().describe() << " in " << connection->queryCount() << " queries, "
            << static_cast<long>(ms) << " ms"
            << (options.output == "-" ? "" : " -> " + options.output) << "\n";
  return kExitOk;
}

}  // namespace

void addSchemaCommand(CLI::App& app, int* exit_code) {
  auto* schema = app.add_subcommand("schema", "Database catalog snapshots for offline checks");
  schema->require_subcommand(1);
  auto* cmd = schema->add_subcommand(
      "dump", "Write a database's tables, columns and keys as lkml-catalog/1 JSON");
  auto options = std::make_shared<DumpOptions>();
  cmd->add_option("--db", options->db,
                  "postgresql://user@host:port/db (default: LKML_DATABASE_URL, then PG*)");
  cmd->add_option("--schema-name", options->schemas,
                  "a schema to read (repeatable; default: every non-system schema)");
  cmd->add_option("-o,--output", options->output, "output file (default: - for stdout)");
  cmd->add_option("--statement-timeout", options->statement_timeout,
                  "seconds each catalog query may run, 0.001 to 2147483.647 (default 30)");
  cmd->footer(
      "Example:\n"
      "  lkml schema dump --db postgresql://looker@localhost/warehouse -o lkml-schema.json\n"
      "  lkml lint looker/ --schema lkml-schema.json\n"
      "Exit codes: 0 ok, 2 usage or I/O error (unknown schema), 3 database unreachable or "
      "timed out.");
  cmd->callback([options, exit_code] { *exit_code = runSchemaDump(*options); });
}

}  // namespace lkml::cli
