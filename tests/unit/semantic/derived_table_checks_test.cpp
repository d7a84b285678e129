// Lint of native derived tables (explore_source) and data tests (`test:`): LKML280-287, with
// positions and did-you-mean suggestions.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/unit/semantic/semantic_test_util.h"

namespace lkml::semantic::test {
namespace {

using ::testing::ElementsAre;

constexpr const char* kModel = R"lkml(connection: "db"
include: "/*.view.lkml"
include: "/shop_tests.lkml"
explore: orders {
  join: customers {
    relationship: many_to_one
    sql_on: ${orders.customer_id} = ${customers.id} ;;
  }
}
)lkml";

constexpr const char* kViews = R"lkml(
view: orders {
  sql_table_name: public.orders ;;
  dimension: id { primary_key: yes type: number }
  dimension: customer_id { type: number }
  dimension: status {}
  dimension_group: created { type: time timeframes: [date, month] }
  measure: count { type: count }
}
view: customers {
  sql_table_name: public.customers ;;
  dimension: id { primary_key: yes type: number }
  dimension: region {}
  filter: region_filter { type: string }
}
)lkml";

// `ndt` defines view `facts`; an explore uses it unless `used` is false.
Linted lintWith(const std::string& ndt, const std::string& tests = "", bool used = true) {
  TempProject p({{"shop.model.lkml", kModel},
                 {"all.view.lkml", kViews},
                 {"facts.view.lkml", ndt + (used ? "explore: facts {}\n" : "")},
                 {"shop_tests.lkml", tests}});
  Linted linted = lintProject(p);
  return linted;
}

TEST(DerivedTableChecks, ACleanNativeDerivedTableAndTestLintClean) {
  Linted linted = lintWith(R"lkml(
view: facts {
  derived_table: {
    explore_source: orders {
      column: customer_id {}
      column: region { field: customers.region }
      column: orders { field: orders.count }
      derived_column: rank { sql: RANK() OVER (ORDER BY orders DESC) ;; }
      filters: [orders.status: "complete", orders.created_date: "2024"]
      sorts: [orders: desc]
      bind_filters: { from_field: customers.region_filter to_field: customers.region }
      limit: 10
      timezone: "query_timezone"
    }
  }
  dimension: customer_id { primary_key: yes type: number }
}
)lkml",
                           R"lkml(
test: orders_exist {
  explore_source: orders {
    column: count { field: orders.count }
    filters: [orders.status: "complete"]
  }
  assert: some_orders { expression: ${orders.count} > 0 AND NOT is_null(${orders.count}) ;; }
}
)lkml");
  EXPECT_TRUE(linted.messages().empty()) << linted.text();
}

TEST(DerivedTableChecks, UnknownExploreWithSuggestion) {
  Linted linted = lintWith(R"lkml(view: facts {
  derived_table: {
    explore_source: order {
      column: id { field: orders.id }
    }
  }
  dimension: id {}
}
)lkml");
  ASSERT_EQ(linted.count(280), 1u) << linted.text();
  const Diagnostic& d = *linted.withCode(280)[0];
  EXPECT_EQ(d.message,
            "the explore_source of native derived table `facts` names explore `order`, which "
            "model `shop` does not have");
  EXPECT_EQ(d.help, "did you mean `orders`?");
  EXPECT_EQ(linted.where(d, linted.loaded->project.root), "facts.view.lkml:3:21");
}

TEST(DerivedTableChecks, UnknownFieldsInColumnsFiltersSortsAndBindFilters) {
  Linted linted = lintWith(R"lkml(view: facts {
  derived_table: {
    explore_source: orders {
      column: id { field: orders.idd }
      column: region { field: customer.region }
      column: created {}
      column: total {}
      filters: [orders.stats: "x"]
      sorts: [orders.cont: desc]
      bind_filters: { from_field: facts.nope to_field: orders.statuz }
    }
  }
  dimension: id {}
}
)lkml");
  EXPECT_THAT(
      linted.messages(281),
      ElementsAre(
          "`orders.idd` in column `id` of native derived table `facts`: view `orders` has no "
          "field `idd`",
          "`customer.region` in column `region` of native derived table `facts`: explore "
          "`orders` has no view `customer`",
          "`orders.created` in column `created` (no `field:`) of native derived table `facts`: "
          "view `orders` has no field `created`",
          "`orders.total` in column `total` (no `field:`) of native derived table `facts`: view "
          "`orders` has no field `total`",
          "`orders.stats` in filters of native derived table `facts`: view `orders` has no "
          "field `stats`",
          "`orders.cont` in sorts of native derived table `facts`: view `orders` has no field "
          "`cont`",
          "`orders.statuz` in bind_filters `to_field` of native derived table `facts`: view "
          "`orders` has no field `statuz`"))
      << linted.text();
  std::vector<std::string> helps;
  for (const Diagnostic* d : linted.withCode(281)) helps.push_back(d->help);
  EXPECT_EQ(helps[0], "did you mean `orders.id`?");
  EXPECT_EQ(helps[1], "did you mean `customers.region`?");
  EXPECT_EQ(helps[2],
            "`created` is a dimension group: append a timeframe, e.g. "
            "`orders.created_date`");
  EXPECT_EQ(helps[5], "did you mean `orders.count`?");
  EXPECT_EQ(linted.where(*linted.withCode(281)[0], linted.loaded->project.root),
            "facts.view.lkml:4:27");
  EXPECT_THAT(linted.messages(282),
              ElementsAre("bind_filters `from_field: facts.nope` of native derived table `facts` "
                          "names no field of model `shop`"));
}

