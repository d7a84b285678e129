// The query compiler on a small inline project: LookML features the sample project looker/
// does not use (always_filter, conditionally_filter, sql_always_having, join sql_where,
// foreign_key, from, derived tables, tiers, list, sum_distinct, templated filters,
// parameters, Liquid user attributes), and the safety rules around them.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "codegen/query.h"
#include "tests/unit/codegen/query_test_support.h"

namespace lkml::codegen {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

namespace fs = std::filesystem;

constexpr const char* kModel = R"lkml(
connection: "pg"
include: "/views/*.view.lkml"
access_grant: pii { user_attribute: level allowed_values: ["admin"] }

explore: orders {
  always_filter: { filters: [orders.status: "complete"] }
  conditionally_filter: { filters: [orders.created_date: "2024"] unless: [orders.id] }
  sql_always_having: ${orders.count} > 0 ;;
  join: buyers { from: customers relationship: many_to_one foreign_key: customer_id }
  join: items {
    relationship: one_to_many type: inner
    sql_on: ${orders.id} = ${items.order_id} ;;
    sql_where: ${items.qty} > 0 ;;
  }
  join: order_facts { relationship: one_to_one sql_on: ${order_facts.order_id} = ${orders.id} ;; }
  join: secrets {
    relationship: one_to_one
    sql_on: ${secrets.order_id} = ${orders.id} ;;
    required_access_grants: [pii]
  }
}
explore: customers {
  join: orders { relationship: one_to_many sql_on: ${customers.id} = ${orders.customer_id} ;; }
}
explore: o2 {
  from: orders
  join: items { relationship: one_to_many sql_on: ${o2.id} = ${items.order_id} ;; }
}
explore: liq {}
)lkml";

constexpr const char* kViews = R"lkml(
view: orders {
  sql_table_name: shop.orders ;;
  dimension: id { primary_key: yes type: number }
  dimension: customer_id { type: number }
  dimension: status {}
  dimension: amount { type: number }
  dimension: amount_tier { type: tier tiers: [0, 10, 100] style: integer sql: ${amount} ;; }
  dimension: buyer_email { sql: ${buyers.email} ;; }
  dimension_group: created {
    type: time
    timeframes: [raw, date, month, day_of_week, day_of_week_index, hour_of_day, month_name]
    sql: ${TABLE}.created_at ;;
  }
  measure: count { type: count }
  measure: total { type: sum sql: ${amount} ;; }
  measure: median_amount { type: median sql: ${amount} ;; }
  measure: statuses { type: list list_field: status }
  measure: total_distinct { type: sum_distinct sql: ${amount} ;; sql_distinct_key: ${id} ;; }
  measure: big_orders { type: count filters: [amount: ">100", status: "-cancelled"] }
  measure: email_count { type: count_distinct sql: ${buyers.email} ;; }
  filter: status_pick { type: string }
  dimension: picked { type: yesno sql: {% condition status_pick %} ${status} {% endcondition %} ;; }
  parameter: metric {
    type: unquoted
    allowed_value: { value: "amount" }
    allowed_value: { value: "id" }
    default_value: "amount"
  }
  dimension: chosen { type: number sql: ${TABLE}.{% parameter metric %} ;; }
}
view: customers {
  sql_table_name: shop.customers ;;
  dimension: id { primary_key: yes type: number }
  dimension: email { required_access_grants: [pii] }
  dimension: name {}
  measure: count { type: count }
}
view: items {
  dimension: id { primary_key: yes }
  dimension: order_id {}
  dimension: qty { type: number }
  measure: total_qty { type: sum sql: ${qty} ;; }
}
view: order_facts {
  derived_table: { sql: SELECT order_id, COUNT(*) AS n FROM ${items.SQL_TABLE_NAME} GROUP BY 1 ;; }
  dimension: order_id { primary_key: yes }
  dimension: n { type: number }
  measure: avg_n { type: average sql: ${n} ;; }
}
view: secrets {
  dimension: order_id { primary_key: yes }
  dimension: code {}
}
view: liq {
  sql_table_name: shop.liq ;;
  dimension: id { primary_key: yes type: number }
  dimension: like_name { type: yesno sql: ${TABLE}.name LIKE '%{{ _user_attributes['who'] }}%' ;; }
  dimension: whole { type: yesno sql: ${TABLE}.name = '{{ _user_attributes['who'] }}' ;; }
  dimension: bare { type: yesno sql: ${TABLE}.id = {{ _user_attributes['who'] }} ;; }
  dimension: escaped { type: yesno sql: ${TABLE}.name = 'it''s {{ _user_attributes['who'] }}' ;; }
  dimension: after_comment {
    type: yesno
    sql: ${TABLE}.name /* it's */ = '{{ _user_attributes['who'] }}' ;;
  }
  dimension: in_comment {
    type: number
    sql: ${TABLE}.id -- owner {{ _user_attributes['who'] }}
    ;;
  }
  dimension: in_identifier { type: number sql: ${TABLE}."{{ _user_attributes['who'] }}" ;; }
  parameter: p { type: string }
  dimension: param_like { type: yesno sql: ${TABLE}.name LIKE '%{% parameter p %}%' ;; }
  dimension: unclosed { sql: ${TABLE}.name || '${' ;; }
  dimension: unclosed_liquid { sql: ${TABLE}.name || '{{ x' ;; }
}
)lkml";

class QueryCompilerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    project_ = new test::TempProjectUnderTest(
        "lkml_query_compiler_test", {{"shop.model.lkml", kModel}, {"views/all.view.lkml", kViews}});
  }
  static void TearDownTestSuite() { delete project_; }

  static test::Outcome compile(const std::string& explore, const std::vector<std::string>& fields,
                               const std::vector<QueryFilter>& filters = {},
                               const test::Attributes& attributes = {{"level", "admin"}}) {
    EXPECT_TRUE(project_->project) << "fixture project did not load";
    Query query;
    query.explore = explore;
    query.fields = fields;
    query.filters = filters;
    return test::compileOn(*project_->project, query, attributes);
  }

  static test::TempProjectUnderTest* project_;
};

test::TempProjectUnderTest* QueryCompilerTest::project_ = nullptr;

TEST_F(QueryCompilerTest, ExploreDefaultsAndJoinClauses) {
  test::Outcome out = compile("orders", {"orders.status", "buyers.count", "items.total_qty"});
  ASSERT_TRUE(out.ok) << out.errors;
  EXPECT_EQ(out.sql,
            "SELECT\n"
            "    orders.status AS \"orders.status\",\n"
            "    COUNT(DISTINCT buyers.id) AS \"buyers.count\",\n"
            "    COALESCE(SUM(items.qty), 0) AS \"items.total_qty\"\n"
            "FROM shop.orders AS orders\n"
            "LEFT JOIN shop.customers AS buyers ON orders.customer_id = buyers.id\n"
            "INNER JOIN items ON orders.id = items.order_id\n"
            "WHERE (orders.created_at >= (TIMESTAMP '2024-01-01') AND orders.created_at < "
            "(TIMESTAMP '2024-01-01' + INTERVAL '1 year'))\n"
            "  AND (orders.status = 'complete')\n"
            "  AND (items.qty > 0)\n"
            "GROUP BY 1\n"
            "HAVING ((COUNT(DISTINCT orders.id)) > 0)\n"
            "ORDER BY 2 DESC\n");
}

TEST_F(QueryCompilerTest, QueryFilterReplacesAlwaysFilterValue) {
  test::Outcome out = compile("orders", {"orders.count"}, {{"orders.status", "open"}});
  ASSERT_TRUE(out.ok) << out.errors;
  EXPECT_THAT(out.sql, HasSubstr("(orders.status = 'open')"));
  EXPECT_THAT(out.sql, Not(HasSubstr("'complete'")));
}

TEST_F(QueryCompilerTest, ConditionallyFilterYieldsToUnlessField) {
  test::Outcome with = compile("orders", {"orders.count"});
  EXPECT_THAT(with.sql, HasSubstr("TIMESTAMP '2024-01-01'"));
  test::Outcome without = compile("orders", {"orders.count"}, {{"orders.id", "5"}});
  ASSERT_TRUE(without.ok) << without.errors;
  EXPECT_THAT(without.sql, Not(HasSubstr("TIMESTAMP '2024-01-01'")));
  EXPECT_THAT(without.sql, HasSubstr("(orders.id = 5)"));
  test::Outcome replaced = compile("orders", {"orders.count"}, {{"orders.created_date", "2023"}});
  EXPECT_THAT(replaced.sql, HasSubstr("TIMESTAMP '2023-01-01'"));
  EXPECT_THAT(replaced.sql, Not(HasSubstr("TIMESTAMP '2024-01-01'")));
}

