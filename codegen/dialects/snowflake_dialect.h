// Snowflake: close to PostgreSQL (DATE_TRUNC, EXTRACT, TO_CHAR, ::casts, PERCENTILE_CONT), so
// it subclasses PostgresDialect and overrides backslash-escaped literals, DATEADD / DATEDIFF
// date arithmetic, Snowflake's TO_CHAR formats, Looker's TO_NUMBER(MD5 ...) symmetric
// aggregates and LISTAGG.
#pragma once

#include "codegen/dialects/postgres_dialect.h"

namespace lkml::codegen {

class SnowflakeDialect : public PostgresDialect {
 public:
  std::string_view name() const override { return "snowflake"; }
  const DialectFeatures& features() const override;

  sql::Dialect lexicalDialect() const override { return sql::Dialect::Snowflake; }
  std::string stringLiteral(std::string_view value) const override;
  std::string timestampLiteral(std::string_view iso) const override;
  std::string castToText(const std::string& expr) const override;

  std::string currentTimestamp(std::string_view timeZone) const override;
  std::string truncate(DateUnit unit, const std::string& expr, Weekday weekStart) const override;
  std::string addInterval(const std::string& expr, int64_t count, DateUnit unit) const override;
  std::string epochToTimestamp(const std::string& expr) const override;
  std::string yyyymmddToDate(const std::string& expr) const override;
  std::string duration(DateUnit unit, const std::string& start,
                       const std::string& end) const override;

  std::string hashKeyToNumeric(const std::string& primaryKey) const override;
  std::string symmetricSum(const std::string& value, const std::string& primaryKey) const override;
  std::string listAggregate(const std::string& expr, std::string_view separator) const override;

 protected:
  std::string renderTimeframe(const TimeframeSpec& timeframe, const std::string& expr,
                              const TimeframeOptions& options) const override;
};

}  // namespace lkml::codegen
