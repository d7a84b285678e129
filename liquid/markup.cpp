#include "liquid/markup.h"

#include <cctype>
#include <cstdlib>

#include "liquid/parser.h"

namespace lkml::liquid {

namespace {

bool isNameStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool isNameChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
}
bool isDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

}  // namespace

std::string Operand::pathText() const {
  std::string out = root;
  for (const PathKey& key : keys) {
    if (!key.variable.empty()) {
      out += "[";
      for (size_t i = 0; i < key.variable.size(); ++i) out += (i ? "." : "") + key.variable[i];
      out += "]";
    } else if (!key.name.empty() && isNameStart(key.name[0])) {
      out += "." + key.name;
    } else {
      out += "['" + key.name + "']";
    }
  }
  return out;
}

MarkupParser::MarkupParser(std::string_view markup, size_t base) : text_(markup), base_(base) {}

void MarkupParser::skipSpace() {
  while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
}

bool MarkupParser::atEnd() {
  skipSpace();
  return pos_ >= text_.size();
}

std::string_view MarkupParser::rest() {
  skipSpace();
  std::string_view r = text_.substr(pos_);
  while (!r.empty() && std::isspace(static_cast<unsigned char>(r.back()))) r.remove_suffix(1);
  return r;
}

LiquidError MarkupParser::errorHere(const std::string& message, const std::string& hint) {
  skipSpace();
  LiquidError e;
  e.code = LiquidCode::liquid_bad_expression;
  e.message = message;
  e.hint = hint;
  e.begin = base_ + pos_;
  size_t end = pos_;
  while (end < text_.size() && !std::isspace(static_cast<unsigned char>(text_[end]))) ++end;
  e.end = base_ + (end > pos_ ? end : pos_ + (pos_ < text_.size() ? 1 : 0));
  return e;
}

bool MarkupParser::accept(std::string_view word) {
  skipSpace();
  if (text_.compare(pos_, word.size(), word) != 0) return false;
  size_t after = pos_ + word.size();
  // A keyword must not run on into a name (`order` is not `or` + `der`).
  if (isNameStart(word[0]) && after < text_.size() && isNameChar(text_[after])) return false;
  pos_ = after;
  return true;
}

bool MarkupParser::parseName(std::string* out) {
  skipSpace();
  if (pos_ >= text_.size() || !isNameStart(text_[pos_])) return false;
  size_t start = pos_;
  while (pos_ < text_.size() && isNameChar(text_[pos_])) ++pos_;
  if (pos_ < text_.size() && text_[pos_] == '?') ++pos_;
  *out = std::string(text_.substr(start, pos_ - start));
  return true;
}

bool MarkupParser::parseVariable(Operand* out, LiquidError* error) {
  out->kind = Operand::Kind::Variable;
  parseName(&out->root);
  while (pos_ < text_.size()) {
    if (text_[pos_] == '.' && pos_ + 1 < text_.size() && isNameStart(text_[pos_ + 1])) {
      ++pos_;
      PathKey key;
      parseName(&key.name);
      out->keys.push_back(std::move(key));
    } else if (text_[pos_] == '[') {
      ++pos_;
      skipSpace();
      PathKey key;
      if (pos_ < text_.size() && (text_[pos_] == '\'' || text_[pos_] == '"')) {
        char quote = text_[pos_];
        size_t close = text_.find(quote, pos_ + 1);
        if (close == std::string_view::npos) {
          *error = errorHere("string without its closing quote",
                             "close it with " + std::string(1, quote));
          return false;
        }
        key.name = std::string(text_.substr(pos_ + 1, close - pos_ - 1));
        pos_ = close + 1;
      } else if (pos_ < text_.size() && (isDigit(text_[pos_]) || text_[pos_] == '-')) {
        size_t start = pos_++;
        while (pos_ < text_.size() && isDigit(text_[pos_])) ++pos_;
        key.name = std::string(text_.substr(start, pos_ - start));
      } else {
        std::string name;
        if (!parseName(&name)) {
          *error = errorHere("expected a quoted key, a number or a variable inside `[...]`");
          return false;
        }
        key.variable.push_back(name);
        while (pos_ + 1 < text_.size() && text_[pos_] == '.' && isNameStart(text_[pos_ + 1])) {
          ++pos_;
          parseName(&name);
          key.variable.push_back(name);
        }
      }
      skipSpace();
      if (pos_ >= text_.size() || text_[pos_] != ']') {
        *error = errorHere("expected `]`", "lkml allows a literal or a plain variable in [...]");
        return false;
      }
      ++pos_;
      out->keys.push_back(std::move(key));
    } else {
      break;
    }
  }
  return true;
}

