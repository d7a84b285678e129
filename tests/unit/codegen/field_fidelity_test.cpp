// Field SQL as Looker compiles it (issue 12): every documented timeframe (stepped, fiscal,
// yesno), time groups without `timeframes:`, yesno dimensions referenced in other SQL,
// aggregate measures without `sql:`, `case:` dimensions, tier labels per style with their
// bucket sort order, locations and distances, dimensions before measures, floored durations,
// filters typed by timeframe, and LKML435 for parameters lkml cannot compile.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "codegen/query.h"
#include "codegen/sql_expander.h"
#include "tests/unit/codegen/query_test_support.h"

namespace lkml::codegen {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

namespace fs = std::filesystem;

constexpr const char* kModel = R"lkml(
connection: "pg"
include: "/*.view.lkml"
fiscal_month_offset: 3
explore: orders {
  join: stores { relationship: many_to_one sql_on: ${orders.store_id} = ${stores.id} ;; }
}
)lkml";

constexpr const char* kViews = R"lkml(
view: orders {
  sql_table_name: shop.orders ;;
  dimension: id { primary_key: yes type: number }
  dimension: store_id { type: number }
  dimension: amount { type: number }
  dimension: is_big { type: yesno sql: ${amount} > 100 ;; }
  dimension: is_deleted { type: yesno sql: ${TABLE}.deleted ;; }
  dimension: big_label { sql: CASE WHEN ${is_big} THEN 'big' ELSE 'small' END ;; }
  dimension: live_big { type: yesno sql: ${is_big} AND ${is_deleted} IS FALSE ;; }
  dimension_group: created { type: time sql: ${TABLE}.created_at ;; }
  dimension_group: shipped {
    type: duration
    sql_start: ${TABLE}.created_at ;;
    sql_end: ${TABLE}.shipped_at ;;
    intervals: [day, month, quarter, year]
  }
  dimension: size {
    case: {
      when: { sql: ${amount} < 10 ;; label: "small" }
      when: { sql: ${amount} < 100 ;; label: "medium" }
      else: "large"
    }
  }
  dimension: size_alpha {
    alpha_sort: yes
    case: { when: { sql: ${amount} < 10 ;; label: "small" } }
  }
  dimension: amount_classic { type: tier tiers: [0, 10, 20] sql: ${amount} ;; }
  dimension: amount_integer { type: tier tiers: [0, 10, 20] style: integer sql: ${amount} ;; }
  dimension: amount_relational { type: tier tiers: [0, 10] style: relational sql: ${amount} ;; }
  dimension: amount_interval { type: tier tiers: [0, 2.5] style: interval sql: ${amount} ;; }
  dimension: amount_decimal { type: tier tiers: [0, 2.5] style: integer sql: ${amount} ;; }
  dimension: amount_bin { type: bin bins: [0, 50] sql: ${amount} ;; }
  dimension: status { order_by_field: status_rank }
  dimension: status_rank { type: number }
  dimension: flagged { order_by_field: is_big }
  dimension: name { case_sensitive: no }
  measure: count { type: count }
  measure: revenue { type: sum }
  measure: big_count { type: sum sql: CASE WHEN ${is_big} THEN 1 ELSE 0 END ;; }
  measure: exact { type: sum_distinct sql: ${amount} ;; sql_distinct_key: ${id} ;; precision: 2 }
  measure: nested { type: count_distinct sql: ${id} ;; fanout_on: items }
  dimension: weekly { type: number week_start_day: sunday }
  dimension: shipped_month { type: date_month sql: ${TABLE}.shipped_at ;; }
  dimension: shipped_dow { type: date_day_of_week sql: ${TABLE}.shipped_at ;; }
  measure: last_ship_month { type: date_month sql: MAX(${TABLE}.shipped_at) ;; }
  measure: share { type: percent_of_total sql: ${count} ;; }
  measure: running { type: running_total sql: ${count} ;; }
  measure: growth { type: percent_of_previous sql: ${count} ;; }
  measure: double_running { type: number sql: 2 * ${running} ;; }
}
view: stores {
  sql_table_name: shop.stores ;;
  dimension: id { primary_key: yes type: number }
  dimension: location { type: location sql_latitude: ${TABLE}.lat ;; sql_longitude: ${TABLE}.lon ;; }
  dimension: home { type: location sql_latitude: 52.5 ;; sql_longitude: 13.4 ;; }
  dimension: km_home {
    type: distance
    start_location_field: home
    end_location_field: stores.location
    units: kilometers
  }
  dimension: miles_home { type: distance start_location_field: home end_location_field: location units: miles }
  dimension: bad_units { type: distance start_location_field: home end_location_field: location units: parsecs }
  dimension: half { type: location sql_latitude: 1 ;; }
}
)lkml";

class FieldFidelityTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    project_ = new test::TempProjectUnderTest(
        "lkml_field_fidelity_test", {{"shop.model.lkml", kModel}, {"all.view.lkml", kViews}});
  }
  static void TearDownTestSuite() { delete project_; }

  static test::Outcome compile(const std::vector<std::string>& fields,
                               const std::vector<QueryFilter>& filters = {},
                               const std::vector<QuerySort>& sorts = {}) {
    EXPECT_TRUE(project_->project) << "fixture project did not load";
    EXPECT_TRUE(project_->errors.empty()) << project_->errors.front().message;
    Query query;
    query.explore = "orders";
    query.fields = fields;
    query.filters = filters;
    query.sorts = sorts;
    return test::compileOn(*project_->project, query, {});
  }

  static test::TempProjectUnderTest* project_;
};

test::TempProjectUnderTest* FieldFidelityTest::project_ = nullptr;

TEST_F(FieldFidelityTest, YesNoReferencedInOtherSqlIsTheCondition) {
  test::Outcome out = compile({"orders.big_label", "orders.live_big", "orders.big_count"});
  ASSERT_TRUE(out.ok) << out.errors;
  EXPECT_EQ(out.sql,
            "SELECT\n"
            "    CASE WHEN (orders.amount > 100) THEN 'big' ELSE 'small' END AS "
            "\"orders.big_label\",\n"
            "    CASE WHEN (orders.amount > 100) AND orders.deleted IS FALSE THEN 'Yes' ELSE 'No' "
            "END AS \"orders.live_big\",\n"
            "    COALESCE(SUM(CASE WHEN (orders.amount > 100) THEN 1 ELSE 0 END), 0) AS "
            "\"orders.big_count\"\n"
            "FROM shop.orders AS orders\n"
            "GROUP BY 1, 2\n"
            "ORDER BY 3 DESC\n");
}

TEST_F(FieldFidelityTest, SelectedYesNoStillRendersYesNoAndFiltersUseTheCondition) {
  test::Outcome out = compile({"orders.is_big", "orders.count"}, {{"orders.is_big", "yes"}});
  ASSERT_TRUE(out.ok) << out.errors;
  EXPECT_THAT(out.sql, HasSubstr("CASE WHEN orders.amount > 100 THEN 'Yes' ELSE 'No' END AS"));
  EXPECT_THAT(out.sql, HasSubstr("WHERE ((orders.amount > 100))"));
}

TEST_F(FieldFidelityTest, AggregateMeasureWithoutSqlReadsItsColumn) {
  test::Outcome out = compile({"orders.revenue"});
  ASSERT_TRUE(out.ok) << out.errors;
  EXPECT_THAT(out.sql, HasSubstr("COALESCE(SUM(orders.revenue), 0) AS \"orders.revenue\""));
}

TEST_F(FieldFidelityTest, DimensionsComeBeforeMeasures) {
  test::Outcome out = compile({"orders.count", "orders.amount", "orders.revenue", "orders.id"});
  ASSERT_TRUE(out.ok) << out.errors;
  EXPECT_EQ(out.columns, (std::vector<std::string>{"orders.amount", "orders.id", "orders.count",
                                                   "orders.revenue"}));
  EXPECT_THAT(out.sql, HasSubstr("GROUP BY 1, 2\n"));
  EXPECT_THAT(out.sql, HasSubstr("ORDER BY 3 DESC\n"));  // the first measure, now column 3
}

