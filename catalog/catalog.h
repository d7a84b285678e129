// A snapshot of a database's relations, columns and keys: plain data read from PostgreSQL
// (postgres_catalog.h), loaded from a JSON snapshot (catalog_json.h) or imported from another
// warehouse's INFORMATION_SCHEMA export (warehouse_import.h), plus the lookups the schema
// checks need. Names are stored exactly as the database stores them; the lookups that take SQL
// text (`findRelation`, `findColumn`) apply the identifier rules of the catalog's dialect
// (PostgreSQL unless set: base/sql_lexical_rules.h).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/sql_lexical_rules.h"
#include "catalog/type_category.h"

namespace lkml::catalog {

enum class RelationKind { Table, View, MaterializedView, Foreign };
/// "table", "view", "materialized_view", "foreign".
const char* relationKindName(RelationKind kind);
std::optional<RelationKind> parseRelationKind(std::string_view name);

struct Column {
  std::string name;
  int ordinal = 0;        // pg_attribute.attnum: 1-based, gaps where columns were dropped
  std::string data_type;  // as format_type() prints it: "numeric(10,2)", "character varying(20)"
  TypeCategory category = TypeCategory::Other;
  bool nullable = true;  // false for NOT NULL columns; views report every column as nullable

  bool operator==(const Column& other) const;
};

struct ForeignKey {
  std::vector<std::string> columns;
  std::string referenced_schema;
  std::string referenced_table;
  std::vector<std::string> referenced_columns;  // same length and order as `columns`

  bool operator==(const ForeignKey& other) const;
};

/// Where a unique key comes from.
enum class KeySource { PrimaryKey, UniqueConstraint, UniqueIndex };
const char* keySourceName(KeySource source);

/// The unique key that makes a column set unique (see Relation::findUniqueKey).
struct UniqueKeyMatch {
  KeySource source = KeySource::PrimaryKey;
  std::vector<std::string> key_columns;  // the key's own columns, in key order
  bool exact = false;        // the key has exactly the requested columns (else a proper subset)
  bool allows_null = false;  // some key column is nullable: several rows may have NULL there
};

struct Relation {
  std::string schema;
  std::string name;
  RelationKind kind = RelationKind::Table;
  std::vector<Column> columns;           // ordered by ordinal
  std::vector<std::string> primary_key;  // empty: no primary key
  std::vector<std::vector<std::string>> unique_constraints;
  /// Unique indexes that are valid, not partial, have no expression columns and do not back a
  /// primary key or unique constraint (those are listed above).
  std::vector<std::vector<std::string>> unique_indexes;
  std::vector<ForeignKey> foreign_keys;
  /// Whose identifier rules findColumn applies (set by setDialect; not part of ==).
  sql::Dialect dialect = sql::Dialect::Postgres;

  /// `"schema"."name"`, quoted for use in SQL.
  std::string sqlName() const;
  /// `schema.name` with quotes only where needed, for messages.
  std::string displayName() const;

  /// The column an SQL identifier names: `Amount` and `amount` find `amount`, `"Amount"` finds
  /// only `Amount` (PostgreSQL; Snowflake folds to upper case, BigQuery ignores case and knows
  /// the pseudo-columns `_TABLE_SUFFIX`, `_PARTITIONTIME`, `_PARTITIONDATE`). nullptr when
  /// there is none (or the identifier is malformed).
  const Column* findColumn(std::string_view sql_identifier) const;
  /// The column with exactly this stored name.
  const Column* column(std::string_view name) const;
  /// A near name for a missing column (formatted for SQL, quoted if needed), or "".
  std::string suggestColumn(std::string_view sql_identifier) const;

  /// A primary key, unique constraint or unique index whose columns are all among `columns`
  /// (stored names, any order): such a column set is unique, because a superset of a unique
  /// key is unique. An exact match is preferred, then the primary key, then constraints, then
  /// indexes. nullopt when no key is covered (or a name is not a column).
  std::optional<UniqueKeyMatch> findUniqueKey(const std::vector<std::string>& columns) const;
  /// findUniqueKey(columns).has_value(): `columns` are unique by a declared key or a subset.
  bool isUniqueKey(const std::vector<std::string>& columns) const;

  bool operator==(const Relation& other) const;
};

struct Catalog {
  std::vector<Relation> relations;  // ordered by (schema, name), byte-wise
  /// The warehouse the names come from: decides identifier rules (see setDialect).
  sql::Dialect dialect = sql::Dialect::Postgres;

  /// The relation an SQL name denotes: `schema.table` (or `database.schema.table`, whose
  /// database part is ignored), or a bare `table` looked up in each schema of `search_path`
  /// in turn. Unquoted parts fold to lower case, quoted parts are exact. `search_path` holds
  /// stored schema names (not SQL), as PostgreSQL's setting after parsing. BigQuery: backticks,
  /// `project.dataset.table` (the project is ignored) and wildcard tables `events_*`, which
  /// resolve to the last table (by name) matching the prefix, whose schema BigQuery uses.
  const Relation* findRelation(std::string_view sql_name,
                               const std::vector<std::string>& search_path = {"public"}) const;
  /// The relation with exactly this stored schema and name.
  const Relation* relation(std::string_view schema, std::string_view name) const;
  /// A near name for a missing relation, formatted for SQL: a bare name when the relation is
  /// in a search-path schema, else `schema.name`. "" when nothing is close.
  std::string suggestRelation(std::string_view sql_name,
                              const std::vector<std::string>& search_path = {"public"}) const;

  bool operator==(const Catalog& other) const {
    return relations == other.relations && dialect == other.dialect;
  }

 private:
  /// relation() with the dialect's case rules and BigQuery wildcards (`events_*`).
  const Relation* lookup(std::string_view schema, std::string_view name) const;
};

/// Sorts relations by (schema, name) byte-wise and columns by ordinal: the canonical order.
void sortCatalog(Catalog& catalog);

/// Sets the dialect whose identifier rules the catalog's lookups apply (on every relation).
void setDialect(Catalog& catalog, sql::Dialect dialect);

}  // namespace lkml::catalog
