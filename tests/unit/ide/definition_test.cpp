#include <gmock/gmock.h>

#include "tests/unit/ide/ide_test_support.h"

namespace lkml::ide::test {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

class DefinitionTest : public ::testing::Test {
 protected:
  IdeProject p{sampleFiles()};
  std::vector<std::string> def(const std::string& path, uint32_t offset) {
    return p.describe(definition(p.project(), path, offset));
  }
};

TEST_F(DefinitionTest, QualifiedSqlReferenceGoesToTheFieldInItsView) {
  // `${users.id}` in the join's sql_on: the field part and the view part.
  uint32_t field = p.at("a.model.lkml", "${users.id}", 0, 8);
  EXPECT_THAT(def("a.model.lkml", field), ElementsAre("views/users.view.lkml:id"));
  uint32_t view = p.at("a.model.lkml", "${users.id}", 0, 3);
  EXPECT_THAT(def("a.model.lkml", view),
              ElementsAre("views/users.view.lkml:users", "views/users.view.lkml:users"));
  auto ranges = definition(p.project(), "a.model.lkml", view);
  ASSERT_EQ(ranges.size(), 2u);
  EXPECT_EQ(p.line(ranges[0]), 1u);  // the original first, then the refinement
  EXPECT_GT(p.line(ranges[1]), 1u);
}

TEST_F(DefinitionTest, JoinAliasResolvesThroughFrom) {
  // `${buyer.id}`: buyer is `from: users`.
  uint32_t field = p.at("a.model.lkml", "${buyer.id}", 0, 8);
  EXPECT_THAT(def("a.model.lkml", field), ElementsAre("views/users.view.lkml:id"));
  uint32_t from = p.at("a.model.lkml", "from: users", 0, 6);
  EXPECT_THAT(def("a.model.lkml", from),
              ElementsAre("views/users.view.lkml:users", "views/users.view.lkml:users"));
}

TEST_F(DefinitionTest, UnqualifiedReferenceAndTableAndDimensionGroup) {
  const std::string v = "views/orders.view.lkml";
  EXPECT_THAT(def(v, p.at(v, "${id} > 100", 0, 2)), ElementsAre(v + ":id"));
  EXPECT_THAT(def(v, p.at(v, "${TABLE}.user_id", 0, 4)), ElementsAre(v + ":orders"));
  // `${created_date}` is a timeframe of the group `created`.
  EXPECT_THAT(def(v, p.at(v, "${created_date}", 0, 4)), ElementsAre(v + ":created"));
}

TEST(DefinitionSqlTableNameTest, BothPartsGoToTheView) {
  IdeProject p{File{"m.model.lkml", "include: \"*.view\"\n"},
               File{"a.view.lkml", "view: a {\n  sql_table_name: t ;;\n}\n"},
               File{"b.view.lkml",
                    "view: b {\n  derived_table: {\n    sql: SELECT * FROM ${a.SQL_TABLE_NAME} ;;\n"
                    "  }\n}\n"}};
  for (uint32_t delta : {2u, 4u, 12u}) {
    EXPECT_THAT(p.describe(definition(p.project(), "b.view.lkml",
                                      p.at("b.view.lkml", "${a.SQL", 0, delta))),
                ElementsAre("a.view.lkml:a"))
        << delta;
  }
}

TEST_F(DefinitionTest, FieldDefinitionIncludesRefinements) {
  // `users.name` in the explore's fields list: declared in users, refined in +users.
  uint32_t off = p.at("a.model.lkml", "users.name", 0, 7);
  auto ranges = definition(p.project(), "a.model.lkml", off);
  ASSERT_EQ(ranges.size(), 2u);
  EXPECT_EQ(p.slice(ranges[0]), "name");
  EXPECT_LT(p.line(ranges[0]), p.line(ranges[1]));
}

TEST_F(DefinitionTest, InheritedFieldThroughExtends) {
  const std::string v = "views/vip.view.lkml";
  EXPECT_EQ(def(v, p.at(v, "${name}", 0, 3)).front(), "views/users.view.lkml:name");
}

TEST_F(DefinitionTest, SetsGrantsLiquidAndViewName) {
  uint32_t set = p.at("a.model.lkml", "orders.details*", 0, 8);
  EXPECT_THAT(def("a.model.lkml", set), ElementsAre("views/orders.view.lkml:details"));
  uint32_t grant = p.at("a.model.lkml", "[staff]", 0, 2);
  EXPECT_THAT(def("a.model.lkml", grant), ElementsAre("a.model.lkml:staff"));
  const std::string v = "views/orders.view.lkml";
  EXPECT_THAT(def(v, p.at(v, "orders.user_id._value", 0, 8)), ElementsAre(v + ":user_id"));
  uint32_t view_name = p.at("b.model.lkml", "view_name: users", 0, 12);
  EXPECT_EQ(def("b.model.lkml", view_name).front(), "views/users.view.lkml:users");
  // In b.model, `${users.name}` names the view_name alias.
  uint32_t in_b = p.at("b.model.lkml", "${users.name}", 0, 9);
  EXPECT_EQ(def("b.model.lkml", in_b).front(), "views/users.view.lkml:name");
}

TEST_F(DefinitionTest, IncludeOpensTheMatchedFiles) {
  auto ranges = definition(p.project(), "a.model.lkml", p.at("a.model.lkml", "/views/", 0, 2));
  std::vector<std::string> paths;
  for (const FileRange& r : ranges) paths.push_back(r.path);
  EXPECT_THAT(
      paths, ElementsAre("views/orders.view.lkml", "views/users.view.lkml", "views/vip.view.lkml"));
}

TEST_F(DefinitionTest, TokenEdgesAndNowhere) {
  uint32_t begin = p.at("a.model.lkml", "${users.id}", 0, 8);
  // At the first byte and just past the last byte of `id`.
  EXPECT_THAT(def("a.model.lkml", begin), ElementsAre("views/users.view.lkml:id"));
  EXPECT_THAT(def("a.model.lkml", begin + 2), ElementsAre("views/users.view.lkml:id"));
  EXPECT_THAT(def("a.model.lkml", 0), IsEmpty());  // `connection`
  EXPECT_THAT(def("a.model.lkml", 1u << 30), IsEmpty());
  EXPECT_THAT(def("nope.lkml", 3), IsEmpty());
}

}  // namespace
}  // namespace lkml::ide::test
