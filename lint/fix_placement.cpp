#include "lint/fix_placement.h"

#include <algorithm>

namespace lkml::lint {

namespace {

bool blank(char c) { return c == ' ' || c == '\t'; }

// A removal that leaves only blanks on its line(s) takes the whole line with it.
Fix widenRemoval(const std::string& text, Fix fix) {
  size_t begin = fix.span.begin, end = fix.span.end;
  while (begin > 0 && blank(text[begin - 1])) --begin;
  if (begin > 0 && text[begin - 1] != '\n') return fix;
  while (end < text.size() && (blank(text[end]) || text[end] == '\r')) ++end;
  if (end < text.size() && text[end] != '\n') return fix;
  if (end < text.size()) ++end;  // the newline
  fix.span.begin = static_cast<uint32_t>(begin);
  fix.span.end = static_cast<uint32_t>(end);
  return fix;
}

// A parameter inserted before a block's closing `}`: on a line of its own, indented like the
// members (the brace's indentation plus two spaces), or inline when the block is one line.
Fix placeOnOwnLine(const std::string& text, Fix fix) {
  size_t at = fix.span.begin;
  size_t line_start = at;
  while (line_start > 0 && blank(text[line_start - 1])) --line_start;
  if (line_start == 0 || text[line_start - 1] == '\n') {
    std::string indent = text.substr(line_start, at - line_start);
    fix.span.begin = fix.span.end = static_cast<uint32_t>(line_start);
    fix.replacement = indent + "  " + fix.replacement + "\n";
  } else {
    fix.replacement = " " + fix.replacement + " ";
  }
  fix.own_line = false;
  return fix;
}

}  // namespace

Fix placeFix(const std::string& text, Fix fix) {
  if (fix.span.begin > fix.span.end || fix.span.end > text.size()) {
    fix.span.file = kNoFile;
    return fix;
  }
  if (fix.own_line) {
    if (fix.span.begin >= text.size() || text[fix.span.begin] != '}') {
      fix.span.file = kNoFile;
      return fix;
    }
    return placeOnOwnLine(text, fix);
  }
  return fix.replacement.empty() ? widenRemoval(text, fix) : fix;
}

void placeFixes(std::vector<Diagnostic>* diagnostics, const SourceMap& files) {
  for (Diagnostic& d : *diagnostics) {
    for (Fix& fix : d.fixes) {
      const SourceFile* file = fix.span.valid() ? files.find(fix.span.file) : nullptr;
      if (file) fix = placeFix(std::string(file->text()), fix);
    }
    d.fixes.erase(std::remove_if(d.fixes.begin(), d.fixes.end(),
                                 [](const Fix& f) { return !f.span.valid(); }),
                  d.fixes.end());
  }
}

}  // namespace lkml::lint
