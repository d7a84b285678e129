#include <gmock/gmock.h>

#include "tests/unit/ide/ide_test_support.h"

namespace lkml::ide::test {
namespace {

using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

TEST(ReferencesTest, FieldAcrossModelsSqlListsAndAliases) {
  IdeProject p{sampleFiles()};
  // users.name: the explore's fields list (users.name and buyer.name through from:), the
  // drill field in orders, b.model's sql_always_where, vip's inherited ${name}.
  const std::string u = "views/users.view.lkml";
  auto refs = p.describe(references(p.project(), u, p.at(u, "dimension: name", 0, 11), false));
  EXPECT_THAT(refs, UnorderedElementsAre("a.model.lkml:name", "a.model.lkml:name",
                                         "views/orders.view.lkml:name", "b.model.lkml:name",
                                         "views/vip.view.lkml:name"));
  auto with_decl = references(p.project(), u, p.at(u, "dimension: name", 0, 11), true);
  EXPECT_EQ(with_decl.size(), refs.size() + 2);  // the declaration and the refinement's
}

TEST(ReferencesTest, FieldInSqlSetAndLiquid) {
  IdeProject p{sampleFiles()};
  const std::string v = "views/orders.view.lkml";
  auto refs = p.describe(references(p.project(), v, p.at(v, "dimension: user_id", 0, 11), false));
  // Two sql_on references, the Liquid in html, the set.
  EXPECT_THAT(refs, UnorderedElementsAre("a.model.lkml:user_id", "a.model.lkml:user_id",
                                         v + ":user_id", v + ":user_id"));
}

TEST(ReferencesTest, ViewNamesButNotAliasesOfOtherNames) {
  IdeProject p{sampleFiles()};
  const std::string u = "views/users.view.lkml";
  auto refs = p.describe(references(p.project(), u, p.at(u, "view: users", 0, 6), false));
  // join: users (no from:), ${users.id}, from: users, fields users.name, drill users.name,
  // view_name: users, ${users.name} in b, extends: [users]. Not `buyer`.
  EXPECT_THAT(refs, UnorderedElementsAre("a.model.lkml:users", "a.model.lkml:users",
                                         "a.model.lkml:users", "a.model.lkml:users",
                                         "views/orders.view.lkml:users", "b.model.lkml:users",
                                         "b.model.lkml:users", "views/vip.view.lkml:users"));
}

TEST(ReferencesTest, DimensionGroupTimeframesPointAtTheGroupName) {
  IdeProject p{sampleFiles()};
  const std::string v = "views/orders.view.lkml";
  auto refs = references(p.project(), v, p.at(v, "group: created", 0, 7), false);
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(p.slice(refs[0]), "created");  // `created` of `${created_date}`
  EXPECT_EQ(p.text(v).substr(refs[0].begin - 2, 15), "${created_date}");
}

TEST(ReferencesTest, SetsAndGrants) {
  IdeProject p{sampleFiles()};
  const std::string v = "views/orders.view.lkml";
  EXPECT_THAT(p.describe(references(p.project(), v, p.at(v, "set: details", 0, 5), false)),
              UnorderedElementsAre("a.model.lkml:details"));
  EXPECT_THAT(p.describe(references(p.project(), "a.model.lkml",
                                    p.at("a.model.lkml", "access_grant: staff", 0, 14), false)),
              UnorderedElementsAre("a.model.lkml:staff"));
}

TEST(ReferencesTest, NothingOnKeywordsCommentsAndIncludes) {
  IdeProject p{File{"m.model.lkml", "# explore: x\ninclude: \"*.view\"\nexplore: x {}\n"},
               File{"x.view.lkml", "view: x {}\n"}};
  EXPECT_THAT(references(p.project(), "m.model.lkml", 4, true), IsEmpty());
  EXPECT_THAT(references(p.project(), "m.model.lkml", p.at("m.model.lkml", "*.view"), true),
              IsEmpty());
  // The explore named after its view: both are found from the view.
  EXPECT_EQ(references(p.project(), "x.view.lkml", 7, false).size(), 1u);
}

}  // namespace
}  // namespace lkml::ide::test
