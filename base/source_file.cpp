#include "base/source_file.h"

#include <algorithm>
#include <cstring>

namespace lkml {

SourceFile::SourceFile(FileId id, std::string path, std::string text)
    : id_(id), path_(std::move(path)), text_(std::move(text)) {}

std::string_view SourceFile::slice(Span span) const {
  std::string_view all = text_;
  if (span.begin > all.size()) return {};
  return all.substr(span.begin, std::min<size_t>(span.end, all.size()) - span.begin);
}

void SourceFile::computeLineStarts() const {
  if (!line_starts_.empty()) return;
  line_starts_.push_back(0);
  const char* data = text_.data();
  const char* end = data + text_.size();
  for (const char* p = data; (p = static_cast<const char*>(std::memchr(p, '\n', end - p)));) {
    ++p;
    line_starts_.push_back(static_cast<uint32_t>(p - data));
  }
}

uint32_t SourceFile::lineCount() const {
  computeLineStarts();
  return static_cast<uint32_t>(line_starts_.size());
}

LineCol SourceFile::lineCol(uint32_t offset) const {
  computeLineStarts();
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text_.size()));
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  uint32_t line_index = static_cast<uint32_t>(it - line_starts_.begin()) - 1;
  uint32_t column = 1;
  for (uint32_t i = line_starts_[line_index]; i < offset; ++i) {
    // Count code points: continuation bytes (10xxxxxx) do not start a character.
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
  }
  return {line_index + 1, column};
}

std::string_view SourceFile::lineText(uint32_t line) const {
  computeLineStarts();
  if (line == 0 || line > line_starts_.size()) return {};
  uint32_t begin = line_starts_[line - 1];
  uint32_t end = line < line_starts_.size() ? line_starts_[line] : text_.size();
  std::string_view text = std::string_view(text_).substr(begin, end - begin);
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
  return text;
}

const SourceFile& SourceMap::add(std::string path, std::string text) {
  auto id = static_cast<FileId>(files_.size());
  files_.push_back(std::make_unique<SourceFile>(id, std::move(path), std::move(text)));
  return *files_.back();
}

}  // namespace lkml
