// Liquid in LookML SQL, compiled and run on a real PostgreSQL: `{% if %}` on `_is_filtered` and
// `_in_query`, parameters (`{% parameter %}`, `_parameter_value`, negative numbers),
// `_user_attributes | replace` IN lists, and hostile values. Rows are compared with
// independently hand-written SQL; injection attempts must leave the data intact and match
// nothing, with standard_conforming_strings on and off.
//
// Needs a server from the PG* environment; creates and drops its own database.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "tests/support/duckdb_mirror.h"
#include "tests/support/scratch_database.h"
#include "tests/unit/codegen/query_test_support.h"

namespace lkml::codegen {
namespace {

namespace fs = std::filesystem;
using Row = std::vector<std::string>;
using Rows = std::vector<Row>;

constexpr const char* kSchema = R"sql(
CREATE TABLE public.sales (id int PRIMARY KEY, region text, amount numeric, created_at timestamp);
INSERT INTO public.sales VALUES
  (1, 'east', 10, '2024-01-05 10:00'),
  (2, 'west', -5, '2024-01-20 11:00'),
  (3, 'north', 7, '2024-03-01 09:00'),
  (4, E'O''Hara\\', 3, '2024-03-02 08:00'),
  (5, 'a,b', 1, '2024-04-09 07:00');
)sql";

constexpr const char* kModel = R"lkml(
connection: "pg"
include: "/*.view.lkml"
explore: sales {
  sql_always_where: {% if sales.amount._in_query %}${sales.amount} > 0-{{ sales.shift._parameter_value }}{% else %}1=1{% endif %} ;;
}
)lkml";

constexpr const char* kViews = R"lkml(
view: sales {
  sql_table_name: public.sales ;;
  dimension: id { primary_key: yes type: number }
  dimension: region {}
  dimension: amount { type: number }
  dimension: region_group {
    sql: {% if sales.region._is_filtered %}'filtered'{% else %}${region}{% endif %} ;;
  }
  parameter: bucket {
    type: unquoted
    allowed_value: { value: "day" }
    allowed_value: { value: "month" }
  }
  dimension: created_bucket { sql: DATE_TRUNC('{% parameter bucket %}', ${TABLE}.created_at) ;; }
  parameter: shift { type: number default_value: "100" }
  dimension: shifted { type: number sql: ${amount} - {{ shift._parameter_value }} ;; }
  dimension: mine {
    type: yesno
    sql: ${region} IN ('{{ _user_attributes['regions'] | replace: ",", "','" }}') ;;
  }
  dimension: named { type: yesno sql: ${region} = '{{ _user_attributes['name'] }}' ;; }
  dimension: named_bare { type: yesno sql: ${region} = {{ _user_attributes['name'] }} ;; }
  dimension: id_minus { type: yesno sql: ${id} = 0-{{ _user_attributes['n'] }} ;; }
  measure: total { type: sum sql: ${amount} ;; }
}
)lkml";

class LiquidPostgresTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    scratch_ = std::make_unique<lkml::test::ScratchDatabase>(
        "lkml_liquid_pg_" + std::to_string(getpid()), std::vector<std::string>{kSchema});
    db_ = scratch_->connection();
    duckdb_ = scratch_->duckdb();
    database_ = scratch_->name();
    setup_error_ = scratch_->error();
    skip_reason_ = scratch_->skipReason();
    dir_ = fs::temp_directory_path() / ("lkml_liquid_pg_" + std::to_string(getpid()));
    fs::create_directories(dir_);
    std::ofstream(dir_ / "m.model.lkml") << kModel;
    std::ofstream(dir_ / "sales.view.lkml") << kViews;
    project_ = std::make_unique<test::ProjectUnderTest>(test::loadProject(dir_.string()));
  }

  static void TearDownTestSuite() {
    scratch_.reset();
    project_.reset();
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  void SetUp() override {
    ASSERT_TRUE(db_) << "cannot set up a PostgreSQL database through the PG* environment: "
                     << setup_error_;
    ASSERT_TRUE(project_ && project_->project && project_->errors.empty());
    if (!skip_reason_.empty()) GTEST_SKIP() << "DuckDB run skipped: " << skip_reason_;
  }

  /// Runs SQL lkml generated: with LKML_TEST_DIALECT=duckdb on the DuckDB copy (DuckDB has no
  /// standard_conforming_strings: a backslash is never an escape there), else run().
  static Rows runGenerated(const std::string& sql, bool standard_conforming = true) {
    if (!duckdb_) return run(sql, standard_conforming);
    std::string error;
    Rows rows;
    for (const auto& cells : duckdb_->run(sql, &error)) {
      Row row;
      for (const auto& cell : cells) row.push_back(cell ? *cell : "NULL");
      rows.push_back(std::move(row));
    }
    EXPECT_EQ(error, "") << "DuckDB rejected:\n" << sql;
    std::sort(rows.begin(), rows.end());
    return rows;
  }

  static Rows run(const std::string& sql, bool standard_conforming = true) {
    Rows rows;
    pqxx::work tx(*db_);
    tx.exec(std::string("SET LOCAL standard_conforming_strings = ") +
            (standard_conforming ? "on" : "off"));
    for (const auto& r : tx.exec(sql)) {
      Row row;
      for (const auto& field : r) row.push_back(field.is_null() ? "NULL" : field.c_str());
      rows.push_back(std::move(row));
    }
    tx.commit();
    std::sort(rows.begin(), rows.end());
    return rows;
  }

  static std::string compile(const std::vector<std::string>& fields,
                             const std::vector<QueryFilter>& filters = {},
                             const test::Attributes& user = {}) {
    Query query;
    query.explore = "sales";
    query.fields = fields;
    query.filters = filters;
    test::Outcome out = test::compileOn(*project_->project, query, user);
    EXPECT_TRUE(out.ok) << out.errors;
    return out.sql;
  }

  static std::string database_, setup_error_;
  static fs::path dir_;
  static std::unique_ptr<lkml::test::ScratchDatabase> scratch_;
  static pqxx::connection* db_;  // scratch_'s connection (null when setup failed)
  static std::unique_ptr<test::ProjectUnderTest> project_;
  static lkml::test::DuckDbMirror* duckdb_;  // scratch_'s DuckDB copy, if any
  static std::string skip_reason_;
};