TEST_F(QueryCompilerTest, FromAliasesTheBaseView) {
  test::Outcome out = compile("o2", {"o2.status", "o2.count", "items.total_qty"});
  ASSERT_TRUE(out.ok) << out.errors;
  EXPECT_THAT(out.sql, HasSubstr("FROM shop.orders AS o2\n"));
  EXPECT_THAT(out.sql, HasSubstr("COUNT(DISTINCT o2.id) AS \"o2.count\""));
  EXPECT_THAT(out.sql, HasSubstr("LEFT JOIN items ON o2.id = items.order_id"));
}

TEST_F(QueryCompilerTest, DerivedTableBecomesCte) {
  test::Outcome out = compile("orders", {"order_facts.avg_n"});
  ASSERT_TRUE(out.ok) << out.errors;
  EXPECT_EQ(out.sql.rfind("WITH order_facts AS (SELECT order_id, COUNT(*) AS n FROM items "
                          "GROUP BY 1)\nSELECT\n",
                          0),
            0u)
      << out.sql;
  EXPECT_THAT(out.sql, HasSubstr("LEFT JOIN order_facts ON order_facts.order_id = orders.id"));
  // one_to_one with the base, not fanned out: a plain average.
  EXPECT_THAT(out.sql, HasSubstr("AVG(order_facts.n)"));
}

TEST_F(QueryCompilerTest, OneToManyFansOutTheOneToOneSibling) {
  test::Outcome out = compile("orders", {"order_facts.avg_n", "items.total_qty"});
  ASSERT_TRUE(out.ok) << out.errors;
  EXPECT_THAT(out.sql, HasSubstr("SUM(DISTINCT"));
  EXPECT_THAT(out.sql, HasSubstr("NULLIF(COUNT(DISTINCT CASE WHEN order_facts.n IS NOT NULL THEN "
                                 "order_facts.order_id ELSE NULL END), 0)"));
  EXPECT_THAT(out.sql, HasSubstr("COALESCE(SUM(items.qty), 0)"));
}

TEST_F(QueryCompilerTest, TierListSumDistinctAndFilteredCount) {
  test::Outcome out = compile("orders", {"orders.amount_tier", "orders.statuses",
                                         "orders.total_distinct", "orders.big_orders"});
  ASSERT_TRUE(out.ok) << out.errors;
  EXPECT_THAT(out.sql,
              HasSubstr("CASE WHEN orders.amount IS NULL THEN 'Undefined' WHEN orders.amount < 0 "
                        "THEN 'Below 0' WHEN orders.amount < 10 THEN '0 to 9' WHEN "
                        "orders.amount < 100 THEN '10 to 99' ELSE '100 or Above' END"));
  EXPECT_THAT(out.sql, HasSubstr("STRING_AGG(DISTINCT CAST(orders.status AS TEXT), ', ' ORDER BY "
                                 "CAST(orders.status AS TEXT))"));
  EXPECT_THAT(out.sql, HasSubstr("MD5(CAST(orders.id AS VARCHAR))"));
  EXPECT_THAT(out.sql, HasSubstr("COUNT(CASE WHEN (orders.amount > 100) AND ((orders.status <> "
                                 "'cancelled' OR orders.status IS NULL)) THEN 1 ELSE NULL END)"));
}

TEST_F(QueryCompilerTest, MedianUnderFanoutIsRefused) {
  test::Outcome plain = compile("customers", {"orders.median_amount"});
  ASSERT_TRUE(plain.ok) << plain.errors;
  EXPECT_THAT(plain.sql, HasSubstr("PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY orders.amount)"));
  test::Outcome fanned = compile("orders", {"orders.median_amount", "items.total_qty"});
  EXPECT_FALSE(fanned.ok);
  EXPECT_THAT(fanned.errors, HasSubstr("LKML406"));
  EXPECT_TRUE(fanned.sql.empty());
}

TEST_F(QueryCompilerTest, TemplatedFilterAndParameters) {
  test::Outcome out = compile("orders", {"orders.picked", "orders.chosen"},
                              {{"orders.status_pick", "abc,-x"}, {"orders.metric", "id"}});
  ASSERT_TRUE(out.ok) << out.errors;
  EXPECT_THAT(out.sql, HasSubstr("CASE WHEN (((orders.status) = 'abc') AND ((orders.status) <> 'x' "
                                 "OR (orders.status) IS NULL)) THEN 'Yes' ELSE 'No' END"));
  EXPECT_THAT(out.sql, HasSubstr("orders.id AS \"orders.chosen\""));
  test::Outcome unset = compile("orders", {"orders.picked", "orders.chosen"});
  ASSERT_TRUE(unset.ok) << unset.errors;
  EXPECT_THAT(unset.sql, HasSubstr("CASE WHEN 1=1 THEN 'Yes'"));
  EXPECT_THAT(unset.sql, HasSubstr("orders.amount AS \"orders.chosen\""));
  test::Outcome injected =
      compile("orders", {"orders.chosen"}, {{"orders.metric", "id; DROP TABLE orders"}});
  EXPECT_FALSE(injected.ok);
  EXPECT_THAT(injected.errors, HasSubstr("LKML414: parameter `orders.metric` (unquoted) must be "
                                         "one of its allowed values"));
}

