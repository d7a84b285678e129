// String filters (reference 8.1): FOO, FOO,BAR, %FOO%, F%OD, EMPTY, NULL, -FOO, -%FOO%, -NULL,
// -EMPTY, "quoted, values", ^ escapes, 'NULL' for the literal text.
#include <string>
#include <vector>

#include "codegen/filter_internal.h"

namespace lkml::codegen::filter {
namespace {

constexpr char kEscape = '^';

/// One character of an unquoted value and whether '^' escaped it.
struct Unit {
  char c;
  bool escaped;
};

bool isWildcard(const Unit& unit) { return !unit.escaped && (unit.c == '%' || unit.c == '_'); }

std::string plainText(const std::vector<Unit>& units) {
  std::string out;
  for (const auto& unit : units) out += unit.c;
  return out;
}

bool allUnescaped(const std::vector<Unit>& units) {
  for (const auto& unit : units) {
    if (unit.escaped) return false;
  }
  return true;
}

/// The LIKE pattern of an unquoted value: wildcards stay, literal % _ ^ get the '^' escape.
std::string likePattern(const std::vector<Unit>& units) {
  std::string out;
  for (const auto& unit : units) {
    if (!isWildcard(unit) && (unit.c == '%' || unit.c == '_' || unit.c == kEscape)) {
      out += kEscape;
    }
    out += unit.c;
  }
  return out;
}

class StringParser {
 public:
  explicit StringParser(std::string_view expr) : expr_(expr) {}

  std::variant<StringFilter, FilterError> parse() {
    StringFilter filter;
    while (true) {
      if (auto error = parseItem(filter)) return *error;
      if (pos_ >= expr_.size()) break;
      ++pos_;  // the comma
    }
    return filter;
  }

 private:
  void skipSpaces() {
    while (pos_ < expr_.size() && isSpace(expr_[pos_])) ++pos_;
  }

  std::optional<FilterError> parseItem(StringFilter& filter) {
    skipSpaces();
    StringTerm term;
    term.offset = pos_;
    if (pos_ < expr_.size() && expr_[pos_] == '-') {
      term.negated = true;
      ++pos_;
      skipSpaces();
    }
    if (pos_ < expr_.size() && expr_[pos_] == '"') return parseQuoted(term, filter);
    return parseUnquoted(term, filter);
  }

  std::optional<FilterError> parseQuoted(StringTerm& term, StringFilter& filter) {
    const size_t open = pos_++;
    std::string value;
    bool closed = false;
    while (pos_ < expr_.size()) {
      const char c = expr_[pos_];
      const char next = pos_ + 1 < expr_.size() ? expr_[pos_ + 1] : '\0';
      if ((c == '\\' || c == kEscape) && (next == '"' || next == c)) {
        value += next;
        pos_ += 2;
        continue;
      }
      ++pos_;
      if (c == '"') {
        closed = true;
        break;
      }
      value += c;
    }
    if (!closed) {
      return makeError(FilterCode::filter_unterminated, open,
                       "the double quote at position " + std::to_string(open) + " is never closed",
                       "end the value with '\"', or write ^\" for a literal quote");
    }
    skipSpaces();
    if (pos_ < expr_.size() && expr_[pos_] != ',') {
      return makeError(FilterCode::filter_syntax, pos_,
                       "expected ',' after the quoted value at position " + std::to_string(pos_) +
                           ", found " + describeFound(expr_.substr(pos_, 1)),
                       "separate values with commas; put the whole value inside the quotes");
    }
    term.kind = StringTerm::Kind::Equals;
    term.value = std::move(value);
    filter.terms.push_back(std::move(term));
    return std::nullopt;
  }

