#include "catalog/catalog_queries.h"

namespace lkml::catalog {
namespace {

// Each query keeps these conditions literally, so it can be copied into psql as it is:
//  - relkind: tables ('r'), partitioned tables ('p'), views, materialized views, foreign tables;
//  - schemas: the requested ones, or every schema but pg_catalog, pg_toast, pg_temp_N and
//    information_schema (user schemas cannot start with "pg_").

constexpr const char* kRelationsAndColumns = R"(
SELECT n.nspname, c.relname, c.relkind::text, a.attname, a.attnum,
       pg_catalog.format_type(a.atttypid, a.atttypmod),
       CASE WHEN t.typtype = 'd' THEN pg_catalog.format_type(t.typbasetype, t.typtypmod) END,
       t.typcategory::text, a.attnotnull
  FROM pg_catalog.pg_namespace n
  LEFT JOIN pg_catalog.pg_class c
         ON c.relnamespace = n.oid AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
  LEFT JOIN pg_catalog.pg_attribute a
         ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
  LEFT JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
 WHERE CASE WHEN cardinality($1::text[]) = 0
            THEN n.nspname <> 'information_schema' AND n.nspname !~ '^pg_'
            ELSE n.nspname = ANY ($1::text[]) END
 ORDER BY n.nspname COLLATE "C", c.relname COLLATE "C", a.attnum)";

// A foreign key into a partitioned table also has internal child rows on the same table, one
// per referenced partition (conparentid points at a constraint with the same conrelid).
constexpr const char* kConstraints = R"(
SELECT n.nspname, c.relname, con.contype::text, con.conname,
       (SELECT json_agg(a.attname ORDER BY k.ord)
          FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
          JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
       )::text,
       fn.nspname, fc.relname,
       (SELECT json_agg(a.attname ORDER BY k.ord)
          FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
          JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum
       )::text
  FROM pg_catalog.pg_constraint con
  JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_catalog.pg_class fc ON fc.oid = con.confrelid
  LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace
 WHERE con.contype IN ('p', 'u', 'f')
   AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
   AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint parent
                    WHERE parent.oid = con.conparentid AND parent.conrelid = con.conrelid)
   AND CASE WHEN cardinality($1::text[]) = 0
            THEN n.nspname <> 'information_schema' AND n.nspname !~ '^pg_'
            ELSE n.nspname = ANY ($1::text[]) END
 ORDER BY n.nspname COLLATE "C", c.relname COLLATE "C", con.contype, con.conname COLLATE "C")";

// Only the first indnkeyatts entries of indkey are key columns; the rest are INCLUDE columns.
constexpr const char* kUniqueIndexes = R"(
SELECT n.nspname, c.relname, ic.relname,
       (SELECT json_agg(a.attname ORDER BY k.ord)
          FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
          JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
         WHERE k.ord <= i.indnkeyatts)::text
  FROM pg_catalog.pg_index i
  JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
  JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
 WHERE i.indisunique AND i.indisvalid AND i.indpred IS NULL AND i.indexprs IS NULL
   AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
   AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint con
                    WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid
                      AND con.contype IN ('p', 'u'))
   AND CASE WHEN cardinality($1::text[]) = 0
            THEN n.nspname <> 'information_schema' AND n.nspname !~ '^pg_'
            ELSE n.nspname = ANY ($1::text[]) END
 ORDER BY n.nspname COLLATE "C", c.relname COLLATE "C", ic.relname COLLATE "C")";

Statement withSchemas(const char* sql, const std::vector<std::string>& schemas) {
  return Statement{sql, {textArrayLiteral(schemas)}};
}

}  // namespace

std::string textArrayLiteral(const std::vector<std::string>& values) {
  std::string out = "{";
  for (size_t i = 0; i < values.size(); ++i) {
    out += i ? ",\"" : "\"";
    for (char c : values[i]) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  return out + "}";
}

Statement relationsAndColumnsQuery(const std::vector<std::string>& schemas) {
  return withSchemas(kRelationsAndColumns, schemas);
}

Statement constraintsQuery(const std::vector<std::string>& schemas) {
  return withSchemas(kConstraints, schemas);
}

Statement uniqueIndexesQuery(const std::vector<std::string>& schemas) {
  return withSchemas(kUniqueIndexes, schemas);
}

}  // namespace lkml::catalog
