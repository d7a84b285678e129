#include <algorithm>
#include <cctype>

#include "expression/expression.h"

namespace lkml::expression {

namespace {

bool isIdentStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool isIdentChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

}  // namespace

bool tokenize(std::string_view text, std::vector<Token>* tokens, SyntaxError* error) {
  tokens->clear();
  if (text.size() > kMaxLength) {
    *error = {"the expression is longer than " + std::to_string(kMaxLength) + " bytes", 0};
    return false;
  }
  size_t i = 0, n = text.size();
  while (i < n) {
    char c = text[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
      continue;
    }
    Token t;
    t.offset = i;
    if (c == '$' && i + 1 < n && text[i + 1] == '{') {
      size_t close = text.find('}', i + 2);
      if (close == std::string_view::npos) {
        *error = {"`${` without a closing `}`", i};
        return false;
      }
      std::string name(text.substr(i + 2, close - i - 2));
      while (!name.empty() && std::isspace(static_cast<unsigned char>(name.back()))) {
        name.pop_back();
      }
      name.erase(0, name.find_first_not_of(" \t\r\n"));
      if (name.empty()) {
        *error = {"empty field reference `${}`", i};
        return false;
      }
      t.kind = TokenKind::Field;
      t.text = name;
      i = close + 1;
    } else if (std::isdigit(static_cast<unsigned char>(c)) ||
               (c == '.' && i + 1 < n && std::isdigit(static_cast<unsigned char>(text[i + 1])))) {
      size_t start = i;
      while (i < n && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.')) ++i;
      if (i < n && (text[i] == 'e' || text[i] == 'E')) {
        size_t j = i + 1;
        if (j < n && (text[j] == '+' || text[j] == '-')) ++j;
        if (j < n && std::isdigit(static_cast<unsigned char>(text[j]))) {
          i = j;
          while (i < n && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
        }
      }
      t.kind = TokenKind::Number;
      t.text = std::string(text.substr(start, i - start));
      if (std::count(t.text.begin(), t.text.end(), '.') > 1) {
        *error = {"malformed number `" + t.text + "`", start};
        return false;
      }
    } else if (c == '"' || c == '\'') {
      // Looker writes strings in double quotes; single quotes are accepted as well.
      size_t j = i + 1;
      std::string value;
      for (;; ++j) {
        if (j >= n) {
          *error = {"unterminated string", i};
          return false;
        }
        if (text[j] == '\\' && j + 1 < n) {
          value += text[++j];
        } else if (text[j] == c) {
          break;
        } else {
          value += text[j];
        }
      }
      t.kind = TokenKind::String;
      t.text = std::move(value);
      i = j + 1;
    } else if (isIdentStart(c)) {
      size_t start = i;
      // Dots too, so `orders.count` (a field without `${}`) reaches the parser's message.
      while (i < n && (isIdentChar(text[i]) || text[i] == '.')) ++i;
      t.kind = TokenKind::Identifier;
      t.text = std::string(text.substr(start, i - start));
    } else if (c == '(' || c == ')' || c == ',') {
      t.kind = c == '(' ? TokenKind::LParen : c == ')' ? TokenKind::RParen : TokenKind::Comma;
      t.text = std::string(1, c);
      ++i;
    } else {
      static const char* const kOperators[] = {"<=", ">=", "!=", "<>", "=", "<",
                                               ">",  "+",  "-",  "*",  "/"};
      bool found = false;
      for (const char* op : kOperators) {
        std::string_view o(op);
        if (text.substr(i, o.size()) == o) {
          t.kind = TokenKind::Operator;
          t.text = o == "<>" ? "!=" : std::string(o);
          i += o.size();
          found = true;
          break;
        }
      }
      if (!found) {
        *error = {std::string("unexpected character `") + c + "`", i};
        return false;
      }
    }
    tokens->push_back(std::move(t));
  }
  Token end;
  end.offset = n;
  tokens->push_back(end);
  return true;
}

}  // namespace lkml::expression
