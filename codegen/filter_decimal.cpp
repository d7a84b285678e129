// Exact decimal numbers for number filters: parsed from text, printed back canonically.
#include <algorithm>
#include <cstdlib>

#include "codegen/filter_internal.h"

namespace lkml::codegen {
namespace {

/// Beyond this many digits on either side of the point, numbers are printed in E notation.
constexpr int64_t kPlainDigits = 40;
/// Exponents are read with at most this many digits (larger ones are rejected as out of range).
constexpr size_t kMaxExponentDigits = 9;

}  // namespace

std::string Decimal::sql() const {
  if (digits == "0") return "0";
  const int64_t n = static_cast<int64_t>(digits.size());
  const int64_t point = n + exponent;  // digits before the decimal point
  std::string out = negative ? "-" : "";
  if (exponent >= 0 && point <= kPlainDigits) {
    out += digits + std::string(static_cast<size_t>(exponent), '0');
  } else if (exponent < 0 && point > 0) {
    out += digits.substr(0, static_cast<size_t>(point)) + "." +
           digits.substr(static_cast<size_t>(point));
  } else if (exponent < 0 && -point < kPlainDigits) {
    out += "0." + std::string(static_cast<size_t>(-point), '0') + digits;
  } else {
    const int64_t scientific = point - 1;
    out += digits.substr(0, 1);
    if (n > 1) out += "." + digits.substr(1);
    out += scientific >= 0 ? "E+" : "E-";
    out += std::to_string(scientific >= 0 ? scientific : -scientific);
  }
  return out;
}

int Decimal::compare(const Decimal& other) const {
  const int sign = digits == "0" ? 0 : (negative ? -1 : 1);
  const int otherSign = other.digits == "0" ? 0 : (other.negative ? -1 : 1);
  if (sign != otherSign) return sign < otherSign ? -1 : 1;
  if (sign == 0) return 0;
  const int64_t point = static_cast<int64_t>(digits.size()) + exponent;
  const int64_t otherPoint = static_cast<int64_t>(other.digits.size()) + other.exponent;
  int magnitude = 0;
  if (point != otherPoint) {
    magnitude = point < otherPoint ? -1 : 1;
  } else {
    const size_t width = std::max(digits.size(), other.digits.size());
    std::string a = digits, b = other.digits;
    a.resize(width, '0');
    b.resize(width, '0');
    magnitude = a.compare(b) < 0 ? -1 : (a.compare(b) > 0 ? 1 : 0);
  }
  return magnitude * sign;
}

namespace filter {

std::variant<Decimal, size_t> parseDecimal(std::string_view text) {
  size_t i = 0;
  Decimal value;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
    value.negative = text[i] == '-';
    ++i;
  }
  std::string mantissa;
  size_t fraction = 0;
  while (i < text.size() && isDigit(text[i])) mantissa += text[i++];
  if (i < text.size() && text[i] == '.') {
    ++i;
    while (i < text.size() && isDigit(text[i])) {
      mantissa += text[i++];
      ++fraction;
    }
  }
  if (mantissa.empty()) return i < text.size() ? i : text.size();
  int64_t exponent = 0;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    const size_t ePos = i++;
    bool negativeExponent = false;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) negativeExponent = text[i++] == '-';
    const size_t start = i;
    while (i < text.size() && isDigit(text[i])) ++i;
    if (i == start) return i < text.size() ? i : ePos;
    if (i - start > kMaxExponentDigits) return start;
    exponent = std::strtoll(std::string(text.substr(start, i - start)).c_str(), nullptr, 10);
    if (negativeExponent) exponent = -exponent;
  }
  if (i != text.size()) return i;
  exponent -= static_cast<int64_t>(fraction);
  const size_t first = mantissa.find_first_not_of('0');
  if (first == std::string::npos) return Decimal{};
  mantissa.erase(0, first);
  const size_t last = mantissa.find_last_not_of('0');
  exponent += static_cast<int64_t>(mantissa.size() - 1 - last);
  mantissa.erase(last + 1);
  value.digits = mantissa;
  value.exponent = exponent;
  return value;
}

}  // namespace filter
}  // namespace lkml::codegen
