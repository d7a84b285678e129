// Number filters (reference 8.2): 5; 1, 3, 5; NOT 5; <>5; >5; 5 to 10; 1 to; to 100;
// >= 5.5 AND <= 10; <3 OR >80.44; [1,100); (1,); (-inf,100]; NOT [30,40]; NULL; NOT NULL.
#include <string>
#include <vector>

#include "codegen/filter_internal.h"

namespace lkml::codegen::filter {
namespace {

/// Numbers whose magnitude needs more digits than this are rejected (NUMERIC's own limits
/// are far larger, but no filter needs them).
constexpr int64_t kMaxDecimalPoint = 1000;

enum class Tok { Number, Inf, Not, Null, And, Or, To, Op, Open, Close, Comma, Bad, End };

struct Token {
  Tok kind = Tok::End;
  size_t start = 0;
  std::string_view text;
  Decimal number;         // Number
  bool negative = false;  // Inf
  size_t errorAt = 0;     // Bad: the offending character
};

bool isDelimiter(char c) {
  return isSpace(c) || c == ',' || c == '[' || c == ']' || c == '(' || c == ')' || c == '<' ||
         c == '>' || c == '=' || c == '!';
}

std::vector<Token> tokenize(std::string_view expr) {
  std::vector<Token> tokens;
  size_t i = 0;
  while (true) {
    while (i < expr.size() && isSpace(expr[i])) ++i;
    Token token;
    token.start = i;
    if (i >= expr.size()) {
      tokens.push_back(token);
      return tokens;
    }
    const char c = expr[i];
    const char next = i + 1 < expr.size() ? expr[i + 1] : '\0';
    size_t length = 1;
    if (c == ',') {
      token.kind = Tok::Comma;
    } else if (c == '[' || c == '(') {
      token.kind = Tok::Open;
    } else if (c == ']' || c == ')') {
      token.kind = Tok::Close;
    } else if (c == '<' || c == '>' || c == '=' || c == '!') {
      token.kind = Tok::Op;
      if ((c != '=' && next == '=') || (c == '<' && next == '>')) length = 2;
      if (c == '!' && next != '=') {
        token.kind = Tok::Bad;
        token.errorAt = i;
      }
    } else {
      while (i + length < expr.size() && !isDelimiter(expr[i + length])) ++length;
      const std::string_view word = expr.substr(i, length);
      static const struct {
        const char* word;
        Tok kind;
      } kKeywords[] = {{"not", Tok::Not},
                       {"null", Tok::Null},
                       {"and", Tok::And},
                       {"or", Tok::Or},
                       {"to", Tok::To}};
      token.kind = Tok::Bad;
      for (const auto& keyword : kKeywords) {
        if (equalsIgnoreCase(word, keyword.word)) token.kind = keyword.kind;
      }
      if (equalsIgnoreCase(word, "inf") || equalsIgnoreCase(word, "+inf") ||
          equalsIgnoreCase(word, "-inf")) {
        token.kind = Tok::Inf;
        token.negative = word.front() == '-';
      }
      if (token.kind == Tok::Bad) {
        auto parsed = parseDecimal(word);
        if (auto* number = std::get_if<Decimal>(&parsed)) {
          token.kind = Tok::Number;
          token.number = *number;
        } else {
          token.errorAt = i + std::get<size_t>(parsed);
        }
      }
    }
    token.text = expr.substr(i, length);
    tokens.push_back(token);
    i += length;
  }
}

class NumberParser {
 public:
  explicit NumberParser(std::string_view expr) : expr_(expr), tokens_(tokenize(expr)) {}

  std::variant<NumberFilter, FilterError> parse() {
    NumberFilter filter;
    bool carryNot = false;  // NOT 66, 99, 4: NOT reaches the bare numbers that follow
    while (true) {
      if (peek().kind == Tok::Comma) {  // empty item
        advance();
        continue;
      }
      if (peek().kind == Tok::End) break;
      auto term = parseItem(carryNot);
      if (auto* error = std::get_if<FilterError>(&term)) return *error;
      filter.terms.push_back(std::get<NumberTerm>(std::move(term)));
      const Token& separator = peek();
      if (separator.kind == Tok::End) break;
      if (separator.kind != Tok::Comma && separator.kind != Tok::Or) {
        return makeError(FilterCode::filter_syntax, separator.start,
                         "expected ',' or OR at position " + std::to_string(separator.start) +
                             ", found " + describeFound(separator.text),
                         "separate values with commas");
      }
      advance();
    }
    return filter;
  }

 private:
  const Token& peek() const { return tokens_[index_]; }
  const Token& advance() {
    const Token& token = tokens_[index_];
    if (index_ + 1 < tokens_.size()) ++index_;
    return token;
  }

