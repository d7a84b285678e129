// Amazon Redshift: PostgreSQL 8's descendant. Only what Redshift spells differently from
// PostgresDialect is overridden: literals without backslashes (CHR(92)), GETDATE(), DATEADD /
// DATEDIFF date arithmetic, Looker's STRTOL(LEFT(MD5 ...)) symmetric aggregates, LISTAGG.
#pragma once

#include "codegen/dialects/postgres_dialect.h"

namespace lkml::codegen {

class RedshiftDialect : public PostgresDialect {
 public:
  std::string_view name() const override { return "redshift"; }
  const DialectFeatures& features() const override;

  std::string stringLiteral(std::string_view value) const override;
  std::string castToText(const std::string& expr) const override;

  std::string currentTimestamp(std::string_view timeZone) const override;
  std::string truncate(DateUnit unit, const std::string& expr, Weekday weekStart) const override;
  std::string addInterval(const std::string& expr, int64_t count, DateUnit unit) const override;
  std::string epochToTimestamp(const std::string& expr) const override;
  std::string duration(DateUnit unit, const std::string& start,
                       const std::string& end) const override;

  std::string hashKeyToNumeric(const std::string& primaryKey) const override;
  std::string symmetricSum(const std::string& value, const std::string& primaryKey) const override;
  std::string listAggregate(const std::string& expr, std::string_view separator) const override;

  bool sortedAggregatesShareOrder() const override { return true; }
  sql::Dialect lexicalDialect() const override { return sql::Dialect::Redshift; }

 protected:
  std::string renderTimeframe(const TimeframeSpec& timeframe, const std::string& expr,
                              const TimeframeOptions& options) const override;
};

}  // namespace lkml::codegen
