// Internal: turns libpq's formatted error text into DatabaseError fields. libpqxx 6.4 exposes
// only that text (and the statement position for syntax errors), so the position of other
// errors is recovered from libpq's "LINE n: ..." cursor display.
#pragma once

#include <string>
#include <string_view>

namespace lkml::catalog {

struct ServerMessage {
  std::string primary;  // "column \"x\" does not exist" (severity prefix removed)
  std::string detail;   // "DETAIL:  ...\nHINT:  ..." (cursor display removed)
  int position = 0;     // 1-based character position in `sent_sql`, 0 if unknown
};

/// Parses text such as "ERROR:  msg\nLINE 2:   FROM x\n                ^\nHINT:  ...\n".
/// Positions are exact when the displayed line is ASCII; with wide characters (which libpq
/// counts as two screen columns) they can be off by the number of such characters.
ServerMessage parseServerMessage(std::string_view text, std::string_view sent_sql);

/// Joins lines and runs of whitespace into single spaces and trims.
std::string singleLine(std::string_view text);

/// Replaces every occurrence of `secret` (if non-empty) with "********".
std::string scrubSecret(std::string text, const std::string& secret);

}  // namespace lkml::catalog