TEST(DerivedTableChecks, DuplicateColumnsAndBothBindKinds) {
  Linted linted = lintWith(R"lkml(view: facts {
  derived_table: {
    explore_source: orders {
      column: id { field: orders.id }
      column: id { field: orders.customer_id }
      derived_column: id { sql: 1 ;; }
      bind_all_filters: yes
      bind_filters: { from_field: orders.status to_field: orders.status }
      expression_custom_filter: ${orders.count} > 1 ;;
      timezone: "UTC"
    }
  }
  dimension: id {}
}
)lkml");
  EXPECT_EQ(linted.count(283), 2u) << linted.text();
  EXPECT_THAT(linted.messages(284),
              ElementsAre("native derived table `facts` has both `bind_filters` and "
                          "`bind_all_filters`"));
  EXPECT_EQ(linted.count(287), 2u);  // warnings: lkml sql refuses queries that use them
  for (const Diagnostic* d : linted.withCode(287)) EXPECT_EQ(d->severity, Severity::Warning);
}

TEST(DerivedTableChecks, DataTests) {
  Linted linted = lintWith("view: facts { sql_table_name: f ;; dimension: id {} }\n", R"lkml(
test: t1 {
  explore_source: orders { column: c { field: orders.count } }
  assert: a { expression: ${orders.cnt} > 0 ;; }
  assert: b { expression: ${orders.count} > ;; }
}
test: t1 {
  explore_source: orders { column: c { field: orders.count } }
  assert: a { expression: yes ;; }
}
test: t2 {
  explore_source: orders { column: c { field: orders.count } }
}
test: t3 {
  assert: a { expression: yes ;; }
}
)lkml");
  EXPECT_THAT(linted.messages(285), ElementsAre("test `t1` is defined more than once"));
  EXPECT_THAT(linted.messages(286),
              ElementsAre("`${orders.cnt}` in assert `a` of test `t1` is not a column of the "
                          "test's query",
                          "invalid expression in assert `b` of test `t1`: the expression ends "
                          "too early",
                          "test `t2` has no `assert`", "test `t3` has no `explore_source` query"))
      << linted.text();
  const Diagnostic& unknown = *linted.withCode(286)[0];
  EXPECT_EQ(unknown.help, "did you mean `orders.count`?");
  EXPECT_EQ(linted.where(unknown, linted.loaded->project.root), "shop_tests.lkml:4:27");
}

TEST(DerivedTableChecks, FindingsInAViewNoExploreUsesAreWarnings) {
  // Looker validates only the views its explores use (Google's BigQuery block keeps such an
  // NDT with its join commented out).
  Linted linted = lintWith(R"lkml(view: facts {
  derived_table: {
    explore_source: order {
      column: id { field: orders.id }
    }
  }
  dimension: id {}
}
)lkml",
                           "", /*used=*/false);
  ASSERT_EQ(linted.count(280), 1u) << linted.text();
  const Diagnostic& d = *linted.withCode(280)[0];
  EXPECT_EQ(d.severity, Severity::Warning);
  EXPECT_EQ(d.help, "did you mean `orders`?; a warning: no explore uses view `facts`");
}

TEST(DerivedTableChecks, FieldsReadOnlyTheColumnsOfTheDerivedTable) {
  Linted linted = lintWith(R"lkml(view: facts {
  derived_table: {
    explore_source: orders {
      column: customer_id { field: orders.customer_id }
      column: Order_Count { field: orders.count }
      derived_column: rank { sql: RANK() OVER (ORDER BY Order_Count DESC) ;; }
    }
  }
  dimension: customer_id { primary_key: yes }
  dimension: order_count { type: number }
  dimension: rank { type: number sql: ${TABLE}.rank ;; }
  dimension: orders_count { type: number }
  measure: total { type: sum sql: ${TABLE}.order_cnt ;; }
  dimension: days { type: duration_day sql_start: ${TABLE}.a ;; sql_end: ${TABLE}.b ;; }
}
)lkml");
  EXPECT_THAT(linted.messages(288),
              ElementsAre("field `facts.orders_count` reads column `orders_count`, which native "
                          "derived table `facts` does not have (the default "
                          "`${TABLE}.orders_count` of a field without `sql:`)",
                          "field `facts.total` reads column `order_cnt`, which native derived "
                          "table `facts` does not have"))
      << linted.text();
  EXPECT_EQ(linted.withCode(288)[0]->help, "did you mean `Order_Count`?");
  EXPECT_EQ(linted.where(*linted.withCode(288)[1], linted.loaded->project.root),
            "facts.view.lkml:13:35");
}

}  // namespace
}  // namespace lkml::semantic::test
