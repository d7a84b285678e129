#include "catalog/postgres_catalog.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>

#include "catalog/catalog_queries.h"
#include "catalog/identifier.h"

namespace lkml::catalog {
namespace {

using Row = std::vector<std::optional<std::string>>;

const std::string& field(const Row& row, size_t index) {
  static const std::string kEmpty;
  return row[index] ? *row[index] : kEmpty;
}

RelationKind kindOf(const std::string& relkind) {
  switch (relkind.empty() ? 'r' : relkind[0]) {
    case 'v':
      return RelationKind::View;
    case 'm':
      return RelationKind::MaterializedView;
    case 'f':
      return RelationKind::Foreign;
    default:  // 'r', 'p'
      return RelationKind::Table;
  }
}

// A JSON array of names from json_agg(); empty for NULL.
std::vector<std::string> names(const std::optional<std::string>& json) {
  std::vector<std::string> out;
  if (!json) return out;
  nlohmann::json parsed = nlohmann::json::parse(*json, nullptr, false);
  if (!parsed.is_array()) return out;
  for (const auto& name : parsed) {
    if (name.is_string()) out.push_back(name.get<std::string>());
  }
  return out;
}

std::string relationKey(const std::string& schema, const std::string& name) {
  return schema + '\0' + name;
}

class CatalogBuilder {
 public:
  // Rows of relationsAndColumnsQuery, in its order.
  void addColumns(const QueryResult& result) {
    for (const Row& row : result.rows) {
      schemas_.insert(field(row, 0));
      if (!row[1]) continue;  // a schema without relations
      Relation* relation = relationFor(field(row, 0), field(row, 1), field(row, 2));
      if (!row[3]) continue;  // a relation without columns
      Column column;
      column.name = field(row, 3);
      column.ordinal = std::stoi(field(row, 4));
      column.data_type = field(row, 5);
      const std::string& base = row[6] ? field(row, 6) : column.data_type;
      column.category = categorizeType(base, field(row, 7).empty() ? 0 : field(row, 7)[0]);
      column.nullable = field(row, 8) != "t";
      relation->columns.push_back(std::move(column));
    }
  }

  void addConstraints(const QueryResult& result) {
    for (const Row& row : result.rows) {
      Relation* relation = find(field(row, 0), field(row, 1));
      if (!relation) continue;
      const std::string& type = field(row, 2);
      if (type == "p") {
        relation->primary_key = names(row[4]);
      } else if (type == "u") {
        relation->unique_constraints.push_back(names(row[4]));
      } else if (type == "f") {
        relation->foreign_keys.push_back(
            {names(row[4]), field(row, 5), field(row, 6), names(row[7])});
      }
    }
  }

  void addUniqueIndexes(const QueryResult& result) {
    for (const Row& row : result.rows) {
      if (Relation* relation = find(field(row, 0), field(row, 1))) {
        relation->unique_indexes.push_back(names(row[3]));
      }
    }
  }

  bool hasSchema(const std::string& schema) const { return schemas_.count(schema) > 0; }

  Catalog finish() {
    sortCatalog(catalog_);
    return std::move(catalog_);
  }

 private:
  Relation* relationFor(const std::string& schema, const std::string& name,
                        const std::string& relkind) {
    if (Relation* existing = find(schema, name)) return existing;
    index_[relationKey(schema, name)] = catalog_.relations.size();
    Relation relation;
    relation.schema = schema;
    relation.name = name;
    relation.kind = kindOf(relkind);
    catalog_.relations.push_back(std::move(relation));
    return &catalog_.relations.back();
  }

  Relation* find(const std::string& schema, const std::string& name) {
    auto it = index_.find(relationKey(schema, name));
    return it == index_.end() ? nullptr : &catalog_.relations[it->second];
  }

  Catalog catalog_;
  std::unordered_map<std::string, size_t> index_;
  std::set<std::string> schemas_;
};

}  // namespace

bool readCatalog(PostgresConnection& connection, const std::vector<std::string>& schemas,
                 Catalog* out, DatabaseError* error) {
  // With only pg_catalog on the search path, format_type() qualifies every user-defined type
  // ("public.citext"), whatever the session's search_path: snapshots do not depend on it.
  std::vector<QueryResult> results;
  if (!connection.runAll({relationsAndColumnsQuery(schemas), constraintsQuery(schemas),
                          uniqueIndexesQuery(schemas)},
                         &results, error, {{"search_path", "pg_catalog"}})) {
    return false;
  }
  CatalogBuilder builder;
  builder.addColumns(results[0]);
  for (const auto& schema : schemas) {
    if (!builder.hasSchema(schema)) {
      *error = DatabaseError();
      error->kind = DatabaseError::Kind::Query;
      error->sqlstate = "3F000";  // invalid_schema_name
      error->message = "schema " + quoteIdentifier(schema) + " does not exist";
      return false;
    }
  }
  builder.addConstraints(results[1]);
  builder.addUniqueIndexes(results[2]);
  *out = builder.finish();
  return true;
}

}  // namespace lkml::catalog
