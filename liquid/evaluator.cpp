#include "liquid/evaluator.h"

#include <algorithm>
#include <cmath>

namespace lkml::liquid {

void printValue(const Value& value, size_t begin, size_t end, std::vector<Segment>* out) {
  auto add = [&](Segment::Kind kind, std::string text) {
    if (text.empty()) return;
    if (!out->empty() && out->back().kind == kind && kind != Segment::Kind::Number &&
        out->back().end == begin) {
      out->back().text += text;
      return;
    }
    Segment s;
    s.kind = kind;
    s.text = std::move(text);
    s.begin = begin;
    s.end = end;
    out->push_back(std::move(s));
  };
  switch (value.kind) {
    case Value::Kind::Nil:
      return;
    case Value::Kind::Bool:
      add(Segment::Kind::Text, value.boolean ? "true" : "false");
      return;
    case Value::Kind::Number:
      add(Segment::Kind::Number, formatNumber(value.number));
      return;
    case Value::Kind::String: {
      size_t i = 0;
      while (i < value.text.size()) {
        Origin o = value.originAt(i);
        size_t j = i;
        while (j < value.text.size() && value.originAt(j) == o) ++j;
        add(o == Origin::User ? Segment::Kind::User : Segment::Kind::Text,
            value.text.substr(i, j - i));
        i = j;
      }
      return;
    }
    case Value::Kind::Array:
      for (const Value& item : value.items) printValue(item, begin, end, out);
      return;
  }
}

namespace {

enum class Flow { Normal, Break, Continue, Error };

struct Loop {
  size_t index = 0, length = 0;
};

class Evaluator {
 public:
  Evaluator(Environment& env, const EvalOptions& options) : env_(env), options_(options) {}

  Flow run(const std::vector<Node>& nodes, std::vector<Segment>* out);
  EvalError error_;

 private:
  bool fail(std::string message, size_t begin, size_t end, std::string hint = "") {
    error_.message = std::move(message);
    error_.hint = std::move(hint);
    error_.begin = begin;
    error_.end = end;
    return false;
  }
  bool operand(const Operand& op, Value* out);
  bool variable(const Operand& op, Value* out);
  bool expression(const Expression& e, Value* out);
  bool compare(const Comparison& c, bool* result);
  bool condition(const Condition& c, bool* result);
  Flow node(const Node& n, std::vector<Segment>* out);
  Flow forLoop(const Node& n, std::vector<Segment>* out);
  bool checkSize(const std::vector<Segment>& out, const Node& n);