  std::variant<NumberTerm, FilterError> parseItem(bool& carryNot) {
    const Token& first = peek();
    if (first.kind == Tok::Null) {
      advance();
      carryNot = false;
      NumberTerm term;
      term.kind = NumberTerm::Kind::Null;
      term.offset = first.start;
      return term;
    }
    if (first.kind == Tok::Not) {
      advance();
      if (peek().kind == Tok::Null) {
        advance();
        carryNot = false;
        NumberTerm term;
        term.kind = NumberTerm::Kind::Null;
        term.negated = true;
        term.offset = first.start;
        return term;
      }
      bool bare = false;
      auto term = parseValue("after NOT", &bare);
      if (auto* value = std::get_if<NumberTerm>(&term)) {
        value->negated = true;
        value->offset = first.start;
      }
      carryNot = bare;
      return term;
    }
    if (first.kind == Tok::Op && (first.text == "<>" || first.text == "!=")) {
      advance();
      auto number = expectNumber("after '" + std::string(first.text) + "'");
      if (auto* error = std::get_if<FilterError>(&number)) return *error;
      carryNot = false;
      NumberTerm term;
      term.negated = true;
      term.values.push_back(std::get<Decimal>(number));
      term.offset = first.start;
      return term;
    }
    bool bare = false;
    auto term = parseValue("", &bare);
    if (auto* value = std::get_if<NumberTerm>(&term)) value->negated = carryNot && bare;
    carryNot = carryNot && bare;
    return term;
  }

  /// A value, list member, comparison chain or interval; `bare` when it is a plain number.
  std::variant<NumberTerm, FilterError> parseValue(const std::string& context, bool* bare) {
    const Token& first = peek();
    NumberTerm term;
    term.offset = first.start;
    if (first.kind == Tok::Number) {
      auto number = expectNumber(context);
      if (auto* error = std::get_if<FilterError>(&number)) return *error;
      if (peek().kind != Tok::To) {
        *bare = true;
        term.values.push_back(std::get<Decimal>(number));
        return term;
      }
      advance();
      term.kind = NumberTerm::Kind::Range;
      term.low = NumberBound{std::get<Decimal>(number), true};
      if (peek().kind == Tok::Number || peek().kind == Tok::Bad) {
        auto high = expectNumber("after 'to'");
        if (auto* error = std::get_if<FilterError>(&high)) return *error;
        term.high = NumberBound{std::get<Decimal>(high), true};
      }
      return checkRange(term);
    }
    if (first.kind == Tok::To) {
      advance();
      auto high = expectNumber("after 'to'");
      if (auto* error = std::get_if<FilterError>(&high)) return *error;
      term.kind = NumberTerm::Kind::Range;
      term.high = NumberBound{std::get<Decimal>(high), true};
      return term;
    }
    if (first.kind == Tok::Open) return parseInterval();
    if (first.kind == Tok::Op && first.text == "=") {
      advance();
      auto number = expectNumber("after '='");
      if (auto* error = std::get_if<FilterError>(&number)) return *error;
      term.values.push_back(std::get<Decimal>(number));
      return term;
    }
    if (first.kind == Tok::Op && first.text != "<>" && first.text != "!=") {
      term.kind = NumberTerm::Kind::Range;
      if (auto error = parseComparison(term)) return *error;
      if (peek().kind == Tok::And) {
        const Token& andToken = advance();
        const Token& second = peek();
        const bool wasLower = term.low.has_value();
        if (second.kind != Tok::Op || second.text == "<>" || second.text == "!=" ||
            second.text == "=") {
          return makeError(FilterCode::filter_syntax, second.start,
                           "expected '<', '<=', '>' or '>=' after AND at position " +
                               std::to_string(second.start) + ", found " +
                               describeFound(second.text));
        }
        const bool secondLower = second.text[0] == '>';
        if (secondLower == wasLower) {
          return makeError(FilterCode::filter_syntax, andToken.start,
                           "AND at position " + std::to_string(andToken.start) +
                               " must join a lower bound ('>' or '>=') and an upper bound "
                               "('<' or '<=')",
                           "write a range such as >= 5 AND <= 10, or use [5,10]");
        }
        if (auto error = parseComparison(term)) return *error;
      }
      return checkRange(term);
    }
    if (first.kind == Tok::Bad && first.text == "!") {
      return makeError(
          FilterCode::filter_syntax, first.start,
          "'!' at position " + std::to_string(first.start) + " must be followed by '='",
          "write != 5 or NOT 5");
    }
    if (first.kind == Tok::Bad) return badNumber(first, context);
    return makeError(FilterCode::filter_syntax, first.start,
                     "expected a number, a range or NULL" +
                         (context.empty() ? std::string() : " " + context) + " at position " +
                         std::to_string(first.start) + ", found " + describeFound(first.text),
                     "examples: 5; 1, 3, 5; >= 10; 5 to 10; [1,100); NOT NULL");
  }

