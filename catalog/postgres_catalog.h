// Reads a Catalog from a live PostgreSQL database (11 or later) in three pg_catalog queries,
// whatever the number of tables, inside one read-only REPEATABLE READ snapshot.
#pragma once

#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "catalog/database_error.h"
#include "catalog/postgres_connection.h"

namespace lkml::catalog {

/// Every table, partitioned table, view, materialized view and foreign table of `schemas`
/// (stored names, exact), or of every non-system schema when `schemas` is empty, with columns,
/// primary keys, unique constraints, unique indexes and foreign keys, in canonical order.
/// A requested schema that does not exist is a Query error.
bool readCatalog(PostgresConnection& connection, const std::vector<std::string>& schemas,
                 Catalog* out, DatabaseError* error);

}  // namespace lkml::catalog
