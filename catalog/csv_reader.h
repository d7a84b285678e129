// A small RFC 4180 CSV reader for catalog exports (`bq query --format=csv`, `psql --csv`,
// SnowSQL and Redshift UNLOAD ... CSV): comma-separated fields, fields in double quotes may
// hold commas, line breaks and doubled quotes; CRLF or LF line ends; a UTF-8 byte order mark
// is skipped. No Debian package offers a maintained C++ CSV library, hence this one.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lkml::catalog {

struct CsvRecord {
  int line = 0;  // 1-based line where the record starts
  std::vector<std::string> fields;
};

/// Parses `text` into records (an empty last line is not a record). On malformed input (a
/// quote inside an unquoted field, text after a closing quote, an unterminated quoted field)
/// returns false with `error` = "LINE: what is wrong" (1-based line of the problem).
bool parseCsv(std::string_view text, std::vector<CsvRecord>* records, std::string* error);

}  // namespace lkml::catalog