TEST_F(FieldFidelityTest, TimeGroupWithoutTimeframesHasEveryTimeframe) {
  test::Outcome out = compile({"orders.created_minute15", "orders.created_hour6",
                               "orders.created_millisecond", "orders.created_fiscal_quarter",
                               "orders.created_fiscal_year", "orders.created_yesno"});
  ASSERT_TRUE(out.ok) << out.errors;
  EXPECT_THAT(out.sql, HasSubstr("MOD(EXTRACT(MINUTE FROM orders.created_at)::integer, 15)"));
  EXPECT_THAT(out.sql, HasSubstr("MOD(EXTRACT(HOUR FROM orders.created_at)::integer, 6)"));
  EXPECT_THAT(out.sql, HasSubstr("'YYYY-MM-DD HH24:MI:SS.MS'"));
  // fiscal_month_offset: 3 in the model: fiscal years start in April.
  EXPECT_THAT(out.sql,
              HasSubstr("EXTRACT(YEAR FROM ((orders.created_at) + INTERVAL '-3 month'))::integer "
                        "AS \"orders.created_fiscal_year\""));
  EXPECT_THAT(out.sql, HasSubstr("CASE WHEN (orders.created_at) IS NOT NULL THEN 'Yes' ELSE "
                                 "'No' END AS \"orders.created_yesno\""));
}

TEST_F(FieldFidelityTest, TimeframeFiltersTakeTheTypeOfTheirValues) {
  EXPECT_EQ(
      SqlExpander::filterTypeOf(*project_->project->project.models[0].findView("orders")->findField(
          "created_day_of_week")),
      FilterType::String);
  const semantic::View& v = *project_->project->project.models[0].findView("orders");
  EXPECT_EQ(SqlExpander::filterTypeOf(*v.findField("created_month_name")), FilterType::String);
  EXPECT_EQ(SqlExpander::filterTypeOf(*v.findField("created_hour_of_day")), FilterType::Number);
  EXPECT_EQ(SqlExpander::filterTypeOf(*v.findField("created_fiscal_month_num")),
            FilterType::Number);
  EXPECT_EQ(SqlExpander::filterTypeOf(*v.findField("created_minute15")), FilterType::Date);
  EXPECT_EQ(SqlExpander::filterTypeOf(*v.findField("created_yesno")), FilterType::YesNo);
  EXPECT_EQ(SqlExpander::filterTypeOf(*v.findField("created_fiscal_quarter")), FilterType::String);

  test::Outcome out = compile({"orders.count"}, {{"orders.created_day_of_week", "Monday"},
                                                 {"orders.created_month_num", ">6"},
                                                 {"orders.created_yesno", "no"},
                                                 {"orders.created_minute15", "2024"}});
  ASSERT_TRUE(out.ok) << out.errors;
  EXPECT_THAT(out.sql, HasSubstr("TO_CHAR(orders.created_at, 'FMDay')) = 'Monday'"));
  EXPECT_THAT(out.sql, HasSubstr("EXTRACT(MONTH FROM orders.created_at)::integer) > 6"));
  EXPECT_THAT(out.sql, HasSubstr("NOT (orders.created_at IS NOT NULL)"));
  EXPECT_THAT(out.sql, HasSubstr("orders.created_at >= (TIMESTAMP '2024-01-01')"));
}