  Environment& env_;
  const EvalOptions& options_;
  std::map<std::string, Value> locals_;
  std::vector<Loop> loops_;
  size_t iterations_ = 0;
  size_t output_ = 0;
  size_t work_ = 0;
};

bool Evaluator::variable(const Operand& op, Value* out) {
  std::vector<std::string> keys;
  for (const PathKey& key : op.keys) {
    if (key.variable.empty()) {
      keys.push_back(key.name);
      continue;
    }
    Operand inner;
    inner.kind = Operand::Kind::Variable;
    inner.root = key.variable[0];
    for (size_t i = 1; i < key.variable.size(); ++i) inner.keys.push_back({key.variable[i], {}});
    inner.begin = op.begin;
    inner.end = op.end;
    Value v;
    if (!variable(inner, &v)) return false;  // depth 1: inner paths have no variable keys
    keys.push_back(v.toText());
  }
  if (op.root == "forloop" && !loops_.empty() && keys.size() == 1) {
    const Loop& loop = loops_.back();
    const std::string& k = keys[0];
    if (k == "index") return *out = Value::fromNumber(static_cast<double>(loop.index + 1)), true;
    if (k == "index0") return *out = Value::fromNumber(static_cast<double>(loop.index)), true;
    if (k == "first") return *out = Value::fromBool(loop.index == 0), true;
    if (k == "last") return *out = Value::fromBool(loop.index + 1 == loop.length), true;
    if (k == "length") return *out = Value::fromNumber(static_cast<double>(loop.length)), true;
  }
  auto local = locals_.find(op.root);
  if (local == locals_.end()) {
    std::string message;
    if (!env_.lookup(op.root, keys, out, &message)) return fail(message, op.begin, op.end);
    return true;
  }
  Value v = local->second;
  for (const std::string& k : keys) {
    if (k == "size") {
      v = Value::fromNumber(v.kind == Value::Kind::Array ? static_cast<double>(v.items.size())
                                                         : static_cast<double>(v.text.size()));
    } else if (v.kind == Value::Kind::Array && (k == "first" || k == "last")) {
      v = v.items.empty() ? Value() : (k == "first" ? v.items.front() : v.items.back());
    } else if (v.kind == Value::Kind::Array && !k.empty() &&
               std::all_of(k.begin(), k.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
               k.size() < 9 && std::stoul(k) < v.items.size()) {
      Value item = v.items[std::stoul(k)];
      v = item;
    } else {
      v = Value();
    }
  }
  *out = std::move(v);
  return true;
}

bool Evaluator::operand(const Operand& op, Value* out) {
  switch (op.kind) {
    case Operand::Kind::Literal:
      *out = op.literal;
      return true;
    case Operand::Kind::Empty:
    case Operand::Kind::Blank:
      *out = Value::templateString("");
      return true;
    case Operand::Kind::Variable:
      return variable(op, out);
    case Operand::Kind::Range: {
      Value low, high;
      if (!operand(op.range[0], &low) || !operand(op.range[1], &high)) return false;
      double lo = low.kind == Value::Kind::Number ? low.number : std::atof(low.toText().c_str());
      double hi = high.kind == Value::Kind::Number ? high.number : std::atof(high.toText().c_str());
      lo = std::floor(lo);
      hi = std::floor(hi);
      if (hi - lo >= static_cast<double>(options_.max_iterations)) {
        return fail("range " + formatNumber(lo) + ".." + formatNumber(hi) + " is longer than " +
                        std::to_string(options_.max_iterations) + " items",
                    op.begin, op.end);
      }
      out->kind = Value::Kind::Array;
      out->items.clear();
      for (double x = lo; x <= hi; x += 1) out->items.push_back(Value::fromNumber(x));
      return true;
    }
  }
  return true;
}

bool Evaluator::expression(const Expression& e, Value* out) {
  if (!operand(e.operand, out)) return false;
  for (const Filter& f : e.filters) {
    std::vector<Value> args;
    for (const Operand& a : f.args) {
      Value v;
      if (!operand(a, &v)) return false;
      args.push_back(std::move(v));
    }
    Value result;
    std::string message;
    if (!applyFilter(f.name, *out, args, options_.max_text, &result, &message)) {
      return fail(message, f.begin, f.end);
    }
    // Every byte a filter makes counts, so a loop re-copying a long string stops early.
    work_ += result.text.size() + result.items.size();
    if (work_ > options_.max_work) {
      return fail("Liquid filters produced more than " + std::to_string(options_.max_work) +
                      " bytes in one evaluation",
                  f.begin, f.end, "simplify the template");
    }
    *out = std::move(result);
  }
  return true;
}

bool Evaluator::compare(const Comparison& c, bool* result) {
  Value left;
  if (!operand(c.left, &left)) return false;
  if (c.op.empty()) {
    *result = left.truthy();
    return true;
  }
  auto special = [&](const Operand& side, const Value& other, bool* matched) {
    if (side.kind == Operand::Kind::Empty) return *matched = other.isEmpty(), true;
    if (side.kind == Operand::Kind::Blank) return *matched = other.isBlank(), true;
    return false;
  };
  Value right;
  if (!operand(c.right, &right)) return false;
  bool equal = false;
  if (!special(c.right, left, &equal) && !special(c.left, right, &equal)) {
    equal = liquidEquals(left, right);
  }
  if (c.op == "==") {
    *result = equal;
  } else if (c.op == "!=" || c.op == "<>") {
    *result = !equal;
  } else if (c.op == "contains") {
    std::string needle = right.toText();
    if (left.kind == Value::Kind::String) {
      *result = left.text.find(needle) != std::string::npos;
    } else if (left.kind == Value::Kind::Array) {
      *result = std::any_of(left.items.begin(), left.items.end(),
                            [&](const Value& item) { return item.toText() == needle; });
    } else {
      *result = false;
    }
  } else {
    int order = 0;
    if (left.kind == Value::Kind::Number && right.kind == Value::Kind::Number) {
      order = left.number < right.number ? -1 : left.number > right.number ? 1 : 0;
    } else if (left.kind == Value::Kind::String && right.kind == Value::Kind::String) {
      order = left.text.compare(right.text);
    } else {
      *result = false;  // Liquid cannot order other kinds
      return true;
    }
    *result = c.op == "<"    ? order < 0
              : c.op == ">"  ? order > 0
              : c.op == "<=" ? order <= 0
                             : order >= 0;
  }
  return true;
}

bool Evaluator::condition(const Condition& c, bool* result) {
  // Right to left: `a and b or c` is `a and (b or c)`.
  bool value = false;
  if (!compare(c.terms.back(), &value)) return false;
  for (size_t i = c.terms.size() - 1; i-- > 0;) {
    bool term = false;
    if (!compare(c.terms[i], &term)) return false;
    value = c.is_and[i] ? (term && value) : (term || value);
  }
  *result = value;
  return true;
}

bool Evaluator::checkSize(const std::vector<Segment>& out, const Node& n) {
  if (out.empty()) return true;
  output_ += out.back().text.size();
  if (output_ > options_.max_text) {
    return fail("Liquid output is longer than " + std::to_string(options_.max_text) + " bytes",
                n.begin, n.end);
  }
  return true;
}

Flow Evaluator::forLoop(const Node& n, std::vector<Segment>* out) {
  Value collection;
  if (!operand(n.expression.operand, &collection)) return Flow::Error;
  std::vector<Value> items;
  if (collection.kind == Value::Kind::Array) {
    items = collection.items;
  } else if (collection.kind == Value::Kind::String && !collection.text.empty()) {
    items.push_back(collection);
  }
  auto number = [&](const Operand& op, double fallback, double* result) {
    if (op.kind == Operand::Kind::Literal && op.literal.kind == Value::Kind::Nil) {
      *result = fallback;
      return true;
    }
    Value v;
    if (!operand(op, &v)) return false;
    *result = v.kind == Value::Kind::Number ? v.number : std::atof(v.toText().c_str());
    return true;
  };
  double offset = 0, limit = 0;
  if (!number(n.offset, 0, &offset) ||
      !number(n.limit, static_cast<double>(items.size()), &limit)) {
    return Flow::Error;
  }
  size_t from = offset > 0 ? std::min(items.size(), static_cast<size_t>(offset)) : 0;
  size_t count = limit > 0 ? std::min(items.size() - from, static_cast<size_t>(limit)) : 0;
  items = std::vector<Value>(items.begin() + static_cast<std::ptrdiff_t>(from),
                             items.begin() + static_cast<std::ptrdiff_t>(from + count));
  if (n.reversed) std::reverse(items.begin(), items.end());
  if (items.empty()) {
    return n.branches.size() > 1 ? run(n.branches[1].body, out) : Flow::Normal;
  }
  loops_.push_back({0, items.size()});
  for (size_t i = 0; i < items.size(); ++i) {
    if (++iterations_ > options_.max_iterations) {
      fail("Liquid loops ran more than " + std::to_string(options_.max_iterations) + " times",
           n.begin, n.end, "loop over fewer items");
      loops_.pop_back();
      return Flow::Error;
    }
    loops_.back().index = i;
    locals_[n.name] = items[i];
    Flow flow = run(n.branches[0].body, out);
    if (flow == Flow::Error) {
      loops_.pop_back();
      return flow;
    }
    if (flow == Flow::Break) break;
  }
  loops_.pop_back();
  return Flow::Normal;
}

Flow Evaluator::node(const Node& n, std::vector<Segment>* out) {
  switch (n.kind) {
    case Node::Kind::Text: {
      Segment s;
      s.text = n.text;
      s.begin = n.begin;
      s.end = n.end;
      out->push_back(std::move(s));
      return checkSize(*out, n) ? Flow::Normal : Flow::Error;
    }
    case Node::Kind::Output: {
      Value v;
      if (!expression(n.expression, &v)) return Flow::Error;
      printValue(v, n.begin, n.end, out);
      return checkSize(*out, n) ? Flow::Normal : Flow::Error;
    }
    case Node::Kind::If:
      for (size_t i = 0; i < n.branches.size(); ++i) {
        const Branch& b = n.branches[i];
        bool taken = b.is_else;
        if (!taken) {
          if (!condition(b.condition, &taken)) return Flow::Error;
          if (i == 0 && n.negated) taken = !taken;
        }
        if (taken) return run(b.body, out);
      }
      return Flow::Normal;
    case Node::Kind::Case: {
      Value subject;
      if (!operand(n.expression.operand, &subject)) return Flow::Error;
      bool any = false;
      for (const Branch& b : n.branches) {
        bool taken = false;
        if (b.is_else) {
          taken = !any;
        } else {
          for (const Operand& op : b.values) {
            Value v;
            if (!operand(op, &v)) return Flow::Error;
            if (liquidEquals(subject, v)) taken = true;
          }
        }
        if (!taken) continue;
        any = true;
        Flow flow = run(b.body, out);
        if (flow != Flow::Normal) return flow;
      }
      return Flow::Normal;
    }
    case Node::Kind::For:
      return forLoop(n, out);
    case Node::Kind::Assign: {
      Value v;
      if (!expression(n.expression, &v)) return Flow::Error;
      locals_[n.name] = std::move(v);
      return Flow::Normal;
    }
    case Node::Kind::Capture: {
      std::vector<Segment> captured;
      Flow flow = run(n.branches[0].body, &captured);
      if (flow == Flow::Error) return flow;
      Value v = Value::templateString("");
      for (const Segment& s : captured) {
        if (s.kind == Segment::Kind::Tag) {
          fail("`{% " + s.tag + " %}` cannot be captured into a variable", s.begin, s.end,
               "write the tag where its SQL is needed");
          return Flow::Error;
        }
        if (s.kind == Segment::Kind::Number) {
          v.append(Value::fromNumber(std::atof(s.text.c_str())).asString());
        } else {
          v.append(s.text, s.kind == Segment::Kind::User ? Origin::User : Origin::Template);
        }
      }
      if (!v.hasUserBytes()) v.origin.clear();
      locals_[n.name] = std::move(v);
      return flow;
    }
    case Node::Kind::Break:
      return Flow::Break;
    case Node::Kind::Continue:
      return Flow::Continue;
    case Node::Kind::LookerTag: {
      Segment s;
      s.kind = Segment::Kind::Tag;
      s.tag = n.name;
      s.argument = n.argument;
      s.begin = n.begin;
      s.end = n.end;
      if (!n.branches.empty()) {
        Flow flow = run(n.branches[0].body, &s.body);
        if (flow == Flow::Error) return flow;
      }
      out->push_back(std::move(s));
      return Flow::Normal;
    }
  }
  return Flow::Normal;
}

Flow Evaluator::run(const std::vector<Node>& nodes, std::vector<Segment>* out) {
  for (const Node& n : nodes) {
    Flow flow = node(n, out);
    if (flow != Flow::Normal) return flow;
  }
  return Flow::Normal;
}

}  // namespace

EvalResult evaluate(const Template& tmpl, Environment& env, const EvalOptions& options) {
  EvalResult result;
  Evaluator evaluator(env, options);
  if (evaluator.run(tmpl.nodes, &result.segments) == Flow::Error) {
    result.error = evaluator.error_;
    result.segments.clear();
  }
  return result;
}

}  // namespace lkml::liquid
