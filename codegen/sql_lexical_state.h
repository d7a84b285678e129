// Where the end of a piece of PostgreSQL text lies lexically: in code, inside a string literal
// (standard, E'', N'', U&'', bit), a quoted identifier, a comment or a dollar-quoted string.
// It decides how a value from a user may be inserted there. The scanner follows PostgreSQL's
// lexer (scan.l) and is run twice, with standard_conforming_strings on and off; where the two
// disagree, or a backslash waits to escape whatever comes next, the position is Unknown and
// callers must refuse to insert anything.
#pragma once

#include <cstddef>
#include <string_view>

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

/// What sets a dialect's lexer apart from PostgreSQL's. The default is PostgreSQL, scanned
/// with standard_conforming_strings both on and off. Every other dialect is scanned once with
/// its own rules; dollar-quoted strings are recognised in all of them (a `$$` another dialect
/// does not know is then refused, never written into).
struct SqlLexicalRules {
  bool postgres = true;              // E'', U&'', B'', X'', continuation, on/off ambiguity
  bool backslashEscapes = false;     // '...' always takes backslash escapes (when !postgres)
  bool hashComments = false;         // # starts a comment (BigQuery)
  bool slashComments = false;        // // starts a comment (Snowflake)
  bool backtickIdentifiers = false;  // `name` (BigQuery)
  bool doubleQuotedStrings = false;  // "..." is a string, not a name (BigQuery)
  bool tripleQuotedStrings = false;  // three quotes open a string (BigQuery)
};

struct SqlLexicalState {
  SqlPosition position = SqlPosition::Code;
  /// StringLiteral / EString: offset of the literal's first byte (its prefix letter or quote),
  /// and whether nothing has been written inside it yet (it ends with its opening quote).
  size_t literal_start = 0;
  bool literal_empty = false;
};

SqlLexicalState lexicalStateAtEnd(std::string_view sql, const SqlLexicalRules& rules = {});

/// The prefix that reopens a literal like the one starting at `literal_start` ("'" or "E'"...).
std::string_view literalOpening(std::string_view sql, const SqlLexicalState& state);

}  // namespace lkml::codegen
