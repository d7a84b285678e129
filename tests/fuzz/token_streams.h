// The two token streams the lexer differential checks compare (header-only, shared by
// tests/unit/grammar/lexer_diff_test.cpp and tests/fuzz/lexer_diff_fuzzer.cpp):
// - the generated ANTLR lexer (LookMLLexer.g4, the specification), with its code-point
//   indexes converted to byte offsets and adjacent SQL_TEXT tokens merged;
// - the hand-written lexer (grammar/lexer.cpp).
// Comments (the HIDDEN channel) are compared as a separate stream.
#pragma once

#include <cstdint>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "LookMLLexer.h"
#include "antlr4-runtime.h"
#include "grammar/lexer.h"

namespace lkml::test {

struct LexedToken {
  int type = 0;  // LookMLLexer constants; -1 (antlr4::Token::EOF) is never stored
  std::string text;
  uint32_t begin = 0;  // byte offsets
  uint32_t end = 0;

  bool operator==(const LexedToken& o) const {
    return type == o.type && text == o.text && begin == o.begin && end == o.end;
  }
  bool operator!=(const LexedToken& o) const { return !(*this == o); }
};

inline std::ostream& operator<<(std::ostream& out, const LexedToken& t) {
  static const char* const kNames[] = {"?",        "BOM",     "WS",       "COMMENT",    "SQL_KEY",
                                       "LBRACE",   "RBRACE",  "LBRACKET", "RBRACKET",   "COMMA",
                                       "COLON",    "STRING",  "LITERAL",  "ERROR_CHAR", "SQL_END",
                                       "SQL_TEXT", "SQL_SEMI"};
  if (t.type > 0 && t.type <= 16)
    out << kNames[t.type] << " ";
  else
    out << "type " << t.type << " ";
  for (char c : t.text) {  // escape control characters so a diff is readable
    if (c == '\n')
      out << "\\n";
    else if (c == '\r')
      out << "\\r";
    else if (c == '\t')
      out << "\\t";
    else if (static_cast<unsigned char>(c) < 0x20)
      out << "\\x" << std::hex << int(c) << std::dec;
    else
      out << c;
  }
  return out << " @" << t.begin << "-" << t.end;
}

struct TokenStreams {
  std::vector<LexedToken> tokens;    // default channel, no EOF
  std::vector<LexedToken> comments;  // COMMENT tokens
  size_t lexer_errors = 0;           // ANTLR "token recognition error"s (none expected)
};

namespace detail {

// Byte offset of every code point index (plus one past the end), for ANTLR's indexes.
inline std::vector<uint32_t> codePointOffsets(std::string_view text) {
  std::vector<uint32_t> offsets;
  offsets.reserve(text.size() + 1);
  for (uint32_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) offsets.push_back(i);
  }
  offsets.push_back(static_cast<uint32_t>(text.size()));
  return offsets;
}

class CountingListener : public antlr4::BaseErrorListener {
 public:
  void syntaxError(antlr4::Recognizer*, antlr4::Token*, size_t, size_t, const std::string&,
                   std::exception_ptr) override {
    ++count;
  }
  size_t count = 0;
};

inline void appendMerged(std::vector<LexedToken>* out, LexedToken token) {
  constexpr int kSqlText = lkml::grammar::kSqlText;
  if (token.type == kSqlText && !out->empty() && out->back().type == kSqlText &&
      out->back().end == token.begin) {
    out->back().text += token.text;
    out->back().end = token.end;
    return;
  }
  out->push_back(std::move(token));
}

}  // namespace detail

/// Runs the generated ANTLR lexer. `text` must be valid UTF-8 (ANTLR decodes it to UTF-32).
inline TokenStreams antlrTokens(std::string_view text) {
  TokenStreams result;
  std::vector<uint32_t> offsets = detail::codePointOffsets(text);
  antlr4::ANTLRInputStream input{std::string(text)};
  // ANTLRInputStream drops a leading byte order mark: its index 0 is then code point 1.
  size_t shift = offsets.size() - 1 - input.size();
  lkml::grammar::gen::LookMLLexer lexer(&input);
  detail::CountingListener listener;
  lexer.removeErrorListeners();
  lexer.addErrorListener(&listener);
  while (true) {
    std::unique_ptr<antlr4::Token> token = lexer.nextToken();
    if (token->getType() == antlr4::Token::EOF) break;
    LexedToken t;
    t.type = static_cast<int>(token->getType());
    t.text = token->getText();
    t.begin = offsets[token->getStartIndex() + shift];
    t.end = offsets[token->getStopIndex() + 1 + shift];
    if (token->getChannel() == antlr4::Token::HIDDEN_CHANNEL) {
      result.comments.push_back(std::move(t));
    } else {
      detail::appendMerged(&result.tokens, std::move(t));
    }
  }
  result.lexer_errors = listener.count;
  return result;
}

/// Runs the hand-written lexer (grammar/lexer.h).
inline TokenStreams handTokens(std::string_view text) {
  TokenStreams result;
  lkml::grammar::LexResult lexed = lkml::grammar::lex(text);
  auto convert = [&](const lkml::grammar::RawToken& raw) {
    LexedToken t;
    t.type = raw.type;
    t.text = std::string(text.substr(raw.begin, raw.end - raw.begin));
    t.begin = raw.begin;
    t.end = raw.end;
    return t;
  };
  for (const auto& raw : lexed.tokens) {
    if (raw.type == lkml::grammar::kEof) break;
    result.tokens.push_back(convert(raw));
  }
  for (const auto& raw : lexed.comments) result.comments.push_back(convert(raw));
  return result;
}

/// "" when both streams are equal, else a description of the first difference.
inline std::string firstDifference(const std::vector<LexedToken>& antlr,
                                   const std::vector<LexedToken>& hand) {
  size_t i = 0;
  while (i < antlr.size() && i < hand.size() && antlr[i] == hand[i]) ++i;
  if (i == antlr.size() && i == hand.size()) return "";
  std::ostringstream out;
  out << "token " << i << ": ANTLR ";
  if (i < antlr.size())
    out << antlr[i];
  else
    out << "<end>";
  out << " vs hand ";
  if (i < hand.size())
    out << hand[i];
  else
    out << "<end>";
  out << " (" << antlr.size() << " vs " << hand.size() << " tokens)";
  return out.str();
}

}  // namespace lkml::test
