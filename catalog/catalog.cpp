#include "catalog/catalog.h"

#include <algorithm>
#include <tuple>
#include <utility>

#include "base/suggest.h"
#include "catalog/identifier.h"

namespace lkml::catalog {
namespace {

constexpr std::pair<RelationKind, const char*> kKindNames[] = {
    {RelationKind::Table, "table"},
    {RelationKind::View, "view"},
    {RelationKind::MaterializedView, "materialized_view"},
    {RelationKind::Foreign, "foreign"},
};

bool containsAll(const std::vector<std::string>& haystack, const std::vector<std::string>& keys) {
  for (const auto& key : keys) {
    if (std::find(haystack.begin(), haystack.end(), key) == haystack.end()) return false;
  }
  return true;
}

bool sameSet(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  return a.size() == b.size() && containsAll(a, b) && containsAll(b, a);
}

// Ranks candidate keys: exact matches first, then by source (primary key first).
int matchRank(const UniqueKeyMatch& match) {
  return (match.exact ? 0 : 10) + static_cast<int>(match.source);
}

}  // namespace

const char* relationKindName(RelationKind kind) {
  for (const auto& [value, name] : kKindNames) {
    if (value == kind) return name;
  }
  return "table";
}

std::optional<RelationKind> parseRelationKind(std::string_view name) {
  for (const auto& [value, text] : kKindNames) {
    if (name == text) return value;
  }
  return std::nullopt;
}

const char* keySourceName(KeySource source) {
  switch (source) {
    case KeySource::PrimaryKey:
      return "primary key";
    case KeySource::UniqueConstraint:
      return "unique constraint";
    case KeySource::UniqueIndex:
      return "unique index";
  }
  return "unique key";
}

bool Column::operator==(const Column& other) const {
  return std::tie(name, ordinal, data_type, category, nullable) ==
         std::tie(other.name, other.ordinal, other.data_type, other.category, other.nullable);
}

bool ForeignKey::operator==(const ForeignKey& other) const {
  return std::tie(columns, referenced_schema, referenced_table, referenced_columns) ==
         std::tie(other.columns, other.referenced_schema, other.referenced_table,
                  other.referenced_columns);
}

bool Relation::operator==(const Relation& other) const {
  return std::tie(schema, name, kind, columns, primary_key, unique_constraints, unique_indexes,
                  foreign_keys) == std::tie(other.schema, other.name, other.kind, other.columns,
                                            other.primary_key, other.unique_constraints,
                                            other.unique_indexes, other.foreign_keys);
}

std::string Relation::sqlName() const { return quoteQualifiedName(schema, name); }

std::string Relation::displayName() const {
  return formatIdentifier(schema) + "." + formatIdentifier(name);
}

const Column* Relation::column(std::string_view column_name) const {
  for (const auto& c : columns) {
    if (c.name == column_name) return &c;
  }
  return nullptr;
}

const Column* Relation::findColumn(std::string_view sql_identifier) const {
  std::optional<std::vector<std::string>> parts = parseQualifiedName(sql_identifier, dialect);
  if (!parts || parts->size() != 1) return nullptr;
  const std::string& name = parts->front();
  if (const Column* exact = column(name)) return exact;
  if (sql::lexicalRules(dialect).column_folding == sql::Folding::CaseInsensitive) {
    for (const auto& c : columns) {
      if (sql::sameName(c.name, name, sql::Folding::CaseInsensitive)) return &c;
    }
  }
  if (dialect == sql::Dialect::BigQuery) {
    // Pseudo-columns every (wildcard, partitioned) table answers to; not in COLUMNS.
    static const Column kPseudo[] = {
        {"_TABLE_SUFFIX", 0, "STRING", TypeCategory::String, true},
        {"_PARTITIONTIME", 0, "TIMESTAMP", TypeCategory::TemporalTimestamp, true},
        {"_PARTITIONDATE", 0, "DATE", TypeCategory::TemporalDate, true},
        {"_FILE_NAME", 0, "STRING", TypeCategory::String, true},
    };
    for (const Column& c : kPseudo) {
      if (sql::sameName(c.name, name, sql::Folding::CaseInsensitive)) return &c;
    }
  }
  return nullptr;
}

std::string Relation::suggestColumn(std::string_view sql_identifier) const {
  std::optional<std::vector<std::string>> parts = parseQualifiedName(sql_identifier, dialect);
  std::string word = parts && parts->size() == 1 ? parts->front() : std::string(sql_identifier);
  std::vector<std::string> names;
  names.reserve(columns.size());
  for (const auto& c : columns) names.push_back(c.name);
  std::string match = closestMatch(word, names);
  return match.empty() ? match : formatIdentifier(match);
}

std::optional<UniqueKeyMatch> Relation::findUniqueKey(
    const std::vector<std::string>& requested) const {
  for (const auto& name : requested) {
    if (!column(name)) return std::nullopt;
  }
  std::optional<UniqueKeyMatch> best;
  auto consider = [&](KeySource source, const std::vector<std::string>& key) {
    if (key.empty() || !containsAll(requested, key)) return;
    UniqueKeyMatch match{source, key, sameSet(requested, key), false};
    for (const auto& name : key) match.allows_null = match.allows_null || column(name)->nullable;
    if (!best || matchRank(match) < matchRank(*best)) best = std::move(match);
  };
  consider(KeySource::PrimaryKey, primary_key);
  for (const auto& key : unique_constraints) consider(KeySource::UniqueConstraint, key);
  for (const auto& key : unique_indexes) consider(KeySource::UniqueIndex, key);
  if (best && best->source == KeySource::PrimaryKey) best->allows_null = false;
  return best;
}

bool Relation::isUniqueKey(const std::vector<std::string>& requested) const {
  return findUniqueKey(requested).has_value();
}

const Relation* Catalog::relation(std::string_view schema, std::string_view name) const {
  for (const auto& r : relations) {
    if (r.schema == schema && r.name == name) return &r;
  }
  return nullptr;
}

const Relation* Catalog::findRelation(std::string_view sql_name,
                                      const std::vector<std::string>& search_path) const {
  std::optional<std::vector<std::string>> parts = parseQualifiedName(sql_name, dialect);
  // BigQuery INFORMATION_SCHEMA views take four parts: `project.region-us.INFORMATION_SCHEMA.V`.
  const size_t max_parts = dialect == sql::Dialect::BigQuery ? 4 : 3;
  if (!parts || parts->size() > max_parts) return nullptr;
  const std::vector<std::string>& p = *parts;
  if (p.size() >= 2) return lookup(p[p.size() - 2], p.back());
  for (const auto& schema : search_path) {
    if (const Relation* found = lookup(schema, p.front())) return found;
  }
  return nullptr;
}

const Relation* Catalog::lookup(std::string_view schema, std::string_view name) const {
  sql::Folding folding = sql::lexicalRules(dialect).relation_folding;
  if (!name.empty() && name.back() == '*') {
    // A BigQuery wildcard table reads every table with the prefix; its columns are those of
    // the most recently created one, which date-suffixed names make the last by name.
    std::string_view prefix = name.substr(0, name.size() - 1);
    const Relation* last = nullptr;
    for (const auto& r : relations) {
      if (sql::sameName(r.schema, schema, folding) && r.name.size() >= prefix.size() &&
          sql::sameName(std::string_view(r.name).substr(0, prefix.size()), prefix, folding)) {
        last = &r;
      }
    }
    return last;
  }
  if (const Relation* exact = relation(schema, name)) return exact;
  if (folding != sql::Folding::CaseInsensitive) return nullptr;
  for (const auto& r : relations) {
    if (sql::sameName(r.schema, schema, folding) && sql::sameName(r.name, name, folding)) return &r;
  }
  return nullptr;
}

std::string Catalog::suggestRelation(std::string_view sql_name,
                                     const std::vector<std::string>& search_path) const {
  std::optional<std::vector<std::string>> parts = parseQualifiedName(sql_name, dialect);
  bool qualified = parts && parts->size() >= 2;
  std::string bare = parts ? parts->back() : std::string(sql_name);
  std::string word = qualified ? (*parts)[parts->size() - 2] + "." + bare : bare;
  auto on_path = [&](const Relation& r) {
    return std::find(search_path.begin(), search_path.end(), r.schema) != search_path.end();
  };
  auto spell = [&](const Relation& r) {
    return on_path(r) && !qualified ? formatIdentifier(r.name) : r.displayName();
  };
  // Relations in search-path schemas come first, in search-path order, so they win ties.
  std::vector<const Relation*> ordered;
  for (const auto& schema : search_path) {
    for (const auto& r : relations) {
      if (r.schema == schema) ordered.push_back(&r);
    }
  }
  for (const auto& r : relations) {
    if (!on_path(r)) ordered.push_back(&r);
  }
  std::vector<std::string> keys;
  keys.reserve(ordered.size());
  for (const Relation* r : ordered) keys.push_back(qualified ? r->schema + "." + r->name : r->name);
  // Likeliest fixes first: a difference in case only (a missing quote), then the same name in
  // another schema, then the nearest name.
  for (size_t i = 0; i < keys.size(); ++i) {
    if (keys[i] != word && editDistance(keys[i], word, 0) == 0) return spell(*ordered[i]);
  }
  for (const Relation* r : ordered) {
    if (r->name == bare && r->schema + "." + r->name != word) return spell(*r);
  }
  std::string match = closestMatch(word, keys);
  if (match.empty()) return match;
  return spell(*ordered[std::find(keys.begin(), keys.end(), match) - keys.begin()]);
}

void sortCatalog(Catalog& catalog) {
  std::sort(catalog.relations.begin(), catalog.relations.end(),
            [](const Relation& a, const Relation& b) {
              return std::tie(a.schema, a.name) < std::tie(b.schema, b.name);
            });
  for (auto& r : catalog.relations) {
    std::stable_sort(r.columns.begin(), r.columns.end(),
                     [](const Column& a, const Column& b) { return a.ordinal < b.ordinal; });
  }
}

void setDialect(Catalog& catalog, sql::Dialect dialect) {
  catalog.dialect = dialect;
  for (auto& r : catalog.relations) r.dialect = dialect;
}

}  // namespace lkml::catalog
