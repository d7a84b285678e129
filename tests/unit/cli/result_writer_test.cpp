// tableCell: what `lkml query --format table` shows for a value.
#include "cli/result_writer.h"

#include <gtest/gtest.h>

#include <sstream>

namespace lkml::cli {
namespace {

TEST(TableCell, NullAndTheTextNullDiffer) {
  EXPECT_EQ(tableCell(std::nullopt), "\u2205");
  EXPECT_EQ(tableCell(std::string("NULL")), "NULL");
  EXPECT_EQ(tableCell(std::string("\u2205")), "\\u2205");
  EXPECT_EQ(tableCell(std::string("a\u2205")), "a\u2205");
  EXPECT_EQ(tableCell(std::string("")), "");
}

TEST(TableCell, ControlCharactersAreEscaped) {
  EXPECT_EQ(tableCell(std::string("a\nb\rc\td\\e")), "a\\nb\\rc\\td\\\\e");
  EXPECT_EQ(tableCell(std::string("\x1b[2J\x07\x7f", 6)), "\\x1b[2J\\x07\\x7f");
  EXPECT_EQ(tableCell(std::string("\0x", 2)), "\\x00x");
  // C1 controls (U+0085 NEL, U+009B CSI).
  EXPECT_EQ(tableCell(std::string("\u0085\u009b")), "\\u0085\\u009b");
}

TEST(TableCell, BidiAndInvisibleCharactersAreEscaped) {
  for (unsigned cp : {0x202Au, 0x202Bu, 0x202Cu, 0x202Du, 0x202Eu, 0x2066u, 0x2067u, 0x2068u,
                      0x2069u, 0x200Bu, 0x200Fu, 0x2028u, 0x2029u, 0xFEFFu, 0x061Cu}) {
    std::string utf8;
    if (cp < 0x800) {
      utf8 = {static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F))};
    } else {
      utf8 = {static_cast<char>(0xE0 | (cp >> 12)), static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
              static_cast<char>(0x80 | (cp & 0x3F))};
    }
    char expected[16];
    std::snprintf(expected, sizeof expected, "\\u%04x", cp);
    EXPECT_EQ(tableCell("x" + utf8 + "y"), "x" + std::string(expected) + "y") << cp;
  }
  // Ordinary non-ASCII text is kept.
  EXPECT_EQ(tableCell(std::string("Zürich 東京 🙂")), "Zürich 東京 🙂");
}

TEST(TableCell, BytesThatAreNotUtf8AreEscaped) {
  EXPECT_EQ(tableCell(std::string("a\xff\xc3")), "a\\xff\\xc3");
  EXPECT_EQ(tableCell(std::string("\xc0\xaf")), "\\xc0\\xaf");           // overlong '/'
  EXPECT_EQ(tableCell(std::string("\xed\xa0\x80")), "\\xed\\xa0\\x80");  // a surrogate
}

TEST(WriteResult, TableRowsCannotBeFaked) {
  catalog::QueryResult result;
  result.columns = {{"t", 25}};
  result.rows = {{std::string("a\n(1 row)")}, {std::nullopt}};
  std::ostringstream out;
  writeResult(out, ResultFormat::Table, {"v.t"}, result);
  EXPECT_EQ(out.str(),
            "v.t       \n"
            "----------\n"
            "a\\n(1 row)\n"
            "\u2205         \n"
            "(2 rows)\n");
}

}  // namespace
}  // namespace lkml::cli
