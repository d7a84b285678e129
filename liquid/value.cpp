#include "liquid/value.h"

#include <cctype>
#include <cmath>
#include <cstdio>

namespace lkml::liquid {

Value Value::fromBool(bool b) {
  Value v;
  v.kind = Kind::Bool;
  v.boolean = b;
  return v;
}

Value Value::fromNumber(double n) {
  Value v;
  v.kind = Kind::Number;
  v.number = n;
  return v;
}

Value Value::templateString(std::string s) {
  Value v;
  v.kind = Kind::String;
  v.text = std::move(s);
  return v;
}

Value Value::userString(std::string s) {
  Value v;
  v.kind = Kind::String;
  v.origin.assign(s.size(), Origin::User);
  v.text = std::move(s);
  return v;
}

bool Value::isEmpty() const {
  return (kind == Kind::String && text.empty()) || (kind == Kind::Array && items.empty());
}

bool Value::isBlank() const {
  if (!truthy() || isEmpty()) return true;
  if (kind != Kind::String) return false;
  for (char c : text) {
    if (!std::isspace(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

bool Value::hasUserBytes() const {
  for (Origin o : origin) {
    if (o == Origin::User) return true;
  }
  for (const Value& item : items) {
    if (item.hasUserBytes()) return true;
  }
  return false;
}

std::string formatNumber(double n) {
  if (std::isfinite(n) && std::floor(n) == n && std::fabs(n) < 1e15) {
    return std::to_string(static_cast<long long>(n));
  }
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.15g", n);
  return buffer;
}

std::string Value::toText() const {
  std::string out;
  std::vector<Origin> ignored;
  appendTo(&out, &ignored);
  return out;
}

void Value::appendTo(std::string* out, std::vector<Origin>* origins) const {
  switch (kind) {
    case Kind::Nil:
      return;
    case Kind::Bool: {
      std::string s = boolean ? "true" : "false";
      *out += s;
      origins->insert(origins->end(), s.size(), Origin::Template);
      return;
    }
    case Kind::Number: {
      std::string s = formatNumber(number);
      *out += s;
      origins->insert(origins->end(), s.size(), Origin::Template);
      return;
    }
    case Kind::String:
      *out += text;
      if (origin.empty()) {
        origins->insert(origins->end(), text.size(), Origin::Template);
      } else {
        origins->insert(origins->end(), origin.begin(), origin.end());
      }
      return;
    case Kind::Array:
      for (const Value& item : items) item.appendTo(out, origins);
      return;
  }
}

Value Value::asString() const {
  if (kind == Kind::String) return *this;
  Value v;
  v.kind = Kind::String;
  appendTo(&v.text, &v.origin);
  if (!v.hasUserBytes()) v.origin.clear();
  return v;
}

void Value::append(std::string_view s, Origin o) {
  if (o == Origin::User && origin.empty()) origin.assign(text.size(), Origin::Template);
  text += s;
  if (!origin.empty()) origin.insert(origin.end(), s.size(), o);
}

void Value::append(const Value& string_value) {
  if (string_value.origin.empty()) {
    append(string_value.text, Origin::Template);
    return;
  }
  if (origin.empty()) origin.assign(text.size(), Origin::Template);
  text += string_value.text;
  origin.insert(origin.end(), string_value.origin.begin(), string_value.origin.end());
}

bool liquidEquals(const Value& a, const Value& b) {
  using K = Value::Kind;
  if (a.kind == K::Nil || b.kind == K::Nil) return a.kind == b.kind;
  if (a.kind == K::Number && b.kind == K::Number) return a.number == b.number;
  if (a.kind == K::Bool && b.kind == K::Bool) return a.boolean == b.boolean;
  if (a.kind == K::String && b.kind == K::String) return a.text == b.text;
  if (a.kind == K::Array && b.kind == K::Array) {
    if (a.items.size() != b.items.size()) return false;
    for (size_t i = 0; i < a.items.size(); ++i) {
      if (!liquidEquals(a.items[i], b.items[i])) return false;
    }
    return true;
  }
  return false;
}

}  // namespace lkml::liquid
