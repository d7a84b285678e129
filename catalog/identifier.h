// PostgreSQL identifiers: folding, quoting and parsing of (possibly qualified) names.
// Unquoted identifiers fold to lower case (ASCII only, as PostgreSQL does for UTF-8);
// quoted ones are exact, with "" standing for one double quote.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/sql_lexical_rules.h"

namespace lkml::catalog {

/// Always double-quotes: `Mixed Case` → `"Mixed Case"`, `a"b` → `"a""b"`. Use it in generated SQL.
std::string quoteIdentifier(std::string_view name);

/// `"schema"."name"`, each part quoted with quoteIdentifier.
std::string quoteQualifiedName(std::string_view schema, std::string_view name);

/// Quotes only when PostgreSQL needs it (upper case, special characters, reserved words), as
/// `quote_ident()` does: for messages and suggestions that users read and copy.
std::string formatIdentifier(std::string_view name);

/// Splits `a.b.c` into its parts, folding unquoted parts to lower case and unquoting quoted
/// ones. Surrounding whitespace is ignored. Returns nullopt on malformed input (an empty part,
/// an unterminated quote, characters after a quoted part).
std::optional<std::vector<std::string>> parseQualifiedName(std::string_view text);

/// The same under `dialect`'s rules: Snowflake folds unquoted parts to upper case; BigQuery
/// keeps case, quotes with backticks (one quoted part may hold several: `` `p.d.t` ``), and
/// allows dashes (project ids) and a trailing `*` (wildcard tables) in unquoted parts.
std::optional<std::vector<std::string>> parseQualifiedName(std::string_view text,
                                                           sql::Dialect dialect);

}  // namespace lkml::catalog