  std::optional<FilterError> parseUnquoted(StringTerm& term, StringFilter& filter) {
    std::vector<Unit> units;
    std::vector<size_t> offsets;
    while (pos_ < expr_.size() && expr_[pos_] != ',') {
      const char c = expr_[pos_];
      if (c == kEscape) {
        if (pos_ + 1 >= expr_.size()) {
          return makeError(FilterCode::filter_unterminated, pos_,
                           "'^' at position " + std::to_string(pos_) +
                               " escapes nothing at the end of the expression",
                           "write ^^ for a literal ^");
        }
        units.push_back({expr_[pos_ + 1], true});
        offsets.push_back(pos_);
        pos_ += 2;
        continue;
      }
      units.push_back({c, false});
      offsets.push_back(pos_);
      ++pos_;
    }
    while (!units.empty() && !units.back().escaped && isSpace(units.back().c)) {
      units.pop_back();
      offsets.pop_back();
    }
    if (units.empty()) {
      if (term.negated) {
        return makeError(FilterCode::filter_syntax, term.offset,
                         "expected a value after '-' at position " + std::to_string(term.offset) +
                             ", found " + describeFound(expr_.substr(pos_, pos_ < expr_.size())),
                         "write ^- to match text that starts with a minus sign");
      }
      return std::nullopt;  // an empty item between commas matches nothing extra
    }
    const std::string text = plainText(units);
    for (size_t i = 0; i + 1 < units.size(); ++i) {
      if (!units[i].escaped && units[i].c == '{' && !units[i + 1].escaped &&
          (units[i + 1].c == '{' || units[i + 1].c == '%')) {
        return makeError(FilterCode::filter_unsupported, offsets[i],
                         "Liquid at position " + std::to_string(offsets[i]) +
                             " is not supported in filter values",
                         "substitute user attributes before building the filter, or write ^{ for "
                         "a literal brace");
      }
    }
    if (allUnescaped(units)) {
      if (equalsIgnoreCase(text, "NULL") || equalsIgnoreCase(text, "EMPTY")) {
        term.kind =
            equalsIgnoreCase(text, "NULL") ? StringTerm::Kind::Null : StringTerm::Kind::Empty;
        filter.terms.push_back(std::move(term));
        return std::nullopt;
      }
      // 'NULL' and 'EMPTY' in single quotes mean the literal words.
      if (text.size() > 2 && text.front() == '\'' && text.back() == '\'') {
        const std::string inner = text.substr(1, text.size() - 2);
        if (equalsIgnoreCase(inner, "NULL") || equalsIgnoreCase(inner, "EMPTY")) {
          term.kind = StringTerm::Kind::Equals;
          term.value = inner;
          filter.terms.push_back(std::move(term));
          return std::nullopt;
        }
      }
    }
    bool wildcard = false;
    for (const auto& unit : units) wildcard = wildcard || isWildcard(unit);
    term.kind = wildcard ? StringTerm::Kind::Like : StringTerm::Kind::Equals;
    term.value = wildcard ? likePattern(units) : text;
    filter.terms.push_back(std::move(term));
    return std::nullopt;
  }

  std::string_view expr_;
  size_t pos_ = 0;
};

}  // namespace

std::variant<StringFilter, FilterError> parseStringFilter(std::string_view expr) {
  return StringParser(expr).parse();
}

std::string renderStringFilter(const StringFilter& filter, const std::string& target,
                               const Dialect& dialect, const FilterContext& ctx) {
  const bool lowerCase = !ctx.caseSensitive;
  const std::string lhs = lowerCase ? dialect.lower(target) : target;
  auto literal = [&](const std::string& value) {
    const std::string sql = dialect.stringLiteral(value);
    return lowerCase ? dialect.lower(sql) : sql;
  };
  bool nullsExcluded = false;  // a -NULL or -EMPTY item already drops NULL rows
  for (const auto& term : filter.terms) {
    nullsExcluded = nullsExcluded || (term.negated && term.kind != StringTerm::Kind::Equals &&
                                      term.kind != StringTerm::Kind::Like);
  }

  std::vector<Predicate> positives, negatives;
  std::vector<std::string> equal, notEqual;
  size_t equalAt = 0, notEqualAt = 0;
  for (const auto& term : filter.terms) {
    std::vector<Predicate>& group = term.negated ? negatives : positives;
    switch (term.kind) {
      case StringTerm::Kind::Equals: {
        auto& values = term.negated ? notEqual : equal;
        if (values.empty()) {
          (term.negated ? notEqualAt : equalAt) = group.size();
          group.push_back({});
        }
        values.push_back(literal(term.value));
        break;
      }
      case StringTerm::Kind::Like: {
        const std::string like = dialect.like(lhs, term.value, term.negated, lowerCase);
        group.push_back(term.negated ? keepNullRows(like, target, !nullsExcluded)
                                     : Predicate{like, false});
        break;
      }
      case StringTerm::Kind::Null:
        group.push_back({target + (term.negated ? " IS NOT NULL" : " IS NULL"), false});
        break;
      case StringTerm::Kind::Empty:
        group.push_back(term.negated ? Predicate{dialect.length(target) + " <> 0", false}
                                     : Predicate{"(" + target + " IS NULL OR " +
                                                     dialect.length(target) + " = 0)",
                                                 false});
        break;
    }
  }
  auto list = [](const std::vector<std::string>& values) {
    std::string out;
    for (size_t i = 0; i < values.size(); ++i) out += (i ? ", " : "") + values[i];
    return out;
  };
  if (!equal.empty()) {
    positives[equalAt].sql =
        equal.size() == 1 ? lhs + " = " + equal.front() : lhs + " IN (" + list(equal) + ")";
  }
  if (!notEqual.empty()) {
    const std::string condition = notEqual.size() == 1 ? lhs + " <> " + notEqual.front()
                                                       : lhs + " NOT IN (" + list(notEqual) + ")";
    negatives[notEqualAt] = keepNullRows(condition, target, !nullsExcluded);
  }
  return combinePositiveNegative(positives, negatives);
}

}  // namespace lkml::codegen::filter
