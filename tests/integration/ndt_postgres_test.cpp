// Native derived tables and data tests on a real PostgreSQL: NDT queries (columns, derived
// columns, filters, bind_filters, bind_all_filters, limit) are compiled, run on looker/'s seed
// data and compared with independently hand-written SQL; `lkml test` runs a small project with
// passing and failing asserts (output and exit codes 0/1/2/3).
//
// Needs a server from the PG* environment; the test creates its own database, loads
// looker/db/schema.sql and seed.sql and drops it at the end.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

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
using ::testing::Not;
using Row = std::vector<std::string>;
using Rows = std::vector<Row>;

constexpr const char* kModel = R"lkml(
connection: "pg"
include: "/*.view.lkml"
include: "/*_tests.lkml"
access_grant: internal { user_attribute: access_level allowed_values: ["internal"] }
explore: enrollments {
  join: users {
    relationship: many_to_one
    sql_on: ${enrollments.user_id} = ${users.id} ;;
  }
  join: courses {
    relationship: many_to_one
    sql_on: ${enrollments.course_id} = ${courses.id} ;;
  }
}
explore: users {
  join: user_facts {
    relationship: one_to_one
    sql_on: ${users.id} = ${user_facts.user_id} ;;
  }
}
explore: courses {
  join: course_ranking {
    relationship: one_to_one
    sql_on: ${courses.category} = ${course_ranking.category} ;;
  }
}
explore: top_users { from: top_users view_name: top_users }
explore: secret_enrollments {
  from: enrollments
  view_name: enrollments
  required_access_grants: [internal]
}
explore: secret_facts { from: secret_facts view_name: secret_facts }
)lkml";

constexpr const char* kViews = R"lkml(
view: enrollments {
  sql_table_name: public.enrollments ;;
  dimension: id { primary_key: yes type: number sql: ${TABLE}.id ;; }
  dimension: user_id { type: number sql: ${TABLE}.user_id ;; }
  dimension: course_id { type: number sql: ${TABLE}.course_id ;; }
  dimension: completed { type: yesno sql: ${TABLE}.completed_at IS NOT NULL ;; }
  measure: count { type: count }
  measure: average_progress { type: average sql: ${TABLE}.progress_percent ;; }
  measure: total_progress { type: sum sql: ${TABLE}.progress_percent ;; }
}
view: users {
  sql_table_name: public.users ;;
  dimension: id { primary_key: yes type: number sql: ${TABLE}.id ;; }
  dimension: company_id { type: number sql: ${TABLE}.company_id ;; }
  dimension: role { sql: ${TABLE}.role ;; }
  measure: count { type: count }
}
view: courses {
  sql_table_name: public.courses ;;
  dimension: id { primary_key: yes type: number sql: ${TABLE}.id ;; }
  dimension: category { sql: ${TABLE}.category ;; }
  dimension: status { sql: ${TABLE}.status ;; }
  measure: count { type: count }
}
view: user_facts {
  derived_table: {
    explore_source: enrollments {
      column: user_id { field: enrollments.user_id }
      column: enrollment_count { field: enrollments.count }
      column: progress { field: enrollments.total_progress }
      derived_column: progress_per_enrollment { sql: progress / NULLIF(enrollment_count, 0) ;; }
      filters: [courses.status: "published"]
      bind_filters: {
        from_field: user_facts.category_filter
        to_field: courses.category
      }
    }
  }
  filter: category_filter { type: string }
  dimension: user_id { primary_key: yes type: number }
  dimension: enrollment_count { type: number }
  dimension: progress_per_enrollment { type: number }
  measure: total_enrollments { type: sum sql: ${TABLE}.enrollment_count ;; }
  measure: users_with_enrollments { type: count }
}
view: course_ranking {
  derived_table: {
    explore_source: courses {
      column: category { field: courses.category }
      column: course_count { field: courses.count }
      derived_column: rank { sql: RANK() OVER (ORDER BY course_count DESC, category) ;; }
      bind_all_filters: yes
    }
  }
  dimension: category { primary_key: yes }
  dimension: rank { type: number }
}
view: top_users {
  derived_table: {
    explore_source: enrollments {
      column: user_id { field: enrollments.user_id }
      column: enrollments { field: enrollments.count }
      sorts: [enrollments: desc, enrollments.user_id: asc]
      limit: 5
    }
  }
  dimension: user_id { primary_key: yes type: number }
  measure: total { type: sum sql: ${TABLE}.enrollments ;; }
  measure: count { type: count }
}
view: secret_facts {
  derived_table: {
    explore_source: secret_enrollments {
      column: user_id { field: enrollments.user_id }
    }
  }
  dimension: user_id { type: number }
  measure: count { type: count }
}
)lkml";

