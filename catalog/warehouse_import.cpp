#include "catalog/warehouse_import.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <tuple>

#include "catalog/csv_reader.h"

namespace lkml::catalog {
namespace {

using Json = nlohmann::json;

// One result row: lower-cased column name → value, and where it is for messages.
struct Row {
  std::string where;  // "cols.csv:7" or "cols.json: $[3]"
  std::map<std::string, std::string> values;
  std::map<std::string, std::string> originals;  // lower-cased → the name as written

  const std::string* get(const std::string& key) const {
    auto it = values.find(key);
    return it == values.end() ? nullptr : &it->second;
  }
};

struct Table {
  std::string file;
  std::set<std::string> columns;  // lower-cased header names
  std::vector<Row> rows;
};

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

bool readCsvTable(const ImportFile& file, Table* table, std::string* error) {
  std::vector<CsvRecord> records;
  std::string csv_error;
  if (!parseCsv(file.text, &records, &csv_error)) {
    *error = file.name + ":" + csv_error;
    return false;
  }
  // Blank lines (one empty field) are not rows.
  records.erase(std::remove_if(records.begin(), records.end(),
                               [](const CsvRecord& r) {
                                 return r.fields.size() == 1 && trim(r.fields[0]).empty();
                               }),
                records.end());
  if (records.empty()) {
    *error = file.name + ":1: empty file: expected a header row (table_schema,table_name,...)";
    return false;
  }
  std::vector<std::string> header;
  for (const std::string& name : records[0].fields) {
    header.push_back(lower(trim(name)));
    table->columns.insert(header.back());
  }
  for (size_t r = 1; r < records.size(); ++r) {
    const CsvRecord& record = records[r];
    if (record.fields.size() != header.size()) {
      *error = file.name + ":" + std::to_string(record.line) + ": " +
               std::to_string(record.fields.size()) + " fields, expected " +
               std::to_string(header.size()) + " (as in the header on line " +
               std::to_string(records[0].line) + ")";
      return false;
    }
    Row row;
    row.where = file.name + ":" + std::to_string(record.line);
    for (size_t i = 0; i < header.size(); ++i) row.values[header[i]] = record.fields[i];
    table->rows.push_back(std::move(row));
  }
  return true;
}

const char* jsonKind(const Json& v) {
  if (v.is_object()) return "an object";
  if (v.is_array()) return "an array";
  if (v.is_boolean()) return "a boolean";
  return "a value";
}

bool readJsonTable(const ImportFile& file, Table* table, std::string* error) {
  Json root;
  try {
    root = Json::parse(file.text);
  } catch (const Json::parse_error& e) {
    std::string what = e.what();
    size_t bracket = what.find("] ");
    *error = file.name +
             ": invalid JSON: " + (bracket == std::string::npos ? what : what.substr(bracket + 2));
    return false;
  }
  if (!root.is_array()) {
    *error = file.name + ": $: expected an array of row objects (bq query --format=json), found " +
             jsonKind(root);
    return false;
  }
  for (size_t i = 0; i < root.size(); ++i) {
    const Json& item = root[i];
    std::string path = "$[" + std::to_string(i) + "]";
    if (!item.is_object()) {
      *error = file.name + ": " + path + ": expected an object, found " + jsonKind(item);
      return false;
    }
    Row row;
    row.where = file.name + ": " + path;
    for (const auto& [key, value] : item.items()) {
      std::string name = lower(key);
      table->columns.insert(name);
      if (value.is_string()) {
        row.values[name] = value.get<std::string>();
      } else if (value.is_number_integer() || value.is_number_unsigned()) {
        row.values[name] = value.dump();
      } else if (value.is_boolean()) {
        row.values[name] = value.get<bool>() ? "YES" : "NO";
      } else if (value.is_null()) {
        row.values[name] = "";
      } else {
        *error = file.name + ": " + path + "." + key + ": expected a string or number, found " +
                 (value.is_number() ? std::string("a fraction") : jsonKind(value));
        return false;
      }
    }
    table->rows.push_back(std::move(row));
  }
  return true;
}

bool readTable(const ImportFile& file, Table* table, std::string* error) {
  table->file = file.name;
  size_t first = file.text.find_first_not_of(" \t\r\n");
  if (file.text.compare(0, 3, "\xEF\xBB\xBF") != 0 && first != std::string::npos &&
      (file.text[first] == '[' || file.text[first] == '{')) {
    return readJsonTable(file, table, error);
  }
  return readCsvTable(file, table, error);
}

bool has(const Table& t, std::initializer_list<const char*> names) {
  for (const char* n : names) {
    if (!t.columns.count(n)) return false;
  }
  return true;
}

const std::string& schemaKey(const Table& t) {
  static const std::string kTableSchema = "table_schema", kSchemaName = "schema_name";
  return t.columns.count("table_schema") ? kTableSchema : kSchemaName;
}

bool required(const Row& row, const std::string& key, std::string* out, std::string* error) {
  const std::string* value = row.get(key);
  if (!value || trim(*value).empty()) {
    *error = row.where + ": " + key + " is empty";
    return false;
  }
  *out = *value;
  return true;
}

bool positiveInt(const Row& row, const std::string& key, int* out, std::string* error) {
  const std::string* value = row.get(key);
  std::string text = value ? trim(*value) : "";
  long long n = 0;
  bool ok = !text.empty() && text.size() <= 9 &&
            std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (ok) n = std::stoll(text);
  if (!ok || n < 1) {
    *error = row.where + ": " + key + ": expected a positive integer, found \"" +
             (value ? *value : "") + "\"";
    return false;
  }
  *out = static_cast<int>(n);
  return true;
}

using RelationKey = std::pair<std::string, std::string>;

bool addColumns(const Table& t, std::map<RelationKey, Relation>* relations, sql::Dialect dialect,
                std::string* error) {
  const std::string& schema_key = schemaKey(t);
  std::map<RelationKey, std::set<std::string>> seen;
  for (const Row& row : t.rows) {
    // BigQuery lists pseudo-columns (_PARTITIONTIME, ...) with is_hidden = YES and no ordinal;
    // lkml knows them without the export (catalog.cpp).
    const std::string* hidden = row.get("is_hidden");
    if (hidden && upper(trim(*hidden)) == "YES") continue;
    // INFORMATION_SCHEMA.COLUMN_FIELD_PATHS lists each STRUCT field as its own row; the
    // column's own row carries the whole STRUCT<...> type, which already names every field.
    const std::string* field_path = row.get("field_path");
    const std::string* column_name = row.get("column_name");
    if (field_path && column_name && trim(*field_path) != trim(*column_name)) continue;
    std::string schema, table, name, type;
    if (!required(row, schema_key, &schema, error) || !required(row, "table_name", &table, error) ||
        !required(row, "column_name", &name, error) || !required(row, "data_type", &type, error)) {
      return false;
    }
    Relation& r = (*relations)[{schema, table}];
    r.schema = schema;
    r.name = table;
    if (!seen[{schema, table}].insert(name).second) {
      *error = row.where + ": column " + name + " of " + schema + "." + table + " appears twice";
      return false;
    }
    Column c;
    c.name = name;
    c.data_type = trim(type);
    c.category = categorizeWarehouseType(c.data_type, dialect);
    c.ordinal = static_cast<int>(r.columns.size()) + 1;
    const std::string* ordinal = row.get("ordinal_position");
    if (ordinal && !trim(*ordinal).empty() &&
        !positiveInt(row, "ordinal_position", &c.ordinal, error)) {
      return false;
    }
    if (const std::string* nullable = row.get("is_nullable")) {
      std::string v = upper(trim(*nullable));
      if (v != "YES" && v != "NO" && v != "TRUE" && v != "FALSE" && !v.empty()) {
        *error = row.where + ": is_nullable: expected YES or NO, found \"" + *nullable + "\"";
        return false;
      }
      c.nullable = !(v == "NO" || v == "FALSE");
    }
    if (const std::string* kind = row.get("table_type")) {
      std::string v = upper(trim(*kind));
      if (v == "VIEW") r.kind = RelationKind::View;
      if (v == "MATERIALIZED VIEW" || v == "MATERIALIZED_VIEW") {
        r.kind = RelationKind::MaterializedView;
      }
      if (v == "EXTERNAL" || v == "EXTERNAL TABLE") r.kind = RelationKind::Foreign;
    }
    r.columns.push_back(std::move(c));
  }
  return true;
}

struct KeyPart {
  int position = 0;
  std::string column;
};

bool addKeys(const Table& t, std::map<RelationKey, Relation>* relations, std::string* error) {
  const std::string& schema_key = schemaKey(t);
  bool show_keys = t.columns.count("key_sequence") > 0;  // Snowflake SHOW PRIMARY KEYS
  // (relation, constraint) → parts; constraint names group UNIQUE keys.
  std::map<std::tuple<std::string, std::string, std::string, bool>, std::vector<KeyPart>> keys;
  for (const Row& row : t.rows) {
    std::string schema, table, column, name;
    if (!required(row, schema_key, &schema, error) || !required(row, "table_name", &table, error) ||
        !required(row, "column_name", &column, error)) {
      return false;
    }
    bool primary = true;
    KeyPart part;
    part.column = column;
    if (show_keys) {
      if (!positiveInt(row, "key_sequence", &part.position, error)) return false;
    } else {
      std::string type = upper(trim(row.get("constraint_type") ? *row.get("constraint_type") : ""));
      if (type == "FOREIGN KEY") continue;  // the referenced columns are not in this export
      if (type != "PRIMARY KEY" && type != "UNIQUE") {
        *error = row.where + ": constraint_type: expected PRIMARY KEY, UNIQUE or FOREIGN KEY, " +
                 "found \"" + type + "\"";
        return false;
      }
      primary = type == "PRIMARY KEY";
      if (!positiveInt(row, "ordinal_position", &part.position, error)) return false;
    }
    if (const std::string* constraint = row.get("constraint_name")) name = *constraint;
    auto it = relations->find({schema, table});
    if (it == relations->end()) {
      *error = row.where + ": table " + schema + "." + table +
               " has a key but no columns in the columns export";
      return false;
    }
    if (!it->second.column(column)) {
      *error = row.where + ": key column " + column + " is not a column of " + schema + "." +
               table + " in the columns export";
      return false;
    }
    keys[{schema, table, name, primary}].push_back(part);
  }
  for (auto& [key, parts] : keys) {
    std::sort(parts.begin(), parts.end(),
              [](const KeyPart& a, const KeyPart& b) { return a.position < b.position; });
    std::vector<std::string> columns;
    for (const KeyPart& p : parts) columns.push_back(p.column);
    Relation& r = (*relations)[{std::get<0>(key), std::get<1>(key)}];
    if (std::get<3>(key)) {
      r.primary_key = columns;
    } else {
      r.unique_constraints.push_back(columns);
    }
  }
  return true;
}

// Base type name, upper case, without `(...)` and `<...>`: "NUMBER(38,0)" → "NUMBER".
std::string baseTypeName(std::string_view type) {
  std::string out;
  for (char c : type) {
    if (c == '(' || c == '<') break;
    out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return trim(out);
}

}  // namespace

TypeCategory categorizeWarehouseType(std::string_view type, sql::Dialect dialect) {
  if (dialect == sql::Dialect::Postgres || dialect == sql::Dialect::Redshift ||
      dialect == sql::Dialect::DuckDB) {
    TypeCategory pg = categorizeType(lower(trim(type)));
    if (pg != TypeCategory::Other) return pg;
  }
  static const std::map<std::string, TypeCategory> kTypes = {
      {"INT64", TypeCategory::Numeric},
      {"INT", TypeCategory::Numeric},
      {"INTEGER", TypeCategory::Numeric},
      {"SMALLINT", TypeCategory::Numeric},
      {"BIGINT", TypeCategory::Numeric},
      {"TINYINT", TypeCategory::Numeric},
      {"BYTEINT", TypeCategory::Numeric},
      {"NUMERIC", TypeCategory::Numeric},
      {"BIGNUMERIC", TypeCategory::Numeric},
      {"DECIMAL", TypeCategory::Numeric},
      {"BIGDECIMAL", TypeCategory::Numeric},
      {"NUMBER", TypeCategory::Numeric},
      {"FLOAT64", TypeCategory::Numeric},
      {"FLOAT", TypeCategory::Numeric},
      {"FLOAT4", TypeCategory::Numeric},
      {"FLOAT8", TypeCategory::Numeric},
      {"DOUBLE", TypeCategory::Numeric},
      {"DOUBLE PRECISION", TypeCategory::Numeric},
      {"REAL", TypeCategory::Numeric},
      {"HUGEINT", TypeCategory::Numeric},
      {"STRING", TypeCategory::String},
      {"TEXT", TypeCategory::String},
      {"VARCHAR", TypeCategory::String},
      {"CHAR", TypeCategory::String},
      {"CHARACTER", TypeCategory::String},
      {"CHARACTER VARYING", TypeCategory::String},
      {"NCHAR", TypeCategory::String},
      {"NVARCHAR", TypeCategory::String},
      {"BOOL", TypeCategory::Boolean},
      {"BOOLEAN", TypeCategory::Boolean},
      {"DATE", TypeCategory::TemporalDate},
      {"TIMESTAMP", TypeCategory::TemporalTimestamp},
      {"DATETIME", TypeCategory::TemporalTimestamp},
      {"TIMESTAMP_NTZ", TypeCategory::TemporalTimestamp},
      {"TIMESTAMP_LTZ", TypeCategory::TemporalTimestamp},
      {"TIMESTAMP_TZ", TypeCategory::TemporalTimestamp},
      {"TIMESTAMPTZ", TypeCategory::TemporalTimestamp},
      {"TIMESTAMP WITHOUT TIME ZONE", TypeCategory::TemporalTimestamp},
      {"TIMESTAMP WITH TIME ZONE", TypeCategory::TemporalTimestamp},
      {"JSON", TypeCategory::Json},
      {"VARIANT", TypeCategory::Json},
      {"OBJECT", TypeCategory::Json},
  };
  auto it = kTypes.find(baseTypeName(type));
  return it == kTypes.end() ? TypeCategory::Other : it->second;
}

std::string structFieldType(std::string_view type, std::string_view field) {
  std::string t = trim(type);
  if (baseTypeName(t) != "STRUCT" && baseTypeName(t) != "RECORD") return "";
  size_t open = t.find('<');
  if (open == std::string::npos || t.back() != '>') return "";
  std::string_view body = std::string_view(t).substr(open + 1, t.size() - open - 2);
  // Top-level fields, split at commas outside <> and ().
  int depth = 0;
  size_t start = 0;
  for (size_t i = 0; i <= body.size(); ++i) {
    char c = i < body.size() ? body[i] : ',';
    if (c == '<' || c == '(') ++depth;
    if (c == '>' || c == ')') --depth;
    if (c != ',' || depth != 0) continue;
    std::string item = trim(body.substr(start, i - start));
    start = i + 1;
    std::string name;
    size_t rest = 0;
    if (!item.empty() && item[0] == '`') {
      size_t close = item.find('`', 1);
      if (close == std::string::npos) continue;
      name = item.substr(1, close - 1);
      rest = close + 1;
    } else {
      rest = item.find_first_of(" \t");
      if (rest == std::string::npos) continue;
      name = item.substr(0, rest);
    }
    if (sql::sameName(name, field, sql::Folding::CaseInsensitive)) return trim(item.substr(rest));
  }
  return "";
}

bool importWarehouseCatalog(const std::vector<ImportFile>& files, sql::Dialect dialect,
                            Catalog* out, std::string* error) {
  std::vector<Table> column_tables, key_tables;
  for (const ImportFile& file : files) {
    Table t;
    if (!readTable(file, &t, error)) return false;
    bool has_schema = t.columns.count("table_schema") || t.columns.count("schema_name");
    if (has_schema && has(t, {"table_name", "column_name", "data_type"})) {
      column_tables.push_back(std::move(t));
    } else if (has_schema && has(t, {"table_name", "column_name"}) &&
               (has(t, {"constraint_type", "ordinal_position"}) || has(t, {"key_sequence"}))) {
      key_tables.push_back(std::move(t));
    } else {
      std::string have;
      for (const std::string& c : t.columns) have += (have.empty() ? "" : ", ") + c;
      *error = file.name +
               ": not a columns export (needs table_schema, table_name, column_name, "
               "data_type) nor a keys export (needs table_schema, table_name, column_name, "
               "constraint_type, ordinal_position; or SHOW PRIMARY KEYS output); its columns "
               "are: " +
               (have.empty() ? "none" : have);
      return false;
    }
  }
  if (column_tables.empty()) {
    *error =
        "no columns export among the files (INFORMATION_SCHEMA.COLUMNS; see "
        "docs/schema-validation.md)";
    return false;
  }
  std::map<RelationKey, Relation> relations;
  for (const Table& t : column_tables) {
    if (!addColumns(t, &relations, dialect, error)) return false;
  }
  for (const Table& t : key_tables) {
    if (!addKeys(t, &relations, error)) return false;
  }
  Catalog catalog;
  for (auto& [key, r] : relations) catalog.relations.push_back(std::move(r));
  sortCatalog(catalog);
  setDialect(catalog, dialect);
  *out = std::move(catalog);
  return true;
}

}  // namespace lkml::catalog
