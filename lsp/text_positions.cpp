#include "lsp/text_positions.h"

#include <algorithm>
#include <cctype>

namespace lkml::lsp {

namespace {

bool isContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Bytes of the UTF-8 sequence starting with `lead` (1 for a stray byte).
uint32_t sequenceLength(char lead) {
  auto b = static_cast<unsigned char>(lead);
  if (b >= 0xF0 && b <= 0xF4) return 4;
  if (b >= 0xE0) return b <= 0xEF ? 3 : 1;
  if (b >= 0xC2) return 2;
  return 1;
}

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') starts_.push_back(static_cast<uint32_t>(i + 1));
  }
}

uint32_t LineIndex::lineEnd(uint32_t line) const {
  if (line + 1 >= starts_.size()) return static_cast<uint32_t>(text_.size());
  uint32_t end = starts_[line + 1] - 1;  // the '\n'
  if (end > starts_[line] && text_[end - 1] == '\r') --end;
  return end;
}

uint32_t LineIndex::offsetOf(Position position, PositionEncoding encoding) const {
  if (position.line >= starts_.size()) return static_cast<uint32_t>(text_.size());
  uint32_t at = starts_[position.line];
  uint32_t end = lineEnd(position.line);
  if (encoding == PositionEncoding::Utf8) {
    at = std::min<uint64_t>(uint64_t{at} + position.character, end);
    while (at > starts_[position.line] && at < text_.size() && isContinuation(text_[at])) --at;
    return at;
  }
  uint32_t units = 0;
  while (at < end && units < position.character) {
    uint32_t n = std::min(sequenceLength(text_[at]), end - at);
    units += n == 4 ? 2 : 1;                // a code point above U+FFFF is a surrogate pair
    if (units > position.character) break;  // inside a pair: stay before it
    at += n;
  }
  return at;
}

Position LineIndex::positionOf(uint32_t offset, PositionEncoding encoding) const {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text_.size()));
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  uint32_t line = static_cast<uint32_t>(it - starts_.begin()) - 1;
  Position p;
  p.line = line;
  uint32_t at = starts_[line];
  if (encoding == PositionEncoding::Utf8) {
    p.character = offset - at;
    return p;
  }
  while (at < offset) {
    uint32_t n = sequenceLength(text_[at]);
    p.character += n == 4 ? 2 : 1;
    at += n;
  }
  return p;
}

std::string uriToPath(const std::string& uri) {
  const std::string scheme = "file://";
  if (uri.compare(0, scheme.size(), scheme) != 0) return "";
  std::string rest = uri.substr(scheme.size());
  size_t slash = rest.find('/');
  if (slash == std::string::npos) return "";
  rest = rest.substr(slash);  // drops an authority such as `localhost`
  std::string path;
  for (size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == '%' && i + 2 < rest.size() && hexValue(rest[i + 1]) >= 0 &&
        hexValue(rest[i + 2]) >= 0) {
      char c = static_cast<char>(hexValue(rest[i + 1]) * 16 + hexValue(rest[i + 2]));
      if (c == '\0') return "";  // a NUL cannot name a file
      path.push_back(c);
      i += 2;
    } else if (rest[i] == '?' || rest[i] == '#') {
      break;
    } else {
      path.push_back(rest[i]);
    }
  }
  return path;
}

std::string pathToUri(const std::string& path) {
  static const char* hex = "0123456789ABCDEF";
  std::string uri = "file://";
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '.' || c == '_' || c == '~') {
      uri.push_back(static_cast<char>(c));
    } else {
      uri.push_back('%');
      uri.push_back(hex[c >> 4]);
      uri.push_back(hex[c & 15]);
    }
  }
  return uri;
}

}  // namespace lkml::lsp
