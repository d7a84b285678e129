// The one place where SQL dialects differ (sqlglot style): a Dialect is a set of capability
// flags plus a few virtual functions that spell literals, date arithmetic, timeframes,
// aggregates and clauses. Code generation never asks "which dialect is this?"; it asks the
// Dialect to render something. A new dialect subclasses its nearest relative and overrides
// only what differs. Every function returns a SQL fragment; none of them reads user input
// without escaping it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "codegen/sql_lexical_state.h"

namespace lkml::codegen {

/// Calendar units used by date filters and interval arithmetic.
enum class DateUnit { Second, Minute, Hour, Day, Week, Month, Quarter, Year };
/// "second", "minute", ... (the singular lower-case name, as DATE_TRUNC spells it).
const char* dateUnitName(DateUnit unit);
/// The unit named like a duration interval or filter unit ("day", "days"), if any.
std::optional<DateUnit> dateUnitFromName(std::string_view name);

/// Days of the week; a model's `week_start_day` picks one (Looker's default is Monday).
enum class Weekday { Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday };
std::optional<Weekday> weekdayFromName(std::string_view name);  // "monday" (case-insensitive)

/// Timeframes of a `dimension_group: { type: time }` (reference 7.3).
enum class Timeframe {
  Raw,
  Time,
  TimeOfDay,
  Date,
  Week,
  Month,
  Quarter,
  Year,
  Hour,
  Minute,
  Second,
  HourOfDay,
  DayOfWeek,
  DayOfWeekIndex,
  DayOfMonth,
  DayOfYear,
  WeekOfYear,
  MonthNum,
  MonthName,
  QuarterOfYear,
  // Added with issue 12 (kept after QuarterOfYear so existing numbering is stable).
  Millisecond,
  Microsecond,
  FiscalMonthNum,
  FiscalQuarter,
  FiscalQuarterOfYear,
  FiscalYear,
  YesNo,
  HourN,         // hour2 ... hour12: the day split into `step`-hour buckets
  MinuteN,       // minute2 ... minute30: the hour split into `step`-minute buckets
  MillisecondN,  // millisecond2 ... millisecond500: the second split into `step`-ms buckets
};
/// A timeframe as written: `hour6` is {HourN, 6}; plain timeframes have step 1.
struct TimeframeSpec {
  Timeframe timeframe = Timeframe::Raw;
  int step = 1;
};
/// What timeframes depend on besides the value: the model's week_start_day and
/// fiscal_month_offset.
struct TimeframeOptions {
  Weekday weekStart = Weekday::Monday;
  int fiscalMonthOffset = 0;
};
/// "raw", "time", "day_of_week_index", ... as written in LookML ("hour" for HourN and so on).
const char* timeframeName(Timeframe timeframe);
/// A plain timeframe name (not `hour6`: see parseTimeframe).
std::optional<Timeframe> timeframeFromName(std::string_view name);
/// Any timeframe Looker documents, including `hourN`, `minuteN` and `millisecondN` where N
/// divides 24, 60 and 1000 as Looker lists them.
std::optional<TimeframeSpec> parseTimeframe(std::string_view name);
/// Timeframes whose values are periods of time; filters on them apply to the raw expression.
bool isDateValuedTimeframe(Timeframe timeframe);

/// What a dialect can do; code generation consults these instead of naming dialects.
struct DialectFeatures {
  bool supportsPercentileCont = false;       // PERCENTILE_CONT(p) WITHIN GROUP (ORDER BY x)
  bool supportsDistinctStringAgg = false;    // list measures: STRING_AGG(DISTINCT ...)
  bool supportsSymmetricAggregates = false;  // exact MD5-keyed SUM(DISTINCT)
  bool supportsNullsFirstLast = false;       // ORDER BY x NULLS LAST
  bool hasBooleanType = false;               // TRUE/FALSE are values, not just predicates
};

class Dialect {
 public:
  virtual ~Dialect() = default;

  /// Canonical registry name ("postgres").
  virtual std::string_view name() const = 0;
  virtual const DialectFeatures& features() const = 0;

  // ---- Literals and names -------------------------------------------------------------
  /// A quoted identifier or alias: `users.count` -> `"users.count"`.
  virtual std::string quoteIdentifier(std::string_view name) const = 0;
  /// The alias of a query column named `view.field`, as Looker writes it: `"users.count"`
  /// where the dialect allows any quoted name, `users_count` where it does not (BigQuery).
  virtual std::string columnAlias(std::string_view name) const { return quoteIdentifier(name); }
  /// Whose lexer reads the SQL text (base/sql_lexical_rules.h), so that a value from a user is
  /// written into a template only where it stays a literal (codegen/sql_lexical_state.h).
  virtual sql::Dialect lexicalDialect() const { return sql::Dialect::Postgres; }
  /// False when `value` cannot be written as a string literal (PostgreSQL text cannot hold
  /// NUL). Callers must check untrusted values before calling stringLiteral().
  virtual bool canRepresentString(std::string_view value) const = 0;
  /// A string literal holding exactly `value`; throws std::invalid_argument when
  /// canRepresentString(value) is false (a caller bug, not a user error).
  virtual std::string stringLiteral(std::string_view value) const = 0;
  /// TRUE / FALSE.
  virtual std::string booleanLiteral(bool value) const = 0;
  /// A yesno dimension's value: 'Yes' when `condition` holds, else 'No' (NULL counts as No).
  virtual std::string yesNoValue(const std::string& condition) const = 0;
  /// A timestamp literal from ISO text already validated by the caller ("2024-03-01",
  /// "2024-03-01 10:30:00").
  virtual std::string timestampLiteral(std::string_view iso) const = 0;

