// `lkml schema import`: builds a catalog from what a user can export from a warehouse lkml
// never connects to. Each input file is one query result, as CSV (header row first) or JSON
// (an array of objects, as `bq query --format=json|prettyjson` and SnowSQL's json output
// write; values may be strings or numbers). Which export a file is comes from its columns
// (names match case-insensitively, so Snowflake's upper-case headers work):
//   columns: table_schema, table_name, column_name, data_type [, ordinal_position,
//            is_nullable, table_type]  (INFORMATION_SCHEMA.COLUMNS, Redshift SVV_COLUMNS;
//            BigQuery COLUMN_FIELD_PATHS too: only its top-level rows are read, as the
//            column's STRUCT<...> type names the nested fields)
//   keys:    table_schema, table_name, column_name, constraint_type, ordinal_position
//            (TABLE_CONSTRAINTS joined with KEY_COLUMN_USAGE: PRIMARY KEY and UNIQUE)
//   Snowflake SHOW PRIMARY KEYS: schema_name, table_name, column_name, key_sequence,
//            constraint_name
// The exact export query per warehouse is in docs/schema-validation.md.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/sql_lexical_rules.h"
#include "catalog/catalog.h"

namespace lkml::catalog {

struct ImportFile {
  std::string name;  // for messages
  std::string text;
};

/// Builds `out` (with `dialect` recorded, sorted) from the files. On malformed input returns
/// false with `error` naming the file and the line (CSV) or JSON path: `cols.csv:7: ...`,
/// `cols.json: $[3].data_type: expected a string, found null`.
bool importWarehouseCatalog(const std::vector<ImportFile>& files, sql::Dialect dialect,
                            Catalog* out, std::string* error);

/// The category of a type as the warehouse's INFORMATION_SCHEMA spells it: `INT64`,
/// `NUMBER(38,0)`, `TIMESTAMP_NTZ(9)`, `STRUCT<a INT64>`, `character varying`.
TypeCategory categorizeWarehouseType(std::string_view type, sql::Dialect dialect);

/// The type of field `field` of a BigQuery `STRUCT<a INT64, b STRUCT<c STRING>>` type (the
/// field name compared ignoring case), or "" when `type` is no STRUCT or has no such field.
/// `ARRAY<STRUCT<...>>` is no STRUCT: its fields are reached through UNNEST.
std::string structFieldType(std::string_view type, std::string_view field);

}  // namespace lkml::catalog
