// Issue 12's field SQL on a real PostgreSQL: timeframe values (stepped, sub-second, fiscal,
// yesno), floored durations (negative ones too), tiers and `case:` sorted by bucket, yesno
// dimensions referenced in other SQL, post-query measures (window functions) and distances.
// Queries are compiled from an inline project over tables in a scratch schema, and their rows
// compared with hand-written SQL or with values worked out by hand in the comments.
//
// Needs a server from the PG* environment; the test creates schema `lkml_fidelity_<pid>` and
// drops it at the end. A failed connection fails the tests.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "codegen/dialects/postgres_dialect.h"
#include "tests/unit/codegen/query_test_support.h"

namespace lkml::codegen {
namespace {

namespace fs = std::filesystem;
using Rows = std::vector<std::vector<std::string>>;

const std::string kSchema = "lkml_fidelity_" + std::to_string(getpid());

std::string replaceAll(std::string text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

constexpr const char* kModel = R"lkml(
connection: "pg"
include: "/*.view.lkml"
explore: orders {}
explore: trips {}
)lkml";

constexpr const char* kViews = R"lkml(
view: orders {
  sql_table_name: @S@.orders ;;
  dimension: id { primary_key: yes type: number }
  dimension: amount { type: number }
  dimension: is_big { type: yesno sql: ${amount} > 100 ;; }
  dimension: size_label { sql: CASE WHEN ${is_big} THEN 'big' ELSE 'small' END ;; }
  dimension: amount_tier { type: tier tiers: [0, 10, 20] style: integer sql: ${amount} ;; }
  dimension: size {
    case: {
      when: { sql: ${amount} > 100 ;; label: "zeta" }
      when: { sql: ${amount} >= 0 ;; label: "alpha" }
      else: "none"
    }
  }
  measure: count { type: count }
  measure: revenue { type: sum }
  measure: big_count { type: sum sql: CASE WHEN ${is_big} THEN 1 ELSE 0 END ;; }
  measure: share { type: percent_of_total sql: ${count} ;; }
  measure: running { type: running_total sql: ${count} ;; }
  measure: growth { type: percent_of_previous sql: ${count} ;; }
}
view: trips {
  sql_table_name: @S@.trips ;;
  dimension: id { primary_key: yes type: number }
  dimension: origin { type: location sql_latitude: ${TABLE}.lat1 ;; sql_longitude: ${TABLE}.lon1 ;; }
  dimension: target { type: location sql_latitude: ${TABLE}.lat2 ;; sql_longitude: ${TABLE}.lon2 ;; }
  dimension: km { type: distance start_location_field: origin end_location_field: target units: kilometers }
  dimension_group: trip {
    type: duration
    sql_start: ${TABLE}.started ;;
    sql_end: ${TABLE}.ended ;;
    intervals: [day, month, quarter, year]
  }
}
)lkml";

class FieldFidelityPostgresTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    try {
      connection_ = std::make_unique<pqxx::connection>("");
      pqxx::work tx(*connection_);
      tx.exec(replaceAll(R"sql(
        CREATE SCHEMA @S@;
        CREATE TABLE @S@.orders (id int PRIMARY KEY, amount numeric, revenue numeric);
        INSERT INTO @S@.orders (id, amount) VALUES
          (1, 5), (2, 15), (3, 150), (4, NULL), (5, -1), (6, 7), (7, 250), (8, 8);
        UPDATE @S@.orders SET revenue = id * 10.5;
        CREATE TABLE @S@.trips (id int PRIMARY KEY, lat1 float8, lon1 float8, lat2 float8,
                                   lon2 float8, started timestamp, ended timestamp);
        INSERT INTO @S@.trips VALUES
          (1, 52.52, 13.405, 48.8566, 2.3522, '2024-03-15 00:00', '2024-01-10 12:00'),
          (2, 0, 0, 0, 1, '2024-01-31 00:00', '2024-02-28 00:00'),
          (3, NULL, 0, 0, 0, '2024-01-01', NULL);
      )sql",
                         "@S@", kSchema));
      tx.commit();
      dir_ = fs::temp_directory_path() / kSchema;
      fs::create_directories(dir_);
      std::ofstream(dir_ / "m.model.lkml") << kModel;
      std::ofstream(dir_ / "all.view.lkml") << replaceAll(kViews, "@S@", kSchema);
      project_ = std::make_unique<test::ProjectUnderTest>(test::loadProject(dir_.string()));
    } catch (const std::exception& e) {
      connection_.reset();
      setup_error_ = e.what();
    }
  }

  static void TearDownTestSuite() {
    if (connection_) {
      pqxx::work tx(*connection_);
      tx.exec("DROP SCHEMA " + kSchema + " CASCADE");
      tx.commit();
    }
    connection_.reset();
    project_.reset();
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  void SetUp() override {
    ASSERT_TRUE(connection_) << "cannot connect to PostgreSQL through the PG* environment: "
                             << setup_error_;
    ASSERT_TRUE(project_ && project_->project);
    ASSERT_TRUE(project_->errors.empty()) << project_->errors.front().message;
  }

  static Rows run(const std::string& sql) {
    pqxx::work tx(*connection_);
    Rows rows;
    for (const auto& row : tx.exec(sql)) {
      std::vector<std::string> cells;
      for (const auto& field : row) cells.push_back(field.is_null() ? "<NULL>" : field.c_str());
      rows.push_back(cells);
    }
    return rows;
  }

  static Rows query(const std::string& explore, const std::vector<std::string>& fields,
                    const std::vector<QuerySort>& sorts = {}) {
    Query q;
    q.explore = explore;
    q.fields = fields;
    q.sorts = sorts;
    test::Outcome out = test::compileOn(*project_->project, q, {});
    EXPECT_TRUE(out.ok) << out.errors;
    return out.ok ? run(out.sql) : Rows{};
  }

  static std::string value(const TimeframeSpec& timeframe, const std::string& ts,
                           int fiscal_offset = 0) {
    static const PostgresDialect dialect;
    TimeframeOptions options{Weekday::Monday, fiscal_offset};
    return run("SELECT (" + dialect.timeframeSql(timeframe, ts, options) + ")::text")[0][0];
  }

  static std::unique_ptr<pqxx::connection> connection_;
  static std::unique_ptr<test::ProjectUnderTest> project_;
  static fs::path dir_;
  static std::string setup_error_;
};

