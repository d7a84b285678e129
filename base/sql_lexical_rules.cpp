#include "base/sql_lexical_rules.h"

#include <algorithm>
#include <cctype>

#include "base/suggest.h"

namespace lkml::sql {
namespace {

struct Named {
  const char* name;
  Dialect dialect;
};

// Accepted spellings, lower case; the first per dialect is canonical.
constexpr Named kNames[] = {
    {"postgres", Dialect::Postgres},   {"postgresql", Dialect::Postgres},
    {"bigquery", Dialect::BigQuery},   {"bigquery_standard_sql", Dialect::BigQuery},
    {"snowflake", Dialect::Snowflake}, {"redshift", Dialect::Redshift},
    {"duckdb", Dialect::DuckDB},
};

LexicalRules makeRules(Dialect dialect) {
  LexicalRules r;
  switch (dialect) {
    case Dialect::Postgres:
    case Dialect::Redshift:
      r.dollar_quotes = true;
      r.nested_block_comments = dialect == Dialect::Postgres;
      break;
    case Dialect::DuckDB:
      r.dollar_quotes = true;
      r.column_folding = Folding::CaseInsensitive;
      r.relation_folding = Folding::CaseInsensitive;
      break;
    case Dialect::BigQuery:
      r.identifier_quote = '`';
      r.double_quote_string = true;
      r.backslash_escapes = true;
      r.hash_comments = true;
      r.triple_quotes = true;
      r.string_prefixes = true;
      r.dashes_in_names = true;
      r.column_folding = Folding::CaseInsensitive;
      r.relation_folding = Folding::CaseInsensitive;
      // Dataset and table names are case-sensitive in BigQuery (unless the dataset is made
      // case-insensitive), but lkml cannot know the setting: lookups try the exact name first
      // and accept a case-only difference (catalog.cpp).
      break;
    case Dialect::Snowflake:
      r.backslash_escapes = true;
      r.slash_comments = true;
      r.dollar_quotes = true;
      r.column_folding = Folding::Upper;
      r.relation_folding = Folding::Upper;
      break;
  }
  return r;
}

bool isTagChar(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  return std::isalnum(u) || c == '_' || u >= 0x80;
}

// Past a quoted run opened by `quote` at `pos` (`pos` is the quote): doubled quotes stand for
// one, and with `backslash` a backslash escapes the next byte. npos when unterminated.
size_t skipQuoted(std::string_view sql, size_t pos, char quote, bool backslash, bool doubled) {
  size_t i = pos + 1;
  while (i < sql.size()) {
    char c = sql[i];
    if (backslash && c == '\\') {
      i += 2;
      continue;
    }
    if (c == quote) {
      if (doubled && i + 1 < sql.size() && sql[i + 1] == quote) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    ++i;
  }
  return std::string_view::npos;
}

size_t orEnd(std::string_view sql, size_t pos) {
  return pos == std::string_view::npos ? sql.size() : pos;
}

size_t skipLineComment(std::string_view sql, size_t pos) {
  size_t nl = sql.find('\n', pos);
  return nl == std::string_view::npos ? sql.size() : nl + 1;
}

size_t skipBlockComment(std::string_view sql, size_t pos, bool nested) {
  int depth = 0;
  size_t i = pos;
  while (i + 1 < sql.size()) {
    if (sql[i] == '/' && sql[i + 1] == '*') {
      if (depth > 0 && !nested) {
        ++i;
        continue;
      }
      ++depth;
      i += 2;
    } else if (sql[i] == '*' && sql[i + 1] == '/') {
      i += 2;
      if (--depth == 0) return i;
    } else {
      ++i;
    }
  }
  return sql.size();
}

// `$tag$...$tag$` (tag empty or an identifier not starting with a digit) at `pos`, else pos.
size_t skipDollarQuoted(std::string_view sql, size_t pos, bool tags_allowed) {
  size_t i = pos + 1;
  if (tags_allowed && i < sql.size() && !std::isdigit(static_cast<unsigned char>(sql[i]))) {
    while (i < sql.size() && isTagChar(sql[i])) ++i;
  }
  if (i >= sql.size() || sql[i] != '$') return pos;
  std::string_view tag = sql.substr(pos, i + 1 - pos);
  size_t close = sql.find(tag, i + 1);
  return close == std::string_view::npos ? sql.size() : close + tag.size();
}

// A BigQuery string at `pos`, with an optional r/b/rb/br prefix; pos when none starts there.
size_t skipBigQueryString(std::string_view sql, size_t pos) {
  size_t i = pos;
  for (int k = 0; k < 2 && i < sql.size(); ++k) {
    char c = static_cast<char>(std::tolower(static_cast<unsigned char>(sql[i])));
    if (c != 'r' && c != 'b') break;
    ++i;
  }
  if (i > pos && pos > 0 && isTagChar(sql[pos - 1])) return pos;  // inside a word: `bar'`
  if (i >= sql.size() || (sql[i] != '\'' && sql[i] != '"')) return pos;
  char quote = sql[i];
  if (sql.compare(i, 3, std::string(3, quote)) == 0) {
    size_t j = i + 3;
    while (j < sql.size()) {
      if (sql[j] == '\\') {
        j += 2;
        continue;
      }
      if (sql.compare(j, 3, std::string(3, quote)) == 0) return j + 3;
      ++j;
    }
    return sql.size();
  }
  // Raw strings still end only at an unescaped quote (a backslash keeps the next character).
  return orEnd(sql, skipQuoted(sql, i, quote, true, false));
}

}  // namespace

std::optional<Dialect> parseDialect(std::string_view name) {
  std::string lower(name);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const Named& n : kNames) {
    if (lower == n.name) return n.dialect;
  }
  return std::nullopt;
}

const char* dialectName(Dialect dialect) {
  for (const Named& n : kNames) {
    if (n.dialect == dialect) return n.name;
  }
  return "postgres";
}

std::vector<std::string> dialectNames() {
  std::vector<std::string> names;
  for (const Named& n : kNames) {
    if (n.name == std::string_view(dialectName(n.dialect))) names.emplace_back(n.name);
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string unknownDialectMessage(std::string_view name) {
  std::vector<std::string> names = dialectNames();
  std::string list;
  for (size_t i = 0; i < names.size(); ++i) list += (i ? ", " : "") + names[i];
  std::string out = "unknown dialect `" + std::string(name) + "`; expected one of " + list;
  std::vector<std::string> spellings;
  for (const Named& n : kNames) spellings.push_back(n.name);
  std::string near = closestMatch(name, spellings);
  if (!near.empty()) out += " (did you mean `" + near + "`?)";
  return out;
}

const LexicalRules& lexicalRules(Dialect dialect) {
  static const LexicalRules rules[] = {makeRules(Dialect::Postgres), makeRules(Dialect::BigQuery),
                                       makeRules(Dialect::Snowflake), makeRules(Dialect::Redshift),
                                       makeRules(Dialect::DuckDB)};
  return rules[static_cast<int>(dialect)];
}

size_t skipQuotedIdentifier(std::string_view sql, size_t pos, Dialect dialect) {
  const LexicalRules& r = lexicalRules(dialect);
  if (pos >= sql.size() || sql[pos] != r.identifier_quote) return pos;
  // BigQuery backticks take backslash escapes; "..." identifiers double the quote.
  bool bq = r.identifier_quote == '`';
  return skipQuoted(sql, pos, r.identifier_quote, bq, !bq);
}

size_t skipLiteralOrComment(std::string_view sql, size_t pos, Dialect dialect) {
  if (pos >= sql.size()) return pos;
  const LexicalRules& r = lexicalRules(dialect);
  char c = sql[pos];
  if (c == r.identifier_quote) return orEnd(sql, skipQuotedIdentifier(sql, pos, dialect));
  if (r.string_prefixes || r.triple_quotes) {
    size_t end = skipBigQueryString(sql, pos);
    if (end != pos) return end;
  }
  if (c == '\'') {
    // PostgreSQL E'..' strings take backslashes; plain ones only double the quote.
    bool escape = r.backslash_escapes || (pos > 0 && (sql[pos - 1] == 'E' || sql[pos - 1] == 'e') &&
                                          (pos < 2 || !isTagChar(sql[pos - 2])));
    return orEnd(sql, skipQuoted(sql, pos, '\'', escape, true));
  }
  if (c == '"' && r.double_quote_string) {
    return orEnd(sql, skipQuoted(sql, pos, '"', true, false));
  }
  if (sql.compare(pos, 2, "--") == 0) return skipLineComment(sql, pos);
  if (c == '#' && r.hash_comments) return skipLineComment(sql, pos);
  if (sql.compare(pos, 2, "//") == 0 && r.slash_comments) return skipLineComment(sql, pos);
  if (sql.compare(pos, 2, "/*") == 0) return skipBlockComment(sql, pos, r.nested_block_comments);
  if (c == '$' && r.dollar_quotes) {
    // `$1` parameters and `${...}` substitutions are not quotes.
    if (pos > 0 && isTagChar(sql[pos - 1])) return pos;
    return skipDollarQuoted(sql, pos, dialect != Dialect::Snowflake);
  }
  return pos;
}

std::string unquoteIdentifier(std::string_view quoted, Dialect dialect) {
  if (quoted.size() < 2) return std::string(quoted);
  char quote = quoted.front();
  bool bq = lexicalRules(dialect).identifier_quote == '`' && quote == '`';
  std::string out;
  for (size_t i = 1; i + 1 < quoted.size(); ++i) {
    char c = quoted[i];
    if (bq && c == '\\' && i + 2 < quoted.size()) {
      out += quoted[++i];
    } else if (!bq && c == quote && i + 2 < quoted.size() && quoted[i + 1] == quote) {
      out += c;
      ++i;
    } else {
      out += c;
    }
  }
  return out;
}

bool sameName(std::string_view a, std::string_view b, Folding folding) {
  if (folding != Folding::CaseInsensitive) return a == b;
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace lkml::sql
