// Grants and `fields:` lists through indirect references, on a real PostgreSQL: a LookML
// project over looker/'s tables whose fields reach restricted or excluded fields through
// measure `filters`, `list_field`, `${}` chains, a derived table over a restricted view and a
// restricted base view. The refused cases are refused (no SQL), and the allowed ones return
// exactly the rows of independently hand-written SQL.
//
// Needs a server from the PG* environment; the test creates its own database, loads
// looker/db/schema.sql and seed.sql into it and drops it at the end. With
// LKML_TEST_DIALECT=duckdb (ctest access_postgres_test_duckdb) the generated SQL is DuckDB's and
// runs on a DuckDB copy of that database (tests/support/duckdb_mirror.h); skipped without node.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "tests/support/duckdb_mirror.h"
#include "tests/support/scratch_database.h"
#include "tests/support/test_paths.h"
#include "tests/unit/codegen/query_test_support.h"

namespace lkml::codegen {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using Rows = std::vector<std::vector<std::string>>;

constexpr const char* kModel = R"lkml(
connection: "pg"
include: "/*.view.lkml"
access_grant: internal { user_attribute: access_level allowed_values: ["internal"] }

explore: courses {
  join: companies { relationship: many_to_one sql_on: ${courses.company_id} = ${companies.id} ;; }
}
explore: courses_narrow {
  from: courses
  view_name: courses
  fields: [ALL_FIELDS*, -courses.price]
  join: companies { relationship: many_to_one sql_on: ${courses.company_id} = ${companies.id} ;; }
}
explore: plans {
  join: courses { relationship: one_to_many sql_on: ${plans.id} = ${courses.company_id} ;; }
}
explore: price_facts {}
)lkml";

constexpr const char* kViews = R"lkml(
view: courses {
  sql_table_name: public.courses ;;
  dimension: id { primary_key: yes type: number sql: ${TABLE}.id ;; }
  dimension: company_id { type: number sql: ${TABLE}.company_id ;; }
  dimension: category { sql: ${TABLE}.category ;; }
  dimension: price { type: number sql: ${TABLE}.price ;; required_access_grants: [internal] }
  dimension: price_band { sql: CASE WHEN ${price} >= 100 THEN 'high' ELSE 'low' END ;; }
  measure: count { type: count }
  measure: expensive_count { type: count filters: [price: ">=100"] }
  measure: prices { type: list list_field: price }
  measure: high_band_count { type: count filters: [price_band: "high"] }
  measure: published_count { type: count filters: [category: "Data"] }
}
view: companies {
  sql_table_name: public.companies ;;
  dimension: id { primary_key: yes type: number sql: ${TABLE}.id ;; }
  dimension: name { sql: ${TABLE}.name ;; }
}
view: plans {
  sql_table_name: public.companies ;;
  required_access_grants: [internal]
  dimension: id { primary_key: yes type: number sql: ${TABLE}.id ;; }
  dimension: plan { sql: ${TABLE}.plan ;; }
}
view: price_facts {
  derived_table: { sql: SELECT company_id, MAX(price) AS top FROM ${price_source.SQL_TABLE_NAME} GROUP BY 1 ;; }
  dimension: company_id { primary_key: yes type: number sql: ${TABLE}.company_id ;; }
  measure: count { type: count }
}
view: price_source {
  sql_table_name: public.courses ;;
  required_access_grants: [internal]
  dimension: id { primary_key: yes type: number sql: ${TABLE}.id ;; }
}
)lkml";

const test::Attributes kInternal = {{"access_level", "internal"}};
const test::Attributes kCompany = {{"access_level", "company"}};

class AccessPostgresTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    scratch_ = std::make_unique<lkml::test::ScratchDatabase>(
        "lkml_access_" + std::to_string(getpid()),
        std::vector<std::string>{
            lkml::test::readText(lkml::test::sourceDir() + "/looker/db/schema.sql"),
            lkml::test::readText(lkml::test::sourceDir() + "/looker/db/seed.sql")});
    db_ = scratch_->connection();
    duckdb_ = scratch_->duckdb();
    database_ = scratch_->name();
    setup_error_ = scratch_->error();
    skip_reason_ = scratch_->skipReason();
    dir_ = fs::temp_directory_path() / ("lkml_access_fixture_" + std::to_string(getpid()));
    fs::create_directories(dir_);
    std::ofstream(dir_ / "acc.model.lkml") << kModel;
    std::ofstream(dir_ / "all.view.lkml") << kViews;
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
    if (!skip_reason_.empty()) GTEST_SKIP() << "DuckDB run skipped: " << skip_reason_;
    ASSERT_TRUE(project_ && project_->project && project_->errors.empty())
        << test::renderErrors(project_->errors);
  }

  static test::Outcome compile(const std::string& explore, const std::vector<std::string>& fields,
                               const test::Attributes& user) {
    Query query;
    query.explore = explore;
    query.fields = fields;
    return test::compileOn(*project_->project, query, user);
  }

  static Rows run(const std::string& sql) {
    Rows rows;
    pqxx::work tx(*db_);
    for (const auto& r : tx.exec(sql)) {
      std::vector<std::string> row;
      for (const auto& field : r) row.push_back(field.is_null() ? "<NULL>" : field.c_str());
      rows.push_back(row);
    }
    std::sort(rows.begin(), rows.end());
    return rows;
  }

  /// Runs SQL lkml generated: on the DuckDB copy for LKML_TEST_DIALECT=duckdb, else run().
  static Rows runGenerated(const std::string& sql) {
    if (!duckdb_) return run(sql);
    std::string error;
    Rows rows;
    for (const auto& cells : duckdb_->run(sql, &error)) {
      std::vector<std::string> row;
      for (const auto& cell : cells) row.push_back(cell ? *cell : "<NULL>");
      rows.push_back(row);
    }
    EXPECT_EQ(error, "") << "DuckDB rejected:\n" << sql;
    std::sort(rows.begin(), rows.end());
    return rows;
  }

  /// Compiles (must succeed) and returns the same rows as the hand-written SQL.
  static void expectRows(const std::string& explore, const std::vector<std::string>& fields,
                         const test::Attributes& user, const std::string& hand) {
    test::Outcome out = compile(explore, fields, user);
    ASSERT_TRUE(out.ok) << out.errors;
    Rows want = run(hand);
    EXPECT_FALSE(want.empty()) << "vacuous: " << hand;
    EXPECT_EQ(runGenerated(out.sql), want) << out.sql;
  }

  static void expectRefused(const std::string& explore, const std::vector<std::string>& fields,
                            const test::Attributes& user, const std::string& code) {
    test::Outcome out = compile(explore, fields, user);
    EXPECT_FALSE(out.ok) << explore << ": " << out.sql;
    EXPECT_TRUE(out.sql.empty());
    EXPECT_THAT(out.errors, HasSubstr(code)) << explore;
  }

  static std::string database_, setup_error_;
  static std::unique_ptr<lkml::test::ScratchDatabase> scratch_;
  static pqxx::connection* db_;  // scratch_'s connection (null when setup failed)
  static fs::path dir_;
  static std::unique_ptr<test::ProjectUnderTest> project_;
  static lkml::test::DuckDbMirror* duckdb_;  // scratch_'s DuckDB copy, if any
  static std::string skip_reason_;
};

std::string AccessPostgresTest::database_, AccessPostgresTest::setup_error_;
std::unique_ptr<lkml::test::ScratchDatabase> AccessPostgresTest::scratch_;
pqxx::connection* AccessPostgresTest::db_ = nullptr;
fs::path AccessPostgresTest::dir_;
std::unique_ptr<test::ProjectUnderTest> AccessPostgresTest::project_;
lkml::test::DuckDbMirror* AccessPostgresTest::duckdb_ = nullptr;
std::string AccessPostgresTest::skip_reason_;

TEST_F(AccessPostgresTest, MeasuresReadingARestrictedFieldAreRefusedOrExact) {
  for (const char* measure :
       {"courses.expensive_count", "courses.prices", "courses.high_band_count"}) {
    expectRefused("courses", {"courses.company_id", measure}, kCompany, "LKML404");
  }
  expectRows("courses", {"courses.company_id", "courses.expensive_count"}, kInternal,
             "SELECT company_id, count(CASE WHEN price >= 100 THEN 1 END) FROM courses "
             "GROUP BY 1");
  expectRows("courses", {"courses.company_id", "courses.high_band_count"}, kInternal,
             "SELECT company_id, count(CASE WHEN price >= 100 THEN 1 END) FROM courses "
             "GROUP BY 1");
  // A measure that reads only unrestricted fields is the company user's too.
  // Dimensions come before measures in SELECT, as Looker orders them.
  expectRows("courses", {"courses.company_id", "courses.published_count", "companies.name"},
             kCompany,
             "SELECT k.company_id, c.name, count(CASE WHEN k.category = 'Data' THEN 1 END) "
             "FROM courses k LEFT JOIN companies c ON c.id = k.company_id GROUP BY 1, 2");
}

TEST_F(AccessPostgresTest, ExcludedFieldsAreNotReadThroughReferences) {
  for (const char* field : {"courses.price_band", "courses.expensive_count", "courses.prices"}) {
    expectRefused("courses_narrow", {field}, kInternal, "LKML403");
  }
  expectRows("courses_narrow", {"courses.category", "courses.count"}, kInternal,
             "SELECT category, count(*) FROM courses GROUP BY 1");
}

TEST_F(AccessPostgresTest, EveryViewWhoseTableIsReadPassesItsGrants) {
  // The base view `plans` is restricted: selecting only the joined courses is refused too.
  expectRefused("plans", {"courses.category", "courses.count"}, kCompany, "LKML420");
  expectRows("plans", {"plans.plan", "courses.count"}, kInternal,
             "SELECT p.plan, count(k.id) FROM companies p LEFT JOIN courses k "
             "ON p.id = k.company_id GROUP BY 1");
  // A derived table over a restricted view's table.
  expectRefused("price_facts", {"price_facts.company_id"}, kCompany, "LKML420");
  expectRows("price_facts", {"price_facts.company_id", "price_facts.count"}, kInternal,
             "SELECT company_id, 1 FROM (SELECT DISTINCT company_id FROM courses) t");
}

}  // namespace
}  // namespace lkml::codegen
