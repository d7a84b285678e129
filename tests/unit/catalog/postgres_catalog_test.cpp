#include "catalog/postgres_catalog.h"

#include <gtest/gtest.h>

#include "catalog/catalog_json.h"
#include "tests/unit/catalog/pg_test_database.h"

namespace lkml::catalog {
namespace {

using Names = std::vector<std::string>;
using test::ScratchSchema;

constexpr const char* kShopSchema = R"sql(
CREATE TYPE mood AS ENUM ('happy', 'sad');
CREATE DOMAIN positive_amount AS numeric(12,2) CHECK (VALUE > 0);
CREATE TABLE customers (
  id integer PRIMARY KEY,
  email text NOT NULL UNIQUE,
  country_code char(2),
  tax_id varchar(20),
  mood mood
);
CREATE UNIQUE INDEX customers_tax_id_idx ON customers (tax_id);
CREATE UNIQUE INDEX customers_lower_email_idx ON customers (lower(email));
CREATE UNIQUE INDEX customers_country_partial_idx ON customers (country_code)
  WHERE country_code <> 'XX';
CREATE UNIQUE INDEX customers_tax_country_incl_idx ON customers (tax_id, country_code)
  INCLUDE (email);
CREATE TABLE orders (
  order_id bigint NOT NULL,
  line_no integer NOT NULL,
  customer_id integer REFERENCES customers (id),
  amount positive_amount,
  PRIMARY KEY (order_id, line_no),
  CONSTRAINT orders_customer_line_key UNIQUE (customer_id, order_id, line_no)
);
CREATE TABLE shipments (
  order_id bigint,
  line_no integer,
  shipped_on date,
  FOREIGN KEY (line_no, order_id) REFERENCES orders (line_no, order_id)
);
ALTER TABLE shipments DROP COLUMN shipped_on;
ALTER TABLE shipments ADD COLUMN carrier text;
CREATE TABLE "Mixed Case" ("Order ID" integer PRIMARY KEY, "Total" numeric(10,2));
CREATE TABLE all_types (
  i integer, b bigint, n numeric(10,2), t text, v varchar(20), flag boolean, d date,
  ts timestamp, tstz timestamptz, j jsonb, ints integer[], u uuid
);
CREATE TABLE no_columns ();
CREATE VIEW customer_emails AS SELECT id, email FROM customers;
CREATE MATERIALIZED VIEW order_totals AS
  SELECT order_id, sum(amount) AS total FROM orders GROUP BY order_id;
CREATE UNIQUE INDEX order_totals_order_id_idx ON order_totals (order_id);
CREATE TABLE events (id bigint NOT NULL, at date NOT NULL, PRIMARY KEY (id, at))
  PARTITION BY RANGE (at);
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE event_notes (event_id bigint, event_at date,
  FOREIGN KEY (event_id, event_at) REFERENCES events (id, at));
CREATE SEQUENCE not_a_relation_seq;
)sql";

class PostgresCatalogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    connection_ = test::connectOrFail();
    ASSERT_NE(connection_, nullptr);
    ASSERT_TRUE(schema_.ok());
    ASSERT_TRUE(schema_.run(kShopSchema));
    DatabaseError error;
    ASSERT_TRUE(readCatalog(*connection_, {schema_.name()}, &catalog_, &error)) << error.message;
  }

  const Relation& relation(const std::string& name) {
    const Relation* found = catalog_.relation(schema_.name(), name);
    if (!found) ADD_FAILURE() << "no relation " << name;
    static const Relation kNone;
    return found ? *found : kNone;
  }

  ScratchSchema schema_{"catalog"};
  std::unique_ptr<PostgresConnection> connection_;
  Catalog catalog_;
};

TEST_F(PostgresCatalogTest, ListsRelationsInCanonicalOrderWithKinds) {
  Names names;
  for (const auto& r : catalog_.relations) {
    EXPECT_EQ(r.schema, schema_.name());
    names.push_back(r.name + ":" + relationKindName(r.kind));
  }
  EXPECT_EQ(names,
            (Names{"Mixed Case:table", "all_types:table", "customer_emails:view", "customers:table",
                   "event_notes:table", "events:table", "events_2024:table", "no_columns:table",
                   "order_totals:materialized_view", "orders:table", "shipments:table"}));
}

