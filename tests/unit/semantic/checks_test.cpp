// Every LKML2xx check with a bad case (the exact message, and nothing else reported) and a good
// case (nothing reported). Include, extends and refinement codes (216-222, 225, 227, 228) are
// covered in include_resolver_test.cpp, extends_refinements_test.cpp and lowering_test.cpp too.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "semantic/lint_config.h"
#include "tests/unit/semantic/semantic_test_util.h"

namespace lkml::semantic {
namespace {

using test::Linted;
using test::TempProject;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

// A project of one model `m` (connection, includes every view) plus `model_extra`, and one view
// file `v.view.lkml`.
struct Case {
  std::unique_ptr<TempProject> project;
  Linted linted;
  std::vector<std::string> messages() const { return linted.messages(); }
  std::string where(size_t i = 0) const {
    return i < linted.diagnostics.size() ? linted.where(linted.diagnostics[i], project->root())
                                         : "(none)";
  }
  const Diagnostic& at(size_t i = 0) const { return linted.diagnostics.at(i); }
};

Case lint(const std::string& views, const std::string& model_extra = "",
          const LintConfig& config = LintConfig()) {
  Case c;
  c.project = std::make_unique<TempProject>(std::initializer_list<test::File>{
      {"m.model.lkml", "connection: \"db\"\ninclude: \"/*.view\"\n" + model_extra},
      {"v.view.lkml", views}});
  c.linted = test::lintProject(*c.project, config);
  return c;
}

const char* kUsers = R"(view: users {
  dimension: id { primary_key: yes type: number }
  dimension: name {}
  dimension: company_id { type: number }
  measure: count {}
}
)";

const char* kOrders = R"(view: orders {
  dimension: id { primary_key: yes type: number }
  dimension: user_id { type: number }
  dimension: status {}
  dimension_group: created { type: time timeframes: [raw, date, month] sql: ${TABLE}.created_at ;; }
  measure: count {}
  measure: total { type: sum sql: ${TABLE}.amount ;; }
}
)";

std::string usersAndOrders() { return std::string(kUsers) + kOrders; }

const char* kOrdersExplore = R"(explore: orders {
  join: users { sql_on: ${orders.user_id} = ${users.id} ;; relationship: many_to_one }
}
)";

// ---- 201 unknown_parameter, 231 duplicate_parameter -------------------------------------

TEST(Check201UnknownParameter, Bad) {
  Case c = lint(kUsers,
                "explore: users {\n  join: x { from: users sql_on: 1=1 ;; relationship: "
                "one_to_one view_lable: \"X\" }\n  bogus_param: yes\n}\n");
  EXPECT_THAT(
      c.messages(),
      ElementsAre("LKML201: unknown parameter `view_lable` in a join (`join: x`)",
                  "LKML201: unknown parameter `bogus_param` in an explore (`explore: users`)"));
  EXPECT_EQ(c.at(0).help, "did you mean `view_label`?");
  EXPECT_EQ(c.at(0).label, "not a LookML parameter here");
  EXPECT_EQ(c.where(0), "m.model.lkml:4:65");
}

TEST(Check201UnknownParameter, InAViewAndAField) {
  Case c = lint("view: users {\n  sql_tabel_name: t ;;\n  dimension: id { primry_key: yes }\n}\n");
  EXPECT_THAT(c.messages(),
              ElementsAre("LKML201: unknown parameter `sql_tabel_name` in a view (`view: users`)",
                          "LKML201: unknown parameter `primry_key` in a field (`dimension: id`)"));
  EXPECT_EQ(c.at(0).help, "did you mean `sql_table_name`?");
  EXPECT_EQ(c.at(1).help, "did you mean `primary_key`?");
}

TEST(Check201UnknownParameter, Good) {
  EXPECT_THAT(lint(kUsers, "explore: users { label: \"Users\" }\n").messages(), IsEmpty());
}

TEST(Check231DuplicateParameter, BadAndGood) {
  Case c = lint(
      "view: users {\n  label: \"a\"\n  label: \"b\"\n  dimension: id { hidden: yes "
      "hidden: no }\n}\n");
  EXPECT_THAT(c.messages(),
              ElementsAre("LKML231: `label` is given more than once; the last one wins",
                          "LKML231: `hidden` is given more than once; the last one wins"));
  EXPECT_EQ(c.at(0).severity, Severity::Warning);
  EXPECT_EQ(c.where(0), "v.view.lkml:3:3");
  EXPECT_FALSE(c.linted.model("m")->findView("users")->findField("id")->hidden);  // last wins
  // Repeatable parameters are no duplicates.
  EXPECT_THAT(lint("view: users {\n  dimension: id { link: { url: \"a\" } link: { url: \"b\" } }\n"
                   "  dimension: x {}\n}\n")
                  .messages(),
              IsEmpty());
}

// ---- 202 invalid_value ---------------------------------------------------------------------

TEST(Check202InvalidValue, Bad) {
  Case c = lint(
      "view: users {\n  dimension: id { type: nubmer primary_key: yess }\n"
      "  measure: m { type: summ sql: 1 ;; }\n}\n",
      "explore: users {\n  join: users2 { from: users sql_on: 1=1 ;; type: lft_outer "
      "relationship: many_to_on }\n}\n");
  EXPECT_THAT(c.messages(), ElementsAre("LKML202: invalid value `lft_outer` for join `type`",
                                        "LKML202: invalid value `many_to_on` for `relationship`",
                                        "LKML202: invalid value `nubmer` for a dimension type",
                                        "LKML202: invalid value `yess` for `primary_key`",
                                        "LKML202: invalid value `summ` for a measure type"));
  EXPECT_EQ(c.at(0).help, "did you mean `left_outer`?");
  EXPECT_EQ(c.at(1).help, "did you mean `many_to_one`?");
  EXPECT_EQ(c.at(2).help, "did you mean `number`?");
  EXPECT_EQ(c.at(3).help, "did you mean `yes`?");
  EXPECT_EQ(c.at(4).help, "did you mean `sum`?");
  EXPECT_EQ(c.where(0), "m.model.lkml:4:51");
  EXPECT_EQ(c.where(2), "v.view.lkml:2:25");
}

