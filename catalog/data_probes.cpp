#include "catalog/data_probes.h"

#include <algorithm>
#include <unordered_map>

#include "catalog/catalog_queries.h"
#include "catalog/identifier.h"

namespace lkml::catalog {
namespace {

constexpr std::string_view kWrapPrefix = "SELECT * FROM (\n";
constexpr std::string_view kWrapSuffix = "\n) AS lkml_probe LIMIT 0";

constexpr const char* kTypeNames = R"(
SELECT t.oid::text, pg_catalog.format_type(t.oid, NULL), t.typcategory::text,
       CASE WHEN t.typtype = 'd' THEN pg_catalog.format_type(t.typbasetype, NULL) END
  FROM pg_catalog.pg_type t
 WHERE t.oid = ANY ($1::oid[]))";

int countCharacters(std::string_view text) {
  int n = 0;
  for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) == 0x80 ? 0 : 1;
  return n;
}

std::string_view withoutTrailingSemicolons(std::string_view sql) {
  while (!sql.empty()) {
    char last = sql.back();
    if (last != ';' && last != ' ' && last != '\t' && last != '\n' && last != '\r') break;
    sql.remove_suffix(1);
  }
  return sql;
}

// Runs `sql` wrapped in a LIMIT 0 SELECT; positions in errors refer to `sql`. A position in
// the wrapper after `sql` (e.g. "syntax error at end of input") becomes the end of `sql`.
bool runWrapped(PostgresConnection& connection, std::string_view sql, QueryResult* result,
                DatabaseError* error) {
  std::string_view body = withoutTrailingSemicolons(sql);
  Statement statement{std::string(kWrapPrefix) + std::string(body) + std::string(kWrapSuffix), {}};
  if (connection.run(statement, result, error)) return true;
  if (error->position > 0) {
    int mapped = error->position - static_cast<int>(kWrapPrefix.size());
    error->position = mapped < 1 ? 0 : std::min(mapped, countCharacters(body) + 1);
  }
  return false;
}

}  // namespace

KeyPart KeyPart::column(std::string_view name) {
  return KeyPart{quoteIdentifier(name), std::string(name)};
}

KeyPart KeyPart::expression(std::string_view sql) {
  return KeyPart{std::string(sql), std::string(sql)};
}

bool probeUniqueness(PostgresConnection& connection, std::string_view relation_sql,
                     const std::vector<KeyPart>& key, UniquenessResult* result,
                     DatabaseError* error, const UniquenessOptions& options) {
  *result = UniquenessResult();
  if (key.empty()) {
    *error = DatabaseError();
    error->message = "a uniqueness probe needs at least one key column";
    return false;
  }
  std::string select, where, group_by;
  for (size_t i = 0; i < key.size(); ++i) {
    std::string part = "(" + key[i].sql + ")";
    select += part + ", ";
    group_by += (i ? ", " : "") + std::to_string(i + 1);
    where += (i ? " AND " : "") + part + " IS NOT NULL";
  }
  std::string sql = "SELECT " + select + "count(*) FROM " + std::string(relation_sql);
  if (options.ignore_null_keys) sql += " WHERE " + where;
  sql += " GROUP BY " + group_by + " HAVING count(*) > 1 LIMIT 1";
  QueryResult rows;
  if (!connection.run({sql, {}}, &rows, error)) {
    error->position = 0;  // a position in the generated statement means nothing to callers
    return false;
  }
  if (rows.rows.empty()) return true;
  const auto& row = rows.rows.front();
  result->unique = false;
  result->sample_key.assign(row.begin(), row.end() - 1);
  result->sample_count = std::stoll(row.back().value_or("0"));
  return true;
}

bool probeQueryColumns(PostgresConnection& connection, std::string_view sql,
                       std::vector<QueryColumnInfo>* columns, DatabaseError* error) {
  columns->clear();
  QueryResult result;
  if (!runWrapped(connection, sql, &result, error)) return false;
  if (result.columns.empty()) return true;
  std::vector<std::string> oids;
  for (const auto& column : result.columns) oids.push_back(std::to_string(column.type_oid));
  QueryResult types;
  if (!connection.run({kTypeNames, {textArrayLiteral(oids)}}, &types, error)) return false;
  std::unordered_map<std::string, const std::vector<std::optional<std::string>>*> by_oid;
  for (const auto& row : types.rows) by_oid[row[0].value_or("")] = &row;
  for (const auto& column : result.columns) {
    QueryColumnInfo info;
    info.name = column.name;
    info.type_oid = column.type_oid;
    auto it = by_oid.find(std::to_string(column.type_oid));
    if (it != by_oid.end()) {
      const auto& row = *it->second;
      info.data_type = row[1].value_or("");
      std::string category = row[2].value_or("");
      info.category =
          categorizeType(row[3].value_or(info.data_type), category.empty() ? 0 : category[0]);
    }
    columns->push_back(std::move(info));
  }
  return true;
}

bool runWithLimitZero(PostgresConnection& connection, std::string_view sql, DatabaseError* error) {
  QueryResult result;
  return runWrapped(connection, sql, &result, error);
}

}  // namespace lkml::catalog