TEST_F(PostgresCatalogTest, ColumnTypesAsFormatTypePrintsThem) {
  std::vector<std::string> got;
  for (const auto& c : relation("all_types").columns) {
    got.push_back(c.name + " " + c.data_type + " " + typeCategoryName(c.category));
  }
  EXPECT_EQ(got, (Names{"i integer numeric", "b bigint numeric", "n numeric(10,2) numeric",
                        "t text string", "v character varying(20) string", "flag boolean boolean",
                        "d date temporal_date", "ts timestamp without time zone temporal_timestamp",
                        "tstz timestamp with time zone temporal_timestamp", "j jsonb json",
                        "ints integer[] other", "u uuid other"}));
}

TEST_F(PostgresCatalogTest, DomainsAndEnumsTakeTheirBaseCategory) {
  const Column* amount = relation("orders").column("amount");
  ASSERT_NE(amount, nullptr);
  EXPECT_EQ(amount->data_type, schema_.name() + ".positive_amount");  // always qualified
  EXPECT_EQ(amount->category, TypeCategory::Numeric);
  const Column* mood = relation("customers").column("mood");
  ASSERT_NE(mood, nullptr);
  EXPECT_EQ(mood->data_type, schema_.name() + ".mood");
  EXPECT_EQ(mood->category, TypeCategory::String);
  EXPECT_EQ(relation("customers").column("country_code")->data_type, "character(2)");
}

TEST_F(PostgresCatalogTest, NullabilityAndOrdinals) {
  const Relation& customers = relation("customers");
  EXPECT_FALSE(customers.column("id")->nullable);
  EXPECT_FALSE(customers.column("email")->nullable);
  EXPECT_TRUE(customers.column("tax_id")->nullable);
  const Relation& shipments = relation("shipments");  // a dropped column leaves a gap
  ASSERT_EQ(shipments.columns.size(), 3u);
  EXPECT_EQ(shipments.columns[2].name, "carrier");
  EXPECT_EQ(shipments.columns[2].ordinal, 4);
  EXPECT_TRUE(relation("no_columns").columns.empty());
  EXPECT_TRUE(relation("customer_emails").column("id")->nullable);  // views: always nullable
}

TEST_F(PostgresCatalogTest, PrimaryKeysAndUniqueConstraints) {
  EXPECT_EQ(relation("customers").primary_key, Names{"id"});
  EXPECT_EQ(relation("customers").unique_constraints, std::vector<Names>{{"email"}});
  EXPECT_EQ(relation("orders").primary_key, (Names{"order_id", "line_no"}));
  EXPECT_EQ(relation("orders").unique_constraints,
            (std::vector<Names>{{"customer_id", "order_id", "line_no"}}));
  EXPECT_EQ(relation("Mixed Case").primary_key, Names{"Order ID"});
  EXPECT_TRUE(relation("shipments").primary_key.empty());
  EXPECT_EQ(relation("events_2024").primary_key, (Names{"id", "at"}));
}

TEST_F(PostgresCatalogTest, UniqueIndexesSkipPartialExpressionAndConstraintIndexes) {
  // customers_lower_email_idx (expression) and customers_country_partial_idx (partial) are
  // left out, as are the indexes behind the primary key and the UNIQUE constraint; INCLUDE
  // columns are not key columns.
  EXPECT_EQ(relation("customers").unique_indexes,
            (std::vector<Names>{{"tax_id", "country_code"}, {"tax_id"}}));
  EXPECT_EQ(relation("order_totals").unique_indexes, std::vector<Names>{{"order_id"}});
  EXPECT_TRUE(relation("orders").unique_indexes.empty());
}