TEST(Check202InvalidValue, GrantWithoutUserAttribute) {
  Case c = lint(kUsers,
                "access_grant: g { allowed_values: [\"x\"] }\n"
                "explore: users { required_access_grants: [g] }\n");
  EXPECT_THAT(c.messages(), ElementsAre("LKML202: access grant `g` has no `user_attribute`"));
}

TEST(Check202InvalidValue, NamelessBlocks) {
  Case c = lint(
      "view: users {\n  dimension: {}\n  dimension: id { primary_key: yes }\n}\n"
      "view: + { label: \"x\" }\n",
      "explore: users {\n  join: { sql_on: 1=1 ;; }\n}\naccess_grant: {}\n");
  EXPECT_THAT(c.messages(),
              ElementsAre("LKML202: `join` needs a name; this block is ignored",
                          "LKML202: `access_grant` needs a name; this block is ignored",
                          "LKML202: `dimension` needs a name; this block is ignored",
                          "LKML202: `view` needs a name; this block is ignored"));
  EXPECT_EQ(c.at(0).help, "write `join: name { ... }`");
  EXPECT_EQ(c.where(0), "m.model.lkml:4:3");
}

TEST(Check202InvalidValue, Good) {
  EXPECT_THAT(lint("view: users {\n  dimension: id { type: number primary_key: yes }\n"
                   "  measure: m { type: sum sql: 1 ;; }\n}\n",
                   "explore: users {\n  join: users2 { from: users sql_on: 1=1 ;; type: inner "
                   "relationship: one_to_one }\n}\n")
                  .messages(),
              IsEmpty());
}

// ---- 203 duplicate_name --------------------------------------------------------------------

TEST(Check203DuplicateName, ViewsExploresFieldsJoinsGrants) {
  Case c = lint(std::string(kUsers) +
                    "view: users { dimension: other {} }\n"
                    "view: dup { dimension: a {} measure: a {} }\n",
                "access_grant: g { user_attribute: a allowed_values: [\"x\"] }\n"
                "access_grant: g { user_attribute: b allowed_values: [\"x\"] }\n"
                "explore: users { required_access_grants: [g]\n"
                "  join: users { sql_on: 1=1 ;; relationship: one_to_one }\n"
                "  join: dup { sql_on: 1=1 ;; relationship: one_to_one }\n"
                "  join: dup { sql_on: 1=1 ;; relationship: one_to_one }\n}\n"
                "explore: users {}\n");
  EXPECT_THAT(c.messages(),
              ElementsAre("LKML203: access_grant `g` is defined more than once in the model",
                          "LKML203: join `users` reuses the explore's own alias",
                          "LKML203: join `dup` appears twice in explore `users`",
                          "LKML203: explore `users` is defined more than once in the model",
                          "LKML203: view `users` is defined more than once in the model",
                          "LKML203: field `a` is defined more than once in view `dup`"));
  EXPECT_EQ(c.at(0).notes.at(0).message, "first defined here");
  EXPECT_EQ(c.at(3).help, "rename one of them, or refine the first with `explore: +users { ... }`");
}

TEST(Check203DuplicateName, Good) {
  EXPECT_THAT(lint(std::string(kUsers) + "view: +users { dimension: other {} }\n",
                   "explore: users {}\nexplore: +users { label: \"x\" }\n")
                  .messages(),
              IsEmpty());
}

// ---- 204 unknown_view, 228, 227 -------------------------------------------------------------

TEST(Check204UnknownView, JoinFromAndSqlTableName) {
  Case c =
      lint(std::string(kUsers) +
               "view: facts {\n  derived_table: { sql: SELECT * FROM ${usres.SQL_TABLE_NAME} ;; }\n"
               "  dimension: id {}\n}\n",
           "explore: users {\n"
           "  join: buyers { from: usres sql_on: 1=1 ;; relationship: many_to_one }\n"
           "  join: sellers { sql_on: 1=1 ;; relationship: many_to_one }\n}\n");
  EXPECT_THAT(
      c.messages(),
      ElementsAre("LKML204: unknown view `usres` joined as `buyers` in explore `users`",
                  "LKML204: unknown view `sellers` joined as `sellers` in explore `users`",
                  "LKML204: `${usres.SQL_TABLE_NAME}` in view `facts` names an unknown view"));
  EXPECT_EQ(c.at(0).help, "did you mean `users`?");
  EXPECT_EQ(c.at(1).help, "define the view, or include the file that defines it in model `m`");
  EXPECT_EQ(c.at(2).help, "did you mean `${users.SQL_TABLE_NAME}`?");
  EXPECT_EQ(c.where(2), "v.view.lkml:8:39");
}

TEST(Check204UnknownView, Good) {
  EXPECT_THAT(
      lint(std::string(kUsers) +
               "view: facts {\n  derived_table: { sql: SELECT * FROM ${users.SQL_TABLE_NAME} "
               ";; }\n  dimension: id { primary_key: yes }\n}\n",
           "explore: users {\n  join: facts { sql_on: 1=1 ;; relationship: one_to_one }\n}\n")
          .messages(),
      IsEmpty());
}

// ---- 205 unknown_field, 206 inaccessible_view, 223 missing_timeframe -----------------------

