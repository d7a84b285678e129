// The text of a `;;` block (sql:, html:, expression: ...) as `lkml fmt` writes it: unchanged
// except whitespace at the ends of lines, which is dropped where it cannot be part of a quoted
// literal.
#pragma once

#include <string>
#include <string_view>

namespace lkml::format {

/// `sql` with trailing spaces, tabs and carriage returns removed from every line that does not
/// end inside a '...' or "..." literal (a SQL string, a quoted identifier or an expression
/// string may hold significant trailing spaces); `--` starts a comment to the line's end, whose
/// quotes do not count. Lines are joined with `newline`.
std::string trimLineEnds(std::string_view sql, std::string_view newline);

/// True when the last line of `sql` holds `--`: a `;;` written after it would read as if
/// commented out, so the formatter puts `;;` on a line of its own.
bool lastLineHasLineComment(std::string_view sql);

}  // namespace lkml::format
