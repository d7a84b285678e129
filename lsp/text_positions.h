// LSP positions (line, character) and byte offsets. LSP 3.17 counts characters in UTF-16 code
// units unless the client and server agree on UTF-8 (`positionEncoding`); lkml's spans are
// byte offsets into UTF-8 text. Every conversion clamps: a position past the end of its line
// or of the file is the end, so a stale or hostile position never reads out of bounds.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lkml::lsp {

enum class PositionEncoding { Utf16, Utf8 };

struct Position {
  uint32_t line = 0;       // 0-based
  uint32_t character = 0;  // 0-based, in the encoding's code units
};

/// The line starts of one text (lines end at "\n"; a "\r" before it is not part of the line).
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);

  /// The byte offset of `position`, clamped to the line's end (before "\r\n") and the text's
  /// end; never inside a UTF-8 sequence.
  uint32_t offsetOf(Position position, PositionEncoding encoding) const;
  /// The position of byte `offset` (clamped to the text).
  Position positionOf(uint32_t offset, PositionEncoding encoding) const;

 private:
  uint32_t lineEnd(uint32_t line) const;  // without the terminator

  std::string_view text_;
  std::vector<uint32_t> starts_;
};

/// `file:///a%20b/c` → `/a b/c`; "" when `uri` is not a file URI.
std::string uriToPath(const std::string& uri);
/// `/a b/c` → `file:///a%20b/c`.
std::string pathToUri(const std::string& path);

}  // namespace lkml::lsp
