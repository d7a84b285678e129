// grammar::parse on valid LookML: the shape of the syntax tree (pairs, blocks, lists, SQL).
#include <gtest/gtest.h>

#include "tests/unit/grammar/parse_helpers.h"

namespace lkml::test {
namespace {

using syntax::NodeKind;
using syntax::Scalar;

TEST(ParserTest, EmptyFileHasNoMembersAndNoDiagnostics) {
  for (const char* text : {"", " \n\t\r\n", "# only a comment\n", "\xef\xbb\xbf"}) {
    auto p = parseValid(text);
    EXPECT_TRUE(p->doc.members.empty()) << text;
    EXPECT_EQ(p->doc.file, p->file);
  }
}

TEST(ParserTest, Pairs) {
  auto p = parseValid("type: number\nlabel: \"Total revenue\"\nhidden: yes\nprecision: -2");
  ASSERT_EQ(p->doc.members.size(), 4u);
  const auto& type = p->member(0);
  EXPECT_EQ(type.kind, NodeKind::Pair);
  EXPECT_TRUE(type.isPair());
  EXPECT_EQ(type.key, "type");
  EXPECT_EQ(type.value.kind, Scalar::Kind::Literal);
  EXPECT_EQ(type.value.text, "number");
  EXPECT_FALSE(type.value.quoted());
  const auto& label = p->member(1);
  EXPECT_EQ(label.value.kind, Scalar::Kind::String);
  EXPECT_TRUE(label.value.quoted());
  EXPECT_EQ(label.value.text, "Total revenue");  // without quotes
  EXPECT_EQ(label.valueText(), "Total revenue");
  EXPECT_EQ(p->member(2).value.text, "yes");
  EXPECT_EQ(p->member(3).value.text, "-2");
  EXPECT_TRUE(type.children.empty());
  EXPECT_TRUE(type.items.empty());
}

TEST(ParserTest, StringEscapesAreKeptInTextAndRemovedByUnescaped) {
  auto p = parseValid(R"(label: "say \"hi\" \\ there")");
  EXPECT_EQ(p->member(0).value.text, R"(say \"hi\" \\ there)");
  EXPECT_EQ(p->member(0).value.unescaped(), R"(say "hi" \ there)");
  EXPECT_EQ(p->member(0).valueText(), R"(say "hi" \ there)");
  // Literals are never unescaped.
  auto q = parseValid(R"(a: x\y)");
  EXPECT_EQ(q->member(0).value.unescaped(), R"(x\y)");
}

TEST(ParserTest, NamedBlock) {
  auto p = parseValid("view: orders {\n  label: \"Orders\"\n  dimension: id { type: number }\n}");
  ASSERT_EQ(p->doc.members.size(), 1u);
  const auto& view = p->member(0);
  EXPECT_TRUE(view.isBlock());
  EXPECT_EQ(view.key, "view");
  EXPECT_EQ(view.value.text, "orders");
  EXPECT_EQ(view.valueText(), "orders");
  ASSERT_EQ(view.children.size(), 2u);
  EXPECT_EQ(view.children[0].key, "label");
  EXPECT_EQ(view.children[1].key, "dimension");
  EXPECT_EQ(view.children[1].value.text, "id");
  ASSERT_NE(view.child("dimension"), nullptr);
  EXPECT_EQ(view.child("dimension")->child("type")->value.text, "number");
  EXPECT_EQ(view.child("measure"), nullptr);
}

TEST(ParserTest, AnonymousBlock) {
  auto p = parseValid("derived_table: {\n  sql: SELECT 1 ;;\n}\nempty: {}");
  const auto& dt = p->member(0);
  EXPECT_TRUE(dt.isBlock());
  EXPECT_FALSE(dt.value.present());
  EXPECT_EQ(dt.value.kind, Scalar::Kind::None);
  ASSERT_EQ(dt.children.size(), 1u);
  EXPECT_TRUE(dt.children[0].isSql());
  EXPECT_TRUE(p->member(1).isBlock());
  EXPECT_TRUE(p->member(1).children.empty());
}

TEST(ParserTest, QuotedBlockName) {
  auto p = parseValid("view: \"my view\" { }\nexplore: \"e\" {}");
  EXPECT_TRUE(p->member(0).isBlock());
  EXPECT_TRUE(p->member(0).value.quoted());
  EXPECT_EQ(p->member(0).value.text, "my view");
  EXPECT_EQ(p->member(1).value.text, "e");
}

TEST(ParserTest, RefinementAndSpecialNames) {
  auto p = parseValid("view: +orders { }\nexplore: +e {}\nview: KeyB {}\nview: caf\xc3\xa9 {}");
  EXPECT_EQ(p->member(0).value.text, "+orders");
  EXPECT_EQ(p->member(1).value.text, "+e");
  EXPECT_EQ(p->member(2).value.text, "KeyB");
  EXPECT_EQ(p->member(3).value.text, "caf\xc3\xa9");
}

TEST(ParserTest, Lists) {
  auto p = parseValid("fields: [a, \"b\", set*, -v.c, +d, ALL_FIELDS*]");
  const auto& list = p->member(0);
  EXPECT_TRUE(list.isList());
  ASSERT_EQ(list.items.size(), 6u);
  EXPECT_EQ(list.items[0].value.text, "a");
  EXPECT_FALSE(list.items[0].value.quoted());
  EXPECT_EQ(list.items[1].value.text, "b");
  EXPECT_TRUE(list.items[1].value.quoted());
  EXPECT_EQ(list.items[2].value.text, "set*");
  EXPECT_EQ(list.items[3].value.text, "-v.c");
  EXPECT_EQ(list.items[4].value.text, "+d");
  EXPECT_EQ(list.items[5].value.text, "ALL_FIELDS*");
  for (const auto& item : list.items) EXPECT_FALSE(item.map_value.present());
}

TEST(ParserTest, EmptyListsAndTrailingCommas) {
  auto p = parseValid("a: []\nb: [ ]\nc: [x,]\nd: [x, y, ]\ne: [\n  x,\n  y,\n]");
  EXPECT_TRUE(p->member(0).isList());
  EXPECT_TRUE(p->member(0).items.empty());
  EXPECT_TRUE(p->member(1).items.empty());
  EXPECT_EQ(p->member(2).items.size(), 1u);
  EXPECT_EQ(p->member(3).items.size(), 2u);
  EXPECT_EQ(p->member(4).items.size(), 2u);
}

// `[, a, b]`: a leading comma is accepted (both open-source LookML parsers accept it and real
// projects write comma-first lists); `[,]` is an empty list, two leading commas an error.
TEST(ParserTest, LeadingComma) {
  auto p = parseValid("a: [, x, y]\nb: [\n  , x\n  , y\n]\nc: [, k: \"v\"]");
  ASSERT_EQ(p->member(0).items.size(), 2u);
  EXPECT_EQ(p->member(0).items[0].value.text, "x");
  EXPECT_EQ(p->at(p->member(0).items[0].span.begin), "1:7");
  EXPECT_EQ(p->member(1).items.size(), 2u);
  ASSERT_EQ(p->member(2).items.size(), 1u);
  EXPECT_EQ(p->member(2).items[0].map_value.text, "v");
  EXPECT_TRUE(parseValid("a: [,]")->member(0).items.empty());
  EXPECT_NE(parseText("a: [, , x]")->summary(), "");
}

// `measure:: name {`: parsed as one colon, with a warning (LKML115) at the extra colon, on the
// fast path and in a member that goes to ANTLR (one with a syntax error further on).
TEST(ParserTest, DoubledColonWarns) {
  auto p = parseText("view: v {\n  measure:: total { type: sum }\n}\n");
  EXPECT_EQ(p->summary(), "LKML115 2:11 `measure` is followed by two colons\n");
  EXPECT_EQ(p->diagnostics().at(0).severity, Severity::Warning);
  EXPECT_TRUE(p->doc.complete);
  const auto& measure = p->member(0).children.at(0);
  EXPECT_EQ(measure.key, "measure");
  EXPECT_EQ(measure.value.text, "total");
  EXPECT_TRUE(measure.isBlock());

  auto broken =
      parseText("view: v {\n  measure:: total { type: sum }\n  dimension: x { type: }\n}\n");
  EXPECT_EQ(broken->member(0).children.at(0).key, "measure");
  EXPECT_EQ(broken->member(0).children.at(0).value.text, "total");
  EXPECT_NE(broken->summary().find("LKML115 2:11"), std::string::npos) << broken->summary();
  // Colons apart are a doubled colon too.
  EXPECT_EQ(parseText("a: : b")->summary(), "LKML115 1:4 `a` is followed by two colons\n");
  // In a list a doubled colon is a syntax error, not this warning.
  auto list = parseText("a: [x::y]");
  EXPECT_EQ(list->summary().find("LKML115"), std::string::npos);
  EXPECT_NE(list->summary(), "");
}

TEST(ParserTest, MapLists) {
  auto p = parseValid(
      "filters: [status: \"complete\", users.state: \"-CA\", n: 5]\nsorts: [created_date: desc]");
  const auto& filters = p->member(0);
  ASSERT_EQ(filters.items.size(), 3u);
  EXPECT_EQ(filters.items[0].value.text, "status");
  EXPECT_TRUE(filters.items[0].map_value.present());
  EXPECT_EQ(filters.items[0].map_value.text, "complete");
  EXPECT_TRUE(filters.items[0].map_value.quoted());
  EXPECT_EQ(filters.items[1].value.text, "users.state");
  EXPECT_EQ(filters.items[1].map_value.text, "-CA");
  EXPECT_EQ(filters.items[2].map_value.text, "5");
  EXPECT_FALSE(filters.items[2].map_value.quoted());
  EXPECT_EQ(p->member(1).items[0].map_value.text, "desc");
}

TEST(ParserTest, MapListKeysMayStartLikeSqlKeys) {
  auto p = parseValid("filters: [sql_flag: \"yes\", expr_date: desc, html: x]");
  const auto& filters = p->member(0);
  ASSERT_EQ(filters.items.size(), 3u);
  EXPECT_EQ(filters.items[0].value.text, "sql_flag");
  EXPECT_EQ(filters.items[1].value.text, "expr_date");
  EXPECT_EQ(filters.items[2].map_value.text, "x");
}

TEST(ParserTest, MixedListItems) {
  auto p = parseValid("a: [x, y: z, \"q\": \"r\"]");
  const auto& a = p->member(0);
  ASSERT_EQ(a.items.size(), 3u);
  EXPECT_FALSE(a.items[0].map_value.present());
  EXPECT_TRUE(a.items[1].map_value.present());
  EXPECT_TRUE(a.items[2].value.quoted());
  EXPECT_EQ(a.items[2].map_value.text, "r");
}

TEST(ParserTest, SqlBlocksAreTrimmed) {
  auto p = parseValid("sql:   ${TABLE}.id  ;;\nsql_on: ${a.id} = ${b.id};;\nhtml:\n  <b>x</b>\n;;");
  ASSERT_EQ(p->doc.members.size(), 3u);
  EXPECT_EQ(p->member(0).kind, NodeKind::Sql);
  EXPECT_EQ(p->member(0).key, "sql");
  EXPECT_EQ(p->member(0).sql, "${TABLE}.id");
  EXPECT_EQ(p->member(1).key, "sql_on");
  EXPECT_EQ(p->member(1).sql, "${a.id} = ${b.id}");
  EXPECT_EQ(p->member(2).key, "html");
  EXPECT_EQ(p->member(2).sql, "<b>x</b>");
}

TEST(ParserTest, EmptySql) {
  auto p = parseValid("sql: ;;\nsql_where:;;");
  EXPECT_EQ(p->member(0).sql, "");
  EXPECT_EQ(p->member(1).sql, "");
  EXPECT_EQ(p->member(0).sql_span.size(), 0u);
}

TEST(ParserTest, SqlKeyWithWhitespaceBeforeColon) {
  auto p = parseValid("sql_on  :  x = y ;;\nsql\n:\nz;;");
  EXPECT_EQ(p->member(0).key, "sql_on");
  EXPECT_EQ(p->member(0).sql, "x = y");
  EXPECT_EQ(p->member(1).key, "sql");
  EXPECT_EQ(p->member(1).sql, "z");
}

TEST(ParserTest, SqlKeepsEverythingVerbatim) {
  auto p = parseValid(
      "sql: {% if x._in_query %} a # not a comment -- c\n; 'x' \"y\" {{ value }} @{c} {% endif %} "
      ";;");
  EXPECT_EQ(
      p->member(0).sql,
      "{% if x._in_query %} a # not a comment -- c\n; 'x' \"y\" {{ value }} @{c} {% endif %}");
  EXPECT_TRUE(p->doc.comments.empty());
}

// As in every LookML parser, the first `;;` ends the block even inside a quoted SQL string:
// the rest of the line is then parsed as LookML.
TEST(ParserTest, DoubleSemicolonInsideQuotedSqlEndsTheBlock) {
  auto p = parseText("sql: x = ';;' ;;\n");
  ASSERT_GE(p->doc.members.size(), 1u);
  EXPECT_EQ(p->member(0).sql, "x = '");
  EXPECT_FALSE(p->doc.complete);
  EXPECT_FALSE(p->diagnostics().empty());
}

TEST(ParserTest, SpaceBeforeColon) {
  auto p = parseValid("join: users {\n  type : inner\n  relationship :many_to_one\n}");
  const auto& join = p->member(0);
  ASSERT_EQ(join.children.size(), 2u);
  EXPECT_EQ(join.children[0].key, "type");
  EXPECT_EQ(join.children[0].value.text, "inner");
  EXPECT_EQ(join.children[1].value.text, "many_to_one");
}

TEST(ParserTest, NoSeparatorsNeeded) {
  auto p = parseValid("dimension: x {sql:${TABLE}.x;;type:number hidden:yes}");
  const auto& d = p->member(0);
  ASSERT_EQ(d.children.size(), 3u);
  EXPECT_EQ(d.children[0].sql, "${TABLE}.x");
  EXPECT_EQ(d.children[1].value.text, "number");
  EXPECT_EQ(d.children[2].value.text, "yes");
}

TEST(ParserTest, OldStyleFiltersBlock) {
  auto p = parseValid("measure: m {\n  filters: { field: status value: \"done\" }\n}");
  const auto& filters = p->member(0).children.at(0);
  EXPECT_TRUE(filters.isBlock());
  EXPECT_FALSE(filters.value.present());
  ASSERT_EQ(filters.children.size(), 2u);
  EXPECT_EQ(filters.children[0].value.text, "status");
  EXPECT_EQ(filters.children[1].value.text, "done");
}

TEST(ParserTest, ConstantsAndTimezones) {
  auto p = parseValid(
      "sql_table_name: @{schema}.orders ;;\nlabel: @{label}\nconnection: \"@{conn}\"\n"
      "timezone: America/Los_Angeles");
  EXPECT_EQ(p->member(0).sql, "@{schema}.orders");
  EXPECT_EQ(p->member(1).value.text, "@{label}");
  EXPECT_EQ(p->member(2).value.text, "@{conn}");
  EXPECT_EQ(p->member(3).value.text, "America/Los_Angeles");
}

TEST(ParserTest, ConstantWithSpacesIsOneLiteral) {
  auto p = parseValid("label: @{a b: c}");
  EXPECT_EQ(p->member(0).value.text, "@{a b: c}");
}

TEST(ParserTest, RepeatedKeysAreAllKept) {
  auto p =
      parseValid("include: \"a\"\ninclude: \"b\"\nview: v { dimension: a {} dimension: b {} }");
  ASSERT_EQ(p->doc.members.size(), 3u);
  EXPECT_EQ(p->member(0).value.text, "a");
  EXPECT_EQ(p->member(1).value.text, "b");
  EXPECT_EQ(p->member(2).children.size(), 2u);
}

TEST(ParserTest, DeepButLegalNesting) {
  std::string text;
  for (uint32_t i = 0; i < grammar::kMaxNesting; ++i) text += "a: {";
  for (uint32_t i = 0; i < grammar::kMaxNesting; ++i) text += "}";
  auto p = parseValid(text);
  const syntax::Node* node = &p->member(0);
  uint32_t depth = 1;
  while (!node->children.empty()) {
    node = &node->children[0];
    ++depth;
  }
  EXPECT_EQ(depth, grammar::kMaxNesting);
}

TEST(ParserTest, CommentsAreKeptInTheDocument) {
  auto p = parseValid(
      "# header\nview: a { # after brace\n  label: \"x # not\" # trailing\n  sql: y # sql ;;\n"
      "  fields: [a, # in list\n b]\n}\n# last");
  ASSERT_EQ(p->doc.comments.size(), 5u);
  EXPECT_EQ(p->doc.comments[0].text, "# header");
  EXPECT_EQ(p->doc.comments[1].text, "# after brace");
  EXPECT_EQ(p->doc.comments[2].text, "# trailing");
  EXPECT_EQ(p->doc.comments[3].text, "# in list");
  EXPECT_EQ(p->doc.comments[4].text, "# last");
  EXPECT_EQ(p->member(0).child("label")->value.text, "x # not");
  EXPECT_EQ(p->member(0).child("sql")->sql, "y # sql");
  for (const auto& c : p->doc.comments) EXPECT_EQ(p->text(c.span), c.text);
}

TEST(ParserTest, CrlfAndTabs) {
  auto p = parseValid("view: a {\r\n\tsql: x\r\n\t ;;\r\n\tlabel:\t\"y\"\r\n}\r\n");
  EXPECT_EQ(p->member(0).child("sql")->sql, "x");
  EXPECT_EQ(p->member(0).child("label")->value.text, "y");
}

TEST(ParserTest, ParseAllKeepsOrderAndSharesTheSink) {
  SourceMap sources;
  std::vector<const SourceFile*> files;
  for (int i = 0; i < 16; ++i) {
    std::string text = "view: v" + std::to_string(i) + " { }";
    if (i % 5 == 0) text += " }";  // one error in some files
    files.push_back(&sources.add("f" + std::to_string(i) + ".lkml", text));
  }
  for (unsigned threads : {0u, 1u, 3u}) {
    DiagnosticBag bag;
    std::vector<syntax::Document> docs = grammar::parseAll(files, bag, threads);
    ASSERT_EQ(docs.size(), files.size());
    for (size_t i = 0; i < docs.size(); ++i) {
      EXPECT_EQ(docs[i].file, files[i]);
      EXPECT_EQ(docs[i].members.at(0).value.text, "v" + std::to_string(i));
      EXPECT_EQ(docs[i].complete, i % 5 != 0);
    }
    EXPECT_EQ(bag.errorCount(), 4u);
  }
  DiagnosticBag empty_bag;
  EXPECT_TRUE(grammar::parseAll({}, empty_bag).empty());
}

}  // namespace
}  // namespace lkml::test
