// `lkml schema dump`: reads a PostgreSQL catalog (read-only, three queries) and writes the
// lkml-catalog/1 JSON snapshot that `lkml lint --schema FILE` checks against offline.
// `lkml schema import`: builds the same snapshot from a warehouse's INFORMATION_SCHEMA export
// (BigQuery, Snowflake, Redshift, PostgreSQL), without connecting anywhere.
#include <chrono>
#include <fstream>
#include <iostream>

#include "base/file_reader.h"
#include "catalog/catalog_json.h"
#include "catalog/postgres_catalog.h"
#include "catalog/postgres_connection.h"
#include "catalog/warehouse_import.h"
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

// Writes `json` to `output` ("-" = stdout) through a temporary file; false on failure.
bool writeOutput(const std::string& output, const std::string& json) {
  if (output == "-") {
    std::cout << json;
    return true;
  }
  std::string temp = output + ".tmp";
  {
    std::ofstream out(temp, std::ios::binary);
    out << json;
    if (!out) {
      std::cerr << "lkml: error: cannot write `" << output << "`\n";
      return false;
    }
  }
  if (std::rename(temp.c_str(), output.c_str()) != 0) {
    std::cerr << "lkml: error: cannot write `" << output << "`\n";
    std::remove(temp.c_str());
    return false;
  }
  return true;
}

struct ImportOptions {
  std::string from;
  std::vector<std::string> files;
  std::string output = "-";
};

int runSchemaImport(const ImportOptions& options) {
  std::optional<sql::Dialect> dialect = sql::parseDialect(options.from);
  if (!dialect || *dialect == sql::Dialect::DuckDB) {
    std::cerr << "lkml: error: --from: expected bigquery, snowflake, redshift or postgres, got `"
              << options.from << "`\n";
    return kExitUsage;
  }
  std::vector<catalog::ImportFile> files;
  for (const std::string& path : options.files) {
    ReadResult read = readRegularFile(path);
    if (!read.ok) {
      std::cerr << "lkml: error: cannot read `" << path << "`: " << read.error << "\n";
      return kExitUsage;
    }
    files.push_back({path, std::move(read.text)});
  }
  catalog::Catalog catalog;
  std::string error;
  if (!catalog::importWarehouseCatalog(files, *dialect, &catalog, &error)) {
    std::cerr << "lkml: error: " << error << "\n";
    return kExitUsage;
  }
  if (!writeOutput(options.output, catalog::toJson(catalog))) return kExitUsage;
  size_t columns = 0;
  for (const auto& r : catalog.relations) columns += r.columns.size();
  std::cerr << "lkml: " << catalog.relations.size() << " relations, " << columns
            << " columns imported from " << options.files.size() << " file"
            << (options.files.size() == 1 ? "" : "s") << " (" << sql::dialectName(*dialect) << ")"
            << (options.output == "-" ? "" : " -> " + options.output) << "\n";
  return kExitOk;
}

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
  if (!writeOutput(options.output, catalog::toJson(catalog))) return kExitUsage;
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

  auto* import = schema->add_subcommand(
      "import", "Build an lkml-catalog/1 snapshot from a warehouse's INFORMATION_SCHEMA export");
  auto import_options = std::make_shared<ImportOptions>();
  import
      ->add_option("--from", import_options->from,
                   "the warehouse: bigquery, snowflake, redshift or postgres")
      ->required();
  import
      ->add_option("FILE", import_options->files,
                   "query results as CSV (header row) or JSON (bq --format=json): the COLUMNS "
                   "export, optionally a keys export")
      ->required();
  import->add_option("-o,--output", import_options->output, "output file (default: - for stdout)");
  import->footer(
      "Example (the export queries per warehouse are in docs/schema-validation.md):\n"
      "  bq query --format=json --max_rows=1000000 --nouse_legacy_sql \\\n"
      "    'SELECT * FROM mydataset.INFORMATION_SCHEMA.COLUMNS' > columns.json\n"
      "  lkml schema import --from bigquery columns.json -o lkml-schema.json\n"
      "  lkml lint looker/ --schema lkml-schema.json --dialect bigquery\n"
      "Exit codes: 0 ok, 2 unreadable or malformed input (the message names file:line or the "
      "JSON path).");
  import->callback(
      [import_options, exit_code] { *exit_code = runSchemaImport(*import_options);
});
}  // namespace lkml::cli

}  // namespace lkml::cli