bool MarkupParser::parseOperand(Operand* out, LiquidError* error) {
  skipSpace();
  *out = Operand{};
  out->begin = base_ + pos_;
  if (pos_ >= text_.size()) {
    *error = errorHere("expected a value (a variable, a string or a number)");
    return false;
  }
  char c = text_[pos_];
  if (c == '\'' || c == '"') {
    size_t close = text_.find(c, pos_ + 1);
    if (close == std::string_view::npos) {
      *error = errorHere("string without its closing quote", "close it with " + std::string(1, c));
      return false;
    }
    out->literal = Value::templateString(std::string(text_.substr(pos_ + 1, close - pos_ - 1)));
    pos_ = close + 1;
  } else if (isDigit(c) || (c == '-' && pos_ + 1 < text_.size() && isDigit(text_[pos_ + 1]))) {
    size_t start = pos_++;
    while (pos_ < text_.size() && isDigit(text_[pos_])) ++pos_;
    if (pos_ + 1 < text_.size() && text_[pos_] == '.' && isDigit(text_[pos_ + 1])) {
      ++pos_;
      while (pos_ < text_.size() && isDigit(text_[pos_])) ++pos_;
    }
    out->literal = Value::fromNumber(
        std::strtod(std::string(text_.substr(start, pos_ - start)).c_str(), nullptr));
  } else if (c == '(') {
    ++pos_;
    out->kind = Operand::Kind::Range;
    out->range.resize(2);
    for (int side = 0; side < 2; ++side) {
      skipSpace();
      Operand& bound = out->range[static_cast<size_t>(side)];
      bound.begin = base_ + pos_;
      if (pos_ < text_.size() && (isDigit(text_[pos_]) || text_[pos_] == '-')) {
        size_t start = pos_++;
        while (pos_ < text_.size() && isDigit(text_[pos_])) ++pos_;
        bound.literal = Value::fromNumber(
            std::strtod(std::string(text_.substr(start, pos_ - start)).c_str(), nullptr));
      } else if (pos_ < text_.size() && isNameStart(text_[pos_])) {
        if (!parseVariable(&bound, error)) return false;
      } else {
        *error = errorHere("expected a number or a variable in the range `(a..b)`");
        return false;
      }
      bound.end = base_ + pos_;
      if (side == 0 && !accept("..")) {
        *error = errorHere("expected `..` in the range `(a..b)`");
        return false;
      }
    }
    if (!accept(")")) {
      *error = errorHere("expected `)` to close the range");
      return false;
    }
  } else if (isNameStart(c)) {
    size_t start = pos_;
    std::string word;
    parseName(&word);
    bool followed = pos_ < text_.size() && (text_[pos_] == '.' || text_[pos_] == '[');
    if (!followed && (word == "true" || word == "false")) {
      out->literal = Value::fromBool(word == "true");
    } else if (!followed && (word == "nil" || word == "null")) {
      out->literal = Value::nil();
    } else if (!followed && word == "empty") {
      out->kind = Operand::Kind::Empty;
    } else if (!followed && word == "blank") {
      out->kind = Operand::Kind::Blank;
    } else {
      pos_ = start;
      if (!parseVariable(out, error)) return false;
    }
  } else {
    *error = errorHere("expected a value (a variable, a string or a number), found `" +
                       std::string(1, c) + "`");
    return false;
  }
  out->end = base_ + pos_;
  return true;
}

bool MarkupParser::parseFilters(std::vector<Filter>* out, LiquidError* error) {
  while (accept("|")) {
    Filter filter;
    skipSpace();
    filter.begin = base_ + pos_;
    if (!parseName(&filter.name)) {
      *error = errorHere("expected a filter name after `|`");
      return false;
    }
    filter.end = base_ + pos_;
    if (accept(":")) {
      do {
        Operand arg;
        if (!parseOperand(&arg, error)) return false;
        filter.args.push_back(std::move(arg));
      } while (accept(","));
    }
    size_t min_args = 0, max_args = 0;
    if (!isKnownFilter(filter.name, &min_args, &max_args)) {
      error->code = LiquidCode::liquid_unknown_filter;
      error->message = "unknown Liquid filter `" + filter.name + "`";
      error->hint =
          "lkml implements downcase, upcase, replace, remove, append, prepend, split, join, "
          "size, default, date, sql_quote, url_encode, encode_uri, strip, plus, minus, times, "
          "divided_by, modulo, round, abs, ceil and floor";
      error->begin = filter.begin;
      error->end = filter.end;
      return false;
    }
    if (filter.args.size() < min_args || filter.args.size() > max_args) {
      error->code = LiquidCode::liquid_filter_arguments;
      error->message =
          "filter `" + filter.name + "` takes " +
          (min_args == max_args ? std::to_string(min_args)
                                : std::to_string(min_args) + " to " + std::to_string(max_args)) +
          " argument(s), got " + std::to_string(filter.args.size());
      error->hint = max_args == 0
                        ? "write `| " + filter.name + "` without `:`"
                        : "write `| " + filter.name + ": 'a'" + (max_args > 1 ? ", 'b'" : "") + "`";
      error->begin = filter.begin;
      error->end = base_ + pos_;
      return false;
    }
    filter.end = base_ + pos_;
    out->push_back(std::move(filter));
  }
  return true;
}

bool MarkupParser::parseExpression(Expression* out, LiquidError* error) {
  if (!parseOperand(&out->operand, error)) return false;
  return parseFilters(&out->filters, error);
}

bool MarkupParser::parseCondition(Condition* out, LiquidError* error) {
  for (;;) {
    Comparison term;
    if (!parseOperand(&term.left, error)) return false;
    for (std::string_view op : {"==", "!=", "<>", "<=", ">=", "<", ">", "contains"}) {
      if (accept(op)) {
        term.op = std::string(op);
        if (!parseOperand(&term.right, error)) return false;
        break;
      }
    }
    out->terms.push_back(std::move(term));
    if (accept("and")) {
      out->is_and.push_back(true);
    } else if (accept("or")) {
      out->is_and.push_back(false);
    } else {
      return true;
    }
  }
}

}  // namespace lkml::liquid
