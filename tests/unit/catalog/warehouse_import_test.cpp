// `lkml schema import`'s library: one sample export per warehouse (import_samples/), the
// lookups an imported catalog answers under its dialect's identifier rules, and the errors a
// malformed export gets (file:line for CSV, the JSON path for JSON).
#include "catalog/warehouse_import.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "catalog/catalog_json.h"
#include "tests/support/test_paths.h"

namespace lkml::catalog {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

ImportFile sample(const std::string& name) {
  return {name, test::readText(test::sourceDir() + "/tests/unit/catalog/import_samples/" + name)};
}

Catalog importOk(const std::vector<ImportFile>& files, sql::Dialect dialect) {
  Catalog catalog;
  std::string error;
  EXPECT_TRUE(importWarehouseCatalog(files, dialect, &catalog, &error)) << error;
  return catalog;
}

std::string importError(const std::vector<ImportFile>& files, sql::Dialect dialect) {
  Catalog catalog;
  std::string error;
  EXPECT_FALSE(importWarehouseCatalog(files, dialect, &catalog, &error));
  return error;
}

TEST(WarehouseImport, BigQueryCsvWithKeys) {
  Catalog c = importOk({sample("bigquery_columns.csv"), sample("bigquery_keys.json")},
                       sql::Dialect::BigQuery);
  EXPECT_EQ(c.dialect, sql::Dialect::BigQuery);
  ASSERT_EQ(c.relations.size(), 3u);
  const Relation* orders = c.relation("sales", "orders");
  ASSERT_NE(orders, nullptr);
  ASSERT_EQ(orders->columns.size(), 5u);  // the hidden _PARTITIONTIME is left out
  EXPECT_EQ(orders->columns[1].data_type, "NUMERIC(10, 2)");
  EXPECT_EQ(orders->columns[1].category, TypeCategory::Numeric);
  EXPECT_EQ(orders->columns[2].category, TypeCategory::TemporalTimestamp);
  EXPECT_FALSE(orders->columns[0].nullable);
  EXPECT_THAT(orders->primary_key, ElementsAre("id"));
  // BigQuery names: project ignored, backticks, case-insensitive columns, pseudo-columns.
  EXPECT_EQ(c.findRelation("`shop-prod.sales.orders`"), orders);
  EXPECT_EQ(c.findRelation("shop-prod.sales.orders"), orders);
  EXPECT_EQ(c.findRelation("`shop-prod`.sales.`orders`"), orders);
  EXPECT_EQ(c.findRelation("`x.shop-prod.sales.orders`"), orders);  // four parts: region views
  EXPECT_EQ(c.findRelation("a.x.shop-prod.sales.orders"), nullptr);
  EXPECT_NE(orders->findColumn("AMOUNT"), nullptr);
  EXPECT_NE(orders->findColumn("`amount`"), nullptr);
  EXPECT_NE(orders->findColumn("_PARTITIONTIME"), nullptr);
  EXPECT_EQ(orders->findColumn("amout"), nullptr);
  // Wildcard tables read the last table of the prefix.
  const Relation* events = c.findRelation("`shop-prod.sales.events_*`");
  ASSERT_NE(events, nullptr);
  EXPECT_EQ(events->name, "events_20240102");
  EXPECT_NE(events->findColumn("_TABLE_SUFFIX"), nullptr);
  EXPECT_EQ(c.findRelation("`shop-prod.sales.nothing_*`"), nullptr);
}

TEST(WarehouseImport, BigQueryJsonAsBqWritesIt) {
  Catalog c = importOk({sample("bigquery_columns.json")}, sql::Dialect::BigQuery);
  ASSERT_EQ(c.relations.size(), 1u);
  EXPECT_EQ(c.relations[0].columns.size(), 1u);
}

TEST(WarehouseImport, BigQueryColumnFieldPathsKeepsTopLevelRows) {
  Catalog c = importOk({{"paths.csv",
                         "table_schema,table_name,column_name,field_path,data_type\n"
                         "s,t,totals,totals,\"STRUCT<visits INT64, hits INT64>\"\n"
                         "s,t,totals,totals.visits,INT64\n"
                         "s,t,totals,totals.hits,INT64\n"
                         "s,t,id,id,INT64\n"}},
                       sql::Dialect::BigQuery);
  ASSERT_EQ(c.relations.size(), 1u);
  ASSERT_EQ(c.relations[0].columns.size(), 2u);
  EXPECT_EQ(structFieldType(c.relations[0].columns[0].data_type, "visits"), "INT64");
}

TEST(WarehouseImport, SnowflakeUpperCaseHeadersBomAndShowPrimaryKeys) {
  Catalog c = importOk({sample("snowflake_columns.csv"), sample("snowflake_primary_keys.csv")},
                       sql::Dialect::Snowflake);
  const Relation* orders = c.findRelation("sales.orders");  // unquoted folds to upper case
  ASSERT_NE(orders, nullptr);
  EXPECT_EQ(orders->name, "ORDERS");
  EXPECT_THAT(orders->primary_key, ElementsAre("ID"));
  EXPECT_NE(orders->findColumn("created_at"), nullptr);
  EXPECT_EQ(orders->findColumn("\"created_at\""), nullptr);  // quoted is exact
  EXPECT_NE(orders->findColumn("\"Mixed Case\""), nullptr);
  EXPECT_EQ(orders->findColumn("mixed_case"), nullptr);
  EXPECT_EQ(orders->column("PAYLOAD")->category, TypeCategory::Json);
  EXPECT_EQ(orders->column("CREATED_AT")->category, TypeCategory::TemporalTimestamp);
  EXPECT_EQ(c.findRelation("\"sales\".\"orders\""), nullptr);
}

TEST(WarehouseImport, RedshiftSvvColumns) {
  Catalog c = importOk({sample("redshift_svv_columns.csv")}, sql::Dialect::Redshift);
  const Relation* orders = c.findRelation("orders");
  ASSERT_NE(orders, nullptr);
  EXPECT_EQ(orders->column("status")->category, TypeCategory::String);
  EXPECT_EQ(orders->column("created_at")->category, TypeCategory::TemporalTimestamp);
  EXPECT_NE(orders->findColumn("STATUS"), nullptr);
}

TEST(WarehouseImport, PostgresColumnsKeysAndTableTypes) {
  Catalog c = importOk({sample("postgres_columns.csv"), sample("postgres_keys.csv")},
                       sql::Dialect::Postgres);
  EXPECT_THAT(c.relation("public", "orders")->primary_key, ElementsAre("id"));
  EXPECT_EQ(c.relation("public", "order_summary")->kind, RelationKind::View);
  // A PostgreSQL import writes a snapshot without a "dialect" key, as `schema dump` does.
  EXPECT_EQ(toJson(c).find("\"dialect\""), std::string::npos);
}

TEST(WarehouseImport, SnapshotKeepsTheDialect) {
  Catalog c = importOk({sample("bigquery_columns.csv")}, sql::Dialect::BigQuery);
  std::string json = toJson(c);
  EXPECT_THAT(json, HasSubstr("\"dialect\": \"bigquery\""));
  Catalog back;
  std::string error;
  ASSERT_TRUE(fromJson(json, &back, &error)) << error;
  EXPECT_EQ(back, c);
  EXPECT_NE(back.findRelation("`p.sales.events_*`"), nullptr);
  EXPECT_FALSE(fromJson("{\"format\":\"lkml-catalog/1\",\"dialect\":\"oracle\",\"relations\":[]}",
                        &back, &error));
  EXPECT_THAT(error, HasSubstr("$.dialect: unknown dialect `oracle`"));
}

TEST(WarehouseImport, MalformedInputIsPositioned) {
  using sql::Dialect;
  EXPECT_EQ(importError({{"c.csv", "table_schema,table_name,column_name,data_type\ns,t,a\n"}},
                        Dialect::BigQuery),
            "c.csv:2: 3 fields, expected 4 (as in the header on line 1)");
  EXPECT_EQ(
      importError({{"c.csv", "table_schema,table_name,column_name,data_type\ns,t,\"a,INT64\n"}},
                  Dialect::BigQuery),
      "c.csv:2: quoted field is not closed (a `\"` is missing)");
  EXPECT_EQ(importError({{"c.json",
                          "[{\"table_schema\":\"s\",\"table_name\":\"t\","
                          "\"column_name\":\"a\",\"data_type\":{\"x\":1}}]"}},
                        Dialect::BigQuery),
            "c.json: $[0].data_type: expected a string or number, found an object");
  EXPECT_EQ(importError({{"c.json", "{\"rows\": []}"}}, Dialect::BigQuery),
            "c.json: $: expected an array of row objects (bq query --format=json), found an "
            "object");
  EXPECT_THAT(importError({{"c.json", "[{\"a\": 1,]"}}, Dialect::BigQuery),
              HasSubstr("c.json: invalid JSON:"));
  EXPECT_THAT(importError({{"x.csv", "name,type\na,b\n"}}, Dialect::BigQuery),
              HasSubstr("x.csv: not a columns export"));
  EXPECT_EQ(
      importError({{"c.csv",
                    "table_schema,table_name,column_name,data_type,ordinal_position\ns,t,a,INT64,"
                    "x\n"}},
                  Dialect::BigQuery),
      "c.csv:2: ordinal_position: expected a positive integer, found \"x\"");
  EXPECT_EQ(importError({{"c.csv", "table_schema,table_name,column_name,data_type\ns,t,a,INT64\n"},
                         {"k.csv",
                          "table_schema,table_name,column_name,constraint_type,ordinal_position\n"
                          "s,t,b,PRIMARY KEY,1\n"}},
                        Dialect::BigQuery),
            "k.csv:2: key column b is not a column of s.t in the columns export");
  EXPECT_EQ(importError({{"c.csv", ""}}, Dialect::BigQuery),
            "c.csv:1: empty file: expected a header row (table_schema,table_name,...)");
}

TEST(WarehouseImport, StructFieldTypes) {
  const std::string type =
      "STRUCT<name STRING, address STRUCT<city STRING, zip STRING>, "
      "`odd name` NUMERIC(10, 2)>";
  EXPECT_EQ(structFieldType(type, "NAME"), "STRING");
  EXPECT_EQ(structFieldType(type, "address"), "STRUCT<city STRING, zip STRING>");
  EXPECT_EQ(structFieldType(structFieldType(type, "address"), "zip"), "STRING");
  EXPECT_EQ(structFieldType(type, "odd name"), "NUMERIC(10, 2)");
  EXPECT_EQ(structFieldType(type, "city"), "");
  EXPECT_EQ(structFieldType("ARRAY<STRUCT<a INT64>>", "a"), "");
}

TEST(WarehouseImport, TypeCategories) {
  using sql::Dialect;
  EXPECT_EQ(categorizeWarehouseType("INT64", Dialect::BigQuery), TypeCategory::Numeric);
  EXPECT_EQ(categorizeWarehouseType("BOOL", Dialect::BigQuery), TypeCategory::Boolean);
  EXPECT_EQ(categorizeWarehouseType("DATE", Dialect::BigQuery), TypeCategory::TemporalDate);
  EXPECT_EQ(categorizeWarehouseType("STRUCT<a INT64>", Dialect::BigQuery), TypeCategory::Other);
  EXPECT_EQ(categorizeWarehouseType("NUMBER(38,0)", Dialect::Snowflake), TypeCategory::Numeric);
  EXPECT_EQ(categorizeWarehouseType("TIMESTAMP_LTZ(9)", Dialect::Snowflake),
            TypeCategory::TemporalTimestamp);
  EXPECT_EQ(categorizeWarehouseType("character varying(256)", Dialect::Redshift),
            TypeCategory::String);
  EXPECT_EQ(categorizeWarehouseType("USER-DEFINED", Dialect::Postgres), TypeCategory::Other);
}

}  // namespace
}  // namespace lkml::catalog