std::unique_ptr<pqxx::connection> FieldFidelityPostgresTest::connection_;
std::unique_ptr<test::ProjectUnderTest> FieldFidelityPostgresTest::project_;
fs::path FieldFidelityPostgresTest::dir_;
std::string FieldFidelityPostgresTest::setup_error_;

TEST_F(FieldFidelityPostgresTest, TimeframeValues) {
  const std::string ts = "TIMESTAMP '2024-03-04 13:47:30.123456'";
  EXPECT_EQ(value({Timeframe::HourN, 6}, ts), "2024-03-04 12");
  EXPECT_EQ(value({Timeframe::HourN, 12}, ts), "2024-03-04 12");
  EXPECT_EQ(value({Timeframe::HourN, 8}, ts), "2024-03-04 08");
  EXPECT_EQ(value({Timeframe::MinuteN, 15}, ts), "2024-03-04 13:45");
  EXPECT_EQ(value({Timeframe::MinuteN, 20}, ts), "2024-03-04 13:40");
  EXPECT_EQ(value({Timeframe::Millisecond, 1}, ts), "2024-03-04 13:47:30.123");
  EXPECT_EQ(value({Timeframe::MillisecondN, 50}, ts), "2024-03-04 13:47:30.100");
  EXPECT_EQ(value({Timeframe::MillisecondN, 250}, ts), "2024-03-04 13:47:30.000");
  EXPECT_EQ(value({Timeframe::Microsecond, 1}, ts), "2024-03-04 13:47:30.123456");
  EXPECT_EQ(value({Timeframe::QuarterOfYear, 1}, ts), "Q1");
  // fiscal_month_offset: 3: FY2023 runs from April 2023 to March 2024 (Looker's docs).
  EXPECT_EQ(value({Timeframe::FiscalYear, 1}, ts, 3), "2023");
  EXPECT_EQ(value({Timeframe::FiscalQuarter, 1}, ts, 3), "2023-Q4");
  EXPECT_EQ(value({Timeframe::FiscalQuarterOfYear, 1}, ts, 3), "Q4");
  EXPECT_EQ(value({Timeframe::FiscalMonthNum, 1}, ts, 3), "12");
  // fiscal_month_offset: -3: FY2024 starts in October 2023, so March is its sixth month.
  EXPECT_EQ(value({Timeframe::FiscalYear, 1}, ts, -3), "2024");
  EXPECT_EQ(value({Timeframe::FiscalMonthNum, 1}, ts, -3), "6");
  EXPECT_EQ(value({Timeframe::FiscalQuarterOfYear, 1}, ts, -3), "Q2");
  EXPECT_EQ(value({Timeframe::YesNo, 1}, ts), "Yes");
  EXPECT_EQ(value({Timeframe::YesNo, 1}, "NULL::timestamp"), "No");
}

