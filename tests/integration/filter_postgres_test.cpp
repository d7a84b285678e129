// Filter predicates and dialect SQL evaluated on a real PostgreSQL: the rows each filter
// selects are compared with an explicit id list or an independently written predicate.
// Needs a server from the PG* environment (CI runs it under pg_virtualenv); a failed
// connection fails the tests. With LKML_TEST_DIALECT=duckdb (ctest filter_postgres_test_duckdb)
// the same tables are created in an empty DuckDB database, filters are rendered with the DuckDB
// dialect and both they and the independent predicates run there; skipped only without node.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "codegen/dialects/dialect_registry.h"
#include "codegen/dialects/postgres_dialect.h"
#include "codegen/filter_expression.h"
#include "tests/support/duckdb_mirror.h"

namespace lkml::codegen {
namespace {

using Ids = std::vector<int>;
using Texts = std::vector<std::string>;  // one row as text, libpq's spelling (booleans t/f)

class FilterPostgresTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (lkml::test::testDialectName() == "duckdb") {
      setUpDuckDb();
      return;
    }
    try {
      connection_ = std::make_unique<pqxx::connection>("");
      pqxx::work tx(*connection_);
      tx.exec(kTablesSql);
      tx.commit();
    } catch (const std::exception& e) {
      connection_.reset();
      setupError_ = e.what();
    }
  }