TEST_F(PostgresCatalogTest, ForeignKeysKeepColumnOrder) {
  const auto& orders_fks = relation("orders").foreign_keys;
  ASSERT_EQ(orders_fks.size(), 1u);
  EXPECT_EQ(orders_fks[0], (ForeignKey{{"customer_id"}, schema_.name(), "customers", {"id"}}));
  const auto& shipment_fks = relation("shipments").foreign_keys;
  ASSERT_EQ(shipment_fks.size(), 1u);
  EXPECT_EQ(
      shipment_fks[0],
      (ForeignKey{{"line_no", "order_id"}, schema_.name(), "orders", {"line_no", "order_id"}}));
  // A key into a partitioned table is listed once, not once per partition.
  const auto& note_fks = relation("event_notes").foreign_keys;
  ASSERT_EQ(note_fks.size(), 1u);
  EXPECT_EQ(note_fks[0].referenced_table, "events");
}

TEST_F(PostgresCatalogTest, LookupsWorkOnTheLiveCatalog) {
  std::vector<std::string> path = {schema_.name()};
  ASSERT_NE(catalog_.findRelation("Customers", path), nullptr);
  EXPECT_EQ(catalog_.findRelation("\"Mixed Case\"", path)->name, "Mixed Case");
  EXPECT_EQ(catalog_.findRelation(schema_.name() + ".ORDERS")->name, "orders");
  EXPECT_TRUE(relation("orders").isUniqueKey({"line_no", "order_id"}));
  EXPECT_TRUE(relation("customers").isUniqueKey({"tax_id"}));
  EXPECT_FALSE(relation("customers").isUniqueKey({"country_code"}));  // partial index only
  EXPECT_TRUE(relation("order_totals").isUniqueKey({"order_id"}));
  EXPECT_FALSE(relation("shipments").isUniqueKey({"order_id", "line_no"}));
  EXPECT_EQ(catalog_.suggestRelation("customer", path), "customers");
}

TEST_F(PostgresCatalogTest, ReadsEverythingInThreeQueries) {
  int before = connection_->queryCount();
  Catalog again;
  DatabaseError error;
  ASSERT_TRUE(readCatalog(*connection_, {schema_.name()}, &again, &error)) << error.message;
  EXPECT_EQ(connection_->queryCount() - before, 3);
  EXPECT_EQ(again, catalog_);
}

TEST_F(PostgresCatalogTest, LiveCatalogRoundTripsThroughJson) {
  Catalog loaded;
  std::string error;
  std::string json = toJson(catalog_);
  ASSERT_TRUE(fromJson(json, &loaded, &error)) << error;
  EXPECT_EQ(loaded, catalog_);
  EXPECT_EQ(toJson(loaded), json);
}

TEST_F(PostgresCatalogTest, AllSchemasByDefaultButNoSystemSchemas) {
  Catalog all;
  DatabaseError error;
  ASSERT_TRUE(readCatalog(*connection_, {}, &all, &error)) << error.message;
  EXPECT_NE(all.relation(schema_.name(), "customers"), nullptr);
  for (const auto& r : all.relations) {
    EXPECT_NE(r.schema, "pg_catalog");
    EXPECT_NE(r.schema, "information_schema");
    EXPECT_NE(r.schema.rfind("pg_", 0), 0u) << r.schema;
  }
}

TEST_F(PostgresCatalogTest, MissingSchemaIsAnError) {
  Catalog none;
  DatabaseError error;
  EXPECT_FALSE(readCatalog(*connection_, {schema_.name(), "No Such Schema"}, &none, &error));
  EXPECT_EQ(error.kind, DatabaseError::Kind::Query);
  EXPECT_EQ(error.message, "schema \"No Such Schema\" does not exist");
}

TEST(PostgresCatalogEmptyTest, EmptySchemaGivesEmptyCatalog) {
  auto connection = test::connectOrFail();
  ASSERT_NE(connection, nullptr);
  ScratchSchema schema("empty");
  ASSERT_TRUE(schema.ok());
  Catalog catalog;
  DatabaseError error;
  ASSERT_TRUE(readCatalog(*connection, {schema.name()}, &catalog, &error)) << error.message;
  EXPECT_TRUE(catalog.relations.empty());
}

}  // namespace
}  // namespace lkml::catalog
