#include "catalog/catalog_json.h"

#include <gtest/gtest.h>

namespace lkml::catalog {
namespace {

Catalog smallCatalog() {
  Catalog catalog;
  Relation users;
  users.schema = "public";
  users.name = "users";
  users.columns = {{"id", 1, "integer", TypeCategory::Numeric, false},
                   {"email", 3, "character varying(20)", TypeCategory::String, true}};
  users.primary_key = {"id"};
  users.unique_constraints = {{"email"}};
  Relation orders;
  orders.schema = "Sales";
  orders.name = "Order \"Items\"";
  orders.kind = RelationKind::MaterializedView;
  orders.columns = {{"user_id", 1, "integer", TypeCategory::Numeric, true},
                    {"größe", 2, "numeric(10,2)", TypeCategory::Numeric, true}};
  orders.unique_indexes = {{"user_id", "größe"}};
  orders.foreign_keys = {{{"user_id"}, "public", "users", {"id"}}};
  catalog.relations = {users, orders};
  sortCatalog(catalog);
  return catalog;
}

constexpr const char* kSmallCatalogJson = R"json({
  "format": "lkml-catalog/1",
  "relations": [
    {
      "schema": "Sales",
      "name": "Order \"Items\"",
      "kind": "materialized_view",
      "columns": [
        {"name":"user_id","ordinal":1,"type":"integer","category":"numeric","nullable":true},
        {"name":"größe","ordinal":2,"type":"numeric(10,2)","category":"numeric","nullable":true}
      ],
      "primary_key": [],
      "unique_constraints": [],
      "unique_indexes": [
        ["user_id","größe"]
      ],
      "foreign_keys": [
        {"columns":["user_id"],"references":{"schema":"public","table":"users","columns":["id"]}}
      ]
    },
    {
      "schema": "public",
      "name": "users",
      "kind": "table",
      "columns": [
        {"name":"id","ordinal":1,"type":"integer","category":"numeric","nullable":false},
        {"name":"email","ordinal":3,"type":"character varying(20)","category":"string","nullable":true}
      ],
      "primary_key": ["id"],
      "unique_constraints": [
        ["email"]
      ],
      "unique_indexes": [],
      "foreign_keys": []
    }
  ]
}
)json";

std::string loadError(const std::string& text) {
  Catalog catalog;
  std::string error;
  EXPECT_FALSE(fromJson(text, &catalog, &error)) << text;
  return error;
}

// A valid one-relation document with `relation_body` spliced into the relation object.
std::string withRelation(const std::string& relation_body) {
  return R"({"format": "lkml-catalog/1", "relations": [{"schema": "public", "name": "t",
            "kind": "table", )" +
         relation_body + "}]}";
}

TEST(CatalogJsonTest, WritesTheDocumentedLayout) {
  EXPECT_EQ(toJson(smallCatalog()), kSmallCatalogJson);
}

TEST(CatalogJsonTest, EmptyCatalog) {
  EXPECT_EQ(toJson(Catalog()), "{\n  \"format\": \"lkml-catalog/1\",\n  \"relations\": []\n}\n");
  Catalog loaded;
  std::string error;
  ASSERT_TRUE(fromJson(toJson(Catalog()), &loaded, &error)) << error;
  EXPECT_TRUE(loaded.relations.empty());
}

TEST(CatalogJsonTest, RoundTrips) {
  Catalog original = smallCatalog();
  Catalog loaded;
  std::string error;
  ASSERT_TRUE(fromJson(toJson(original), &loaded, &error)) << error;
  EXPECT_EQ(loaded, original);
  EXPECT_EQ(toJson(loaded), toJson(original));
}

TEST(CatalogJsonTest, OptionalFieldsTakeDefaults) {
  Catalog catalog;
  std::string error;
  ASSERT_TRUE(fromJson(withRelation(R"("columns": [{"name": "id", "type": "bigint"},
                                                   {"name": "at", "type": "timestamp with time zone"}])"),
                       &catalog, &error))
      << error;
  const Relation& t = catalog.relations.at(0);
  EXPECT_EQ(t.columns[1].ordinal, 2);
  EXPECT_TRUE(t.columns[0].nullable);
  EXPECT_EQ(t.columns[1].category, TypeCategory::TemporalTimestamp);
  EXPECT_TRUE(t.primary_key.empty());
}