TEST_F(FieldFidelityPostgresTest, DurationsAreFlooredIncludingNegativeOnes) {
  Rows rows = query("trips",
                    {"trips.id", "trips.days_trip", "trips.months_trip", "trips.quarters_trip",
                     "trips.years_trip"},
                    {{"trips.id", false}});
  // Trip 1 ends 64.5 days (2.2 months) before it starts: -65 days, -3 months, -1 quarter and
  // -1 year (truncation would give -64, -2, 0, 0). Trip 2: Jan 31 to Feb 28 is 28 days and not
  // yet a month. Trip 3 has no end.
  EXPECT_EQ(rows, (Rows{{"1", "-65", "-3", "-1", "-1"},
                        {"2", "28", "0", "0", "0"},
                        {"3", "<NULL>", "<NULL>", "<NULL>", "<NULL>"}}));
}

TEST_F(FieldFidelityPostgresTest, TierSortsByBucketNotByLabel) {
  Rows rows =
      query("orders", {"orders.amount_tier", "orders.count"}, {{"orders.amount_tier", false}});
  // By label text "Below 0" and "Undefined" would come after "20 or Above".
  EXPECT_EQ(rows, (Rows{{"Below 0", "1"},
                        {"0 to 9", "3"},
                        {"10 to 19", "1"},
                        {"20 or Above", "2"},
                        {"Undefined", "1"}}));
  Rows desc = query("orders", {"orders.amount_tier"}, {{"orders.amount_tier", true}});
  EXPECT_EQ(desc.front(), std::vector<std::string>{"Undefined"});
  EXPECT_EQ(desc.back(), std::vector<std::string>{"Below 0"});
}

TEST_F(FieldFidelityPostgresTest, CaseSortsInWhenOrder) {
  Rows rows = query("orders", {"orders.size", "orders.count"}, {{"orders.size", false}});
  EXPECT_EQ(rows, (Rows{{"zeta", "2"}, {"alpha", "4"}, {"none", "2"}}));
}

TEST_F(FieldFidelityPostgresTest, YesNoReferencesAndDefaultedMeasureSql) {
  Rows rows = query("orders", {"orders.size_label", "orders.big_count", "orders.revenue"},
                    {{"orders.size_label", false}});
  Rows expected =
      run("SELECT CASE WHEN amount > 100 THEN 'big' ELSE 'small' END AS l, "
          "SUM(CASE WHEN amount > 100 THEN 1 ELSE 0 END), COALESCE(SUM(revenue), 0) "
          "FROM " +
          kSchema + ".orders GROUP BY 1 ORDER BY 1");
  EXPECT_EQ(rows, expected);
}

TEST_F(FieldFidelityPostgresTest, PostQueryMeasuresMatchWindowsOverTheResult) {
  Rows rows = query(
      "orders",
      {"orders.amount_tier", "orders.count", "orders.running", "orders.share", "orders.growth"},
      {{"orders.amount_tier", false}});
  // Hand-written: the per-bucket counts 1, 3, 1, 2, 1 in bucket order.
  Rows expected =
      run("WITH b(o, n) AS (VALUES (0, 1), (1, 3), (2, 1), (3, 2), (4, 1)) "
          "SELECT SUM(n) OVER (ORDER BY o)::text, ROUND(100.0 * n / 8, 6)::text, "
          "ROUND(100.0 * (n - LAG(n) OVER (ORDER BY o)) / LAG(n) OVER (ORDER BY o), 6)::text "
          "FROM b ORDER BY o");
  ASSERT_EQ(rows.size(), expected.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(rows[i][2], expected[i][0]) << "running total, row " << i;
    EXPECT_NEAR(std::stod(rows[i][3]), std::stod(expected[i][1]), 1e-6) << "share, row " << i;
    if (expected[i][2] == "<NULL>") {
      EXPECT_EQ(rows[i][4], "<NULL>");
    } else {
      EXPECT_NEAR(std::stod(rows[i][4]), std::stod(expected[i][2]), 1e-6) << "growth " << i;
    }
  }
}

TEST_F(FieldFidelityPostgresTest, LocationsAndDistances) {
  Rows rows = query("trips", {"trips.id", "trips.origin", "trips.km"}, {{"trips.id", false}});
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0][1], "52.52,13.405");
  // Berlin to Paris is about 878 km on a sphere of the mean Earth radius.
  EXPECT_NEAR(std::stod(rows[0][2]), 877.5, 2.0);
  // One degree of longitude on the equator: 2 * pi * 6371.0088 / 360 km.
  EXPECT_NEAR(std::stod(rows[1][2]), 111.195, 0.01);
  EXPECT_EQ(rows[2][1], "<NULL>");
  EXPECT_EQ(rows[2][2], "<NULL>");
}

}  // namespace
}  // namespace lkml::codegen
