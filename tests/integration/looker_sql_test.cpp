// The query compiler on a real PostgreSQL: queries on the sample project looker/ are compiled,
// run on its seed data (plus a few extra rows with NULLs, quotes, backslashes and multi-byte
// text), and their rows compared with independently hand-written SQL — exact values, numbers
// to 6 decimals. Covers fan-out (symmetric aggregates), every filter form, access filters,
// denials, injection attempts, and `lkml query` end to end (json, csv, table, errors).
//
// Needs a server from the PG* environment (CI: `make test` runs ctest under pg_virtualenv); the
// test creates its own database, loads looker/db/schema.sql and seed.sql into it and drops it
// at the end. A failed connection fails the tests.
//
// With LKML_TEST_DIALECT=duckdb (ctest looker_sql_test_duckdb) the queries compile with
// --dialect duckdb and the generated SQL runs on a DuckDB copy of the same database
// (tests/support/duckdb_mirror.h), while the hand-written SQL still runs on PostgreSQL; the
// tests skip when node is not installed.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <pqxx/pqxx>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "semantic/explore_scope.h"
#include "tests/support/duckdb_mirror.h"
#include "tests/support/test_paths.h"
#include "tests/unit/codegen/query_test_support.h"

namespace lkml::codegen {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

using Row = std::vector<std::string>;
using Rows = std::vector<Row>;
using Filters = std::vector<QueryFilter>;

const test::Attributes kInternal = {{"access_level", "internal"}};

test::Attributes companyUser(int company) {
  return {{"access_level", "company"}, {"company_id", std::to_string(company)}};
}
test::Attributes clientUser(int company) {
  return {{"access_level", "client"}, {"company_id", std::to_string(company)}};
}

// Rows that looker's seed lacks: NULL role and price, empty and quoted names, a backslash,
// LIKE wildcards and a comma in text, a newline in a title, Liquid-looking text, the literal
// text NULL, and an SQL-injection-looking name. Company 6 owns them all.
constexpr const char* kExtraRows = R"sql(
ALTER TABLE public.users ALTER COLUMN role DROP NOT NULL;
ALTER TABLE public.courses ALTER COLUMN price DROP NOT NULL;
INSERT INTO public.companies VALUES
  (6, E'Back\\slash "Quotes" 100%_Co, Ltd.', 'back-slash', 'starter', '2024-06-01 12:00');
INSERT INTO public.users VALUES
  (101, 6, 'a@6.example.com', 'Zoë "Z"', 'O''Hara_%', NULL, '2024-06-02 10:00', NULL),
  (102, 6, 'b@6.example.com', '', 'Null', 'learner', '2024-06-03 10:00', '2024-07-01 09:00'),
  (103, 6, 'c@6.example.com', 'x'' OR ''1''=''1', 'Drop', 'admin', '2024-06-04 10:00',
   '2024-07-02 09:00'),
  (104, 6, 'd@6.example.com', '{{ _user_attributes[''company_id''] }}', 'Liquid', 'learner',
   '2024-06-05 10:00', '2024-07-03 09:00'),
  (105, 6, 'e@6.example.com', 'NULL', 'Literal', NULL, '2024-06-06 10:00', '2024-07-04 09:00');
INSERT INTO public.courses VALUES
  (101, 6, 'Ünïcødé, "quoted" & 50%_off', 'Data', 'published', NULL, '2024-06-05 08:00'),
  (102, 6, 'Free course', 'Sales', 'published', 0, '2024-06-05 08:00'),
  (103, 6, E'Two\nLines', 'Sales', 'draft', 10.5, NULL);
INSERT INTO public.enrollments VALUES
  (1001, 101, 101, '2024-06-10 09:00', '2024-06-20 17:30', 100, NULL),
  (1002, 102, 101, '2024-06-11 09:00', NULL, 40, NULL),
  (1003, 103, 102, '2024-06-12 08:00', '2024-06-12 20:00', 100, 95.5),
  (1004, 101, 102, '2024-06-13 08:00', '2024-07-13 08:00', 100, 69.99);
INSERT INTO public.certificates VALUES (1001, 1003, '2024-06-13 09:00', NULL);
)sql";

// A second project over the same tables: a join behind a grant, and a slow view.
constexpr const char* kFixtureModel = R"lkml(
connection: "pg"
include: "/*.view.lkml"
access_grant: pii { user_attribute: access_level allowed_values: ["internal"] }
explore: companies {
  join: users {
    relationship: one_to_many
    sql_on: ${companies.id} = ${users.company_id} ;;
    required_access_grants: [pii]
  }
}
explore: slow {}
)lkml";
constexpr const char* kFixtureViews = R"lkml(
view: companies {
  sql_table_name: public.companies ;;
  dimension: id { primary_key: yes type: number sql: ${TABLE}.id ;; }
  dimension: name { sql: ${TABLE}.name ;; }
  measure: count { type: count }
}
view: users {
  sql_table_name: public.users ;;
  dimension: id { primary_key: yes type: number sql: ${TABLE}.id ;; }
  dimension: company_id { type: number sql: ${TABLE}.company_id ;; }
  measure: count { type: count }
}
view: slow {
  sql_table_name: (SELECT 1 AS id FROM pg_sleep(5)) ;;
  dimension: id { type: number sql: ${TABLE}.id ;; }
}
)lkml";

// A cell as text: NULL as <NULL>, numbers rounded to 6 decimals (so NUMERIC, DOUBLE and
// integer spellings of one value compare equal).
std::string normalizeText(std::optional<std::string> cell) {
  if (!cell) return "<NULL>";
  std::string text = std::move(*cell);
  if (!text.empty() && text.find_first_not_of("0123456789.-+eE") == std::string::npos) {
    char* end = nullptr;
    double value = std::strtod(text.c_str(), &end);
    if (end && *end == '\0') {
      char buffer[64];
      std::snprintf(buffer, sizeof buffer, "%.6f", value);
      return std::string(buffer) == "-0.000000" ? "0.000000" : buffer;
    }
  }
  return text;
}

std::string normalize(const pqxx::field& field) {
  return normalizeText(field.is_null() ? std::nullopt : std::optional<std::string>(field.c_str()));
}

std::string show(const Rows& rows) {
  std::string out;
  for (const Row& row : rows) {
    for (size_t i = 0; i < row.size(); ++i) out += (i ? " | " : "  ") + row[i];
    out += "\n";
  }
  return out;
}

class LookerSqlTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    database_ = "lkml_looker_sql_" + std::to_string(getpid());
    try {
      admin_ = std::make_unique<pqxx::connection>("");
      {
        pqxx::nontransaction tx(*admin_);
        tx.exec("DROP DATABASE IF EXISTS " + tx.quote_name(database_));
        tx.exec("CREATE DATABASE " + tx.quote_name(database_) +
                " ENCODING 'UTF8' TEMPLATE template0");
      }
      db_ = std::make_unique<pqxx::connection>("dbname=" + database_);
      pqxx::nontransaction tx(*db_);
      tx.exec(lkml::test::readText(lkml::test::sourceDir() + "/looker/db/schema.sql"));
      tx.exec(lkml::test::readText(lkml::test::sourceDir() + "/looker/db/seed.sql"));
      tx.exec(kExtraRows);
    } catch (const std::exception& e) {
      db_.reset();
      setup_error_ = e.what();
    }
    if (db_ && onDuckDb()) {
      skip_reason_ = lkml::test::DuckDbMirror::unavailableReason();
      if (skip_reason_.empty()) {
        duckdb_ = std::make_unique<lkml::test::DuckDbMirror>();
        std::string error = duckdb_->load(database_);
        if (!error.empty()) {
          db_.reset();
          setup_error_ = error;
        }
      }
    }
    fixture_dir_ =
        fs::temp_directory_path() / ("lkml_looker_sql_fixture_" + std::to_string(getpid()));
    fs::create_directories(fixture_dir_);
    std::ofstream(fixture_dir_ / "gx.model.lkml") << kFixtureModel;
    std::ofstream(fixture_dir_ / "all.view.lkml") << kFixtureViews;
  }

  static void TearDownTestSuite() {
    duckdb_.reset();
    db_.reset();
    if (admin_) {
      try {
        pqxx::nontransaction tx(*admin_);
        tx.exec("DROP DATABASE IF EXISTS " + tx.quote_name(database_) + " WITH (FORCE)");
      } catch (const std::exception&) {
      }
    }
    admin_.reset();
    std::error_code ec;
    fs::remove_all(fixture_dir_, ec);
  }

  void SetUp() override {
    ASSERT_TRUE(db_) << "cannot set up a PostgreSQL database through the PG* environment (run "
                        "under pg_virtualenv, e.g. `make test`): "
                     << setup_error_;
    if (!skip_reason_.empty()) GTEST_SKIP() << "DuckDB run skipped: " << skip_reason_;
  }

  static bool onDuckDb() { return lkml::test::testDialectName() == "duckdb"; }

  /// Runs SQL that lkml generated: on the DuckDB copy for LKML_TEST_DIALECT=duckdb, else on
  /// PostgreSQL like run().
  static Rows runGenerated(const std::string& sql) {
    if (!duckdb_) return run(sql);
    std::string error;
    lkml::test::DuckDbMirror::Rows cells = duckdb_->run(sql, &error);
    EXPECT_EQ(error, "") << "DuckDB rejected:\n" << sql;
    Rows rows;
    for (auto& cell_row : cells) {
      Row row;
      for (auto& cell : cell_row) row.push_back(normalizeText(std::move(cell)));
      rows.push_back(std::move(row));
    }
    return rows;
  }

  /// Runs SQL in a committed read-write transaction (the worst case for injected SQL).
  static Rows run(const std::string& sql) {
    Rows rows;
    pqxx::work tx(*db_);
    for (const auto& r : tx.exec(sql)) {
      Row row;
      for (const auto& field : r) row.push_back(normalize(field));
      rows.push_back(std::move(row));
    }
    tx.commit();
    return rows;
  }

  static Rows sorted(Rows rows) {
    std::sort(rows.begin(), rows.end());
    return rows;
  }

  /// Compiles (must succeed) and returns the SQL.
  static std::string sqlFor(const std::string& explore, const std::vector<std::string>& fields,
                            const test::Attributes& user = kInternal, const Filters& filters = {},
                            const std::vector<QuerySort>& sorts = {}) {
    test::Outcome out = test::compileLooker(explore, fields, user, filters, sorts);
    EXPECT_TRUE(out.ok) << explore << ": " << out.errors;
    return out.sql;
  }

  /// The generated query returns the same rows as the hand-written one (in any order).
  static void expectSameRows(const std::string& generated, const std::string& hand,
                             bool may_be_empty = false) {
    ASSERT_FALSE(generated.empty());
    Rows got = sorted(runGenerated(generated)), want = sorted(run(hand));
    if (!may_be_empty) {
      EXPECT_FALSE(want.empty()) << "vacuous comparison:\n" << hand;
    }
    EXPECT_EQ(got, want) << "generated SQL:\n"
                         << generated << "\nhand-written SQL:\n"
                         << hand << "\ngot:\n"
                         << show(got) << "want:\n"
                         << show(want);
  }

  /// The first column of the generated query's rows, sorted.
  static Rows keys(const std::string& explore, const std::string& key, const Filters& filters,
                   const test::Attributes& user = kInternal) {
    std::string sql = sqlFor(explore, {key}, user, filters);
    if (sql.empty()) return {{"<refused>"}};
    return sorted(runGenerated(sql));
  }

  /// Filters on `explore` select exactly the ids of `table` where the predicate holds.
  static void expectFilter(const std::string& explore, const std::string& key,
                           const Filters& filters, const std::string& table,
                           const std::string& predicate) {
    Rows got = keys(explore, key, filters);
    Rows want = sorted(run("SELECT id FROM " + table + " WHERE " + predicate));
    if (predicate != "FALSE") {
      EXPECT_FALSE(want.empty()) << "vacuous filter test: " << predicate;
    }
    EXPECT_NE(want.size(), run("SELECT id FROM " + table).size())
        << "filter test selects every row: " << predicate;
    std::string what;
    for (const auto& f : filters) what += f.field + "=" + f.expression + " ";
    EXPECT_EQ(got, want) << what << "\npredicate: " << predicate << "\ngot:\n"
                         << show(got) << "want:\n"
                         << show(want);
  }

  /// A snapshot of the database contents: every table of every schema with its row count.
  static Rows snapshot() {
    Rows tables =
        run("SELECT table_schema || '.' || table_name FROM information_schema.tables WHERE "
            "table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1");
    Rows out;
    for (const Row& t : tables) {
      out.push_back({t[0], run("SELECT count(*) FROM " + t[0])[0][0]});
    }
    return out;
  }

  /// Runs the lkml binary against the test database; stdout and stderr captured separately.
  static int lkml(const std::string& args, std::string* out, std::string* err) {
    std::string err_path = (fixture_dir_ / "stderr.txt").string();
    std::string command = "env -u LKML_DATABASE_URL PGDATABASE=" + database_ + " " +
                          lkml::test::lkmlBinary() + " " + args + " 2>" + err_path;
    int code = lkml::test::runCommand(command, out, false);
    *err = lkml::test::readText(err_path);
    return code;
  }

  static std::string database_;
  static std::unique_ptr<pqxx::connection> admin_, db_;
  static std::string setup_error_;
  static fs::path fixture_dir_;
  static std::unique_ptr<lkml::test::DuckDbMirror> duckdb_;
  static std::string skip_reason_;
};

std::string LookerSqlTest::database_;
std::unique_ptr<pqxx::connection> LookerSqlTest::admin_, LookerSqlTest::db_;
std::string LookerSqlTest::setup_error_;
fs::path LookerSqlTest::fixture_dir_;
std::unique_ptr<lkml::test::DuckDbMirror> LookerSqlTest::duckdb_;
std::string LookerSqlTest::skip_reason_;

