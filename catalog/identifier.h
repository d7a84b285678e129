// PostgreSQL identifiers: folding, quoting and parsing of (possibly qualified) names.
// Unquoted identifiers fold to lower case (ASCII only, as PostgreSQL does for UTF-8);
// quoted ones are exact, with "" standing for one double quote.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

}  // namespace lkml::catalog
