// Looker filter expressions ("matches (advanced)", reference section 8): parse once into a
// small AST, then render a SQL predicate for any Dialect.
//
//   auto parsed = parseFilterExpression("FOO%,-FOOD", FilterType::String);
//   if (auto* error = std::get_if<FilterError>(&parsed)) { ... error->offset ... }
//   std::string sql = renderFilter(std::get<FilterExpr>(parsed), "(users.name)", dialect, {});
//   // (users.name) LIKE 'FOO%' ...
//
// Every value reaches SQL through Dialect::stringLiteral / timestampLiteral or as a number
// re-printed from its parsed digits, so no user text is ever spliced into SQL.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "base/diagnostic.h"
#include "codegen/sql_dialect.h"

namespace lkml::codegen {

/// The filter language of a field, from its LookML type. The caller maps types: string, tier,
/// zipcode, location-like → String; number and numeric measures → Number; date timeframes,
/// time, date → Date; yesno → YesNo.
enum class FilterType { String, Number, Date, YesNo };
const char* filterTypeName(FilterType type);

/// Filter diagnostic codes LKML440-449 (codegen/filter_codes.def).
enum class FilterCode : int {
#define LKML_DIAG(num, sev, slug, summary) slug = num,
#include "codegen/filter_codes.def"
#undef LKML_DIAG
};
/// Adds LKML440-449 to the diagnostic catalogue (idempotent; also done at start-up and by the
/// first parse).
void registerFilterDiagnosticCodes();

struct FilterError {
  size_t offset = 0;    // byte in the expression where the problem is
  std::string message;  // one sentence, no trailing period, quotes the offending text
  std::string hint;     // how to fix it, or ""
  FilterCode code = FilterCode::filter_syntax;
};

/// A Diagnostic for `error`. `expression` is the span of the expression's text in the source
/// (without surrounding quotes); when it is valid the diagnostic points at the offending byte.
Diagnostic filterDiagnostic(const FilterError& error, Span expression);

// ---- AST ------------------------------------------------------------------------------------

/// An exact decimal: value = (negative ? -1 : 1) × digits × 10^exponent. Printed back from the
/// parsed digits, never copied from the input.
struct Decimal {
  bool negative = false;
  std::string digits = "0";  // no leading zeros; "0" for zero (then negative is false)
  int64_t exponent = 0;      // trailing zeros of digits are moved here

  /// Canonical SQL numeric literal: "5", "-0.25", "1.5E+300".
  std::string sql() const;
  /// <0, 0, >0 like strcmp.
  int compare(const Decimal& other) const;
};

struct StringTerm {
  enum class Kind { Equals, Like, Null, Empty };
  Kind kind = Kind::Equals;
  bool negated = false;  // written with a leading '-'
  /// Equals: the exact text. Like: a LIKE pattern where '%' and '_' are wildcards and '^'
  /// escapes '%', '_' and '^' (rendered with ESCAPE '^').
  std::string value;
  size_t offset = 0;
};

struct NumberBound {
  Decimal value;
  bool inclusive = true;
};

struct NumberTerm {
  enum class Kind { Equals, Range, Null };
  Kind kind = Kind::Equals;
  bool negated = false;            // NOT, <>, != (NULL rows are kept, as for strings)
  std::vector<Decimal> values;     // Equals: one value, or several for an IN list
  std::optional<NumberBound> low;  // Range: missing = unbounded
  std::optional<NumberBound> high;
  size_t offset = 0;
};

/// A calendar date and time without a zone (validated: 2024-02-30 never gets here).
struct CivilTime {
  int year = 1970;
  int month = 1;
  int day = 1;
  int hour = 0;
  int minute = 0;
  int second = 0;
  /// "2024-03-01" when the time is midnight, else "2024-03-01 10:30:15".
  std::string iso() const;
};

/// A point in time: a literal, now, or the start of the `unit` containing now moved by
/// `offset` units (`3 days ago` = day, -3).
struct DateMoment {
  enum class Kind { Absolute, Relative, Now };
  Kind kind = Kind::Absolute;
  CivilTime time;                 // Absolute
  DateUnit unit = DateUnit::Day;  // Relative
  int64_t offset = 0;             // Relative
};

struct DateLength {
  int64_t count = 1;
  DateUnit unit = DateUnit::Day;
};

struct DateTerm {
  enum class Kind { Range, Before, After, Null, NotNull };
  Kind kind = Kind::Range;
  DateMoment start;                          // Range: first instant; Before/After: the bound
  std::variant<DateMoment, DateLength> end;  // Range: exclusive end, or start + length
  size_t offset = 0;
};

struct StringFilter {
  std::vector<StringTerm> terms;
};
struct NumberFilter {
  std::vector<NumberTerm> terms;
};
struct DateFilter {
  std::vector<DateTerm> terms;  // ORed
};
struct YesNoFilter {
  bool yes = true;
};

struct FilterExpr {
  FilterType type = FilterType::String;
  /// monostate: the expression was empty, meaning "no filter".
  std::variant<std::monostate, StringFilter, NumberFilter, DateFilter, YesNoFilter> body;

  bool empty() const { return std::holds_alternative<std::monostate>(body); }
};

// ---- Parsing and rendering ------------------------------------------------------------------

/// Parses `expr` in the language of `type`. Never throws on user input.
std::variant<FilterExpr, FilterError> parseFilterExpression(std::string_view expr, FilterType type);

/// Query-level settings that change the SQL of a filter.
struct FilterContext {
  /// The model's `case_sensitive` (default yes on PostgreSQL). When false, string filters
  /// compare LOWER(target) with LOWER(literal).
  bool caseSensitive = true;
  /// The model's `week_start_day`, used by week-based relative dates.
  Weekday weekStartDay = Weekday::Monday;
  /// The query time zone, or "". Relative dates are always computed by the database from its
  /// CURRENT_TIMESTAMP (as Looker does), converted to this zone when set.
  std::string queryTimeZone;
};

/// The predicate of `filter` over the SQL expression `target` (already built, e.g.
/// "(users.email)"; for dates the raw timestamp or date expression; for yesno the boolean
/// condition). Returns "" for an empty filter. The result may contain top-level AND/OR:
/// wrap it in parentheses before combining it with other conditions.
std::string renderFilter(const FilterExpr& filter, const std::string& target,
                         const Dialect& dialect, const FilterContext& ctx = {});

}  // namespace lkml::codegen