TEST_F(LookerSqlTest, DataIsLoaded) {
  EXPECT_EQ(run("SELECT (SELECT count(*) FROM companies), (SELECT count(*) FROM users), "
                "(SELECT count(*) FROM courses), (SELECT count(*) FROM enrollments), "
                "(SELECT count(*) FROM certificates)"),
            (Rows{{"6.000000", "65.000000", "23.000000", "304.000000", "137.000000"}}));
}

// ---- fan-out: symmetric aggregates equal the un-fanned totals -------------------------------

TEST_F(LookerSqlTest, CompaniesExploreTwoOneToManyBranches) {
  std::string generated = sqlFor("companies_internal", {"companies.id",
                                                        "companies.count",
                                                        "users.count",
                                                        "users.active_count",
                                                        "users.company_count",
                                                        "courses.count",
                                                        "courses.published_count",
                                                        "courses.total_price",
                                                        "courses.average_price",
                                                        "enrollments.count",
                                                        "enrollments.completed_count",
                                                        "enrollments.learner_count",
                                                        "enrollments.average_score",
                                                        "enrollments.average_progress",
                                                        "enrollments.best_score",
                                                        "enrollments.completion_rate",
                                                        "enrollments.average_days_to_completion",
                                                        "certificates.count",
                                                        "certificates.lifetime_count",
                                                        "certificates.certified_learner_count"});
  std::string hand = R"sql(
    WITH e AS (SELECT e.*, u.company_id FROM enrollments e JOIN users u ON u.id = e.user_id)
    SELECT c.id, 1,
      (SELECT count(*) FROM users u WHERE u.company_id = c.id),
      (SELECT count(*) FROM users u WHERE u.company_id = c.id AND u.last_login_at IS NOT NULL),
      (SELECT count(DISTINCT u.company_id) FROM users u WHERE u.company_id = c.id),
      (SELECT count(*) FROM courses k WHERE k.company_id = c.id),
      (SELECT count(*) FROM courses k WHERE k.company_id = c.id AND k.status = 'published'),
      (SELECT coalesce(sum(k.price), 0) FROM courses k WHERE k.company_id = c.id),
      (SELECT avg(k.price) FROM courses k WHERE k.company_id = c.id),
      (SELECT count(*) FROM e WHERE e.company_id = c.id),
      (SELECT count(*) FROM e WHERE e.company_id = c.id AND e.completed_at IS NOT NULL),
      (SELECT count(DISTINCT e.user_id) FROM e WHERE e.company_id = c.id),
      (SELECT avg(e.score) FROM e WHERE e.company_id = c.id),
      (SELECT avg(e.progress_percent) FROM e WHERE e.company_id = c.id),
      (SELECT max(e.score) FROM e WHERE e.company_id = c.id),
      (SELECT 1.0 * count(e.completed_at) / nullif(count(*), 0) FROM e WHERE e.company_id = c.id),
      (SELECT avg(date_part('day', e.completed_at - e.enrolled_at)) FROM e
        WHERE e.company_id = c.id),
      (SELECT count(*) FROM certificates ce JOIN e ON e.id = ce.enrollment_id
        WHERE e.company_id = c.id),
      (SELECT count(*) FROM certificates ce JOIN e ON e.id = ce.enrollment_id
        WHERE e.company_id = c.id AND ce.expires_at IS NULL),
      (SELECT count(DISTINCT e.user_id) FROM e WHERE e.company_id = c.id)
    FROM companies c)sql";
  expectSameRows(generated, hand);
}

TEST_F(LookerSqlTest, CompaniesExploreTotalsWithoutGrouping) {
  std::string generated = sqlFor(
      "companies_internal", {"companies.count", "users.count", "courses.count",
                             "courses.total_price", "courses.average_price", "enrollments.count",
                             "enrollments.average_score", "certificates.count"});
  expectSameRows(generated, R"sql(
    SELECT (SELECT count(*) FROM companies), (SELECT count(*) FROM users),
      (SELECT count(*) FROM courses), (SELECT sum(price) FROM courses),
      (SELECT avg(price) FROM courses), (SELECT count(*) FROM enrollments),
      (SELECT avg(score) FROM enrollments), (SELECT count(*) FROM certificates))sql");
}

TEST_F(LookerSqlTest, UsersExploreEnrollmentsOneToMany) {
  std::string generated =
      sqlFor("users_internal",
             {"users.role", "users.count", "users.active_count", "users.company_count",
              "companies.count", "enrollments.count", "enrollments.average_score", "courses.count",
              "courses.total_price", "courses.average_price", "certificates.count"});
  std::string hand = R"sql(
    WITH r AS (SELECT DISTINCT role FROM users),
      e AS (SELECT e.*, u.role FROM enrollments e JOIN users u ON u.id = e.user_id)
    SELECT r.role,
      (SELECT count(*) FROM users u WHERE u.role IS NOT DISTINCT FROM r.role),
      (SELECT count(*) FROM users u WHERE u.role IS NOT DISTINCT FROM r.role
        AND u.last_login_at IS NOT NULL),
      (SELECT count(DISTINCT company_id) FROM users u WHERE u.role IS NOT DISTINCT FROM r.role),
      (SELECT count(DISTINCT company_id) FROM users u WHERE u.role IS NOT DISTINCT FROM r.role),
      (SELECT count(*) FROM e WHERE e.role IS NOT DISTINCT FROM r.role),
      (SELECT avg(score) FROM e WHERE e.role IS NOT DISTINCT FROM r.role),
      (SELECT count(DISTINCT course_id) FROM e WHERE e.role IS NOT DISTINCT FROM r.role),
      (SELECT coalesce(sum(price), 0) FROM courses WHERE id IN
        (SELECT course_id FROM e WHERE e.role IS NOT DISTINCT FROM r.role)),
      (SELECT avg(price) FROM courses WHERE id IN
        (SELECT course_id FROM e WHERE e.role IS NOT DISTINCT FROM r.role)),
      (SELECT count(*) FROM certificates WHERE enrollment_id IN
        (SELECT id FROM e WHERE e.role IS NOT DISTINCT FROM r.role))
    FROM r)sql";
  expectSameRows(generated, hand);
}

TEST_F(LookerSqlTest, CoursesExploreEnrollmentsOneToMany) {
  std::string generated =
      sqlFor("courses_internal",
             {"courses.id", "courses.count", "courses.total_price", "courses.average_price",
              "companies.count", "enrollments.count", "enrollments.average_progress",
              "enrollments.passed_count", "users.count", "certificates.count"});
  std::string hand = R"sql(
    SELECT k.id, 1, coalesce(k.price, 0), k.price, 1,
      (SELECT count(*) FROM enrollments e WHERE e.course_id = k.id),
      (SELECT avg(progress_percent) FROM enrollments e WHERE e.course_id = k.id),
      (SELECT count(*) FROM enrollments e WHERE e.course_id = k.id AND e.score >= 70),
      (SELECT count(DISTINCT user_id) FROM enrollments e WHERE e.course_id = k.id),
      (SELECT count(*) FROM certificates ce JOIN enrollments e ON e.id = ce.enrollment_id
        WHERE e.course_id = k.id)
    FROM courses k)sql";
  expectSameRows(generated, hand);
}

