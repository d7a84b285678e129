// Whole queries per dialect: what codegen routes through the Dialect (aliases, datatype casts,
// location text, filters with hostile values, Liquid values in BigQuery SQL text) and the
// refusal LKML460 where the dialect cannot run the query.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "codegen/dialects/dialect_registry.h"
#include "tests/unit/codegen/query_test_support.h"

namespace lkml::codegen {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kModel = R"(connection: "warehouse"
include: "*.view.lkml"
explore: orders {}
)";

constexpr const char* kViews = R"(view: orders {
  sql_table_name: `proj.shop.orders` ;;
  dimension: id { primary_key: yes type: number }
  dimension: status { type: string sql: ${TABLE}.status ;; }
  dimension: amount { type: number sql: ${TABLE}.amount ;; }
  dimension: days { type: number sql: ${TABLE}.days ;; }
  dimension_group: shipped { type: time timeframes: [date, month] datatype: date sql: ${TABLE}.shipped ;; }
  dimension: due { type: date datatype: date sql: ${TABLE}.due ;; }
  dimension: spot { type: location sql_latitude: ${TABLE}.lat ;; sql_longitude: ${TABLE}.lon ;; }
  filter: status_pick { type: string }
  dimension: picked {
    type: yesno
    sql: # it's a BigQuery comment
      ${TABLE}.status = '{{ _user_attributes['who'] }}' ;;
  }
  measure: median_amount { type: median sql: ${amount} ;; }
  measure: median_days { type: median sql: ${days} ;; }
  measure: count { type: count }
}
)";

class DialectQueryTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    project_ = new test::TempProjectUnderTest(
        "lkml_dialect_query_test", {{"m.model.lkml", kModel}, {"orders.view.lkml", kViews}});
  }
  static void TearDownTestSuite() { delete project_; }

  static test::Outcome compile(const std::string& dialect, const std::vector<std::string>& fields,
                               const std::vector<QueryFilter>& filters = {},
                               const test::Attributes& attributes = {{"who", "x"}}) {
    EXPECT_TRUE(project_->project) << "fixture project did not load";
    Query query;
    query.explore = "orders";
    query.fields = fields;
    query.filters = filters;
    return test::compileOn(*project_->project, query, attributes, findDialect(dialect));
  }

  static test::TempProjectUnderTest* project_;
};

test::TempProjectUnderTest* DialectQueryTest::project_ = nullptr;

TEST_F(DialectQueryTest, AliasesFollowTheDialect) {
  test::Outcome bq = compile("bigquery", {"orders.status", "orders.count"});
  ASSERT_TRUE(bq.ok) << bq.errors;
  EXPECT_THAT(bq.sql, HasSubstr("orders.status AS orders_status"));
  EXPECT_THAT(bq.sql, HasSubstr("FROM `proj.shop.orders` AS orders"));
  test::Outcome sf = compile("snowflake", {"orders.status"});
  EXPECT_THAT(sf.sql, HasSubstr("orders.status AS \"orders.status\""));
}

TEST_F(DialectQueryTest, DatatypeDateIsCastForBigQueryOnly) {
  test::Outcome bq = compile("bigquery", {"orders.shipped_month"});
  ASSERT_TRUE(bq.ok) << bq.errors;
  EXPECT_THAT(bq.sql, HasSubstr("FORMAT_TIMESTAMP('%Y-%m', CAST(orders.shipped AS TIMESTAMP))"));
  test::Outcome pg = compile("postgres", {"orders.shipped_month"});
  EXPECT_THAT(pg.sql, HasSubstr("TO_CHAR(DATE_TRUNC('month', orders.shipped), 'YYYY-MM')"));
}

TEST_F(DialectQueryTest, DateDimensionsWithADatatypeAreFilteredAsTimestamps) {
  test::Outcome bq = compile("bigquery", {"orders.due"}, {{"orders.due", "2024-01-01"}});
  ASSERT_TRUE(bq.ok) << bq.errors;
  EXPECT_THAT(bq.sql, HasSubstr("orders.due AS orders_due"));  // the value stays a DATE
  EXPECT_THAT(bq.sql, HasSubstr("CAST(orders.due AS TIMESTAMP) >= (TIMESTAMP('2024-01-01'))"));
  test::Outcome pg = compile("postgres", {"orders.due"}, {{"orders.due", "2024-01-01"}});
  EXPECT_THAT(pg.sql, HasSubstr("orders.due >= (TIMESTAMP '2024-01-01')"));
}

TEST_F(DialectQueryTest, LocationTextUsesTheDialectsStringType) {
  EXPECT_THAT(compile("bigquery", {"orders.spot"}).sql, HasSubstr("CAST(orders.lat AS STRING)"));
  EXPECT_THAT(compile("redshift", {"orders.spot"}).sql, HasSubstr("CAST(orders.lat AS VARCHAR)"));
  EXPECT_THAT(compile("postgres", {"orders.spot"}).sql, HasSubstr("CAST(orders.lat AS TEXT)"));
}

TEST_F(DialectQueryTest, HostileFilterValuesStayLiterals) {
  const std::vector<QueryFilter> filters = {{"orders.status", "\\' OR 1=1 --"}};
  test::Outcome bq = compile("bigquery", {"orders.status"}, filters);
  ASSERT_TRUE(bq.ok) << bq.errors;
  EXPECT_THAT(bq.sql, HasSubstr("orders.status = '\\\\\\' OR 1=1 --'"));
  test::Outcome rs = compile("redshift", {"orders.status"}, filters);
  ASSERT_TRUE(rs.ok) << rs.errors;
  EXPECT_THAT(rs.sql, HasSubstr("orders.status = ('' || CHR(92) || ''' OR 1=1 --')"));
}

TEST_F(DialectQueryTest, LiquidValuesAfterABigQueryHashComment) {
  // PostgreSQL would read `it's` as opening a literal; BigQuery reads a comment, so the value
  // lands inside the template's '...' on the next line and is concatenated as a literal.
  test::Outcome bq = compile("bigquery", {"orders.picked"}, {}, {{"who", "a'b\\"}});
  ASSERT_TRUE(bq.ok) << bq.errors;
  EXPECT_THAT(bq.sql, HasSubstr("orders.status = 'a\\'b\\\\'"));
  EXPECT_THAT(bq.sql, Not(HasSubstr("a'b")));
}

TEST_F(DialectQueryTest, RedshiftRefusesTwoSortedAggregatesOverDifferentValues) {
  test::Outcome rs = compile("redshift", {"orders.median_amount", "orders.median_days"});
  EXPECT_FALSE(rs.ok);
  EXPECT_THAT(rs.errors, HasSubstr("LKML460"));
  EXPECT_THAT(rs.errors, HasSubstr("`orders.median_amount` and `orders.median_days`"));
  EXPECT_TRUE(compile("redshift", {"orders.median_amount"}).ok);
  test::Outcome sf = compile("snowflake", {"orders.median_amount", "orders.median_days"});
  EXPECT_TRUE(sf.ok) << sf.errors;
  EXPECT_THAT(sf.sql, HasSubstr("PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY orders.amount)"));
  test::Outcome bq = compile("bigquery", {"orders.median_amount"});
  EXPECT_THAT(bq.sql, HasSubstr("APPROX_QUANTILES(orders.amount, 1000)[OFFSET(500)]"));
}

}  // namespace
}  // namespace lkml::codegen
