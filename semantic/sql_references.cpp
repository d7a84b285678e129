#include "semantic/sql_references.h"

#include <algorithm>
#include <cctype>

#include "liquid/parser.h"

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

namespace {

// The references of text whose Liquid does not parse (lint reports the syntax error): the
// tags are found by scanning, as well as they can be.
std::vector<LiquidReference> scanLiquidReferences(std::string_view sql) {
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

bool isFieldProperty(const std::string& key) {
  return key == "_parameter_value" || key == "_in_query" || key == "_is_selected" ||
         key == "_is_filtered" || key == "_name" || key == "_value" || key == "_rendered_value" ||
         key == "_link" || key == "_label" || key == "_model" || key == "_view";
}

// A variable path that names a field: `f._in_query`, `view.f._parameter_value`,
// `_filters['view.f']`, or a user attribute.
void addOperand(const liquid::Operand& op, std::vector<LiquidReference>* refs) {
  if (op.kind == liquid::Operand::Kind::Range) {
    for (const liquid::Operand& bound : op.range) addOperand(bound, refs);  // depth 1
    return;
  }
  if (op.kind != liquid::Operand::Kind::Variable) return;
  LiquidReference ref;
  ref.begin = op.begin;
  ref.end = op.end;
  if ((op.root == "_user_attributes" || op.root == "_filters") && !op.keys.empty() &&
      op.keys[0].variable.empty()) {
    ref.kind = op.root == "_filters" ? LiquidReference::Kind::FieldValue
                                     : LiquidReference::Kind::UserAttribute;
    ref.name = op.keys[0].name;
    refs->push_back(std::move(ref));
    return;
  }
  if (op.keys.empty() || !op.keys.back().variable.empty() ||
      !isFieldProperty(op.keys.back().name) || op.root.empty() || op.root[0] == '_') {
    return;
  }
  ref.kind = LiquidReference::Kind::FieldValue;
  ref.name = op.root;
  for (size_t i = 0; i + 1 < op.keys.size(); ++i) {
    if (!op.keys[i].variable.empty()) return;
    ref.name += "." + op.keys[i].name;
  }
  refs->push_back(std::move(ref));
}

void addExpression(const liquid::Expression& e, std::vector<LiquidReference>* refs) {
  addOperand(e.operand, refs);
  for (const liquid::Filter& f : e.filters) {
    for (const liquid::Operand& a : f.args) addOperand(a, refs);
  }
}

}  // namespace

std::vector<LiquidReference> findLiquidReferences(std::string_view sql) {
  if (!liquid::hasLiquid(sql)) return {};
  liquid::ParseResult parsed = liquid::parseTemplate(sql);
  if (!parsed.ok()) return scanLiquidReferences(sql);
  std::vector<LiquidReference> refs;
  std::vector<const liquid::Node*> todo;
  for (auto it = parsed.tmpl.nodes.rbegin(); it != parsed.tmpl.nodes.rend(); ++it) {
    todo.push_back(&*it);
  }
  while (!todo.empty()) {
    const liquid::Node& n = *todo.back();
    todo.pop_back();
    using K = liquid::Node::Kind;
    if (n.kind == K::Output || n.kind == K::Assign) addExpression(n.expression, &refs);
    if (n.kind == K::Case || n.kind == K::For) addOperand(n.expression.operand, &refs);
    if (n.kind == K::For) {
      addOperand(n.limit, &refs);
      addOperand(n.offset, &refs);
    }
    if (n.kind == K::LookerTag && !n.argument.empty()) {
      LiquidReference ref;
      ref.begin = n.begin;
      ref.end = n.end;
      ref.name = n.argument;
      if (n.name == "condition" || n.name == "incrementcondition") {
        ref.kind = LiquidReference::Kind::Condition;
        size_t open_end = sql.find("%}", n.begin);
        size_t close_begin = sql.rfind("{%", n.end > 0 ? n.end - 1 : 0);
        if (open_end != std::string_view::npos && close_begin != std::string_view::npos &&
            close_begin >= open_end + 2) {
          ref.inner = std::string(trim(sql.substr(open_end + 2, close_begin - open_end - 2)));
        }
      } else {
        ref.kind = n.name == "parameter" ? LiquidReference::Kind::Parameter
                                         : LiquidReference::Kind::FieldValue;
      }
      refs.push_back(std::move(ref));
    }
    for (const liquid::Branch& b : n.branches) {
      for (const liquid::Comparison& c : b.condition.terms) {
        addOperand(c.left, &refs);
        addOperand(c.right, &refs);
      }
      for (const liquid::Operand& v : b.values) addOperand(v, &refs);
    }
    for (auto b = n.branches.rbegin(); b != n.branches.rend(); ++b) {
      for (auto it = b->body.rbegin(); it != b->body.rend(); ++it) todo.push_back(&*it);
    }
  }
  std::stable_sort(
      refs.begin(), refs.end(),
      [](const LiquidReference& a, const LiquidReference& b) { return a.begin < b.begin; });
  return refs;
}

}  // namespace lkml::semantic
