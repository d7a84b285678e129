#include "catalog/schema_dump.h"

#include "catalog/catalog_json.h"
#include "catalog/postgres_catalog.h"
#include "catalog/postgres_connection.h"

namespace lkml::catalog {

bool dumpSchema(const ConnectionSettings& settings, const std::vector<std::string>& schemas,
                std::ostream& out, DatabaseError* error) {
  std::unique_ptr<PostgresConnection> connection = PostgresConnection::open(settings, error);
  if (!connection) return false;
  Catalog catalog;
  if (!readCatalog(*connection, schemas, &catalog, error)) return false;
  out << toJson(catalog);
  return true;
}

}  // namespace lkml::catalog
