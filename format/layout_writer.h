// The output side of `lkml fmt`: lines, indentation, blank lines and comments. The formatter
// (formatter.cpp) writes tokens in source order; before each one it asks for the comments that
// precede it in the source, which this class places: a comment that began its source line goes
// on a line of its own at the indentation of what follows it, one that followed a token stays at
// the end of the line that token was written on.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "grammar/syntax_tree.h"

namespace lkml::format {

class LayoutWriter {
 public:
  LayoutWriter(std::string_view source, const std::vector<syntax::Comment>& comments,
               uint32_t indent_width);

  /// Writes every comment not yet written that begins before `offset`; own-line ones at
  /// `depth`. `*container_empty` tells whether anything stood on a line of its own yet in the
  /// enclosing block, list or file (no blank line goes before the first); it is cleared when an
  /// own-line comment is written.
  void commentsBefore(uint32_t offset, uint32_t depth, bool* container_empty);
  /// Starts a line at `depth` for the member or list item at source `offset`, after one blank
  /// line when the source has a blank line since the last thing written and the container is
  /// not empty.
  void beginLine(uint32_t offset, uint32_t depth, bool* container_empty);
  /// Appends `text` to the open line (after a space when `spaced`); when a trailing comment
  /// closed the line, continues on a new line at `continuation_depth`.
  void write(std::string_view text, uint32_t continuation_depth, bool spaced = false);
  /// Like write(), and records that the source was consumed up to `source_end`.
  void writeToken(std::string_view text, uint32_t source_end, uint32_t continuation_depth,
                  bool spaced = false);
  /// Starts a line with `prefix` as written (no indentation of its own), then `text`.
  void writeRawLine(std::string_view prefix, std::string_view text, uint32_t source_end);
  /// Ends the open line, if any.
  void endLine();
  /// Counts the lines started so far (to tell whether something was written in between).
  size_t linesStarted() const { return lines_started_; }
  /// True when any comment begins inside [begin, end).
  bool hasCommentIn(uint32_t begin, uint32_t end) const;
  /// The text written, with the file's byte-order mark; every comment must have been written.
  std::string finish();

  std::string_view newline() const { return newline_; }

 private:
  void indent(uint32_t depth);
  bool blankLineBefore(uint32_t offset) const;
  bool isTrailing(const syntax::Comment& comment) const;

  std::string_view source_;
  const std::vector<syntax::Comment>& comments_;
  size_t next_comment_ = 0;
  uint32_t indent_width_;
  uint32_t consumed_ = 0;  // source offset up to which tokens and comments were written
  bool line_open_ = false;
  size_t lines_started_ = 0;
  std::string_view newline_ = "\n";
  std::string out_;
};

}  // namespace lkml::format
