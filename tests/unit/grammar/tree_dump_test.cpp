// grammar/tree_dump.h: the lkml.load()-shaped JSON and the indented tree dump.
#include "grammar/tree_dump.h"

#include <gtest/gtest.h>

#include <sstream>

#include "tests/unit/grammar/parse_helpers.h"

namespace lkml::test {
namespace {

std::string json(const std::string& text) {
  auto p = parseValid(text);
  return grammar::toLkmlJson(p->doc).dump();
}

std::string tree(const std::string& text) {
  auto p = parseText(text);
  std::ostringstream out;
  grammar::dumpTree(out, p->doc);
  return out.str();
}

TEST(PluralKeyTest, RepeatableKeys) {
  EXPECT_EQ(grammar::pluralKey("view"), "views");
  EXPECT_EQ(grammar::pluralKey("dimension_group"), "dimension_groups");
  EXPECT_EQ(grammar::pluralKey("query"), "queries");
  EXPECT_EQ(grammar::pluralKey("local_dependency"), "local_dependencies");
  EXPECT_EQ(grammar::pluralKey("user_attribute_param"), "user_attribute_params");
  EXPECT_EQ(grammar::pluralKey("label"), "");
  EXPECT_EQ(grammar::pluralKey("views"), "");
  EXPECT_EQ(grammar::pluralKey("filters"), "");  // collected under filters__all instead
  EXPECT_EQ(grammar::pluralKey(""), "");
}

TEST(LkmlJsonTest, ScalarsAreStringsAndBlocksObjects) {
  EXPECT_EQ(json("a: 1\nb: yes\nc: \"q\"\nd: {e: f}"),
            R"({"a":"1","b":"yes","c":"q","d":{"e":"f"}})");
  EXPECT_EQ(json(""), "{}");
}

TEST(LkmlJsonTest, NamedBlocksGetANameAndRepeatableKeysAPlural) {
  EXPECT_EQ(json("view: a { dimension: x {} }\nview: b {}"),
            R"({"views":[{"name":"a","dimensions":[{"name":"x"}]},{"name":"b"}]})");
}

TEST(LkmlJsonTest, AllKeys) {
  EXPECT_EQ(json("extends: [a]\nextends: [b, c]"), R"({"extends__all":[["a"],["b","c"]]})");
  EXPECT_EQ(json("filters: [a: \"x\"]\nfilters: {field: b value: \"y\"}"),
            R"({"filters__all":[[{"a":"x"}],{"field":"b","value":"y"}]})");
  EXPECT_EQ(json("bind_filters: {from_field: a to_field: b}"),
            R"({"bind_filters__all":[{"from_field":"a","to_field":"b"}]})");
}

TEST(LkmlJsonTest, RepeatedPlainKeyKeepsTheLast) {
  EXPECT_EQ(json("label: a\nlabel: b"), R"({"label":"b"})");
}

TEST(LkmlJsonTest, PluralKeyAlreadyUsedByAPlainValue) {
  // `views: x` then `view: y {}`: the plural list replaces the plain value.
  EXPECT_EQ(json("views: x\nview: y {}"), R"({"views":[{"name":"y"}]})");
}

TEST(LkmlJsonTest, StringsKeepEscapesSqlIsTrimmed) {
  EXPECT_EQ(json("a: \"x\\\"y\"\nsql:  s ;;"), R"({"a":"x\\\"y","sql":"s"})");
}

TEST(LkmlJsonTest, MapListsAndPlainLists) {
  EXPECT_EQ(json("sorts: [a: desc, b: \"asc\"]\nf: [x, \"y\"]"),
            R"({"sorts":[{"a":"desc"},{"b":"asc"}],"f":["x","y"]})");
}

TEST(TreeDumpTest, ExactFormat) {
  EXPECT_EQ(tree("view: \"v\" {\n  a: b\n  l: [x, y: \"z\"]\n  sql: s\n;;\n  d: {}\n} # c\n"),
            "view: block \"v\" @1:1-7:2\n"
            "  a: pair b @2:3-2:7\n"
            "  l: list [x, y: \"z\"] @3:3-3:17\n"
            "  sql: sql \"s\" @4:3-5:3\n"
            "  d: block @6:3-6:8\n"
            "comment \"# c\" @7:3-7:6\n");
}

TEST(TreeDumpTest, SqlIsJsonQuoted) {
  EXPECT_EQ(tree("sql: a \"b\"\n\tc\\d ;;"), "sql: sql \"a \\\"b\\\"\\n\\tc\\\\d\" @1:1-2:8\n");
}

TEST(TreeDumpTest, EmptyDocument) { EXPECT_EQ(tree(""), ""); }

}  // namespace
}  // namespace lkml::test
