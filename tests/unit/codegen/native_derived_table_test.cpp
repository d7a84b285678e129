// Native derived tables (explore_source) compiled into a CTE of the outer query: column names,
// derived columns, filters, sorts and limit, bind_filters / bind_all_filters, the user's access
// checks inside the NDT, cycles, and the parameters lkml refuses (never silently dropped).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "codegen/filter_lint.h"
#include "tests/support/golden.h"
#include "tests/unit/codegen/query_test_support.h"
#include "tests/unit/semantic/semantic_test_util.h"

namespace lkml::codegen {
namespace {

using semantic::test::TempProject;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kModel = R"lkml(
connection: "db"
include: "/*.view.lkml"
access_grant: internal { user_attribute: access_level allowed_values: ["internal"] }
explore: orders {
  join: customers {
    relationship: many_to_one
    sql_on: ${orders.customer_id} = ${customers.id} ;;
  }
}
explore: customers {
  join: customer_facts {
    relationship: one_to_one
    sql_on: ${customers.id} = ${customer_facts.customer_id} ;;
  }
}
explore: secret_orders {
  from: orders
  view_name: orders
  required_access_grants: [internal]
}
explore: ranked { from: customer_rank view_name: customer_rank }
explore: orders_ranked {
  from: orders
  view_name: orders
  join: customers {
    relationship: many_to_one
    sql_on: ${orders.customer_id} = ${customers.id} ;;
  }
  join: customer_rank {
    relationship: many_to_one
    sql_on: ${customers.region} = ${customer_rank.region} ;;
  }
}
explore: loop_a { from: loop_a view_name: loop_a }
)lkml";

constexpr const char* kViews = R"lkml(
view: orders {
  sql_table_name: public.orders ;;
  dimension: id { primary_key: yes type: number sql: ${TABLE}.id ;; }
  dimension: customer_id { type: number sql: ${TABLE}.customer_id ;; }
  dimension: status { sql: ${TABLE}.status ;; }
  measure: count { type: count }
  measure: total { type: sum sql: ${TABLE}.amount ;; }
}
view: customers {
  sql_table_name: public.customers ;;
  dimension: id { primary_key: yes type: number sql: ${TABLE}.id ;; }
  dimension: region { sql: ${TABLE}.region ;; }
  filter: region_filter { type: string }
}
view: customer_facts {
  derived_table: {
    explore_source: orders {
      column: customer_id { field: orders.customer_id }
      column: order_count { field: orders.count }
      column: lifetime_value { field: orders.total }
      derived_column: value_per_order { sql: lifetime_value / NULLIF(order_count, 0) ;; }
      filters: [orders.status: "-cancelled"]
      bind_filters: {
        from_field: customers.region_filter
        to_field: customers.region
      }
      sorts: [lifetime_value: desc]
      limit: 100
    }
  }
  dimension: customer_id { primary_key: yes type: number }
  dimension: order_count { type: number }
  dimension: value_per_order { type: number }
  measure: total_value { type: sum sql: ${TABLE}.lifetime_value ;; }
}
view: customer_rank {
  derived_table: {
    explore_source: orders {
      column: region { field: customers.region }
      column: total { field: orders.total }
      bind_all_filters: yes
    }
    persist_for: "24 hours"
  }
  dimension: region { primary_key: yes }
  dimension: total { type: number }
}
view: secret_facts {
  derived_table: {
    explore_source: secret_orders {
      column: id { field: orders.id }
    }
  }
  dimension: id { type: number }
}
view: loop_a {
  derived_table: {
    explore_source: loop_a {
      column: id { field: loop_a.id }
    }
  }
  dimension: id { type: number }
}
view: custom_filtered {
  derived_table: {
    explore_source: orders {
      column: id { field: orders.id }
      expression_custom_filter: ${orders.total} > 10 ;;
    }
  }
  dimension: id { type: number }
}
view: other_zone {
  derived_table: {
    explore_source: orders {
      column: id { field: orders.id }
      timezone: "America/Los_Angeles"
    }
  }
  dimension: id { type: number }
}
)lkml";

class NativeDerivedTableTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    project_ = new TempProject({{"shop.model.lkml", kModel}, {"all.view.lkml", kViews}});
    loaded_ = new test::ProjectUnderTest(test::loadProject(project_->root()));
  }
  static void TearDownTestSuite() {
    delete loaded_;
    delete project_;
  }

  // Compiles `fields` on `explore`, with extra explores made on the fly for single views.
  test::Outcome compile(const std::string& explore, const std::vector<std::string>& fields,
                        const std::vector<QueryFilter>& filters = {},
                        const test::Attributes& user = {}) {
    Query query;
    query.explore = explore;
    query.fields = fields;
    query.filters = filters;
    return test::compileOn(*loaded_->project, query, user);
  }

  static TempProject* project_;
  static test::ProjectUnderTest* loaded_;
};
TempProject* NativeDerivedTableTest::project_ = nullptr;
test::ProjectUnderTest* NativeDerivedTableTest::loaded_ = nullptr;

// Golden: tests/golden/ndt/customer_facts.sql (LKML_UPDATE_GOLDEN=1 rewrites it; review the diff).
TEST_F(NativeDerivedTableTest, CompilesIntoACteWithLookersColumnNames) {
  test::Outcome out = compile("customers", {"customers.region", "customer_facts.total_value"});
  ASSERT_TRUE(out.ok) << out.errors;
  lkml::test::expectMatchesGolden(lkml::test::sourceDir() + "/tests/golden/ndt/customer_facts.sql",
                                  out.sql);
  // What the golden shows: the NDT is a CTE named after the view, its columns named as the
  // `column:` blocks, the derived column in an outer SELECT, filters, sorts and limit inside.
  EXPECT_THAT(out.sql, HasSubstr("WITH customer_facts AS (SELECT\n    *,\n"));
  EXPECT_THAT(out.sql, HasSubstr("COUNT(*) AS order_count"));
  EXPECT_THAT(out.sql, HasSubstr("lifetime_value / NULLIF(order_count, 0) AS value_per_order"));
  EXPECT_THAT(out.sql, HasSubstr("LIMIT 100"));
}

TEST_F(NativeDerivedTableTest, BindFiltersPassTheOuterFilterToTheInnerField) {
  test::Outcome out =
      compile("customers", {"customer_facts.order_count"}, {{"customers.region_filter", "EU,US"}});
  ASSERT_TRUE(out.ok) << out.errors;
  EXPECT_THAT(out.sql, HasSubstr("(customers.region IN ('EU', 'US'))"));
  EXPECT_THAT(out.sql, HasSubstr("LEFT JOIN public.customers AS customers ON orders.customer_id"));
  // The NDT's own filter stays next to the bound one.
  EXPECT_THAT(out.sql, HasSubstr("orders.status <> 'cancelled'"));
  // Without the outer filter, nothing is bound (and the inner query needs no join).
  test::Outcome unfiltered = compile("customers", {"customer_facts.order_count"});
  ASSERT_TRUE(unfiltered.ok) << unfiltered.errors;
  EXPECT_THAT(unfiltered.sql, Not(HasSubstr("customers.region IN")));
}

TEST_F(NativeDerivedTableTest, BindAllFiltersPassesFiltersOnTheSourceExploresFields) {
  test::Outcome out =
      compile("orders", {"orders.status", "orders.count"}, {{"customers.region", "EU"}});
  ASSERT_TRUE(out.ok) << out.errors;
  EXPECT_THAT(out.sql, Not(HasSubstr("customer_rank")));  // not joined: no CTE
  Query query;
  query.explore = "ranked";
  query.fields = {"customer_rank.region", "customer_rank.total"};
  test::Outcome ranked = test::compileOn(*loaded_->project, query, {});
  ASSERT_TRUE(ranked.ok) << ranked.errors;
  EXPECT_THAT(ranked.sql, HasSubstr("-- lkml: persisted derived table (persist_for) inlined"));
  EXPECT_THAT(ranked.sql, HasSubstr("customers.region AS region"));
  EXPECT_THAT(ranked.sql, HasSubstr("\nFROM customer_rank\n"));
  // bind_all_filters: the outer filter on a field of the source explore reaches the inner query.
  query.filters = {{"customer_rank.region", "EU"}};
  test::Outcome own = test::compileOn(*loaded_->project, query, {});
  ASSERT_TRUE(own.ok) << own.errors;  // a filter on the NDT's own view is not bound
  EXPECT_THAT(own.sql, Not(HasSubstr("customers.region = 'EU'")));
  query.explore = "orders_ranked";
  query.fields = {"orders.status", "customer_rank.total"};
  query.filters = {{"customers.region", "EU"}, {"orders.status", "-cancelled"}};
  test::Outcome bound = test::compileOn(*loaded_->project, query, {});
  ASSERT_TRUE(bound.ok) << bound.errors;
  size_t cte_end = bound.sql.find("\nSELECT\n    orders.status AS");
  ASSERT_NE(cte_end, std::string::npos) << bound.sql;
  std::string cte = bound.sql.substr(0, cte_end);
  EXPECT_THAT(cte, HasSubstr("(customers.region = 'EU')"));
  EXPECT_THAT(cte, HasSubstr("(orders.status <> 'cancelled' OR orders.status IS NULL)"));
}