  // DuckDB reads this DDL as written: numeric is DECIMAL(18,3) there, enough for t_num.
  static constexpr const char* kTablesSql = R"sql(
        CREATE TEMP TABLE t_str (id int PRIMARY KEY, s text);
        INSERT INTO t_str VALUES
          (1, 'FOO'), (2, 'BAR'), (3, 'FOOD'), (4, 'foo'), (5, NULL), (6, ''), (7, 'Zoë'),
          (8, 'O''Brien'), (9, '100%'), (10, 'q_ml'), (11, 'qxml'), (12, 'a,b'), (13, '-FOO'),
          (14, 'NULL'), (15, 'x''; DROP TABLE t_str; --'), (16, 'back\slash'),
          (17, 't-shirt, red'), (18, 'caret^'), (19, ' spaced '), (20, 'zoë'), (21, 'say "hi"');
        CREATE TEMP TABLE t_num (id int PRIMARY KEY, n numeric);
        INSERT INTO t_num VALUES (1, 1), (2, 3), (3, 5), (4, 5.5), (5, 10), (6, NULL), (7, -2),
          (8, 80.44), (9, 100), (10, 0.1), (11, 30), (12, 40), (13, 1e6);
        CREATE TEMP TABLE t_ts (id int PRIMARY KEY, ts timestamp);
        INSERT INTO t_ts VALUES (1, '2024-02-29 23:59:59'), (2, '2024-03-01 00:00:00'),
          (3, '2024-03-01 10:30:15'), (4, '2024-03-31 23:59:59.999'), (5, '2024-04-01'),
          (6, '2023-12-31 12:00'), (7, NULL), (8, '2024-06-01'), (9, '2024-03-01 10:30:59'),
          (10, '2024-03-03 12:00'), (11, '2024-03-04 00:00'), (12, '2024-07-01');
        CREATE TEMP TABLE t_rel (id int PRIMARY KEY, ts timestamptz);
        INSERT INTO t_rel VALUES
          (1, date_trunc('day', now()) + interval '12 hours'),
          (2, date_trunc('day', now()) - interval '2 days' + interval '12 hours'),
          (3, date_trunc('day', now()) - interval '10 days' + interval '12 hours'),
          (4, date_trunc('day', now()) - interval '40 days' + interval '12 hours'),
          (5, date_trunc('week', now()) + interval '1 hour'),
          (6, date_trunc('week', now()) - interval '6 days'),
          (7, date_trunc('month', now()) + interval '1 hour'),
          (8, date_trunc('month', now()) - interval '1 month' + interval '1 hour'),
          (9, NULL),
          (10, date_trunc('day', now()) - interval '3 days' + interval '12 hours'),
          (11, date_trunc('day', now()) - interval '4 days' + interval '12 hours'),
          (12, date_trunc('day', now()) + interval '1 day' + interval '1 hour'),
          (13, date_trunc('year', now()) - interval '1 year' + interval '1 day');
      )sql";

  static void setUpDuckDb() {
    dialect_ = findDialect("duckdb");
    skipReason_ = lkml::test::DuckDbMirror::unavailableReason();
    if (!skipReason_.empty()) return;
    duckdb_ = std::make_unique<lkml::test::DuckDbMirror>();
    duckdb_->startEmpty();
    std::string error;
    duckdb_->run(kTablesSql, &error);
    if (!error.empty()) {
      duckdb_.reset();
      setupError_ = error;
    }
  }

  static void TearDownTestSuite() {
    connection_.reset();
    duckdb_.reset();
  }

  static bool onDuckDb() { return lkml::test::testDialectName() == "duckdb"; }

  void SetUp() override {
    if (onDuckDb()) {
      if (!skipReason_.empty()) GTEST_SKIP() << "DuckDB run skipped: " << skipReason_;
      ASSERT_TRUE(duckdb_ && dialect_) << "cannot set up the DuckDB tables: " << setupError_;
      return;
    }
    ASSERT_TRUE(connection_) << "cannot connect to PostgreSQL through the PG* environment "
                                "(run under pg_virtualenv): "
                             << setupError_;
  }

  /// Runs statements (no rows wanted) on the database under test.
  static void exec(const std::string& sql) {
    if (duckdb_) {
      std::string error;
      duckdb_->run(sql, &error);
      EXPECT_EQ(error, "") << "DuckDB rejected:\n" << sql;
      return;
    }
    pqxx::work tx(*connection_);
    tx.exec(sql);
    tx.commit();
  }

  /// The single row `sql` returns, as text ("NULL" for NULL).
  static Texts row1(const std::string& sql) {
    Texts texts;
    if (duckdb_) {
      std::string error;
      const auto rows = duckdb_->run(sql, &error);
      EXPECT_EQ(error, "") << "DuckDB rejected:\n" << sql;
      EXPECT_EQ(rows.size(), 1u) << sql;
      if (rows.size() != 1) return texts;
      for (const auto& cell : rows[0]) texts.push_back(cell ? *cell : "NULL");
      return texts;
    }
    pqxx::work tx(*connection_);
    const auto row = tx.exec1(sql);
    tx.commit();
    for (const auto& field : row) texts.push_back(field.is_null() ? "NULL" : field.c_str());
    return texts;
  }

  static Ids query(const std::string& sql) {
    if (duckdb_) {
      std::string error;
      Ids ids;
      for (const auto& cells : duckdb_->run(sql, &error)) {
        EXPECT_TRUE(!cells.empty() && cells[0]) << sql;
        if (!cells.empty() && cells[0]) ids.push_back(std::stoi(*cells[0]));
      }
      EXPECT_EQ(error, "") << "DuckDB rejected:\n" << sql;
      return ids;
    }
    pqxx::work tx(*connection_);
    Ids ids;
    for (const auto& row : tx.exec(sql)) ids.push_back(row[0].as<int>());
    tx.commit();
    return ids;
  }

  /// The ids of `table` where `predicate` holds.
  static Ids where(const std::string& table, const std::string& predicate) {
    return query("SELECT id FROM " + table + " WHERE (" + predicate + ") ORDER BY id");
  }

  /// The ids the filter `expr` selects on `table.column`.
  static Ids filter(const std::string& table, const std::string& column, std::string_view expr,
                    FilterType type, const FilterContext& ctx = {}) {
    auto parsed = parseFilterExpression(expr, type);
    if (const auto* error = std::get_if<FilterError>(&parsed)) {
      ADD_FAILURE() << "`" << expr << "` did not parse: " << error->message;
      return {};
    }
    const std::string sql =
        renderFilter(std::get<FilterExpr>(parsed), "(" + column + ")", *dialect_, ctx);
    return where(table, sql.empty() ? "TRUE" : sql);
  }

  static Ids strings(std::string_view expr, const FilterContext& ctx = {}) {
    return filter("t_str", "s", expr, FilterType::String, ctx);
  }
  static Ids numbers(std::string_view expr) {
    return filter("t_num", "n", expr, FilterType::Number);
  }
  static Ids dates(std::string_view expr) { return filter("t_ts", "ts", expr, FilterType::Date); }
  static Ids relative(std::string_view expr) {
    return filter("t_rel", "ts", expr, FilterType::Date);
  }

  static std::unique_ptr<pqxx::connection> connection_;
  static std::unique_ptr<lkml::test::DuckDbMirror> duckdb_;  // set in DuckDB mode
  static std::string setupError_;
  static std::string skipReason_;
  static const PostgresDialect postgres_;
  static const Dialect* dialect_;  // postgres_, or DuckDB's in DuckDB mode
};