std::string LiquidPostgresTest::database_, LiquidPostgresTest::setup_error_;
fs::path LiquidPostgresTest::dir_;
std::unique_ptr<lkml::test::ScratchDatabase> LiquidPostgresTest::scratch_;
pqxx::connection* LiquidPostgresTest::db_ = nullptr;
std::unique_ptr<test::ProjectUnderTest> LiquidPostgresTest::project_;
lkml::test::DuckDbMirror* LiquidPostgresTest::duckdb_ = nullptr;
std::string LiquidPostgresTest::skip_reason_;

TEST_F(LiquidPostgresTest, IfOnIsFiltered) {
  EXPECT_EQ(runGenerated(compile({"sales.region", "sales.region_group"})),
            run("SELECT region, region FROM public.sales GROUP BY 1"));
  EXPECT_EQ(runGenerated(
                compile({"sales.region", "sales.region_group"}, {{"sales.region", "east,west"}})),
            run("SELECT region, 'filtered' FROM public.sales WHERE region IN ('east', 'west')"));
}

TEST_F(LiquidPostgresTest, ParametersAndInQuery) {
  EXPECT_EQ(runGenerated(compile({"sales.created_bucket"}, {{"sales.bucket", "month"}})),
            run("SELECT DISTINCT DATE_TRUNC('month', created_at) FROM public.sales"));
  // shift = -1: `0-{{ shift }}` is 0-(-1), and `amount - {{ shift }}` is amount - (-1).
  EXPECT_EQ(
      runGenerated(compile({"sales.id", "sales.amount", "sales.shifted"}, {{"sales.shift", "-1"}})),
      run("SELECT id, amount, amount + 1 FROM public.sales WHERE amount > 1"));
  // amount not in the query: sql_always_where is 1=1; the default shift is 100.
  EXPECT_EQ(runGenerated(compile({"sales.id", "sales.shifted"})),
            run("SELECT id, amount - 100 FROM public.sales"));
}

// `0-{{ n }}` with n = -1 must compute 0 - (-1) = 1, not start a `--` comment.
TEST_F(LiquidPostgresTest, NegativeAttributeIsANumber) {
  EXPECT_EQ(runGenerated(compile({"sales.id", "sales.id_minus"}, {}, {{"n", "-1"}})),
            run("SELECT id, CASE WHEN id = 1 THEN 'Yes' ELSE 'No' END FROM public.sales"));
  EXPECT_EQ(runGenerated(compile({"sales.id", "sales.id_minus"}, {}, {{"n", "-3"}})),
            run("SELECT id, CASE WHEN id = 3 THEN 'Yes' ELSE 'No' END FROM public.sales"));
}

TEST_F(LiquidPostgresTest, UserAttributeInList) {
  EXPECT_EQ(runGenerated(compile({"sales.id", "sales.mine"}, {}, {{"regions", "east,north,a"}})),
            run("SELECT id, CASE WHEN region IN ('east','north','a') THEN 'Yes' ELSE 'No' END "
                "FROM public.sales"));
}

TEST_F(LiquidPostgresTest, HostileValuesMatchNothingAndChangeNothing) {
  const std::vector<std::string> hostile = {
      "x') OR 1=1; DROP TABLE public.sales; --",
      "x' OR '1'='1",
      "\\') OR 1=1 --",
      "$$ OR 1=1 $$",
      "*/ OR 1=1 /*",
      "x\n') OR TRUE --",
      "{{ _user_attributes['regions'] }}",
  };
  for (bool scs : {true, false}) {
    for (const std::string& value : hostile) {
      std::string sql = compile({"sales.id", "sales.mine", "sales.named", "sales.named_bare"}, {},
                                {{"regions", value}, {"name", value}});
      Rows rows = runGenerated(sql, scs);
      ASSERT_EQ(rows.size(), 5u) << value << "\n" << sql;
      for (const Row& row : rows) {
        EXPECT_EQ(row[1], "No") << value << "\n" << sql;
        EXPECT_EQ(row[2], "No") << value << "\n" << sql;
        EXPECT_EQ(row[3], "No") << value << "\n" << sql;
      }
    }
  }
  EXPECT_EQ(run("SELECT count(*) FROM public.sales"), Rows{{"5"}});
}

TEST_F(LiquidPostgresTest, QuotesAndBackslashesCompareExactly) {
  for (bool scs : {true, false}) {
    std::string sql = compile({"sales.id", "sales.named"}, {}, {{"name", "O'Hara\\"}});
    EXPECT_EQ(runGenerated(sql, scs),
              run("SELECT id, CASE WHEN id = 4 THEN 'Yes' ELSE 'No' END FROM "
                  "public.sales"))
        << sql;
  }
  std::string comma = compile({"sales.id", "sales.named"}, {}, {{"name", "a,b"}});
  EXPECT_EQ(runGenerated(comma), run("SELECT id, CASE WHEN id = 5 THEN 'Yes' ELSE 'No' END FROM "
                                     "public.sales"));
}

}  // namespace
}  // namespace lkml::codegen
