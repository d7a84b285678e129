// Maps dialect names from models and the command line to Dialect instances. The names and
// their spellings are base/sql_lexical_rules.h's (sql::parseDialect); this only adds the
// renderer of each sql::Dialect.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/sql_lexical_rules.h"
#include "codegen/sql_dialect.h"

namespace lkml::codegen {

/// The renderer of a dialect. Instances live for the whole program.
const Dialect& dialectFor(sql::Dialect dialect);

/// The dialect called `name` in any spelling sql::parseDialect accepts (case-insensitive;
/// "postgresql", Looker's "bigquery_standard_sql"), or nullptr.
const Dialect* findDialect(std::string_view name);

/// Canonical names of every dialect, sorted (sql::dialectNames).
std::vector<std::string> dialectNames();

/// sql::unknownDialectMessage: "unknown dialect `x`; expected one of bigquery, ..." (with "did
/// you mean" when a spelling is close).
std::string unknownDialectMessage(std::string_view name);

}  // namespace lkml::codegen
