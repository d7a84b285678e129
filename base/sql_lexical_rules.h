// The SQL dialects lkml knows by name, and each one's lexical rules: how string literals,
// quoted identifiers and comments are written, and how identifiers compare. It lives in base/
// because semantic/ (dialect sniffing, lkml.json), catalog/ (name lookup in an imported
// catalog) and schema/ (finding `${TABLE}.column` in SQL text) all need the same rules and must
// not depend on codegen/. codegen/dialects/ renders SQL; this file only reads it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lkml::sql {

enum class Dialect { Postgres, BigQuery, Snowflake, Redshift, DuckDB };

/// The dialect called `name` (case-insensitive): postgres (also postgresql), bigquery (also
/// bigquery_standard_sql, Looker's name), snowflake, redshift, duckdb. nullopt otherwise.
std::optional<Dialect> parseDialect(std::string_view name);
/// The canonical name: "postgres", "bigquery", "snowflake", "redshift", "duckdb".
const char* dialectName(Dialect dialect);
/// Canonical names of every dialect, sorted.
std::vector<std::string> dialectNames();
/// "unknown dialect `x`; expected one of bigquery, duckdb, postgres, redshift, snowflake"
/// (with "did you mean" when a name is close).
std::string unknownDialectMessage(std::string_view name);

/// How an unquoted identifier is stored and compared.
enum class Folding {
  Lower,            // PostgreSQL, Redshift: unquoted folds to lower case; quoted is exact
  Upper,            // Snowflake: unquoted folds to UPPER case; quoted is exact
  CaseInsensitive,  // BigQuery columns, DuckDB: compared ignoring case, quoted or not
};

struct LexicalRules {
  char identifier_quote = '"';         // '"' or '`' (BigQuery)
  bool double_quote_string = false;    // BigQuery: "..." is a string, not an identifier
  bool backslash_escapes = false;      // BigQuery, Snowflake: \' inside a string
  bool hash_comments = false;          // BigQuery: # to the end of the line
  bool slash_comments = false;         // Snowflake: // to the end of the line
  bool triple_quotes = false;          // BigQuery: '''...''' and """..."""
  bool string_prefixes = false;        // BigQuery: r'..', b'..', rb'..' (any case)
  bool dollar_quotes = false;          // PostgreSQL/Redshift/DuckDB $tag$...$tag$; Snowflake $$
  bool nested_block_comments = false;  // PostgreSQL: /* /* */ */
  bool dashes_in_names = false;        // BigQuery: unquoted project ids like my-project
  Folding column_folding = Folding::Lower;
  /// Table and schema names: BigQuery datasets and tables are case-sensitive (exact) while
  /// its columns are not.
  Folding relation_folding = Folding::Lower;
};

const LexicalRules& lexicalRules(Dialect dialect);

/// If a string literal, quoted identifier or comment starts at `pos`, the index just past it
/// (sql.size() when it is unterminated); else `pos`.
size_t skipLiteralOrComment(std::string_view sql, size_t pos, Dialect dialect);

/// If a quoted identifier starts at `pos`, the index past it (npos when unterminated); else pos.
size_t skipQuotedIdentifier(std::string_view sql, size_t pos, Dialect dialect);

/// The text of a quoted identifier `"a""b"` / `` `a\`b` `` without quotes and escapes.
std::string unquoteIdentifier(std::string_view quoted, Dialect dialect);

/// Whether two stored names are the same name under `folding`.
bool sameName(std::string_view a, std::string_view b, Folding folding);

}  // namespace lkml::sql
