// Where the end of a piece of PostgreSQL text lies lexically: in code, inside a string literal
// (standard, E'', N'', U&'', bit), a quoted identifier, a comment or a dollar-quoted string.
// It decides how a value from a user may be inserted there. The scanner follows PostgreSQL's
// lexer (scan.l) and is run twice, with standard_conforming_strings on and off; where the two
// disagree, or a backslash waits to escape whatever comes next, the position is Unknown and
// callers must refuse to insert anything.
#pragma once

#include <cstddef>
#include <string_view>

#include "base/sql_lexical_rules.h"

namespace lkml::codegen {

enum class SqlPosition {
  Code,
  StringLiteral,  // '...' or N'...': a quote can be doubled, no escapes
  EString,        // E'...': backslash escapes
  OtherLiteral,   // U&'...', B'...', X'...': no value may be written inside
  QuotedIdentifier,
  Comment,
  DollarQuoted,
  Unknown,
};

struct SqlLexicalState {
  SqlPosition position = SqlPosition::Code;
  /// StringLiteral / EString: offset of the literal's first byte (its prefix letter or quote),
  /// and whether nothing has been written inside it yet (it ends with its opening quote).
  size_t literal_start = 0;
  bool literal_empty = false;
};

/// `dialect` picks the lexer: PostgreSQL's exact scanner (run with standard_conforming_strings
/// on and off) for every dialect whose strings and comments are PostgreSQL's (postgres,
/// redshift, duckdb in base/sql_lexical_rules), else one scan with the dialect's
/// sql::LexicalRules (BigQuery: # comments, backtick names, "..." and triple-quoted strings;
/// Snowflake: // comments; both: backslash escapes). Dollar quotes are recognised in all.
SqlLexicalState lexicalStateAtEnd(std::string_view sql,
                                  sql::Dialect dialect = sql::Dialect::Postgres);

/// The prefix that reopens a literal like the one starting at `literal_start` ("'" or "E'"...).
std::string_view literalOpening(std::string_view sql, const SqlLexicalState& state);

}  // namespace lkml::codegen
