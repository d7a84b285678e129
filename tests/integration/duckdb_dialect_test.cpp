// DuckDbDialect's SQL evaluated on DuckDB itself (through tests/tools/duckdb_run.mjs, see
// tests/support/duckdb_mirror.h; no PostgreSQL needed): exact symmetric aggregates over a
// fanned-out join, string literals and identifiers that round-trip, LIKE filters with the
// characters LIKE and SQL treat specially, injection attempts, and timeframe values. Expected
// values are explicit or computed by plain SQL over the un-fanned table. Skipped where node is
// not installed (`make test` installs the npm package).
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "codegen/dialects/dialect_registry.h"
#include "codegen/filter_expression.h"
#include "tests/support/duckdb_mirror.h"

namespace lkml::codegen {
namespace {

using Cells = std::vector<std::string>;

class DuckDbDialectTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    skip_reason_ = lkml::test::DuckDbMirror::unavailableReason();
    if (!skip_reason_.empty()) return;
    db_ = std::make_unique<lkml::test::DuckDbMirror>();
    db_->startEmpty();
    std::string error;
    db_->run(R"sql(
      CREATE TABLE t_str (id INTEGER PRIMARY KEY, s VARCHAR);
      INSERT INTO t_str VALUES
        (1, 'FOO'), (2, 'BAR'), (3, 'FOOD'), (4, 'foo'), (5, NULL), (6, ''), (7, 'Zoë'),
        (8, 'O''Brien'), (9, '100%'), (10, 'q_ml'), (11, 'qxml'), (12, 'a,b'), (13, '-FOO'),
        (14, 'NULL'), (15, 'x''; DROP TABLE t_str; --'), (16, 'back\slash'),
        (17, 't-shirt, red'), (18, 'caret^'), (19, ' spaced '), (20, 'zoë'), (21, 'say "hi"');
      CREATE TABLE s_orders (id INTEGER PRIMARY KEY, amount DECIMAL(18,6), price DOUBLE);
      INSERT INTO s_orders
        SELECT g, CAST((g * 1234567.891234) % 99999999.123456 AS DECIMAL(18,6)),
               (g * 0.1) + 123456.789012
        FROM range(1, 2001) t(g);
      INSERT INTO s_orders VALUES (2001, NULL, NULL);
      CREATE TABLE s_items (id INTEGER, order_id INTEGER);
      INSERT INTO s_items SELECT g, g % 2001 + 1 FROM range(1, 7001) t(g);
      SELECT 1
    )sql",
             &error);
    setup_error_ = error;
  }

  static void TearDownTestSuite() { db_.reset(); }

  void SetUp() override {
    if (!skip_reason_.empty()) GTEST_SKIP() << "DuckDB not available: " << skip_reason_;
    ASSERT_EQ(setup_error_, "");
  }

  static const Dialect& dialect() { return *findDialect("duckdb"); }

  /// The first column of every row ("<NULL>" for NULL); fails the test when DuckDB rejects.
  static Cells column(const std::string& sql) {
    std::string error;
    Cells out;
    for (const auto& row : db_->run(sql, &error)) out.push_back(row[0] ? *row[0] : "<NULL>");
    EXPECT_EQ(error, "") << sql;
    return out;
  }
  static std::string value(const std::string& sql) {
    Cells cells = column(sql);
    return cells.size() == 1 ? cells[0] : "<" + std::to_string(cells.size()) + " rows>";
  }

  /// The ids of t_str the string filter `expr` selects.
  static Cells strings(std::string_view expr, const FilterContext& ctx = {}) {
    auto parsed = parseFilterExpression(expr, FilterType::String);
    if (const auto* error = std::get_if<FilterError>(&parsed)) {
      ADD_FAILURE() << "`" << expr << "` did not parse: " << error->message;
      return {};
    }
    std::string sql = renderFilter(std::get<FilterExpr>(parsed), "(s)", dialect(), ctx);
    return column("SELECT id FROM t_str WHERE (" + (sql.empty() ? "TRUE" : sql) + ") ORDER BY id");
  }

  static std::unique_ptr<lkml::test::DuckDbMirror> db_;
  static std::string skip_reason_, setup_error_;
};

