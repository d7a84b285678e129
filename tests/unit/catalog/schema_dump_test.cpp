#include "catalog/schema_dump.h"

#include <gtest/gtest.h>

#include <sstream>

#include "catalog/catalog_json.h"
#include "tests/unit/catalog/pg_test_database.h"

namespace lkml::catalog {
namespace {

TEST(SchemaDumpTest, WritesASnapshotThatLoadsBack) {
  test::ScratchSchema schema("dump");
  ASSERT_TRUE(schema.ok());
  ASSERT_TRUE(schema.run("CREATE TABLE orders (id integer PRIMARY KEY, total numeric(10,2));"));
  std::ostringstream out;
  DatabaseError error;
  ASSERT_TRUE(dumpSchema({}, {schema.name()}, out, &error)) << error.message;
  Catalog catalog;
  std::string load_error;
  ASSERT_TRUE(fromJson(out.str(), &catalog, &load_error)) << load_error;
  ASSERT_EQ(catalog.relations.size(), 1u);
  EXPECT_EQ(catalog.relations[0].columns[1].data_type, "numeric(10,2)");
  EXPECT_EQ(out.str().rfind("{\n  \"format\": \"lkml-catalog/1\",", 0), 0u);
}

TEST(SchemaDumpTest, UnreachableDatabaseWritesNothing) {
  ConnectionSettings settings;
  settings.url = "postgresql://u:hunter2-hunter2@127.0.0.1:1/db";
  std::ostringstream out;
  DatabaseError error;
  EXPECT_FALSE(dumpSchema(settings, {}, out, &error));
  EXPECT_EQ(error.kind, DatabaseError::Kind::Unreachable);
  EXPECT_EQ(out.str(), "");
  EXPECT_EQ(error.message.find("hunter2"), std::string::npos);
}

TEST(SchemaDumpTest, MissingSchemaWritesNothing) {
  std::ostringstream out;
  DatabaseError error;
  EXPECT_FALSE(dumpSchema({}, {"lkml_no_such_schema"}, out, &error));
  EXPECT_EQ(error.kind, DatabaseError::Kind::Query);
  EXPECT_EQ(error.message, "schema \"lkml_no_such_schema\" does not exist");
  EXPECT_EQ(out.str(), "");
}

}  // namespace
}  // namespace lkml::catalog