std::unique_ptr<pqxx::connection> FilterPostgresTest::connection_;
std::unique_ptr<lkml::test::DuckDbMirror> FilterPostgresTest::duckdb_;
std::string FilterPostgresTest::setupError_;
std::string FilterPostgresTest::skipReason_;
const PostgresDialect FilterPostgresTest::postgres_;
const Dialect* FilterPostgresTest::dialect_ = &FilterPostgresTest::postgres_;

TEST_F(FilterPostgresTest, StringForms) {
  EXPECT_EQ(strings("FOO"), (Ids{1}));
  EXPECT_EQ(strings("FOO,BAR"), (Ids{1, 2}));
  EXPECT_EQ(strings("%FOO%"), (Ids{1, 3, 13}));
  EXPECT_EQ(strings("FOO%"), (Ids{1, 3}));
  EXPECT_EQ(strings("%FOO"), (Ids{1, 13}));
  EXPECT_EQ(strings("F%OD"), (Ids{3}));
  EXPECT_EQ(strings("_OO"), (Ids{1}));
  EXPECT_EQ(strings("EMPTY"), (Ids{5, 6}));
  EXPECT_EQ(strings("NULL"), (Ids{5}));
  EXPECT_EQ(strings("-NULL"), where("t_str", "s IS NOT NULL"));
  EXPECT_EQ(strings("-EMPTY"), where("t_str", "s IS NOT NULL AND s <> ''"));
  EXPECT_EQ(strings("-FOO"), where("t_str", "s IS DISTINCT FROM 'FOO'"));
  EXPECT_EQ(strings("-%FOO%"), where("t_str", "s IS NULL OR strpos(s, 'FOO') = 0"));
  EXPECT_EQ(strings("FOO%,-FOOD"), (Ids{1}));
  EXPECT_EQ(strings("-FOO,-BAR,-NULL"),
            where("t_str", "s IS NOT NULL AND s NOT IN ('FOO', 'BAR')"));
  EXPECT_EQ(strings("%o%,-%B%,-EMPTY"), (Ids{4, 7, 20}));
  EXPECT_EQ(strings("'NULL'"), (Ids{14}));
  EXPECT_EQ(strings("-'NULL'"), where("t_str", "s IS DISTINCT FROM 'NULL'"));
  EXPECT_EQ(strings(""), where("t_str", "TRUE"));
}

