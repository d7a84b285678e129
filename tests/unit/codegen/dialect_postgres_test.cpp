// PostgresDialect: literals, LIKE, dates, timeframes, aggregates, clauses; the registry.
#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <stdexcept>

#include "base/sql_lexical_rules.h"
#include "codegen/dialects/dialect_registry.h"
#include "codegen/dialects/postgres_dialect.h"

namespace lkml::codegen {
namespace {

const PostgresDialect pg;

TEST(PostgresDialectLiterals, QuotesIdentifiers) {
  EXPECT_EQ(pg.quoteIdentifier("users.count"), "\"users.count\"");
  EXPECT_EQ(pg.quoteIdentifier("a\"b"), "\"a\"\"b\"");
  EXPECT_THROW(pg.quoteIdentifier(std::string_view("a\0b", 3)), std::invalid_argument);
}

TEST(PostgresDialectLiterals, EscapesStrings) {
  EXPECT_EQ(pg.stringLiteral("abc"), "'abc'");
  EXPECT_EQ(pg.stringLiteral(""), "''");
  EXPECT_EQ(pg.stringLiteral("O'Brien"), "'O''Brien'");
  EXPECT_EQ(pg.stringLiteral("x'; DROP TABLE t; --"), "'x''; DROP TABLE t; --'");
  EXPECT_EQ(pg.stringLiteral("a\\b"), "E'a\\\\b'");
  EXPECT_EQ(pg.stringLiteral("\\'"), "E'\\\\'''");
  EXPECT_EQ(pg.stringLiteral("Zoë"), "'Zoë'");
  EXPECT_TRUE(pg.canRepresentString("abc"));
  EXPECT_FALSE(pg.canRepresentString(std::string_view("a\0", 2)));
  EXPECT_THROW(pg.stringLiteral(std::string_view("a\0", 2)), std::invalid_argument);
}

TEST(PostgresDialectLiterals, BooleansAndTimestamps) {
  EXPECT_EQ(pg.booleanLiteral(true), "TRUE");
  EXPECT_EQ(pg.booleanLiteral(false), "FALSE");
  EXPECT_EQ(pg.yesNoValue("x > 1"), "CASE WHEN x > 1 THEN 'Yes' ELSE 'No' END");
  EXPECT_EQ(pg.timestampLiteral("2024-03-01"), "TIMESTAMP '2024-03-01'");
  EXPECT_EQ(pg.timestampLiteral("2024-03-01 10:30:00"), "TIMESTAMP '2024-03-01 10:30:00'");
}

TEST(PostgresDialectPredicates, Like) {
  EXPECT_EQ(pg.like("x", "%a%", false, false), "x LIKE '%a%'");
  EXPECT_EQ(pg.like("x", "%a%", true, false), "x NOT LIKE '%a%'");
  EXPECT_EQ(pg.like("x", "q^_ml%", false, false), "x LIKE 'q^_ml%' ESCAPE '^'");
  EXPECT_EQ(pg.like("LOWER(x)", "%A%", false, true), "LOWER(x) LIKE LOWER('%A%')");
  EXPECT_EQ(pg.like("x", "%a\\%", false, false), "x LIKE E'%a\\\\%' ESCAPE '^'");
  EXPECT_EQ(pg.likeEscape(), '^');
  EXPECT_EQ(pg.lower("x"), "LOWER(x)");
  EXPECT_EQ(pg.length("x"), "LENGTH(x)");
}

TEST(PostgresDialectDates, TruncateAndIntervals) {
  EXPECT_EQ(pg.currentTimestamp(""), "CURRENT_TIMESTAMP");
  EXPECT_EQ(pg.currentTimestamp("UTC"), "(CURRENT_TIMESTAMP AT TIME ZONE 'UTC')");
  EXPECT_EQ(pg.truncate(DateUnit::Month, "x", Weekday::Monday), "DATE_TRUNC('month', x)");
  EXPECT_EQ(pg.truncate(DateUnit::Week, "x", Weekday::Monday), "DATE_TRUNC('week', x)");
  EXPECT_EQ(pg.truncate(DateUnit::Week, "x", Weekday::Sunday),
            "(DATE_TRUNC('week', (x + INTERVAL '1 day')) - INTERVAL '1 day')");
  EXPECT_EQ(pg.truncate(DateUnit::Week, "x", Weekday::Saturday),
            "(DATE_TRUNC('week', (x + INTERVAL '2 day')) - INTERVAL '2 day')");
  EXPECT_EQ(pg.truncate(DateUnit::Week, "x", Weekday::Tuesday),
            "(DATE_TRUNC('week', (x + INTERVAL '6 day')) - INTERVAL '6 day')");
  EXPECT_EQ(pg.addInterval("x", 0, DateUnit::Day), "x");
  EXPECT_EQ(pg.addInterval("x", -6, DateUnit::Day), "(x + INTERVAL '-6 day')");
  EXPECT_EQ(pg.addInterval("x", 2, DateUnit::Quarter), "(x + INTERVAL '6 month')");
  EXPECT_EQ(pg.addInterval("x", 1, DateUnit::Second), "(x + INTERVAL '1 second')");
}

struct TimeframeCase {
  Timeframe timeframe;
  const char* sql;
};

class PostgresTimeframeTest : public ::testing::TestWithParam<TimeframeCase> {};

TEST_P(PostgresTimeframeTest, MatchesReference) {
  EXPECT_EQ(pg.timeframeSql(GetParam().timeframe, "x"), GetParam().sql)
      << timeframeName(GetParam().timeframe);
}

INSTANTIATE_TEST_SUITE_P(
    Reference73, PostgresTimeframeTest,
    ::testing::Values(
        TimeframeCase{Timeframe::Raw, "x"},
        TimeframeCase{Timeframe::Time, "TO_CHAR(DATE_TRUNC('second', x), 'YYYY-MM-DD HH24:MI:SS')"},
        TimeframeCase{Timeframe::Second,
                      "TO_CHAR(DATE_TRUNC('second', x), 'YYYY-MM-DD HH24:MI:SS')"},
        TimeframeCase{Timeframe::TimeOfDay, "TO_CHAR(x, 'HH24:MI')"},
        TimeframeCase{Timeframe::Date, "DATE(x)"},
        TimeframeCase{Timeframe::Week, "TO_CHAR(DATE_TRUNC('week', x), 'YYYY-MM-DD')"},
        TimeframeCase{Timeframe::Month, "TO_CHAR(DATE_TRUNC('month', x), 'YYYY-MM')"},
        TimeframeCase{Timeframe::Quarter, "TO_CHAR(DATE_TRUNC('quarter', x), 'YYYY-MM')"},
        TimeframeCase{Timeframe::Year, "EXTRACT(YEAR FROM x)::integer"},
        TimeframeCase{Timeframe::Hour, "TO_CHAR(DATE_TRUNC('hour', x), 'YYYY-MM-DD HH24')"},
        TimeframeCase{Timeframe::Minute, "TO_CHAR(DATE_TRUNC('minute', x), 'YYYY-MM-DD HH24:MI')"},
        TimeframeCase{Timeframe::HourOfDay, "EXTRACT(HOUR FROM x)::integer"},
        TimeframeCase{Timeframe::DayOfWeek, "TO_CHAR(x, 'FMDay')"},
        TimeframeCase{Timeframe::DayOfWeekIndex, "MOD(EXTRACT(DOW FROM x)::integer - 1 + 7, 7)"},
        TimeframeCase{Timeframe::DayOfMonth, "EXTRACT(DAY FROM x)::integer"},
        TimeframeCase{Timeframe::DayOfYear, "EXTRACT(DOY FROM x)::integer"},
        TimeframeCase{Timeframe::WeekOfYear, "EXTRACT(WEEK FROM x)::integer"},
        TimeframeCase{Timeframe::MonthNum, "EXTRACT(MONTH FROM x)::integer"},
        TimeframeCase{Timeframe::MonthName, "TO_CHAR(x, 'FMMonth')"},
        TimeframeCase{Timeframe::QuarterOfYear, "'Q' || EXTRACT(QUARTER FROM x)::integer"},
        TimeframeCase{Timeframe::Millisecond,
                      "TO_CHAR(DATE_TRUNC('milliseconds', x), 'YYYY-MM-DD HH24:MI:SS.MS')"},
        TimeframeCase{Timeframe::Microsecond,
                      "TO_CHAR(DATE_TRUNC('microseconds', x), 'YYYY-MM-DD HH24:MI:SS.US')"},
        TimeframeCase{Timeframe::FiscalYear, "EXTRACT(YEAR FROM (x))::integer"},
        TimeframeCase{Timeframe::FiscalMonthNum, "EXTRACT(MONTH FROM (x))::integer"},
        TimeframeCase{Timeframe::FiscalQuarterOfYear, "'Q' || EXTRACT(QUARTER FROM (x))::integer"},
        TimeframeCase{Timeframe::YesNo, "CASE WHEN (x) IS NOT NULL THEN 'Yes' ELSE 'No' END"}));

TEST(PostgresTimeframes, SteppedTimeframesFloorToTheirBucket) {
  EXPECT_EQ(pg.timeframeSql(TimeframeSpec{Timeframe::HourN, 6}, "x", TimeframeOptions{}),
            "TO_CHAR(DATE_TRUNC('hour', x) - MOD(EXTRACT(HOUR FROM x)::integer, 6) * INTERVAL "
            "'1 hour', 'YYYY-MM-DD HH24')");
  EXPECT_EQ(pg.timeframeSql(TimeframeSpec{Timeframe::MinuteN, 15}, "x", TimeframeOptions{}),
            "TO_CHAR(DATE_TRUNC('minute', x) - MOD(EXTRACT(MINUTE FROM x)::integer, 15) * "
            "INTERVAL '1 minute', 'YYYY-MM-DD HH24:MI')");
  EXPECT_EQ(pg.timeframeSql(TimeframeSpec{Timeframe::MillisecondN, 250}, "x", TimeframeOptions{}),
            "TO_CHAR(DATE_TRUNC('milliseconds', x) - MOD(FLOOR(EXTRACT(MILLISECONDS FROM "
            "x))::integer, 250) * INTERVAL '1 millisecond', 'YYYY-MM-DD HH24:MI:SS.MS')");
}

TEST(PostgresTimeframes, FiscalTimeframesShiftByTheOffset) {
  TimeframeOptions april{Weekday::Monday, 3};
  EXPECT_EQ(pg.timeframeSql(TimeframeSpec{Timeframe::FiscalYear, 1}, "x", april),
            "EXTRACT(YEAR FROM ((x) + INTERVAL '-3 month'))::integer");
  EXPECT_EQ(pg.timeframeSql(TimeframeSpec{Timeframe::FiscalQuarter, 1}, "x", april),
            "EXTRACT(YEAR FROM ((x) + INTERVAL '-3 month'))::integer || '-Q' || "
            "EXTRACT(QUARTER FROM ((x) + INTERVAL '-3 month'))::integer");
  TimeframeOptions october{Weekday::Monday, -3};
  EXPECT_EQ(pg.timeframeSql(TimeframeSpec{Timeframe::FiscalMonthNum, 1}, "x", october),
            "EXTRACT(MONTH FROM ((x) + INTERVAL '3 month'))::integer");
}

TEST(Timeframes, ParseTimeframeKnowsLookersSteps) {
  auto parsed = parseTimeframe("minute15");
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(parsed->timeframe, Timeframe::MinuteN);
  EXPECT_EQ(parsed->step, 15);
  EXPECT_EQ(parseTimeframe("hour12")->step, 12);
  EXPECT_EQ(parseTimeframe("millisecond125")->timeframe, Timeframe::MillisecondN);
  EXPECT_EQ(parseTimeframe("fiscal_quarter")->timeframe, Timeframe::FiscalQuarter);
  EXPECT_EQ(parseTimeframe("date")->step, 1);
  // Only the divisors Looker documents are timeframes.
  EXPECT_FALSE(parseTimeframe("hour5").has_value());
  EXPECT_FALSE(parseTimeframe("minute7").has_value());
  EXPECT_FALSE(parseTimeframe("minute015").has_value());
  EXPECT_FALSE(parseTimeframe("millisecond3").has_value());
  EXPECT_FALSE(parseTimeframe("hour").has_value() && parseTimeframe("hour")->step != 1);
}

TEST(PostgresTimeframes, WeekStartDay) {
  EXPECT_EQ(pg.timeframeSql(Timeframe::Week, "x", Weekday::Sunday),
            "TO_CHAR((DATE_TRUNC('week', (x + INTERVAL '1 day')) - INTERVAL '1 day'), "
            "'YYYY-MM-DD')");
  EXPECT_EQ(pg.timeframeSql(Timeframe::DayOfWeekIndex, "x", Weekday::Sunday),
            "MOD(EXTRACT(DOW FROM x)::integer - 0 + 7, 7)");
}

TEST(Timeframes, NamesRoundTrip) {
  for (int i = 0; i <= static_cast<int>(Timeframe::QuarterOfYear); ++i) {
    const auto timeframe = static_cast<Timeframe>(i);
    EXPECT_EQ(timeframeFromName(timeframeName(timeframe)), timeframe);
  }
  EXPECT_FALSE(timeframeFromName("fortnight").has_value());
  EXPECT_TRUE(isDateValuedTimeframe(Timeframe::Month));
  EXPECT_FALSE(isDateValuedTimeframe(Timeframe::MonthName));
  EXPECT_EQ(weekdayFromName("Sunday"), Weekday::Sunday);
  EXPECT_FALSE(weekdayFromName("funday").has_value());
  EXPECT_STREQ(dateUnitName(DateUnit::Quarter), "quarter");
}

TEST(PostgresAggregates, SymmetricBuildingBlocks) {
  const std::string h =
      "(('x' || MD5(CAST(users.id AS VARCHAR)))::bit(64)::bigint::DECIMAL(65,0) * "
      "18446744073709551616 + ('x' || SUBSTR(MD5(CAST(users.id AS VARCHAR)), 17))::bit(64)::"
      "bigint::DECIMAL(65,0))";
  EXPECT_EQ(pg.hashKeyToNumeric("users.id"), h);
  const std::string sum =
      "TRIM_SCALE(COALESCE((SUM(DISTINCT CAST(FLOOR(CAST(COALESCE(users.amount, 0) AS NUMERIC) "
      "* 1000000) AS DECIMAL(65,0)) + " +
      h + ") - SUM(DISTINCT " + h + ")) / 1000000.000000, 0))";
  EXPECT_EQ(pg.symmetricSum("users.amount", "users.id"), sum);
  EXPECT_EQ(pg.symmetricAverage("users.amount", "users.id"),
            "(" + sum +
                " / NULLIF(COUNT(DISTINCT CASE WHEN users.amount IS NOT NULL THEN users.id ELSE "
                "NULL END), 0))");
  EXPECT_EQ(pg.symmetricSum("x", "pk").find("DOUBLE"), std::string::npos);
  EXPECT_EQ(pg.countDistinct("users.id"), "COUNT(DISTINCT users.id)");
}

TEST(PostgresAggregates, PercentilesListsAndLimits) {
  EXPECT_EQ(pg.percentile("x", 0.25), "PERCENTILE_CONT(0.25) WITHIN GROUP (ORDER BY x)");
  EXPECT_EQ(pg.percentile("x", 0.1), "PERCENTILE_CONT(0.1) WITHIN GROUP (ORDER BY x)");
  EXPECT_EQ(pg.median("x"), "PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY x)");
  EXPECT_THROW(pg.percentile("x", 1.5), std::invalid_argument);
  EXPECT_EQ(pg.listAggregate("users.state", ", "),
            "STRING_AGG(DISTINCT CAST(users.state AS TEXT), ', ' ORDER BY CAST(users.state AS "
            "TEXT))");
  EXPECT_EQ(pg.limitClause(500), "LIMIT 500");
}

TEST(PostgresDialect, Features) {
  const DialectFeatures& f = pg.features();
  EXPECT_TRUE(f.supportsPercentileCont);
  EXPECT_TRUE(f.supportsDistinctStringAgg);
  EXPECT_TRUE(f.supportsSymmetricAggregates);
  EXPECT_TRUE(f.hasBooleanType);
  EXPECT_EQ(pg.name(), "postgres");
}

TEST(DialectRegistry, FindsDialectsByName) {
  const Dialect* postgres = findDialect("postgres");
  ASSERT_NE(postgres, nullptr);
  EXPECT_EQ(postgres->name(), "postgres");
  EXPECT_EQ(findDialect("postgresql"), postgres);
  EXPECT_EQ(findDialect("PostgreSQL"), postgres);
  EXPECT_EQ(findDialect("mysql"), nullptr);
  EXPECT_EQ(findDialect(""), nullptr);
  // Canonical names, sorted, each found by its own name.
  const std::vector<std::string> names = dialectNames();
  EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
  for (const std::string& name : names) {
    ASSERT_NE(findDialect(name), nullptr) << name;
    EXPECT_EQ(findDialect(name)->name(), name);
  }
  EXPECT_NE(std::find(names.begin(), names.end(), "bigquery"), names.end());
  EXPECT_NE(std::find(names.begin(), names.end(), "postgres"), names.end());
}

TEST(DialectRegistry, TakesItsNamesAndSpellingsFromBase) {
  // One list of names: base/sql_lexical_rules.h. Every spelling base accepts (Looker's
  // `bigquery_standard_sql` too) finds the codegen dialect of the same canonical name.
  EXPECT_EQ(dialectNames(), sql::dialectNames());
  for (const char* spelling : {"bigquery_standard_sql", "BigQuery", "postgresql", "duckdb"}) {
    std::optional<sql::Dialect> parsed = sql::parseDialect(spelling);
    ASSERT_TRUE(parsed) << spelling;
    const Dialect* found = findDialect(spelling);
    ASSERT_NE(found, nullptr) << spelling;
    EXPECT_EQ(found->name(), sql::dialectName(*parsed)) << spelling;
  }
  for (const std::string& name : sql::dialectNames()) {
    ASSERT_NE(findDialect(name), nullptr) << name;
    EXPECT_EQ(&dialectFor(*sql::parseDialect(name)), findDialect(name)) << name;
  }
  EXPECT_EQ(unknownDialectMessage("bigqeury"), sql::unknownDialectMessage("bigqeury"));
}

TEST(DialectRegistry, ExplainsUnknownNames) {
  const std::string message = unknownDialectMessage("x");
  EXPECT_EQ(message.rfind("unknown dialect `x`; expected ", 0), 0u) << message;
  for (const std::string& name : dialectNames()) {
    EXPECT_NE(message.find(name), std::string::npos) << message;
  }
  EXPECT_NE(unknownDialectMessage("postgre").find("(did you mean `postgres`?)"), std::string::npos);
  EXPECT_NE(unknownDialectMessage("bigqeury").find("(did you mean `bigquery`?)"),
            std::string::npos);
}

}  // namespace
}  // namespace lkml::codegen