TEST(Check205UnknownField, InFieldSqlWithSuggestion) {
  Case c = lint(usersAndOrders() +
                    "view: +orders {\n  dimension: label { sql: ${users.nmae} || "
                    "${statsu} ;; }\n}\n",
                kOrdersExplore);
  EXPECT_THAT(c.messages(),
              ElementsAre("LKML205: unknown field `users.nmae` in `orders.label`: view `users` has "
                          "no field `nmae`",
                          "LKML205: unknown field `statsu` in `orders.label`: view `orders` has no "
                          "field `statsu`"));
  EXPECT_EQ(c.at(0).help, "did you mean `name`?");
  EXPECT_EQ(c.at(1).help, "did you mean `status`?");
  EXPECT_EQ(c.at(0).label, "not a field of `users`");
  EXPECT_EQ(c.where(0), "v.view.lkml:16:27");
}

TEST(Check205UnknownField, InExploreFieldsFiltersAndJoinSql) {
  Case c = lint(usersAndOrders(), R"(explore: orders {
  fields: [ALL_FIELDS*, -users.nmae]
  sql_always_where: ${stauts} = 'x' ;;
  always_filter: { filters: [orders.stauts: "x"] }
  access_filter: { field: users.compnay_id user_attribute: company }
  join: users { sql_on: ${orders.usr_id} = ${users.id} ;; relationship: many_to_one }
}
)");
  EXPECT_THAT(
      c.messages(),
      ElementsAre(
          "LKML205: unknown field `users.nmae` in the `fields` of explore `orders`",
          "LKML205: unknown field `stauts` in sql_always_where: view `orders` has no field "
          "`stauts`",
          "LKML205: `always_filter` names unknown field `orders.stauts`",
          "LKML205: `access_filter` names unknown field `users.compnay_id`",
          "LKML205: unknown field `orders.usr_id` in the sql_on of join `users`: view `orders` has "
          "no field `usr_id`"));
  EXPECT_EQ(c.at(0).help, "did you mean `users.name`?");
  EXPECT_EQ(c.at(2).help, "did you mean `orders.status`?");
  EXPECT_EQ(c.at(3).help, "did you mean `users.company_id`?");
  EXPECT_EQ(c.at(4).help, "did you mean `user_id`?");
}

TEST(Check205UnknownField, ForeignKey) {
  Case c =
      lint(usersAndOrders() + "view: companies { dimension: id { primary_key: yes } }\n",
           "explore: orders {\n  join: users { foreign_key: usr_id relationship: many_to_one }\n"
           "  join: companies { foreign_key: users.compny_id relationship: many_to_one }\n"
           "  join: c2 { from: companies foreign_key: usres.company_id relationship: "
           "many_to_one }\n}\n");
  EXPECT_THAT(c.messages(),
              ElementsAre("LKML205: the `foreign_key` of join `users` names unknown field "
                          "`orders.usr_id`",
                          "LKML205: the `foreign_key` of join `companies` names unknown field "
                          "`users.compny_id`",
                          "LKML206: the `foreign_key` of join `c2` uses view `usres`, which is not "
                          "joined in explore `orders`"));
  EXPECT_EQ(c.at(0).help, "did you mean `orders.user_id`?");
  EXPECT_EQ(c.at(1).help, "did you mean `users.company_id`?");
  EXPECT_EQ(c.where(0), "m.model.lkml:4:30");
}

TEST(Check205UnknownField, FieldsExcludedByTheExploreAreNotCompiledThere) {
  // `orders.label` references users.name; the explore hides `orders.label`, so no error there.
  Case c = lint(std::string(kOrders) +
                    "view: +orders { dimension: label { sql: ${users.name} ;; } }\n" + kUsers,
                "explore: orders {\n  fields: [ALL_FIELDS*, -orders.label]\n}\n"
                "explore: with_users { from: orders fields: [ALL_FIELDS*, -with_users.label] }\n");
  EXPECT_THAT(c.messages(), IsEmpty());
}

TEST(Check205UnknownField, ViewFieldListsAreWarnings) {
  Case c = lint(R"(view: users {
  dimension: id { primary_key: yes }
  dimension: name {}
  dimension_group: created { timeframes: [date] sql: x ;; }
  drill_fields: [nmae]
  set: detail { fields: [id, naem, created, orders.totl] }
  measure: count { drill_fields: [detial*, orders.detail*] }
}
view: orders { dimension: total {} set: detail { fields: [total] } }
)");
  EXPECT_THAT(c.messages(),
              ElementsAre("LKML205: unknown field `nmae` in the view's `drill_fields`",
                          "LKML205: unknown field `naem` in set `detail`",
                          "LKML223: `created` in set `detail` names dimension group `created` "
                          "without a timeframe",
                          "LKML205: unknown field `orders.totl` in set `detail`",
                          "LKML230: unknown set `detial*` in the `drill_fields` of `count`"));
  for (const auto& d : c.linted.diagnostics) EXPECT_EQ(d.severity, Severity::Warning);
  EXPECT_EQ(c.at(0).help, "did you mean `name`?");
  EXPECT_EQ(c.at(3).help, "did you mean `orders.total`?");
  EXPECT_EQ(c.at(4).help, "did you mean `detail*`?");
  EXPECT_EQ(c.where(1), "v.view.lkml:6:30");
}

TEST(Check205UnknownField, Good) {
  EXPECT_THAT(lint(usersAndOrders() + "view: +orders {\n  dimension: label { sql: ${users.name} || "
                                      "${status} || ${created_date} ;; }\n"
                                      "  set: detail { fields: [id, created_date, users.name] }\n"
                                      "  drill_fields: [detail*, users.ALL_FIELDS*]\n}\n",
                   R"(explore: orders {
  fields: [ALL_FIELDS*, -users.company_id]
  sql_always_where: ${status} = 'x' ;;
  always_filter: { filters: [orders.status: "x"] }
  join: users { sql_on: ${orders.user_id} = ${users.id} ;; relationship: many_to_one fields: [name] }
}
)")
                  .messages(),
              IsEmpty());
}

