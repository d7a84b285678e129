// Strict reader: every problem is reported with the JSON path where it was found.
#include <algorithm>
#include <atomic>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "base/parallel_for.h"
#include "base/sql_lexical_rules.h"
#include "base/suggest.h"
#include "catalog/catalog_json.h"
#include "catalog/snapshot_split.h"

namespace lkml::catalog {
namespace {

// ordered_json keeps an object's keys in a small vector instead of a std::map: snapshot objects
// have at most 8 keys, and reading a 15.7 MB snapshot got 10% faster. Unknown keys are also
// reported in document order.
using Json = nlohmann::ordered_json;

std::string found(const Json& value) {
  switch (value.type()) {
    case Json::value_t::null:
      return "null";
    case Json::value_t::boolean:
      return "a boolean";
    case Json::value_t::string:
      return "a string";
    case Json::value_t::array:
      return "an array";
    case Json::value_t::object:
      return "an object";
    case Json::value_t::number_float:
      return "a fractional number";
    default:
      return "a number";
  }
}

// Where a value sits in the document (`$.relations[3].columns[0].name`), built as a chain of
// stack objects and rendered only for an error message: rendering it for every value of a
// 150,000-column snapshot was most of the time it took to read.
class Path {
 public:
  explicit Path(const char* root) : root_(root) {}
  Path(const Path& parent, const char* key) : parent_(&parent), key_(key) {}
  Path(const Path& parent, size_t i) : parent_(&parent), index_(i), is_index_(true) {}

  std::string str() const {
    if (!parent_) return root_;
    std::string out = parent_->str();
    return is_index_ ? out + "[" + std::to_string(index_) + "]" : out + "." + key_;
  }

 private:
  const Path* parent_ = nullptr;
  const char* root_ = "";
  const char* key_ = "";
  size_t index_ = 0;
  bool is_index_ = false;
};

Path index(const Path& path, size_t i) { return Path(path, i); }
Path member(const Path& path, const char* key) { return Path(path, key); }

// Collects the first error; every check returns false once one was found.
class Reader {
 public:
  explicit Reader(std::string* error) : error_(error) {}

  bool fail(const Path& path, const std::string& what) {
    *error_ = path.str() + ": " + what;
    return false;
  }

  bool expect(const Json& value, const Path& path, bool ok, const char* expected) {
    return ok || fail(path, std::string("expected ") + expected + ", found " + found(value));
  }

  // An object whose keys are all in `known`, with the `required` ones present.
  bool object(const Json& value, const Path& path, const std::vector<std::string>& known,
              const std::vector<std::string>& required) {
    if (!expect(value, path, value.is_object(), "an object")) return false;
    for (const auto& item : value.items()) {
      if (std::find(known.begin(), known.end(), item.key()) != known.end()) continue;
      std::string near = closestMatch(item.key(), known);
      return fail(path, "unknown key \"" + item.key() + "\"" +
                            (near.empty() ? "" : " (did you mean \"" + near + "\"?)"));
    }
    for (const auto& key : required) {
      if (!value.contains(key)) return fail(path, "missing required key \"" + key + "\"");
    }
    return true;
  }

  bool string(const Json& value, const Path& path, std::string* out) {
    if (!expect(value, path, value.is_string(), "a string")) return false;
    *out = value.get<std::string>();
    return !out->empty() || fail(path, "expected a non-empty string");
  }

  bool names(const Json& value, const Path& path, std::vector<std::string>* out) {
    if (!expect(value, path, value.is_array(), "an array of column names")) return false;
    out->clear();
    for (size_t i = 0; i < value.size(); ++i) {
      out->emplace_back();
      if (!string(value[i], index(path, i), &out->back())) return false;
    }
    return true;
  }

