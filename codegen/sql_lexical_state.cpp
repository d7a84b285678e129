#include "codegen/sql_lexical_state.h"

namespace lkml::codegen {

namespace {

bool isIdentStart(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  return (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || u == '_' || u >= 0x80;
}
bool isIdentChar(char c) { return isIdentStart(c) || (c >= '0' && c <= '9') || c == '$'; }
bool isDollarTagChar(char c) { return isIdentStart(c) || (c >= '0' && c <= '9'); }
bool isSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

enum class LiteralKind { Standard, Escape, Unicode, Bit };

struct Scan {
  SqlLexicalState state;
  bool pending_backslash = false;  // the text ends right after an escaping backslash
};

// After a literal's closing quote at `close`: PostgreSQL continues the same literal when only
// whitespace containing a newline (comments allowed after the newline) separates it from
// another quote. Returns the offset of that quote, npos when the literal ends, or `n` when the
// text ends before it is known (treated as ended: a value written there stays a literal).
size_t continuation(std::string_view sql, size_t close) {
  size_t n = sql.size(), i = close + 1;
  while (i < n && (sql[i] == ' ' || sql[i] == '\t' || sql[i] == '\f')) ++i;
  if (i >= n || (sql[i] != '\n' && sql[i] != '\r')) return std::string_view::npos;
  for (;;) {
    while (i < n && isSpace(sql[i])) ++i;
    if (i + 1 < n && sql[i] == '-' && sql[i + 1] == '-') {
      size_t eol = sql.find_first_of("\r\n", i);
      if (eol == std::string_view::npos) return std::string_view::npos;
      i = eol;
      continue;
    }
    break;
  }
  return i < n && sql[i] == '\'' ? i : std::string_view::npos;
}

Scan scan(std::string_view sql, bool standard_conforming) {
  Scan out;
  size_t i = 0, n = sql.size();
  auto inside = [&](SqlPosition p) {
    out.state.position = p;
    return out;
  };
  while (i < n) {
    char c = sql[i];
    size_t literal_start = i;
    LiteralKind kind = LiteralKind::Standard;
    bool literal = false;
    if (c == '\'') {
      literal = true;
    } else if (isIdentStart(c)) {
      // A prefixed literal (E'', N'', B'', X'', U&'') only when the letter starts a token.
      char u = static_cast<char>(c & ~0x20);
      if (i + 1 < n && sql[i + 1] == '\'' && (u == 'E' || u == 'N' || u == 'B' || u == 'X')) {
        literal = true;
        kind =
            u == 'E' ? LiteralKind::Escape : (u == 'N' ? LiteralKind::Standard : LiteralKind::Bit);
        ++i;
      } else if (u == 'U' && i + 2 < n && sql[i + 1] == '&' && sql[i + 2] == '\'') {
        literal = true;
        kind = LiteralKind::Unicode;
        i += 2;
      } else if (u == 'U' && i + 2 < n && sql[i + 1] == '&' && sql[i + 2] == '"') {
        i += 2;  // U&"ident": scanned as a quoted identifier below
        continue;
      } else {
        while (i < n && isIdentChar(sql[i])) ++i;
        continue;
      }
    }
    if (literal) {
      bool backslash_escapes =
          kind == LiteralKind::Escape || (kind == LiteralKind::Standard && !standard_conforming);
      ++i;  // past the opening quote
      size_t content_start = i;
      for (;;) {
        if (i >= n) {
          out.state.literal_start = literal_start;
          out.state.literal_empty = i == content_start;
          return inside(kind == LiteralKind::Escape     ? SqlPosition::EString
                        : kind == LiteralKind::Standard ? SqlPosition::StringLiteral
                                                        : SqlPosition::OtherLiteral);
        }
        if (backslash_escapes && sql[i] == '\\') {
          if (i + 1 >= n) {
            out.pending_backslash = true;
            out.state.literal_start = literal_start;
            return inside(kind == LiteralKind::Escape ? SqlPosition::EString
                                                      : SqlPosition::StringLiteral);
          }
          i += 2;
          continue;
        }
        if (sql[i] == '\'') {
          if (kind != LiteralKind::Bit && i + 1 < n && sql[i + 1] == '\'') {
            i += 2;
            continue;
          }
          size_t next = continuation(sql, i);
          if (next == std::string_view::npos) break;
          i = next + 1;
          content_start = n + 1;  // continued: not empty
          continue;
        }
        ++i;
      }
      ++i;
      continue;
    }
    if (c == '"') {
      for (++i;; ++i) {
        if (i >= n) return inside(SqlPosition::QuotedIdentifier);
        if (sql[i] == '"') {
          if (i + 1 < n && sql[i + 1] == '"') {
            ++i;
            continue;
          }
          break;
        }
      }
      ++i;
    } else if (c == '-' && i + 1 < n && sql[i + 1] == '-') {
      size_t eol = sql.find_first_of("\r\n", i);
      if (eol == std::string_view::npos) return inside(SqlPosition::Comment);
      i = eol + 1;
    } else if (c == '/' && i + 1 < n && sql[i + 1] == '*') {
      int depth = 1;  // PostgreSQL block comments nest
      for (i += 2; depth > 0;) {
        if (i >= n) return inside(SqlPosition::Comment);
        if (i + 1 < n && sql[i] == '/' && sql[i + 1] == '*') {
          ++depth;
          i += 2;
        } else if (i + 1 < n && sql[i] == '*' && sql[i + 1] == '/') {
          --depth;
          i += 2;
        } else {
          ++i;
        }
      }
    } else if (c == '$') {
      size_t end = i + 1;
      if (end < n && sql[end] >= '0' && sql[end] <= '9') {
        while (end < n && sql[end] >= '0' && sql[end] <= '9') ++end;  // $1: a parameter
        i = end;
        continue;
      }
      if (end < n && isIdentStart(sql[end])) {
        while (end < n && isDollarTagChar(sql[end])) ++end;
      }
      if (end < n && sql[end] == '$') {
        std::string_view tag = sql.substr(i, end - i + 1);
        size_t close = sql.find(tag, end + 1);
        if (close == std::string_view::npos) return inside(SqlPosition::DollarQuoted);
        i = close + tag.size();
      } else {
        ++i;  // a lone `$`: the tag characters after it are scanned as a word
      }
    } else if (c >= '0' && c <= '9') {
      while (i < n && sql[i] >= '0' && sql[i] <= '9') ++i;
    } else {
      ++i;
    }
  }
  return out;
}

// Every dialect but PostgreSQL: one scan with the dialect's rules. '...' literals are the only
// place a value may be written into; any other string form (prefixed, double-quoted where that
// is a string, three quotes) is OtherLiteral, where nothing is written.
Scan scanDialect(std::string_view sql, const sql::LexicalRules& rules) {
  Scan out;
  size_t i = 0, n = sql.size();
  auto inside = [&](SqlPosition p) {
    out.state.position = p;
    return out;
  };
  // Skips a quoted run opened at `i` by `quote` (repeated `count` times), honouring backslash
  // escapes and, for single quotes, doubled quotes. Returns false when the text ends inside.
  auto skipQuoted = [&](char quote, size_t count, bool escapes, bool doubled) {
    i += count;
    while (i < n) {
      if (escapes && sql[i] == '\\') {
        if (i + 1 >= n) {
          out.pending_backslash = true;
          return false;
        }
        i += 2;
        continue;
      }
      if (sql[i] == quote) {
        if (count == 3) {
          if (i + 2 < n && sql[i + 1] == quote && sql[i + 2] == quote) {
            i += 3;
            return true;
          }
          ++i;
          continue;
        }
        if (doubled && i + 1 < n && sql[i + 1] == quote) {
          i += 2;
          continue;
        }
        ++i;
        return true;
      }
      ++i;
    }
    return false;
  };
  auto triple = [&](char q) {
    return rules.triple_quotes && i + 2 < n && sql[i + 1] == q && sql[i + 2] == q;
  };
  while (i < n) {
    const char c = sql[i];
    const size_t start = i;
    if (isIdentStart(c)) {
      while (i < n && isIdentChar(sql[i])) ++i;
      // A word glued to a quote is a prefixed literal (r'', b'', X''...): raw when it holds r.
      if (i < n && (sql[i] == '\'' || (rules.double_quote_string && sql[i] == '"'))) {
        const std::string_view word = sql.substr(start, i - start);
        const bool raw = word.find_first_of("rR") != std::string_view::npos;
        const char q = sql[i];
        if (!skipQuoted(q, triple(q) ? 3 : 1, rules.backslash_escapes && !raw, !raw)) {
          return inside(SqlPosition::OtherLiteral);
        }
      }
      continue;
    }
    if (c == '\'') {
      if (triple('\'')) {
        if (!skipQuoted('\'', 3, rules.backslash_escapes, false)) {
          return inside(SqlPosition::OtherLiteral);
        }
        continue;
      }
      const size_t content = i + 1;
      if (!skipQuoted('\'', 1, rules.backslash_escapes, true)) {
        out.state.literal_start = start;
        out.state.literal_empty = !out.pending_backslash && n == content;
        return inside(SqlPosition::StringLiteral);
      }
      continue;
    }
    if (c == '"') {
      if (rules.double_quote_string) {
        if (!skipQuoted('"', triple('"') ? 3 : 1, rules.backslash_escapes, false)) {
          return inside(SqlPosition::OtherLiteral);
        }
      } else if (!skipQuoted('"', 1, false, true)) {
        return inside(SqlPosition::QuotedIdentifier);
      }
      continue;
    }
    if (c == '`' && rules.identifier_quote == '`') {
      if (!skipQuoted('`', 1, true, false)) return inside(SqlPosition::QuotedIdentifier);
      continue;
    }
    const bool lineComment = (c == '-' && i + 1 < n && sql[i + 1] == '-') ||
                             (c == '#' && rules.hash_comments) ||
                             (c == '/' && rules.slash_comments && i + 1 < n && sql[i + 1] == '/');
    if (lineComment) {
      size_t eol = sql.find_first_of("\r\n", i);
      if (eol == std::string_view::npos) return inside(SqlPosition::Comment);
      i = eol + 1;
      continue;
    }
    if (c == '/' && i + 1 < n && sql[i + 1] == '*') {
      size_t close = sql.find("*/", i + 2);
      if (close == std::string_view::npos) return inside(SqlPosition::Comment);
      i = close + 2;
      continue;
    }
    if (c == '$') {
      size_t end = i + 1;
      while (end < n && isDollarTagChar(sql[end])) ++end;
      if (end < n && sql[end] == '$' && !(end > i + 1 && sql[i + 1] >= '0' && sql[i + 1] <= '9')) {
        std::string_view tag = sql.substr(i, end - i + 1);
        size_t close = sql.find(tag, end + 1);
        if (close == std::string_view::npos) return inside(SqlPosition::DollarQuoted);
        i = close + tag.size();
        continue;
      }
      i = end;
      continue;
    }
    ++i;
  }
  return out;
}

}  // namespace

// Strings and comments as PostgreSQL writes them: its exact scanner applies.
static bool postgresLexing(const sql::LexicalRules& r) {
  return !r.backslash_escapes && !r.hash_comments && !r.slash_comments &&
         r.identifier_quote == '"' && !r.double_quote_string && !r.triple_quotes &&
         !r.string_prefixes;
}

SqlLexicalState lexicalStateAtEnd(std::string_view sql, sql::Dialect dialect) {
  const sql::LexicalRules& rules = sql::lexicalRules(dialect);
  if (!postgresLexing(rules)) {
    Scan scanned = scanDialect(sql, rules);
    if (scanned.pending_backslash) {
      SqlLexicalState unknown;
      unknown.position = SqlPosition::Unknown;
      return unknown;
    }
    return scanned.state;
  }
  Scan on = scan(sql, true), off = scan(sql, false);
  SqlLexicalState unknown;
  unknown.position = SqlPosition::Unknown;
  if (on.pending_backslash || off.pending_backslash) return unknown;
  if (on.state.position != off.state.position) return unknown;
  if ((on.state.position == SqlPosition::StringLiteral ||
       on.state.position == SqlPosition::EString) &&
      on.state.literal_start != off.state.literal_start) {
    return unknown;
  }
  return on.state;
}

std::string_view literalOpening(std::string_view sql, const SqlLexicalState& state) {
  return sql[state.literal_start] == '\'' ? std::string_view("'")
                                          : sql.substr(state.literal_start, 2);
}

}  // namespace lkml::codegen