TEST_F(NativeDerivedTableTest, ABoundFilterOnAFieldTheNdtFiltersIsRefusedNotDropped) {
  TempProject extra({{"m.model.lkml", kModel}, {"all.view.lkml", std::string(kViews) + R"lkml(
view: status_facts {
  derived_table: {
    explore_source: orders {
      column: status { field: orders.status }
      filters: [orders.status: "-cancelled"]
      bind_filters: { from_field: status_facts.status_filter to_field: orders.status }
    }
  }
  filter: status_filter { type: string }
  dimension: status { primary_key: yes }
}
explore: status_facts {}
)lkml"}});
  test::ProjectUnderTest loaded = test::loadProject(extra.root());
  Query query;
  query.explore = "status_facts";
  query.fields = {"status_facts.status"};
  query.filters = {{"status_facts.status_filter", "shipped"}};
  test::Outcome out = test::compileOn(*loaded.project, query, {});
  EXPECT_FALSE(out.ok);
  EXPECT_THAT(out.errors, HasSubstr("LKML453: native derived table `status_facts` filters "
                                    "`orders.status` (`-cancelled`) and the query's filters are "
                                    "bound to it too (`shipped`)"));
  query.filters.clear();
  EXPECT_TRUE(test::compileOn(*loaded.project, query, {}).ok);
}

TEST_F(NativeDerivedTableTest, TheUsersAccessChecksApplyInsideTheDerivedTable) {
  Query query;
  query.explore = "orders";
  query.fields = {"orders.id"};
  // secret_facts queries explore secret_orders, which needs the `internal` grant.
  TempProject extra(
      {{"m.model.lkml", std::string(kModel) + "explore: facts { from: secret_facts view_name: "
                                              "secret_facts }\n"},
       {"all.view.lkml", kViews}});
  test::ProjectUnderTest loaded = test::loadProject(extra.root());
  query.explore = "facts";
  query.fields = {"secret_facts.id"};
  test::Outcome denied = test::compileOn(*loaded.project, query, {{"access_level", "client"}});
  EXPECT_FALSE(denied.ok);
  EXPECT_THAT(denied.errors,
              HasSubstr("LKML401: in native derived table `secret_facts` (explore_source "
                        "`secret_orders`): access denied: explore `secret_orders` requires "
                        "access grant `internal`"));
  test::Outcome allowed = test::compileOn(*loaded.project, query, {{"access_level", "internal"}});
  EXPECT_TRUE(allowed.ok) << allowed.errors;
}

TEST_F(NativeDerivedTableTest, ADerivedTableThatQueriesItselfIsRefused) {
  test::Outcome out = compile("loop_a", {"loop_a.id"});
  EXPECT_FALSE(out.ok);
  EXPECT_THAT(out.errors, HasSubstr("LKML450: in native derived table `loop_a` (explore_source "
                                    "`loop_a`): native derived table `loop_a` queries itself "
                                    "through its explore_source: loop_a -> loop_a"));
}

TEST_F(NativeDerivedTableTest, ParametersLkmlCannotCompileAreRefusedNotDropped) {
  TempProject extra({{"m.model.lkml", std::string(kModel) +
                                          "explore: custom_filtered {}\nexplore: other_zone {}\n"},
                     {"all.view.lkml", kViews}});
  test::ProjectUnderTest loaded = test::loadProject(extra.root());
  Query query;
  query.explore = "custom_filtered";
  query.fields = {"custom_filtered.id"};
  test::Outcome custom = test::compileOn(*loaded.project, query, {});
  EXPECT_FALSE(custom.ok);
  EXPECT_THAT(custom.errors, HasSubstr("LKML452: native derived table `custom_filtered` has an "
                                       "`expression_custom_filter`"));
  query.explore = "other_zone";
  query.fields = {"other_zone.id"};
  test::Outcome zone = test::compileOn(*loaded.project, query, {});
  EXPECT_FALSE(zone.ok);
  EXPECT_THAT(zone.errors, HasSubstr("LKML452: native derived table `other_zone` converts times"));
}

TEST_F(NativeDerivedTableTest, NestingIsLimited) {
  // v0 queries explore e1 whose base view v1 queries e2 ... : deeper than the limit.
  std::string model = "connection: \"db\"\ninclude: \"/*.view.lkml\"\n";
  std::string views;
  const int n = 12;
  for (int i = 0; i <= n; ++i) {
    model += "explore: e" + std::to_string(i) + " { from: v" + std::to_string(i) + " view_name: v" +
             std::to_string(i) + " }\n";
    if (i == n) {
      views += "view: v" + std::to_string(i) +
               " { sql_table_name: t ;; dimension: id { type: number } }\n";
    } else {
      views += "view: v" + std::to_string(i) + " { derived_table: { explore_source: e" +
               std::to_string(i + 1) + " { column: id { field: v" + std::to_string(i + 1) +
               ".id } } } dimension: id { type: number } }\n";
    }
  }
  TempProject deep({{"m.model.lkml", model}, {"all.view.lkml", views}});
  test::ProjectUnderTest loaded = test::loadProject(deep.root());
  Query query;
  query.explore = "e0";
  query.fields = {"v0.id"};
  test::Outcome out = test::compileOn(*loaded.project, query, {});
  EXPECT_FALSE(out.ok);
  EXPECT_THAT(out.errors, HasSubstr("nests native derived tables more than 8 deep"));
  query.explore = "e" + std::to_string(n - 6);
  query.fields = {"v" + std::to_string(n - 6) + ".id"};
  test::Outcome shallow = test::compileOn(*loaded.project, query, {});
  EXPECT_TRUE(shallow.ok) << shallow.errors;
}

// `lkml lint` parses the explore_source filters of NDTs and tests for their fields' types.
TEST(NativeDerivedTableLint, ExploreSourceFilterExpressionsAreChecked) {
  TempProject p({{"m.model.lkml", R"lkml(connection: "db"
include: "/*.view.lkml"
explore: orders {}
explore: f {}
test: t {
  explore_source: orders {
    column: c { field: orders.count }
    filters: [orders.id: ">>1"]
  }
  assert: a { expression: yes ;; }
}
)lkml"},
                 {"all.view.lkml", R"lkml(
view: orders { sql_table_name: o ;; dimension: id { type: number } measure: count { type: count } }
view: f {
  derived_table: {
    explore_source: orders {
      column: id { field: orders.id }
      filters: [orders.id: "abc"]
    }
  }
  dimension: id { type: number }
}
)lkml"}});
  DiagnosticBag bag;
  auto loaded = semantic::loadAndCompile(p.root(), bag);
  ASSERT_TRUE(loaded);
  DiagnosticBag lint;
  checkFilterExpressions(loaded->project, lint);
  std::string all;
  for (const Diagnostic& d : lint.diagnostics()) all += d.codeName() + ": " + d.message + "\n";
  EXPECT_THAT(all, HasSubstr("invalid filter for `orders.id` (number) in the explore_source "
                             "filters of native derived table `f`"));
  EXPECT_THAT(all, HasSubstr("invalid filter for `orders.id` (number) in the explore_source "
                             "filters of test `t`"));
  EXPECT_EQ(lint.diagnostics().size(), 2u) << all;
}

}  // namespace
}  // namespace lkml::codegen
