// Date filter expressions (reference 8.4) → exact PostgreSQL predicates.
#include "tests/unit/codegen/filter_test_util.h"

namespace lkml::codegen::test {
namespace {

class DateFilterTest : public ::testing::TestWithParam<FilterCase> {};

TEST_P(DateFilterTest, RendersExactSql) {
  EXPECT_EQ(filterSql(GetParam().expression, FilterType::Date), GetParam().sql);
}

#define DAY "DATE_TRUNC('day', CURRENT_TIMESTAMP)"
#define WEEK "DATE_TRUNC('week', CURRENT_TIMESTAMP)"
#define MONTH "DATE_TRUNC('month', CURRENT_TIMESTAMP)"

INSTANTIATE_TEST_SUITE_P(
    Absolute, DateFilterTest,
    ::testing::Values(
        FilterCase{"2024",
                   "x >= (TIMESTAMP '2024-01-01') AND x < (TIMESTAMP '2024-01-01' + INTERVAL '1 "
                   "year')"},
        FilterCase{"2024-03",
                   "x >= (TIMESTAMP '2024-03-01') AND x < (TIMESTAMP '2024-03-01' + INTERVAL '1 "
                   "month')"},
        FilterCase{"2024/03",
                   "x >= (TIMESTAMP '2024-03-01') AND x < (TIMESTAMP '2024-03-01' + INTERVAL '1 "
                   "month')"},
        FilterCase{"2024-3-1",
                   "x >= (TIMESTAMP '2024-03-01') AND x < (TIMESTAMP '2024-03-01' + INTERVAL '1 "
                   "day')"},
        FilterCase{"2024-03-01",
                   "x >= (TIMESTAMP '2024-03-01') AND x < (TIMESTAMP '2024-03-01' + INTERVAL '1 "
                   "day')"},
        FilterCase{"2024/03/01",
                   "x >= (TIMESTAMP '2024-03-01') AND x < (TIMESTAMP '2024-03-01' + INTERVAL '1 "
                   "day')"},
        FilterCase{"2024-02-29",
                   "x >= (TIMESTAMP '2024-02-29') AND x < (TIMESTAMP '2024-02-29' + INTERVAL '1 "
                   "day')"},
        FilterCase{"2024-03-01 10:30",
                   "x >= (TIMESTAMP '2024-03-01 10:30:00') AND x < (TIMESTAMP '2024-03-01 "
                   "10:30:00' + INTERVAL '1 minute')"},
        FilterCase{"2024-03-01 10:30:15",
                   "x >= (TIMESTAMP '2024-03-01 10:30:15') AND x < (TIMESTAMP '2024-03-01 "
                   "10:30:15' + INTERVAL '1 second')"},
        FilterCase{"2024-Q1",
                   "x >= (TIMESTAMP '2024-01-01') AND x < (TIMESTAMP '2024-01-01' + INTERVAL '3 "
                   "month')"},
        FilterCase{"2024-q4",
                   "x >= (TIMESTAMP '2024-10-01') AND x < (TIMESTAMP '2024-10-01' + INTERVAL '3 "
                   "month')"},
        FilterCase{"2024-03-01 to 2024-06-01",
                   "x >= (TIMESTAMP '2024-03-01') AND x < (TIMESTAMP '2024-06-01')"},
        FilterCase{"2024 to 2026",
                   "x >= (TIMESTAMP '2024-01-01') AND x < (TIMESTAMP '2026-01-01')"},
        FilterCase{"2024-03-01 for 3 days",
                   "x >= (TIMESTAMP '2024-03-01') AND x < (TIMESTAMP '2024-03-01' + INTERVAL '3 "
                   "day')"},
        FilterCase{"2024-03-01 10:00 for 90 minutes",
                   "x >= (TIMESTAMP '2024-03-01 10:00:00') AND x < (TIMESTAMP '2024-03-01 "
                   "10:00:00' + INTERVAL '90 minute')"},
        FilterCase{"before 2024-03-01", "x < (TIMESTAMP '2024-03-01')"},
        FilterCase{"BEFORE 2024", "x < (TIMESTAMP '2024-01-01')"},
        FilterCase{"after 2024-03-01", "x >= (TIMESTAMP '2024-03-01')"},
        FilterCase{"after 2024-03-01 12:00", "x >= (TIMESTAMP '2024-03-01 12:00:00')"},
        FilterCase{"2024, 2025-06",
                   "(x >= (TIMESTAMP '2024-01-01') AND x < (TIMESTAMP '2024-01-01' + INTERVAL '1 "
                   "year')) OR (x >= (TIMESTAMP '2025-06-01') AND x < (TIMESTAMP '2025-06-01' + "
                   "INTERVAL '1 month'))"},
        FilterCase{"NULL", "x IS NULL"}, FilterCase{"not null", "x IS NOT NULL"},
        FilterCase{"-NULL", "x IS NOT NULL"},
        FilterCase{"-null, 2024",
                   "x IS NOT NULL OR (x >= (TIMESTAMP '2024-01-01') AND x < (TIMESTAMP "
                   "'2024-01-01' + INTERVAL '1 year'))"},
        FilterCase{"before 2024, NULL", "x < (TIMESTAMP '2024-01-01') OR x IS NULL"},
        FilterCase{"", ""}));

INSTANTIATE_TEST_SUITE_P(
    Relative, DateFilterTest,
    ::testing::Values(
        FilterCase{"today", "x >= (" DAY ") AND x < (" DAY " + INTERVAL '1 day')"},
        FilterCase{"Today", "x >= (" DAY ") AND x < (" DAY " + INTERVAL '1 day')"},
        FilterCase{"yesterday", "x >= (" DAY " + INTERVAL '-1 day') AND x < (" DAY ")"},
        FilterCase{"tomorrow",
                   "x >= (" DAY " + INTERVAL '1 day') AND x < (" DAY " + INTERVAL '2 day')"},
        FilterCase{"this day", "x >= (" DAY ") AND x < (" DAY " + INTERVAL '1 day')"},
        FilterCase{"this week", "x >= (" WEEK ") AND x < (" WEEK " + INTERVAL '1 week')"},
        FilterCase{"last week", "x >= (" WEEK " + INTERVAL '-1 week') AND x < (" WEEK ")"},
        FilterCase{"next week",
                   "x >= (" WEEK " + INTERVAL '1 week') AND x < (" WEEK " + INTERVAL '2 week')"},
        FilterCase{"this month", "x >= (" MONTH ") AND x < (" MONTH " + INTERVAL '1 month')"},
        FilterCase{"last month", "x >= (" MONTH " + INTERVAL '-1 month') AND x < (" MONTH ")"},
        FilterCase{"this quarter",
                   "x >= (DATE_TRUNC('quarter', CURRENT_TIMESTAMP)) AND x < "
                   "(DATE_TRUNC('quarter', CURRENT_TIMESTAMP) + INTERVAL '3 month')"},
        FilterCase{"last quarter",
                   "x >= (DATE_TRUNC('quarter', CURRENT_TIMESTAMP) + INTERVAL '-3 month') AND x < "
                   "(DATE_TRUNC('quarter', CURRENT_TIMESTAMP))"},
        FilterCase{"this year",
                   "x >= (DATE_TRUNC('year', CURRENT_TIMESTAMP)) AND x < (DATE_TRUNC('year', "
                   "CURRENT_TIMESTAMP) + INTERVAL '1 year')"},
        FilterCase{"next year",
                   "x >= (DATE_TRUNC('year', CURRENT_TIMESTAMP) + INTERVAL '1 year') AND x < "
                   "(DATE_TRUNC('year', CURRENT_TIMESTAMP) + INTERVAL '2 year')"},
        FilterCase{"7 days",
                   "x >= (" DAY " + INTERVAL '-6 day') AND x < (" DAY " + INTERVAL '1 day')"},
        FilterCase{"1 day", "x >= (" DAY ") AND x < (" DAY " + INTERVAL '1 day')"},
        FilterCase{"2 weeks",
                   "x >= (" WEEK " + INTERVAL '-1 week') AND x < (" WEEK " + INTERVAL '1 week')"},
        FilterCase{"3 months", "x >= (" MONTH " + INTERVAL '-2 month') AND x < (" MONTH
                               " + INTERVAL '1 month')"},
        FilterCase{"2 quarters",
                   "x >= (DATE_TRUNC('quarter', CURRENT_TIMESTAMP) + INTERVAL '-3 month') AND x < "
                   "(DATE_TRUNC('quarter', CURRENT_TIMESTAMP) + INTERVAL '3 month')"},
        FilterCase{"5 hours",
                   "x >= (DATE_TRUNC('hour', CURRENT_TIMESTAMP) + INTERVAL '-4 hour') AND x < "
                   "(DATE_TRUNC('hour', CURRENT_TIMESTAMP) + INTERVAL '1 hour')"},
        FilterCase{"30 minutes",
                   "x >= (DATE_TRUNC('minute', CURRENT_TIMESTAMP) + INTERVAL '-29 minute') AND x < "
                   "(DATE_TRUNC('minute', CURRENT_TIMESTAMP) + INTERVAL '1 minute')"},
        FilterCase{"10 seconds",
                   "x >= (DATE_TRUNC('second', CURRENT_TIMESTAMP) + INTERVAL '-9 second') AND x < "
                   "(DATE_TRUNC('second', CURRENT_TIMESTAMP) + INTERVAL '1 second')"},
        FilterCase{"3 days ago",
                   "x >= (" DAY " + INTERVAL '-3 day') AND x < (" DAY " + INTERVAL '-2 day')"},
        FilterCase{"1 day ago", "x >= (" DAY " + INTERVAL '-1 day') AND x < (" DAY ")"},
        FilterCase{"0 days ago", "x >= (" DAY ") AND x < (" DAY " + INTERVAL '1 day')"},
        FilterCase{"2 weeks from now",
                   "x >= (" WEEK " + INTERVAL '2 week') AND x < (" WEEK " + INTERVAL '3 week')"},
        FilterCase{"3 months ago for 2 months",
                   "x >= (" MONTH " + INTERVAL '-3 month') AND x < (" MONTH
                   " + INTERVAL '-1 month')"},
        FilterCase{"3 days ago for 12 hours", "x >= (" DAY " + INTERVAL '-3 day') AND x < ((" DAY
                                              " + INTERVAL '-3 day') + INTERVAL '12 hour')"},
        FilterCase{"last 3 weeks", "x >= (" WEEK " + INTERVAL '-3 week') AND x < (" WEEK ")"},
        FilterCase{"last 7 days", "x >= (" DAY " + INTERVAL '-7 day') AND x < (" DAY ")"},
        FilterCase{"next 2 days",
                   "x >= (" DAY " + INTERVAL '1 day') AND x < (" DAY " + INTERVAL '3 day')"},
        FilterCase{"before 3 days ago", "x < (" DAY " + INTERVAL '-3 day')"},
        FilterCase{"after 2 weeks from now", "x >= (" WEEK " + INTERVAL '2 week')"},
        FilterCase{"before this month", "x < (" MONTH ")"},
        FilterCase{"after today", "x >= (" DAY ")"},
        FilterCase{"before now", "x < (CURRENT_TIMESTAMP)"},
        FilterCase{"after now", "x >= (CURRENT_TIMESTAMP)"},
        FilterCase{"2024-01-01 to now",
                   "x >= (TIMESTAMP '2024-01-01') AND x < (CURRENT_TIMESTAMP)"},
        FilterCase{"7 days ago to today", "x >= (" DAY " + INTERVAL '-7 day') AND x < (" DAY ")"},
        FilterCase{"this year to second",
                   "x >= (DATE_TRUNC('year', CURRENT_TIMESTAMP)) AND x < (DATE_TRUNC('second', "
                   "CURRENT_TIMESTAMP) + INTERVAL '1 second')"},
        FilterCase{"today, NULL",
                   "(x >= (" DAY ") AND x < (" DAY " + INTERVAL '1 day')) OR x IS NULL"}));

TEST(DateFilterContext, WeekStartDayShiftsWeeks) {
  FilterContext ctx;
  ctx.weekStartDay = Weekday::Sunday;
  EXPECT_EQ(filterSql("this week", FilterType::Date, ctx),
            "x >= (DATE_TRUNC('week', (CURRENT_TIMESTAMP + INTERVAL '1 day')) - INTERVAL '1 "
            "day') AND x < ((DATE_TRUNC('week', (CURRENT_TIMESTAMP + INTERVAL '1 day')) - "
            "INTERVAL '1 day') + INTERVAL '1 week')");
  // Other units ignore the week start.
  EXPECT_EQ(filterSql("today", FilterType::Date, ctx),
            "x >= (" DAY ") AND x < (" DAY " + INTERVAL '1 day')");
}

TEST(DateFilterContext, QueryTimeZoneConvertsNow) {
  FilterContext ctx;
  ctx.queryTimeZone = "America/New_York";
  EXPECT_EQ(filterSql("yesterday", FilterType::Date, ctx),
            "x >= (DATE_TRUNC('day', (CURRENT_TIMESTAMP AT TIME ZONE 'America/New_York')) + "
            "INTERVAL '-1 day') AND x < (DATE_TRUNC('day', (CURRENT_TIMESTAMP AT TIME ZONE "
            "'America/New_York')))");
  ctx.queryTimeZone = "x'; DROP TABLE t; --";
  EXPECT_EQ(filterSql("after now", FilterType::Date, ctx),
            "x >= (CURRENT_TIMESTAMP AT TIME ZONE 'x''; DROP TABLE t; --')");
}

TEST(DateFilterAst, RelativeMoments) {
  auto parsed = parseFilterExpression("3 months ago for 2 months", FilterType::Date);
  ASSERT_TRUE(std::holds_alternative<FilterExpr>(parsed));
  const auto& terms = std::get<DateFilter>(std::get<FilterExpr>(parsed).body).terms;
  ASSERT_EQ(terms.size(), 1u);
  EXPECT_EQ(terms[0].start.kind, DateMoment::Kind::Relative);
  EXPECT_EQ(terms[0].start.unit, DateUnit::Month);
  EXPECT_EQ(terms[0].start.offset, -3);
  const auto& length = std::get<DateLength>(terms[0].end);
  EXPECT_EQ(length.count, 2);
  EXPECT_EQ(length.unit, DateUnit::Month);
}

TEST(DateFilterErrors, PointAtTheOffendingCharacter) {
  struct ErrorCase {
    const char* expression;
    size_t offset;
    FilterCode code;
    const char* message;
  };
  const ErrorCase cases[] = {
      {"2024-02-30", 8, FilterCode::filter_invalid_date,
       "day 30 does not exist: February 2024 has 29 days"},
      {"2023-02-29", 8, FilterCode::filter_invalid_date,
       "day 29 does not exist: February 2023 has 28 days"},
      {"1900-02-29", 8, FilterCode::filter_invalid_date,
       "day 29 does not exist: February 1900 has 28 days"},
      {"2024-04-31", 8, FilterCode::filter_invalid_date,
       "day 31 does not exist: April 2024 has 30 days"},
      {"2024-13", 5, FilterCode::filter_invalid_date, "month 13 is not 1-12"},
      {"2024-00-10", 5, FilterCode::filter_invalid_date, "month 0 is not 1-12"},
      {"2024-Q5", 6, FilterCode::filter_invalid_date, "quarter 5 is not 1-4"},
      {"2024-03-01 25:00", 11, FilterCode::filter_invalid_date, "hour 25 is not 0-23"},
      {"2024-03-01 10:60", 14, FilterCode::filter_invalid_date, "minute 60 is not 0-59"},
      {"2024-03-01 10:30:99", 17, FilterCode::filter_invalid_date, "second 99 is not 0-59"},
      {"2024-03 10:30", 8, FilterCode::filter_invalid_date,
       "a time at position 8 needs a full date before it"},
      {"2024-03/01", 7, FilterCode::filter_invalid_date,
       "invalid date '2024-03/01': expected '-' at position 7, found '/'"},
      {"2024-03-01T10:00", 10, FilterCode::filter_invalid_date,
       "invalid date '2024-03-01T10:00': expected the end of the date at position 10, found 'T'"},
      {"24-03-01", 2, FilterCode::filter_invalid_date,
       "invalid date '24-03-01': expected a four-digit year at position 2, found '-'"},
      {"last 3 dayz", 7, FilterCode::filter_unknown_unit,
       "expected a unit (second, minute, hour, day, week, month, quarter, year) at position 7, "
       "found 'dayz'"},
      {"this", 4, FilterCode::filter_unknown_unit,
       "expected a unit (second, minute, hour, day, week, month, quarter, year) at position 4, "
       "found the end of the expression"},
      {"FY2024", 0, FilterCode::filter_unsupported,
       "fiscal periods such as 'FY2024' at position 0 are not supported"},
      {"last fiscal quarter", 5, FilterCode::filter_unsupported,
       "fiscal periods at position 5 are not supported"},
      {"monday", 0, FilterCode::filter_unsupported,
       "weekday names such as 'monday' at position 0 are not supported"},
      {"tody", 0, FilterCode::filter_syntax,
       "expected a date, a relative period or NULL at position 0, found 'tody'"},
      {"days", 0, FilterCode::filter_syntax, "expected a number before 'days' at position 0"},
      {"0 days", 0, FilterCode::filter_out_of_range, "the count at position 0 must be at least 1"},
      {"last 0 weeks", 5, FilterCode::filter_out_of_range,
       "the count at position 5 must be at least 1"},
      {"99999999 days", 0, FilterCode::filter_out_of_range,
       "the count '99999999' at position 0 is too large"},
      {"now", 0, FilterCode::filter_syntax, "'now' at position 0 is a moment, not a period"},
      {"2024-03-01 xyz", 11, FilterCode::filter_syntax, "unexpected 'xyz' at position 11"},
      {"3 days from today", 12, FilterCode::filter_syntax,
       "expected 'now' after 'from' at position 7, found 'today'"},
      {"not today", 4, FilterCode::filter_syntax,
       "expected NULL after NOT at position 4, found 'today'"},
      {"2024 for x", 9, FilterCode::filter_invalid_number,
       "expected a whole number at position 9, found 'x'"},
      {"2024'; DROP TABLE t; --", 4, FilterCode::filter_invalid_date,
       "invalid date '2024';': expected '-' or '/' at position 4, found '''"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.expression);
    const FilterError e = filterError(c.expression, FilterType::Date);
    EXPECT_EQ(e.offset, c.offset);
    EXPECT_EQ(e.code, c.code);
    EXPECT_EQ(e.message, c.message);
  }
  EXPECT_EQ(filterError("last 3 dayz", FilterType::Date).hint, "did you mean 'days'?");
  EXPECT_EQ(filterError("tody", FilterType::Date).hint, "did you mean 'today'?");
}

}  // namespace
}  // namespace lkml::codegen::test