TEST_F(LookerSqlTest, EnrollmentsExploreManyToOneJoins) {
  std::string generated = sqlFor(
      "enrollments_internal",
      {"companies.name", "enrollments.count", "users.count", "courses.count", "courses.total_price",
       "courses.average_price", "certificates.count", "certificates.lifetime_count",
       "enrollments.average_days_to_completion", "enrollments.completion_rate"});
  std::string hand = R"sql(
    WITH e AS (SELECT e.*, u.company_id FROM enrollments e JOIN users u ON u.id = e.user_id)
    SELECT c.name,
      (SELECT count(*) FROM e WHERE e.company_id = c.id),
      (SELECT count(DISTINCT user_id) FROM e WHERE e.company_id = c.id),
      (SELECT count(DISTINCT course_id) FROM e WHERE e.company_id = c.id),
      (SELECT coalesce(sum(price), 0) FROM courses WHERE id IN
        (SELECT course_id FROM e WHERE e.company_id = c.id)),
      (SELECT avg(price) FROM courses WHERE id IN
        (SELECT course_id FROM e WHERE e.company_id = c.id)),
      (SELECT count(*) FROM certificates ce JOIN e ON e.id = ce.enrollment_id
        WHERE e.company_id = c.id),
      (SELECT count(*) FROM certificates ce JOIN e ON e.id = ce.enrollment_id
        WHERE e.company_id = c.id AND ce.expires_at IS NULL),
      (SELECT avg(date_part('day', completed_at - enrolled_at)) FROM e WHERE e.company_id = c.id),
      (SELECT 1.0 * count(completed_at) / count(*) FROM e WHERE e.company_id = c.id)
    FROM companies c WHERE EXISTS (SELECT 1 FROM e WHERE e.company_id = c.id))sql";
  expectSameRows(generated, hand);
}

TEST_F(LookerSqlTest, CertificatesExplore) {
  std::string generated =
      sqlFor("certificates_internal",
             {"courses.category", "certificates.count", "certificates.lifetime_count",
              "certificates.certified_learner_count", "users.count", "companies.count",
              "enrollments.average_score", "enrollments.count"});
  std::string hand = R"sql(
    WITH x AS (SELECT ce.id, ce.expires_at, e.user_id, e.score, e.id AS enrollment_id,
                      u.company_id, k.category
               FROM certificates ce JOIN enrollments e ON e.id = ce.enrollment_id
               JOIN users u ON u.id = e.user_id JOIN courses k ON k.id = e.course_id)
    SELECT category, count(*), count(*) FILTER (WHERE expires_at IS NULL),
      count(DISTINCT user_id), count(DISTINCT user_id), count(DISTINCT company_id), avg(score),
      count(DISTINCT enrollment_id)
    FROM x GROUP BY category)sql";
  expectSameRows(generated, hand);
}

TEST_F(LookerSqlTest, FannedMeasureFilterInHaving) {
  std::string generated =
      sqlFor("users_internal", {"companies.id", "users.count", "enrollments.count"}, kInternal,
             {{"users.count", ">3"}, {"enrollments.is_passed", "Yes"}});
  expectSameRows(generated, R"sql(
    SELECT u.company_id, count(DISTINCT u.id), count(*)
    FROM users u JOIN enrollments e ON e.user_id = u.id WHERE e.score >= 70
    GROUP BY 1 HAVING count(DISTINCT u.id) > 3)sql");
}

TEST_F(LookerSqlTest, MeasureFiltersInHaving) {
  std::string generated =
      sqlFor("enrollments_internal",
             {"courses.id", "enrollments.count", "enrollments.average_score"}, kInternal,
             {{"enrollments.count", ">10"},
              {"enrollments.average_score", "[70,85]"},
              {"enrollments.learner_count", ">=5"}});
  expectSameRows(generated, R"sql(
    SELECT course_id, count(*), avg(score) FROM enrollments GROUP BY 1
    HAVING count(*) > 10 AND avg(score) BETWEEN 70 AND 85 AND count(DISTINCT user_id) >= 5)sql");
}

// ---- dimensions ----------------------------------------------------------------------------

TEST_F(LookerSqlTest, TimeframesDurationsAndYesno) {
  std::string generated = sqlFor(
      "enrollments_internal",
      {"enrollments.id", "enrollments.enrolled_raw", "enrollments.enrolled_time",
       "enrollments.enrolled_date", "enrollments.enrolled_week", "enrollments.enrolled_month",
       "enrollments.enrolled_quarter", "enrollments.enrolled_year", "enrollments.completed_date",
       "enrollments.hours_to_completion", "enrollments.days_to_completion",
       "enrollments.weeks_to_completion", "enrollments.is_completed", "enrollments.is_passed",
       "certificates.is_lifetime"});
  std::string hand = R"sql(
    SELECT e.id, e.enrolled_at::text, substr(e.enrolled_at::text, 1, 19), e.enrolled_at::date::text,
      (e.enrolled_at::date - (extract(isodow FROM e.enrolled_at)::int - 1))::text,
      substr(e.enrolled_at::text, 1, 7),
      extract(year FROM e.enrolled_at)::text || '-' ||
        lpad(((extract(quarter FROM e.enrolled_at)::int - 1) * 3 + 1)::text, 2, '0'),
      extract(year FROM e.enrolled_at)::int, e.completed_at::date::text,
      floor(extract(epoch FROM e.completed_at - e.enrolled_at) / 3600),
      date_part('day', e.completed_at - e.enrolled_at),
      floor(date_part('day', e.completed_at - e.enrolled_at) / 7),
      CASE WHEN e.completed_at IS NULL THEN 'No' ELSE 'Yes' END,
      CASE WHEN coalesce(e.score, 0) >= 70 THEN 'Yes' ELSE 'No' END,
      CASE WHEN ce.id IS NOT NULL AND ce.expires_at IS NOT NULL THEN 'No' ELSE 'Yes' END
    FROM enrollments e LEFT JOIN certificates ce ON ce.enrollment_id = e.id)sql";
  expectSameRows(generated, hand);
}

TEST_F(LookerSqlTest, DerivedDimensionsAndUtf8) {
  std::string generated = sqlFor(
      "users_company", {"users.id", "users.full_name", "users.has_logged_in", "companies.name"},
      companyUser(6));
  expectSameRows(generated, R"sql(
    SELECT u.id, u.first_name || ' ' || u.last_name,
      CASE WHEN u.last_login_at IS NULL THEN 'No' ELSE 'Yes' END, c.name
    FROM users u JOIN companies c ON c.id = u.company_id WHERE u.company_id = 6)sql");
  Rows names = runGenerated(sqlFor("companies_internal", {"companies.name"}));
  EXPECT_THAT(names, ::testing::Contains(Row{"渡辺テック研修"}));
  EXPECT_THAT(names, ::testing::Contains(Row{"Ærøskøbing Læring"}));
  EXPECT_THAT(names, ::testing::Contains(Row{"Back\\slash \"Quotes\" 100%_Co, Ltd."}));
}

