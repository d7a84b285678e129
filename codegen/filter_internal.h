// Private to codegen/filter_*.cpp: the per-type parsers and renderers behind
// parseFilterExpression/renderFilter, and the helpers they share.
#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "codegen/filter_expression.h"

namespace lkml::codegen::filter {

// ---- Errors and text --------------------------------------------------------------------------
FilterError makeError(FilterCode code, size_t offset, std::string message, std::string hint = {});
/// "'abc'" for a non-empty token, "the end of the expression" for an empty one.
std::string describeFound(std::string_view token);
bool equalsIgnoreCase(std::string_view a, std::string_view b);
std::string lowerAscii(std::string_view text);
bool isSpace(char c);
bool isDigit(char c);
/// The first NUL byte or invalid UTF-8 sequence, as an error.
std::optional<FilterError> checkEncoding(std::string_view expr);

/// Parses a whole token as a decimal literal ([+-] digits [. digits] [e [+-] digits]). On
/// failure returns the index within `text` of the first offending character.
std::variant<Decimal, size_t> parseDecimal(std::string_view text);

// ---- Per-type parsers (the expression is known not to be blank) ----------------------------
std::variant<StringFilter, FilterError> parseStringFilter(std::string_view expr);
std::variant<NumberFilter, FilterError> parseNumberFilter(std::string_view expr);
std::variant<DateFilter, FilterError> parseDateFilter(std::string_view expr);
std::variant<YesNoFilter, FilterError> parseYesNoFilter(std::string_view expr);

/// An absolute date or time and the period it names (2024 → one year from 2024-01-01).
struct AbsoluteDate {
  CivilTime time;
  DateLength length;
};
/// Parses `date` (2024, 2024-03, 2024/03/01, 2024-Q1) written at `dateStart`, with an optional
/// `time` (10:30, 10:30:15) written at `timeStart`; validates the calendar.
std::variant<AbsoluteDate, FilterError> parseAbsoluteDate(std::string_view date, size_t dateStart,
                                                          std::string_view time, size_t timeStart);

// ---- Per-type renderers ---------------------------------------------------------------------
std::string renderStringFilter(const StringFilter& filter, const std::string& target,
                               const Dialect& dialect, const FilterContext& ctx);
std::string renderNumberFilter(const NumberFilter& filter, const std::string& target);
std::string renderDateFilter(const DateFilter& filter, const std::string& target,
                             const Dialect& dialect, const FilterContext& ctx);
std::string renderYesNoFilter(const YesNoFilter& filter, const std::string& target);

// ---- Building predicates (filter_sql.cpp) -------------------------------------------------
/// A piece of a predicate; `compound` when it has a top-level AND/OR and so needs parentheses
/// inside a larger condition.
struct Predicate {
  std::string sql;
  bool compound = false;
};
/// `(sql)` unless `sql` is already enclosed in one pair of parentheses.
std::string parenthesize(const std::string& sql);
/// Joins with " OR " / " AND ", parenthesizing compound pieces when there is more than one.
Predicate joinPredicates(const std::vector<Predicate>& pieces, const char* op);
/// Looker's list rule: positive items ORed, negative items ANDed, the groups ANDed; in the
/// mixed form the positive group is parenthesized: `(a OR b) AND n1 AND n2`.
std::string combinePositiveNegative(const std::vector<Predicate>& positives,
                                    const std::vector<Predicate>& negatives);
/// `(x <> v OR x IS NULL)`: a negated condition that keeps NULL rows, unless `keepNulls` is
/// false (another item already excludes NULLs), then just the condition.
Predicate keepNullRows(const std::string& condition, const std::string& target, bool keepNulls);

}  // namespace lkml::codegen::filter