TEST_F(QueryCompilerTest, GrantsOfReferencedFieldsAndJoins) {
  test::Attributes user = {{"level", "user"}};
  test::Outcome measure = compile("orders", {"orders.email_count"}, {}, user);
  EXPECT_FALSE(measure.ok);
  EXPECT_THAT(measure.errors,
              HasSubstr("LKML404: access denied: field `buyers.email` requires access grant "
                        "`pii`"));
  EXPECT_THAT(measure.errors, HasSubstr("it is referenced by `orders.email_count`"));
  test::Outcome join = compile("orders", {"orders.id"}, {{"secrets.code", "x"}}, user);
  EXPECT_FALSE(join.ok);
  EXPECT_THAT(join.errors, HasSubstr("LKML412"));
  EXPECT_THAT(join.errors, HasSubstr("join `secrets`"));
  EXPECT_TRUE(compile("orders", {"orders.buyer_email", "secrets.code"}).ok);
}

// Liquid user attributes and string parameters always become one escaped literal, whatever
// the LookML around them looks like.
TEST_F(QueryCompilerTest, LiquidValuesStayInsideLiterals) {
  const std::string evil = " OR TRUE OR x'y";
  test::Outcome out = compile("liq",
                              {"liq.like_name", "liq.whole", "liq.bare", "liq.escaped",
                               "liq.after_comment", "liq.param_like"},
                              {{"liq.p", "a' OR 'b"}}, {{"who", evil}});
  ASSERT_TRUE(out.ok) << out.errors;
  EXPECT_THAT(out.sql, HasSubstr("liq.name LIKE '%' || ' OR TRUE OR x''y' || '%'"));
  EXPECT_THAT(out.sql, HasSubstr("liq.name = ' OR TRUE OR x''y' THEN"));
  EXPECT_THAT(out.sql, HasSubstr("liq.id = ' OR TRUE OR x''y' THEN"));
  EXPECT_THAT(out.sql, HasSubstr("liq.name = 'it''s ' || ' OR TRUE OR x''y' THEN"));
  EXPECT_THAT(out.sql, HasSubstr("liq.name /* it's */ = ' OR TRUE OR x''y' THEN"));
  EXPECT_THAT(out.sql, HasSubstr("liq.name LIKE '%' || 'a'' OR ''b' || '%'"));

  test::Outcome number = compile("liq", {"liq.bare"}, {}, {{"who", "12"}});
  EXPECT_THAT(number.sql, HasSubstr("liq.id = 12 THEN"));
  test::Outcome backslash = compile("liq", {"liq.like_name"}, {}, {{"who", "a\\' OR 1=1 --"}});
  EXPECT_THAT(backslash.sql, HasSubstr("LIKE '%' || E'a\\\\'' OR 1=1 --' || '%'"));

  for (const char* field : {"liq.in_comment", "liq.in_identifier"}) {
    test::Outcome refused = compile("liq", {field}, {}, {{"who", "x\nDROP TABLE t"}});
    EXPECT_FALSE(refused.ok) << field << "\n" << refused.sql;
    EXPECT_THAT(refused.errors, HasSubstr("LKML415"));
  }
  test::Outcome missing = compile("liq", {"liq.whole"}, {}, {});
  EXPECT_FALSE(missing.ok);
  EXPECT_THAT(missing.errors, HasSubstr("LKML407"));
}

TEST_F(QueryCompilerTest, UnclosedSubstitutionIsAnErrorNotTruncation) {
  test::Outcome dollar = compile("liq", {"liq.unclosed"});
  EXPECT_FALSE(dollar.ok) << dollar.sql;
  EXPECT_THAT(dollar.errors, HasSubstr("without a closing `}`"));
  test::Outcome liquid = compile("liq", {"liq.unclosed_liquid"});
  EXPECT_FALSE(liquid.ok) << liquid.sql;
  EXPECT_THAT(liquid.errors, HasSubstr("without a closing `}}`"));
}