  bool keyList(const Json& value, const Path& path, std::vector<std::vector<std::string>>* out) {
    if (!expect(value, path, value.is_array(), "an array of column-name arrays")) return false;
    for (size_t i = 0; i < value.size(); ++i) {
      out->emplace_back();
      if (!names(value[i], index(path, i), &out->back())) return false;
    }
    return true;
  }

  bool column(const Json& value, const Path& path, size_t position, Column* out) {
    if (!object(value, path, {"name", "ordinal", "type", "category", "nullable"},
                {"name", "type"}) ||
        !string(value["name"], member(path, "name"), &out->name) ||
        !string(value["type"], member(path, "type"), &out->data_type)) {
      return false;
    }
    out->ordinal = static_cast<int>(position) + 1;
    if (value.contains("ordinal")) {
      const Json& ordinal = value["ordinal"];
      if (!expect(ordinal, member(path, "ordinal"),
                  ordinal.is_number_integer() && ordinal.get<int64_t>() >= 1 &&
                      ordinal.get<int64_t>() <= INT32_MAX,
                  "a positive integer")) {
        return false;
      }
      out->ordinal = ordinal.get<int>();
    }
    out->category = categorizeType(out->data_type);
    if (value.contains("category")) {
      std::string name;
      if (!string(value["category"], member(path, "category"), &name)) return false;
      std::optional<TypeCategory> category = parseTypeCategory(name);
      if (!category) {
        return fail(member(path, "category"),
                    "expected one of numeric, string, boolean, temporal_date, "
                    "temporal_timestamp, json, other; found \"" +
                        name + "\"");
      }
      out->category = *category;
    }
    out->nullable = true;
    if (value.contains("nullable")) {
      const Json& nullable = value["nullable"];
      if (!expect(nullable, member(path, "nullable"), nullable.is_boolean(), "a boolean")) {
        return false;
      }
      out->nullable = nullable.get<bool>();
    }
    return true;
  }

  bool foreignKey(const Json& value, const Path& path, ForeignKey* out) {
    if (!object(value, path, {"columns", "references"}, {"columns", "references"}) ||
        !names(value["columns"], member(path, "columns"), &out->columns)) {
      return false;
    }
    Path ref = member(path, "references");
    const Json& target = value["references"];
    if (!object(target, ref, {"schema", "table", "columns"}, {"schema", "table", "columns"}) ||
        !string(target["schema"], member(ref, "schema"), &out->referenced_schema) ||
        !string(target["table"], member(ref, "table"), &out->referenced_table) ||
        !names(target["columns"], member(ref, "columns"), &out->referenced_columns)) {
      return false;
    }
    if (out->referenced_columns.size() != out->columns.size()) {
      return fail(member(ref, "columns"), "expected " + std::to_string(out->columns.size()) +
                                              " column names (as many as \"columns\"), found " +
                                              std::to_string(out->referenced_columns.size()));
    }
    return true;
  }

  bool relation(const Json& value, const Path& path, Relation* out) {
    static const std::vector<std::string> kKeys = {
        "schema",      "name",           "kind",         "columns",
        "primary_key", "unique_indexes", "foreign_keys", "unique_constraints"};
    if (!object(value, path, kKeys, {"schema", "name", "kind", "columns"}) ||
        !string(value["schema"], member(path, "schema"), &out->schema) ||
        !string(value["name"], member(path, "name"), &out->name)) {
      return false;
    }
    std::string kind;
    if (!string(value["kind"], member(path, "kind"), &kind)) return false;
    std::optional<RelationKind> parsed = parseRelationKind(kind);
    if (!parsed) {
      return fail(
          member(path, "kind"),
          "expected one of table, view, materialized_view, foreign; found \"" + kind + "\"");
    }
    out->kind = *parsed;
    return columns(value["columns"], member(path, "columns"), out) && keys(value, path, out);
  }

