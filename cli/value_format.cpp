#include "cli/value_format.h"

#include <cctype>
#include <map>
#include <vector>

namespace lkml::cli {

namespace {

// A decimal number as digits and the position of the decimal point: value =
// 0.d1d2d3... x 10^point, sign aside.
struct Decimal {
  bool negative = false;
  std::string digits;  // no leading zeros (empty for zero)
  int point = 0;       // digits before the decimal point
};

std::optional<Decimal> parseDecimal(const std::string& text) {
  Decimal d;
  size_t i = 0;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) d.negative = text[i++] == '-';
  bool any = false, dot = false;
  int point = 0;
  std::string digits;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (std::isdigit(static_cast<unsigned char>(c))) {
      any = true;
      digits += c;
      if (!dot) ++point;
    } else if (c == '.' && !dot) {
      dot = true;
    } else {
      break;
    }
  }
  if (!any) return std::nullopt;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    size_t j = i + 1;
    bool neg = j < text.size() && text[j] == '-';
    if (j < text.size() && (text[j] == '-' || text[j] == '+')) ++j;
    if (j >= text.size() || j + 5 < text.size()) return std::nullopt;
    int exponent = 0;
    for (; j < text.size(); ++j) {
      if (!std::isdigit(static_cast<unsigned char>(text[j]))) return std::nullopt;
      exponent = exponent * 10 + (text[j] - '0');
    }
    point += neg ? -exponent : exponent;
    i = text.size();
  }
  if (i != text.size()) return std::nullopt;  // NaN, Infinity, text
  size_t lead = 0;
  while (lead < digits.size() && digits[lead] == '0') ++lead;
  d.digits = digits.substr(lead);
  d.point = point - static_cast<int>(lead);
  while (!d.digits.empty() && d.digits.back() == '0') d.digits.pop_back();
  if (d.digits.empty()) d.point = 0;
  return d;
}

// Integer and fraction digits of `d` rounded to `decimals` places, half away from zero.
void roundDecimal(const Decimal& d, int decimals, std::string* integer, std::string* fraction) {
  // round(value x 10^decimals) as a digit string: its first `total` digits, then the next
  // digit decides the rounding.
  std::string all;
  int total = d.point + decimals;  // digits kept
  for (int k = 0; k < total; ++k) {
    all += k < static_cast<int>(d.digits.size()) ? d.digits[k] : '0';
  }
  bool round_up = total >= 0 && total < static_cast<int>(d.digits.size()) && d.digits[total] >= '5';
  if (total < 0) all.clear();
  if (round_up) {
    int k = static_cast<int>(all.size()) - 1;
    while (k >= 0 && all[k] == '9') all[k--] = '0';
    if (k >= 0) {
      ++all[k];
    } else {
      all.insert(all.begin(), '1');
    }
  }
  // Left-pad so there are at least `decimals` fraction digits and one integer digit.
  while (static_cast<int>(all.size()) < decimals + 1) all.insert(all.begin(), '0');
  *integer = all.substr(0, all.size() - decimals);
  *fraction = all.substr(all.size() - decimals);
  size_t lead = 0;
  while (lead + 1 < integer->size() && (*integer)[lead] == '0') ++lead;
  integer->erase(0, lead);
}

struct Section {
  std::string prefix, suffix;
  int int_zeros = 0;        // placeholders from the first `0` to the point: minimum digits
  bool grouping = false;    // `,` between integer placeholders
  int scale_thousands = 0;  // `,` after the last placeholder: divide by 1000 each
  int min_decimals = 0, max_decimals = 0;
  bool percent = false;
};

