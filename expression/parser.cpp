// Recursive descent with precedence levels (lowest first): OR, AND, NOT, comparison, + -,
// * /, unary minus, primary. Every node records its height; a tree taller than kMaxDepth
// (deep parentheses, or a long chain `a + b + c ...`) is refused, which bounds the recursion
// of the parser, the evaluator and the tree's destructor.
#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "expression/expression.h"

namespace lkml::expression {

namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

class Parser {
 public:
  explicit Parser(const std::vector<Token>& tokens) : tokens_(tokens) {}

  std::unique_ptr<Expr> parseAll(SyntaxError* error) {
    std::unique_ptr<Expr> e = parseOr();
    if (e && peek().kind != TokenKind::End) fail("unexpected `" + peek().text + "`", peek());
    if (failed_) {
      *error = error_;
      return nullptr;
    }
    return e;
  }

 private:
  const Token& peek() const { return tokens_[pos_]; }
  const Token& next() { return tokens_[pos_ < tokens_.size() - 1 ? pos_++ : pos_]; }
  bool isKeyword(const char* word) const {
    return peek().kind == TokenKind::Identifier && lower(peek().text) == word;
  }
  bool isOperator(const char* op) const {
    return peek().kind == TokenKind::Operator && peek().text == op;
  }
  std::unique_ptr<Expr> fail(const std::string& message, const Token& at) {
    if (!failed_) {
      failed_ = true;
      error_ = {message, at.offset};
    }
    return nullptr;
  }
  std::unique_ptr<Expr> node(Expr::Kind kind, std::string name, size_t offset,
                             std::vector<std::unique_ptr<Expr>> args) {
    auto e = std::make_unique<Expr>();
    e->kind = kind;
    e->name = std::move(name);
    e->offset = offset;
    for (const auto& a : args) e->height = std::max(e->height, a->height + 1);
    e->args = std::move(args);
    if (e->height > kMaxDepth) {
      return fail("the expression nests more than " + std::to_string(kMaxDepth) + " levels deep",
                  tokens_[pos_ ? pos_ - 1 : 0]);
    }
    return e;
  }
  std::unique_ptr<Expr> binary(std::string op, size_t offset, std::unique_ptr<Expr> l,
                               std::unique_ptr<Expr> r) {
    std::vector<std::unique_ptr<Expr>> args;
    args.push_back(std::move(l));
    args.push_back(std::move(r));
    return node(Expr::Kind::Binary, std::move(op), offset, std::move(args));
  }
  std::unique_ptr<Expr> unary(std::string op, size_t offset, std::unique_ptr<Expr> operand) {
    std::vector<std::unique_ptr<Expr>> args;
    args.push_back(std::move(operand));
    return node(Expr::Kind::Unary, std::move(op), offset, std::move(args));
  }
  // Guards the recursive entry points (parentheses, arguments, NOT, unary minus) before
  // heights are known.
  bool enter() {
    if (++depth_ > kMaxDepth) {
      fail("the expression nests more than " + std::to_string(kMaxDepth) + " levels deep", peek());
      return false;
    }
    return true;
  }

