// Coarse categories of PostgreSQL column types, the granularity LookML checks need
// (a `type: number` dimension on a text column, a `dimension_group` on a non-temporal one).
#pragma once

#include <optional>
#include <string_view>

namespace lkml::catalog {

enum class TypeCategory {
  Numeric,            // smallint, integer, bigint, numeric(p,s), real, double precision, money
  String,             // text, character varying(n), character(n), name, enums, citext
  Boolean,            // boolean
  TemporalDate,       // date
  TemporalTimestamp,  // timestamp [with|without time zone], with or without precision
  Json,               // json, jsonb
  Other,              // arrays, uuid, time, interval, bytea, geometric types, ...
};

/// "numeric", "string", "boolean", "temporal_date", "temporal_timestamp", "json", "other".
const char* typeCategoryName(TypeCategory category);
std::optional<TypeCategory> parseTypeCategory(std::string_view name);

/// Category of a type as `format_type()` spells it ("numeric(10,2)", "timestamp(3) with time
/// zone", "integer[]"). `pg_typcategory` (pg_type.typcategory, 0 if unknown) classifies types
/// the name does not: enums ('E') are strings, other 'N'/'S'/'B' types follow their category.
TypeCategory categorizeType(std::string_view formatted_type, char pg_typcategory = 0);

}  // namespace lkml::catalog