// ---- filters: every form on real columns ----------------------------------------------------

TEST_F(LookerSqlTest, StringFilters) {
  struct Case {
    const char* field;
    const char* expression;
    const char* predicate;  // on users u / companies
  };
  const Case cases[] = {
      {"users.role", "admin,instructor", "role IN ('admin', 'instructor')"},
      {"users.role", "-admin", "role IS DISTINCT FROM 'admin'"},
      {"users.role", "NULL", "role IS NULL"},
      {"users.role", "-NULL", "role IS NOT NULL"},
      {"users.role", "-admin,-NULL", "role IS NOT NULL AND role <> 'admin'"},
      {"users.role", "learner,NULL", "role = 'learner' OR role IS NULL"},
      {"users.role", "ADMIN", "FALSE"},
      {"users.first_name", "EMPTY", "first_name = ''"},
      {"users.first_name", "-EMPTY", "first_name <> ''"},
      {"users.first_name", "%an%", "strpos(first_name, 'an') > 0"},
      {"users.first_name", "-%an%", "strpos(first_name, 'an') = 0"},
      {"users.first_name", "Ma%", "left(first_name, 2) = 'Ma'"},
      {"users.first_name", "%a", "right(first_name, 1) = 'a'"},
      {"users.first_name", "Ma%,-Mark", "left(first_name, 2) = 'Ma' AND first_name <> 'Mark'"},
      {"users.first_name", "_iam", "length(first_name) = 4 AND right(first_name, 3) = 'iam'"},
      {"users.first_name", "Zoë", "first_name = 'Zoë'"},
      {"users.first_name", "Zoë ^\"Z^\"", "first_name = 'Zoë \"Z\"'"},
      {"users.first_name", "\"Zoë ^\"Z^\"\"", "first_name = 'Zoë \"Z\"'"},
      {"users.first_name", "'NULL'", "first_name = 'NULL'"},
      {"users.first_name", "-'NULL',-EMPTY", "first_name NOT IN ('NULL', '')"},
      {"users.first_name", "%'%", "strpos(first_name, '''') > 0"},
      {"users.last_name", "O'Hara^_^%", "last_name = 'O''Hara_%'"},
      {"users.last_name", "%^_^%", "right(last_name, 2) = '_%'"},
      {"users.last_name", "Müller,Jørgensen", "last_name IN ('Müller', 'Jørgensen')"},
      {"users.first_name", " Zoë ", "first_name = 'Zoë'"},
  };
  for (const Case& c : cases) {
    expectFilter("users_internal", "users.id", {{c.field, c.expression}}, "users", c.predicate);
  }
  expectFilter("companies_internal", "companies.id", {{"companies.name", "Back\\slash%"}},
               "companies", "left(name, 10) = E'Back\\\\slash'");
  expectFilter("companies_internal", "companies.id", {{"companies.name", "%^,%"}}, "companies",
               "strpos(name, ',') > 0");
  expectFilter("companies_internal", "companies.id", {{"companies.name", "%100^%^_Co%"}},
               "companies", "strpos(name, '100%_Co') > 0");
  expectFilter("companies_internal", "companies.id", {{"companies.name", "O'Brien%"}}, "companies",
               "left(name, 7) = 'O''Brien'");
  expectFilter("courses_internal", "courses.id",
               {{"courses.title", "\"Ünïcødé, ^\"quoted^\" & 50%_off\""}}, "courses", "id = 101");
}

TEST_F(LookerSqlTest, NumberFilters) {
  struct Case {
    const char* field;
    const char* expression;
    const char* predicate;  // on enrollments
  };
  const Case cases[] = {
      {"enrollments.progress_percent", "100", "progress_percent = 100"},
      {"enrollments.progress_percent", ">50", "progress_percent > 50"},
      {"enrollments.progress_percent", ">=50", "progress_percent >= 50"},
      {"enrollments.progress_percent", "<=10", "progress_percent <= 10"},
      {"enrollments.progress_percent", "[20,80)",
       "progress_percent >= 20 AND progress_percent < 80"},
      {"enrollments.progress_percent", "(20,80]",
       "progress_percent > 20 AND progress_percent <= 80"},
      {"enrollments.progress_percent", "NOT 100", "progress_percent <> 100"},
      {"enrollments.progress_percent", "<>100", "progress_percent <> 100"},
      {"enrollments.progress_percent", "0, 40, 100", "progress_percent IN (0, 40, 100)"},
      {"enrollments.progress_percent", "NOT 0, 100", "progress_percent NOT IN (0, 100)"},
      {"enrollments.progress_percent", "5.5 to 80", "progress_percent BETWEEN 5.5 AND 80"},
      {"enrollments.progress_percent", "90 to", "progress_percent >= 90"},
      {"enrollments.progress_percent", "to 10", "progress_percent <= 10"},
      {"enrollments.progress_percent", "<10 OR >90",
       "progress_percent < 10 OR progress_percent > 90"},
      {"enrollments.progress_percent", ">=30 AND <=40", "progress_percent BETWEEN 30 AND 40"},
      {"enrollments.progress_percent", "NOT [30,40]", "progress_percent NOT BETWEEN 30 AND 40"},
      {"enrollments.progress_percent", "(,25]", "progress_percent <= 25"},
      {"enrollments.progress_percent", "[0,10],100",
       "progress_percent <= 10 OR progress_percent = 100"},
      {"enrollments.score", "NULL", "score IS NULL"},
      {"enrollments.score", "NOT NULL", "score IS NOT NULL"},
      {"enrollments.score", "69.99", "score = 69.99"},
      {"enrollments.score", "[60.5, 80.25]", "score BETWEEN 60.5 AND 80.25"},
      {"enrollments.score", "NOT 95.5", "score IS DISTINCT FROM 95.5"},
      {"enrollments.score", "-1e2 to 7e1", "score BETWEEN -100 AND 70"},
      {"enrollments.id", "1000 to", "id >= 1000"},
      {"enrollments.days_to_completion", ">=30",
       "completed_at - enrolled_at >= interval '30 days'"},
      {"enrollments.days_to_completion", "NULL", "completed_at IS NULL"},
      {"enrollments.hours_to_completion", "<24",
       "completed_at - enrolled_at < interval '24 hours'"},
  };
  for (const Case& c : cases) {
    expectFilter("enrollments_internal", "enrollments.id", {{c.field, c.expression}}, "enrollments",
                 c.predicate);
  }
}