TEST(Check206InaccessibleView, BadAndGood) {
  Case c = lint(usersAndOrders() +
                    "view: +users { dimension: order_status { sql: ${ordres.status} "
                    ";; } }\n",
                "explore: users {\n  join: orders { sql_on: ${users.id} = ${ordres.user_id} ;; "
                "relationship: one_to_many }\n}\nexplore: lonely { from: users }\n");
  EXPECT_THAT(
      c.messages(),
      ElementsAre("LKML206: `${ordres.user_id}` in the sql_on of join `orders`: view `ordres` is "
                  "not joined in explore `users`",
                  // Findings at one place are ordered by message (deterministic across
                  // the threads the checks run on).
                  "LKML206: `${ordres.status}` in `users.order_status`: view `ordres` is not "
                  "joined in explore `lonely`",
                  "LKML206: `${ordres.status}` in `users.order_status`: view `ordres` is not "
                  "joined in explore `users`"));
  EXPECT_EQ(c.at(0).help, "did you mean `${orders.user_id}`?");
  EXPECT_EQ(c.at(1).help, "join `ordres` in explore `lonely` (or remove the reference)");
  EXPECT_EQ(c.at(2).help, "did you mean `${orders.status}`?");
  EXPECT_EQ(c.at(0).label, "not accessible in this explore");
  Case good = lint(usersAndOrders() +
                       "view: +users { dimension: order_status { sql: "
                       "${orders.status} ;; } }\n",
                   "explore: users {\n  join: orders { sql_on: ${users.id} = ${orders.user_id} ;; "
                   "relationship: one_to_many }\n}\n");
  EXPECT_THAT(good.messages(), IsEmpty());
}

TEST(Check223MissingTimeframe, BadAndGood) {
  Case c = lint(std::string(kOrders) + "view: +orders { dimension: d { sql: ${created} ;; } }\n",
                "explore: orders { always_filter: { filters: [orders.created: \"7 days\"] } }\n");
  EXPECT_THAT(c.messages(),
              ElementsAre("LKML223: `always_filter` names dimension group `orders.created` "
                          "without a timeframe",
                          "LKML223: `created` names dimension group `created` without a timeframe "
                          "(in `orders.d`)"));
  EXPECT_EQ(c.at(0).help, "append a timeframe, e.g. `orders.created_date`");
  EXPECT_EQ(c.at(1).help, "append a timeframe, e.g. `created_date` or `created_raw`");
  EXPECT_THAT(
      lint(std::string(kOrders) + "view: +orders { dimension: d { sql: ${created_raw} ;; } }\n",
           "explore: orders { always_filter: { filters: [orders.created_date: \"7 days\"] } }\n")
          .messages(),
      IsEmpty());
}

// ---- 207 missing_join_condition, 208 join_order, 209 missing_relationship ------------------

TEST(Check207MissingJoinCondition, BadAndGood) {
  Case c =
      lint(usersAndOrders(), "explore: orders { join: users { relationship: many_to_one } }\n");
  EXPECT_THAT(c.messages(), ElementsAre("LKML207: join `users` has no `sql_on` or `foreign_key`"));
  // Looker's validator accepts a join without a condition: a warning, never an error.
  EXPECT_EQ(c.at(0).severity, Severity::Warning);
  EXPECT_EQ(c.at(0).help,
            "add `sql_on: ${orders.x} = ${users.y} ;;`, or `type: cross` for a "
            "deliberate cross join");
  EXPECT_THAT(lint(usersAndOrders(),
                   "explore: orders {\n"
                   "  join: users { foreign_key: user_id relationship: many_to_one }\n"
                   "  join: u2 { from: users type: cross relationship: one_to_one }\n"
                   "  join: u3 { from: users sql: LEFT JOIN x ON 1=1 ;; "
                   "relationship: one_to_one }\n}\n")
                  .messages(),
              IsEmpty());
}

TEST(Check208JoinOrder, BadAndGood) {
  Case c = lint(
      usersAndOrders() + "view: companies { dimension: id { primary_key: yes } }\n",
      "explore: orders {\n"
      "  join: companies { sql_on: ${users.company_id} = ${companies.id} ;; relationship: "
      "many_to_one }\n"
      "  join: users { sql_on: ${orders.user_id} = ${users.id} ;; relationship: many_to_one }\n"
      "}\n");
  EXPECT_THAT(c.messages(), ElementsAre("LKML208: the `sql_on` of join `companies` uses `users`, "
                                        "which is joined after it; Looker and lkml order the "
                                        "joins by what they reference"));
  // Looker's validator has no join-order check: a warning, never an error.
  EXPECT_EQ(c.at(0).severity, Severity::Warning);
  EXPECT_EQ(c.linted.errors(), 0u);
  EXPECT_EQ(c.where(0), "m.model.lkml:4:29");
  EXPECT_EQ(c.at(0).notes.at(0).message, "`users` is joined here");
  EXPECT_EQ(c.at(0).help, "move join `users` above join `companies`");
  EXPECT_THAT(lint(usersAndOrders() + "view: companies { dimension: id { primary_key: yes } }\n",
                   "explore: orders {\n"
                   "  join: users { sql_on: ${orders.user_id} = ${users.id} ;; relationship: "
                   "many_to_one }\n"
                   "  join: companies { sql_on: ${users.company_id} = ${companies.id} ;; "
                   "relationship: many_to_one }\n}\n")
                  .messages(),
              IsEmpty());
}

