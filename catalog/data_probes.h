// Live checks against the data, for the linter's schema stage (LKML3xx). All of them run
// through PostgresConnection: read-only transactions under the statement timeout, one
// statement each. A Timeout error means "could not verify", not "wrong".
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/database_error.h"
#include "catalog/postgres_connection.h"
#include "catalog/type_category.h"

namespace lkml::catalog {

/// One part of a key: a column (quoted for you) or an SQL expression (used as it is).
struct KeyPart {
  std::string sql;    // what goes into SELECT and GROUP BY
  std::string label;  // the column name or the expression, for messages

  static KeyPart column(std::string_view name);
  static KeyPart expression(std::string_view sql);
};

struct UniquenessResult {
  bool unique = true;
  /// When not unique: one duplicated key (arbitrary, not the most frequent), one value per
  /// key part as PostgreSQL prints it (nullopt for NULL), and how many rows share it.
  std::vector<std::optional<std::string>> sample_key;
  long long sample_count = 0;
};

struct UniquenessOptions {
  /// false (default): rows whose key is NULL count as equal, as GROUP BY (and a symmetric
  /// aggregate hashing the key) treats them, so two NULL keys are a duplicate. true: rows with
  /// a NULL in any key part are ignored, as a UNIQUE constraint treats them.
  bool ignore_null_keys = false;
};

/// Runs `SELECT <key>, count(*) FROM <relation_sql> [WHERE <key parts> IS NOT NULL]
/// GROUP BY <key> HAVING count(*) > 1 LIMIT 1`. `relation_sql` is a FROM item: a table name
/// (use quoteQualifiedName) or a parenthesised subquery with an alias; key expressions may
/// refer to its columns or alias. An empty key is a Query error.
bool probeUniqueness(PostgresConnection& connection, std::string_view relation_sql,
                     const std::vector<KeyPart>& key, UniquenessResult* result,
                     DatabaseError* error, const UniquenessOptions& options = {});

struct QueryColumnInfo {
  std::string name;
  uint32_t type_oid = 0;
  /// format_type(oid, NULL): "integer", "numeric", "character varying", "text[]". Result
  /// metadata carries no type modifier in libpqxx 6.4, so precision and length are absent.
  std::string data_type;
  TypeCategory category = TypeCategory::Other;
};

/// The columns of an arbitrary SELECT (a derived table's SQL), from
/// `SELECT * FROM (\n<sql>\n) AS lkml_probe LIMIT 0` plus one pg_type query for the type
/// names. On failure the error is the database's, with its position mapped back into `sql`.
/// A trailing `;` is ignored.
bool probeQueryColumns(PostgresConnection& connection, std::string_view sql,
                       std::vector<QueryColumnInfo>* columns, DatabaseError* error);

/// Whether PostgreSQL accepts `sql` (a SELECT, e.g. generated explore SQL): plans and starts it
/// with LIMIT 0, so no rows are read. Error message, SQLSTATE and position (into `sql`) as
/// the database reports them.
bool runWithLimitZero(PostgresConnection& connection, std::string_view sql, DatabaseError* error);

}  // namespace lkml::catalog