  // ---- Predicates -------------------------------------------------------------------------
  /// The escape character of LIKE patterns built by filters (Looker uses '^').
  virtual char likeEscape() const { return '^'; }
  /// `target [NOT] LIKE <pattern>`; `pattern` uses likeEscape() to escape % _ and itself.
  /// `lowerPattern` wraps the pattern literal in lower() for case-insensitive matching.
  virtual std::string like(const std::string& target, std::string_view pattern, bool negated,
                           bool lowerPattern) const = 0;
  /// Lower-cases a string expression (case-insensitive comparisons).
  virtual std::string lower(const std::string& expr) const = 0;
  /// Length in characters of a string expression.
  virtual std::string length(const std::string& expr) const = 0;
  /// Degrees to radians (distance dimensions).
  virtual std::string radians(const std::string& expr) const { return "RADIANS(" + expr + ")"; }
  /// `expr` converted to the dialect's text type (location values "lat,lon").
  virtual std::string castToText(const std::string& expr) const {
    return "CAST(" + expr + " AS TEXT)";
  }

  // ---- Dates and times ----------------------------------------------------------------------
  /// The current timestamp, converted to `timeZone` when it is not empty.
  virtual std::string currentTimestamp(std::string_view timeZone) const = 0;
  /// The start of the `unit` containing `expr`; weeks start on `weekStart`.
  virtual std::string truncate(DateUnit unit, const std::string& expr, Weekday weekStart) const = 0;
  /// `expr` moved by `count` units (count may be negative; 0 returns expr unchanged).
  virtual std::string addInterval(const std::string& expr, int64_t count, DateUnit unit) const = 0;
  /// The SQL of a dimension group timeframe over the raw expression `expr`.
  std::string timeframeSql(Timeframe timeframe, const std::string& expr,
                           Weekday weekStart = Weekday::Monday) const {
    return renderTimeframe(TimeframeSpec{timeframe, 1}, expr, TimeframeOptions{weekStart, 0});
  }
  std::string timeframeSql(const TimeframeSpec& timeframe, const std::string& expr,
                           const TimeframeOptions& options) const {
    return renderTimeframe(timeframe, expr, options);
  }

  /// The raw value of a time dimension group declared `datatype: date|datetime|timestamp`
  /// ("" when not declared) as the type the timeframe functions take; dialects whose date
  /// functions accept every one of them return `expr` unchanged.
  virtual std::string timeValue(const std::string& expr, std::string_view datatype) const {
    (void)datatype;
    return expr;
  }
  /// Seconds since 1970 (dimension_group `datatype: epoch`) as a timestamp.
  virtual std::string epochToTimestamp(const std::string& expr) const = 0;
  /// An integer or text YYYYMMDD (`datatype: yyyymmdd`) as a date.
  virtual std::string yyyymmddToDate(const std::string& expr) const = 0;
  /// Whole `unit`s elapsed from `start` to `end` (dimension_group `type: duration`).
  virtual std::string duration(DateUnit unit, const std::string& start,
                               const std::string& end) const = 0;

  // ---- Aggregates -------------------------------------------------------------------------
  /// A 128-bit hash of a primary key as an exact NUMERIC (symmetric aggregates, ref 7.5).
  virtual std::string hashKeyToNumeric(const std::string& primaryKey) const = 0;
  /// SUM of `value` counting each `primaryKey` once even when joins repeat rows; 0 when empty.
  virtual std::string symmetricSum(const std::string& value,
                                   const std::string& primaryKey) const = 0;
  /// AVG of `value` counting each `primaryKey` once; NULL when no value is present.
  virtual std::string symmetricAverage(const std::string& value,
                                       const std::string& primaryKey) const = 0;
  virtual std::string countDistinct(const std::string& expr) const = 0;
  /// Continuous percentile, `fraction` in [0, 1]; median is fraction 0.5.
  virtual std::string percentile(const std::string& expr, double fraction) const = 0;
  std::string median(const std::string& expr) const { return percentile(expr, 0.5); }
  /// The distinct values of `expr` joined by `separator` (a plain string, escaped here).
  virtual std::string listAggregate(const std::string& expr, std::string_view separator) const = 0;

  // ---- Clauses ------------------------------------------------------------------------------
  /// The row-limit clause, e.g. "LIMIT 500".
  virtual std::string limitClause(uint64_t rows) const = 0;

  // ---- What the dialect cannot compute ------------------------------------------------------
  /// Whether every sort-based aggregate of one query (percentile, median, list) must order by
  /// the same expression (Redshift: "all must use the same ORDER BY values"); a query that
  /// mixes two is refused (LKML460) instead of failing on the warehouse.
  virtual bool sortedAggregatesShareOrder() const { return false; }

 protected:
  /// timeframeSql() without the default argument (defaults do not belong on virtuals).
  virtual std::string renderTimeframe(const TimeframeSpec& timeframe, const std::string& expr,
                                      const TimeframeOptions& options) const = 0;
};

}  // namespace lkml::codegen