TEST(Check209MissingRelationship, BadAndGood) {
  Case c = lint(usersAndOrders(),
                "explore: orders { join: users { sql_on: ${orders.user_id} = "
                "${users.id} ;; } }\n");
  EXPECT_THAT(c.messages(), ElementsAre("LKML209: join `users` has no `relationship`; Looker "
                                        "assumes many_to_one"));
  EXPECT_EQ(c.at(0).severity, Severity::Warning);
  EXPECT_THAT(lint(usersAndOrders(), kOrdersExplore).messages(), IsEmpty());
}

// ---- 210 fanout_without_primary_key, 211, 235 ----------------------------------------------

TEST(Check210FanoutWithoutPrimaryKey, BadAndGood) {
  const char* views = R"(view: users { dimension: id {} measure: count {} }
view: orders { dimension: id { primary_key: yes } dimension: user_id {} measure: count {} }
)";
  Case c = lint(views,
                "explore: users {\n  join: orders { sql_on: ${users.id} = ${orders.user_id} "
                ";; relationship: one_to_many }\n}\n");
  EXPECT_THAT(c.messages(),
              ElementsAre("LKML210: in explore `users`, join `orders` (one_to_many) repeats the "
                          "rows of `users`, whose "
                          "view `users` has no primary key, so its measures cannot be computed "
                          "without double counting"));
  EXPECT_EQ(c.at(0).severity, Severity::Warning);
  EXPECT_EQ(c.at(0).help, "add `primary_key: yes` to a unique dimension of `users`");
  // many_to_one joins never fan out the base view; with a key, symmetric aggregates are exact.
  EXPECT_THAT(lint(views,
                   "explore: orders {\n  join: users { sql_on: ${orders.user_id} = "
                   "${users.id} ;; relationship: many_to_one }\n}\n")
                  .messages(),
              IsEmpty());
  EXPECT_THAT(lint(usersAndOrders(),
                   "explore: users {\n  join: orders { sql_on: ${users.id} = "
                   "${orders.user_id} ;; relationship: one_to_many }\n}\n")
                  .messages(),
              IsEmpty());
  // Without symmetric aggregates Looker does not attempt exact measures: nothing to warn.
  EXPECT_THAT(lint(views,
                   "explore: users {\n  symmetric_aggregates: no\n  join: orders { sql_on: "
                   "${users.id} = ${orders.user_id} ;; relationship: one_to_many }\n}\n")
                  .messages(),
              IsEmpty());
}

TEST(Check211MultiplePrimaryKeys, BadAndGood) {
  Case c = lint(
      "view: users {\n  dimension: id { primary_key: yes }\n  dimension: id2 { "
      "primary_key: yes }\n}\n");
  EXPECT_THAT(c.messages(),
              ElementsAre("LKML211: view `users` has more than one `primary_key: yes` dimension"));
  EXPECT_EQ(c.where(0), "v.view.lkml:3:14");
  EXPECT_EQ(c.at(0).notes.at(0).message, "the first primary key");
  // Moving the key in an extending view: `primary_key: no` on the old one.
  EXPECT_THAT(lint("view: base {\n  dimension: id { primary_key: yes }\n}\n"
                   "view: users {\n  extends: [base]\n  dimension: id { primary_key: no }\n"
                   "  dimension: id2 { primary_key: yes }\n}\n")
                  .messages(),
              IsEmpty());
}

TEST(Check235ForeignKeyWithoutPrimaryKey, BadAndGood) {
  Case c =
      lint("view: users { dimension: id {} }\n" + std::string(kOrders),
           "explore: orders { join: users { foreign_key: user_id relationship: many_to_one } }\n");
  EXPECT_THAT(c.messages(), ElementsAre("LKML235: join `users` uses `foreign_key`, but view "
                                        "`users` has no single primary key"));
  EXPECT_EQ(c.at(0).help, "mark its key dimension `primary_key: yes`, or use `sql_on`");
  EXPECT_THAT(lint(usersAndOrders(),
                   "explore: orders { join: users { foreign_key: user_id "
                   "relationship: many_to_one } }\n")
                  .messages(),
              IsEmpty());
}

// ---- 212 undefined_access_grant, 213 unused_access_grant -----------------------------------

TEST(Check212UndefinedAccessGrant, EveryLevel) {
  std::string views = R"(view: users {
  required_access_grants: [compnay]
  dimension: id { primary_key: yes required_access_grants: [pii_x] }
  dimension: name {}
}
view: orders { dimension: id { primary_key: yes } dimension: user_id {} }
)";
  Case c = lint(views, R"(access_grant: company { user_attribute: level allowed_values: ["c"] }
access_grant: pii { user_attribute: level allowed_values: ["p"] }
explore: orders {
  required_access_grants: [company, nope]
  join: users { sql_on: ${orders.user_id} = ${users.id} ;; relationship: many_to_one required_access_grants: [pi] }
}
)");
  EXPECT_THAT(
      c.messages(),
      ElementsAre(
          // `pii` is only required through the typo `pi`, so it also looks unused.
          "LKML213: access grant `pii` is never required in model `m`",
          "LKML212: explore `orders` requires access grant `nope`, which model `m` does not define",
          "LKML212: join `users` of explore `orders` requires access grant `pi`, which model `m` "
          "does not define",
          "LKML212: view `users` requires access grant `compnay`, which model `m` does not define",
          "LKML212: field `users.id` requires access grant `pii_x`, which model `m` does not "
          "define"));
  EXPECT_EQ(c.at(1).help,
            "define `access_grant: nope { user_attribute: ... allowed_values: [...] }` in the "
            "model or a file it includes");
  EXPECT_EQ(c.at(2).help, "did you mean `pii`?");
  EXPECT_EQ(c.at(3).help, "did you mean `company`?");
  EXPECT_EQ(c.at(4).help, "did you mean `pii`?");
}

