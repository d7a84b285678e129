#include "grammar/lexer.h"

#include <cstring>

#include "LookMLLexer.h"

namespace lkml::grammar {

using gen::LookMLLexer;
static_assert(
    int(kComment) == int(LookMLLexer::COMMENT) && int(kSqlKey) == int(LookMLLexer::SQL_KEY) &&
        int(kLBrace) == int(LookMLLexer::LBRACE) && int(kRBrace) == int(LookMLLexer::RBRACE) &&
        int(kLBracket) == int(LookMLLexer::LBRACKET) &&
        int(kRBracket) == int(LookMLLexer::RBRACKET) && int(kComma) == int(LookMLLexer::COMMA) &&
        int(kColon) == int(LookMLLexer::COLON) && int(kString) == int(LookMLLexer::STRING) &&
        int(kLiteral) == int(LookMLLexer::LITERAL) &&
        int(kErrorChar) == int(LookMLLexer::ERROR_CHAR) &&
        int(kSqlEnd) == int(LookMLLexer::SQL_END) && int(kSqlText) == int(LookMLLexer::SQL_TEXT),
    "lexer.h token types must match LookMLLexer.g4");

namespace {

// Character classes of LookMLLexer.g4, as a 256-entry table.
// kLiteralSlow: bytes lexLiteral() must look at more closely ('@' of `@{...}`, 0xEF of a BOM).
enum : uint8_t { kWs = 1, kLiteralStop = 2, kKeyChar = 4, kLiteralSlow = 8 };

struct CharTable {
  uint8_t flags[256] = {};
  constexpr CharTable() {
    for (unsigned char c : {' ', '\t', '\r', '\n', '\f'}) flags[c] |= kWs | kLiteralStop;
    for (unsigned char c : {':', '{', '}', '[', ']', ',', '"', '#'}) flags[c] |= kLiteralStop;
    for (int c = 'a'; c <= 'z'; ++c) flags[c] |= kKeyChar;
    for (int c = 'A'; c <= 'Z'; ++c) flags[c] |= kKeyChar;
    for (int c = '0'; c <= '9'; ++c) flags[c] |= kKeyChar;
    flags[static_cast<unsigned char>('_')] |= kKeyChar;
    flags[static_cast<unsigned char>('@')] |= kLiteralSlow;
    flags[0xEF] |= kLiteralSlow;
  }
};
constexpr CharTable kChars;

inline bool isWs(unsigned char c) { return kChars.flags[c] & kWs; }

bool isBom(const char* p, const char* end) {
  return end - p >= 3 && static_cast<unsigned char>(p[0]) == 0xEF &&
         static_cast<unsigned char>(p[1]) == 0xBB && static_cast<unsigned char>(p[2]) == 0xBF;
}

// Length of the UTF-8 sequence starting at p (1 for invalid bytes, as ANTLR would see one
// replacement code point per byte after our UTF-8 check has already reported the file).
size_t codePointLength(const char* p, const char* end) {
  unsigned char c = static_cast<unsigned char>(*p);
  size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
  if (static_cast<size_t>(end - p) < n) return 1;
  // A lead byte without its continuation bytes (Latin-1 "é " is E9 20) is one bad byte: never
  // swallow the ASCII delimiters after it.
  for (size_t i = 1; i < n; ++i) {
    if ((static_cast<unsigned char>(p[i]) & 0xC0) != 0x80) return 1;
  }
  return n;
}

class Lexer {
 public:
  Lexer(std::string_view text, uint32_t depth_limit)
      : base_(text.data()),
        p_(text.data()),
        end_(text.data() + text.size()),
        depth_limit_(depth_limit) {}

  LexResult run() {
    result_.tokens.reserve(text_size() / 5 + 16);
    while (true) {
      skipTrivia();
      if (p_ >= end_) break;
      lexToken();
    }
    push(kEof, p_, p_);
    return std::move(result_);
  }

 private:
  size_t text_size() const { return static_cast<size_t>(end_ - base_); }

  void push(uint16_t type, const char* begin, const char* end) {
    result_.tokens.push_back(
        {static_cast<uint32_t>(begin - base_), static_cast<uint32_t>(end - base_), type});
  }

  // The scanning loops below work on a local copy of p_: the member would be reloaded and
  // stored at every byte, because the token vectors' writes might alias it.
  void skipTrivia() {
    const char* p = p_;
    while (p < end_) {
      unsigned char c = static_cast<unsigned char>(*p);
      if (isWs(c)) {
        ++p;
      } else if (c == '#') {
        const char* start = p;
        while (p < end_ && *p != '\n' && *p != '\r') ++p;
        result_.comments.push_back(
            {static_cast<uint32_t>(start - base_), static_cast<uint32_t>(p - base_), kComment});
      } else if (c == 0xEF && isBom(p, end_)) {
        p += 3;
      } else {
        break;
      }
    }
    p_ = p;
  }

