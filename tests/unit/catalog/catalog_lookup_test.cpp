#include <gtest/gtest.h>

#include "catalog/catalog.h"

namespace lkml::catalog {
namespace {

Column col(const std::string& name, int ordinal, const std::string& type, bool nullable = true) {
  return Column{name, ordinal, type, categorizeType(type), nullable};
}

Catalog sampleCatalog() {
  Catalog catalog;
  Relation orders;
  orders.schema = "public";
  orders.name = "orders";
  orders.columns = {col("id", 1, "integer", false), col("customer_id", 2, "integer"),
                    col("email", 3, "text"), col("Amount", 4, "numeric(10,2)")};
  orders.primary_key = {"id"};
  orders.unique_constraints = {{"email"}};
  Relation lines;
  lines.schema = "public";
  lines.name = "order_lines";
  lines.columns = {col("order_id", 1, "integer", false), col("line_no", 2, "integer", false),
                   col("sku", 3, "text", false), col("note", 4, "text")};
  lines.primary_key = {"order_id", "line_no"};
  lines.unique_indexes = {{"sku", "note"}};
  Relation sales_orders;
  sales_orders.schema = "sales";
  sales_orders.name = "Orders";
  sales_orders.kind = RelationKind::View;
  sales_orders.columns = {col("Order ID", 1, "bigint")};
  Relation archive;
  archive.schema = "archive";
  archive.name = "customers";
  archive.columns = {col("id", 1, "integer")};
  catalog.relations = {orders, lines, sales_orders, archive};
  sortCatalog(catalog);
  return catalog;
}

TEST(CatalogLookupTest, FindsBareNamesThroughTheSearchPath) {
  Catalog catalog = sampleCatalog();
  ASSERT_NE(catalog.findRelation("orders"), nullptr);
  EXPECT_EQ(catalog.findRelation("orders")->schema, "public");
  EXPECT_EQ(catalog.findRelation("customers"), nullptr);
  EXPECT_EQ(catalog.findRelation("customers", {"public", "archive"})->schema, "archive");
  EXPECT_EQ(catalog.findRelation("orders", {"archive"}), nullptr);
}

TEST(CatalogLookupTest, FindsQualifiedNames) {
  Catalog catalog = sampleCatalog();
  EXPECT_EQ(catalog.findRelation("archive.customers")->name, "customers");
  EXPECT_EQ(catalog.findRelation("analytics.public.orders")->name, "orders");
  EXPECT_EQ(catalog.findRelation("nope.orders"), nullptr);
  EXPECT_EQ(catalog.findRelation("(SELECT 1)"), nullptr);
}

TEST(CatalogLookupTest, FoldsUnquotedNamesAndKeepsQuotedOnesExact) {
  Catalog catalog = sampleCatalog();
  EXPECT_NE(catalog.findRelation("PUBLIC.Orders"), nullptr);  // folds to public.orders
  EXPECT_EQ(catalog.findRelation("public.\"Orders\""), nullptr);
  EXPECT_EQ(catalog.findRelation("sales.Orders"), nullptr);  // folds to sales.orders
  ASSERT_NE(catalog.findRelation("sales.\"Orders\""), nullptr);
  EXPECT_EQ(catalog.findRelation("sales.\"Orders\"")->kind, RelationKind::View);
  EXPECT_EQ(catalog.relation("sales", "Orders")->sqlName(), "\"sales\".\"Orders\"");
  EXPECT_EQ(catalog.relation("sales", "Orders")->displayName(), "sales.\"Orders\"");
}

TEST(CatalogLookupTest, FindsColumnsByIdentifier) {
  Catalog catalog = sampleCatalog();
  const Relation* orders = catalog.findRelation("orders");
  ASSERT_NE(orders, nullptr);
  EXPECT_EQ(orders->findColumn("EMAIL")->name, "email");
  EXPECT_EQ(orders->findColumn("Amount"), nullptr);  // folds to amount
  EXPECT_EQ(orders->findColumn("\"Amount\"")->data_type, "numeric(10,2)");
  EXPECT_EQ(orders->column("Amount")->category, TypeCategory::Numeric);
  EXPECT_EQ(orders->findColumn("orders.email"), nullptr);  // one part only
}

TEST(CatalogLookupTest, ExactPrimaryKeyIsUnique) {
  Catalog catalog = sampleCatalog();
  const Relation& orders = *catalog.findRelation("orders");
  std::optional<UniqueKeyMatch> match = orders.findUniqueKey({"id"});
  ASSERT_TRUE(match.has_value());
  EXPECT_EQ(match->source, KeySource::PrimaryKey);
  EXPECT_TRUE(match->exact);
  EXPECT_FALSE(match->allows_null);
}

TEST(CatalogLookupTest, UniqueConstraintOnNullableColumnAllowsNull) {
  Catalog catalog = sampleCatalog();
  std::optional<UniqueKeyMatch> match = catalog.findRelation("orders")->findUniqueKey({"email"});
  ASSERT_TRUE(match.has_value());
  EXPECT_EQ(match->source, KeySource::UniqueConstraint);
  EXPECT_TRUE(match->allows_null);
}

TEST(CatalogLookupTest, SupersetOfAKeyIsUniqueButNotExact) {
  Catalog catalog = sampleCatalog();
  const Relation& orders = *catalog.findRelation("orders");
  std::optional<UniqueKeyMatch> match = orders.findUniqueKey({"customer_id", "id"});
  ASSERT_TRUE(match.has_value());
  EXPECT_FALSE(match->exact);
  EXPECT_EQ(match->key_columns, std::vector<std::string>{"id"});
  EXPECT_TRUE(orders.isUniqueKey({"email", "Amount"}));
}

TEST(CatalogLookupTest, CompositeKeysNeedAllTheirColumnsInAnyOrder) {
  Catalog catalog = sampleCatalog();
  const Relation& lines = *catalog.findRelation("order_lines");
  EXPECT_TRUE(lines.isUniqueKey({"line_no", "order_id"}));
  EXPECT_FALSE(lines.isUniqueKey({"order_id"}));
  EXPECT_FALSE(lines.isUniqueKey({"sku"}));
  std::optional<UniqueKeyMatch> index = lines.findUniqueKey({"note", "sku"});
  ASSERT_TRUE(index.has_value());
  EXPECT_EQ(index->source, KeySource::UniqueIndex);
  EXPECT_TRUE(index->exact);
  EXPECT_STREQ(keySourceName(index->source), "unique index");
}

TEST(CatalogLookupTest, PrefersAnExactKeyOverThePrimaryKeySubset) {
  Catalog catalog = sampleCatalog();
  const Relation& lines = *catalog.findRelation("order_lines");
  std::optional<UniqueKeyMatch> match = lines.findUniqueKey({"order_id", "line_no", "sku"});
  ASSERT_TRUE(match.has_value());
  EXPECT_EQ(match->source, KeySource::PrimaryKey);  // both are subsets: primary key wins
  EXPECT_FALSE(match->exact);
}

TEST(CatalogLookupTest, UnknownColumnsAndNoKeyAreNotUnique) {
  Catalog catalog = sampleCatalog();
  EXPECT_FALSE(catalog.findRelation("orders")->isUniqueKey({"customer_id"}));
  EXPECT_FALSE(catalog.findRelation("orders")->isUniqueKey({"id", "nope"}));
  EXPECT_FALSE(catalog.findRelation("orders")->isUniqueKey({}));
  EXPECT_FALSE(catalog.findRelation("customers", {"archive"})->isUniqueKey({"id"}));
}

TEST(CatalogLookupTest, SuggestsNearRelationNames) {
  Catalog catalog = sampleCatalog();
  EXPECT_EQ(catalog.suggestRelation("ordres"), "orders");
  EXPECT_EQ(catalog.suggestRelation("order_line"), "order_lines");
  EXPECT_EQ(catalog.suggestRelation("customers"), "archive.customers");  // another schema
  EXPECT_EQ(catalog.suggestRelation("public.customers"), "archive.customers");
  EXPECT_EQ(catalog.suggestRelation("sales.Orders"), "sales.\"Orders\"");  // case
  EXPECT_EQ(catalog.suggestRelation("shipments"), "");
}

TEST(CatalogLookupTest, SuggestsNearColumnNames) {
  Catalog catalog = sampleCatalog();
  const Relation& orders = *catalog.findRelation("orders");
  EXPECT_EQ(orders.suggestColumn("emial"), "email");
  EXPECT_EQ(orders.suggestColumn("amount"), "\"Amount\"");
  EXPECT_EQ(orders.suggestColumn("zzz"), "");
}

TEST(CatalogLookupTest, SortCatalogOrdersBySchemaNameAndOrdinal) {
  Catalog catalog = sampleCatalog();
  std::vector<std::string> names;
  for (const auto& r : catalog.relations) names.push_back(r.schema + "." + r.name);
  EXPECT_EQ(names, (std::vector<std::string>{"archive.customers", "public.order_lines",
                                             "public.orders", "sales.Orders"}));
  EXPECT_STREQ(relationKindName(RelationKind::MaterializedView), "materialized_view");
  EXPECT_EQ(parseRelationKind("foreign"), RelationKind::Foreign);
}

}  // namespace
}  // namespace lkml::catalog