TEST_F(FilterPostgresTest, StringEscapesAndSpecialCharacters) {
  EXPECT_EQ(strings("Zoë"), (Ids{7}));
  EXPECT_EQ(strings("%oë"), (Ids{7, 20}));
  EXPECT_EQ(strings("O'Brien"), (Ids{8}));
  EXPECT_EQ(strings("%'%"), (Ids{8, 15}));
  EXPECT_EQ(strings("100^%"), (Ids{9}));
  EXPECT_EQ(strings("%^%"), (Ids{9}));
  EXPECT_EQ(strings("%0^%"), (Ids{9}));
  EXPECT_EQ(strings("q^_ml"), (Ids{10}));
  EXPECT_EQ(strings("q_ml"), (Ids{10, 11}));
  EXPECT_EQ(strings("q^_%"), (Ids{10}));
  EXPECT_EQ(strings("-q^_ml^_%,-NULL"), where("t_str", "s IS NOT NULL"));
  EXPECT_EQ(strings("a^,b"), (Ids{12}));
  EXPECT_EQ(strings("^-FOO"), (Ids{13}));
  EXPECT_EQ(strings("\"t-shirt, red\""), (Ids{17}));
  EXPECT_EQ(strings("%^^"), (Ids{18}));
  EXPECT_EQ(strings("caret^^"), (Ids{18}));
  EXPECT_EQ(strings("^ spaced^ "), (Ids{19}));
  EXPECT_EQ(strings(" spaced "), Ids{});
  EXPECT_EQ(strings("back\\slash"), (Ids{16}));
  EXPECT_EQ(strings("%\\%"), (Ids{16}));
  EXPECT_EQ(strings("%k\\s%"), (Ids{16}));
  EXPECT_EQ(strings("say ^\"hi^\""), (Ids{21}));
  EXPECT_EQ(strings("\"say \\\"hi\\\"\""), (Ids{21}));
}

TEST_F(FilterPostgresTest, CaseInsensitiveStrings) {
  FilterContext ctx;
  ctx.caseSensitive = false;
  EXPECT_EQ(strings("foo", ctx), (Ids{1, 4}));
  EXPECT_EQ(strings("FOO%", ctx), (Ids{1, 3, 4}));
  EXPECT_EQ(strings("ZOË%", ctx), where("t_str", "LOWER(s) = LOWER('ZOË')"));
  EXPECT_EQ(strings("zoë", ctx), (Ids{7, 20}));
  EXPECT_EQ(strings("-foo,-NULL", ctx), where("t_str", "s IS NOT NULL AND LOWER(s) <> 'foo'"));
}

TEST_F(FilterPostgresTest, InjectionAttemptsStayLiterals) {
  EXPECT_EQ(strings("x'; DROP TABLE t_str; --"), (Ids{15}));
  EXPECT_EQ(strings("%'; DROP TABLE t_str; --"), (Ids{15}));
  EXPECT_EQ(strings("'; DROP TABLE t_str; --"), Ids{});
  EXPECT_EQ(strings("\\'; DROP TABLE t_str; --"), Ids{});
  EXPECT_EQ(strings("%\\'; DROP TABLE t_str; --"), Ids{});
  EXPECT_EQ(strings("$$; DROP TABLE t_str; $$"), Ids{});
  EXPECT_EQ(strings("\"'); DELETE FROM t_str; --\""), Ids{});
  EXPECT_EQ(query("SELECT count(*)::int FROM t_str"), (Ids{21}));

  // With standard_conforming_strings off, backslashes are escapes in '...': the E'' literals
  // keep meaning the same text. Not on DuckDB: it has no such setting (set_config is
  // PostgreSQL's) and a backslash is never an escape in its '...' literals.
  if (!onDuckDb()) {
    query("SELECT 1 FROM set_config('standard_conforming_strings', 'off', false)");
    EXPECT_EQ(strings("back\\slash"), (Ids{16}));
    EXPECT_EQ(strings("\\'; DROP TABLE t_str; --"), Ids{});
    EXPECT_EQ(strings("%\\'; DROP TABLE t_str; --%"), Ids{});
    query("SELECT 1 FROM set_config('standard_conforming_strings', 'on', false)");
    EXPECT_EQ(query("SELECT count(*)::int FROM t_str"), (Ids{21}));
  }

  for (const char* attack : {"1; DROP TABLE t_num", "1) OR (1=1", "1 OR 1=1"}) {
    EXPECT_TRUE(
        std::holds_alternative<FilterError>(parseFilterExpression(attack, FilterType::Number)))
        << attack;
  }
  EXPECT_TRUE(std::holds_alternative<FilterError>(
      parseFilterExpression("2024'; DROP TABLE t_ts; --", FilterType::Date)));
  EXPECT_EQ(query("SELECT count(*)::int FROM t_num"), (Ids{13}));
}