 private:
  bool columns(const Json& value, const Path& path, Relation* out) {
    if (!expect(value, path, value.is_array(), "an array of columns")) return false;
    std::set<std::string> seen;
    for (size_t i = 0; i < value.size(); ++i) {
      out->columns.emplace_back();
      if (!column(value[i], index(path, i), i, &out->columns.back())) return false;
      if (!seen.insert(out->columns.back().name).second) {
        Path at(path, i);
        return fail(member(at, "name"), "duplicate column \"" + out->columns.back().name + "\"");
      }
    }
    return true;
  }

  bool keys(const Json& value, const Path& path, Relation* out) {
    if (value.contains("primary_key") &&
        !names(value["primary_key"], member(path, "primary_key"), &out->primary_key)) {
      return false;
    }
    if ((value.contains("unique_constraints") &&
         !keyList(value["unique_constraints"], member(path, "unique_constraints"),
                  &out->unique_constraints)) ||
        (value.contains("unique_indexes") &&
         !keyList(value["unique_indexes"], member(path, "unique_indexes"), &out->unique_indexes))) {
      return false;
    }
    if (value.contains("foreign_keys")) {
      const Json& list = value["foreign_keys"];
      Path list_path = member(path, "foreign_keys");
      if (!expect(list, list_path, list.is_array(), "an array of foreign keys")) return false;
      for (size_t i = 0; i < list.size(); ++i) {
        out->foreign_keys.emplace_back();
        if (!foreignKey(list[i], index(list_path, i), &out->foreign_keys.back())) return false;
      }
    }
    return knownColumns(out->primary_key, member(path, "primary_key"), *out) &&
           knownColumnLists(out->unique_constraints, member(path, "unique_constraints"), *out) &&
           knownColumnLists(out->unique_indexes, member(path, "unique_indexes"), *out) &&
           knownForeignKeyColumns(path, *out);
  }

  bool knownColumns(const std::vector<std::string>& names, const Path& path,
                    const Relation& relation) {
    for (size_t i = 0; i < names.size(); ++i) {
      if (!relation.column(names[i])) {
        return fail(index(path, i), "unknown column \"" + names[i] + "\" (not in \"columns\")");
      }
    }
    return true;
  }

  bool knownColumnLists(const std::vector<std::vector<std::string>>& lists, const Path& path,
                        const Relation& relation) {
    for (size_t i = 0; i < lists.size(); ++i) {
      if (!knownColumns(lists[i], index(path, i), relation)) return false;
    }
    return true;
  }

  bool knownForeignKeyColumns(const Path& path, const Relation& relation) {
    for (size_t i = 0; i < relation.foreign_keys.size(); ++i) {
      Path keys(path, "foreign_keys");
      Path key(keys, i);
      if (!knownColumns(relation.foreign_keys[i].columns, Path(key, "columns"), relation)) {
        return false;
      }
    }
    return true;
  }

