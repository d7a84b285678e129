// DuckDB. Its SQL is PostgreSQL's in most of what lkml writes (double-quoted names, `::`,
// DATE_TRUNC, EXTRACT, INTERVAL '1 day', STRING_AGG(DISTINCT ... ORDER BY ...)), so it
// subclasses PostgresDialect and overrides only what DuckDB spells differently or lacks:
// TO_CHAR (strftime), TO_DATE (strptime), DATE(), PERCENTILE_CONT ... WITHIN GROUP
// (QUANTILE_CONT), E'' literals (DuckDB never treats a backslash as an escape), TRIM_SCALE,
// and the `('x' || md5)::bit(64)` hash of symmetric aggregates (DuckDB cannot cast text to
// BIT from hex, and its DECIMAL stops at 38 digits, too few for a 128-bit hash).
#pragma once

#include "codegen/dialects/postgres_dialect.h"

namespace lkml::codegen {

class DuckDbDialect : public PostgresDialect {
 public:
  std::string_view name() const override { return "duckdb"; }

  std::string stringLiteral(std::string_view value) const override;

  std::string yyyymmddToDate(const std::string& expr) const override;

  std::string hashKeyToNumeric(const std::string& primaryKey) const override;
  std::string symmetricSum(const std::string& value, const std::string& primaryKey) const override;
  std::string percentile(const std::string& expr, double fraction) const override;

 protected:
  std::string renderTimeframe(const TimeframeSpec& timeframe, const std::string& expr,
                              const TimeframeOptions& options) const override;
};

}  // namespace lkml::codegen