TEST_F(FilterPostgresTest, NumberForms) {
  EXPECT_EQ(numbers("5"), (Ids{3}));
  EXPECT_EQ(numbers("1, 3, 5"), (Ids{1, 2, 3}));
  EXPECT_EQ(numbers("NOT 5"), where("t_num", "n IS DISTINCT FROM 5"));
  EXPECT_EQ(numbers("<>5"), numbers("NOT 5"));
  EXPECT_EQ(numbers("!=5"), numbers("NOT 5"));
  EXPECT_EQ(numbers("NOT 1, 3, 5"), where("t_num", "n IS NULL OR n NOT IN (1, 3, 5)"));
  EXPECT_EQ(numbers(">5"), where("t_num", "n > 5"));
  EXPECT_EQ(numbers(">=5"), where("t_num", "n >= 5"));
  EXPECT_EQ(numbers("<5"), (Ids{1, 2, 7, 10}));
  EXPECT_EQ(numbers("<=5"), (Ids{1, 2, 3, 7, 10}));
  EXPECT_EQ(numbers("5 to 10"), (Ids{3, 4, 5}));
  EXPECT_EQ(numbers("1 to"), where("t_num", "n >= 1"));
  EXPECT_EQ(numbers("to 100"), where("t_num", "n <= 100"));
  EXPECT_EQ(numbers(">= 5.5 AND <= 10"), (Ids{4, 5}));
  EXPECT_EQ(numbers("<3 OR >80.44"), (Ids{1, 7, 9, 10, 13}));
  EXPECT_EQ(numbers("[1,100]"), where("t_num", "n BETWEEN 1 AND 100"));
  EXPECT_EQ(numbers("(1,100)"), where("t_num", "n > 1 AND n < 100"));
  EXPECT_EQ(numbers("(1,100]"), where("t_num", "n > 1 AND n <= 100"));
  EXPECT_EQ(numbers("[1,100)"), where("t_num", "n >= 1 AND n < 100"));
  EXPECT_EQ(numbers("(1,)"), where("t_num", "n > 1"));
  EXPECT_EQ(numbers("[,10]"), where("t_num", "n <= 10"));
  EXPECT_EQ(numbers("(1, inf)"), where("t_num", "n > 1"));
  EXPECT_EQ(numbers("(-inf,100]"), where("t_num", "n <= 100"));
  EXPECT_EQ(numbers("NOT [30,40]"), where("t_num", "n IS NULL OR n NOT BETWEEN 30 AND 40"));
  EXPECT_EQ(numbers("NULL"), (Ids{6}));
  EXPECT_EQ(numbers("NOT NULL"), where("t_num", "n IS NOT NULL"));
  EXPECT_EQ(numbers("[0,10],100"), (Ids{1, 2, 3, 4, 5, 9, 10}));
  EXPECT_EQ(numbers("NOT 10,[1,11)"), (Ids{1, 2, 3, 4}));
  EXPECT_EQ(numbers("-2"), (Ids{7}));
  EXPECT_EQ(numbers("0.10"), (Ids{10}));
  EXPECT_EQ(numbers("1e6"), (Ids{13}));
  EXPECT_EQ(numbers("8044e-2"), (Ids{8}));
}