TEST(Check212UndefinedAccessGrant, GrantsFromAnIncludedGenericFile) {
  TempProject p({{"m.model.lkml",
                  "connection: \"db\"\ninclude: \"/shared/grants.lkml\"\n"
                  "include: \"/*.view\"\nexplore: users { required_access_grants: "
                  "[company] }\n"},
                 {"shared/grants.lkml",
                  "access_grant: company { user_attribute: level allowed_values: [\"x\"] }\n"},
                 {"v.view.lkml", kUsers}});
  EXPECT_THAT(test::lintProject(p).messages(), IsEmpty());
}

TEST(Check213UnusedAccessGrant, BadAndGood) {
  Case c = lint(kUsers,
                "access_grant: used { user_attribute: a allowed_values: [\"x\"] }\n"
                "access_grant: spare { user_attribute: a allowed_values: [\"x\"] }\n"
                "explore: users { required_access_grants: [used] }\n");
  EXPECT_THAT(c.messages(),
              ElementsAre("LKML213: access grant `spare` is never required in model `m`"));
  EXPECT_EQ(c.at(0).severity, Severity::Warning);
  EXPECT_EQ(c.where(0), "m.model.lkml:4:15");
}

// ---- measures: 214, 215, 224, 232 ----------------------------------------------------------

// LKML214 is retired: an aggregate measure without `sql:` reads `${TABLE}.<name>`, as Looker
// documents for fields without `sql:`, so it is no error (and no other finding either).
TEST(Check214MeasureMissingSql, NoLongerReported) {
  Case c = lint(
      "view: v {\n  dimension: id { primary_key: yes }\n  measure: total { type: sum }\n"
      "  measure: avg { type: average }\n  measure: c { type: count }\n"
      "  measure: d { type: count_distinct }\n  measure: l { type: list list_field: id }\n}\n");
  EXPECT_THAT(c.messages(), IsEmpty());
}

TEST(Check215NumberMeasureReferencesDimension, BadAndGood) {
  Case c = lint(
      "view: v {\n  dimension: amount { type: number }\n  measure: total { type: sum "
      "sql: ${amount} ;; }\n  measure: bad { type: number sql: ${amount} * 2 ;; }\n}\n");
  EXPECT_THAT(c.messages(), ElementsAre("LKML215: measure `bad` of type `number` uses dimension "
                                        "`amount` outside an aggregate"));
  EXPECT_EQ(c.at(0).severity, Severity::Warning);
  EXPECT_EQ(c.where(0), "v.view.lkml:4:36");
  EXPECT_THAT(lint("view: v {\n  dimension: amount { type: number }\n  measure: total { type: sum "
                   "sql: ${amount} ;; }\n  measure: good { type: number sql: ${total} * 2 ;; }\n"
                   "  measure: raw { type: number sql: MAX(${amount}) ;; }\n}\n")
                  .messages(),
              IsEmpty());
}

TEST(Check224AggregateReferencesMeasure, BadAndGood) {
  Case c = lint(
      "view: v {\n  measure: total { type: sum sql: ${TABLE}.amount ;; }\n"
      "  measure: bad { type: sum sql: ${total} ;; }\n}\n");
  EXPECT_THAT(c.messages(),
              ElementsAre("LKML224: measure `bad` of type `sum` references measure `total`; "
                          "measures with Looker aggregations may not reference other measures"));
  EXPECT_EQ(c.where(0), "v.view.lkml:3:33");
  EXPECT_EQ(c.at(0).help, "use `type: number` to compute over other measures");
  EXPECT_THAT(lint("view: v {\n  measure: total { type: sum sql: ${TABLE}.amount ;; }\n"
                   "  measure: good { type: number sql: ${total} / 2 ;; }\n}\n")
                  .messages(),
              IsEmpty());
}

TEST(Check232DistinctMeasureMissingKey, BadAndGood) {
  Case c = lint(
      "view: v {\n  measure: s { type: sum_distinct sql: ${TABLE}.x ;; }\n"
      "  measure: a { type: average_distinct sql: ${TABLE}.x ;; }\n}\n");
  EXPECT_THAT(c.messages(),
              ElementsAre("LKML232: measure `v.s` of type `sum_distinct` has no "
                          "`sql_distinct_key`, and view `v` has no primary key to use instead",
                          "LKML232: measure `v.a` of type `average_distinct` has no "
                          "`sql_distinct_key`, and view `v` has no primary key to use instead"));
  EXPECT_EQ(c.at(0).severity, Severity::Warning);
  // Looker uses the primary key when `sql_distinct_key` is missing: nothing to report.
  EXPECT_THAT(lint("view: v {\n  dimension: id { primary_key: yes }\n"
                   "  measure: s { type: sum_distinct sql: ${TABLE}.x ;; }\n}\n")
                  .messages(),
              IsEmpty());
  EXPECT_THAT(lint("view: v {\n  measure: s { type: sum_distinct sql: ${TABLE}.x ;; "
                   "sql_distinct_key: ${TABLE}.id ;; }\n}\n")
                  .messages(),
              IsEmpty());
}

// A measure's `filters:` naming a field that does not exist: an error at the filter, as
// Looker's validator reports it.
TEST(Check205MeasureFilterUnknownField, BadAndGood) {
  Case c = lint(std::string(kUsers) +
                "view: v {\n  dimension: status {}\n"
                "  dimension_group: created { type: time timeframes: [date] }\n"
                "  measure: a { type: count filters: [statuss: \"x\"] }\n"
                "  measure: b { type: count filters: [users.nam: \"x\", v.status: \"y\"] }\n"
                "  measure: c { type: count filters: [created: \"today\"] }\n}\n");
  EXPECT_THAT(c.messages(),
              ElementsAre("LKML205: the `filters` of measure `v.a` name unknown field `statuss`",
                          "LKML205: the `filters` of measure `v.b` name unknown field `users.nam`",
                          "LKML223: the `filters` of measure `v.c` name dimension group "
                          "`created` without a timeframe"));
  EXPECT_EQ(c.at(0).severity, Severity::Error);
  EXPECT_EQ(c.where(0), "v.view.lkml:10:38");
  EXPECT_EQ(c.at(0).help, "did you mean `status`?");
  EXPECT_EQ(c.at(1).help, "did you mean `users.name`?");
  EXPECT_THAT(lint("view: v {\n  dimension: status {}\n"
                   "  measure: a { type: count filters: [status: \"x\", v.status: \"-y\"] }\n}\n")
                  .messages(),
              IsEmpty());
}