TEST_F(FieldFidelityTest, DateTypesRenderTheirTimeframe) {
  test::Outcome out =
      compile({"orders.shipped_month", "orders.shipped_dow", "orders.last_ship_month"},
              {{"orders.shipped_month", "2024"},
               {"orders.shipped_dow", "Friday"},
               {"orders.last_ship_month", "2024"}});
  ASSERT_TRUE(out.ok) << out.errors;
  EXPECT_THAT(out.sql, HasSubstr("TO_CHAR(DATE_TRUNC('month', orders.shipped_at), 'YYYY-MM') AS "
                                 "\"orders.shipped_month\""));
  EXPECT_THAT(out.sql, HasSubstr("TO_CHAR(orders.shipped_at, 'FMDay') AS \"orders.shipped_dow\""));
  EXPECT_THAT(out.sql, HasSubstr("TO_CHAR(DATE_TRUNC('month', MAX(orders.shipped_at)), "
                                 "'YYYY-MM') AS \"orders.last_ship_month\""));
  // Date filters compare the raw value, string filters the day name.
  EXPECT_THAT(out.sql, HasSubstr("(orders.shipped_at >= (TIMESTAMP '2024-01-01')"));
  EXPECT_THAT(out.sql, HasSubstr("(TO_CHAR(orders.shipped_at, 'FMDay')) = 'Friday'"));
  EXPECT_THAT(out.sql, HasSubstr("HAVING ((MAX(orders.shipped_at)) >= (TIMESTAMP '2024-01-01')"));
}

TEST_F(FieldFidelityTest, DurationsAreFloored) {
  test::Outcome out = compile({"orders.days_shipped", "orders.months_shipped",
                               "orders.quarters_shipped", "orders.years_shipped"});
  ASSERT_TRUE(out.ok) << out.errors;
  EXPECT_THAT(out.sql, HasSubstr("FLOOR(EXTRACT(EPOCH FROM ((orders.shipped_at)::timestamp - "
                                 "(orders.created_at)::timestamp)) / 86400)::bigint"));
  EXPECT_THAT(out.sql, HasSubstr(" * INTERVAL '1 month' > (orders.shipped_at)::timestamp THEN 1 "
                                 "ELSE 0 END) / 3.0)::bigint"));
}

TEST_F(FieldFidelityTest, CaseDimensionCompilesAndSortsInCaseOrder) {
  test::Outcome out = compile({"orders.size", "orders.count"}, {}, {{"orders.size", false}});
  ASSERT_TRUE(out.ok) << out.errors;
  EXPECT_THAT(out.sql, HasSubstr("CASE WHEN (orders.amount < 10) THEN 'small' WHEN (orders.amount "
                                 "< 100) THEN 'medium' ELSE 'large' END AS \"orders.size\""));
  EXPECT_THAT(out.sql, HasSubstr("ORDER BY MIN(CASE WHEN (orders.amount < 10) THEN 0 WHEN "
                                 "(orders.amount < 100) THEN 1 ELSE 2 END)\n"));
  // Without else, unmatched rows are NULL; alpha_sort sorts by the label.
  test::Outcome alpha = compile({"orders.size_alpha"});
  ASSERT_TRUE(alpha.ok) << alpha.errors;
  EXPECT_THAT(alpha.sql, HasSubstr("CASE WHEN (orders.amount < 10) THEN 'small' END AS"));
  EXPECT_THAT(alpha.sql, HasSubstr("ORDER BY 1\n"));
}

TEST_F(FieldFidelityTest, TierLabelsFollowTheStyle) {
  test::Outcome out =
      compile({"orders.amount_classic", "orders.amount_integer", "orders.amount_relational",
               "orders.amount_interval", "orders.amount_decimal", "orders.amount_bin"});
  ASSERT_TRUE(out.ok) << out.errors;
  EXPECT_THAT(out.sql, HasSubstr("CASE WHEN orders.amount IS NULL THEN 'Undefined' WHEN "
                                 "orders.amount < 0 THEN 'T00 (-inf,0)' WHEN orders.amount < 10 "
                                 "THEN 'T01 [0,10)' WHEN orders.amount < 20 THEN 'T02 [10,20)' "
                                 "ELSE 'T03 [20,inf)' END AS \"orders.amount_classic\""));
  EXPECT_THAT(out.sql, HasSubstr("THEN 'Below 0' WHEN orders.amount < 10 THEN '0 to 9' WHEN "
                                 "orders.amount < 20 THEN '10 to 19' ELSE '20 or Above' END"));
  EXPECT_THAT(out.sql, HasSubstr("THEN '< 0' WHEN orders.amount < 10 THEN '>= 0 and < 10' ELSE "
                                 "'>= 10' END"));
  EXPECT_THAT(out.sql, HasSubstr("THEN '(-inf,0)' WHEN orders.amount < 2.5 THEN '[0,2.5)' ELSE "
                                 "'[2.5,inf)' END AS \"orders.amount_interval\""));
  // integer style cannot write "0 to 1.5": a decimal bound keeps interval notation.
  EXPECT_THAT(out.sql, HasSubstr("THEN 'Below 0' WHEN orders.amount < 2.5 THEN '[0,2.5)' ELSE "
                                 "'2.5 or Above' END AS \"orders.amount_decimal\""));
  EXPECT_THAT(out.sql, HasSubstr("ELSE 'T02 [50,inf)' END AS \"orders.amount_bin\""));
}