TEST_F(FilterPostgresTest, AbsoluteDates) {
  EXPECT_EQ(dates("2024"), where("t_ts", "EXTRACT(YEAR FROM ts) = 2024"));
  EXPECT_EQ(dates("2024-03"), (Ids{2, 3, 4, 9, 10, 11}));
  EXPECT_EQ(dates("2024/03"), dates("2024-03"));
  EXPECT_EQ(dates("2024-03-01"), (Ids{2, 3, 9}));
  EXPECT_EQ(dates("2024-02-29"), (Ids{1}));
  EXPECT_EQ(dates("2024-03-01 10:30"), (Ids{3, 9}));
  EXPECT_EQ(dates("2024-03-01 10:30:15"), (Ids{3}));
  EXPECT_EQ(dates("2024-Q1"), (Ids{1, 2, 3, 4, 9, 10, 11}));
  EXPECT_EQ(dates("2024-Q2"), (Ids{5, 8}));
  EXPECT_EQ(dates("2024-03-01 to 2024-04-01"), dates("2024-03"));
  EXPECT_EQ(dates("2024-03-01 for 3 days"), (Ids{2, 3, 9, 10}));
  EXPECT_EQ(dates("before 2024-03-01"), (Ids{1, 6}));
  EXPECT_EQ(dates("after 2024-04-01"), (Ids{5, 8, 12}));
  EXPECT_EQ(dates("2023, 2024-06"), (Ids{6, 8}));
  EXPECT_EQ(dates("NULL"), (Ids{7}));
  EXPECT_EQ(dates("NOT NULL"), where("t_ts", "ts IS NOT NULL"));
  EXPECT_EQ(dates("2024-03-04 for 1 week"),
            where("t_ts", "ts >= '2024-03-04' AND ts < '2024-03-11'"));
}

TEST_F(FilterPostgresTest, RelativeDates) {
  EXPECT_EQ(relative("today"), where("t_rel", "ts::date = current_date"));
  EXPECT_EQ(relative("yesterday"), where("t_rel", "ts::date = current_date - 1"));
  EXPECT_EQ(relative("tomorrow"), where("t_rel", "ts::date = current_date + 1"));
  EXPECT_EQ(relative("7 days"),
            where("t_rel", "ts::date BETWEEN current_date - 6 AND current_date"));
  EXPECT_EQ(relative("last 7 days"),
            where("t_rel", "ts::date BETWEEN current_date - 7 AND current_date - 1"));
  EXPECT_EQ(relative("3 days ago"), where("t_rel", "ts::date = current_date - 3"));
  EXPECT_EQ(relative("before 3 days ago"), where("t_rel", "ts::date < current_date - 3"));
  EXPECT_EQ(relative("after 3 days ago"), where("t_rel", "ts::date >= current_date - 3"));
  EXPECT_EQ(relative("this week"),
            where("t_rel", "date_trunc('week', ts) = date_trunc('week', now())"));
  EXPECT_EQ(relative("last week"), where("t_rel",
                                         "date_trunc('week', ts) = date_trunc('week', now()) - "
                                         "interval '7 days'"));
  EXPECT_EQ(relative("this month"),
            where("t_rel", "date_trunc('month', ts) = date_trunc('month', now())"));
  EXPECT_EQ(relative("last month"), where("t_rel",
                                          "date_trunc('month', ts) = date_trunc('month', now()) "
                                          "- interval '1 month'"));
  EXPECT_EQ(relative("this year"),
            where("t_rel", "extract(year from ts) = extract(year from now())"));
  EXPECT_EQ(relative("last year"),
            where("t_rel", "extract(year from ts) = extract(year from now()) - 1"));
  EXPECT_EQ(relative("2 months ago for 2 months"),
            where("t_rel",
                  "ts >= date_trunc('month', now()) - interval '2 months' AND ts < "
                  "date_trunc('month', now())"));
  EXPECT_EQ(relative("before now"), where("t_rel", "ts < now()"));
  EXPECT_EQ(relative("NULL"), (Ids{9}));
  // Rows that must be present for the comparisons above to mean something.
  EXPECT_EQ(relative("7 days").size() >= 4, true);
  EXPECT_NE(
      std::find(relative("before 3 days ago").begin(), relative("before 3 days ago").end(), 11),
      relative("before 3 days ago").end());
}

