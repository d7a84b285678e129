// Where the live checks get their databases: `--db URL` (else LKML_DATABASE_URL, else PG*),
// `--connection name=URL` for a model's `connection: "name"`, or `--schema FILE` (an
// lkml-catalog/1 snapshot, offline). Connections open and catalogs are read on first use,
// one per distinct database, and are kept for the whole run.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "catalog/connection_settings.h"
#include "catalog/database_error.h"
#include "catalog/postgres_connection.h"
#include "schema/schema_checker.h"
#include "semantic/model.h"

namespace lkml::schema {

struct DatabaseOptions {
  std::string url;                       // --db; "" uses LKML_DATABASE_URL, then PG*
  std::vector<std::string> connections;  // --connection name=URL (repeatable)
  std::string snapshot;                  // --schema FILE: offline
  std::chrono::milliseconds statement_timeout{10000};
  std::vector<std::string> search_path = {"public"};
};

/// `name=URL` into its parts; false with `error` for anything else.
bool parseConnectionMapping(const std::string& text, std::string* name, std::string* url,
                            std::string* error);

class DatabaseSet {
 public:
  /// Checks the options and loads the snapshot, if any. False with `error` (a usage or I/O
  /// problem: exit status 2).
  bool init(const DatabaseOptions& options, std::string* error);

  bool offline() const { return !options_.snapshot.empty(); }
  /// The dialect the snapshot records (PostgreSQL when it records none); live: PostgreSQL.
  sql::Dialect snapshotDialect() const { return snapshot_catalog_.dialect; }

  /// The settings a model's connection uses (its --connection mapping, else --db/environment).
  catalog::ConnectionSettings settingsFor(const semantic::Model& model) const;

  /// The snapshot, or the live database of the model's connection (connecting and reading its
  /// catalog on first use). Null when the database cannot be reached or read: failed() is then
  /// true and error() says why (exit status 3). `dialect` (from --dialect or lkml.json) decides
  /// how the model's SQL is lexed and its names looked up; without it the snapshot's recorded
  /// dialect applies (PostgreSQL for a live database).
  const SchemaSource* sourceFor(const semantic::Model& model,
                                std::optional<sql::Dialect> dialect = std::nullopt);

  bool failed() const { return failed_; }
  const catalog::DatabaseError& error() const { return error_; }

  /// Statements the catalog reads sent (at most 3 per database).
  int catalogQueries() const { return catalog_queries_; }
  /// Milliseconds spent connecting and reading catalogs.
  double catalogMilliseconds() const { return catalog_ms_; }

 private:
  struct Live {
    std::unique_ptr<catalog::PostgresConnection> connection;
    catalog::Catalog catalog;
    SchemaSource source;
  };

  DatabaseOptions options_;
  std::map<std::string, std::string> mappings_;  // connection name -> URL
  catalog::Catalog snapshot_catalog_;
  SchemaSource snapshot_source_;
  struct Redialected {  // the snapshot read under another dialect's rules
    catalog::Catalog catalog;
    SchemaSource source;
  };
  std::map<sql::Dialect, std::unique_ptr<Redialected>> redialected_;
  std::map<std::string, std::unique_ptr<Live>> live_;  // by URL ("" = environment)
  bool failed_ = false;
  catalog::DatabaseError error_;
  int catalog_queries_ = 0;
  double catalog_ms_ = 0;
};

}  // namespace lkml::schema