TEST_F(FieldFidelityTest, SortingByATierOrdersByBucket) {
  test::Outcome out =
      compile({"orders.amount_integer", "orders.count"}, {}, {{"orders.amount_integer", true}});
  ASSERT_TRUE(out.ok) << out.errors;
  EXPECT_THAT(out.sql, HasSubstr("ORDER BY MIN(CASE WHEN orders.amount IS NULL THEN 4 WHEN "
                                 "orders.amount < 0 THEN 0 WHEN orders.amount < 10 THEN 1 WHEN "
                                 "orders.amount < 20 THEN 2 ELSE 3 END) DESC\n"));
  // A tier that is the first column of an unsorted dimension-only query sorts by bucket too.
  test::Outcome first = compile({"orders.amount_integer"});
  ASSERT_TRUE(first.ok) << first.errors;
  EXPECT_THAT(first.sql, HasSubstr("ORDER BY MIN(CASE WHEN orders.amount IS NULL THEN 4"));
}

TEST_F(FieldFidelityTest, OrderByFieldSortsByTheOtherField) {
  test::Outcome out = compile({"orders.status", "orders.count"}, {}, {{"orders.status", false}});
  ASSERT_TRUE(out.ok) << out.errors;
  EXPECT_THAT(out.sql, HasSubstr("ORDER BY MIN(orders.status_rank)\n"));
  test::Outcome by_yesno = compile({"orders.flagged"}, {}, {{"orders.flagged", true}});
  ASSERT_TRUE(by_yesno.ok) << by_yesno.errors;
  EXPECT_THAT(by_yesno.sql,
              HasSubstr("ORDER BY MIN(CASE WHEN (orders.amount > 100) THEN 1 ELSE 0 END) DESC\n"));
}

TEST_F(FieldFidelityTest, FieldCaseSensitiveOverridesTheModel) {
  test::Outcome out = compile({"orders.count"}, {{"orders.name", "Ann"}});
  ASSERT_TRUE(out.ok) << out.errors;
  EXPECT_THAT(out.sql, HasSubstr("LOWER(orders.name) = LOWER('Ann')"));
}

TEST_F(FieldFidelityTest, LocationAndDistance) {
  test::Outcome out = compile({"stores.location", "stores.km_home"});
  ASSERT_TRUE(out.ok) << out.errors;
  EXPECT_THAT(out.sql, HasSubstr("CASE WHEN stores.lat IS NOT NULL AND stores.lon IS NOT NULL "
                                 "THEN CAST(stores.lat AS TEXT) || ',' || CAST(stores.lon AS "
                                 "TEXT) ELSE NULL END AS \"stores.location\""));
  EXPECT_THAT(out.sql, HasSubstr("(2 * 6371.008800 * ASIN(SQRT(POWER(SIN((RADIANS(stores.lat) - "
                                 "RADIANS(52.5)) / 2), 2) + COS(RADIANS(52.5)) * "
                                 "COS(RADIANS(stores.lat)) * POWER(SIN((RADIANS(stores.lon) - "
                                 "RADIANS(13.4)) / 2), 2)))) AS \"stores.km_home\""));
  test::Outcome miles = compile({"stores.miles_home"});
  ASSERT_TRUE(miles.ok) << miles.errors;
  EXPECT_THAT(miles.sql, HasSubstr("(2 * 3958.761"));
}

