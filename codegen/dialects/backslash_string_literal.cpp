#include "codegen/dialects/backslash_string_literal.h"

#include <cstdio>
#include <stdexcept>

namespace lkml::codegen {

std::string backslashStringLiteral(std::string_view value, std::string_view quote) {
  if (value.find('\0') != std::string_view::npos) {
    throw std::invalid_argument("string literal contains a NUL byte");
  }
  std::string out = "'";
  for (char c : value) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '\'') {
      out += quote;
    } else if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (u < 0x20 || u == 0x7F) {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\x%02X", u);
      out += buffer;
    } else {
      out += c;
    }
  }
  return out + "'";
}

}  // namespace lkml::codegen
