// Evaluates a parsed Liquid template against an Environment (the variables Looker provides),
// producing segments instead of one string: template text, user text (still to be escaped),
// numbers, and Looker's tags (left to the caller, which knows the query). So nothing a user
// supplied is ever re-read as template or as SQL: the caller decides how each segment is
// written. Loops and output are capped; recursion follows block nesting (<= kMaxNesting).
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "liquid/ast.h"
#include "liquid/value.h"

namespace lkml::liquid {

struct Segment {
  enum class Kind {
    Text,    // template text or a value written by the template (trusted)
    User,    // text that came from a user: must be escaped by the caller
    Number,  // a number, formatted (may be negative)
    Tag,     // condition, incrementcondition, parameter, date_start, date_end
  };
  Kind kind = Kind::Text;
  std::string text;
  std::string tag;            // Tag: its name
  std::string argument;       // Tag: the field or parameter it names
  size_t begin = 0, end = 0;  // the node in the template that produced it
  std::vector<Segment> body;  // Tag condition / incrementcondition: the rendered inner text
};

/// The variables of the place where the template is used.
class Environment {
 public:
  virtual ~Environment() = default;
  /// Resolves `root` followed by `keys` (`orders.status._in_query` -> "orders", {"status",
  /// "_in_query"}; `_user_attributes['x']` -> "_user_attributes", {"x"}). Returns false with
  /// `error` when the path names something that cannot be evaluated here (an unknown field,
  /// `value` in SQL); a variable Liquid does not know is nil (true, *out nil).
  virtual bool lookup(const std::string& root, const std::vector<std::string>& keys, Value* out,
                      std::string* error) = 0;
};

struct EvalError {
  std::string message;
  std::string hint;
  size_t begin = 0, end = 0;
};

struct EvalOptions {
  size_t max_iterations = 10000;       // loop iterations in one evaluation, all loops together
  size_t max_text = 1024 * 1024;       // bytes of any string and of the whole output
  size_t max_work = 64 * 1024 * 1024;  // bytes all filters together may produce
};

struct EvalResult {
  std::vector<Segment> segments;
  std::optional<EvalError> error;
  bool ok() const { return !error.has_value(); }
};

EvalResult evaluate(const Template& tmpl, Environment& env, const EvalOptions& options = {});

/// Applies one filter (filters.cpp). False with `error` on a bad argument or oversized result.
bool applyFilter(const std::string& name, const Value& input, const std::vector<Value>& args,
                 size_t max_text, Value* out, std::string* error);

/// Appends `value` as segments: template bytes as Text, user bytes as User, numbers as Number.
void printValue(const Value& value, size_t begin, size_t end, std::vector<Segment>* out);

}  // namespace lkml::liquid
