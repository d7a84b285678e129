// RedshiftDialect: what it overrides from PostgresDialect (literals with hostile input, dates,
// timeframes, durations, symmetric aggregates, list) and the LKML460 sorted-aggregate rule.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "codegen/dialects/dialect_registry.h"
#include "codegen/dialects/redshift_dialect.h"

namespace lkml::codegen {
namespace {

const RedshiftDialect rs;

TEST(RedshiftDialectLiterals, BackslashesNeverInsideALiteral) {
  EXPECT_EQ(findDialect("redshift")->name(), "redshift");
  EXPECT_EQ(rs.columnAlias("users.count"), "\"users.count\"");
  EXPECT_EQ(rs.stringLiteral("O'Brien"), "'O''Brien'");
  EXPECT_EQ(rs.stringLiteral("a\\b"), "('a' || CHR(92) || 'b')");
  EXPECT_EQ(rs.stringLiteral("\\'; DROP TABLE t; --"), "('' || CHR(92) || '''; DROP TABLE t; --')");
  EXPECT_EQ(rs.stringLiteral("l1\nl2"), "'l1\nl2'");
  EXPECT_THROW(rs.stringLiteral(std::string_view("a\0", 2)), std::invalid_argument);
  EXPECT_EQ(rs.timestampLiteral("2024-03-01"), "TIMESTAMP '2024-03-01'");
  EXPECT_EQ(rs.castToText("x"), "CAST(x AS VARCHAR)");
  // PostgreSQL's LIKE spelling, with the backslash named as an ordinary character.
  EXPECT_EQ(rs.like("x", "%a\\%", false, false), "x LIKE ('%a' || CHR(92) || '%') ESCAPE '^'");
}

TEST(RedshiftDialectDates, GetdateDateaddAndTimeframes) {
  EXPECT_EQ(rs.currentTimestamp(""), "GETDATE()");
  EXPECT_EQ(rs.currentTimestamp("America/New_York"),
            "CONVERT_TIMEZONE('UTC', 'America/New_York', GETDATE())");
  EXPECT_EQ(rs.addInterval("x", -6, DateUnit::Day), "DATEADD(day, -6, x)");
  EXPECT_EQ(rs.truncate(DateUnit::Week, "x", Weekday::Saturday),
            "DATEADD(day, -2, DATE_TRUNC('week', DATEADD(day, 2, x)))");
  EXPECT_EQ(rs.epochToTimestamp("e"), "(TIMESTAMP 'epoch' + (e) * INTERVAL '1 second')");
  EXPECT_EQ(rs.timeframeSql(Timeframe::Date, "x"), "DATE(x)");
  EXPECT_EQ(rs.timeframeSql(Timeframe::DayOfWeek, "x"), "TRIM(TO_CHAR(x, 'Day'))");
  EXPECT_EQ(rs.timeframeSql(Timeframe::MonthName, "x"), "TRIM(TO_CHAR(x, 'Month'))");
  EXPECT_EQ(rs.timeframeSql(Timeframe::QuarterOfYear, "x"),
            "'Q' || CAST(EXTRACT(QUARTER FROM x)::integer AS VARCHAR)");
  EXPECT_EQ(rs.timeframeSql(TimeframeSpec{Timeframe::MinuteN, 15}, "x", TimeframeOptions{}),
            "TO_CHAR(DATEADD(minute, -MOD(EXTRACT(MINUTE FROM x)::integer, 15), "
            "DATE_TRUNC('minute', x)), 'YYYY-MM-DD HH24:MI')");
  EXPECT_EQ(rs.timeframeSql(TimeframeSpec{Timeframe::FiscalQuarter, 1}, "x",
                            TimeframeOptions{Weekday::Monday, 3}),
            "CAST(EXTRACT(YEAR FROM DATEADD(month, -3, (x)))::integer AS VARCHAR) || '-Q' || "
            "CAST(EXTRACT(QUARTER FROM DATEADD(month, -3, (x)))::integer AS VARCHAR)");
  EXPECT_EQ(rs.duration(DateUnit::Week, "a", "b"),
            "CAST(FLOOR(DATEDIFF(microsecond, CAST(a AS TIMESTAMP), CAST(b AS TIMESTAMP)) / "
            "604800000000.0) AS BIGINT)");
}

TEST(RedshiftAggregates, LookersStrtolHashListAndSortedAggregates) {
  const std::string hash =
      "CAST(STRTOL(LEFT(MD5(CAST(pk AS VARCHAR)),15),16) AS DECIMAL(38,0))* 1.0e8 + "
      "CAST(STRTOL(RIGHT(MD5(CAST(pk AS VARCHAR)),15),16) AS DECIMAL(38,0))";
  EXPECT_EQ(rs.hashKeyToNumeric("pk"), "(" + hash + ")");
  EXPECT_EQ(rs.symmetricSum("v", "pk"),
            "COALESCE(COALESCE(CAST((SUM(DISTINCT (CAST(FLOOR(COALESCE(v, 0) * (1000000*1.0)) AS "
            "DECIMAL(38,0))) + " +
                hash + ") - SUM(DISTINCT " + hash +
                ")) AS DOUBLE PRECISION) / CAST((1000000*1.0) AS DOUBLE PRECISION), 0), 0)");
  EXPECT_EQ(rs.percentile("x", 0.25), "PERCENTILE_CONT(0.25) WITHIN GROUP (ORDER BY x)");
  EXPECT_EQ(
      rs.listAggregate("x", ", "),
      "LISTAGG(DISTINCT CAST(x AS VARCHAR), ', ') WITHIN GROUP (ORDER BY CAST(x AS VARCHAR))");
  EXPECT_EQ(rs.limitClause(1), "LIMIT 1");
  EXPECT_TRUE(rs.sortedAggregatesShareOrder());
}

}  // namespace
}  // namespace lkml::codegen
