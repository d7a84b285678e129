// Writes query results as an aligned text table, JSON (array of objects keyed by field name)
// or CSV (RFC 4180).
//
// The table is for terminals, so values are escaped (tableCell); JSON and CSV carry every
// value exactly (JSON escapes control characters; CSV quotes fields with `,`, `"`, CR or LF)
// and hold SQL NULL as `null` and as an empty unquoted field.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "catalog/postgres_connection.h"

namespace lkml::cli {

enum class ResultFormat { Table, Json, Csv };
bool parseResultFormat(const std::string& name, ResultFormat* format);

/// How the table shows SQL NULL.
inline constexpr const char* kTableNull = "\u2205";  // ∅

/// One value as the table shows it: NULL as `∅`; `\` `\n` `\r` `\t` as those escapes; other
/// C0 controls, DEL and bytes that are not UTF-8 as `\xNN`; C1 controls, bidirectional
/// overrides and isolates (U+202A–U+202E, U+2066–U+2069), zero-width characters, U+2028/U+2029
/// and U+FEFF as `\uNNNN`; a text that is exactly `∅` as `\u2205`. Everything else as it is.
std::string tableCell(const std::optional<std::string>& value);

/// `value_formats`: per column, the Excel-style format (value_format, or what a built-in
/// value_format_name stands for; "" none). The table and CSV show the formatted value (the same
/// text in both); JSON keeps the database's value, for programs.
void writeResult(std::ostream& out, ResultFormat format, const std::vector<std::string>& columns,
                 const catalog::QueryResult& result,
                 const std::vector<std::string>& value_formats = {});

}  // namespace lkml::cli