constexpr const char* kTests = R"lkml(
test: enrollment_count_is_300 {
  explore_source: enrollments {
    column: count { field: enrollments.count }
  }
  assert: three_hundred { expression: ${enrollments.count} = 300 ;; }
}
test: progress_in_range {
  explore_source: enrollments {
    column: user_id { field: enrollments.user_id }
    column: progress { field: enrollments.average_progress }
  }
  assert: between_0_and_100 {
    expression: ${enrollments.average_progress} >= 0 AND ${enrollments.average_progress} <= 100 ;;
  }
  assert: many_users { expression: count(${enrollments.user_id}) > 10 ;; }
}
test: completed_means_full_progress {
  explore_source: enrollments {
    column: completed { field: enrollments.completed }
    column: progress { field: enrollments.average_progress }
    filters: [enrollments.completed: "yes"]
  }
  assert: full { expression: ${enrollments.completed} AND ${enrollments.average_progress} = 100 ;; }
}
test: wrong_total {
  explore_source: enrollments {
    column: count { field: enrollments.count }
  }
  assert: too_many { expression: ${enrollments.count} = 301 ;; }
}
test: no_rows {
  explore_source: enrollments {
    column: user_id { field: enrollments.user_id }
    filters: [enrollments.user_id: "<0"]
  }
  assert: anything { expression: yes ;; }
}
test: null_is_not_yes {
  explore_source: enrollments {
    column: user_id { field: enrollments.user_id }
    column: progress { field: enrollments.average_progress }
    sorts: [enrollments.user_id: asc]
    limit: 3
  }
  assert: compares_with_null { expression: ${enrollments.average_progress} > null ;; }
}
)lkml";

class NdtPostgresTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    scratch_ = std::make_unique<lkml::test::ScratchDatabase>(
        "lkml_ndt_" + std::to_string(getpid()),
        std::vector<std::string>{
            lkml::test::readText(lkml::test::sourceDir() + "/looker/db/schema.sql"),
            lkml::test::readText(lkml::test::sourceDir() + "/looker/db/seed.sql")});
    db_ = scratch_->connection();
    duckdb_ = scratch_->duckdb();
    database_ = scratch_->name();
    setup_error_ = scratch_->error();
    skip_reason_ = scratch_->skipReason();
    dir_ = fs::temp_directory_path() / ("lkml_ndt_fixture_" + std::to_string(getpid()));
    fs::create_directories(dir_);
    std::ofstream(dir_ / "school.model.lkml") << kModel;
    std::ofstream(dir_ / "all.view.lkml") << kViews;
    std::ofstream(dir_ / "school_tests.lkml") << kTests;
    project_ = std::make_unique<test::ProjectUnderTest>(test::loadProject(dir_.string()));
  }
  static void TearDownTestSuite() {
    project_.reset();
    scratch_.reset();
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  void SetUp() override {
    ASSERT_TRUE(db_) << "cannot set up a PostgreSQL database through the PG* environment: "
                     << setup_error_;
    ASSERT_TRUE(project_->project) << "cannot load the fixture project";
    ASSERT_TRUE(project_->errors.empty()) << project_->errors[0].message;
    if (!skip_reason_.empty()) GTEST_SKIP() << "DuckDB run skipped: " << skip_reason_;
  }

  /// A cell as compared: <NULL>, or numbers to 6 decimals so NUMERIC, DOUBLE and integer
  /// spellings of one value agree.
  static std::string cellText(const char* value) {
    if (!value) return "<NULL>";
    std::string text = value;
    char* end = nullptr;
    double number = std::strtod(text.c_str(), &end);
    if (!text.empty() && end && *end == '\0') {
      char buffer[64];
      std::snprintf(buffer, sizeof buffer, "%.6f", number);
      text = buffer;
    }
    return text;
  }

  /// Runs SQL lkml generated: on the DuckDB copy for LKML_TEST_DIALECT=duckdb, else run().
  static Rows runGenerated(const std::string& sql) {
    if (!duckdb_) return run(sql);
    std::string error;
    Rows rows;
    for (const auto& cells : duckdb_->run(sql, &error)) {
      Row row;
      for (const auto& cell : cells) row.push_back(cellText(cell ? cell->c_str() : nullptr));
      rows.push_back(std::move(row));
    }
    EXPECT_EQ(error, "") << "DuckDB rejected:\n" << sql;
    return rows;
  }

  static Rows run(const std::string& sql) {
    Rows rows;
    pqxx::read_transaction tx(*db_);
    for (const auto& r : tx.exec(sql)) {
      Row row;
      for (const auto& field : r) {
        if (field.is_null()) {
          row.push_back("<NULL>");
          continue;
        }
        std::string text = field.c_str();
        char* end = nullptr;
        double value = std::strtod(text.c_str(), &end);
        if (!text.empty() && end && *end == '\0') {
          char buffer[64];
          std::snprintf(buffer, sizeof buffer, "%.6f", value);
          text = buffer;
        }
        row.push_back(text);
      }
      rows.push_back(std::move(row));
    }
    return rows;
  }

  // Compiles the query (sorted by its first column for a stable comparison) and runs it.
  Rows query(const std::string& explore, const std::vector<std::string>& fields,
             const std::vector<QueryFilter>& filters = {}) {
    Query q;
    q.explore = explore;
    q.fields = fields;
    q.filters = filters;
    q.sorts = {{fields[0], false}};
    test::Outcome out = test::compileOn(*project_->project, q, {});
    EXPECT_TRUE(out.ok) << out.errors;
    if (!out.ok) return {};
    return runGenerated(out.sql);
  }

  static int lkml(const std::string& args, std::string* out, std::string* err) {
    std::string err_path = (dir_ / "stderr.txt").string();
    std::string command = "env -u LKML_DATABASE_URL PGDATABASE=" + database_ + " " +
                          lkml::test::lkmlBinary() + " " + args + " 2>" + err_path;
    int code = lkml::test::runCommand(command, out, false);
    *err = lkml::test::readText(err_path);
    return code;
  }

  static std::string database_, setup_error_;
  static std::unique_ptr<lkml::test::ScratchDatabase> scratch_;
  static pqxx::connection* db_;  // scratch_'s connection (null when setup failed)
  static fs::path dir_;
  static std::unique_ptr<test::ProjectUnderTest> project_;
  static lkml::test::DuckDbMirror* duckdb_;  // scratch_'s DuckDB copy, if any
  static std::string skip_reason_;
};
std::string NdtPostgresTest::database_, NdtPostgresTest::setup_error_;
std::unique_ptr<lkml::test::ScratchDatabase> NdtPostgresTest::scratch_;
pqxx::connection* NdtPostgresTest::db_ = nullptr;
fs::path NdtPostgresTest::dir_;
std::unique_ptr<test::ProjectUnderTest> NdtPostgresTest::project_;
lkml::test::DuckDbMirror* NdtPostgresTest::duckdb_ = nullptr;
std::string NdtPostgresTest::skip_reason_;

