// Layout: one relation key per line and one column, key or foreign key per line (compact
// JSON), so that a schema change shows up as a small diff.
#include <nlohmann/json.hpp>
#include <sstream>

#include "base/sql_lexical_rules.h"
#include "catalog/catalog_json.h"

namespace lkml::catalog {
namespace {

using Json = nlohmann::ordered_json;  // keeps keys in the documented order

std::string compact(const Json& value) {
  return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Json columnJson(const Column& column) {
  Json out;
  out["name"] = column.name;
  out["ordinal"] = column.ordinal;
  out["type"] = column.data_type;
  out["category"] = typeCategoryName(column.category);
  out["nullable"] = column.nullable;
  return out;
}

Json foreignKeyJson(const ForeignKey& key) {
  Json out;
  out["columns"] = key.columns;
  out["references"] = {{"schema", key.referenced_schema},
                       {"table", key.referenced_table},
                       {"columns", key.referenced_columns}};
  return out;
}

// `"key": [` + one compact item per line + `]`, or `"key": []` when empty.
template <typename T, typename ToJson>
void writeList(std::ostream& out, const char* key, const std::vector<T>& items, ToJson to_json,
               bool last) {
  out << "      \"" << key << "\": [";
  for (size_t i = 0; i < items.size(); ++i) {
    out << (i ? ",\n" : "\n") << "        " << compact(to_json(items[i]));
  }
  out << (items.empty() ? "]" : "\n      ]") << (last ? "\n" : ",\n");
}

void writeRelation(std::ostream& out, const Relation& relation) {
  auto same = [](const auto& value) { return Json(value); };
  out << "    {\n";
  out << "      \"schema\": " << compact(relation.schema) << ",\n";
  out << "      \"name\": " << compact(relation.name) << ",\n";
  out << "      \"kind\": " << compact(relationKindName(relation.kind)) << ",\n";
  writeList(out, "columns", relation.columns, columnJson, false);
  out << "      \"primary_key\": " << compact(relation.primary_key) << ",\n";
  writeList(out, "unique_constraints", relation.unique_constraints, same, false);
  writeList(out, "unique_indexes", relation.unique_indexes, same, false);
  writeList(out, "foreign_keys", relation.foreign_keys, foreignKeyJson, true);
  out << "    }";
}

}  // namespace

std::string toJson(const Catalog& catalog) {
  std::ostringstream out;
  out << "{\n  \"format\": " << compact(kCatalogFormat) << ",\n";
  // Written only for other warehouses, so PostgreSQL snapshots keep their bytes.
  if (catalog.dialect != sql::Dialect::Postgres) {
    out << "  \"dialect\": " << compact(sql::dialectName(catalog.dialect)) << ",\n";
  }
  out << "  \"relations\": [";
  for (size_t i = 0; i < catalog.relations.size(); ++i) {
    out << (i ? ",\n" : "\n");
    writeRelation(out, catalog.relations[i]);
  }
  out << (catalog.relations.empty() ? "]\n}\n" : "\n  ]\n}\n");
  return out.str();
}

}  // namespace lkml::catalog
