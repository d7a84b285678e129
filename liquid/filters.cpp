// The Liquid filters lkml implements. Each keeps the origin of every byte: bytes copied from
// the input keep theirs, bytes taken from an argument keep the argument's, and text computed
// from user bytes (a formatted date) is user text.
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string_view>

#include "liquid/evaluator.h"

namespace lkml::liquid {

namespace {

Value substring(const Value& s, size_t begin, size_t end) {
  Value out = Value::templateString(s.text.substr(begin, end - begin));
  if (!s.origin.empty()) {
    out.origin.assign(s.origin.begin() + static_cast<std::ptrdiff_t>(begin),
                      s.origin.begin() + static_cast<std::ptrdiff_t>(end));
  }
  return out;
}

Value replaceAll(const Value& s, const std::string& pattern, const Value& replacement) {
  if (pattern.empty()) return s;
  Value out = Value::templateString("");
  size_t pos = 0;
  for (size_t at = s.text.find(pattern); at != std::string::npos; at = s.text.find(pattern, pos)) {
    out.append(substring(s, pos, at));
    out.append(replacement);
    pos = at + pattern.size();
  }
  out.append(substring(s, pos, s.text.size()));
  return out;
}

size_t utf8Length(const std::string& s) {
  size_t n = 0;
  for (char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

bool parseDate(const std::string& text, std::tm* tm) {
  *tm = std::tm{};
  if (text == "now" || text == "today") {
    std::time_t now = std::time(nullptr);
    gmtime_r(&now, tm);
    return true;
  }
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, se = 0;
  char sep = 0;
  int n = std::sscanf(text.c_str(), "%4d-%2d-%2d%c%2d:%2d:%2d", &y, &mo, &d, &sep, &h, &mi, &se);
  if (n < 3 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 60) return false;
  tm->tm_year = y - 1900;
  tm->tm_mon = mo - 1;
  tm->tm_mday = d;
  tm->tm_hour = n >= 5 ? h : 0;
  tm->tm_min = n >= 6 ? mi : 0;
  tm->tm_sec = n >= 7 ? se : 0;
  // Normalise and fill in the weekday and day of the year.
  std::time_t t = timegm(tm);
  gmtime_r(&t, tm);
  return true;
}

double toNumber(const Value& v) {
  if (v.kind == Value::Kind::Number) return v.number;
  if (v.kind == Value::Kind::String) return std::atof(v.text.c_str());
  return 0;
}

}  // namespace

bool applyFilter(const std::string& name, const Value& input, const std::vector<Value>& args,
                 size_t max_text, Value* out, std::string* error) {
  Value s = input.asString();
  auto arg = [&](size_t i) { return i < args.size() ? args[i].asString() : Value(); };
  if (name == "downcase" || name == "upcase") {
    *out = s;
    for (char& c : out->text) {
      c = static_cast<char>(name == "downcase" ? std::tolower(static_cast<unsigned char>(c))
                                               : std::toupper(static_cast<unsigned char>(c)));
    }
  } else if (name == "replace") {
    *out = replaceAll(s, arg(0).text, arg(1));
  } else if (name == "remove") {
    *out = replaceAll(s, arg(0).text, Value::templateString(""));
  } else if (name == "append") {
    *out = s;
    out->append(arg(0));
  } else if (name == "prepend") {
    *out = arg(0);
    out->append(s);
  } else if (name == "split") {
    out->kind = Value::Kind::Array;
    out->items.clear();
    std::string sep = arg(0).text;
    size_t pos = 0;
    if (sep.empty()) {
      for (size_t i = 0; i < s.text.size(); ++i) out->items.push_back(substring(s, i, i + 1));
    } else {
      for (size_t at = s.text.find(sep); at != std::string::npos; at = s.text.find(sep, pos)) {
        out->items.push_back(substring(s, pos, at));
        pos = at + sep.size();
      }
      out->items.push_back(substring(s, pos, s.text.size()));
      // Ruby's split drops trailing empty strings.
      while (!out->items.empty() && out->items.back().text.empty()) out->items.pop_back();
    }
  } else if (name == "join") {
    Value sep = args.empty() ? Value::templateString(" ") : arg(0);
    *out = Value::templateString("");
    if (input.kind != Value::Kind::Array) {
      *out = s;
    } else {
      for (size_t i = 0; i < input.items.size(); ++i) {
        if (i) out->append(sep);
        out->append(input.items[i].asString());
      }
    }
  } else if (name == "size") {
    double n = input.kind == Value::Kind::Array    ? static_cast<double>(input.items.size())
               : input.kind == Value::Kind::String ? static_cast<double>(utf8Length(input.text))
                                                   : 0;
    *out = Value::fromNumber(n);
  } else if (name == "default") {
    *out = (!input.truthy() || input.isEmpty()) ? args[0] : input;
  } else if (name == "date") {
    std::tm tm;
    if (input.kind == Value::Kind::Number) {
      std::time_t t = static_cast<std::time_t>(input.number);
      gmtime_r(&t, &tm);
    } else if (!parseDate(s.text, &tm)) {
      *out = input;  // Liquid leaves what it cannot read as a date unchanged
      return true;
    }
    char buffer[256];
    size_t n = std::strftime(buffer, sizeof buffer, arg(0).text.c_str(), &tm);
    *out = s.hasUserBytes() ? Value::userString(std::string(buffer, n))
                            : Value::templateString(std::string(buffer, n));
  } else if (name == "sql_quote") {
    // Template quotes are doubled here; user bytes are escaped by whoever writes the SQL.
    *out = Value::templateString("'");
    for (size_t i = 0; i < s.text.size(); ++i) {
      if (s.originAt(i) == Origin::Template && s.text[i] == '\'') {
        out->append("''", Origin::Template);
      } else {
        out->append(std::string_view(&s.text[i], 1), s.originAt(i));
      }
    }
    out->append("'", Origin::Template);
  } else if (name == "url_encode") {
    *out = Value::templateString("");
    for (size_t i = 0; i < s.text.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(s.text[i]);
      if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
        out->append(std::string_view(&s.text[i], 1), s.originAt(i));
      } else if (c == ' ') {
        out->append("+", s.originAt(i));
      } else {
        char hex[4];
        std::snprintf(hex, sizeof hex, "%%%02X", c);
        out->append(hex, s.originAt(i));
      }
    }
  } else if (name == "plus" || name == "minus" || name == "times" || name == "divided_by" ||
             name == "modulo" || name == "round" || name == "abs" || name == "ceil" ||
             name == "floor") {
    double x = toNumber(input), y = args.empty() ? 0 : toNumber(args[0]);
    double r = 0;
    if (name == "plus") r = x + y;
    if (name == "minus") r = x - y;
    if (name == "times") r = x * y;
    if (name == "divided_by" || name == "modulo") {
      if (y == 0) {
        *error = "filter `" + name + "` divides by zero";
        return false;
      }
      bool integers = std::floor(x) == x && std::floor(y) == y;
      // Liquid divides integers as integers (floor), like Ruby.
      r = name == "modulo" ? std::fmod(x, y) : (integers ? std::floor(x / y) : x / y);
    }
    if (name == "round") {
      double scale = std::pow(10.0, std::floor(y));
      r = std::round(x * scale) / scale;
    }
    if (name == "abs") r = std::fabs(x);
    if (name == "ceil") r = std::ceil(x);
    if (name == "floor") r = std::floor(x);
    if (!std::isfinite(r)) {
      *error = "filter `" + name + "` gave a number out of range";
      return false;
    }
    *out = Value::fromNumber(r);
  } else if (name == "encode_uri") {
    *out = Value::templateString("");
    for (size_t i = 0; i < s.text.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(s.text[i]);
      if (std::isalnum(c) || std::string_view("-_.!~*'();/?:@&=+$,#").find(static_cast<char>(c)) !=
                                 std::string_view::npos) {
        out->append(std::string_view(&s.text[i], 1), s.originAt(i));
      } else {
        char hex[4];
        std::snprintf(hex, sizeof hex, "%%%02X", c);
        out->append(hex, s.originAt(i));
      }
    }
  } else if (name == "strip") {
    size_t b = 0, e = s.text.size();
    while (b < e && std::isspace(static_cast<unsigned char>(s.text[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(s.text[e - 1]))) --e;
    *out = substring(s, b, e);
  } else {
    *error = "unknown Liquid filter `" + name + "`";
    return false;
  }
  if (out->kind == Value::Kind::String && !out->hasUserBytes()) out->origin.clear();
  if (out->text.size() > max_text) {
    *error =
        "filter `" + name + "` made a string longer than " + std::to_string(max_text) + " bytes";
    return false;
  }
  return true;
}

}  // namespace lkml::liquid