TEST_F(LookerSqlTest, DateFilters) {
  struct Case {
    const char* field;
    const char* expression;
    const char* predicate;  // on enrollments
  };
  const Case cases[] = {
      {"enrollments.enrolled_date", "2024", "extract(year FROM enrolled_at) = 2024"},
      {"enrollments.enrolled_date", "2024-03", "to_char(enrolled_at, 'YYYY-MM') = '2024-03'"},
      {"enrollments.enrolled_date", "2024/03", "to_char(enrolled_at, 'YYYY-MM') = '2024-03'"},
      {"enrollments.enrolled_date", "2023-04-19", "enrolled_at::date = '2023-04-19'"},
      {"enrollments.enrolled_date", "2024-01-01 to 2024-03-01",
       "enrolled_at >= '2024-01-01' AND enrolled_at < '2024-03-01'"},
      {"enrollments.enrolled_date", "before 2023-06-01", "enrolled_at < '2023-06-01'"},
      {"enrollments.enrolled_date", "after 2024-06-01", "enrolled_at >= '2024-06-01'"},
      {"enrollments.enrolled_date", "2024-Q2",
       "extract(year FROM enrolled_at) = 2024 AND extract(quarter FROM enrolled_at) = 2"},
      {"enrollments.enrolled_date", "2024-03-01 for 10 days",
       "enrolled_at >= '2024-03-01' AND enrolled_at < '2024-03-11'"},
      {"enrollments.enrolled_date", "2023-12,2024-06",
       "to_char(enrolled_at, 'YYYY-MM') IN ('2023-12', '2024-06')"},
      {"enrollments.enrolled_time", "2024-06-10 09:00",
       "enrolled_at >= '2024-06-10 09:00' AND enrolled_at < '2024-06-10 09:01'"},
      {"enrollments.completed_date", "NULL", "completed_at IS NULL"},
      {"enrollments.completed_date", "NOT NULL", "completed_at IS NOT NULL"},
      {"enrollments.completed_month", "2024-05", "to_char(completed_at, 'YYYY-MM') = '2024-05'"},
      {"enrollments.completed_year", "2023", "extract(year FROM completed_at) = 2023"},
      {"enrollments.enrolled_month", "before 2022", "enrolled_at < '2022-01-01'"},
      {"users.created_date", "2024-06",
       "user_id IN (SELECT id FROM users WHERE "
       "to_char(created_at, 'YYYY-MM') = '2024-06')"},
      {"certificates.expires_year", "2025",
       "id IN (SELECT enrollment_id FROM certificates WHERE extract(year FROM expires_at) = 2025)"},
  };
  for (const Case& c : cases) {
    expectFilter("enrollments_internal", "enrollments.id", {{c.field, c.expression}}, "enrollments",
                 c.predicate);
  }
}

TEST_F(LookerSqlTest, YesnoFilters) {
  expectFilter("enrollments_internal", "enrollments.id", {{"enrollments.is_completed", "Yes"}},
               "enrollments", "completed_at IS NOT NULL");
  expectFilter("enrollments_internal", "enrollments.id", {{"enrollments.is_completed", "no"}},
               "enrollments", "completed_at IS NULL");
  expectFilter("enrollments_internal", "enrollments.id", {{"enrollments.is_passed", "Yes"}},
               "enrollments", "score >= 70");
  expectFilter("enrollments_internal", "enrollments.id", {{"enrollments.is_passed", "No"}},
               "enrollments", "score < 70 OR score IS NULL");
  // A NULL-extended certificate row satisfies `expires_at IS NULL`, as in Looker.
  expectFilter("enrollments_internal", "enrollments.id", {{"certificates.is_lifetime", "Yes"}},
               "enrollments",
               "id NOT IN (SELECT enrollment_id FROM certificates WHERE expires_at IS NOT NULL)");
  expectFilter("users_internal", "users.id", {{"users.has_logged_in", "No"}}, "users",
               "last_login_at IS NULL");
  expectFilter("courses_internal", "courses.id", {{"courses.is_published", "No"}}, "courses",
               "status <> 'published'");
}

TEST_F(LookerSqlTest, CombinedFiltersAcrossJoins) {
  expectFilter("enrollments_internal", "enrollments.id",
               {{"companies.name", "Northwind%"},
                {"courses.category", "Data,Compliance"},
                {"enrollments.score", ">=80"},
                {"users.role", "-admin"}},
               "enrollments",
               "user_id IN (SELECT id FROM users WHERE company_id = 1 AND role IS DISTINCT FROM "
               "'admin') AND course_id IN (SELECT id FROM courses WHERE category IN ('Data', "
               "'Compliance')) AND score >= 80");
}

// ---- access ---------------------------------------------------------------------------------

TEST_F(LookerSqlTest, AccessFiltersMatchHandWrittenWhere) {
  for (int company : {1, 2, 3, 4, 5, 6, 99}) {
    SCOPED_TRACE("company_id " + std::to_string(company));
    std::string k = std::to_string(company);
    bool none = company == 99;  // no such company: every explore returns no rows
    expectSameRows(sqlFor("enrollments_company", {"users.first_name", "enrollments.count"},
                          companyUser(company)),
                   "SELECT u.first_name, count(*) FROM enrollments e JOIN users u ON u.id = "
                   "e.user_id WHERE u.company_id = " +
                       k + " GROUP BY 1",
                   none);
    expectSameRows(sqlFor("users_client", {"users.id", "enrollments.count"}, clientUser(company)),
                   "SELECT u.id, count(e.id) FROM users u LEFT JOIN enrollments e ON e.user_id = "
                   "u.id WHERE u.company_id = " +
                       k + " GROUP BY 1",
                   none);
    expectSameRows(
        sqlFor("courses_client", {"courses.title", "courses.status", "enrollments.count"},
               clientUser(company)),
        "SELECT k.title, k.status, count(e.id) FROM courses k LEFT JOIN enrollments e ON "
        "e.course_id = k.id WHERE k.status <> 'draft' AND k.company_id = " +
            k + " GROUP BY 1, 2",
        none);
    expectSameRows(
        sqlFor("courses_company", {"courses.title", "courses.status"}, companyUser(company)),
        "SELECT title, status FROM courses WHERE company_id = " + k + " GROUP BY 1, 2", none);
    expectSameRows(sqlFor("companies_client", {"companies.name", "users.count", "courses.count"},
                          clientUser(company)),
                   "SELECT c.name, (SELECT count(*) FROM users WHERE company_id = c.id), (SELECT "
                   "count(*) FROM courses WHERE company_id = c.id) FROM companies c WHERE c.id = " +
                       k,
                   none);
    expectSameRows(
        sqlFor("certificates_client", {"courses.title", "certificates.count"}, clientUser(company)),
        "SELECT k.title, count(*) FROM certificates ce JOIN enrollments e ON e.id = "
        "ce.enrollment_id JOIN users u ON u.id = e.user_id JOIN courses k ON k.id = "
        "e.course_id WHERE u.company_id = " +
            k + " GROUP BY 1",
        none);
  }
  // A query filter cannot widen the access filter: both apply.
  expectSameRows(
      sqlFor("users_company", {"users.id"}, companyUser(2), {{"users.company_id", "1,2"}}),
      "SELECT id FROM users WHERE company_id = 2");
  expectSameRows(sqlFor("users_company", {"users.id"}, companyUser(2), {{"users.company_id", "1"}}),
                 "SELECT id FROM users WHERE FALSE", true);
  // The internal explores are not filtered.
  expectSameRows(sqlFor("users_internal", {"users.id"}), "SELECT id FROM users");
}