TEST_F(FilterPostgresTest, WeekStartDay) {
  FilterContext ctx;
  ctx.weekStartDay = Weekday::Sunday;
  EXPECT_EQ(filter("t_rel", "ts", "this week", FilterType::Date, ctx),
            where("t_rel",
                  "ts::date BETWEEN current_date - EXTRACT(DOW FROM current_date)::int AND "
                  "current_date - EXTRACT(DOW FROM current_date)::int + 6"));
  // Saturday 2024-03-02 belongs to the week of Sunday 2024-02-25; Sunday 03-03 starts a week.
  EXPECT_EQ(
      query(
          "SELECT 1 WHERE " +
          dialect_->timeframeSql(Timeframe::Week, "TIMESTAMP '2024-03-02 10:00'", Weekday::Sunday) +
          " = '2024-02-25' AND " +
          dialect_->timeframeSql(Timeframe::Week, "TIMESTAMP '2024-03-03 00:00'", Weekday::Sunday) +
          " = '2024-03-03'"),
      (Ids{1}));
}

TEST_F(FilterPostgresTest, YesNo) {
  auto yes = std::get<FilterExpr>(parseFilterExpression("yes", FilterType::YesNo));
  auto no = std::get<FilterExpr>(parseFilterExpression("No", FilterType::YesNo));
  EXPECT_EQ(where("t_num", renderFilter(yes, "n > 5", *dialect_)), where("t_num", "n > 5"));
  EXPECT_EQ(where("t_num", renderFilter(no, "n > 5", *dialect_)),
            where("t_num", "n <= 5 OR n IS NULL"));
}

TEST_F(FilterPostgresTest, TimeframesRun) {
  const std::string ts = "TIMESTAMP '2024-03-04 13:45:30'";  // a Monday
  auto value = [&](Timeframe timeframe) {
    const Texts row = row1("SELECT (" + dialect_->timeframeSql(timeframe, ts) + ")::text");
    return row.empty() ? std::string("(no row)") : row[0];
  };
  EXPECT_EQ(value(Timeframe::Raw), "2024-03-04 13:45:30");
  EXPECT_EQ(value(Timeframe::Time), "2024-03-04 13:45:30");
  EXPECT_EQ(value(Timeframe::TimeOfDay), "13:45");
  EXPECT_EQ(value(Timeframe::Date), "2024-03-04");
  EXPECT_EQ(value(Timeframe::Week), "2024-03-04");
  EXPECT_EQ(value(Timeframe::Month), "2024-03");
  EXPECT_EQ(value(Timeframe::Quarter), "2024-01");
  EXPECT_EQ(value(Timeframe::Year), "2024");
  EXPECT_EQ(value(Timeframe::Hour), "2024-03-04 13");
  EXPECT_EQ(value(Timeframe::Minute), "2024-03-04 13:45");
  EXPECT_EQ(value(Timeframe::HourOfDay), "13");
  EXPECT_EQ(value(Timeframe::DayOfWeek), "Monday");
  EXPECT_EQ(value(Timeframe::DayOfWeekIndex), "0");
  EXPECT_EQ(value(Timeframe::DayOfMonth), "4");
  EXPECT_EQ(value(Timeframe::DayOfYear), "64");
  EXPECT_EQ(value(Timeframe::WeekOfYear), "10");
  EXPECT_EQ(value(Timeframe::MonthNum), "3");
  EXPECT_EQ(value(Timeframe::MonthName), "March");
  EXPECT_EQ(value(Timeframe::QuarterOfYear), "Q1");
}

