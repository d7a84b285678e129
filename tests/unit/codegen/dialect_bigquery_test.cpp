// BigQueryDialect: literals with hostile input, LIKE, dates, every timeframe, durations,
// symmetric aggregates, percentile, list, limit; the Liquid lexer rules.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "codegen/dialects/bigquery_dialect.h"
#include "codegen/dialects/dialect_registry.h"
#include "codegen/sql_lexical_state.h"

namespace lkml::codegen {
namespace {

const BigQueryDialect bq;

TEST(BigQueryDialectLiterals, NamesAndAliases) {
  EXPECT_EQ(findDialect("BigQuery"), findDialect("bigquery"));
  EXPECT_EQ(findDialect("bigquery")->name(), "bigquery");
  EXPECT_EQ(bq.quoteIdentifier("proj.ds.t"), "`proj.ds.t`");
  EXPECT_EQ(bq.quoteIdentifier("a`b\\c"), "`a\\`b\\\\c`");
  EXPECT_EQ(bq.quoteIdentifier("a\nb"), "`a\\nb`");
  EXPECT_THROW(bq.quoteIdentifier(std::string_view("a\0b", 3)), std::invalid_argument);
  // Looker's BigQuery aliases: letters, digits and underscores only.
  EXPECT_EQ(bq.columnAlias("users.count"), "users_count");
  EXPECT_EQ(bq.columnAlias("a.b-c d"), "a_b_c_d");
  EXPECT_EQ(bq.columnAlias("1x.y"), "_1x_y");
}

TEST(BigQueryDialectLiterals, HostileStringsStayLiterals) {
  EXPECT_EQ(bq.stringLiteral("abc"), "'abc'");
  EXPECT_EQ(bq.stringLiteral(""), "''");
  EXPECT_EQ(bq.stringLiteral("O'Brien"), "'O\\'Brien'");
  // A backslash escapes in BigQuery: `\'` must not end the literal early.
  EXPECT_EQ(bq.stringLiteral("a\\"), "'a\\\\'");
  EXPECT_EQ(bq.stringLiteral("\\'; DROP TABLE t; --"), "'\\\\\\'; DROP TABLE t; --'");
  EXPECT_EQ(bq.stringLiteral("line1\nline2\r\t"), "'line1\\nline2\\r\\t'");
  EXPECT_EQ(bq.stringLiteral(std::string("a\x01z")), "'a\\x01z'");
  EXPECT_EQ(bq.stringLiteral("Zoë"), "'Zoë'");
  EXPECT_FALSE(bq.canRepresentString(std::string_view("a\0", 2)));
  EXPECT_THROW(bq.stringLiteral(std::string_view("a\0", 2)), std::invalid_argument);
  EXPECT_EQ(bq.booleanLiteral(true), "TRUE");
  EXPECT_EQ(bq.yesNoValue("x > 1"), "CASE WHEN x > 1 THEN 'Yes' ELSE 'No' END");
  EXPECT_EQ(bq.timestampLiteral("2024-03-01 10:30:00"), "TIMESTAMP('2024-03-01 10:30:00')");
  EXPECT_EQ(bq.castToText("x"), "CAST(x AS STRING)");
  EXPECT_EQ(bq.radians("lat"), "(lat * ACOS(-1) / 180)");
}

TEST(BigQueryDialectPredicates, LikeEscapesWithBackslash) {
  EXPECT_EQ(bq.like("x", "%a%", false, false), "x LIKE '%a%'");
  EXPECT_EQ(bq.like("x", "%a%", true, false), "x NOT LIKE '%a%'");
  // '^_' (a literal underscore) becomes '\_', written '\\_' in the literal.
  EXPECT_EQ(bq.like("x", "q^_ml%", false, false), "x LIKE 'q\\\\_ml%'");
  EXPECT_EQ(bq.like("x", "a^^b", false, false), "x LIKE 'a\\\\^b'");
  // A literal backslash in the value: escaped for LIKE, then for the literal.
  EXPECT_EQ(bq.like("x", "%a\\%", false, false), "x LIKE '%a\\\\\\\\%'");
  EXPECT_EQ(bq.like("LOWER(x)", "%A'%", false, true), "LOWER(x) LIKE LOWER('%A\\'%')");
}

TEST(BigQueryDialectDates, TruncateAndIntervals) {
  EXPECT_EQ(bq.currentTimestamp(""), "CURRENT_TIMESTAMP()");
  EXPECT_EQ(bq.currentTimestamp("America/New_York"),
            "TIMESTAMP(FORMAT_TIMESTAMP('%F %H:%M:%E*S', CURRENT_TIMESTAMP(), "
            "'America/New_York'))");
  EXPECT_EQ(bq.truncate(DateUnit::Month, "x", Weekday::Monday), "TIMESTAMP_TRUNC(x, MONTH)");
  EXPECT_EQ(bq.truncate(DateUnit::Week, "x", Weekday::Sunday), "TIMESTAMP_TRUNC(x, WEEK(SUNDAY))");
  EXPECT_EQ(bq.addInterval("x", 0, DateUnit::Day), "x");
  EXPECT_EQ(bq.addInterval("x", -6, DateUnit::Day), "TIMESTAMP_ADD(x, INTERVAL -6 DAY)");
  EXPECT_EQ(bq.addInterval("x", 2, DateUnit::Quarter),
            "TIMESTAMP(DATETIME_ADD(DATETIME(x), INTERVAL 2 QUARTER))");
  EXPECT_EQ(bq.addInterval("x", 1, DateUnit::Week),
            "TIMESTAMP(DATETIME_ADD(DATETIME(x), INTERVAL 1 WEEK))");
  EXPECT_EQ(bq.timeValue("d", "date"), "CAST(d AS TIMESTAMP)");
  EXPECT_EQ(bq.timeValue("d", "datetime"), "CAST(d AS TIMESTAMP)");
  EXPECT_EQ(bq.timeValue("t", "timestamp"), "t");
  EXPECT_EQ(bq.timeValue("t", ""), "t");
  EXPECT_EQ(bq.epochToTimestamp("e"), "TIMESTAMP_SECONDS(e)");
  EXPECT_EQ(bq.yyyymmddToDate("d"), "CAST(PARSE_DATE('%Y%m%d', CAST(d AS STRING)) AS TIMESTAMP)");
}

struct TimeframeCase {
  Timeframe timeframe;
  const char* sql;
};

class BigQueryTimeframeTest : public ::testing::TestWithParam<TimeframeCase> {};

TEST_P(BigQueryTimeframeTest, MatchesLookersForm) {
  EXPECT_EQ(bq.timeframeSql(GetParam().timeframe, "x"), GetParam().sql)
      << timeframeName(GetParam().timeframe);
}

INSTANTIATE_TEST_SUITE_P(
    EveryTimeframe, BigQueryTimeframeTest,
    ::testing::Values(
        TimeframeCase{Timeframe::Raw, "x"},
        TimeframeCase{Timeframe::Time, "FORMAT_TIMESTAMP('%F %T', x)"},
        TimeframeCase{Timeframe::Second, "FORMAT_TIMESTAMP('%F %T', x)"},
        TimeframeCase{Timeframe::TimeOfDay, "FORMAT_TIMESTAMP('%H:%M', x)"},
        TimeframeCase{Timeframe::Date, "DATE(x)"},
        TimeframeCase{Timeframe::Week, "FORMAT_TIMESTAMP('%F', TIMESTAMP_TRUNC(x, WEEK(MONDAY)))"},
        TimeframeCase{Timeframe::Month, "FORMAT_TIMESTAMP('%Y-%m', x)"},
        TimeframeCase{Timeframe::Quarter, "FORMAT_TIMESTAMP('%Y-%m', TIMESTAMP_TRUNC(x, QUARTER))"},
        TimeframeCase{Timeframe::Year, "EXTRACT(YEAR FROM x)"},
        TimeframeCase{Timeframe::Hour, "FORMAT_TIMESTAMP('%F %H', x)"},
        TimeframeCase{Timeframe::Minute, "FORMAT_TIMESTAMP('%F %H:%M', x)"},
        TimeframeCase{Timeframe::HourOfDay, "EXTRACT(HOUR FROM x)"},
        TimeframeCase{Timeframe::DayOfWeek, "FORMAT_TIMESTAMP('%A', x)"},
        TimeframeCase{Timeframe::DayOfWeekIndex, "MOD(EXTRACT(DAYOFWEEK FROM x) - 2 + 7, 7)"},
        TimeframeCase{Timeframe::DayOfMonth, "EXTRACT(DAY FROM x)"},
        TimeframeCase{Timeframe::DayOfYear, "EXTRACT(DAYOFYEAR FROM x)"},
        TimeframeCase{Timeframe::WeekOfYear, "EXTRACT(ISOWEEK FROM x)"},
        TimeframeCase{Timeframe::MonthNum, "EXTRACT(MONTH FROM x)"},
        TimeframeCase{Timeframe::MonthName, "FORMAT_TIMESTAMP('%B', x)"},
        TimeframeCase{Timeframe::QuarterOfYear,
                      "CONCAT('Q', CAST(EXTRACT(QUARTER FROM x) AS STRING))"},
        TimeframeCase{Timeframe::Millisecond, "FORMAT_TIMESTAMP('%F %H:%M:%E3S', x)"},
        TimeframeCase{Timeframe::Microsecond, "FORMAT_TIMESTAMP('%F %H:%M:%E6S', x)"},
        TimeframeCase{Timeframe::FiscalYear, "EXTRACT(YEAR FROM x)"},
        TimeframeCase{Timeframe::FiscalMonthNum, "EXTRACT(MONTH FROM x)"},
        TimeframeCase{Timeframe::FiscalQuarterOfYear,
                      "CONCAT('Q', CAST(EXTRACT(QUARTER FROM x) AS STRING))"},
        TimeframeCase{Timeframe::FiscalQuarter,
                      "CONCAT(CAST(EXTRACT(YEAR FROM x) AS STRING), '-Q', CAST(EXTRACT(QUARTER "
                      "FROM x) AS STRING))"},
        TimeframeCase{Timeframe::YesNo, "CASE WHEN (x) IS NOT NULL THEN 'Yes' ELSE 'No' END"}));

TEST(BigQueryTimeframes, WeekStartSteppedAndFiscal) {
  EXPECT_EQ(bq.timeframeSql(Timeframe::Week, "x", Weekday::Sunday),
            "FORMAT_TIMESTAMP('%F', TIMESTAMP_TRUNC(x, WEEK(SUNDAY)))");
  EXPECT_EQ(bq.timeframeSql(Timeframe::DayOfWeekIndex, "x", Weekday::Sunday),
            "MOD(EXTRACT(DAYOFWEEK FROM x) - 1 + 7, 7)");
  EXPECT_EQ(bq.timeframeSql(TimeframeSpec{Timeframe::HourN, 6}, "x", TimeframeOptions{}),
            "FORMAT_TIMESTAMP('%F %H', TIMESTAMP_SUB(TIMESTAMP_TRUNC(x, HOUR), INTERVAL "
            "MOD(EXTRACT(HOUR FROM x), 6) HOUR))");
  EXPECT_EQ(bq.timeframeSql(TimeframeSpec{Timeframe::MinuteN, 15}, "x", TimeframeOptions{}),
            "FORMAT_TIMESTAMP('%F %H:%M', TIMESTAMP_SUB(TIMESTAMP_TRUNC(x, MINUTE), INTERVAL "
            "MOD(EXTRACT(MINUTE FROM x), 15) MINUTE))");
  EXPECT_EQ(bq.timeframeSql(TimeframeSpec{Timeframe::MillisecondN, 250}, "x", TimeframeOptions{}),
            "FORMAT_TIMESTAMP('%F %H:%M:%E3S', TIMESTAMP_SUB(TIMESTAMP_TRUNC(x, MILLISECOND), "
            "INTERVAL MOD(EXTRACT(MILLISECOND FROM x), 250) MILLISECOND))");
  EXPECT_EQ(bq.timeframeSql(TimeframeSpec{Timeframe::FiscalYear, 1}, "x",
                            TimeframeOptions{Weekday::Monday, 3}),
            "EXTRACT(YEAR FROM TIMESTAMP(DATETIME_ADD(DATETIME(x), INTERVAL -3 MONTH)))");
}

TEST(BigQueryDurations, FloorWholeUnits) {
  const std::string s = "CAST(a AS TIMESTAMP)", e = "CAST(b AS TIMESTAMP)";
  EXPECT_EQ(bq.duration(DateUnit::Day, "a", "b"), "CAST(FLOOR(TIMESTAMP_DIFF(" + e + ", " + s +
                                                      ", MICROSECOND) / 86400000000) AS INT64)");
  EXPECT_EQ(bq.duration(DateUnit::Second, "a", "b"),
            "CAST(FLOOR(TIMESTAMP_DIFF(" + e + ", " + s + ", MICROSECOND) / 1000000) AS INT64)");
  const std::string calendar = "((EXTRACT(YEAR FROM " + e + ") - EXTRACT(YEAR FROM " + s +
                               ")) * 12 + EXTRACT(MONTH FROM " + e + ") - EXTRACT(MONTH FROM " + s +
                               "))";
  const std::string months = "(" + calendar + " - CASE WHEN TIMESTAMP(DATETIME_ADD(DATETIME(" + s +
                             "), INTERVAL " + calendar + " MONTH)) > " + e + " THEN 1 ELSE 0 END)";
  EXPECT_EQ(bq.duration(DateUnit::Month, "a", "b"), months);
  EXPECT_EQ(bq.duration(DateUnit::Year, "a", "b"), "CAST(FLOOR(" + months + " / 12) AS INT64)");
  EXPECT_EQ(bq.duration(DateUnit::Quarter, "a", "b"), "CAST(FLOOR(" + months + " / 3) AS INT64)");
}

TEST(BigQueryAggregates, SymmetricPercentileListLimit) {
  const std::string hash =
      "(CAST(CAST(CONCAT('0x', SUBSTR(TO_HEX(MD5(CAST(pk AS STRING))), 1, 15)) AS INT64) AS "
      "NUMERIC) * 4294967296 + CAST(CAST(CONCAT('0x', SUBSTR(TO_HEX(MD5(CAST(pk AS STRING))), "
      "16, 8)) AS INT64) AS NUMERIC)) * 0.000000001";
  EXPECT_EQ(bq.hashKeyToNumeric("pk"), "(" + hash + ")");
  const std::string sum =
      "COALESCE(ROUND(COALESCE(CAST((SUM(DISTINCT (CAST(ROUND(COALESCE(v, 0) * (1/1000*1.0), 9) "
      "AS NUMERIC) + " +
      hash + ")) - SUM(DISTINCT " + hash + ")) / (1/1000*1.0) AS FLOAT64), 0), 6), 0)";
  EXPECT_EQ(bq.symmetricSum("v", "pk"), sum);
  EXPECT_EQ(
      bq.symmetricAverage("v", "pk"),
      "(" + sum + " / NULLIF(COUNT(DISTINCT CASE WHEN v IS NOT NULL THEN pk ELSE NULL END), 0))");
  EXPECT_EQ(bq.countDistinct("x"), "COUNT(DISTINCT x)");
  EXPECT_EQ(bq.median("x"), "APPROX_QUANTILES(x, 1000)[OFFSET(500)]");
  EXPECT_EQ(bq.percentile("x", 0.9), "APPROX_QUANTILES(x, 1000)[OFFSET(900)]");
  EXPECT_EQ(bq.percentile("x", 0.0), "APPROX_QUANTILES(x, 1000)[OFFSET(0)]");
  EXPECT_THROW(bq.percentile("x", 1.5), std::invalid_argument);
  EXPECT_EQ(bq.listAggregate("x", ", "),
            "STRING_AGG(DISTINCT CAST(x AS STRING), ', ' ORDER BY CAST(x AS STRING))");
  EXPECT_EQ(bq.listAggregate("x", "'\\"),
            "STRING_AGG(DISTINCT CAST(x AS STRING), '\\'\\\\' ORDER BY CAST(x AS STRING))");
  EXPECT_EQ(bq.limitClause(500), "LIMIT 500");
  EXPECT_FALSE(bq.sortedAggregatesShareOrder());
}

// Where a user value may go in BigQuery SQL text (sql_template.cpp writes only into code and
// '...' literals).
SqlPosition at(std::string_view sql) {
  return lexicalStateAtEnd(sql, bq.lexicalDialect()).position;
}

TEST(BigQueryLexicalRules, KnowsBigQueryComments_Strings_AndNames) {
  EXPECT_EQ(at("x = "), SqlPosition::Code);
  EXPECT_EQ(at("x = 'a"), SqlPosition::StringLiteral);
  EXPECT_EQ(at("x = 'it\\'s "), SqlPosition::StringLiteral);  // \' does not close it
  EXPECT_EQ(at("x = 'a\\"), SqlPosition::Unknown);            // a backslash waits
  EXPECT_EQ(at("x = 'a\\\\' AND y = "), SqlPosition::Code);
  EXPECT_EQ(at("# it's a comment\nx = "), SqlPosition::Code);
  EXPECT_EQ(at("x = 1 # it's"), SqlPosition::Comment);
  EXPECT_EQ(at("SELECT * FROM `it's.t` WHERE x = "), SqlPosition::Code);
  EXPECT_EQ(at("SELECT `a"), SqlPosition::QuotedIdentifier);
  EXPECT_EQ(at("x = \"it's\" AND y = "), SqlPosition::Code);
  EXPECT_EQ(at("x = \"a"), SqlPosition::OtherLiteral);
  EXPECT_EQ(at("x = '''a'"), SqlPosition::OtherLiteral);
  EXPECT_EQ(at("x = '''a''' AND y = "), SqlPosition::Code);
  EXPECT_EQ(at("x = r'a"), SqlPosition::OtherLiteral);
  EXPECT_EQ(at("x = r'a\\' AND y = "), SqlPosition::Code);  // raw: the backslash is a character
  EXPECT_EQ(at("x = /* it's */ "), SqlPosition::Code);
}

}  // namespace
}  // namespace lkml::codegen