// A field the explore's `fields:` excludes is still compiled when a kept field uses it, so its
// references are checked there too (the query of the kept field would fail).
TEST(Check206ExcludedFieldUsedByAKeptField, BadAndGood) {
  const std::string views = std::string(kUsers) +
                            "view: facts {\n  dimension: user_id {}\n"
                            "  dimension: minutes { type: number sql: ${orders.created_raw} ;; }\n"
                            "  dimension: tiered { type: tier tiers: [1] sql: ${minutes} ;; }\n}\n";
  Case c = lint(views,
                "explore: users {\n  fields: [ALL_FIELDS*, -facts.minutes]\n"
                "  join: facts { sql_on: ${users.id} = ${facts.user_id} ;; relationship: "
                "one_to_one }\n}\n");
  // The excluded field's own broken reference (206), and the reference to it (237).
  EXPECT_THAT(c.messages(),
              ElementsAre("LKML206: `${orders.created_raw}` in `facts.minutes` (excluded by "
                          "`fields`, but used by `facts.tiered`): view `orders` is not joined in "
                          "explore `users`",
                          "LKML237: `facts.tiered` uses `facts.minutes` (sql), which explore "
                          "`users` excludes (its `fields` list)"));
  EXPECT_EQ(c.at(0).severity, Severity::Error);
  EXPECT_THAT(lint(views,
                   "explore: users {\n  fields: [ALL_FIELDS*, -facts.minutes, -facts.tiered]\n"
                   "  join: facts { sql_on: ${users.id} = ${facts.user_id} ;; relationship: "
                   "one_to_one }\n}\n")
                  .messages(),
              IsEmpty());
}

// ---- 220 reference_cycle, 229 invalid_liquid_reference -------------------------------------

TEST(Check220ReferenceCycle, BadAndGood) {
  Case c = lint(
      "view: v {\n  dimension: a { sql: ${b} + 1 ;; }\n  dimension: b { sql: ${c} ;; }\n"
      "  dimension: c { sql: ${v.a} ;; }\n  dimension: self { sql: ${self} ;; }\n}\n");
  EXPECT_THAT(c.messages(),
              ElementsAre("LKML220: fields of view `v` reference each other in a cycle: ${a} -> "
                          "${b} -> ${c} -> ${a}",
                          "LKML220: fields of view `v` reference each other in a cycle: ${self} -> "
                          "${self}"));
  EXPECT_EQ(c.where(0), "v.view.lkml:4:23");
  EXPECT_THAT(lint("view: v {\n  dimension: a { sql: ${b} + 1 ;; }\n  dimension: b { sql: "
                   "${TABLE}.b ;; }\n  dimension: c {}\n}\n")
                  .messages(),
              IsEmpty());
}

TEST(Check229InvalidLiquidReference, BadAndGood) {
  Case c = lint(
      "view: v {\n  filter: region_filter {}\n  parameter: metric {}\n"
      "  dimension: a { sql: {% condition region_fitler %} ${TABLE}.region "
      "{% endcondition %} ;; }\n"
      "  dimension: b { sql: {% parameter metirc %} ;; }\n}\n");
  EXPECT_THAT(c.messages(),
              ElementsAre("LKML229: Liquid in `v.a` refers to unknown field `region_fitler`",
                          "LKML229: Liquid in `v.b` refers to unknown field `metirc`"));
  EXPECT_EQ(c.at(0).help, "did you mean `region_filter`?");
  EXPECT_EQ(c.at(1).help, "did you mean `metric`?");
  EXPECT_THAT(lint("view: v {\n  filter: region_filter {}\n  parameter: metric {}\n"
                   "  dimension: a { sql: {% condition region_filter %} ${TABLE}.region "
                   "{% endcondition %} ;; }\n"
                   "  dimension: b { sql: {% parameter metric %} {{ _user_attributes['x'] }} ;; }\n"
                   "  filter: f { sql: {% condition %} ${TABLE}.x {% endcondition %} ;; }\n}\n")
                  .messages(),
              IsEmpty());
}

// ---- 226 missing_connection, 230 unknown_set, 233 unknown_join, 234 dashboards -------------

TEST(Check226MissingConnection, BadAndGood) {
  TempProject p({{"m.model.lkml", "include: \"/*.view\"\n"}, {"v.view.lkml", kUsers}});
  Linted linted = test::lintProject(p);
  EXPECT_THAT(linted.messages(), ElementsAre("LKML226: model `m` has no `connection`"));
  EXPECT_EQ(linted.diagnostics[0].help,
            "add `connection: \"name\"` naming the database connection");
  EXPECT_EQ(linted.diagnostics[0].path, p.path("m.model.lkml"));
  EXPECT_THAT(lint(kUsers).messages(), IsEmpty());
}

TEST(Check230UnknownSet, BadAndGood) {
  std::string views = std::string(kUsers) + "view: +users { set: detail { fields: [id, name] } }\n";
  Case c = lint(views,
                "explore: users {\n  fields: [users.detial*]\n}\n"
                "explore: u2 { from: users fields: [u2.nope*] }\n");
  EXPECT_THAT(c.messages(),
              ElementsAre("LKML230: unknown set `detial` in view `users` in the `fields` of "
                          "explore `users`",
                          "LKML230: unknown set `nope` in view `users` in the `fields` of explore "
                          "`u2`"));
  EXPECT_EQ(c.at(0).help, "did you mean `detail`?");
  EXPECT_THAT(lint(views, "explore: users { fields: [users.detail*, users.count] }\n").messages(),
              IsEmpty());
}

