#include "format/sql_text.h"

namespace lkml::format {

namespace {
bool isBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f'; }
}  // namespace

std::string trimLineEnds(std::string_view sql, std::string_view newline) {
  std::string out;
  out.reserve(sql.size() + 16);
  char quote = 0;  // the open literal's quote character, 0 outside literals
  size_t line_begin = 0;
  while (line_begin <= sql.size()) {
    size_t line_end = sql.find('\n', line_begin);
    const bool last = line_end == std::string_view::npos;
    if (last) line_end = sql.size();
    std::string_view line = sql.substr(line_begin, line_end - line_begin);
    for (size_t i = 0; i < line.size(); ++i) {
      char c = line[i];
      if (quote) {
        if (c == quote) quote = 0;  // '' inside a literal closes and reopens: same state
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '-' && i + 1 < line.size() && line[i + 1] == '-') {
        break;
      }
    }
    // A CR before the LF is the line ending's, never the literal's: the newline re-adds it.
    if (!line.empty() && line.back() == '\r' && !last) line.remove_suffix(1);
    if (!quote || last) {
      while (!line.empty() && isBlank(line.back())) line.remove_suffix(1);
    }
    out.append(line);
    if (last) break;
    out.append(newline);
    line_begin = line_end + 1;
  }
  return out;
}

bool lastLineHasLineComment(std::string_view sql) {
  size_t nl = sql.rfind('\n');
  std::string_view last = nl == std::string_view::npos ? sql : sql.substr(nl + 1);
  return last.find("--") != std::string_view::npos;
}

}  // namespace lkml::format