TEST_F(FilterPostgresTest, SymmetricAggregatesMatchUnfannedTotals) {
  // DuckDB: numeric would be DECIMAL(18,3) (amount has 6 decimals), no serial type, and
  // generate_series needs a column alias.
  exec(onDuckDb() ? R"sql(
    CREATE TEMP TABLE s_orders (id int PRIMARY KEY, amount DECIMAL(18,6), price double precision);
    INSERT INTO s_orders
      SELECT g, (g * 1234567.891234) % 99999999.123456, (g * 0.1) + 123456.789012
      FROM generate_series(1, 2000) t(g);
    INSERT INTO s_orders VALUES (2001, NULL, NULL);
    CREATE TEMP TABLE s_items (id int PRIMARY KEY, order_id int);
    INSERT INTO s_items SELECT g, g % 2001 + 1 FROM generate_series(1, 7000) t(g);
  )sql"
                  : R"sql(
    CREATE TEMP TABLE s_orders (id int PRIMARY KEY, amount numeric, price double precision);
    INSERT INTO s_orders
      SELECT g, (g * 1234567.891234) % 99999999.123456, (g * 0.1) + 123456.789012
      FROM generate_series(1, 2000) g;
    INSERT INTO s_orders VALUES (2001, NULL, NULL);
    CREATE TEMP TABLE s_items (id serial PRIMARY KEY, order_id int);
    INSERT INTO s_items (order_id) SELECT g % 2001 + 1 FROM generate_series(1, 7000) g;
  )sql");
  const std::string fanned = " FROM s_orders o LEFT JOIN s_items i ON i.order_id = o.id";
  const std::string symmetric = "SELECT (" + dialect_->symmetricSum("o.amount", "o.id") +
                                ") AS amount, (" + dialect_->symmetricSum("o.price", "o.id") +
                                ") AS price, (" + dialect_->symmetricAverage("o.amount", "o.id") +
                                ") AS average, " + dialect_->countDistinct("o.id") +
                                " AS orders, SUM(o.amount) AS naive" + fanned;
  const Texts row =
      row1("WITH s AS (" + symmetric + "), p AS (SELECT SUM(amount) AS amount, SUM(price::" +
           (onDuckDb() ? "DECIMAL(38,6)" : "numeric") +
           ") AS price, AVG(amount) AS "
           "average, COUNT(*) AS orders FROM s_orders) "
           "SELECT s.amount = p.amount, s.price = ROUND(p.price, 6), "
           "ABS(s.average - p.average) < 0.000001, s.orders = p.orders, s.naive <> p.amount, "
           "s.amount::text, p.amount::text FROM s, p");
  ASSERT_EQ(row.size(), 7u);
  EXPECT_EQ(row[0], "t") << row[5] << " vs " << row[6];
  EXPECT_EQ(row[1], "t");
  EXPECT_EQ(row[2], "t");
  EXPECT_EQ(row[3], "t");
  EXPECT_EQ(row[4], "t");  // the join does fan out
}

TEST_F(FilterPostgresTest, DialectLiteralsRoundTrip) {
  for (const char* text : {"plain", "O'Brien", "back\\slash\\'", "Zoë", "''", "%_^", "$$"}) {
    EXPECT_EQ(row1("SELECT " + dialect_->stringLiteral(text)), (Texts{text}));
  }
  const Texts row =
      row1("SELECT 1 AS " + dialect_->quoteIdentifier("users.\"count\"") + ", " +
           dialect_->percentile("x", 0.5) + ", " + dialect_->listAggregate("x", ", ") +
           " FROM (VALUES (1), (2), (2), (10)) v(x)");
  ASSERT_EQ(row.size(), 3u);
  EXPECT_EQ(row[1], "2");
  EXPECT_EQ(row[2], "1, 10, 2");
}

}  // namespace
}  // namespace lkml::codegen
