#include "catalog/identifier.h"

#include <algorithm>
#include <iterator>

namespace lkml::catalog {
namespace {

// Keywords that quote_ident() quotes (every category except "unreserved"), PostgreSQL 15,
// sorted for binary search.
// clang-format off
constexpr std::string_view kQuotedKeywords[] = {
    "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization",
    "between", "bigint", "binary", "bit", "boolean", "both", "case", "cast", "char", "character",
    "check", "coalesce", "collate", "collation", "column", "concurrently", "constraint", "create",
    "cross", "current_catalog", "current_date", "current_role", "current_schema", "current_time",
    "current_timestamp", "current_user", "dec", "decimal", "default", "deferrable", "desc",
    "distinct", "do", "else", "end", "except", "exists", "extract", "false", "fetch", "float",
    "for", "foreign", "freeze", "from", "full", "grant", "greatest", "group", "grouping", "having",
    "ilike", "in", "initially", "inner", "inout", "int", "integer", "intersect", "interval", "into",
    "is", "isnull", "join", "lateral", "leading", "least", "left", "like", "limit", "localtime",
    "localtimestamp", "national", "natural", "nchar", "none", "normalize", "not", "notnull", "null",
    "nullif", "numeric", "offset", "on", "only", "or", "order", "out", "outer", "overlaps",
    "overlay", "placing", "position", "precision", "primary", "real", "references", "returning",
    "right", "row", "select", "session_user", "setof", "similar", "smallint", "some", "substring",
    "symmetric", "table", "tablesample", "then", "time", "timestamp", "to", "trailing", "treat",
    "trim", "true", "union", "unique", "user", "using", "values", "varchar", "variadic", "verbose",
    "when", "where", "window", "with", "xmlattributes", "xmlconcat", "xmlelement", "xmlexists",
    "xmlforest", "xmlnamespaces", "xmlparse", "xmlpi", "xmlroot", "xmlserialize", "xmltable",
};
// clang-format on

bool isIdentifierStart(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}

bool isIdentifierPart(unsigned char c) {
  return isIdentifierStart(c) || (c >= '0' && c <= '9') || c == '$';
}

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

char foldAscii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

class NameParser {
 public:
  NameParser(std::string_view text, sql::Dialect dialect) : text_(text), dialect_(dialect) {}

  std::optional<std::vector<std::string>> parse() {
    std::vector<std::string> parts;
    while (true) {
      skipSpace();
      if (pos_ < text_.size() && text_[pos_] == '`' && dialect_ == sql::Dialect::BigQuery) {
        if (!parseBackticked(&parts)) return std::nullopt;
      } else {
        std::optional<std::string> part = parsePart();
        if (!part) return std::nullopt;
        parts.push_back(std::move(*part));
      }
      skipSpace();
      if (pos_ == text_.size()) return parts;
      if (text_[pos_] != '.') return std::nullopt;
      ++pos_;
    }
  }

 private:
  void skipSpace() {
    while (pos_ < text_.size() && isSpace(text_[pos_])) ++pos_;
  }

  bool bigQuery() const { return dialect_ == sql::Dialect::BigQuery; }

  std::optional<std::string> parsePart() {
    if (pos_ == text_.size()) return std::nullopt;
    if (text_[pos_] == '"' && !bigQuery()) return parseQuoted();
    unsigned char first = static_cast<unsigned char>(text_[pos_]);
    if (!isIdentifierStart(first) && !(bigQuery() && first >= '0' && first <= '9')) {
      return std::nullopt;
    }
    std::string part;
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      bool ok = isIdentifierPart(static_cast<unsigned char>(c)) ||
                (bigQuery() && (c == '-' || (c == '*' && !part.empty())));
      if (!ok) break;
      ++pos_;
      if (dialect_ == sql::Dialect::Snowflake) {
        part += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
      } else {
        part += bigQuery() ? c : foldAscii(c);
      }
      if (c == '*') break;  // a wildcard ends the name
    }
    return part;
  }

  // `` `project.dataset.table` `` or `` `table` ``: the dots inside split it into parts.
  bool parseBackticked(std::vector<std::string>* parts) {
    size_t end = sql::skipQuotedIdentifier(text_, pos_, dialect_);
    if (end == std::string_view::npos || end - pos_ < 3) return false;
    std::string inner = sql::unquoteIdentifier(text_.substr(pos_, end - pos_), dialect_);
    pos_ = end;
    size_t start = 0;
    while (true) {
      size_t dot = inner.find('.', start);
      std::string part = inner.substr(start, dot == std::string::npos ? dot : dot - start);
      if (part.empty()) return false;
      parts->push_back(std::move(part));
      if (dot == std::string::npos) return true;
      start = dot + 1;
    }
  }

  std::optional<std::string> parseQuoted() {
    std::string part;
    ++pos_;  // opening quote
    while (pos_ < text_.size()) {
      char c = text_[pos_++];
      if (c != '"') {
        part += c;
      } else if (pos_ < text_.size() && text_[pos_] == '"') {
        part += '"';
        ++pos_;
      } else {
        if (part.empty()) return std::nullopt;  // "" is not a valid identifier
        return part;
      }
    }
    return std::nullopt;  // unterminated
  }

  std::string_view text_;
  sql::Dialect dialect_;
  size_t pos_ = 0;
};

}  // namespace

std::string quoteIdentifier(std::string_view name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string quoteQualifiedName(std::string_view schema, std::string_view name) {
  return quoteIdentifier(schema) + "." + quoteIdentifier(name);
}

std::string formatIdentifier(std::string_view name) {
  bool safe = !name.empty() && ((name[0] >= 'a' && name[0] <= 'z') || name[0] == '_');
  for (char c : name) {
    safe = safe && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_');
  }
  if (safe && std::binary_search(std::begin(kQuotedKeywords), std::end(kQuotedKeywords), name)) {
    safe = false;
  }
  return safe ? std::string(name) : quoteIdentifier(name);
}

std::optional<std::vector<std::string>> parseQualifiedName(std::string_view text) {
  return NameParser(text, sql::Dialect::Postgres).parse();
}

std::optional<std::vector<std::string>> parseQualifiedName(std::string_view text,
                                                           sql::Dialect dialect) {
  return NameParser(text, dialect).parse();
}

}  // namespace lkml::catalog
