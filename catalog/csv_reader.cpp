#include "catalog/csv_reader.h"

namespace lkml::catalog {

bool parseCsv(std::string_view text, std::vector<CsvRecord>* records, std::string* error) {
  records->clear();
  if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.remove_prefix(3);
  int line = 1;
  size_t i = 0;
  const size_t n = text.size();
  auto fail = [&](int at, const std::string& what) {
    *error = std::to_string(at) + ": " + what;
    return false;
  };
  while (i < n) {
    CsvRecord record;
    record.line = line;
    bool end_of_record = false;
    while (!end_of_record) {
      std::string field;
      if (i < n && text[i] == '"') {
        int opened = line;
        ++i;
        bool closed = false;
        while (i < n) {
          char c = text[i++];
          if (c == '"') {
            if (i < n && text[i] == '"') {
              field += '"';
              ++i;
              continue;
            }
            closed = true;
            break;
          }
          if (c == '\n') ++line;
          field += c;
        }
        if (!closed) return fail(opened, "quoted field is not closed (a `\"` is missing)");
        if (i < n && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
          return fail(line,
                      "unexpected text after a closing quote (quotes inside a quoted field "
                      "are written twice: \"\")");
        }
      } else {
        while (i < n && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
          if (text[i] == '"') {
            return fail(line,
                        "quote inside an unquoted field (quote the whole field and write "
                        "the quote twice)");
          }
          field += text[i++];
        }
      }
      record.fields.push_back(std::move(field));
      if (i < n && text[i] == ',') {
        ++i;
        continue;
      }
      // End of line (CRLF, LF or a lone CR) or end of input.
      if (i < n && text[i] == '\r') ++i;
      if (i < n && text[i] == '\n') ++i;
      ++line;
      end_of_record = true;
    }
    records->push_back(std::move(record));
  }
  return true;
}

}  // namespace lkml::catalog