std::unique_ptr<lkml::test::DuckDbMirror> DuckDbDialectTest::db_;
std::string DuckDbDialectTest::skip_reason_, DuckDbDialectTest::setup_error_;

TEST_F(DuckDbDialectTest, RegisteredAsDuckdb) {
  ASSERT_NE(findDialect("duckdb"), nullptr);
  EXPECT_EQ(findDialect("DuckDB")->name(), "duckdb");
}

TEST_F(DuckDbDialectTest, SymmetricAggregatesMatchUnfannedTotalsExactly) {
  const Dialect& d = dialect();
  const std::string symmetric =
      "SELECT " + d.symmetricSum("o.amount", "o.id") + " AS amount, " +
      d.symmetricSum("o.price", "o.id") + " AS price, " + d.symmetricAverage("o.amount", "o.id") +
      " AS average, " + d.countDistinct("o.id") +
      " AS orders, SUM(o.amount) AS naive FROM s_orders o LEFT JOIN s_items i ON i.order_id = o.id";
  const std::string plain =
      "SELECT SUM(amount) AS amount, SUM(CAST(price AS DECIMAL(38,6))) AS price, "
      "AVG(amount) AS average, COUNT(*) AS orders FROM s_orders";
  // Exact: the DECIMAL sums are equal to the last digit, not merely close.
  EXPECT_EQ(value("WITH s AS (" + symmetric + "), p AS (" + plain +
                  ") SELECT (s.amount = p.amount) AND (s.price = p.price) AND "
                  "ABS(s.average - p.average) < 0.000001 AND s.orders = p.orders FROM s, p"),
            "t")
      << value("SELECT CAST(amount AS VARCHAR) FROM (" + symmetric + ")");
  EXPECT_EQ(value("WITH s AS (" + symmetric + "), p AS (" + plain +
                  ") SELECT s.naive <> p.amount FROM s, p"),
            "t");  // the join does fan out
  // No rows: 0 (SUM's NULL), as on PostgreSQL.
  EXPECT_EQ(value("SELECT CAST(" + d.symmetricSum("o.amount", "o.id") +
                  " AS DOUBLE) FROM s_orders o WHERE FALSE"),
            "0");
}

TEST_F(DuckDbDialectTest, LiteralsAndIdentifiersRoundTrip) {
  const Dialect& d = dialect();
  for (const char* text : {"plain", "O'Brien", "back\\slash\\'", "Zoë", "''", "%_^", "$$", "\\"}) {
    EXPECT_EQ(value("SELECT " + d.stringLiteral(text)), text);
  }
  std::string error;
  auto rows = db_->run("SELECT 1 AS " + d.quoteIdentifier("users.\"count\"") + ", " +
                           d.percentile("x", 0.5) + ", " + d.listAggregate("x", ", ") +
                           " FROM (VALUES (1), (2), (2), (10)) v(x)",
                       &error);
  ASSERT_EQ(error, "");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(*rows[0][1], "2");  // QUANTILE_CONT of 1, 2, 2, 10 (a DOUBLE)
  EXPECT_EQ(*rows[0][2], "1, 10, 2");
}

TEST_F(DuckDbDialectTest, StringFiltersEscapeLikeAndQuotes) {
  EXPECT_EQ(strings("FOO,BAR"), (Cells{"1", "2"}));
  EXPECT_EQ(strings("%FOO%"), (Cells{"1", "3", "13"}));
  EXPECT_EQ(strings("EMPTY"), (Cells{"5", "6"}));
  EXPECT_EQ(strings("O'Brien"), (Cells{"8"}));
  EXPECT_EQ(strings("100^%"), (Cells{"9"}));
  EXPECT_EQ(strings("q^_ml"), (Cells{"10"}));
  EXPECT_EQ(strings("q_ml"), (Cells{"10", "11"}));
  EXPECT_EQ(strings("a^,b"), (Cells{"12"}));
  EXPECT_EQ(strings("%^^"), (Cells{"18"}));
  EXPECT_EQ(strings("back\\slash"), (Cells{"16"}));
  EXPECT_EQ(strings("%\\%"), (Cells{"16"}));
  EXPECT_EQ(strings("%k\\s%"), (Cells{"16"}));
  EXPECT_EQ(strings("say ^\"hi^\""), (Cells{"21"}));
  FilterContext insensitive;
  insensitive.caseSensitive = false;
  EXPECT_EQ(strings("zoë", insensitive), (Cells{"7", "20"}));
}

