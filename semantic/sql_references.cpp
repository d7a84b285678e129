#include "semantic/sql_references.h"

#include <cctype>

namespace lkml::semantic {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// The quoted argument of `_user_attributes['name']` or `_user_attributes["name"]`.
bool userAttributeName(std::string_view expr, std::string* name) {
  constexpr std::string_view kPrefix = "_user_attributes[";
  size_t at = expr.find(kPrefix);
  if (at == std::string_view::npos) return false;
  size_t q = at + kPrefix.size();
  if (q >= expr.size() || (expr[q] != '\'' && expr[q] != '"')) return false;
  char quote = expr[q];
  size_t close = expr.find(quote, q + 1);
  if (close == std::string_view::npos) return false;
  *name = std::string(expr.substr(q + 1, close - q - 1));
  return true;
}

}  // namespace

std::vector<SqlReference> findSqlReferences(std::string_view sql) {
  std::vector<SqlReference> refs;
  size_t i = 0;
  while ((i = sql.find("${", i)) != std::string_view::npos) {
    size_t close = sql.find('}', i + 2);
    if (close == std::string_view::npos) break;
    std::string_view inner = trim(sql.substr(i + 2, close - i - 2));
    SqlReference ref;
    ref.begin = i;
    ref.end = close + 1;
    size_t dot = inner.find('.');
    if (inner == "TABLE") {
      ref.kind = SqlReference::Kind::Table;
    } else if (inner == "EXTENDED") {
      ref.kind = SqlReference::Kind::Extended;
    } else if (dot == std::string_view::npos) {
      ref.kind = SqlReference::Kind::Field;
      ref.field = std::string(inner);
    } else {
      ref.view = std::string(inner.substr(0, dot));
      std::string_view rest = inner.substr(dot + 1);
      if (rest == "SQL_TABLE_NAME") {
        ref.kind = SqlReference::Kind::SqlTableName;
      } else {
        ref.kind = SqlReference::Kind::ViewField;
        ref.field = std::string(rest);
      }
    }
    refs.push_back(std::move(ref));
    i = close + 1;
  }
  return refs;
}

std::vector<LiquidReference> findLiquidReferences(std::string_view sql) {
  std::vector<LiquidReference> refs;
  size_t i = 0;
  while (i < sql.size()) {
    size_t open = sql.find('{', i);
    if (open == std::string_view::npos || open + 1 >= sql.size()) break;
    char kind = sql[open + 1];
    if (kind != '{' && kind != '%') {
      i = open + 1;
      continue;
    }
    std::string_view closer = kind == '{' ? "}}" : "%}";
    size_t close = sql.find(closer, open + 2);
    if (close == std::string_view::npos) break;
    std::string_view body = trim(sql.substr(open + 2, close - open - 2));
    if (!body.empty() && body.front() == '-') body = trim(body.substr(1));
    if (!body.empty() && body.back() == '-') body = trim(body.substr(0, body.size() - 1));
    size_t end = close + 2;
    LiquidReference ref;
    ref.begin = open;
    ref.end = end;
    std::string name;
    if (userAttributeName(body, &name)) {
      ref.kind = LiquidReference::Kind::UserAttribute;
      ref.name = name;
      refs.push_back(ref);
    } else if (kind == '%' && body.rfind("condition", 0) == 0 &&
               (body.size() == 9 || std::isspace(static_cast<unsigned char>(body[9])))) {
      ref.kind = LiquidReference::Kind::Condition;
      ref.name = std::string(trim(body.substr(9)));
      size_t stop = sql.find("endcondition", end);
      if (stop != std::string_view::npos) {
        size_t tag_open = sql.rfind('{', stop);
        size_t tag_close = sql.find("%}", stop);
        if (tag_open != std::string_view::npos && tag_open >= end &&
            tag_close != std::string_view::npos) {
          ref.inner = std::string(trim(sql.substr(end, tag_open - end)));
          ref.end = tag_close + 2;
          end = ref.end;
        }
      }
      refs.push_back(ref);
    } else if (kind == '%' && body.rfind("parameter", 0) == 0 && body.size() > 9 &&
               std::isspace(static_cast<unsigned char>(body[9]))) {
      ref.kind = LiquidReference::Kind::Parameter;
      ref.name = std::string(trim(body.substr(9)));
      refs.push_back(ref);
    }
    i = end;
  }
  return refs;
}

}  // namespace lkml::semantic
