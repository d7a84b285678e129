// Internal: the three pg_catalog queries postgres_catalog.cpp runs, whatever the number of
// tables. Each takes $1 = text[] of schema names ('{}' for every non-system schema) and sorts
// byte-wise (COLLATE "C") by schema and relation name.
#pragma once

#include <string>
#include <vector>

#include "catalog/postgres_connection.h"

namespace lkml::catalog {

/// Columns: schema, relation, relkind, column, ordinal, data_type, domain_base_type,
/// type_category, not_null. One row per column; a relation without columns gives one row with
/// NULL column fields, and a schema without relations one row with NULL relation fields.
Statement relationsAndColumnsQuery(const std::vector<std::string>& schemas);

/// Columns: schema, relation, contype ('p', 'u' or 'f'), constraint, columns (JSON array),
/// referenced schema, referenced relation, referenced columns (JSON array; NULL unless 'f').
Statement constraintsQuery(const std::vector<std::string>& schemas);

/// Columns: schema, relation, index, columns (JSON array of key columns). Only valid unique
/// indexes without predicate or expressions that back no primary key or unique constraint.
Statement uniqueIndexesQuery(const std::vector<std::string>& schemas);

/// `{"a","b"}`: a PostgreSQL array literal for a text[] parameter.
std::string textArrayLiteral(const std::vector<std::string>& values);

}  // namespace lkml::catalog