TEST_F(DuckDbDialectTest, InjectionAttemptsStayLiterals) {
  EXPECT_EQ(strings("x'; DROP TABLE t_str; --"), (Cells{"15"}));
  EXPECT_EQ(strings("'; DROP TABLE t_str; --"), Cells{});
  EXPECT_EQ(strings("\\'; DROP TABLE t_str; --"), Cells{});
  EXPECT_EQ(strings("%\\'; DROP TABLE t_str; --"), Cells{});
  EXPECT_EQ(strings("$$; DROP TABLE t_str; $$"), Cells{});
  EXPECT_EQ(strings("\"'); DELETE FROM t_str; --\""), Cells{});
  EXPECT_EQ(value("SELECT count(*) FROM t_str"), "21");
}

TEST_F(DuckDbDialectTest, TimeframeValues) {
  const std::string ts = "TIMESTAMP '2024-03-04 13:47:30.123456'";
  auto at = [&](Timeframe timeframe, Weekday week_start = Weekday::Monday) {
    return value("SELECT CAST((" + dialect().timeframeSql(timeframe, ts, week_start) +
                 ") AS VARCHAR)");
  };
  EXPECT_EQ(at(Timeframe::Time), "2024-03-04 13:47:30");
  EXPECT_EQ(at(Timeframe::TimeOfDay), "13:47");
  EXPECT_EQ(at(Timeframe::Date), "2024-03-04");
  EXPECT_EQ(at(Timeframe::Week), "2024-03-04");
  EXPECT_EQ(at(Timeframe::Week, Weekday::Sunday), "2024-03-03");
  EXPECT_EQ(at(Timeframe::Month), "2024-03");
  EXPECT_EQ(at(Timeframe::Quarter), "2024-01");
  EXPECT_EQ(at(Timeframe::Year), "2024");
  EXPECT_EQ(at(Timeframe::Hour), "2024-03-04 13");
  EXPECT_EQ(at(Timeframe::Minute), "2024-03-04 13:47");
  EXPECT_EQ(at(Timeframe::DayOfWeek), "Monday");
  EXPECT_EQ(at(Timeframe::DayOfWeekIndex), "0");
  EXPECT_EQ(at(Timeframe::DayOfWeekIndex, Weekday::Sunday), "1");
  EXPECT_EQ(at(Timeframe::DayOfYear), "64");
  EXPECT_EQ(at(Timeframe::WeekOfYear), "10");
  EXPECT_EQ(at(Timeframe::MonthName), "March");
  EXPECT_EQ(at(Timeframe::QuarterOfYear), "Q1");
  EXPECT_EQ(value("SELECT CAST(" + dialect().yyyymmddToDate("20240229") + " AS VARCHAR)"),
            "2024-02-29");
  EXPECT_EQ(value("SELECT CAST(" + dialect().epochToTimestamp("86400") + " AS VARCHAR)"),
            "1970-01-02 00:00:00");
  EXPECT_EQ(value("SELECT " + dialect().duration(DateUnit::Day, "TIMESTAMP '2024-03-15 00:00'",
                                                 "TIMESTAMP '2024-01-10 12:00'")),
            "-65");
  EXPECT_EQ(value("SELECT " + dialect().duration(DateUnit::Month, "TIMESTAMP '2024-01-31 00:00'",
                                                 "TIMESTAMP '2024-02-28 00:00'")),
            "0");
}

}  // namespace
}  // namespace lkml::codegen
