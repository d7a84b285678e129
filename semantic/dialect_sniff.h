// Guesses a project's SQL dialect when none is configured (no --dialect, no lkml.json
// "connections"): lkml then reads SQL as PostgreSQL, and a project written for BigQuery or
// Snowflake deserves one warning (LKML290) that says how to choose. Only unmistakable marks
// count: BigQuery backtick-quoted names, SAFE_CAST(, TIMESTAMP_DIFF(, _TABLE_SUFFIX, INT64, ...
// (and UNNEST( only when no PostgreSQL `::` cast appears anywhere); Snowflake `$$`, FLATTEN(,
// IFF(, TRY_TO_NUMBER(, ... when nothing says BigQuery.
#pragma once

#include <optional>
#include <string>

#include "base/diagnostic.h"
#include "base/sql_lexical_rules.h"
#include "semantic/project.h"

namespace lkml::semantic {

struct DialectGuess {
  sql::Dialect dialect = sql::Dialect::Postgres;
  Span span;             // the first telling mark (files in path order)
  std::string evidence;  // the mark as written: "`bigquery-public-data.samples.t`", "SAFE_CAST("
};

/// The dialect the SQL blocks (`sql*:` ... `;;`) of the project's files are plainly written
/// in, when that is not PostgreSQL; nullopt when nothing tells.
std::optional<DialectGuess> guessDialect(const ProjectSources& sources);

/// LKML290 for the guess, naming the model connection to map in lkml.json ("" = unknown).
Diagnostic dialectGuessDiagnostic(const DialectGuess& guess, const std::string& connection);

}  // namespace lkml::semantic
