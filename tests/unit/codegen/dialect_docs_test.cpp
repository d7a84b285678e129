// docs/dialects.md lists every construct the dialect goldens use. A construct is a function
// name written before `(` (CAST, FORMAT_TIMESTAMP, DATEADD, ...) or one of a few keywords and
// operators that differ between dialects (LIMIT, INTERVAL, WITH, OVER, WITHIN GROUP, ESCAPE,
// `::`, `||`, LIKE). Each one found in tests/golden/sql/*/expected[.<dialect>].sql must appear
// in that dialect's column of the construct table (functions written `NAME(`).
#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "codegen/dialects/dialect_registry.h"
#include "tests/support/golden.h"
#include "tests/support/test_paths.h"

namespace lkml::codegen {
namespace {

namespace fs = std::filesystem;

bool isWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

std::string upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

// Outside '...' literals (so a value such as 'Café%' adds nothing): `NAME(` calls and the
// keywords below.
std::set<std::string> constructsOf(const std::string& sql) {
  static const std::vector<std::string> kKeywords = {"LIMIT",        "INTERVAL", "WITH", "OVER",
                                                     "WITHIN GROUP", "ESCAPE",   "LIKE"};
  std::string code;
  bool quoted = false;
  for (size_t i = 0; i < sql.size(); ++i) {
    if (sql[i] == '\'') {
      quoted = !quoted;
      code += ' ';
    } else if (sql[i] == '\\' && quoted && i + 1 < sql.size()) {
      ++i;  // a BigQuery/Snowflake escape inside a literal
    } else {
      code += quoted ? ' ' : sql[i];
    }
  }
  std::set<std::string> found;
  for (size_t i = 0; i < code.size(); ++i) {
    if (code[i] != '(' || i == 0 || !isWordChar(code[i - 1])) continue;
    size_t start = i;
    while (start > 0 && isWordChar(code[start - 1])) --start;
    if (start > 0 && code[start - 1] == '.') continue;  // alias.column( is not a call
    if (std::isdigit(static_cast<unsigned char>(code[start]))) continue;
    found.insert(upper(code.substr(start, i - start)) + "(");
  }
  const std::string upperCode = upper(code);
  for (const std::string& keyword : kKeywords) {
    for (size_t at = upperCode.find(keyword); at != std::string::npos;
         at = upperCode.find(keyword, at + 1)) {
      const size_t end = at + keyword.size();
      if ((at == 0 || !isWordChar(upperCode[at - 1])) &&
          (end == upperCode.size() || !isWordChar(upperCode[end]))) {
        found.insert(keyword);
        break;
      }
    }
  }
  if (code.find("::") != std::string::npos) found.insert("::");
  if (code.find("||") != std::string::npos) found.insert("||");
  return found;
}

// The construct table of docs/dialects.md: column name -> all its cells, upper-cased, with the
// markdown escapes `\|` read as `|`.
std::map<std::string, std::string> tableColumns(const std::string& doc) {
  std::map<std::string, std::string> columns;
  std::vector<std::string> header;
  std::istringstream in(doc);
  std::string line;
  bool inTable = false;
  while (std::getline(in, line)) {
    if (line.rfind("| construct |", 0) == 0) inTable = true;
    if (!inTable) continue;
    if (line.empty() || line[0] != '|') break;
    std::vector<std::string> cells;
    std::string cell;
    for (size_t i = 1; i < line.size(); ++i) {
      if (line[i] == '\\' && i + 1 < line.size() && line[i + 1] == '|') {
        cell += '|';
        ++i;
      } else if (line[i] == '|') {
        cells.push_back(cell);
        cell.clear();
      } else {
        cell += line[i];
      }
    }
    if (header.empty()) {
      for (std::string& c : cells) {
        size_t b = c.find_first_not_of(' '), e = c.find_last_not_of(' ');
        header.push_back(b == std::string::npos ? "" : c.substr(b, e - b + 1));
      }
      continue;
    }
    for (size_t i = 0; i < cells.size() && i < header.size(); ++i) {
      columns[header[i]] += " " + upper(cells[i]);
    }
  }
  return columns;
}

// Dialects with goldens: postgres writes expected.sql, the others expected.<name>.sql.
TEST(DialectDocs, EveryConstructOfTheGoldensIsListed) {
  const std::string doc = lkml::test::readText(lkml::test::sourceDir() + "/docs/dialects.md");
  const std::map<std::string, std::string> columns = tableColumns(doc);
  ASSERT_FALSE(columns.empty()) << "docs/dialects.md has no `| construct |` table";
  size_t checked = 0;
  for (const std::string& dialect : dialectNames()) {
    const std::string file =
        dialect == "postgres" ? "expected.sql" : "expected." + dialect + ".sql";
    std::map<std::string, std::string> where;  // construct -> first golden using it
    for (const auto& entry :
         fs::directory_iterator(lkml::test::sourceDir() + "/tests/golden/sql")) {
      const fs::path path = entry.path() / file;
      if (!fs::exists(path)) continue;
      for (const std::string& c : constructsOf(lkml::test::readText(path.string()))) {
        where.emplace(c, entry.path().filename().string() + "/" + file);
      }
    }
    if (where.empty()) continue;  // a dialect without goldens yet
    auto column = columns.find(dialect);
    ASSERT_NE(column, columns.end()) << "docs/dialects.md: no `" << dialect << "` column";
    for (const auto& [construct, golden] : where) {
      ++checked;
      EXPECT_NE(column->second.find(construct), std::string::npos)
          << "docs/dialects.md does not list `" << construct << "` in the " << dialect
          << " column; tests/golden/sql/" << golden << " uses it";
    }
  }
  EXPECT_GT(checked, 40u);
}

TEST(DialectDocs, ConstructsAreFunctionsAndKeywordsOutsideLiterals) {
  const std::set<std::string> found =
      constructsOf("SELECT TO_CHAR(x, 'NOT_A_CALL(') AS \"a.b\", t.col(1) FROM t LIMIT 5");
  EXPECT_EQ(found, (std::set<std::string>{"TO_CHAR(", "LIMIT"}));
  EXPECT_EQ(constructsOf("x LIKE 'O\\'Brien(' || y::int"),
            (std::set<std::string>{"LIKE", "::", "||"}));
}

}  // namespace
}  // namespace lkml::codegen
