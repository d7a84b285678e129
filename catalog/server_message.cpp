#include "catalog/server_message.h"

#include <vector>

namespace lkml::catalog {
namespace {

constexpr std::string_view kEllipsis = "...";

std::vector<std::string_view> splitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(pos, end - pos));
    pos = end + 1;
  }
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  return lines;
}

bool isContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

int countCharacters(std::string_view text) {
  int n = 0;
  for (char c : text) n += isContinuation(c) ? 0 : 1;
  return n;
}

// "ERROR:  message" → "message". Severity words are upper case (possibly translated).
std::string_view stripSeverity(std::string_view line) {
  size_t colon = line.find(":  ");
  if (colon == std::string_view::npos || colon > 24) return line;
  for (char c : line.substr(0, colon)) {
    if (c >= 'a' && c <= 'z') return line;
  }
  return line.substr(colon + 3);
}

// Parses "LINE 12: " at the start of `line`; returns the prefix length, 0 if absent.
size_t cursorLinePrefix(std::string_view line, int* line_number) {
  if (line.substr(0, 5) != "LINE ") return 0;
  size_t pos = 5;
  int n = 0;
  while (pos < line.size() && line[pos] >= '0' && line[pos] <= '9')
    n = n * 10 + (line[pos++] - '0');
  if (pos == 5 || line.substr(pos, 2) != ": ") return 0;
  *line_number = n;
  return pos + 2;
}

// Line `number` (1-based) of `sql`, with the character count before it, splitting as libpq
// does: "\r", "\n" and "\r\n" each end a line.
bool findSqlLine(std::string_view sql, int number, std::string* line, int* chars_before) {
  int current = 1;
  size_t begin = 0;
  for (size_t i = 0; i <= sql.size() && current <= number; ++i) {
    bool end = i == sql.size() || sql[i] == '\n' || sql[i] == '\r';
    if (!end) continue;
    if (current == number) {
      *line = std::string(sql.substr(begin, i - begin));
      *chars_before = countCharacters(sql.substr(0, begin));
      for (char& c : *line) c = c == '\t' ? ' ' : c;
      return true;
    }
    if (i + 1 < sql.size() && sql[i] == '\r' && sql[i + 1] == '\n') ++i;
    begin = i + 1;
    ++current;
  }
  return false;
}

// Recovers the statement position from libpq's cursor display (see reportErrorPosition in
// libpq's fe-protocol3.c): the shown fragment of line n, maybe cut with "..." at either end,
// and a caret under the error.
int positionFromCursor(std::string_view line, std::string_view caret, std::string_view sql) {
  int number = 0;
  size_t prefix = cursorLinePrefix(line, &number);
  size_t column = caret.find('^');
  if (prefix == 0 || column == std::string_view::npos || caret.find_first_not_of(' ') != column) {
    return 0;
  }
  std::string_view shown = line.substr(prefix);
  if (shown.substr(0, kEllipsis.size()) == kEllipsis) {
    shown.remove_prefix(kEllipsis.size());
    prefix += kEllipsis.size();
  }
  if (column < prefix) return 0;
  std::string sql_line;
  int chars_before = 0;
  if (!findSqlLine(sql, number, &sql_line, &chars_before)) return 0;
  size_t found = sql_line.find(shown);
  if (found == std::string::npos && shown.size() >= kEllipsis.size() &&
      shown.substr(shown.size() - kEllipsis.size()) == kEllipsis) {
    found = sql_line.find(shown.substr(0, shown.size() - kEllipsis.size()));
  }
  if (found == std::string::npos) return 0;
  // Screen columns after the fragment start; one column per character.
  size_t columns = column - prefix;
  int chars = countCharacters(std::string_view(sql_line).substr(0, found));
  for (size_t i = found; i < sql_line.size() && columns > 0; ++i) {
    if (!isContinuation(sql_line[i])) {
      ++chars;
      --columns;
    }
  }
  return chars_before + chars + static_cast<int>(columns) + 1;
}

}  // namespace

ServerMessage parseServerMessage(std::string_view text, std::string_view sent_sql) {
  ServerMessage out;
  std::vector<std::string_view> lines = splitLines(text);
  if (lines.empty()) return out;
  out.primary = std::string(stripSeverity(lines[0]));
  for (size_t i = 1; i < lines.size(); ++i) {
    int number = 0;
    if (cursorLinePrefix(lines[i], &number) > 0 && i + 1 < lines.size()) {
      out.position = positionFromCursor(lines[i], lines[i + 1], sent_sql);
      ++i;  // the caret line
      continue;
    }
    out.detail += (out.detail.empty() ? "" : "\n") + std::string(lines[i]);
  }
  return out;
}

std::string singleLine(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string scrubSecret(std::string text, const std::string& secret) {
  if (secret.empty()) return text;
  constexpr std::string_view kMask = "********";
  for (size_t pos = text.find(secret); pos != std::string::npos;
       pos = text.find(secret, pos + kMask.size())) {
    text.replace(pos, secret.size(), kMask);
  }
  return text;
}

}  // namespace lkml::catalog
