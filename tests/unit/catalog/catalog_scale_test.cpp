// 1,000 tables must cost the same three queries as one. The time is printed, not asserted.
#include <gtest/gtest.h>

#include <chrono>
#include <iostream>

#include "catalog/postgres_catalog.h"
#include "tests/unit/catalog/pg_test_database.h"

namespace lkml::catalog {
namespace {

constexpr int kTables = 1000;
constexpr int kTablesPerTransaction = 100;  // keeps each transaction within the lock table

// Tables t1..t1000 with a primary key, a unique constraint, a foreign key to the previous table
// and five columns, created by psql in one autocommitted DO block per 100 tables.
std::string createTables() {
  std::string sql;
  for (int first = 1; first <= kTables; first += kTablesPerTransaction) {
    sql += "DO $$ BEGIN FOR i IN " + std::to_string(first) + ".." +
           std::to_string(first + kTablesPerTransaction - 1) + R"( LOOP
  EXECUTE format('CREATE TABLE t%s (id integer PRIMARY KEY, parent_id integer %s, '
                 'name text NOT NULL, amount numeric(10,2), created_at timestamptz, '
                 'UNIQUE (name))',
                 i, CASE WHEN i > 1 THEN format('REFERENCES t%s (id)', i - 1) ELSE '' END);
END LOOP; END $$;
)";
  }
  return sql;
}

std::string dropTables() {
  std::string sql;
  for (int first = kTables - kTablesPerTransaction + 1; first >= 1;
       first -= kTablesPerTransaction) {
    sql += "DROP TABLE";
    for (int i = first; i < first + kTablesPerTransaction; ++i) {
      sql += (i == first ? " t" : ", t") + std::to_string(i);
    }
    sql += " CASCADE;\n";
  }
  return sql;
}

TEST(CatalogScaleTest, ReadsAThousandTablesInThreeQueries) {
  auto connection = test::connectOrFail();
  ASSERT_NE(connection, nullptr);
  test::ScratchSchema schema("scale");
  ASSERT_TRUE(schema.ok());
  ASSERT_TRUE(schema.run(createTables()));
  int before = connection->queryCount();
  Catalog catalog;
  DatabaseError error;
  auto start = std::chrono::steady_clock::now();
  ASSERT_TRUE(readCatalog(*connection, {schema.name()}, &catalog, &error)) << error.message;
  auto elapsed =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start);
  EXPECT_EQ(connection->queryCount() - before, 3);
  std::cout << "[ timing   ] read " << catalog.relations.size() << " tables in " << elapsed.count()
            << " ms\n";
  RecordProperty("read_ms", static_cast<int>(elapsed.count()));

  ASSERT_EQ(catalog.relations.size(), static_cast<size_t>(kTables));
  EXPECT_EQ(catalog.relations.front().name, "t1");  // byte order: t1, t10, t100, t1000, t101
  EXPECT_EQ(catalog.relations[3].name, "t1000");
  for (const auto& relation : catalog.relations) {
    ASSERT_EQ(relation.columns.size(), 5u) << relation.name;
    EXPECT_EQ(relation.columns[3].data_type, "numeric(10,2)");
    EXPECT_EQ(relation.primary_key, std::vector<std::string>{"id"});
    EXPECT_EQ(relation.unique_constraints, std::vector<std::vector<std::string>>{{"name"}});
    EXPECT_EQ(relation.foreign_keys.size(), relation.name == "t1" ? 0u : 1u) << relation.name;
  }
  const Relation* t500 = catalog.relation(schema.name(), "t500");
  ASSERT_NE(t500, nullptr);
  EXPECT_EQ(t500->foreign_keys.at(0).referenced_table, "t499");
  // Dropping the schema in one transaction would need more locks than a default server has.
  EXPECT_TRUE(schema.run(dropTables()));
}

}  // namespace
}  // namespace lkml::catalog