TEST_F(LookerSqlTest, DenialsProduceNoSql) {
  struct Case {
    const char* explore;
    std::vector<std::string> fields;
    test::Attributes user;
    Filters filters;
    const char* code;
    const char* mention;
  };
  const Case cases[] = {
      {"enrollments_company", {"enrollments.count"}, clientUser(2), {}, "LKML401", "`company`"},
      {"users_internal", {"users.count"}, companyUser(2), {}, "LKML401", "`internal`"},
      {"courses_company", {"courses.price"}, companyUser(2), {}, "LKML404", "`internal`"},
      {"courses_company", {"courses.total_price"}, companyUser(2), {}, "LKML404", "`internal`"},
      {"companies_company", {"companies.plan"}, companyUser(2), {}, "LKML404", "`internal`"},
      {"companies_company",
       {"companies.name"},
       companyUser(2),
       {{"companies.plan", "starter"}},
       "LKML404",
       "`internal`"},
      {"enrollments_client", {"users.email"}, clientUser(2), {}, "LKML403", "`fields`"},
      {"users_client",
       {"users.id"},
       clientUser(2),
       {{"users.last_name", "%"}},
       "LKML403",
       "`fields`"},
      {"enrollments_company",
       {"enrollments.count"},
       {{"access_level", "company"}},
       {},
       "LKML407",
       "company_id"},
      {"enrollments_client", {"enrollments.count"}, {}, {}, "LKML401", "no `access_level`"},
      {"enrollments_client",
       {"enrollments.count"},
       {{"access_level", "Client"}},
       {},
       "LKML401",
       "`client`"},
  };
  for (const Case& c : cases) {
    test::Outcome out = test::compileLooker(c.explore, c.fields, c.user, c.filters);
    EXPECT_FALSE(out.ok) << c.explore << "\n" << out.sql;
    EXPECT_TRUE(out.sql.empty());
    EXPECT_THAT(out.errors, HasSubstr(c.code)) << c.explore;
    EXPECT_THAT(out.errors, HasSubstr(c.mention)) << c.explore;
  }
}

TEST_F(LookerSqlTest, JoinGrantDenialAndPass) {
  test::ProjectUnderTest fixture = test::loadProject(fixture_dir_.string());
  ASSERT_TRUE(fixture.project);
  Query query;
  query.explore = "companies";
  query.fields = {"companies.name", "users.count"};
  test::Outcome denied = test::compileOn(*fixture.project, query, {{"access_level", "company"}});
  EXPECT_FALSE(denied.ok);
  EXPECT_TRUE(denied.sql.empty());
  EXPECT_THAT(denied.errors, HasSubstr("LKML412"));
  EXPECT_THAT(denied.errors, HasSubstr("join `users`"));
  EXPECT_THAT(denied.errors, HasSubstr("`pii`"));
  query.fields = {"companies.name", "companies.count"};
  query.filters = {{"users.id", ">5"}};
  EXPECT_THAT(test::compileOn(*fixture.project, query, {{"access_level", "company"}}).errors,
              HasSubstr("LKML412"));
  query.filters.clear();
  query.fields = {"companies.name", "users.count"};
  test::Outcome passed = test::compileOn(*fixture.project, query, {{"access_level", "internal"}});
  ASSERT_TRUE(passed.ok) << passed.errors;
  expectSameRows(passed.sql,
                 "SELECT c.name, count(u.id) FROM companies c LEFT JOIN users u ON "
                 "u.company_id = c.id GROUP BY 1");
}

// ---- injection ------------------------------------------------------------------------------

TEST_F(LookerSqlTest, InjectionAttemptsMatchLiteralsAndChangeNothing) {
  const Rows before = snapshot();
  // Filter values are literals: they match the row holding that exact text, or nothing.
  expectFilter("users_internal", "users.id", {{"users.first_name", "x' OR '1'='1"}}, "users",
               "id = 103");
  expectFilter("users_internal", "users.id", {{"users.first_name", "1; DROP TABLE users; --"}},
               "users", "FALSE");
  expectFilter("users_internal", "users.id",
               {{"users.first_name", "x'; DROP TABLE users; --,%' OR ''='"}}, "users", "FALSE");
  expectFilter("users_internal", "users.id", {{"users.role", "admin') OR ('1'='1"}}, "users",
               "FALSE");
  expectFilter("users_internal", "users.id", {{"users.first_name", "\\'; DROP TABLE users; --"}},
               "users", "FALSE");
  expectFilter("users_internal", "users.id",
               {{"users.first_name", "^{^{ _user_attributes['company_id'] ^}^}"}}, "users",
               "id = 104");
  expectFilter("enrollments_internal", "enrollments.id",
               {{"enrollments.enrolled_date", "2024-01-01 to 2024-01-02"},
                {"courses.title", "$$; DROP TABLE courses; --$$"}},
               "enrollments", "FALSE");
  // Unparseable values are refused before any SQL exists.
  for (const auto& [field, value] : std::vector<std::pair<std::string, std::string>>{
           {"users.id", "1; DROP TABLE users; --"},
           {"users.id", "1 OR 1=1"},
           {"users.created_date", "2024-01-01'); DROP TABLE users; --"},
           {"users.has_logged_in", "yes' OR '1'='1"},
           {"users.first_name", "{{ _user_attributes['company_id'] }}"},
           {"users.first_name", "{% if true %}x{% endif %}"}}) {
    test::Outcome out =
        test::compileLooker("users_internal", {"users.id"}, kInternal, {{field, value}});
    EXPECT_FALSE(out.ok) << field << "=" << value << "\n" << out.sql;
    EXPECT_TRUE(out.sql.empty());
  }
  // User attributes: only a number fits the number access_filter field; grants compare exactly.
  for (const char* value :
       {"2 OR 1=1", "2; DROP TABLE users; --", "2)", "'2'", "2 ", "", "0x10", "{{ 2 }}"}) {
    test::Outcome out = test::compileLooker("enrollments_company", {"enrollments.count"},
                                            {{"access_level", "company"}, {"company_id", value}});
    EXPECT_FALSE(out.ok) << "company_id=" << value << "\n" << out.sql;
    EXPECT_TRUE(out.sql.empty());
  }
  for (const char* level : {"internal' OR '1'='1", "company ", "internal,company"}) {
    test::Outcome out = test::compileLooker("users_company", {"users.id"},
                                            {{"access_level", level}, {"company_id", "2"}});
    EXPECT_FALSE(out.ok) << "access_level=" << level;
    EXPECT_THAT(out.errors, HasSubstr("LKML401"));
  }
  EXPECT_EQ(snapshot(), before);
}

// ---- robustness: random queries run -------------------------------------------------------

