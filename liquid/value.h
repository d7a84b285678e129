// A Liquid value. Strings remember, byte by byte, whether each byte came from the template
// (written by the LookML developer) or from a user (user attributes, filters, parameters), so
// filters such as `replace` keep user text marked and the SQL renderer can escape exactly the
// user's bytes, wherever they end up.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lkml::liquid {

enum class Origin : uint8_t { Template, User };

struct Value {
  enum class Kind { Nil, Bool, Number, String, Array };
  Kind kind = Kind::Nil;
  bool boolean = false;
  double number = 0;
  std::string text;            // String
  std::vector<Origin> origin;  // String: one per byte of `text`, or empty = all Template
  std::vector<Value> items;    // Array (items are never arrays themselves)

  static Value nil() { return {}; }
  static Value fromBool(bool b);
  static Value fromNumber(double n);
  static Value templateString(std::string s);
  static Value userString(std::string s);

  bool truthy() const { return !(kind == Kind::Nil || (kind == Kind::Bool && !boolean)); }
  /// Liquid's `empty`: "" or an empty array.
  bool isEmpty() const;
  /// Liquid's `blank`: nil, false, whitespace-only text or an empty array.
  bool isBlank() const;
  Origin originAt(size_t i) const { return origin.empty() ? Origin::Template : origin[i]; }
  bool hasUserBytes() const;
  /// The text Liquid prints (numbers as integers when whole, arrays concatenated).
  std::string toText() const;
  /// toText() with the origin of every byte.
  void appendTo(std::string* text, std::vector<Origin>* origins) const;
  /// The value as a string with origins (numbers and booleans are Template).
  Value asString() const;
  void append(std::string_view s, Origin o);
  void append(const Value& string_value);
};

/// Liquid's `==`: numbers numerically, strings by text, nil only with nil.
bool liquidEquals(const Value& a, const Value& b);
/// Formats a number as Liquid prints it: "3", "-2", "1.5".
std::string formatNumber(double n);

}  // namespace lkml::liquid
