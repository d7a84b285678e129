// Entry points: checks the bytes, dispatches to the per-type parser and renderer.
#include "codegen/filter_expression.h"

#include <cctype>

#include "codegen/filter_internal.h"

namespace lkml::codegen {

namespace filter {

FilterError makeError(FilterCode code, size_t offset, std::string message, std::string hint) {
  FilterError error;
  error.code = code;
  error.offset = offset;
  error.message = std::move(message);
  error.hint = std::move(hint);
  return error;
}

std::string describeFound(std::string_view token) {
  if (token.empty()) return "the end of the expression";
  return "'" + std::string(token) + "'";
}

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

std::string lowerAscii(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool isDigit(char c) { return c >= '0' && c <= '9'; }

std::optional<FilterError> checkEncoding(std::string_view expr) {
  size_t i = 0;
  while (i < expr.size()) {
    const auto byte = static_cast<unsigned char>(expr[i]);
    if (byte == 0) {
      return makeError(
          FilterCode::filter_invalid_character, i,
          "NUL byte at position " + std::to_string(i) + " cannot appear in a filter expression",
          "remove the control character");
    }
    size_t length = 1;
    unsigned min = 0;
    if (byte < 0x80) {
      length = 1;
    } else if ((byte & 0xE0) == 0xC0) {
      length = 2;
      min = 0x80;
    } else if ((byte & 0xF0) == 0xE0) {
      length = 3;
      min = 0x800;
    } else if ((byte & 0xF8) == 0xF0) {
      length = 4;
      min = 0x10000;
    } else {
      length = 0;
    }
    bool valid = length > 0 && i + length <= expr.size();
    unsigned code = length > 1 ? byte & (0x7F >> length) : byte;
    for (size_t k = 1; valid && k < length; ++k) {
      const auto next = static_cast<unsigned char>(expr[i + k]);
      if ((next & 0xC0) != 0x80) valid = false;
      code = (code << 6) | (next & 0x3F);
    }
    if (valid && length > 1 &&
        (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))) {
      valid = false;
    }
    if (!valid) {
      return makeError(FilterCode::filter_invalid_character, i,
                       "invalid UTF-8 at position " + std::to_string(i),
                       "filter expressions must be UTF-8 text");
    }
    i += length;
  }
  return std::nullopt;
}

}  // namespace filter

const char* filterTypeName(FilterType type) {
  switch (type) {
    case FilterType::String:
      return "string";
    case FilterType::Number:
      return "number";
    case FilterType::Date:
      return "date";
    case FilterType::YesNo:
      return "yesno";
  }
  return "string";
}

std::variant<FilterExpr, FilterError> parseFilterExpression(std::string_view expr,
                                                            FilterType type) {
  registerFilterDiagnosticCodes();
  if (auto error = filter::checkEncoding(expr)) return *error;
  FilterExpr result;
  result.type = type;
  bool blank = true;
  for (char c : expr) blank = blank && filter::isSpace(c);
  if (blank) return result;  // no filter

  auto take = [&result](auto parsed) -> std::variant<FilterExpr, FilterError> {
    if (auto* error = std::get_if<FilterError>(&parsed)) return *error;
    std::visit(
        [&result](auto& body) {
          if constexpr (!std::is_same_v<std::decay_t<decltype(body)>, FilterError>) {
            result.body = std::move(body);
          }
        },
        parsed);
    return result;
  };
  switch (type) {
    case FilterType::String:
      return take(filter::parseStringFilter(expr));
    case FilterType::Number:
      return take(filter::parseNumberFilter(expr));
    case FilterType::Date:
      return take(filter::parseDateFilter(expr));
    case FilterType::YesNo:
      return take(filter::parseYesNoFilter(expr));
  }
  return result;
}

std::string renderFilter(const FilterExpr& filter, const std::string& target,
                         const Dialect& dialect, const FilterContext& ctx) {
  if (const auto* strings = std::get_if<StringFilter>(&filter.body)) {
    return filter::renderStringFilter(*strings, target, dialect, ctx);
  }
  if (const auto* numbers = std::get_if<NumberFilter>(&filter.body)) {
    return filter::renderNumberFilter(*numbers, target);
  }
  if (const auto* dates = std::get_if<DateFilter>(&filter.body)) {
    return filter::renderDateFilter(*dates, target, dialect, ctx);
  }
  if (const auto* yesno = std::get_if<YesNoFilter>(&filter.body)) {
    return filter::renderYesNoFilter(*yesno, target);
  }
  return "";
}

}  // namespace lkml::codegen