TEST_F(QueryCompilerTest, SelectingAFilterOrParameterIsRefused) {
  test::Outcome out = compile("orders", {"orders.status_pick"});
  EXPECT_FALSE(out.ok);
  EXPECT_THAT(out.errors, HasSubstr("can be filtered but not selected"));
}

TEST_F(QueryCompilerTest, DuplicateFieldsGiveOneColumn) {
  test::Outcome out = compile("customers", {"customers.name", "customers.name", "customers.count"});
  ASSERT_TRUE(out.ok) << out.errors;
  EXPECT_EQ(out.columns, (std::vector<std::string>{"customers.name", "customers.count"}));
}

TEST(QueryCompilerLooker, TwoFiltersOnOneFieldAreRefusedNotDropped) {
  test::Outcome out =
      test::compileLooker("users_internal", {"users.count"}, {{"access_level", "internal"}},
                          {{"users.role", "admin"}, {"users.role", "learner"}});
  EXPECT_FALSE(out.ok) << out.sql;
  EXPECT_THAT(out.errors, HasSubstr("filters `users.role` twice"));
}

TEST(QueryCompilerLooker, ErrorsAreReportedOnceEach) {
  test::Outcome out = test::compileLooker(
      "courses_company", {"courses.nope", "courses.price", "courses.average_price"},
      {{"access_level", "company"}, {"company_id", "2"}}, {{"courses.id", "x"}});
  EXPECT_FALSE(out.ok);
  EXPECT_EQ(out.errors,
            "LKML402: unknown field `courses.nope` in --fields: view `courses` has no field "
            "`nope`\n"
            "LKML404: access denied: field `courses.price` requires access grant `internal` "
            "(`access_level` is `company`; grant `internal` allows access_level in [internal])\n"
            "LKML404: access denied: field `courses.average_price` requires access grant "
            "`internal` (`access_level` is `company`; grant `internal` allows access_level in "
            "[internal])\n");
}

TEST(QueryParse, LookerApiJson) {
  Query query;
  std::string error;
  ASSERT_TRUE(parseQueryJson(R"({"model": "ti", "view": "users_internal",
      "fields": ["users.role", "users.count"], "filters": {"users.role": "admin"},
      "sorts": ["users.count desc", "users.role"], "limit": "10"})",
                             &query, &error))
      << error;
  EXPECT_EQ(query.model, "ti");
  EXPECT_EQ(query.explore, "users_internal");
  EXPECT_EQ(query.fields.size(), 2u);
  ASSERT_EQ(query.filters.size(), 1u);
  EXPECT_EQ(query.filters[0].expression, "admin");
  ASSERT_EQ(query.sorts.size(), 2u);
  EXPECT_TRUE(query.sorts[0].descending);
  EXPECT_FALSE(query.sorts[1].descending);
  EXPECT_EQ(query.limit, 10u);

  Query unsorted;
  ASSERT_TRUE(
      parseQueryJson(R"({"view": "x", "sorts": ["__UNSORTED__"], "limit": 5})", &unsorted, &error));
  EXPECT_TRUE(unsorted.unsorted);
  EXPECT_EQ(unsorted.limit, 5u);

  for (const char* bad :
       {"[]", "{\"fields\": []}", R"({"view": "x", "limit": "-1"})",
        R"({"view": "x", "fields": "a.b"})", R"({"view": "x", "filters": []})",
        R"({"view": "x", "filters": {"a.b": 5}})", R"({"view": "x", "sorts": ["a.b sideways"]})"}) {
    Query q;
    EXPECT_FALSE(parseQueryJson(bad, &q, &error)) << bad;
  }
}

TEST(QueryParse, FilterAndSortArguments) {
  QueryFilter filter;
  std::string error;
  ASSERT_TRUE(parseFilterArgument("users.role=a=b,c", &filter, &error));
  EXPECT_EQ(filter.field, "users.role");
  EXPECT_EQ(filter.expression, "a=b,c");
  EXPECT_FALSE(parseFilterArgument("users.role", &filter, &error));
  EXPECT_FALSE(parseFilterArgument("role=x", &filter, &error));
  EXPECT_FALSE(parseFilterArgument("users.ro le=x", &filter, &error));
  QuerySort sort;
  ASSERT_TRUE(parseSortArgument(" users.count  DESC ", &sort, &error));
  EXPECT_EQ(sort.field, "users.count");
  EXPECT_TRUE(sort.descending);
  EXPECT_FALSE(parseSortArgument("users.count; DROP", &sort, &error));
}

}  // namespace
}  // namespace lkml::codegen
