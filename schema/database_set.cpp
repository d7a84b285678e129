#include "schema/database_set.h"

#include "base/file_reader.h"
#include "catalog/catalog_json.h"
#include "catalog/postgres_catalog.h"

namespace lkml::schema {

bool parseConnectionMapping(const std::string& text, std::string* name, std::string* url,
                            std::string* error) {
  size_t eq = text.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == text.size()) {
    *error = "expected NAME=URL (a model's `connection:` name and a postgresql:// URL), got `" +
             catalog::redactUrl(text) + "`";
    return false;
  }
  *name = text.substr(0, eq);
  *url = text.substr(eq + 1);
  return true;
}

bool DatabaseSet::init(const DatabaseOptions& options, std::string* error) {
  options_ = options;
  for (const std::string& mapping : options.connections) {
    std::string name, url;
    if (!parseConnectionMapping(mapping, &name, &url, error)) {
      *error = "--connection: " + *error;
      return false;
    }
    mappings_[name] = url;
  }
  if (!options.snapshot.empty()) {
    ReadResult read = readFile(options.snapshot);
    if (!read.ok) {
      *error = "cannot read --schema `" + options.snapshot + "`: " + read.error;
      return false;
    }
    std::string parse_error;
    if (!catalog::fromJson(read.text, &snapshot_catalog_, &parse_error)) {
      *error =
          "--schema `" + options.snapshot + "` is not an lkml-catalog/1 snapshot: " + parse_error;
      return false;
    }
    snapshot_source_.name = "snapshot `" + options.snapshot + "`";
    snapshot_source_.catalog = &snapshot_catalog_;
    snapshot_source_.search_path = options.search_path;
  }
  return true;
}

catalog::ConnectionSettings DatabaseSet::settingsFor(const semantic::Model& model) const {
  catalog::ConnectionSettings settings;
  auto it = mappings_.find(model.connection);
  settings.url = it != mappings_.end() ? it->second : options_.url;
  settings.statement_timeout = options_.statement_timeout;
  return settings;
}

const SchemaSource* DatabaseSet::sourceFor(const semantic::Model& model,
                                           std::optional<sql::Dialect> dialect) {
  if (offline()) {
    if (!dialect || *dialect == snapshot_catalog_.dialect) return &snapshot_source_;
    auto& copy = redialected_[*dialect];
    if (!copy) {
      copy = std::make_unique<Redialected>();
      copy->catalog = snapshot_catalog_;
      catalog::setDialect(copy->catalog, *dialect);
      copy->source = snapshot_source_;
      copy->source.catalog = &copy->catalog;
    }
    return &copy->source;
  }
  if (failed_) return nullptr;
  catalog::ConnectionSettings settings = settingsFor(model);
  auto& live = live_[settings.url];
  if (live) return &live->source;
  auto start = std::chrono::steady_clock::now();
  auto fresh = std::make_unique<Live>();
  fresh->connection = catalog::PostgresConnection::open(settings, &error_);
  if (!fresh->connection) {
    failed_ = true;
    live_.erase(settings.url);
    return nullptr;
  }
  int before = fresh->connection->queryCount();
  if (!catalog::readCatalog(*fresh->connection, {}, &fresh->catalog, &error_)) {
    if (error_.kind == catalog::DatabaseError::Kind::Query) {
      error_.message = "cannot read the catalog of " + fresh->connection->target().describe() +
                       ": " + error_.message;
    }
    failed_ = true;
    live_.erase(settings.url);
    return nullptr;
  }
  catalog_queries_ += fresh->connection->queryCount() - before;
  catalog_ms_ +=
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  fresh->source.name = "database \"" + fresh->connection->target().database + "\"";
  if (dialect) catalog::setDialect(fresh->catalog, *dialect);
  fresh->source.catalog = &fresh->catalog;
  fresh->source.connection = fresh->connection.get();
  fresh->source.search_path = options_.search_path;
  live = std::move(fresh);
  return &live->source;
}

}  // namespace lkml::schema