TEST_F(LookerSqlTest, RandomQueriesRunOnPostgres) {
  const semantic::Model* model = test::lookerProject().project.findModel("ti");
  ASSERT_NE(model, nullptr);
  std::mt19937 rng(7);
  int ran = 0;
  for (const auto& explore : model->explores) {
    if (explore.extension_required || explore.name.find("_internal") == std::string::npos) continue;
    semantic::ExploreScope scope(*model, explore);
    std::vector<std::string> pool;
    for (const auto& entry : scope.entries()) {
      for (const auto& field : entry.view->fields) {
        if (field.kind == semantic::FieldKind::Dimension ||
            field.kind == semantic::FieldKind::Measure) {
          pool.push_back(entry.alias + "." + field.name);
        }
      }
    }
    for (int i = 0; i < 25; ++i) {
      std::vector<std::string> fields;
      int count = std::uniform_int_distribution<int>(1, 6)(rng);
      for (int k = 0; k < count; ++k) {
        fields.push_back(pool[std::uniform_int_distribution<size_t>(0, pool.size() - 1)(rng)]);
      }
      test::Outcome out = test::compileLooker(explore.name, fields, kInternal);
      ASSERT_TRUE(out.ok) << out.errors;
      try {
        runGenerated(out.sql + " LIMIT 50");
        ++ran;
      } catch (const std::exception& e) {
        ADD_FAILURE() << e.what() << "\n" << out.sql;
      }
    }
  }
  EXPECT_EQ(ran, 125);
}

// ---- lkml query end to end ------------------------------------------------------------------

TEST_F(LookerSqlTest, QueryCommandJson) {
  std::string out, err;
  int code = lkml("query " + lkml::test::sourceDir() +
                      "/looker --explore courses_internal --access-level internal "
                      "--fields companies.name,courses.title,courses.count,courses.average_price "
                      "--sort courses.title --format json",
                  &out, &err);
  ASSERT_EQ(code, 0) << err;
  auto json = nlohmann::json::parse(out, nullptr, false);
  ASSERT_TRUE(json.is_array()) << out;
  Rows want =
      run("SELECT c.name, k.title, k.price FROM courses k JOIN companies c ON c.id = k.company_id "
          "ORDER BY k.title");
  ASSERT_EQ(json.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    const auto& row = json[i];
    ASSERT_TRUE(row.is_object());
    EXPECT_EQ(row.size(), 4u);
    EXPECT_EQ(row["companies.name"], want[i][0]);
    EXPECT_EQ(row["courses.title"], want[i][1]);
    EXPECT_TRUE(row["courses.count"].is_number_integer()) << row.dump();
    EXPECT_EQ(row["courses.count"], 1);
    if (want[i][2] == "<NULL>") {
      EXPECT_TRUE(row["courses.average_price"].is_null()) << row.dump();
    } else {
      ASSERT_TRUE(row["courses.average_price"].is_number()) << row.dump();
      EXPECT_NEAR(row["courses.average_price"].get<double>(), std::stod(want[i][2]), 1e-6);
    }
  }
  EXPECT_THAT(out, HasSubstr("\"渡辺テック研修\""));  // UTF-8 intact, not \u-escaped
  EXPECT_THAT(out, HasSubstr("\"Ünïcødé, \\\"quoted\\\" & 50%_off\""));
  EXPECT_THAT(out, HasSubstr("\"Two\\nLines\""));
}

TEST_F(LookerSqlTest, QueryCommandCsv) {
  std::string out, err;
  int code = lkml("query " + lkml::test::sourceDir() +
                      "/looker --explore courses_company --access-level company "
                      "--user-attribute company_id=6 --fields courses.title,companies.name,"
                      "enrollments.count --sort courses.title --format csv",
                  &out, &err);
  ASSERT_EQ(code, 0) << err;
  EXPECT_EQ(
      out,
      "courses.title,companies.name,enrollments.count\r\n"
      "Free course,\"Back\\slash \"\"Quotes\"\" 100%_Co, Ltd.\",2\r\n"
      "\"Two\nLines\",\"Back\\slash \"\"Quotes\"\" 100%_Co, Ltd.\",0\r\n"
      "\"Ünïcødé, \"\"quoted\"\" & 50%_off\",\"Back\\slash \"\"Quotes\"\" 100%_Co, Ltd.\",2\r\n");
}

TEST_F(LookerSqlTest, QueryCommandTable) {
  std::string out, err;
  int code = lkml("query " + lkml::test::sourceDir() +
                      "/looker --explore companies_internal --access-level internal "
                      "--fields companies.id,companies.name,users.count --sort companies.id "
                      "--format table",
                  &out, &err);
  ASSERT_EQ(code, 0) << err;
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < out.size()) {
    size_t end = out.find('\n', start);
    lines.push_back(out.substr(start, end - start));
    start = end + 1;
  }
  ASSERT_EQ(lines.size(), 9u) << out;
  EXPECT_EQ(lines[0].rfind("companies.id | companies.name", 0), 0u) << out;
  EXPECT_THAT(lines[1], HasSubstr("-+-"));
  EXPECT_THAT(lines[4], HasSubstr("渡辺テック研修"));
  EXPECT_THAT(lines[4], HasSubstr("| 8"));
  EXPECT_EQ(lines[8], "(6 rows)");
  // Columns line up: every "|" sits at the same display column on each line.
  auto columns = [](const std::string& line) {
    std::vector<size_t> bars;
    size_t col = 0;
    for (size_t i = 0; i < line.size();) {
      unsigned char c = static_cast<unsigned char>(line[i]);
      size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
      if (line[i] == '|' || line[i] == '+') bars.push_back(col);
      col += (len == 3 && c >= 0xE3) ? 2 : 1;  // CJK in this data is 3-byte, >= U+3000
      i += len;
    }
    return bars;
  };
  for (size_t i = 1; i < 8; ++i) EXPECT_EQ(columns(lines[i]), columns(lines[0])) << out;
}

TEST_F(LookerSqlTest, QueryCommandRefusalAndBadDatabase) {
  std::string out, err;
  EXPECT_EQ(lkml("query " + lkml::test::sourceDir() +
                     "/looker --explore courses_company --access-level company "
                     "--user-attribute company_id=2 --fields courses.price",
                 &out, &err),
            1);
  EXPECT_THAT(err, HasSubstr("LKML404"));
  EXPECT_EQ(out, "");

  int code = lkml("query " + lkml::test::sourceDir() +
                      "/looker --explore companies_internal --access-level internal "
                      "--fields companies.name "
                      "--db postgresql://lkml_user:S3cretPw0rd@127.0.0.1:1/no_such_db",
                  &out, &err);
  EXPECT_EQ(code, 3) << err;
  EXPECT_EQ(out, "");
  EXPECT_THAT(err, HasSubstr("127.0.0.1"));
  EXPECT_THAT(err, HasSubstr("port 1"));
  EXPECT_THAT(err, HasSubstr("no_such_db"));
  EXPECT_THAT(err, Not(HasSubstr("S3cretPw0rd")));
}

TEST_F(LookerSqlTest, QueryCommandTimeout) {
  std::string out, err;
  auto start = std::chrono::steady_clock::now();
  int code = lkml("query " + fixture_dir_.string() +
                      " --explore slow --fields slow.id --timeout 0.3 --access-level internal",
                  &out, &err);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(code, 3) << err;
  EXPECT_LT(seconds, 4.0);
  EXPECT_THAT(err, HasSubstr("timeout"));
  EXPECT_EQ(out, "");
}

}  // namespace
}  // namespace lkml::codegen