TEST(CatalogJsonTest, LoadingSortsIntoCanonicalOrder) {
  Catalog catalog;
  std::string error;
  ASSERT_TRUE(fromJson(R"({"format": "lkml-catalog/1", "relations": [
      {"schema": "z", "name": "a", "kind": "view", "columns": []},
      {"schema": "a", "name": "b", "kind": "view", "columns": []}]})",
                       &catalog, &error))
      << error;
  EXPECT_EQ(catalog.relations[0].schema, "a");
}

TEST(CatalogJsonTest, MalformedJsonNamesLineAndColumn) {
  EXPECT_EQ(loadError("{\"format\": }"),
            "invalid JSON: parse error at line 1, column 12: syntax error while parsing value "
            "- unexpected '}'; expected '[', '{', or a literal");
}

TEST(CatalogJsonTest, WrongFormatMarker) {
  EXPECT_EQ(loadError(R"({"format": "lkml-catalog/2", "relations": []})"),
            "$.format: expected \"lkml-catalog/1\", found \"lkml-catalog/2\"");
  EXPECT_EQ(loadError(R"({"format": 1, "relations": []})"),
            "$.format: expected \"lkml-catalog/1\", found a number");
  EXPECT_EQ(loadError(R"({"relations": []})"), "$: missing required key \"format\"");
  EXPECT_EQ(loadError("[]"), "$: expected an object, found an array");
}

TEST(CatalogJsonTest, WrongTypeNamesTheJsonPath) {
  EXPECT_EQ(loadError(withRelation(R"("columns": [{"name": "a", "type": "text"},
                                                  {"name": "b", "type": "text", "nullable": "no"}])")),
            "$.relations[0].columns[1].nullable: expected a boolean, found a string");
  EXPECT_EQ(loadError(withRelation(R"("columns": [{"name": "a", "type": "text", "ordinal": 0}])")),
            "$.relations[0].columns[0].ordinal: expected a positive integer, found a number");
  EXPECT_EQ(loadError(withRelation(R"("columns": {})")),
            "$.relations[0].columns: expected an array of columns, found an object");
  EXPECT_EQ(loadError(withRelation(R"("columns": [{"name": "", "type": "text"}])")),
            "$.relations[0].columns[0].name: expected a non-empty string");
}

TEST(CatalogJsonTest, UnknownKeysAreErrorsWithSuggestions) {
  EXPECT_EQ(loadError(withRelation(R"("colums": [])")),
            "$.relations[0]: unknown key \"colums\" (did you mean \"columns\"?)");
  EXPECT_EQ(loadError(withRelation(R"("columns": [{"name": "a", "type": "text", "zzz": 1}])")),
            "$.relations[0].columns[0]: unknown key \"zzz\"");
}

TEST(CatalogJsonTest, EnumValuesAreChecked) {
  EXPECT_EQ(loadError(R"({"format": "lkml-catalog/1", "relations": [{"schema": "s",
            "name": "t", "kind": "index", "columns": []}]})"),
            "$.relations[0].kind: expected one of table, view, materialized_view, foreign; "
            "found \"index\"");
  EXPECT_EQ(
      loadError(withRelation(R"("columns": [{"name": "a", "type": "text", "category": "text"}])")),
      "$.relations[0].columns[0].category: expected one of numeric, string, boolean, "
      "temporal_date, temporal_timestamp, json, other; found \"text\"");
}

