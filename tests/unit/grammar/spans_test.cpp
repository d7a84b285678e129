// Spans stamped by the parser: exact byte offsets and line:column (code points) of keys,
// values, members, list items, SQL text and comments.
#include <gtest/gtest.h>

#include <functional>

#include "tests/unit/grammar/parse_helpers.h"

namespace lkml::test {
namespace {

// "begin-end" of a span, and its text.
std::string range(Span s) { return std::to_string(s.begin) + "-" + std::to_string(s.end); }

TEST(SpansTest, PairKeyValueAndMember) {
  //           0123456789012345678
  auto p = parseValid("type: number\n  label: \"Hi\"");
  const auto& type = p->member(0);
  EXPECT_EQ(range(type.key_span), "0-4");
  EXPECT_EQ(range(type.value.span), "6-12");
  EXPECT_EQ(range(type.span), "0-12");
  EXPECT_EQ(type.key_span.file, p->file->id());
  const auto& label = p->member(1);
  EXPECT_EQ(range(label.key_span), "15-20");
  EXPECT_EQ(range(label.value.span), "22-26");  // the string span includes its quotes
  EXPECT_EQ(p->text(label.value.span), "\"Hi\"");
  EXPECT_EQ(range(label.span), "15-26");
  EXPECT_EQ(p->at(label.key_span.begin), "2:3");
  EXPECT_EQ(p->at(label.value.span.begin), "2:10");
  EXPECT_EQ(p->at(label.span.end), "2:14");
}

TEST(SpansTest, BlockSpansFromKeyToClosingBrace) {
  std::string text =
      "view: orders {\n"
      "  dimension: id {\n"
      "    sql: ${TABLE}.id ;;\n"
      "  }\n"
      "}\n";
  auto p = parseValid(text);
  const auto& view = p->member(0);
  EXPECT_EQ(p->text(view.span), text.substr(0, text.size() - 1));
  EXPECT_EQ(p->text(view.key_span), "view");
  EXPECT_EQ(p->text(view.value.span), "orders");
  EXPECT_EQ(p->at(view.value.span.begin), "1:7");
  EXPECT_EQ(p->at(view.span.end), "5:2");
  const auto& dim = view.children.at(0);
  EXPECT_EQ(p->at(dim.key_span.begin), "2:3");
  EXPECT_EQ(p->text(dim.span), "dimension: id {\n    sql: ${TABLE}.id ;;\n  }");
  const auto& sql = dim.children.at(0);
  EXPECT_EQ(p->text(sql.key_span), "sql");
  EXPECT_EQ(p->at(sql.key_span.begin), "3:5");
  EXPECT_EQ(p->text(sql.sql_span), "${TABLE}.id");
  EXPECT_EQ(p->at(sql.sql_span.begin), "3:10");
  EXPECT_EQ(p->text(sql.span), "sql: ${TABLE}.id ;;");  // through the closing ;;
}

TEST(SpansTest, AnonymousBlock) {
  auto p = parseValid("derived_table: {\n}");
  EXPECT_EQ(range(p->member(0).span), "0-18");
  EXPECT_FALSE(p->member(0).value.span.valid());
}

TEST(SpansTest, QuotedBlockName) {
  auto p = parseValid("view: \"a b\" { }");
  EXPECT_EQ(range(p->member(0).value.span), "6-11");
  EXPECT_EQ(p->member(0).value.text, "a b");
  EXPECT_EQ(p->text(p->member(0).span), "view: \"a b\" { }");
}

TEST(SpansTest, SqlKeyWithSpaceBeforeColon) {
  auto p = parseValid("sql_on  :\n  a = b ;;");
  const auto& sql = p->member(0);
  EXPECT_EQ(range(sql.key_span), "0-6");
  EXPECT_EQ(p->text(sql.sql_span), "a = b");
  EXPECT_EQ(p->at(sql.sql_span.begin), "2:3");
  EXPECT_EQ(range(sql.span), "0-20");
}

TEST(SpansTest, EmptySqlSpanSitsAfterTheColon) {
  auto p = parseValid("sql:;;");
  EXPECT_EQ(range(p->member(0).sql_span), "4-4");
  EXPECT_EQ(range(p->member(0).span), "0-6");
}

TEST(SpansTest, ListItemsAndMapEntries) {
  //                   0         1         2         3
  //                   0123456789012345678901234567890123456
  auto p = parseValid("sorts: [a, \"b\",  c: desc, d: \"x\",]");
  const auto& list = p->member(0);
  ASSERT_EQ(list.items.size(), 4u);
  EXPECT_EQ(range(list.items[0].span), "8-9");
  EXPECT_EQ(range(list.items[0].value.span), "8-9");
  EXPECT_EQ(range(list.items[1].span), "11-14");
  EXPECT_EQ(range(list.items[2].value.span), "17-18");
  EXPECT_EQ(range(list.items[2].map_value.span), "20-24");
  EXPECT_EQ(range(list.items[2].span), "17-24");
  EXPECT_EQ(range(list.items[3].span), "26-32");
  EXPECT_EQ(p->text(list.items[3].span), "d: \"x\"");
  EXPECT_EQ(range(list.span), "0-34");  // through ']'
}

TEST(SpansTest, MultiLineList) {
  auto p = parseValid("fields: [\n  a,\n  b\n]");
  const auto& list = p->member(0);
  EXPECT_EQ(p->at(list.items[0].span.begin), "2:3");
  EXPECT_EQ(p->at(list.items[1].span.begin), "3:3");
  EXPECT_EQ(p->at(list.span.end), "4:2");
}

TEST(SpansTest, CommentSpans) {
  auto p = parseValid("a: b # one\n# two\r\n  # three");
  ASSERT_EQ(p->doc.comments.size(), 3u);
  EXPECT_EQ(range(p->doc.comments[0].span), "5-10");
  EXPECT_EQ(range(p->doc.comments[1].span), "11-16");  // '\r' is not part of the comment
  EXPECT_EQ(p->at(p->doc.comments[2].span.begin), "3:3");
}

TEST(SpansTest, ColumnsCountCodePoints) {
  // "é" is 2 bytes, "日本" 6 bytes, the emoji 4 bytes.
  auto p =
      parseValid("label: \"\xc3\xa9\" x: \"\xe6\x97\xa5\xe6\x9c\xac\" y: \xf0\x9f\x98\x80 z: 1");
  EXPECT_EQ(p->member(0).value.span.begin, 7u);
  EXPECT_EQ(p->member(1).key_span.begin, 12u);
  EXPECT_EQ(p->at(p->member(1).key_span.begin), "1:12");  // byte 12, column 12 - 1
  EXPECT_EQ(p->member(2).key_span.begin, 24u);
  EXPECT_EQ(p->at(p->member(2).key_span.begin), "1:20");  // 4 bytes saved by 日本, 1 by é
  EXPECT_EQ(p->member(3).key_span.begin, 32u);
  EXPECT_EQ(p->at(p->member(3).key_span.begin), "1:25");  // and 3 by the emoji
}

TEST(SpansTest, ByteOrderMarkCountsAsBytesButNotAsColumns) {
  auto p = parseValid("\xef\xbb\xbfview: a {}");
  EXPECT_EQ(range(p->member(0).key_span), "3-7");
  EXPECT_EQ(p->at(3), "1:2");  // the BOM is one code point
}

TEST(SpansTest, CrlfLines) {
  auto p = parseValid("a: b\r\nc: d\r\n\r\ne: f");
  EXPECT_EQ(p->at(p->member(1).key_span.begin), "2:1");
  EXPECT_EQ(p->at(p->member(2).key_span.begin), "4:1");
  EXPECT_EQ(p->member(2).key_span.begin, 14u);
}

TEST(SpansTest, EverySpanSlicesToItsText) {
  auto p = parseValid(
      "view: v {\n  dimension: \"d\" {\n    sql: x ;;\n    tags: [\"a\", b: c]\n  }\n}\n");
  std::function<void(const syntax::Node&)> check = [&](const syntax::Node& n) {
    EXPECT_EQ(p->text(n.key_span), n.key);
    if (n.value.present()) {
      std::string_view v = p->text(n.value.span);
      EXPECT_EQ(n.value.quoted() ? v.substr(1, v.size() - 2) : v, n.value.text);
    }
    if (n.isSql()) {
      EXPECT_EQ(p->text(n.sql_span), n.sql);
    }
    EXPECT_LE(n.span.begin, n.key_span.begin);
    for (const auto& item : n.items) {
      EXPECT_GE(item.span.begin, n.span.begin);
      EXPECT_LE(item.span.end, n.span.end);
    }
    for (const auto& c : n.children) {
      EXPECT_GE(c.span.begin, n.span.begin);
      EXPECT_LE(c.span.end, n.span.end);
      check(c);
    }
  };
  for (const auto& m : p->doc.members) check(m);
}

}  // namespace
}  // namespace lkml::test
