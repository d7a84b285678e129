// Entry point of the live-schema checks (LKML301-312): compares a compiled LookML project
// with a database catalog (tables, columns, types, keys) and, when a connection is given,
// with the data (uniqueness probes, derived-table probes). Read-only; nothing is written.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "catalog/catalog.h"
#include "catalog/database_error.h"
#include "catalog/postgres_connection.h"
#include "semantic/project.h"

namespace lkml::schema {

/// What one model's checks read: a catalog and, live only, a connection for data probes.
struct SchemaSource {
  std::string name;  // "connection `postgres`" or "snapshot lkml-schema.json", for messages
  const catalog::Catalog* catalog = nullptr;
  catalog::PostgresConnection* connection = nullptr;  // null: offline, data probes skipped
  /// Schemas (stored names) that unqualified table names are looked up in.
  std::vector<std::string> search_path = {"public"};
};

/// The source for a model, or null to skip the model (the lookup reports why, e.g. LKML318).
using SchemaSourceLookup = std::function<const SchemaSource*(const semantic::Model&)>;

struct SchemaCheckStats {
  int relations_checked = 0;
  int columns_checked = 0;
  int keys_proven_by_catalog = 0;
  int data_probes = 0;     // uniqueness and derived-table probes run
  int probes_skipped = 0;  // undecided because there is no connection
};

struct SchemaCheckResult {
  /// The database became unreachable (or a connection was lost): the caller exits with 3.
  bool database_failed = false;
  catalog::DatabaseError database_error;
  SchemaCheckStats stats;
};

/// Runs every live-schema check over every model of `project`; diagnostics go to `sink`.
SchemaCheckResult checkSchema(const semantic::LoadedProject& project,
                              const SchemaSourceLookup& sources, DiagnosticSink& sink);

}  // namespace lkml::schema
