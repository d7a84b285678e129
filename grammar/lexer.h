// A hand-written LookML lexer that produces exactly the token stream specified by
// LookMLLexer.g4 (proved by tests/unit/grammar/lexer_diff_test.cpp), about 10x faster than
// the generated ANTLR lexer and without its process-wide DFA lock, so files lex in parallel.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace lkml::grammar {

/// Token types; the values equal the generated LookMLLexer constants (static_assert in lexer.cpp).
enum TokenType : uint16_t {
  kComment = 3,
  kSqlKey = 4,
  kLBrace = 5,
  kRBrace = 6,
  kLBracket = 7,
  kRBracket = 8,
  kComma = 9,
  kColon = 10,
  kString = 11,
  kLiteral = 12,
  kErrorChar = 13,
  kSqlEnd = 14,
  kSqlText = 15,
  kEof = 0xFFFF,
};

struct RawToken {
  uint32_t begin;  // byte offsets into the text
  uint32_t end;
  uint16_t type;
};

struct LexResult {
  std::vector<RawToken> tokens;       // without comments, ending with kEof
  std::vector<RawToken> comments;     // kComment tokens, in order
  uint32_t max_depth = 0;             // deepest nesting of '{' and '[' seen
  uint32_t too_deep_at = UINT32_MAX;  // offset of the first bracket nested past the limit
};

/// Lexes `text` (UTF-8). Never fails: unexpected characters become kErrorChar tokens.
/// Adjacent SQL text is one kSqlText token (the ANTLR lexer may split it at ';').
LexResult lex(std::string_view text, uint32_t depth_limit = UINT32_MAX);

}  // namespace lkml::grammar