TEST(CatalogJsonTest, KeysMustNameColumns) {
  EXPECT_EQ(loadError(withRelation(R"("columns": [{"name": "a", "type": "text"}],
                                      "primary_key": ["a", "b"])")),
            "$.relations[0].primary_key[1]: unknown column \"b\" (not in \"columns\")");
  EXPECT_EQ(loadError(withRelation(R"("columns": [{"name": "a", "type": "text"}],
                                      "unique_indexes": [["a"], ["c"]])")),
            "$.relations[0].unique_indexes[1][0]: unknown column \"c\" (not in \"columns\")");
  EXPECT_EQ(loadError(withRelation(R"("columns": [{"name": "a", "type": "text"}],
      "foreign_keys": [{"columns": ["a"], "references": {"schema": "s", "table": "u", "columns": []}}])")),
            "$.relations[0].foreign_keys[0].references.columns: expected 1 column names (as many "
            "as \"columns\"), found 0");
}

TEST(CatalogJsonTest, DuplicatesAreErrors) {
  EXPECT_EQ(loadError(withRelation(R"("columns": [{"name": "a", "type": "text"},
                                                  {"name": "a", "type": "text"}])")),
            "$.relations[0].columns[1].name: duplicate column \"a\"");
  EXPECT_EQ(loadError(R"({"format": "lkml-catalog/1", "relations": [
      {"schema": "s", "name": "T", "kind": "view", "columns": []},
      {"schema": "s", "name": "T", "kind": "view", "columns": []}]})"),
            "$.relations[1]: duplicate relation s.\"T\"");
}

// Snapshots of 256 relations and more are read on two threads (catalog_json_read.cpp); they
// must load and fail exactly as the one-thread reader does.
std::string largeSnapshot(size_t relations) {
  std::string json = "{\"format\": \"lkml-catalog/1\", \"relations\": [";
  for (size_t i = 0; i < relations; ++i) {
    json += std::string(i ? ",\n" : "\n") + "{\"schema\": \"s\", \"name\": \"t" +
            std::to_string(i) +
            "\", \"kind\": \"table\", \"columns\": [{\"name\": \"id\", \"type\": "
            "\"integer\"}, {\"name\": \"a\\\"b\", \"type\": \"text\"}], \"primary_key\": [\"id\"]}";
  }
  return json + "\n]}";
}

TEST(CatalogJsonTest, LargeSnapshotLoadsLikeASmallOne) {
  const std::string json = largeSnapshot(600);
  Catalog catalog;
  std::string error;
  ASSERT_TRUE(fromJson(json, &catalog, &error)) << error;
  ASSERT_EQ(catalog.relations.size(), 600u);
  EXPECT_EQ(catalog.relations[0].name, "t0");  // canonical order: by schema, then name
  EXPECT_EQ(catalog.relations[1].name, "t1");
  EXPECT_EQ(catalog.relations[2].name, "t10");
  EXPECT_EQ(catalog.relations[0].columns[1].name, "a\"b");
  EXPECT_EQ(catalog.relations[0].primary_key, std::vector<std::string>{"id"});
  Catalog again;
  ASSERT_TRUE(fromJson(toJson(catalog), &again, &error)) << error;
  EXPECT_EQ(toJson(again), toJson(catalog));
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

TEST(CatalogJsonTest, LargeSnapshotReportsTheFirstProblemInDocumentOrder) {
  const std::string json = largeSnapshot(600);
  std::string bad =
      replaced(json, "\"t299\", \"kind\": \"table\"", "\"t299\", \"kind\": \"index\"");
  bad = replaced(bad, "\"name\": \"t450\"", "\"name\": \"t1\"");
  EXPECT_EQ(loadError(bad),
            "$.relations[299].kind: expected one of table, view, materialized_view, foreign; "
            "found \"index\"");
  EXPECT_EQ(loadError(replaced(json, "\"name\": \"t450\"", "\"name\": \"t1\"")),
            "$.relations[450]: duplicate relation s.t1");
  EXPECT_EQ(loadError(replaced(json, "{\"format\"", "{\"formt\": 1, \"format\"")),
            "$: unknown key \"formt\" (did you mean \"format\"?)");
}

TEST(CatalogJsonTest, LargeSnapshotSyntaxErrorsNameTheirPlaceInTheWholeFile) {
  // A missing comma in relation 500, on line 502 of the file.
  const std::string error =
      loadError(replaced(largeSnapshot(600), "\"t500\", \"kind\"", "\"t500\" \"kind\""));
  EXPECT_EQ(error.rfind("invalid JSON: parse error at line 502, column", 0), 0u) << error;
}

}  // namespace
}  // namespace lkml::catalog