std::optional<Section> parseSection(const std::string& format) {
  Section s;
  bool seen_digit = false, after_point = false;
  int trailing_commas = 0;
  std::string* literal = &s.prefix;
  for (size_t i = 0; i < format.size(); ++i) {
    char c = format[i];
    if (c == '"') {
      size_t end = format.find('"', i + 1);
      if (end == std::string::npos) return std::nullopt;
      if (seen_digit) literal = &s.suffix;
      *literal += format.substr(i + 1, end - i - 1);
      i = end;
    } else if (c == '\\' && i + 1 < format.size()) {
      if (seen_digit) literal = &s.suffix;
      *literal += format[++i];
    } else if (c == '0' || c == '#' || c == '?') {
      if (seen_digit && literal == &s.suffix) return std::nullopt;  // digits after text
      if (trailing_commas) s.grouping = true, trailing_commas = 0;
      seen_digit = true;
      if (after_point) {
        ++s.max_decimals;
        if (c == '0') s.min_decimals = s.max_decimals;
      } else {
        // Every placeholder from the first `0` on is shown (Looker: `00#` pads 1 to `001`).
        if (c == '0' || s.int_zeros > 0) ++s.int_zeros;
      }
    } else if (c == '.' && !after_point && literal != &s.suffix) {
      after_point = true;
      seen_digit = true;
    } else if (c == ',' && seen_digit && literal != &s.suffix) {
      ++trailing_commas;
    } else if (c == '[' || c == 'E' || c == 'e' || c == '@' || c == '*' || c == '_' ||
               std::string("dmyhsDMYHS").find(c) != std::string::npos) {
      return std::nullopt;  // conditions, colours, exponents, text, fills, dates
    } else {
      if (seen_digit) literal = &s.suffix;
      if (c == '%') s.percent = true;
      *literal += c;
    }
  }
  if (!seen_digit) return std::nullopt;
  s.scale_thousands = trailing_commas;
  return s;
}

std::vector<std::string> splitSections(const std::string& format) {
  std::vector<std::string> sections(1);
  bool quoted = false;
  for (size_t i = 0; i < format.size(); ++i) {
    char c = format[i];
    if (c == '"') quoted = !quoted;
    if (c == '\\' && i + 1 < format.size()) {
      sections.back() += c;
      sections.back() += format[++i];
      continue;
    }
    if (c == ';' && !quoted) {
      sections.emplace_back();
      continue;
    }
    sections.back() += c;
  }
  return sections;
}

}  // namespace

std::optional<std::string> builtinValueFormat(const std::string& name) {
  static const std::map<std::string, std::string> kFormats = {
      {"decimal_0", "#,##0"},      {"decimal_1", "#,##0.0"},     {"decimal_2", "#,##0.00"},
      {"decimal_3", "#,##0.000"},  {"decimal_4", "#,##0.0000"},  {"usd_0", "$#,##0"},
      {"usd", "$#,##0.00"},        {"gbp_0", "\"£\"#,##0"},      {"gbp", "\"£\"#,##0.00"},
      {"eur_0", "\"€\"#,##0"},     {"eur", "\"€\"#,##0.00"},     {"id", "0"},
      {"percent_0", "#,##0%"},     {"percent_1", "#,##0.0%"},    {"percent_2", "#,##0.00%"},
      {"percent_3", "#,##0.000%"}, {"percent_4", "#,##0.0000%"},
  };
  auto it = kFormats.find(name);
  if (it == kFormats.end()) return std::nullopt;
  return it->second;
}

std::optional<std::string> applyValueFormat(const std::string& value, const std::string& format) {
  std::optional<Decimal> number = parseDecimal(value);
  if (!number) return std::nullopt;
  std::vector<std::string> sections = splitSections(format);
  if (sections.size() > 3) return std::nullopt;
  bool zero = number->digits.empty();
  // Excel: positive;negative;zero. A negative section is written without the sign.
  size_t which = zero && sections.size() == 3               ? 2
                 : number->negative && sections.size() >= 2 ? 1
                                                            : 0;
  std::optional<Section> s = parseSection(sections[which]);
  if (!s) return std::nullopt;
  Decimal d = *number;
  if (!d.digits.empty()) d.point += (s->percent ? 2 : 0) - 3 * s->scale_thousands;
  std::string integer, fraction;
  roundDecimal(d, s->max_decimals, &integer, &fraction);
  while (static_cast<int>(fraction.size()) > s->min_decimals && fraction.back() == '0') {
    fraction.pop_back();
  }
  if (integer == "0" && s->int_zeros == 0 && !fraction.empty()) integer.clear();  // `#.00`
  while (static_cast<int>(integer.size()) < s->int_zeros) integer.insert(integer.begin(), '0');
  if (s->grouping) {
    for (int k = static_cast<int>(integer.size()) - 3; k > 0; k -= 3) integer.insert(k, ",");
  }
  bool rounded_zero = integer.find_first_not_of("0,") == std::string::npos &&
                      fraction.find_first_not_of('0') == std::string::npos;
  std::string sign = d.negative && which == 0 && !rounded_zero ? "-" : "";
  return sign + s->prefix + integer + (fraction.empty() ? "" : "." + fraction) + s->suffix;
}

}  // namespace lkml::cli
