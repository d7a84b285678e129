// A loaded source file and the table of all files of one run (SourceMap).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/span.h"

namespace lkml {

struct LineCol {
  uint32_t line = 1;    // 1-based
  uint32_t column = 1;  // 1-based, in Unicode code points
};

class SourceFile {
 public:
  SourceFile(FileId id, std::string path, std::string text);

  FileId id() const { return id_; }
  const std::string& path() const { return path_; }
  std::string_view text() const { return text_; }
  std::string_view slice(Span span) const;

  LineCol lineCol(uint32_t offset) const;
  /// The text of line `line` (1-based) without its line terminator.
  std::string_view lineText(uint32_t line) const;
  uint32_t lineCount() const;

 private:
  void computeLineStarts() const;

  FileId id_;
  std::string path_;
  std::string text_;
  mutable std::vector<uint32_t> line_starts_;  // computed on first use (rendering only)
};

/// Owns every SourceFile of a run. Files are never removed, so references stay valid.
class SourceMap {
 public:
  const SourceFile& add(std::string path, std::string text);
  const SourceFile& file(FileId id) const { return *files_.at(id); }
  const SourceFile* find(FileId id) const {
    return id < files_.size() ? files_[id].get() : nullptr;
  }
  size_t size() const { return files_.size(); }

 private:
  std::vector<std::unique_ptr<SourceFile>> files_;
};

}  // namespace lkml
