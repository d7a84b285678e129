#include "cli/result_writer.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "cli/value_format.h"

namespace lkml::cli {

namespace {

// PostgreSQL type OIDs (pg_type.h) that map to JSON numbers and booleans.
constexpr uint32_t kBool = 16, kInt8 = 20, kInt2 = 21, kInt4 = 23, kFloat4 = 700, kFloat8 = 701,
                   kNumeric = 1700;

// Terminal columns of UTF-8 text: East Asian wide characters take two.
size_t displayWidth(const std::string& text) {
  size_t width = 0;
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    uint32_t cp = len == 1 ? c : c & (0x7F >> len);
    for (size_t k = 1; k < len && i + k < text.size(); ++k) cp = (cp << 6) | (text[i + k] & 0x3F);
    bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
    width += wide ? 2 : 1;
    i += len;
  }
  return width;
}

nlohmann::ordered_json cellJson(const std::optional<std::string>& value, uint32_t oid) {
  if (!value) return nullptr;
  switch (oid) {
    case kBool:
      return *value == "t";
    case kInt2:
    case kInt4:
    case kInt8:
      return std::strtoll(value->c_str(), nullptr, 10);
    case kFloat4:
    case kFloat8:
    case kNumeric:
      if (*value == "NaN" || value->find("Infinity") != std::string::npos) return *value;
      if (value->find_first_of(".eE") == std::string::npos && value->size() < 18) {
        return std::strtoll(value->c_str(), nullptr, 10);
      }
      return std::strtod(value->c_str(), nullptr);
    default:
      return *value;
  }
}

// Code points a terminal would act on instead of showing: C1 controls, bidirectional
// overrides and isolates (which reorder the rest of the line), zero-width characters, and the
// Unicode line and paragraph separators.
bool invisible(uint32_t cp) {
  return (cp >= 0x80 && cp <= 0x9F) || cp == 0x061C || (cp >= 0x200B && cp <= 0x200F) ||
         (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x2069) || cp == 0xFEFF;
}

// Length of the well-formed UTF-8 sequence at `i` (0 if it is not one) and its code point.
size_t utf8Sequence(const std::string& text, size_t i, uint32_t* cp) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char c = byte(i);
  size_t len = (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (len == 0 || i + len > text.size()) return 0;
  *cp = c & (0x7F >> len);
  for (size_t k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    *cp = (*cp << 6) | (byte(i + k) & 0x3F);
  }
  static const uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (*cp < kMin[len] || *cp > 0x10FFFF || (*cp >= 0xD800 && *cp <= 0xDFFF)) return 0;
  return len;
}

}  // namespace

std::string tableCell(const std::optional<std::string>& value) {
  if (!value) return kTableNull;
  if (*value == kTableNull) return "\\u2205";  // the text "∅" must not read as NULL
  std::string out;
  out.reserve(value->size());
  char hex[16];
  for (size_t i = 0; i < value->size();) {
    unsigned char c = static_cast<unsigned char>((*value)[i]);
    if (c >= 0x80) {
      uint32_t cp = 0;
      size_t len = utf8Sequence(*value, i, &cp);
      if (len == 0) {
        std::snprintf(hex, sizeof hex, "\\x%02x", c);
        out += hex;
        ++i;
      } else if (invisible(cp)) {
        std::snprintf(hex, sizeof hex, "\\u%04x", static_cast<unsigned>(cp));
        out += hex;
        i += len;
      } else {
        out.append(*value, i, len);
        i += len;
      }
      continue;
    }
    ++i;
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20 || c == 0x7F) {
          std::snprintf(hex, sizeof hex, "\\x%02x", c);
          out += hex;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out;
}

namespace {

// RFC 4180 quoting; an empty text is quoted too, so that it reads apart from NULL (an empty
// field), as PostgreSQL's COPY ... CSV writes them.
std::string csvField(const std::string& text) {
  if (!text.empty() && text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

bool parseResultFormat(const std::string& name, ResultFormat* format) {
  if (name == "table")
    *format = ResultFormat::Table;
  else if (name == "json")
    *format = ResultFormat::Json;
  else if (name == "csv")
    *format = ResultFormat::Csv;
  else
    return false;
  return true;
}

void writeResult(std::ostream& out, ResultFormat format, const std::vector<std::string>& columns,
                 const catalog::QueryResult& result,
                 const std::vector<std::string>& value_formats) {
  // A value as the table and CSV show it: formatted when its column has a format and it is a
  // number; else as the database returned it.
  auto shown = [&](const std::optional<std::string>& value,
                   size_t column) -> std::optional<std::string> {
    if (!value || column >= value_formats.size() || value_formats[column].empty()) return value;
    std::optional<std::string> formatted = applyValueFormat(*value, value_formats[column]);
    return formatted ? formatted : value;
  };
  std::vector<std::string> names = columns;
  for (size_t i = names.size(); i < result.columns.size(); ++i)
    names.push_back(result.columns[i].name);
  switch (format) {
    case ResultFormat::Json: {
      nlohmann::ordered_json rows = nlohmann::ordered_json::array();
      for (const auto& row : result.rows) {
        nlohmann::ordered_json object = nlohmann::ordered_json::object();
        for (size_t i = 0; i < row.size() && i < names.size(); ++i) {
          object[names[i]] = cellJson(row[i], result.columns[i].type_oid);
        }
        rows.push_back(std::move(object));
      }
      out << rows.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
      return;
    }
    case ResultFormat::Csv: {
      for (size_t i = 0; i < names.size(); ++i) out << (i ? "," : "") << csvField(names[i]);
      out << "\r\n";
      for (const auto& row : result.rows) {
        for (size_t i = 0; i < row.size(); ++i)
          out << (i ? "," : "") << (row[i] ? csvField(*shown(row[i], i)) : "");
        out << "\r\n";
      }
      return;
    }
    case ResultFormat::Table: {
      // Every cell goes through tableCell: a value can neither start a new line (fake rows),
      // move the cursor, recolour the terminal, reorder the line, nor pass for NULL.
      std::vector<std::string> header;
      for (const std::string& name : names) header.push_back(tableCell(name));
      std::vector<std::vector<std::string>> cells;
      cells.reserve(result.rows.size());
      std::vector<size_t> width(header.size());
      for (size_t i = 0; i < header.size(); ++i) width[i] = displayWidth(header[i]);
      for (const auto& row : result.rows) {
        std::vector<std::string> line;
        for (size_t i = 0; i < row.size() && i < width.size(); ++i) {
          line.push_back(tableCell(shown(row[i], i)));
          width[i] = std::max(width[i], displayWidth(line.back()));
        }
        cells.push_back(std::move(line));
      }
      auto line = [&](const std::vector<std::string>& row) {
        for (size_t i = 0; i < row.size(); ++i) {
          out << (i ? " | " : "") << row[i]
              << std::string(width[i] - std::min(width[i], displayWidth(row[i])), ' ');
        }
        out << "\n";
      };
      line(header);
      for (size_t i = 0; i < header.size(); ++i)
        out << (i ? "-+-" : "") << std::string(width[i], '-');
      out << "\n";
      for (const auto& row : cells) line(row);
      out << "(" << result.rows.size() << " row" << (result.rows.size() == 1 ? "" : "s") << ")\n";
      return;
    }
  }
}

}  // namespace lkml::cli