  std::string* error_;
};

bool readCatalogJson(const Json& root, Catalog* out, std::string* error) {
  Reader reader(error);
  const Path top("$");
  if (!reader.object(root, top, {"format", "dialect", "relations"}, {"format", "relations"})) {
    return false;
  }
  const Json& format = root["format"];
  if (!format.is_string() || format.get<std::string>() != kCatalogFormat) {
    return reader.fail(
        member(top, "format"),
        std::string("expected \"") + kCatalogFormat + "\", found " +
            (format.is_string() ? "\"" + format.get<std::string>() + "\"" : found(format)));
  }
  if (root.contains("dialect")) {
    // Optional: the warehouse whose identifier rules the names follow (`lkml schema import`).
    std::string name;
    if (!reader.string(root["dialect"], member(top, "dialect"), &name)) return false;
    std::optional<sql::Dialect> dialect = sql::parseDialect(name);
    if (!dialect) return reader.fail(member(top, "dialect"), sql::unknownDialectMessage(name));
    out->dialect = *dialect;
  }
  const Json& relations = root["relations"];
  const Path relations_path = member(top, "relations");
  if (!reader.expect(relations, relations_path, relations.is_array(), "an array of relations")) {
    return false;
  }
  std::set<std::pair<std::string, std::string>> seen;
  for (size_t i = 0; i < relations.size(); ++i) {
    Relation relation;
    const Path path = index(relations_path, i);
    if (!reader.relation(relations[i], path, &relation)) return false;
    if (!seen.emplace(relation.schema, relation.name).second) {
      return reader.fail(path, "duplicate relation " + relation.displayName());
    }
    out->relations.push_back(std::move(relation));
  }
  return true;
}

// ---- a 15 MB snapshot, read on two threads ------------------------------------------------
// The relations of a snapshot are independent objects: their text is found with a quick scan
// (strings and nesting only, no parsing), then they are parsed and checked on two threads. Any
// surprise (a JSON syntax error, an odd layout) falls back to reading the whole document on one
// thread, which reports it with exactly the usual message. The split is snapshot_split.h's.
// nullopt: not handled here (read the whole document instead).
std::optional<bool> readInParallel(std::string_view text, Catalog* out, std::string* error) {
  std::optional<SplitSnapshot> split = splitSnapshot(text);
  // From 256 relations, on two threads when there are two cores.
  const unsigned threads = split ? threadCount(split->relations.size(), 2, 128) : 1;
  if (threads < 2) return std::nullopt;
  const size_t n = split->relations.size();
  Json top;
  std::vector<Json> values(n);
  std::vector<Relation> relations(n);
  std::vector<std::string> errors(n);
  std::atomic<bool> syntax_error{false};
  try {
    top = Json::parse(split->top);
  } catch (const Json::parse_error&) {
    return std::nullopt;
  }
  parallelFor(n, threads, [&](size_t i) {
    if (syntax_error) return;
    try {
      values[i] = Json::parse(split->relations[i]);
    } catch (const Json::parse_error&) {
      syntax_error = true;
    }
  });
  if (syntax_error) return std::nullopt;  // reported with its position in the whole document
  // The top level first, as the one-thread reader does (its relations array is empty here).
  if (!readCatalogJson(top, out, error)) return false;
  const Path top_path("$");
  const Path relations_path = member(top_path, "relations");
  parallelFor(n, threads, [&](size_t i) {
    Reader reader(&errors[i]);
    if (!reader.relation(values[i], index(relations_path, i), &relations[i]) && errors[i].empty()) {
      errors[i] = "invalid relation";
    }
    values[i] = Json();  // free it while the other thread works
  });
  std::set<std::pair<std::string, std::string>> seen;
  for (size_t i = 0; i < n; ++i) {
    if (!errors[i].empty()) {
      *error = errors[i];
      return false;
    }
    if (!seen.emplace(relations[i].schema, relations[i].name).second) {
      *error =
          index(relations_path, i).str() + ": duplicate relation " + relations[i].displayName();
      return false;
    }
    out->relations.push_back(std::move(relations[i]));
  }
  return true;
}

}  // namespace

bool fromJson(std::string_view text, Catalog* out, std::string* error) {
  *out = Catalog();
  {
    Catalog catalog;
    std::optional<bool> read = readInParallel(text, &catalog, error);
    if (read) {
      if (!*read) return false;
      sortCatalog(catalog);
      setDialect(catalog, catalog.dialect);
      *out = std::move(catalog);
      return true;
    }
    error->clear();
  }
  Json root;
  try {
    root = Json::parse(text);
  } catch (const Json::parse_error& e) {
    std::string what = e.what();
    size_t bracket = what.find("] ");
    *error = "invalid JSON: " + (bracket == std::string::npos ? what : what.substr(bracket + 2));
    return false;
  }
  Catalog catalog;
  if (!readCatalogJson(root, &catalog, error)) return false;
  sortCatalog(catalog);
  setDialect(catalog, catalog.dialect);
  *out = std::move(catalog);
  return true;
}

}  // namespace lkml::catalog