TEST_F(FieldFidelityTest, ParametersLkmlCannotCompileAreErrors) {
  test::Outcome exact = compile({"orders.exact"});
  EXPECT_FALSE(exact.ok);
  EXPECT_THAT(exact.errors, HasSubstr("LKML435: field `orders.exact` uses `precision`"));
  test::Outcome nested = compile({"orders.nested"});
  EXPECT_THAT(nested.errors, HasSubstr("LKML435: field `orders.nested` uses `fanout_on`"));
  test::Outcome units = compile({"stores.bad_units"});
  EXPECT_THAT(units.errors, HasSubstr("LKML435: distance dimension `stores.bad_units` has unknown "
                                      "`units: parsecs`"));
  // Filtering on such a field is refused too, not only selecting it.
  test::Outcome filtered = compile({"orders.count"}, {{"orders.weekly", "5"}});
  EXPECT_THAT(filtered.errors, HasSubstr("LKML435: field `orders.weekly` uses `week_start_day`"));
  test::Outcome half = compile({"stores.half"});
  EXPECT_THAT(half.errors, HasSubstr("LKML435: location dimension `stores.half` needs both"));
}

TEST_F(FieldFidelityTest, PostQueryMeasuresAreWindowsOverTheGroupedRows) {
  test::Outcome out = compile({"orders.store_id", "orders.amount", "orders.count", "orders.share",
                               "orders.running", "orders.growth"},
                              {}, {{"orders.count", true}});
  ASSERT_TRUE(out.ok) << out.errors;
  EXPECT_EQ(
      out.sql,
      "SELECT\n"
      "    orders.store_id AS \"orders.store_id\",\n"
      "    orders.amount AS \"orders.amount\",\n"
      "    COUNT(*) AS \"orders.count\",\n"
      "    100.0 * (COUNT(*)) / NULLIF(SUM((COUNT(*))) OVER (), 0) AS \"orders.share\",\n"
      "    SUM((COUNT(*))) OVER (ORDER BY COUNT(*) DESC, orders.store_id, orders.amount ROWS "
      "BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS \"orders.running\",\n"
      "    100.0 * ((COUNT(*)) - LAG((COUNT(*))) OVER (ORDER BY COUNT(*) DESC, orders.store_id, "
      "orders.amount)) / NULLIF(LAG((COUNT(*))) OVER (ORDER BY COUNT(*) DESC, orders.store_id, "
      "orders.amount), 0) AS \"orders.growth\"\n"
      "FROM shop.orders AS orders\n"
      "GROUP BY 1, 2\n"
      "ORDER BY 3 DESC, 1, 2\n");
  // A running total inside another measure orders its window too (by the dimensions: the
  // default sort is on that measure, and windows do not nest).
  test::Outcome nested = compile({"orders.store_id", "orders.double_running"});
  ASSERT_TRUE(nested.ok) << nested.errors;
  EXPECT_THAT(nested.sql,
              HasSubstr("2 * (SUM((COUNT(*))) OVER (ORDER BY orders.store_id ROWS BETWEEN "
                        "UNBOUNDED PRECEDING AND CURRENT ROW)) AS \"orders.double_running\""));
  EXPECT_THAT(nested.sql, HasSubstr("ORDER BY 2 DESC, 1\n"));
  // percent_of_total alone adds no tie-breakers to the order.
  test::Outcome share = compile({"orders.status", "orders.share"});
  ASSERT_TRUE(share.ok) << share.errors;
  EXPECT_THAT(share.sql, HasSubstr("ORDER BY 2 DESC\n"));
  test::Outcome filtered = compile({"orders.status", "orders.share"}, {{"orders.share", ">10"}});
  EXPECT_THAT(filtered.errors, HasSubstr("LKML409: cannot filter on `orders.share`"));
}

}  // namespace
}  // namespace lkml::codegen
