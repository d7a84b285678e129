// Looker expressions, the subset data tests (`test: { assert: { expression: ... ;; } }`) use:
// literals (numbers, "strings", yes/no, null), `${view.field}`, arithmetic (+ - * /),
// comparisons (= != <> < <= > >=), AND / OR / NOT, and the functions is_null, not, if,
// coalesce, abs, round, and count / sum / mean / min / max over a result column.
// Tokenizer (tokenizer.cpp), parser (parser.cpp, nesting limited to kMaxDepth) and evaluator
// (evaluator.cpp) over a query result. Depends on nothing but the standard library.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace lkml::expression {

/// How deeply parentheses, operators and function calls may nest; deeper input is an error,
/// so the recursive parser and evaluator cannot exhaust the stack.
constexpr size_t kMaxDepth = 64;
/// Longest expression accepted, in bytes.
constexpr size_t kMaxLength = 64 * 1024;

struct Value {
  enum class Kind { Null, Number, String, Bool };
  Kind kind = Kind::Null;
  double number = 0;
  std::string text;
  bool boolean = false;

  static Value null() { return {}; }
  static Value ofNumber(double n) { return {Kind::Number, n, {}, false}; }
  static Value ofString(std::string s) { return {Kind::String, 0, std::move(s), false}; }
  static Value ofBool(bool b) { return {Kind::Bool, 0, {}, b}; }
  bool isNull() const { return kind == Kind::Null; }
  /// For messages: `42`, `"text"`, `yes`, `null`.
  std::string describe() const;
};

enum class TokenKind { Number, String, Field, Identifier, Operator, LParen, RParen, Comma, End };

struct Token {
  TokenKind kind = TokenKind::End;
  std::string text;   // number text, unescaped string, field name (`view.field`), operator
  size_t offset = 0;  // byte offset in the expression
};

struct SyntaxError {
  std::string message;
  size_t offset = 0;
};

/// Splits `text` into tokens ending with an End token; false with `error` set on bad input.
bool tokenize(std::string_view text, std::vector<Token>* tokens, SyntaxError* error);

struct Expr {
  enum class Kind { Literal, Field, Unary, Binary, Call };
  Kind kind = Kind::Literal;
  Value value;       // Literal
  std::string name;  // Field: `view.field`; Unary/Binary: operator (lower case); Call: function
  std::vector<std::unique_ptr<Expr>> args;
  size_t offset = 0;
  size_t height = 1;  // levels of nodes below and including this one (at most kMaxDepth)
};

struct ParseResult {
  std::unique_ptr<Expr> expr;  // null on error
  SyntaxError error;
  bool ok() const { return expr != nullptr; }
};

ParseResult parse(std::string_view text);

/// The `${view.field}` names an expression reads, in order of appearance (duplicates kept once).
std::vector<std::string> fieldReferences(const Expr& expr);

/// A query result: column names (`view.field`) and rows of values.
struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<Value>> rows;
};

struct EvalResult {
  Value value;
  std::string error;  // non-empty when the expression cannot be evaluated (unknown field, types)
  bool ok() const { return error.empty(); }
};

/// Evaluates `expr` for row `row` of `table`: `${f}` is that row's value, aggregate functions
/// read the whole column.
EvalResult evaluate(const Expr& expr, const Table& table, size_t row);

}  // namespace lkml::expression
