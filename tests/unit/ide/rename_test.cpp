#include <gmock/gmock.h>

#include <filesystem>
#include <map>

#include "tests/unit/ide/ide_test_support.h"

namespace lkml::ide::test {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;

// The files after applying the edits (back to front, so offsets stay valid).
std::map<std::string, std::string> apply(const IdeProject& p, const RenameResult& r) {
  std::map<std::string, std::string> out;
  for (auto it = r.edits.rbegin(); it != r.edits.rend(); ++it) {
    auto f = out.find(it->range.path);
    if (f == out.end()) f = out.emplace(it->range.path, std::string(p.text(it->range.path))).first;
    f->second.replace(it->range.begin, it->range.end - it->range.begin, it->new_text);
  }
  return out;
}

TEST(RenameTest, FieldEverywhere) {
  IdeProject p{sampleFiles()};
  const std::string u = "views/users.view.lkml";
  RenameResult r = rename(p.project(), u, p.at(u, "dimension: name", 0, 12), "full_name");
  ASSERT_THAT(r.error, IsEmpty());
  auto files = apply(p, r);
  EXPECT_THAT(files["a.model.lkml"],
              HasSubstr("fields: [orders.id, users.full_name, buyer.full_name"));
  EXPECT_THAT(files["b.model.lkml"], HasSubstr("${users.full_name} <> ''"));
  EXPECT_THAT(files["views/orders.view.lkml"], HasSubstr("drill_fields: [id, users.full_name]"));
  EXPECT_THAT(files["views/vip.view.lkml"], HasSubstr("UPPER(${full_name})"));
  EXPECT_THAT(files[u], HasSubstr("dimension: full_name {\n    type: string"));
  EXPECT_THAT(files[u], HasSubstr("view: +users {\n  dimension: full_name {"));
  EXPECT_EQ(r.edits.size(), 7u);
}

TEST(RenameTest, DimensionGroupKeepsTimeframesAndLiquidIsEdited) {
  IdeProject p{sampleFiles()};
  const std::string v = "views/orders.view.lkml";
  RenameResult r = rename(p.project(), v, p.at(v, "${created_date}", 0, 3), "placed");
  ASSERT_THAT(r.error, IsEmpty());
  EXPECT_THAT(apply(p, r)[v], HasSubstr("${placed_date} IS NOT NULL"));
  RenameResult liquid = rename(p.project(), v, p.at(v, "dimension: user_id", 0, 11), "buyer_id");
  ASSERT_THAT(liquid.error, IsEmpty());
  auto files = apply(p, liquid);
  EXPECT_THAT(files[v], HasSubstr("{{ orders.buyer_id._value }}"));
  EXPECT_THAT(files[v], HasSubstr("fields: [id, buyer_id]"));
  EXPECT_THAT(files["a.model.lkml"], HasSubstr("${orders.buyer_id} = ${buyer.id}"));
}

TEST(RenameTest, ViewRenamesJoinsWithoutFromButNotAliases) {
  IdeProject p{sampleFiles()};
  const std::string u = "views/users.view.lkml";
  RenameResult r = rename(p.project(), u, p.at(u, "view: users", 0, 6), "customers");
  ASSERT_THAT(r.error, IsEmpty());
  auto files = apply(p, r);
  EXPECT_THAT(files[u], HasSubstr("view: customers {"));
  EXPECT_THAT(files[u], HasSubstr("view: +customers {"));
  EXPECT_THAT(files["a.model.lkml"], HasSubstr("join: customers {"));
  EXPECT_THAT(files["a.model.lkml"], HasSubstr("${customers.id}"));
  EXPECT_THAT(files["a.model.lkml"], HasSubstr("from: customers"));
  EXPECT_THAT(files["a.model.lkml"], HasSubstr("${buyer.id}"));  // the alias stays
  EXPECT_THAT(files["b.model.lkml"], HasSubstr("view_name: customers"));
  EXPECT_THAT(files["views/vip.view.lkml"], HasSubstr("extends: [customers]"));
}

TEST(RenameTest, ExploreNamedAfterTheViewKeepsItsNameWithViewName) {
  IdeProject p{sampleFiles()};
  const std::string v = "views/orders.view.lkml";
  RenameResult r = rename(p.project(), v, p.at(v, "view: orders", 0, 6), "sales");
  ASSERT_THAT(r.error, IsEmpty());
  auto files = apply(p, r);
  EXPECT_THAT(files["a.model.lkml"], HasSubstr("explore: orders {\n  view_name: sales\n"));
  EXPECT_THAT(files["a.model.lkml"], HasSubstr("${sales.user_id} = ${users.id}"));
  EXPECT_THAT(files["a.model.lkml"], HasSubstr("fields: [sales.id, users.name"));
  EXPECT_THAT(files[v], HasSubstr("{{ sales.user_id._value }}"));
  // A column without `field:` names the explore's alias: refused.
  IdeProject ndt{File{"m.model.lkml", "include: \"*.view\"\nexplore: e {}\n"},
                 File{"e.view.lkml", "view: e {\n  dimension: d {}\n}\n"},
                 File{"n.view.lkml",
                      "view: n {\n  derived_table: {\n    explore_source: e {\n"
                      "      column: d {}\n    }\n  }\n}\n"}};
  EXPECT_THAT(rename(ndt.project(), "e.view.lkml", 7, "f").error,
              HasSubstr("column at n.view.lkml:4 reads it without `field:`"));
  EXPECT_THAT(rename(ndt.project(), "e.view.lkml", ndt.at("e.view.lkml", "d {"), "g").error,
              HasSubstr("read by a column of an explore_source without `field:`"));
}

TEST(RenameTest, FieldWithoutSqlKeepsItsColumn) {
  IdeProject p{sampleFiles()};
  const std::string u = "views/users.view.lkml";
  RenameResult r = rename(p.project(), u, p.at(u, "dimension: id", 0, 11), "user_key");
  ASSERT_THAT(r.error, IsEmpty());
  EXPECT_THAT(apply(p, r)[u], HasSubstr("dimension: user_key {\n    sql: ${TABLE}.id ;;\n"
                                        "    primary_key: yes"));
}

TEST(RenameTest, Refusals) {
  IdeProject p{sampleFiles()};
  const std::string v = "views/orders.view.lkml";
  uint32_t id = p.at(v, "dimension: id", 0, 11);
  EXPECT_THAT(rename(p.project(), v, id, "Bad-Name").error, HasSubstr("not a valid LookML name"));
  EXPECT_THAT(rename(p.project(), v, id, "9x").error, HasSubstr("not a valid LookML name"));
  EXPECT_THAT(rename(p.project(), v, id, "user_id").error, HasSubstr("already has"));
  EXPECT_THAT(rename(p.project(), v, id, "created_month").error, HasSubstr("already has"));
  EXPECT_THAT(rename(p.project(), v, p.at(v, "view: orders", 0, 6), "users").error,
              HasSubstr("already exists"));
  EXPECT_THAT(rename(p.project(), v, 0, "x").error, HasSubstr("field or view"));
  EXPECT_TRUE(rename(p.project(), v, id, "id").edits.empty());
}

TEST(RenameTest, RefusesWhatItCannotProve) {
  IdeProject dashboard{File{"m.model.lkml", "include: \"*.view\"\n"},
                       File{"v.view.lkml", "view: v {\n  dimension: amount {}\n}\n"},
                       File{"d.dashboard.lookml", "- name: x\n  fields: [v.amount]\n"}};
  EXPECT_THAT(
      rename(dashboard.project(), "v.view.lkml", dashboard.at("v.view.lkml", "amount"), "total")
          .error,
      HasSubstr("dashboard `d.dashboard.lookml`"));
  IdeProject broken{File{"m.model.lkml", "include: \"*.view\"\n"},
                    File{"v.view.lkml", "view: v {\n  dimension: amount {}\n}\n"},
                    File{"w.view.lkml", "view: w {\n  dimension: x { sql: ${v.amount} ;; \n"}};
  EXPECT_THAT(
      rename(broken.project(), "v.view.lkml", broken.at("v.view.lkml", "amount"), "total").error,
      HasSubstr("syntax errors"));
  IdeProject link{File{"m.model.lkml", "include: \"*.view\"\n"},
                  File{"v.view.lkml",
                       "view: v {\n  dimension: amount {\n    link: {\n      label: \"x\"\n"
                       "      url: \"/explore/m/v?fields=v.amount\"\n    }\n  }\n}\n"}};
  EXPECT_THAT(
      rename(link.project(), "v.view.lkml", link.at("v.view.lkml", "amount"), "total").error,
      HasSubstr("the string at v.view.lkml:5 spells `amount`"));
  IdeProject liquid{File{"m.model.lkml", "include: \"*.view\"\n"},
                    File{"v.view.lkml",
                         "view: v {\n  dimension: amount {}\n"
                         "  dimension: y {\n    sql: {% assign a = amount | plus: 1 %}{{ a }} ;;\n"
                         "  }\n}\n"}};
  EXPECT_THAT(
      rename(liquid.project(), "v.view.lkml", liquid.at("v.view.lkml", "amount"), "total").error,
      HasSubstr("Liquid at v.view.lkml:4"));
}

}  // namespace
}  // namespace lkml::ide::test
