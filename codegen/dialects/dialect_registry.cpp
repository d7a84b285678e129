#include "codegen/dialects/dialect_registry.h"

#include <optional>

#include "codegen/dialects/bigquery_dialect.h"
#include "codegen/dialects/duckdb_dialect.h"
#include "codegen/dialects/postgres_dialect.h"
#include "codegen/dialects/redshift_dialect.h"
#include "codegen/dialects/snowflake_dialect.h"

namespace lkml::codegen {
namespace {

template <typename D>
const D& instance() {
  static const D dialect;
  return dialect;
}

}  // namespace

const Dialect& dialectFor(sql::Dialect dialect) {
  // Exhaustive (-Wswitch): a dialect added to base's enum must get its renderer here.
  switch (dialect) {
    case sql::Dialect::Postgres:
      return instance<PostgresDialect>();
    case sql::Dialect::BigQuery:
      return instance<BigQueryDialect>();
    case sql::Dialect::Snowflake:
      return instance<SnowflakeDialect>();
    case sql::Dialect::Redshift:
      return instance<RedshiftDialect>();
    case sql::Dialect::DuckDB:
      return instance<DuckDbDialect>();
  }
  return instance<PostgresDialect>();  // unreachable: every enum value is handled above
}

const Dialect* findDialect(std::string_view name) {
  // Names and spellings live in base/sql_lexical_rules.cpp only (one list for lint, schema
  // import and SQL generation).
  std::optional<sql::Dialect> parsed = sql::parseDialect(name);
  return parsed ? &dialectFor(*parsed) : nullptr;
}

std::vector<std::string> dialectNames() { return sql::dialectNames(); }

std::string unknownDialectMessage(std::string_view name) {
  return sql::unknownDialectMessage(name);
}

}  // namespace lkml::codegen
