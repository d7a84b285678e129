// Google BigQuery (Standard SQL). Output follows the SQL Looker generates for BigQuery: aliases
// `view_field` (BigQuery names cannot hold a dot), backslash-escaped '...' literals,
// TIMESTAMP_TRUNC / FORMAT_TIMESTAMP timeframes, MD5-keyed NUMERIC symmetric aggregates.
// docs/dialects.md lists every form with its source.
#pragma once

#include "codegen/sql_dialect.h"

namespace lkml::codegen {

class BigQueryDialect : public Dialect {
 public:
  std::string_view name() const override { return "bigquery"; }
  const DialectFeatures& features() const override;

  std::string quoteIdentifier(std::string_view name) const override;
  std::string columnAlias(std::string_view name) const override;
  sql::Dialect lexicalDialect() const override { return sql::Dialect::BigQuery; }
  bool canRepresentString(std::string_view value) const override;
  std::string stringLiteral(std::string_view value) const override;
  std::string booleanLiteral(bool value) const override;
  std::string yesNoValue(const std::string& condition) const override;
  std::string timestampLiteral(std::string_view iso) const override;

  std::string like(const std::string& target, std::string_view pattern, bool negated,
                   bool lowerPattern) const override;
  std::string lower(const std::string& expr) const override;
  std::string length(const std::string& expr) const override;
  std::string castToText(const std::string& expr) const override;
  std::string radians(const std::string& expr) const override;

  std::string currentTimestamp(std::string_view timeZone) const override;
  std::string truncate(DateUnit unit, const std::string& expr, Weekday weekStart) const override;
  std::string addInterval(const std::string& expr, int64_t count, DateUnit unit) const override;

  std::string timeValue(const std::string& expr, std::string_view datatype) const override;
  std::string epochToTimestamp(const std::string& expr) const override;
  std::string yyyymmddToDate(const std::string& expr) const override;
  std::string duration(DateUnit unit, const std::string& start,
                       const std::string& end) const override;

  std::string hashKeyToNumeric(const std::string& primaryKey) const override;
  std::string symmetricSum(const std::string& value, const std::string& primaryKey) const override;
  std::string symmetricAverage(const std::string& value,
                               const std::string& primaryKey) const override;
  std::string countDistinct(const std::string& expr) const override;
  std::string percentile(const std::string& expr, double fraction) const override;
  std::string listAggregate(const std::string& expr, std::string_view separator) const override;

  std::string limitClause(uint64_t rows) const override;

 protected:
  std::string renderTimeframe(const TimeframeSpec& timeframe, const std::string& expr,
                              const TimeframeOptions& options) const override;
};

}  // namespace lkml::codegen
