// SnowflakeDialect: what it overrides from PostgresDialect (literals with hostile input, dates,
// timeframes, durations, symmetric aggregates, list) and what it inherits (percentile, limit).
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "codegen/dialects/dialect_registry.h"
#include "codegen/dialects/snowflake_dialect.h"
#include "codegen/sql_lexical_state.h"

namespace lkml::codegen {
namespace {

const SnowflakeDialect sf;

TEST(SnowflakeDialectLiterals, HostileStringsStayLiterals) {
  EXPECT_EQ(findDialect("Snowflake"), findDialect("snowflake"));
  EXPECT_EQ(findDialect("snowflake")->name(), "snowflake");
  EXPECT_EQ(sf.columnAlias("users.count"), "\"users.count\"");
  EXPECT_EQ(sf.quoteIdentifier("a\"b"), "\"a\"\"b\"");
  EXPECT_EQ(sf.stringLiteral("O'Brien"), "'O''Brien'");
  // Snowflake always reads backslash escapes in '...': `\'` must not end the literal.
  EXPECT_EQ(sf.stringLiteral("a\\"), "'a\\\\'");
  EXPECT_EQ(sf.stringLiteral("\\'; DROP TABLE t; --"), "'\\\\''; DROP TABLE t; --'");
  EXPECT_EQ(sf.stringLiteral("l1\nl2\r\t"), "'l1\\nl2\\r\\t'");
  EXPECT_EQ(sf.stringLiteral(std::string("a\x01z")), "'a\\x01z'");
  EXPECT_THROW(sf.stringLiteral(std::string_view("a\0", 2)), std::invalid_argument);
  EXPECT_EQ(sf.timestampLiteral("2024-03-01"), "TO_TIMESTAMP('2024-03-01')");
  EXPECT_EQ(sf.castToText("x"), "CAST(x AS VARCHAR)");
  EXPECT_EQ(sf.like("x", "q^_ml%", false, false), "x LIKE 'q^_ml%' ESCAPE '^'");
  EXPECT_EQ(sf.like("x", "%a\\%", false, false), "x LIKE '%a\\\\%' ESCAPE '^'");
}

TEST(SnowflakeDialectDates, DateaddAndTimeframes) {
  EXPECT_EQ(sf.currentTimestamp(""), "CURRENT_TIMESTAMP()");
  EXPECT_EQ(sf.currentTimestamp("UTC"),
            "CONVERT_TIMEZONE('UTC', CURRENT_TIMESTAMP())::TIMESTAMP_NTZ");
  EXPECT_EQ(sf.addInterval("x", -6, DateUnit::Day), "DATEADD(day, -6, x)");
  EXPECT_EQ(sf.addInterval("x", 2, DateUnit::Quarter), "DATEADD(quarter, 2, x)");
  EXPECT_EQ(sf.addInterval("x", 0, DateUnit::Year), "x");
  EXPECT_EQ(sf.truncate(DateUnit::Week, "x", Weekday::Monday), "DATE_TRUNC('week', x)");
  EXPECT_EQ(sf.truncate(DateUnit::Week, "x", Weekday::Sunday),
            "DATEADD(day, -1, DATE_TRUNC('week', DATEADD(day, 1, x)))");
  EXPECT_EQ(sf.epochToTimestamp("e"), "TO_TIMESTAMP(e)");
  EXPECT_EQ(sf.yyyymmddToDate("d"), "TO_DATE(CAST(d AS VARCHAR), 'YYYYMMDD')");
  EXPECT_EQ(sf.timeframeSql(Timeframe::Month, "x"), "TO_CHAR(DATE_TRUNC('month', x), 'YYYY-MM')");
  EXPECT_EQ(sf.timeframeSql(Timeframe::DayOfWeek, "x"),
            "DECODE(DAYNAME(x), 'Mon', 'Monday', 'Tue', 'Tuesday', 'Wed', 'Wednesday', 'Thu', "
            "'Thursday', 'Fri', 'Friday', 'Sat', 'Saturday', 'Sun', 'Sunday')");
  EXPECT_EQ(sf.timeframeSql(Timeframe::MonthName, "x"), "TO_CHAR(x, 'MMMM')");
  EXPECT_EQ(sf.timeframeSql(Timeframe::Millisecond, "x"),
            "TO_CHAR(DATE_TRUNC('millisecond', x), 'YYYY-MM-DD HH24:MI:SS.FF3')");
  EXPECT_EQ(sf.timeframeSql(Timeframe::Microsecond, "x"),
            "TO_CHAR(DATE_TRUNC('microsecond', x), 'YYYY-MM-DD HH24:MI:SS.FF6')");
  EXPECT_EQ(sf.timeframeSql(TimeframeSpec{Timeframe::HourN, 6}, "x", TimeframeOptions{}),
            "TO_CHAR(DATEADD(hour, -MOD(EXTRACT(HOUR FROM x)::integer, 6), DATE_TRUNC('hour', "
            "x)), 'YYYY-MM-DD HH24')");
  EXPECT_EQ(sf.timeframeSql(TimeframeSpec{Timeframe::FiscalYear, 1}, "x",
                            TimeframeOptions{Weekday::Monday, 3}),
            "EXTRACT(YEAR FROM DATEADD(month, -3, (x)))::integer");
}

TEST(SnowflakeDurations, DatediffFloored) {
  const std::string s = "CAST(a AS TIMESTAMP)", e = "CAST(b AS TIMESTAMP)";
  EXPECT_EQ(sf.duration(DateUnit::Hour, "a", "b"),
            "CAST(FLOOR(DATEDIFF(microsecond, " + s + ", " + e + ") / 3600000000.0) AS BIGINT)");
  EXPECT_EQ(sf.duration(DateUnit::Month, "a", "b"),
            "(DATEDIFF(month, " + s + ", " + e + ") - CASE WHEN DATEADD(month, DATEDIFF(month, " +
                s + ", " + e + "), " + s + ") > " + e + " THEN 1 ELSE 0 END)");
}

TEST(SnowflakeAggregates, SymmetricPercentileListLimit) {
  const std::string hash =
      "(TO_NUMBER(MD5(pk), 'XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX') % 1.0e27)::NUMERIC(38, 0)";
  EXPECT_EQ(sf.hashKeyToNumeric("pk"), hash);
  EXPECT_EQ(sf.symmetricSum("v", "pk"),
            "COALESCE(CAST((SUM(DISTINCT (CAST(FLOOR(COALESCE(v, 0) * (1000000*1.0)) AS "
            "DECIMAL(38,0))) + " +
                hash + ") - SUM(DISTINCT " + hash +
                ")) AS DOUBLE PRECISION) / CAST((1000000*1.0) AS DOUBLE PRECISION), 0)");
  EXPECT_EQ(sf.median("x"), "PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY x)");
  EXPECT_EQ(
      sf.listAggregate("x", ", "),
      "LISTAGG(DISTINCT CAST(x AS VARCHAR), ', ') WITHIN GROUP (ORDER BY CAST(x AS VARCHAR))");
  EXPECT_EQ(sf.limitClause(10), "LIMIT 10");
}

TEST(SnowflakeLexicalRules, SlashCommentsAndBackslashes) {
  auto at = [](std::string_view sql) {
    return lexicalStateAtEnd(sql, sf.lexicalDialect()).position;
  };
  EXPECT_EQ(at("x = 'it\\'s "), SqlPosition::StringLiteral);
  EXPECT_EQ(at("// it's\nx = "), SqlPosition::Code);
  EXPECT_EQ(at("x = \"it's"), SqlPosition::QuotedIdentifier);
  EXPECT_EQ(at("x = $$it's"), SqlPosition::DollarQuoted);
  EXPECT_EQ(at("x = 'a\\"), SqlPosition::Unknown);
}

}  // namespace
}  // namespace lkml::codegen
