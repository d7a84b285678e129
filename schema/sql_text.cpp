#include "schema/sql_text.h"

#include <cctype>

namespace lkml::schema {

namespace {

bool isSpace(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

bool isIdentStart(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  return std::isalpha(u) || c == '_' || u >= 0x80;
}

bool isIdentPart(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  return std::isalnum(u) || c == '_' || c == '$' || u >= 0x80;
}

// If a comment, string, `${...}` or Liquid tag starts at `i`, the index past it; else `i`.
size_t skipOpaque(std::string_view sql, size_t i, sql::Dialect dialect) {
  size_t past = sql::skipLiteralOrComment(sql, i, dialect);
  if (past != i) return past;
  if (sql.compare(i, 2, "${") == 0 || sql.compare(i, 2, "@{") == 0) {
    size_t close = sql.find('}', i + 2);
    return close == std::string_view::npos ? sql.size() : close + 1;
  }
  if (sql.compare(i, 2, "{{") == 0 || sql.compare(i, 2, "{%") == 0) {
    size_t close = sql.find(sql[i + 1] == '{' ? "}}" : "%}", i + 2);
    return close == std::string_view::npos ? sql.size() : close + 2;
  }
  return i;
}

// Strips whitespace, a trailing `;` and one pair of parentheses enclosing everything.
TextRange unwrap(std::string_view sql, TextRange r, sql::Dialect dialect) {
  for (int guard = 0; guard < 8; ++guard) {
    r = trimRange(sql, r);
    if (r.end > r.begin && sql[r.end - 1] == ';') {
      --r.end;
      continue;
    }
    if (r.end - r.begin >= 2 && sql[r.begin] == '(' && sql[r.end - 1] == ')') {
      // Only when the opening parenthesis closes at the very end.
      int depth = 0;
      size_t i = r.begin;
      bool encloses = true;
      while (i < r.end) {
        size_t next = skipOpaque(sql, i, dialect);
        if (next != i) {
          i = next;
          continue;
        }
        if (sql[i] == '(') ++depth;
        if (sql[i] == ')' && --depth == 0 && i + 1 != r.end) {
          encloses = false;
          break;
        }
        ++i;
      }
      if (!encloses) return r;
      r = {r.begin + 1, r.end - 1};
      continue;
    }
    return r;
  }
  return r;
}

std::string_view innerOfReference(std::string_view text) {
  // text is `${...}`
  std::string_view inner = text.substr(2, text.size() - 3);
  while (!inner.empty() && isSpace(inner.front())) inner.remove_prefix(1);
  while (!inner.empty() && isSpace(inner.back())) inner.remove_suffix(1);
  return inner;
}

}  // namespace

TextRange trimRange(std::string_view sql, TextRange r) {
  while (r.begin < r.end && isSpace(sql[r.begin])) ++r.begin;
  while (r.end > r.begin && isSpace(sql[r.end - 1])) --r.end;
  return r;
}

size_t scanIdentifier(std::string_view sql, size_t pos, sql::Dialect dialect) {
  if (pos >= sql.size()) return 0;
  if (sql[pos] == sql::lexicalRules(dialect).identifier_quote) {
    size_t end = sql::skipQuotedIdentifier(sql, pos, dialect);
    if (end == std::string_view::npos || end - pos < 3) return 0;
    return end - pos;
  }
  if (!isIdentStart(sql[pos])) return 0;
  size_t i = pos + 1;
  while (i < sql.size() && isIdentPart(sql[i])) ++i;
  return i - pos;
}

std::vector<TableColumnReference> findTableColumnReferences(std::string_view sql,
                                                            sql::Dialect dialect) {
  std::vector<TableColumnReference> refs;
  size_t i = 0;
  while (i < sql.size()) {
    if (sql.compare(i, 2, "${") == 0) {
      size_t close = sql.find('}', i + 2);
      if (close == std::string_view::npos) break;
      if (innerOfReference(sql.substr(i, close + 1 - i)) == "TABLE" && close + 1 < sql.size() &&
          sql[close + 1] == '.') {
        size_t len = scanIdentifier(sql, close + 2, dialect);
        if (len > 0) {
          TableColumnReference ref;
          ref.whole = {i, close + 2 + len};
          ref.name = {close + 2, close + 2 + len};
          ref.identifier = std::string(sql.substr(close + 2, len));
          // BigQuery reads `a.b` after a STRUCT column as its field `b`.
          while (dialect == sql::Dialect::BigQuery && ref.whole.end < sql.size() &&
                 sql[ref.whole.end] == '.') {
            size_t field = scanIdentifier(sql, ref.whole.end + 1, dialect);
            if (field == 0) break;
            ref.fields.emplace_back(sql.substr(ref.whole.end + 1, field));
            ref.whole.end += 1 + field;
          }
          i = ref.whole.end;
          refs.push_back(std::move(ref));
          continue;
        }
      }
      i = close + 1;
      continue;
    }
    size_t next = skipOpaque(sql, i, dialect);
    i = next != i ? next : i + 1;
  }
  return refs;
}

SimpleExpression classifyExpression(std::string_view sql, sql::Dialect dialect) {
  SimpleExpression out;
  TextRange r = unwrap(sql, {0, sql.size()}, dialect);
  if (r.end <= r.begin) return out;
  std::string_view text = sql.substr(r.begin, r.end - r.begin);
  if (text.compare(0, 2, "${") == 0) {
    size_t close = text.find('}');
    if (close == std::string_view::npos) return out;
    std::string_view inner = innerOfReference(text.substr(0, close + 1));
    if (close + 1 == text.size()) {
      if (inner == "TABLE" || inner == "EXTENDED" || inner.empty()) return out;
      size_t dot = inner.find('.');
      out.range = r;
      if (dot == std::string_view::npos) {
        out.kind = SimpleExpression::Kind::Field;
        out.field = std::string(inner);
      } else {
        if (inner.substr(dot + 1) == "SQL_TABLE_NAME") return out;
        out.kind = SimpleExpression::Kind::ViewField;
        out.qualifier = std::string(inner.substr(0, dot));
        out.field = std::string(inner.substr(dot + 1));
      }
      return out;
    }
    if (inner == "TABLE" && text[close + 1] == '.') {
      size_t len = scanIdentifier(text, close + 2, dialect);
      if (len > 0 && close + 2 + len == text.size()) {
        out.kind = SimpleExpression::Kind::TableColumn;
        out.range = r;
        out.identifier = std::string(text.substr(close + 2, len));
      }
    }
    return out;
  }
  size_t q = scanIdentifier(text, 0, dialect);
  if (q == 0 || q >= text.size() || text[q] != '.') return out;
  size_t c = scanIdentifier(text, q + 1, dialect);
  if (c == 0 || q + 1 + c != text.size()) return out;
  out.kind = SimpleExpression::Kind::QualifiedColumn;
  out.range = r;
  out.qualifier = std::string(text.substr(0, q));
  out.identifier = std::string(text.substr(q + 1, c));
  return out;
}

std::vector<TextRange> splitConjunction(std::string_view sql, sql::Dialect dialect) {
  std::vector<TextRange> parts;
  TextRange whole = unwrap(sql, {0, sql.size()}, dialect);
  size_t start = whole.begin;
  int depth = 0;
  size_t i = whole.begin;
  while (i < whole.end) {
    size_t next = skipOpaque(sql, i, dialect);
    if (next != i) {
      i = next;
      continue;
    }
    char c = sql[i];
    if (c == '(') ++depth;
    if (c == ')') --depth;
    if (depth == 0 && (c == 'a' || c == 'A') && i + 3 <= whole.end &&
        (i == 0 || !isIdentPart(sql[i - 1]))) {
      std::string_view word = sql.substr(i, 3);
      bool is_and = (word[1] == 'n' || word[1] == 'N') && (word[2] == 'd' || word[2] == 'D');
      if (is_and && (i + 3 == sql.size() || !isIdentPart(sql[i + 3]))) {
        parts.push_back(trimRange(sql, {start, i}));
        i += 3;
        start = i;
        continue;
      }
    }
    ++i;
  }
  parts.push_back(trimRange(sql, {start, whole.end}));
  return parts;
}

bool splitEquality(std::string_view sql, TextRange part, TextRange* lhs, TextRange* rhs,
                   sql::Dialect dialect) {
  part = unwrap(sql, part, dialect);
  size_t eq = std::string_view::npos;
  int depth = 0;
  size_t i = part.begin;
  while (i < part.end) {
    size_t next = skipOpaque(sql, i, dialect);
    if (next != i) {
      i = next;
      continue;
    }
    char c = sql[i];
    if (c == '(') ++depth;
    if (c == ')') --depth;
    if (depth == 0 && (c == '<' || c == '>' || c == '!')) return false;
    if (depth == 0 && c == '=') {
      if (eq != std::string_view::npos) return false;
      eq = i;
    }
    ++i;
  }
  if (eq == std::string_view::npos) return false;
  *lhs = trimRange(sql, {part.begin, eq});
  *rhs = trimRange(sql, {eq + 1, part.end});
  return lhs->end > lhs->begin && rhs->end > rhs->begin;
}

bool hasTemplating(std::string_view sql) {
  return sql.find("{{") != std::string_view::npos || sql.find("{%") != std::string_view::npos ||
         sql.find("@{") != std::string_view::npos;
}

}  // namespace lkml::schema
