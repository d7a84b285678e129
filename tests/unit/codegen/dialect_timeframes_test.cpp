// Every timeframe on Snowflake and Redshift, which inherit PostgreSQL's where the warehouse
// takes the same SQL and override the rest (day and month names, sub-second formats, casts
// before `||`). Each form was reviewed against the warehouse's documented functions
// (docs/dialects.md).
#include <gtest/gtest.h>

#include "codegen/dialects/redshift_dialect.h"
#include "codegen/dialects/snowflake_dialect.h"

namespace lkml::codegen {
namespace {

struct TwoDialectCase {
  Timeframe timeframe;
  const char* snowflake;
  const char* redshift;
};

class PostgresFamilyTimeframeTest : public ::testing::TestWithParam<TwoDialectCase> {};

TEST_P(PostgresFamilyTimeframeTest, EveryTimeframe) {
  static const SnowflakeDialect sf;
  static const RedshiftDialect rs;
  EXPECT_EQ(sf.timeframeSql(GetParam().timeframe, "x"), GetParam().snowflake)
      << "snowflake " << timeframeName(GetParam().timeframe);
  EXPECT_EQ(rs.timeframeSql(GetParam().timeframe, "x"), GetParam().redshift)
      << "redshift " << timeframeName(GetParam().timeframe);
}

INSTANTIATE_TEST_SUITE_P(
    SnowflakeAndRedshift, PostgresFamilyTimeframeTest,
    ::testing::Values(
        TwoDialectCase{Timeframe::Raw, "x", "x"},
        TwoDialectCase{Timeframe::Time, "TO_CHAR(DATE_TRUNC('second', x), 'YYYY-MM-DD HH24:MI:SS')",
                       "TO_CHAR(DATE_TRUNC('second', x), 'YYYY-MM-DD HH24:MI:SS')"},
        TwoDialectCase{Timeframe::TimeOfDay, "TO_CHAR(x, 'HH24:MI')", "TO_CHAR(x, 'HH24:MI')"},
        TwoDialectCase{Timeframe::Date, "DATE(x)", "DATE(x)"},
        TwoDialectCase{Timeframe::Week, "TO_CHAR(DATE_TRUNC('week', x), 'YYYY-MM-DD')",
                       "TO_CHAR(DATE_TRUNC('week', x), 'YYYY-MM-DD')"},
        TwoDialectCase{Timeframe::Month, "TO_CHAR(DATE_TRUNC('month', x), 'YYYY-MM')",
                       "TO_CHAR(DATE_TRUNC('month', x), 'YYYY-MM')"},
        TwoDialectCase{Timeframe::Quarter, "TO_CHAR(DATE_TRUNC('quarter', x), 'YYYY-MM')",
                       "TO_CHAR(DATE_TRUNC('quarter', x), 'YYYY-MM')"},
        TwoDialectCase{Timeframe::Year, "EXTRACT(YEAR FROM x)::integer",
                       "EXTRACT(YEAR FROM x)::integer"},
        TwoDialectCase{Timeframe::Hour, "TO_CHAR(DATE_TRUNC('hour', x), 'YYYY-MM-DD HH24')",
                       "TO_CHAR(DATE_TRUNC('hour', x), 'YYYY-MM-DD HH24')"},
        TwoDialectCase{Timeframe::Minute, "TO_CHAR(DATE_TRUNC('minute', x), 'YYYY-MM-DD HH24:MI')",
                       "TO_CHAR(DATE_TRUNC('minute', x), 'YYYY-MM-DD HH24:MI')"},
        TwoDialectCase{Timeframe::Second,
                       "TO_CHAR(DATE_TRUNC('second', x), 'YYYY-MM-DD HH24:MI:SS')",
                       "TO_CHAR(DATE_TRUNC('second', x), 'YYYY-MM-DD HH24:MI:SS')"},
        TwoDialectCase{Timeframe::HourOfDay, "EXTRACT(HOUR FROM x)::integer",
                       "EXTRACT(HOUR FROM x)::integer"},
        TwoDialectCase{Timeframe::DayOfWeek,
                       "DECODE(DAYNAME(x), 'Mon', 'Monday', 'Tue', 'Tuesday', 'Wed', 'Wednesday', "
                       "'Thu', 'Thursday', 'Fri', 'Friday', 'Sat', 'Saturday', 'Sun', 'Sunday')",
                       "TRIM(TO_CHAR(x, 'Day'))"},
        TwoDialectCase{Timeframe::DayOfWeekIndex, "MOD(EXTRACT(DOW FROM x)::integer - 1 + 7, 7)",
                       "MOD(EXTRACT(DOW FROM x)::integer - 1 + 7, 7)"},
        TwoDialectCase{Timeframe::DayOfMonth, "EXTRACT(DAY FROM x)::integer",
                       "EXTRACT(DAY FROM x)::integer"},
        TwoDialectCase{Timeframe::DayOfYear, "EXTRACT(DOY FROM x)::integer",
                       "EXTRACT(DOY FROM x)::integer"},
        TwoDialectCase{Timeframe::WeekOfYear, "EXTRACT(WEEK FROM x)::integer",
                       "EXTRACT(WEEK FROM x)::integer"},
        TwoDialectCase{Timeframe::MonthNum, "EXTRACT(MONTH FROM x)::integer",
                       "EXTRACT(MONTH FROM x)::integer"},
        TwoDialectCase{Timeframe::MonthName, "TO_CHAR(x, 'MMMM')", "TRIM(TO_CHAR(x, 'Month'))"},
        TwoDialectCase{Timeframe::QuarterOfYear, "'Q' || EXTRACT(QUARTER FROM x)::integer",
                       "'Q' || CAST(EXTRACT(QUARTER FROM x)::integer AS VARCHAR)"},
        TwoDialectCase{Timeframe::Millisecond,
                       "TO_CHAR(DATE_TRUNC('millisecond', x), 'YYYY-MM-DD HH24:MI:SS.FF3')",
                       "TO_CHAR(DATE_TRUNC('milliseconds', x), 'YYYY-MM-DD HH24:MI:SS.MS')"},
        TwoDialectCase{Timeframe::Microsecond,
                       "TO_CHAR(DATE_TRUNC('microsecond', x), 'YYYY-MM-DD HH24:MI:SS.FF6')",
                       "TO_CHAR(DATE_TRUNC('microseconds', x), 'YYYY-MM-DD HH24:MI:SS.US')"},
        TwoDialectCase{Timeframe::FiscalMonthNum, "EXTRACT(MONTH FROM (x))::integer",
                       "EXTRACT(MONTH FROM (x))::integer"},
        TwoDialectCase{
            Timeframe::FiscalQuarter,
            "EXTRACT(YEAR FROM (x))::integer || '-Q' || EXTRACT(QUARTER FROM (x))::integer",
            "CAST(EXTRACT(YEAR FROM (x))::integer AS VARCHAR) || '-Q' || CAST(EXTRACT(QUARTER FROM "
            "(x))::integer AS VARCHAR)"},
        TwoDialectCase{Timeframe::FiscalQuarterOfYear, "'Q' || EXTRACT(QUARTER FROM (x))::integer",
                       "'Q' || CAST(EXTRACT(QUARTER FROM (x))::integer AS VARCHAR)"},
        TwoDialectCase{Timeframe::FiscalYear, "EXTRACT(YEAR FROM (x))::integer",
                       "EXTRACT(YEAR FROM (x))::integer"},
        TwoDialectCase{Timeframe::YesNo, "CASE WHEN (x) IS NOT NULL THEN 'Yes' ELSE 'No' END",
                       "CASE WHEN (x) IS NOT NULL THEN 'Yes' ELSE 'No' END"}));

}  // namespace
}  // namespace lkml::codegen