TEST(Check233UnknownJoin, BadAndGood) {
  std::string explore = R"(explore: orders {
  always_join: [%s]
  join: users { sql_on: ${orders.user_id} = ${users.id} ;; relationship: many_to_one }
  join: companies { sql_on: ${users.company_id} = ${companies.id} ;; relationship: many_to_one required_joins: [%s] }
}
)";
  auto fill = [&](const std::string& a, const std::string& b) {
    std::string s = explore;
    s.replace(s.find("%s"), 2, a);
    s.replace(s.find("%s"), 2, b);
    return s;
  };
  std::string views = usersAndOrders() + "view: companies { dimension: id { primary_key: yes } }\n";
  Case c = lint(views, fill("usres", "usrs"));
  EXPECT_THAT(c.messages(),
              ElementsAre("LKML233: `always_join` names unknown join `usres`",
                          "LKML233: join `companies` requires join `usrs`, which is not declared "
                          "before it"));
  EXPECT_EQ(c.at(0).help, "did you mean `users`?");
  EXPECT_EQ(c.at(1).help, "did you mean `users`?");
  // A join declared after the one that requires it.
  std::string later = usersAndOrders() + "view: companies { dimension: id { primary_key: yes } }\n";
  Case order = lint(later, R"(explore: orders {
  join: companies { sql_on: 1=1 ;; relationship: many_to_one required_joins: [users] }
  join: users { sql_on: ${orders.user_id} = ${users.id} ;; relationship: many_to_one }
}
)");
  EXPECT_THAT(order.messages(), ElementsAre("LKML233: join `companies` requires join `users`, "
                                            "which is not declared before it"));
  EXPECT_EQ(order.at(0).help, "move join `users` above join `companies`");
  EXPECT_THAT(lint(views, fill("users", "users")).messages(), IsEmpty());
}

TEST(Check234DashboardNotChecked, IsInfo) {
  TempProject p({{"m.model.lkml", "connection: \"db\"\ninclude: \"/*.dashboard\"\n"},
                 {"a.dashboard.lookml", "- dashboard: a\n"},
                 {"b.dashboard.lookml", "- dashboard: b\n"}});
  Linted linted = test::lintProject(p);
  EXPECT_THAT(linted.messages(),
              ElementsAre("LKML234: 2 LookML dashboard file(s) (YAML) recognised and not checked, "
                          "e.g. `a.dashboard.lookml`"));
  EXPECT_EQ(linted.diagnostics[0].severity, Severity::Info);
}

// ---- 216/217/218 through the linter ---------------------------------------------------------

TEST(CheckIncludes, SeveritiesInALint) {
  TempProject p({{"m.model.lkml",
                  "connection: \"db\"\ninclude: \"/nothing/*.view\"\n"
                  "include: \"../outside.view\"\ninclude: \"/other.model\"\n"},
                 {"other.model.lkml", "connection: \"db\"\n"}});
  Linted linted = test::lintProject(p);
  EXPECT_THAT(linted.messages(),
              ElementsAre("LKML216: include `/nothing/*.view` does not match any file",
                          "LKML217: include `../outside.view` points outside the project root",
                          "LKML218: model file `other.model.lkml` is included by `m.model.lkml`; "
                          "Looker documents that models are not included, lkml merges its views, "
                          "explores and grants"));
  EXPECT_EQ(linted.diagnostics[0].severity, Severity::Warning);
  EXPECT_EQ(linted.diagnostics[1].severity, Severity::Error);
  EXPECT_EQ(linted.diagnostics[2].severity, Severity::Warning);
  EXPECT_EQ(linted.where(linted.diagnostics[1], p.root()), "m.model.lkml:3:10");
}

// ---- 250-254 opt-in style rules --------------------------------------------------------------

TEST(CheckStyle, OffByDefault) {
  Case c = lint("view: v {\n  dimension: ID { primary_key: yes }\n}\n");
  EXPECT_THAT(c.messages(), IsEmpty());
}

TEST(CheckStyle, EnabledRules) {
  LintConfig config;
  std::string error;
  for (const char* rule :
       {"LKML250=warning", "LKML251=info", "LKML252=warning", "LKML253=error", "LKML254=warning"}) {
    ASSERT_TRUE(config.setRule(rule, &error)) << error;
  }
  Case c = lint(R"(view: users {
  dimension: id { primary_key: yes hidden: yes }
  dimension: name { description: "Name" }
}
view: style {
  dimension: ID { primary_key: yes description: "Key" }
  dimension: user_name { sql: ${users.name} ;; description: "Name" }
  dimension: quiet { hidden: yes }
  dimension: plain {}
  filter: f {}
}
)",
                "explore: style {\n  join: users { sql_on: style.user_id = users.id ;; "
                "relationship: many_to_one }\n}\n",
                config);
  std::vector<std::string> found;
  for (const auto& d : c.linted.diagnostics) {
    found.push_back(d.codeName() + " " + severityName(d.severity) + ": " + d.message);
  }
  EXPECT_THAT(found,
              ElementsAre("LKML252 warning: the sql_on of join `users` uses no ${} references",
                          "LKML253 error: primary key `style.ID` is visible to users",
                          "LKML254 warning: field name `ID` is not lower snake_case",
                          "LKML250 warning: field `style.user_name` references another view "
                          "(`${users.name}`)",
                          "LKML251 info: visible field `style.plain` has no description"));
}

}  // namespace
}  // namespace lkml::semantic