TEST_F(NdtPostgresTest, JoinedNdtMatchesHandWrittenSql) {
  Rows expected = run(R"sql(
    WITH f AS (
      SELECT e.user_id, COUNT(*) AS n, SUM(e.progress_percent) AS p
      FROM enrollments e LEFT JOIN courses c ON e.course_id = c.id
      WHERE c.status = 'published'
      GROUP BY e.user_id)
    SELECT u.role, SUM(f.n), COUNT(f.user_id)
    FROM users u LEFT JOIN f ON u.id = f.user_id
    GROUP BY u.role ORDER BY u.role)sql");
  ASSERT_EQ(expected.size(), 3u);
  EXPECT_EQ(query("users", {"users.role", "user_facts.total_enrollments",
                            "user_facts.users_with_enrollments"}),
            expected);
}

TEST_F(NdtPostgresTest, DerivedColumnsRunOverTheInnerColumns) {
  // The derived column's `progress / NULLIF(enrollment_count, 0)` is the author's SQL: on
  // PostgreSQL it divides the integers with truncation, on DuckDB exactly, and lkml passes it
  // through unchanged, so each engine's answer is its own division.
  const std::string division = duckdb_ ? "SUM(e.progress_percent)::numeric / COUNT(*)"
                                       : "SUM(e.progress_percent) / COUNT(*)";
  Rows expected = run("SELECT e.user_id, COUNT(*), " + division + R"sql(
    FROM enrollments e JOIN courses c ON e.course_id = c.id
    WHERE c.status = 'published'
    GROUP BY e.user_id ORDER BY e.user_id)sql");
  ASSERT_GT(expected.size(), 10u);
  EXPECT_EQ(query("users",
                  {"user_facts.user_id", "user_facts.enrollment_count",
                   "user_facts.progress_per_enrollment"},
                  {{"user_facts.user_id", "NOT NULL"}}),
            expected);
}

TEST_F(NdtPostgresTest, BindFiltersReachTheInnerQuery) {
  Rows expected = run(R"sql(
    SELECT u.role, SUM(f.n)
    FROM users u JOIN (
      SELECT e.user_id, COUNT(*) AS n
      FROM enrollments e JOIN courses c ON e.course_id = c.id
      WHERE c.status = 'published' AND c.category = 'Data'
      GROUP BY e.user_id) f ON u.id = f.user_id
    GROUP BY u.role ORDER BY u.role)sql");
  ASSERT_FALSE(expected.empty());
  EXPECT_EQ(query("users", {"users.role", "user_facts.total_enrollments"},
                  {{"user_facts.category_filter", "Data"}, {"user_facts.user_id", "NOT NULL"}}),
            expected);
}

TEST_F(NdtPostgresTest, BindAllFiltersAndWindowFunctions) {
  Rows expected = run(R"sql(
    WITH r AS (
      SELECT category, RANK() OVER (ORDER BY COUNT(*) DESC, category) AS rank
      FROM courses WHERE status = 'published' GROUP BY category)
    SELECT c.category, r.rank, COUNT(*)
    FROM courses c LEFT JOIN r ON c.category = r.category
    WHERE c.status = 'published'
    GROUP BY 1, 2 ORDER BY 1)sql");
  ASSERT_FALSE(expected.empty());
  EXPECT_EQ(query("courses", {"courses.category", "course_ranking.rank", "courses.count"},
                  {{"courses.status", "published"}}),
            expected);
}

TEST_F(NdtPostgresTest, SortsAndLimitStayInside) {
  Rows expected = run(R"sql(
    SELECT SUM(n), COUNT(*) FROM (
      SELECT user_id, COUNT(*) AS n FROM enrollments
      GROUP BY user_id ORDER BY n DESC, user_id LIMIT 5) t)sql");
  EXPECT_EQ(query("top_users", {"top_users.total", "top_users.count"}), expected);
}

