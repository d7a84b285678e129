// The canonical layout on the constructs that are easy to get wrong. Every case also goes
// through checkFormat: idempotent, same meaning, same comments.
#include <gtest/gtest.h>

#include <string>

#include "tests/unit/format/format_safety.h"

namespace lkml::test {
namespace {

/// The formatted text of `input`, failing the test when a safety property breaks.
std::string fmt(const std::string& input, const format::FormatOptions& options = {}) {
  FormatCheck check = checkFormat(input, "test.lkml", options);
  EXPECT_TRUE(check.ok) << input;
  EXPECT_EQ(check.problems, "") << input << "\n--- formatted:\n" << check.formatted;
  return check.formatted;
}

TEST(FormatterTest, NestedBlocksIndentTwoSpacesOneParameterPerLine) {
  EXPECT_EQ(fmt("explore: orders { join: users { type: left_outer relationship: many_to_one\n"
                "sql_on: ${orders.user_id} = ${users.id} ;; } }"),
            "explore: orders {\n"
            "  join: users {\n"
            "    type: left_outer\n"
            "    relationship: many_to_one\n"
            "    sql_on: ${orders.user_id} = ${users.id} ;;\n"
            "  }\n"
            "}\n");
}

TEST(FormatterTest, SqlBlockLosesLineEndSpacesOnly) {
  EXPECT_EQ(fmt("view: v {\n  derived_table: {\n    sql:   SELECT a,   \n"
                "           b\t\n      FROM t   ;;\n  }\n}\n"),
            "view: v {\n  derived_table: {\n    sql: SELECT a,\n"
            "           b\n      FROM t ;;\n  }\n}\n");
}

TEST(FormatterTest, SqlKeyWithSpaceBeforeColonAndTextOnNextLine) {
  EXPECT_EQ(fmt("dimension: d {\n  sql :\n    ${TABLE}.d\n  ;;\n}\n"),
            "dimension: d {\n  sql: ${TABLE}.d ;;\n}\n");
}

TEST(FormatterTest, SqlStartingOnTheLineAfterTheKeyStaysThere) {
  EXPECT_EQ(fmt("view: v {\n    derived_table: {\n        sql:   \n          SELECT a   \n"
                "          FROM t ;;\n    }\n}\n"),
            "view: v {\n  derived_table: {\n    sql:\n          SELECT a\n          FROM t ;;\n"
            "  }\n}\n");
  // In a CRLF file too; one line of text goes back onto the key's line.
  EXPECT_EQ(fmt("d: {\r\n  sql:\r\n\tSELECT 1\r\n\tFROM t\r\n  ;;\r\n  html:\r\n   x\r\n  ;;\r\n}"),
            "d: {\r\n  sql:\r\n\tSELECT 1\r\n\tFROM t ;;\r\n  html: x ;;\r\n}\r\n");
  // A line break between the key and its colon is not one before the text.
  EXPECT_EQ(fmt("d: {\n  sql\n  : SELECT 1\n    FROM t ;;\n}\n"),
            "d: {\n  sql: SELECT 1\n    FROM t ;;\n}\n");
  // After a `--` comment `;;` still goes on a line of its own.
  EXPECT_EQ(fmt("d: {\n  sql:\n    SELECT 1\n    -- why\n  ;;\n}\n"),
            "d: {\n  sql:\n    SELECT 1\n    -- why\n  ;;\n}\n");
}

TEST(FormatterTest, TrailingSpacesInsideSqlStringLiteralsStay) {
  // The second line ends inside '...': its spaces are part of the literal.
  std::string out = fmt("dimension: d {\n  sql: CASE WHEN x = 'a   \nb' THEN 1 END   ;;\n}\n");
  EXPECT_EQ(out, "dimension: d {\n  sql: CASE WHEN x = 'a   \nb' THEN 1 END ;;\n}\n");
}

TEST(FormatterTest, SemicolonsGoOnTheirOwnLineAfterASqlLineComment) {
  EXPECT_EQ(fmt("dimension: d {\n  sql: ${TABLE}.d\n    -- why ;;\n}\n"),
            "dimension: d {\n  sql: ${TABLE}.d\n    -- why\n  ;;\n}\n");
}

TEST(FormatterTest, EmptySqlBlock) {
  EXPECT_EQ(fmt("view: v { sql_table_name:;; }"), "view: v {\n  sql_table_name: ;;\n}\n");
}

TEST(FormatterTest, StringsKeepTheirEscapesByteForByte) {
  EXPECT_EQ(fmt("dimension: d { label:\"say \\\"hi\\\" \\\\ there\" description: \"a\\nb\" }"),
            "dimension: d {\n  label: \"say \\\"hi\\\" \\\\ there\"\n"
            "  description: \"a\\nb\"\n}\n");
}

TEST(FormatterTest, CommentsStayAttachedToTheirLines) {
  EXPECT_EQ(fmt("# file header\n"
                "view: v { # after the brace\n"
                "  # above dimension a\n"
                "  dimension: a {\n"
                "    type: string    # trailing, spaces after it   \n"
                "  }\n"
                "  # last in the view\n"
                "}  # after the view\n"
                "# end of file\n"),
            "# file header\n"
            "view: v { # after the brace\n"
            "  # above dimension a\n"
            "  dimension: a {\n"
            "    type: string # trailing, spaces after it\n"
            "  }\n"
            "  # last in the view\n"
            "} # after the view\n"
            "# end of file\n");
}

TEST(FormatterTest, CommentsInsideListsPutOneItemPerLine) {
  EXPECT_EQ(fmt("set: s {\n  fields: [a, # first\n  # before b\n  b,\n  c  # last\n  ]\n}\n"),
            "set: s {\n"
            "  fields: [\n"
            "    a, # first\n"
            "    # before b\n"
            "    b,\n"
            "    c # last\n"
            "  ]\n"
            "}\n");
}

TEST(FormatterTest, CommentsBetweenKeyAndValueAndBeforeClosingBrackets) {
  std::string out =
      fmt("dimension: d {\n  type: # the type\n    string\n"
          "  tags: [ # none yet\n  ]\n  # nothing after\n}\n");
  EXPECT_EQ(out,
            "dimension: d {\n  type: # the type\n    string\n"
            "  tags: [ # none yet\n  ]\n  # nothing after\n}\n");
}

TEST(FormatterTest, FormFeedsAndTabsAroundComments) {
  EXPECT_EQ(fmt("\f# a\t\f\nview:\tv\t{\f}\t# b \f\n"), "# a\nview: v {} # b\n");
}

TEST(FormatterTest, EmptyBlocksAndLists) {
  EXPECT_EQ(fmt("view: v {\n}\ndimension: d {   }\nset: s { fields: [ ] }\n"),
            "view: v {}\ndimension: d {}\nset: s {\n  fields: []\n}\n");
  EXPECT_EQ(fmt("view: v {\n  # only a comment\n}\n"), "view: v {\n  # only a comment\n}\n");
}

TEST(FormatterTest, LeadingAndTrailingCommasGo) {
  EXPECT_EQ(fmt("set: s { fields: [\n  , a\n  , b\n  , c,\n] }"),
            "set: s {\n  fields: [a, b, c]\n}\n");
  EXPECT_EQ(fmt("set: s { fields: [,] }"), "set: s {\n  fields: []\n}\n");
}

TEST(FormatterTest, RefinementsExtendsAndMapLists) {
  EXPECT_EQ(
      fmt("view: +users {extends:[base,other] dimension: +id {hidden:yes}}\n"
          "explore: e { always_filter: { filters: [users.state:\"CA\", users.age: \">10\"] } }"),
      "view: +users {\n"
      "  extends: [base, other]\n"
      "  dimension: +id {\n"
      "    hidden: yes\n"
      "  }\n"
      "}\n"
      "explore: e {\n"
      "  always_filter: {\n"
      "    filters: [users.state: \"CA\", users.age: \">10\"]\n"
      "  }\n"
      "}\n");
}

TEST(FormatterTest, LongListsGetOneItemPerLine) {
  std::string items;
  std::string expected_items;
  for (int i = 0; i < 30; ++i) {
    items += (i ? ", " : "") + std::string("field_") + std::to_string(i);
    expected_items += "    field_" + std::to_string(i) + (i < 29 ? ",\n" : "\n");
  }
  EXPECT_EQ(fmt("explore: e { fields: [" + items + "] }"),
            "explore: e {\n  fields: [\n" + expected_items + "  ]\n}\n");
  // Exactly at the limit stays on one line; one character more does not.
  format::FormatOptions narrow;
  narrow.max_width = 15;
  EXPECT_EQ(fmt("f: [aa, bb, cc]", narrow), "f: [aa, bb, cc]\n");  // 15 characters
  EXPECT_EQ(fmt("f: [aa, bb, ccc]", narrow), "f: [\n  aa,\n  bb,\n  ccc\n]\n");
}

TEST(FormatterTest, VeryLongListOfTenThousandItems) {
  std::string items;
  for (int i = 0; i < 10000; ++i) items += "f" + std::to_string(i) + ",";
  std::string out = fmt("set: s { fields: [" + items + "] }");
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 10000 + 4);
}

TEST(FormatterTest, MultiLineStringsForceListsOntoManyLines) {
  EXPECT_EQ(fmt("f: [\"a\nb\", c]"), "f: [\n  \"a\nb\",\n  c\n]\n");
}

TEST(FormatterTest, BlankLinesKeptBetweenMembersButCollapsed) {
  EXPECT_EQ(
      fmt("\n\nview: a {\n\n  dimension: x {}\n\n\n\n  dimension: y {}\n  dimension: z {}\n\n}"
          "\n\n\n# c\n\nview: b {}\n\n\n"),
      "view: a {\n  dimension: x {}\n\n  dimension: y {}\n  dimension: z {}\n}\n\n# c\n\n"
      "view: b {}\n");
}

TEST(FormatterTest, CrlfInputKeepsCrlf) {
  EXPECT_EQ(fmt("view: v {\r\n  # c\r\n  sql_table_name: t   \r\n   x ;;\r\n  type:   a\r\n}\r\n"),
            "view: v {\r\n  # c\r\n  sql_table_name: t\r\n   x ;;\r\n  type: a\r\n}\r\n");
}

TEST(FormatterTest, NoTrailingNewlineGetsOne) {
  EXPECT_EQ(fmt("view: v {}"), "view: v {}\n");
  EXPECT_EQ(fmt("# only a comment"), "# only a comment\n");
  EXPECT_EQ(fmt(""), "");
  EXPECT_EQ(fmt("  \n\n"), "");
}

TEST(FormatterTest, UnicodeAndByteOrderMark) {
  EXPECT_EQ(
      fmt("\xEF\xBB\xBF# ünïcødé\nview: v { label: \"Größe 尺寸\" dimension: größe {} }"),
      "\xEF\xBB\xBF# ünïcødé\nview: v {\n  label: \"Größe 尺寸\"\n  dimension: größe {}\n}\n");
  // Width counts characters, not bytes: 15 characters of which 6 are two bytes each.
  format::FormatOptions narrow;
  narrow.max_width = 15;
  EXPECT_EQ(fmt("f: [ää, öö, üü]", narrow), "f: [ää, öö, üü]\n");
}

TEST(FormatterTest, DoubledColonAndConstants) {
  EXPECT_EQ(fmt("view: v { sql_table_name: @{schema}.t ;; measure:: c { type: count } "
                "label: @{ my label } }"),
            "view: v {\n  sql_table_name: @{schema}.t ;;\n  measure: c {\n    type: count\n  }\n"
            "  label: @{ my label }\n}\n");
}

TEST(FormatterTest, AnonymousAndQuotedNameBlocks) {
  EXPECT_EQ(fmt("explore: \"my explore\" { access_filter: { field: a user_attribute: b } }"),
            "explore: \"my explore\" {\n  access_filter: {\n    field: a\n"
            "    user_attribute: b\n  }\n}\n");
}

TEST(FormatterTest, DeepNestingUsesNoRecursion) {
  // 190 levels: within the parser's limit (grammar::kMaxNesting), far beyond real LookML.
  std::string text;
  for (int i = 0; i < 190; ++i) text += "b: {";
  text += "x: 1";
  for (int i = 0; i < 190; ++i) text += "}";
  std::string out = fmt(text);
  EXPECT_NE(out.find(std::string(189 * 2, ' ') + "b: {\n" + std::string(190 * 2, ' ') + "x: 1\n"),
            std::string::npos);
}

TEST(FormatterTest, SyntaxErrorsAreRefused) {
  for (const char* broken : {"view: v {", "view: v { dimension: }", "view: v { sql: x }",
                             "f: [a b]", "label: \"open", "}", "view: v {\xff}"}) {
    FormatCheck check = checkFormat(broken);
    EXPECT_FALSE(check.ok) << broken;
    EXPECT_EQ(check.problems, "") << broken;
    EXPECT_EQ(check.formatted, "") << broken;
  }
}

}  // namespace
}  // namespace lkml::test
