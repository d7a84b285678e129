#include "format/layout_writer.h"

#include <algorithm>

namespace lkml::format {

namespace {
constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f'; }
}  // namespace

LayoutWriter::LayoutWriter(std::string_view source, const std::vector<syntax::Comment>& comments,
                           uint32_t indent_width)
    : source_(source), comments_(comments), indent_width_(indent_width) {
  // The file keeps its line ending: the first line's decides (CRLF files stay CRLF).
  size_t nl = source.find('\n');
  if (nl != std::string_view::npos && nl > 0 && source[nl - 1] == '\r') newline_ = "\r\n";
  out_.reserve(source.size() + source.size() / 8);
}

bool LayoutWriter::isTrailing(const syntax::Comment& comment) const {
  for (uint32_t i = comment.span.begin; i > 0; --i) {
    char c = source_[i - 1];
    if (c == '\n') return false;
    if (!isSpace(c)) return i > kBom.size() || source_.substr(0, kBom.size()) != kBom;
  }
  return false;
}

bool LayoutWriter::blankLineBefore(uint32_t offset) const {
  if (offset <= consumed_) return false;
  std::string_view between = source_.substr(consumed_, offset - consumed_);
  size_t first = between.find('\n');
  return first != std::string_view::npos && between.find('\n', first + 1) != std::string_view::npos;
}

bool LayoutWriter::hasCommentIn(uint32_t begin, uint32_t end) const {
  auto it = std::lower_bound(
      comments_.begin() + static_cast<std::ptrdiff_t>(next_comment_), comments_.end(), begin,
      [](const syntax::Comment& c, uint32_t offset) { return c.span.begin < offset; });
  return it != comments_.end() && it->span.begin < end;
}

void LayoutWriter::indent(uint32_t depth) { out_.append(size_t{depth} * indent_width_, ' '); }

void LayoutWriter::endLine() {
  if (!line_open_) return;
  out_.append(newline_);
  line_open_ = false;
}

void LayoutWriter::commentsBefore(uint32_t offset, uint32_t depth, bool* container_empty) {
  while (next_comment_ < comments_.size() && comments_[next_comment_].span.begin < offset) {
    const syntax::Comment& comment = comments_[next_comment_++];
    std::string_view text = comment.text;
    while (!text.empty() && isSpace(text.back())) text.remove_suffix(1);
    if (line_open_ && isTrailing(comment)) {
      out_ += ' ';
    } else {
      beginLine(comment.span.begin, depth, container_empty);
    }
    out_.append(text);
    consumed_ = comment.span.end;
    // A comment runs to the end of its line: whatever follows starts a new one.
    endLine();
  }
}

void LayoutWriter::beginLine(uint32_t offset, uint32_t depth, bool* container_empty) {
  endLine();
  if (!*container_empty && blankLineBefore(offset)) out_.append(newline_);
  *container_empty = false;
  indent(depth);
  line_open_ = true;
  ++lines_started_;
}

void LayoutWriter::write(std::string_view text, uint32_t continuation_depth, bool spaced) {
  if (!line_open_) {
    indent(continuation_depth);
    line_open_ = true;
    ++lines_started_;
  } else if (spaced) {
    out_ += ' ';
  }
  out_.append(text);
}

void LayoutWriter::writeToken(std::string_view text, uint32_t source_end,
                              uint32_t continuation_depth, bool spaced) {
  write(text, continuation_depth, spaced);
  consumed_ = std::max(consumed_, source_end);
}

void LayoutWriter::writeRawLine(std::string_view prefix, std::string_view text,
                                uint32_t source_end) {
  endLine();
  out_.append(prefix);
  out_.append(text);
  line_open_ = true;
  ++lines_started_;
  consumed_ = std::max(consumed_, source_end);
}

std::string LayoutWriter::finish() {
  endLine();
  if (source_.substr(0, kBom.size()) == kBom) out_.insert(0, kBom);
  return std::move(out_);
}

}  // namespace lkml::format