  std::unique_ptr<Expr> parseOr() {
    if (!enter()) return nullptr;
    std::unique_ptr<Expr> left = parseAnd();
    while (left && isKeyword("or")) {
      size_t at = next().offset;
      std::unique_ptr<Expr> right = parseAnd();
      if (!right) return nullptr;
      left = binary("or", at, std::move(left), std::move(right));
    }
    --depth_;
    return left;
  }
  std::unique_ptr<Expr> parseAnd() {
    std::unique_ptr<Expr> left = parseNot();
    while (left && isKeyword("and")) {
      size_t at = next().offset;
      std::unique_ptr<Expr> right = parseNot();
      if (!right) return nullptr;
      left = binary("and", at, std::move(left), std::move(right));
    }
    return left;
  }
  std::unique_ptr<Expr> parseNot() {
    // `NOT x` is the operator; `not(x)` reads the same, parenthesised.
    if (isKeyword("not")) {
      size_t at = next().offset;
      if (!enter()) return nullptr;
      std::unique_ptr<Expr> operand = parseNot();
      --depth_;
      if (!operand) return nullptr;
      return unary("not", at, std::move(operand));
    }
    return parseComparison();
  }
  std::unique_ptr<Expr> parseComparison() {
    std::unique_ptr<Expr> left = parseAdditive();
    for (const char* op : {"=", "!=", "<=", ">=", "<", ">"}) {
      if (left && isOperator(op)) {
        size_t at = next().offset;
        std::unique_ptr<Expr> right = parseAdditive();
        if (!right) return nullptr;
        return binary(op, at, std::move(left), std::move(right));
      }
    }
    return left;
  }
  std::unique_ptr<Expr> parseAdditive() {
    std::unique_ptr<Expr> left = parseTerm();
    while (left && (isOperator("+") || isOperator("-"))) {
      const Token& op = next();
      std::unique_ptr<Expr> right = parseTerm();
      if (!right) return nullptr;
      left = binary(op.text, op.offset, std::move(left), std::move(right));
    }
    return left;
  }
  std::unique_ptr<Expr> parseTerm() {
    std::unique_ptr<Expr> left = parseUnary();
    while (left && (isOperator("*") || isOperator("/"))) {
      const Token& op = next();
      std::unique_ptr<Expr> right = parseUnary();
      if (!right) return nullptr;
      left = binary(op.text, op.offset, std::move(left), std::move(right));
    }
    return left;
  }
  std::unique_ptr<Expr> parseUnary() {
    if (isOperator("-")) {
      size_t at = next().offset;
      if (!enter()) return nullptr;
      std::unique_ptr<Expr> operand = parseUnary();
      --depth_;
      if (!operand) return nullptr;
      return unary("-", at, std::move(operand));
    }
    return parsePrimary();
  }
  std::unique_ptr<Expr> literal(Value v, size_t offset) {
    auto e = std::make_unique<Expr>();
    e->kind = Expr::Kind::Literal;
    e->value = std::move(v);
    e->offset = offset;
    return e;
  }
  std::unique_ptr<Expr> parsePrimary() {
    const Token& t = peek();
    switch (t.kind) {
      case TokenKind::Number:
        next();
        return literal(Value::ofNumber(std::strtod(t.text.c_str(), nullptr)), t.offset);
      case TokenKind::String:
        next();
        return literal(Value::ofString(t.text), t.offset);
      case TokenKind::Field: {
        next();
        auto e = std::make_unique<Expr>();
        e->kind = Expr::Kind::Field;
        e->name = t.text;
        e->offset = t.offset;
        return e;
      }
      case TokenKind::LParen: {
        next();
        std::unique_ptr<Expr> inner = parseOr();
        if (!inner) return nullptr;
        if (peek().kind != TokenKind::RParen) return fail("expected `)`", peek());
        next();
        return inner;
      }
      case TokenKind::Identifier:
        return parseIdentifier();
      case TokenKind::End:
        return fail("the expression ends too early", t);
      default:
        return fail("unexpected `" + t.text + "`", t);
    }
  }
  std::unique_ptr<Expr> parseIdentifier() {
    const Token& t = next();
    std::string word = lower(t.text);
    if (peek().kind != TokenKind::LParen) {
      if (word == "yes" || word == "true") return literal(Value::ofBool(true), t.offset);
      if (word == "no" || word == "false") return literal(Value::ofBool(false), t.offset);
      if (word == "null") return literal(Value::null(), t.offset);
      return fail("unknown name `" + t.text + "`; fields are written `${view.field}`", t);
    }
    next();  // (
    std::vector<std::unique_ptr<Expr>> args;
    if (peek().kind != TokenKind::RParen) {
      for (;;) {
        std::unique_ptr<Expr> arg = parseOr();
        if (!arg) return nullptr;
        args.push_back(std::move(arg));
        if (peek().kind == TokenKind::Comma) {
          next();
          continue;
        }
        break;
      }
    }
    if (peek().kind != TokenKind::RParen) return fail("expected `,` or `)`", peek());
    next();
    return node(Expr::Kind::Call, word, t.offset, std::move(args));
  }

  const std::vector<Token>& tokens_;
  size_t pos_ = 0;
  size_t depth_ = 0;
  bool failed_ = false;
  SyntaxError error_;
};

}  // namespace

ParseResult parse(std::string_view text) {
  ParseResult result;
  std::vector<Token> tokens;
  if (!tokenize(text, &tokens, &result.error)) return result;
  Parser parser(tokens);
  result.expr = parser.parseAll(&result.error);
  return result;
}

std::vector<std::string> fieldReferences(const Expr& expr) {
  std::vector<std::string> out;
  std::vector<const Expr*> todo = {&expr};
  while (!todo.empty()) {
    const Expr* e = todo.back();
    todo.pop_back();
    if (e->kind == Expr::Kind::Field && std::find(out.begin(), out.end(), e->name) == out.end()) {
      out.push_back(e->name);
    }
    for (auto it = e->args.rbegin(); it != e->args.rend(); ++it) todo.push_back(it->get());
  }
  return out;
}

}  // namespace lkml::expression
