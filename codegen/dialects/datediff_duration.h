// Dimension group `type: duration` with DATEDIFF/DATEADD (Snowflake, Redshift): whole units
// elapsed, floored as Looker documents (see PostgresDialect::duration for the semantics).
#pragma once

#include <string>

#include "codegen/sql_dialect.h"

namespace lkml::codegen {

/// `timestampType` is the type both ends are cast to ("TIMESTAMP").
std::string dateDiffDuration(DateUnit unit, const std::string& start, const std::string& end,
                             const char* timestampType);

/// `DATEADD(unit, count, expr)` (0: expr unchanged).
std::string dateAdd(const std::string& expr, int64_t count, DateUnit unit);

}  // namespace lkml::codegen
