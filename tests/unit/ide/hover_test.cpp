#include <gmock/gmock.h>

#include "tests/unit/ide/ide_test_support.h"

namespace lkml::ide::test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(HoverTest, FieldTypeLabelDescriptionSqlAndWhere) {
  IdeProject p{sampleFiles()};
  auto h = hover(p.project(), "a.model.lkml", p.at("a.model.lkml", "${orders.user_id}", 0, 10));
  ASSERT_TRUE(h);
  EXPECT_EQ(p.slice(h->range), "user_id");
  EXPECT_THAT(h->markdown, HasSubstr("**dimension** `orders.user_id` — type `number`"));
  EXPECT_THAT(h->markdown, HasSubstr("Label: User"));
  EXPECT_THAT(h->markdown, HasSubstr("Who ordered."));
  EXPECT_THAT(h->markdown, HasSubstr("${TABLE}.user_id"));
  EXPECT_THAT(h->markdown, HasSubstr("public.orders.user_id"));  // ${TABLE} resolved
  EXPECT_THAT(h->markdown, HasSubstr("Defined in `views/orders.view.lkml:"));
}

TEST(HoverTest, ResolvesOneLevelAndShowsRefinements) {
  IdeProject p{sampleFiles()};
  const std::string v = "views/orders.view.lkml";
  auto h = hover(p.project(), v, p.at(v, "dimension: big", 0, 11));
  ASSERT_TRUE(h);
  EXPECT_THAT(h->markdown, HasSubstr("(${TABLE}.id) > 100"));  // one level: ${TABLE} stays
  auto name = hover(p.project(), "a.model.lkml", p.at("a.model.lkml", "users.name", 0, 7));
  ASSERT_TRUE(name);
  EXPECT_THAT(name->markdown, HasSubstr("Label: Full name"));
  EXPECT_THAT(name->markdown, HasSubstr("Refined in `views/users.view.lkml:"));
}

TEST(HoverTest, GroupsViewsExploresGrantsIncludes) {
  IdeProject p{sampleFiles()};
  const std::string v = "views/orders.view.lkml";
  auto group = hover(p.project(), v, p.at(v, "${created_date}", 0, 3));
  ASSERT_TRUE(group);
  EXPECT_THAT(group->markdown, HasSubstr("created_date, created_month"));
  auto view = hover(p.project(), v, p.at(v, "view: orders", 0, 7));
  ASSERT_TRUE(view);
  EXPECT_THAT(view->markdown, HasSubstr("public.orders"));
  EXPECT_THAT(view->markdown, HasSubstr("measures"));
  auto explore = hover(p.project(), "a.model.lkml", p.at("a.model.lkml", "explore: orders", 0, 9));
  ASSERT_TRUE(explore);
  EXPECT_THAT(explore->markdown, HasSubstr("`buyer (users)`"));
  auto grant = hover(p.project(), "a.model.lkml", p.at("a.model.lkml", "[staff]", 0, 1));
  ASSERT_TRUE(grant);
  EXPECT_THAT(grant->markdown, HasSubstr("User attribute `role` in [\"staff\"]"));
  auto include = hover(p.project(), "b.model.lkml", p.at("b.model.lkml", "users.view", 0, 1));
  ASSERT_TRUE(include);
  EXPECT_THAT(include->markdown, HasSubstr("`views/users.view.lkml`"));
  EXPECT_THAT(include->markdown, Not(HasSubstr("orders")));
}

TEST(HoverTest, NothingWhereNoName) {
  IdeProject p{sampleFiles()};
  EXPECT_FALSE(hover(p.project(), "a.model.lkml", 0));
  EXPECT_FALSE(hover(p.project(), "a.model.lkml", 100000));
  EXPECT_FALSE(hover(p.project(), "none", 0));
}

}  // namespace
}  // namespace lkml::ide::test