  std::optional<FilterError> parseComparison(NumberTerm& term) {
    const Token& op = advance();
    auto number = expectNumber("after '" + std::string(op.text) + "'");
    if (auto* error = std::get_if<FilterError>(&number)) return *error;
    const bool inclusive = op.text.size() == 2;
    NumberBound bound{std::get<Decimal>(number), inclusive};
    (op.text[0] == '>' ? term.low : term.high) = bound;
    return std::nullopt;
  }

  std::variant<NumberTerm, FilterError> parseInterval() {
    const Token& open = advance();
    NumberTerm term;
    term.kind = NumberTerm::Kind::Range;
    term.offset = open.start;
    const bool lowInclusive = open.text == "[";
    if (peek().kind == Tok::Inf && peek().negative) {
      advance();
    } else if (peek().kind != Tok::Comma) {
      auto low = expectNumber("as the lower bound");
      if (auto* error = std::get_if<FilterError>(&low)) return *error;
      term.low = NumberBound{std::get<Decimal>(low), lowInclusive};
    }
    if (peek().kind != Tok::Comma) {
      return makeError(FilterCode::filter_syntax, peek().start,
                       "expected ',' between the bounds of the range at position " +
                           std::to_string(peek().start) + ", found " + describeFound(peek().text),
                       "write a range as [low,high], (low,high), [low,) or (,high]");
    }
    advance();
    if (peek().kind == Tok::Inf && !peek().negative) {
      advance();
    } else if (peek().kind != Tok::Close) {
      auto high = expectNumber("as the upper bound");
      if (auto* error = std::get_if<FilterError>(&high)) return *error;
      term.high = NumberBound{std::get<Decimal>(high), true};
    }
    if (peek().kind != Tok::Close) {
      return makeError(FilterCode::filter_syntax, peek().start,
                       "expected ']' or ')' to close the range opened at position " +
                           std::to_string(open.start) + ", found " + describeFound(peek().text));
    }
    const Token& close = advance();
    if (term.high) term.high->inclusive = close.text == "]";
    if (!term.low && !term.high) {
      return makeError(FilterCode::filter_syntax, open.start,
                       "the range at position " + std::to_string(open.start) + " has no bounds",
                       "give at least one bound, e.g. [1,) or (,100]");
    }
    return checkRange(term);
  }

  std::variant<NumberTerm, FilterError> checkRange(NumberTerm& term) {
    if (term.low && term.high) {
      const int order = term.low->value.compare(term.high->value);
      if (order > 0 || (order == 0 && !(term.low->inclusive && term.high->inclusive))) {
        return makeError(FilterCode::filter_empty_range, term.offset,
                         "the range from " + term.low->value.sql() + " to " +
                             term.high->value.sql() + " at position " +
                             std::to_string(term.offset) + " contains no number",
                         "write the smaller bound first");
      }
    }
    return std::move(term);
  }

  std::variant<Decimal, FilterError> expectNumber(const std::string& context) {
    const Token& token = peek();
    if (token.kind == Tok::Number) {
      advance();
      const Decimal& number = token.number;
      const int64_t point = static_cast<int64_t>(number.digits.size()) + number.exponent;
      if (point > kMaxDecimalPoint || point < -kMaxDecimalPoint) {
        return makeError(FilterCode::filter_out_of_range, token.start,
                         "the number " + describeFound(token.text) + " at position " +
                             std::to_string(token.start) + " is out of range");
      }
      return number;
    }
    if (token.kind == Tok::Bad) return badNumber(token, context);
    return makeError(FilterCode::filter_invalid_number, token.start,
                     "expected a number" + (context.empty() ? std::string() : " " + context) +
                         " at position " + std::to_string(token.start) + ", found " +
                         describeFound(token.text));
  }

  FilterError badNumber(const Token& token, const std::string& context) const {
    const char first = token.text.empty() ? '\0' : token.text[0];
    const bool numeric = isDigit(first) || first == '.' || first == '-' || first == '+';
    if (numeric && token.errorAt > token.start) {
      return makeError(FilterCode::filter_invalid_number, token.errorAt,
                       "invalid number " + describeFound(token.text) + ": unexpected " +
                           describeFound(expr_.substr(token.errorAt, 1)) + " at position " +
                           std::to_string(token.errorAt),
                       "numbers are written like 5, -2.5 or 1e6");
    }
    return makeError(FilterCode::filter_invalid_number, token.errorAt,
                     "expected a number" + (context.empty() ? std::string() : " " + context) +
                         " at position " + std::to_string(token.start) + ", found " +
                         describeFound(token.text),
                     "numbers are written like 5, -2.5 or 1e6");
  }

  std::string_view expr_;
  std::vector<Token> tokens_;
  size_t index_ = 0;
};

}  // namespace

std::variant<NumberFilter, FilterError> parseNumberFilter(std::string_view expr) {
  return NumberParser(expr).parse();
}

}  // namespace lkml::codegen::filter
