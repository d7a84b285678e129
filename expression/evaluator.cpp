// Evaluates a parsed expression over one row of a query result, with SQL's three-valued logic:
// a comparison or arithmetic with null is null, `AND`/`OR` follow SQL (false AND null = false),
// and an assert passes only when it is exactly yes. Recursion is bounded by the parser's
// height limit (kMaxDepth).
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "expression/expression.h"

namespace lkml::expression {

std::string Value::describe() const {
  switch (kind) {
    case Kind::Null:
      return "null";
    case Kind::Bool:
      return boolean ? "yes" : "no";
    case Kind::String:
      return "\"" + text + "\"";
    case Kind::Number: {
      char buffer[64];
      std::snprintf(buffer, sizeof buffer, "%.15g", number);
      return buffer;
    }
  }
  return "null";
}

namespace {

const char* kindName(Value::Kind k) {
  switch (k) {
    case Value::Kind::Null:
      return "null";
    case Value::Kind::Number:
      return "number";
    case Value::Kind::String:
      return "string";
    case Value::Kind::Bool:
      return "yes/no";
  }
  return "?";
}

class Evaluator {
 public:
  Evaluator(const Table& table, size_t row) : table_(table), row_(row) {}
  std::string error;

  Value eval(const Expr& e) {
    if (!error.empty()) return {};
    switch (e.kind) {
      case Expr::Kind::Literal:
        return e.value;
      case Expr::Kind::Field: {
        int column = columnOf(e.name);
        if (column < 0 || row_ >= table_.rows.size()) return {};
        return table_.rows[row_][static_cast<size_t>(column)];
      }
      case Expr::Kind::Unary:
        return unary(e);
      case Expr::Kind::Binary:
        return binary(e);
      case Expr::Kind::Call:
        return call(e);
    }
    return {};
  }

