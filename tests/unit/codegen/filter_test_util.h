// Helpers for the filter expression tests: parse + render with PostgreSQL, or the error.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <variant>

#include "codegen/dialects/postgres_dialect.h"
#include "codegen/filter_expression.h"
#include "tests/support/test_paths.h"

namespace lkml::codegen::test {

/// The predicate for target `x`, or "ERROR@<offset> LKML<code>: <message>".
inline std::string filterSql(std::string_view expr, FilterType type,
                             const FilterContext& ctx = {}) {
  static const PostgresDialect dialect;
  auto parsed = parseFilterExpression(expr, type);
  if (const auto* error = std::get_if<FilterError>(&parsed)) {
    return "ERROR@" + std::to_string(error->offset) + " LKML" +
           std::to_string(static_cast<int>(error->code)) + ": " + error->message;
  }
  return renderFilter(std::get<FilterExpr>(parsed), "x", dialect, ctx);
}

/// The error of an expression that must not parse.
inline FilterError filterError(std::string_view expr, FilterType type) {
  auto parsed = parseFilterExpression(expr, type);
  if (const auto* error = std::get_if<FilterError>(&parsed)) return *error;
  ADD_FAILURE() << "expected `" << expr << "` to be rejected";
  return {};
}

struct FilterCase {
  const char* expression;
  const char* sql;
};

inline void PrintTo(const FilterCase& c, std::ostream* os) { *os << "`" << c.expression << "`"; }

}  // namespace lkml::codegen::test
