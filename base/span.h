// Source locations: byte ranges into one file of a SourceMap. Line and column are computed
// only when a diagnostic is rendered (as Clang's SourceLocation and DuckDB's QueryLocation do).
#pragma once

#include <cstdint>

namespace lkml {

using FileId = uint32_t;
inline constexpr FileId kNoFile = UINT32_MAX;

struct Span {
  FileId file = kNoFile;
  uint32_t begin = 0;  // byte offset of the first byte
  uint32_t end = 0;    // byte offset one past the last byte

  bool valid() const { return file != kNoFile; }
  uint32_t size() const { return end - begin; }
};

}  // namespace lkml