  void open() {
    ++depth_;
    if (depth_ > result_.max_depth) result_.max_depth = depth_;
    if (depth_ > depth_limit_ && result_.too_deep_at == UINT32_MAX) {
      result_.too_deep_at = static_cast<uint32_t>(p_ - base_ - 1);
    }
  }
  void close() {
    if (depth_ > 0) --depth_;
  }

  void lexToken() {
    const char* start = p_;
    switch (*p_) {
      case '{':
        ++p_;
        open();
        return push(kLBrace, start, p_);
      case '}':
        ++p_;
        close();
        return push(kRBrace, start, p_);
      case '[':
        ++p_;
        ++bracket_depth_;
        open();
        return push(kLBracket, start, p_);
      case ']':
        ++p_;
        if (bracket_depth_ > 0) --bracket_depth_;
        close();
        return push(kRBracket, start, p_);
      case ',':
        ++p_;
        return push(kComma, start, p_);
      case ':':
        ++p_;
        return push(kColon, start, p_);
      case '"':
        return lexString();
      default:
        break;
    }
    if (bracket_depth_ == 0 && lexSqlKey()) return;
    lexLiteral();
  }

  void lexString() {
    const char* start = p_;
    const char* q = p_ + 1;
    while (q < end_) {
      if (*q == '\\') {
        if (q + 1 >= end_) break;
        q += 1 + codePointLength(q + 1, end_);
      } else if (*q == '"') {
        p_ = q + 1;
        return push(kString, start, p_);
      } else {
        ++q;
      }
    }
    // Unterminated: the grammar's STRING does not match, so '"' is an ERROR_CHAR.
    ++p_;
    push(kErrorChar, start, p_);
  }

  bool lexSqlKey() {
    size_t left = static_cast<size_t>(end_ - p_);
    size_t prefix = 0;
    if (left >= 3 && std::memcmp(p_, "sql", 3) == 0)
      prefix = 3;
    else if (left >= 4 && (std::memcmp(p_, "html", 4) == 0 || std::memcmp(p_, "expr", 4) == 0))
      prefix = 4;
    if (prefix == 0) return false;
    const char* q = p_ + prefix;
    while (q < end_ && (kChars.flags[static_cast<unsigned char>(*q)] & kKeyChar)) ++q;
    while (q < end_ && isWs(static_cast<unsigned char>(*q))) ++q;
    if (q >= end_ || *q != ':') return false;
    const char* start = p_;
    p_ = q + 1;
    push(kSqlKey, start, p_);
    lexSqlBody();
    return true;
  }

  void lexSqlBody() {
    const char* start = p_;
    const char* q = p_;
    const char* found = nullptr;
    while (q + 1 < end_) {
      const char* semi = static_cast<const char*>(std::memchr(q, ';', end_ - q - 1));
      if (!semi) break;
      if (semi[1] == ';') {
        found = semi;
        break;
      }
      q = semi + 1;
    }
    if (!found) {
      if (end_ > start) push(kSqlText, start, end_);
      p_ = end_;
      return;
    }
    if (found > start) push(kSqlText, start, found);
    push(kSqlEnd, found, found + 2);
    p_ = found + 2;
  }

  void lexLiteral() {
    const char* start = p_;
    const char* p = p_;
    while (p < end_) {
      const unsigned char c = static_cast<unsigned char>(*p);
      const uint8_t flags = kChars.flags[c];
      if (!(flags & (kLiteralStop | kLiteralSlow))) {
        // Stepping byte by byte ends where stepping by code point would: the bytes a code
        // point skips (UTF-8 continuation bytes, see codePointLength) are never a stop
        // character, '@' or 0xEF.
        ++p;
        continue;
      }
      if (flags & kLiteralStop) break;
      if (c == '@') {
        if (p + 1 < end_ && p[1] == '{') {
          const char* close = static_cast<const char*>(std::memchr(p + 2, '}', end_ - p - 2));
          if (close) {
            p = close + 1;
            continue;
          }
        }
        ++p;
        continue;
      }
      if (isBom(p, end_)) break;  // c == 0xEF
      p += codePointLength(p, end_);
    }
    p_ = p;
    if (p_ == start) {
      // Not reachable for valid input (every stop character has its own rule); keep progress.
      p_ += codePointLength(p_, end_);
      push(kErrorChar, start, p_);
      return;
    }
    push(kLiteral, start, p_);
  }

  const char* base_;
  const char* p_;
  const char* end_;
  uint32_t depth_limit_;
  uint32_t depth_ = 0;
  uint32_t bracket_depth_ = 0;
  LexResult result_;
};

}  // namespace

LexResult lex(std::string_view text, uint32_t depth_limit) {
  return Lexer(text, depth_limit).run();
}

}  // namespace lkml::grammar