 private:
  Value fail(const std::string& message) {
    if (error.empty()) error = message;
    return {};
  }
  int columnOf(const std::string& name) {
    for (size_t i = 0; i < table_.columns.size(); ++i) {
      if (table_.columns[i] == name) return static_cast<int>(i);
    }
    fail("`${" + name +
         "}` is not a column of the test query; add a `column:` with `field: " + name + "`");
    return -1;
  }
  Value unary(const Expr& e) {
    Value v = eval(*e.args[0]);
    if (v.isNull()) return v;
    if (e.name == "not") {
      if (v.kind != Value::Kind::Bool) return fail("NOT needs yes/no, got " + v.describe());
      return Value::ofBool(!v.boolean);
    }
    if (v.kind != Value::Kind::Number) return fail("`-` needs a number, got " + v.describe());
    return Value::ofNumber(-v.number);
  }
  Value logical(const Expr& e) {
    bool is_and = e.name == "and";
    Value l = eval(*e.args[0]), r = eval(*e.args[1]);
    for (const Value* v : {&l, &r}) {
      if (!v->isNull() && v->kind != Value::Kind::Bool) {
        return fail(std::string(is_and ? "AND" : "OR") + " needs yes/no, got " + v->describe());
      }
    }
    // false AND anything = false; true OR anything = true; otherwise null wins.
    for (const Value* v : {&l, &r}) {
      if (!v->isNull() && v->boolean != is_and) return Value::ofBool(!is_and);
    }
    if (l.isNull() || r.isNull()) return {};
    return Value::ofBool(is_and);
  }
  Value binary(const Expr& e) {
    if (e.name == "and" || e.name == "or") return logical(e);
    Value l = eval(*e.args[0]), r = eval(*e.args[1]);
    if (!error.empty() || l.isNull() || r.isNull()) return {};
    const std::string& op = e.name;
    if (op == "+" || op == "-" || op == "*" || op == "/") {
      if (l.kind != Value::Kind::Number || r.kind != Value::Kind::Number) {
        return fail("`" + op + "` needs numbers, got " + l.describe() + " and " + r.describe());
      }
      if (op == "+") return Value::ofNumber(l.number + r.number);
      if (op == "-") return Value::ofNumber(l.number - r.number);
      if (op == "*") return Value::ofNumber(l.number * r.number);
      if (r.number == 0) return {};  // Looker: division by zero is null
      return Value::ofNumber(l.number / r.number);
    }
    if (l.kind != r.kind) {
      return fail("cannot compare " + std::string(kindName(l.kind)) + " " + l.describe() +
                  " with " + kindName(r.kind) + " " + r.describe());
    }
    int c = 0;
    if (l.kind == Value::Kind::Number) {
      c = l.number < r.number ? -1 : l.number > r.number ? 1 : 0;
    } else if (l.kind == Value::Kind::String) {
      c = l.text.compare(r.text) < 0 ? -1 : l.text == r.text ? 0 : 1;
    } else {
      c = l.boolean == r.boolean ? 0 : l.boolean ? 1 : -1;
    }
    if (op == "=") return Value::ofBool(c == 0);
    if (op == "!=") return Value::ofBool(c != 0);
    if (op == "<") return Value::ofBool(c < 0);
    if (op == "<=") return Value::ofBool(c <= 0);
    if (op == ">") return Value::ofBool(c > 0);
    return Value::ofBool(c >= 0);
  }
  bool arity(const Expr& e, size_t low, size_t high) {
    if (e.args.size() >= low && e.args.size() <= high) return true;
    fail("`" + e.name + "` takes " + std::to_string(low) +
         (high != low ? "-" + std::to_string(high) : "") + " argument" + (high > 1 ? "s" : "") +
         ", got " + std::to_string(e.args.size()));
    return false;
  }
  Value aggregate(const Expr& e) {
    if (!arity(e, 1, 1)) return {};
    const Expr& arg = *e.args[0];
    if (arg.kind != Expr::Kind::Field) {
      return fail("`" + e.name + "` takes a field, e.g. `" + e.name + "(${view.field})`");
    }
    int column = columnOf(arg.name);
    if (column < 0) return {};
    double total = 0, best = 0;
    size_t count = 0;
    for (const auto& row : table_.rows) {
      const Value& v = row[static_cast<size_t>(column)];
      if (v.isNull()) continue;
      if (e.name != "count" && v.kind != Value::Kind::Number) {
        return fail("`" + e.name + "` needs numbers, `${" + arg.name + "}` has " + v.describe());
      }
      if (count == 0 || (e.name == "min" && v.number < best) ||
          (e.name == "max" && v.number > best)) {
        best = v.number;
      }
      total += v.number;
      ++count;
    }
    if (e.name == "count") return Value::ofNumber(static_cast<double>(count));
    if (e.name == "sum") return Value::ofNumber(total);  // Looker: sum of no values is 0
    if (count == 0) return {};
    if (e.name == "mean") return Value::ofNumber(total / static_cast<double>(count));
    return Value::ofNumber(best);
  }
  Value call(const Expr& e) {
    const std::string& f = e.name;
    if (f == "count" || f == "sum" || f == "mean" || f == "min" || f == "max") {
      return aggregate(e);
    }
    if (f == "is_null") {
      if (!arity(e, 1, 1)) return {};
      return Value::ofBool(eval(*e.args[0]).isNull());
    }
    if (f == "if") {
      if (!arity(e, 3, 3)) return {};
      Value c = eval(*e.args[0]);
      if (!c.isNull() && c.kind != Value::Kind::Bool) {
        return fail("`if` needs a yes/no condition, got " + c.describe());
      }
      return eval(*e.args[c.boolean ? 1 : 2]);
    }
    if (f == "coalesce") {
      if (!arity(e, 1, kMaxDepth)) return {};
      for (const auto& arg : e.args) {
        Value v = eval(*arg);
        if (!v.isNull()) return v;
      }
      return {};
    }
    if (f == "abs" || f == "round") {
      if (!arity(e, 1, f == "round" ? 2 : 1)) return {};
      Value v = eval(*e.args[0]);
      Value digits = e.args.size() > 1 ? eval(*e.args[1]) : Value::ofNumber(0);
      if (v.isNull() || digits.isNull()) return {};
      if (v.kind != Value::Kind::Number || digits.kind != Value::Kind::Number) {
        return fail("`" + f + "` needs numbers, got " + v.describe());
      }
      if (f == "abs") return Value::ofNumber(std::fabs(v.number));
      double scale = std::pow(10.0, std::round(digits.number));
      return Value::ofNumber(std::round(v.number * scale) / scale);
    }
    return fail("unknown function `" + f +
                "`; lkml evaluates is_null, not, if, coalesce, abs, round, count, sum, mean, "
                "min and max");
  }

  const Table& table_;
  size_t row_;
};

}  // namespace

EvalResult evaluate(const Expr& expr, const Table& table, size_t row) {
  Evaluator evaluator(table, row);
  EvalResult result;
  result.value = evaluator.eval(expr);
  result.error = evaluator.error;
  if (!result.error.empty()) result.value = Value::null();  // never a value from a failed run
  return result;
}

}  // namespace lkml::expression
