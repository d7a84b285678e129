// The syntax tree of a Liquid template, with byte offsets into the template text. Expressions
// are flat (Liquid has no parentheses in conditions; a bracket index holds a literal or a
// plain variable), so only blocks nest, and the parser limits that nesting (kMaxNesting).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "liquid/value.h"

namespace lkml::liquid {

/// Deepest nesting of block tags (if, for, case, capture, condition, ...) a template may have.
/// Evaluation and destruction recurse once per level, so the limit bounds the stack.
inline constexpr size_t kMaxNesting = 50;

/// One step of a variable path: `.name`, `['name']`, `[0]`, or `[other_variable]`.
struct PathKey {
  std::string name;                   // a literal key ("" when `variable` is used)
  std::vector<std::string> variable;  // index by this variable's value (a dotted path)
};

/// A literal, a variable path (`orders.status._in_query`, `_user_attributes['region']`) or a
/// range `(1..n)`.
struct Operand {
  enum class Kind { Literal, Variable, Range, Empty, Blank };
  Kind kind = Kind::Literal;
  Value literal;
  std::string root;            // Variable: the first name
  std::vector<PathKey> keys;   // Variable: what follows the root
  std::vector<Operand> range;  // Range: low and high (never ranges themselves)
  size_t begin = 0, end = 0;

  /// `root.key1.key2` for names; bracketed literal keys are written `['key']`.
  std::string pathText() const;
};

struct Filter {
  std::string name;
  std::vector<Operand> args;
  size_t begin = 0, end = 0;
};

/// `operand | filter: arg, arg | filter`.
struct Expression {
  Operand operand;
  std::vector<Filter> filters;
};

struct Comparison {
  Operand left;
  std::string op;  // "" (truthiness), ==, !=, <>, <, >, <=, >=, contains
  Operand right;
};

/// `a == b and c or d`: evaluated right to left, `a and (c or d)`, as Liquid does.
struct Condition {
  std::vector<Comparison> terms;
  std::vector<bool> is_and;  // between terms[i] and terms[i + 1]
};

struct Node;

struct Branch {
  Condition condition;          // if / elsif / unless
  std::vector<Operand> values;  // case: when a, b
  bool is_else = false;
  std::vector<Node> body;
};

struct Node {
  enum class Kind {
    Text,       // template text (already trimmed by whitespace control)
    Output,     // {{ expression }} and {% echo expression %}
    If,         // if / unless (negated first branch) with elsif / else branches
    Case,       // case subject, when branches, else
    For,        // for variable in collection; branches[0] body, branches[1] else
    Assign,     // assign name = expression
    Capture,    // capture name ... endcapture (body in branches[0])
    Break,      // break
    Continue,   // continue
    LookerTag,  // condition / incrementcondition (body in branches[0]), parameter,
                // date_start, date_end
  };
  Kind kind = Kind::Text;
  size_t begin = 0, end = 0;  // the whole construct, tags included
  std::string text;           // Text
  Expression expression;      // Output, Assign; For: the collection; Case: the subject
  std::string name;           // Assign / Capture / For variable; LookerTag: the tag name
  std::string argument;       // LookerTag: the field or parameter named
  size_t argument_begin = 0, argument_end = 0;
  bool negated = false;   // unless
  bool reversed = false;  // for ... reversed
  Operand limit, offset;  // for ... limit: n offset: n (Kind::Literal nil when absent)
  std::vector<Branch> branches;
};

struct Template {
  std::vector<Node> nodes;
};

}  // namespace lkml::liquid