TEST_F(NdtPostgresTest, TheUsersGrantsApplyInsideTheNdt) {
  Query q;
  q.explore = "secret_facts";
  q.fields = {"secret_facts.count"};
  test::Outcome denied = test::compileOn(*project_->project, q, {{"access_level", "client"}});
  EXPECT_FALSE(denied.ok);
  EXPECT_THAT(denied.errors, HasSubstr("LKML401: in native derived table `secret_facts`"));
  test::Outcome allowed = test::compileOn(*project_->project, q, {{"access_level", "internal"}});
  ASSERT_TRUE(allowed.ok) << allowed.errors;
  EXPECT_EQ(runGenerated(allowed.sql), run("SELECT COUNT(*) FROM (SELECT DISTINCT user_id FROM "
                                           "enrollments) t"));
}

TEST_F(NdtPostgresTest, LkmlTestReportsPassAndFailWithLocations) {
  std::string out, err;
  int code = lkml("test " + dir_.string(), &out, &err);
  EXPECT_EQ(code, 1) << out << err;
  std::string tests = dir_.string() + "/school_tests.lkml";
  EXPECT_THAT(out, HasSubstr("PASS enrollment_count_is_300 (" + tests + ":2)"));
  EXPECT_THAT(out, HasSubstr("PASS progress_in_range (" + tests + ":8)"));
  EXPECT_THAT(out, HasSubstr("PASS completed_means_full_progress (" + tests + ":18)"));
  EXPECT_THAT(out, HasSubstr("FAIL wrong_total (" + tests +
                             ":26)\n  assert `too_many` is no, "
                             "not yes, on row 1 of 1 (enrollments.count = 300)"));
  EXPECT_THAT(out, HasSubstr("FAIL no_rows (" + tests +
                             ":32)\n  the test query returned no rows, "
                             "so no assert was checked"));
  EXPECT_THAT(out, HasSubstr("FAIL null_is_not_yes (" + tests +
                             ":39)\n  assert "
                             "`compares_with_null` is null, not yes, on row 1 of 3"));
  EXPECT_THAT(out, HasSubstr("3 passed, 3 failed"));

  EXPECT_EQ(lkml("test " + dir_.string() + " --test enrollment_count_is_300", &out, &err), 0)
      << out << err;
  EXPECT_EQ(out, "PASS enrollment_count_is_300 (" + tests + ":2)\n1 passed, 0 failed\n");
}

// The sample project's data tests pass on its seed data for an internal user; a client may
// not use the internal explores they query, so they fail for a client.
TEST_F(NdtPostgresTest, LookerSampleProjectTests) {
  std::string out, err;
  std::string looker = lkml::test::sourceDir() + "/looker";
  EXPECT_EQ(lkml("test " + looker + " --access-level internal", &out, &err), 0) << out << err;
  EXPECT_THAT(out, HasSubstr("PASS every_company_has_users ("));
  EXPECT_THAT(out, HasSubstr("PASS completion_rate_is_a_share ("));
  EXPECT_THAT(out, HasSubstr("2 passed, 0 failed"));
  EXPECT_EQ(
      lkml("test " + looker + " --access-level client --user-attribute company_id=2", &out, &err),
      1);
  EXPECT_THAT(out, HasSubstr("error[LKML401]: access denied: explore `companies_internal`"));
}

TEST_F(NdtPostgresTest, LkmlTestUsageAndDatabaseErrors) {
  std::string out, err;
  EXPECT_EQ(lkml("test " + dir_.string() + " --test wrong_totl", &out, &err), 2);
  EXPECT_THAT(err, HasSubstr("no data test `wrong_totl`; did you mean `wrong_total`?"));
  EXPECT_EQ(lkml("test " + dir_.string() + " --model nope", &out, &err), 2);
  EXPECT_EQ(lkml("test " + dir_.string() + " --user-attribute novalue", &out, &err), 2);
  int code = lkml(
      "test " + dir_.string() + " --db postgresql://lkml_user:S3cretPw0rd@127.0.0.1:1/no_such_db",
      &out, &err);
  EXPECT_EQ(code, 3) << err;
  EXPECT_THAT(err, Not(HasSubstr("S3cretPw0rd")));
}

}  // namespace
}  // namespace lkml::codegen
