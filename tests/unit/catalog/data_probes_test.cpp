#include "catalog/data_probes.h"

#include <gtest/gtest.h>

#include "catalog/identifier.h"
#include "tests/unit/catalog/pg_test_database.h"

namespace lkml::catalog {
namespace {

using Values = std::vector<std::optional<std::string>>;

constexpr const char* kData = R"sql(
CREATE TABLE users (id integer PRIMARY KEY, email text, team text, "Sign Up" date);
INSERT INTO users VALUES
  (1, 'a@x.com', 'red', '2024-01-01'), (2, 'B@x.com', 'red', '2024-01-02'),
  (3, 'b@x.com', 'blue', '2024-01-02'), (4, NULL, 'blue', NULL), (5, NULL, NULL, NULL);
CREATE TABLE "Mixed Case" ("Order ID" integer, "Line" integer);
INSERT INTO "Mixed Case" VALUES (1, 1), (1, 2), (2, 1), (2, 1), (2, 1);
)sql";

class DataProbesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    connection_ = test::connectOrFail();
    ASSERT_NE(connection_, nullptr);
    ASSERT_TRUE(schema_.ok());
    ASSERT_TRUE(schema_.run(kData));
  }

  std::string users() const { return quoteQualifiedName(schema_.name(), "users"); }

  UniquenessResult uniqueness(const std::string& relation, const std::vector<KeyPart>& key,
                              UniquenessOptions options = {}) {
    UniquenessResult result;
    DatabaseError error;
    EXPECT_TRUE(probeUniqueness(*connection_, relation, key, &result, &error, options))
        << error.message;
    return result;
  }

  test::ScratchSchema schema_{"probes"};
  std::unique_ptr<PostgresConnection> connection_;
};

TEST_F(DataProbesTest, UniqueColumn) {
  UniquenessResult result = uniqueness(users(), {KeyPart::column("id")});
  EXPECT_TRUE(result.unique);
  EXPECT_TRUE(result.sample_key.empty());
}

TEST_F(DataProbesTest, DuplicatedColumnGivesASample) {
  UniquenessResult result = uniqueness(users(), {KeyPart::column("Sign Up")});
  EXPECT_FALSE(result.unique);
  ASSERT_EQ(result.sample_key.size(), 1u);
  // Two keys are duplicated ('2024-01-02' twice, NULL twice); the sample is either.
  if (result.sample_key[0]) {
    EXPECT_EQ(result.sample_key[0], "2024-01-02");
  }
  EXPECT_EQ(result.sample_count, 2);
}

TEST_F(DataProbesTest, NullKeysAreDuplicatesUnlessIgnored) {
  UniquenessResult with_nulls = uniqueness(users(), {KeyPart::column("email")});
  EXPECT_FALSE(with_nulls.unique);
  EXPECT_EQ(with_nulls.sample_key, Values{std::nullopt});
  EXPECT_EQ(with_nulls.sample_count, 2);
  UniquenessOptions ignore;
  ignore.ignore_null_keys = true;
  EXPECT_TRUE(uniqueness(users(), {KeyPart::column("email")}, ignore).unique);
}

TEST_F(DataProbesTest, ExpressionKeys) {
  UniquenessResult lower =
      uniqueness(users(), {KeyPart::expression("lower(email)")}, UniquenessOptions{true});
  EXPECT_FALSE(lower.unique);
  EXPECT_EQ(lower.sample_key, Values{"b@x.com"});
  EXPECT_EQ(lower.sample_count, 2);
  EXPECT_TRUE(uniqueness(users() + " AS u", {KeyPart::expression("u.id * 10")}).unique);
}

TEST_F(DataProbesTest, CompositeKeyOnQuotedNames) {
  std::string table = quoteQualifiedName(schema_.name(), "Mixed Case");
  UniquenessResult pair = uniqueness(table, {KeyPart::column("Order ID"), KeyPart::column("Line")});
  EXPECT_FALSE(pair.unique);
  EXPECT_EQ(pair.sample_key, (Values{"2", "1"}));
  EXPECT_EQ(pair.sample_count, 3);
}

TEST_F(DataProbesTest, DerivedTableAsRelation) {
  std::string derived = "(SELECT DISTINCT team FROM " + users() + ") AS teams";
  EXPECT_TRUE(uniqueness(derived, {KeyPart::column("team")}).unique);
}

TEST_F(DataProbesTest, UniquenessErrors) {
  UniquenessResult result;
  DatabaseError error;
  EXPECT_FALSE(probeUniqueness(*connection_, users(), {KeyPart::column("nope")}, &result, &error));
  EXPECT_EQ(error.kind, DatabaseError::Kind::Query);
  EXPECT_EQ(error.sqlstate, "42703");
  EXPECT_EQ(error.message, "column \"nope\" does not exist");
  EXPECT_EQ(error.position, 0);
  EXPECT_FALSE(probeUniqueness(*connection_, users(), {}, &result, &error));
  EXPECT_EQ(error.message, "a uniqueness probe needs at least one key column");
}

TEST_F(DataProbesTest, UniquenessProbeHonoursTheTimeout) {
  ConnectionSettings settings;
  settings.statement_timeout = std::chrono::milliseconds(200);
  auto slow = test::connectOrFail(settings);
  ASSERT_NE(slow, nullptr);
  UniquenessResult result;
  DatabaseError error;
  EXPECT_FALSE(probeUniqueness(*slow, "generate_series(1, 100000000) AS g",
                               {KeyPart::expression("g % 1000000007")}, &result, &error));
  EXPECT_EQ(error.kind, DatabaseError::Kind::Timeout);
}

TEST_F(DataProbesTest, QueryColumnsOfDerivedSql) {
  std::vector<QueryColumnInfo> columns;
  DatabaseError error;
  std::string sql =
      "SELECT id, email AS \"E-mail\", \"Sign Up\", id::numeric(10,2) AS amount,\n"
      "       now() AS at, email IS NULL AS missing, '{}'::jsonb AS extra,\n"
      "       ARRAY[id] AS ids\n"
      "  FROM " +
      users() + "\n -- a trailing comment\n;";
  ASSERT_TRUE(probeQueryColumns(*connection_, sql, &columns, &error)) << error.message;
  std::vector<std::string> got;
  for (const auto& c : columns) {
    got.push_back(c.name + " " + c.data_type + " " + typeCategoryName(c.category));
  }
  EXPECT_EQ(got, (std::vector<std::string>{
                     "id integer numeric", "E-mail text string", "Sign Up date temporal_date",
                     "amount numeric numeric", "at timestamp with time zone temporal_timestamp",
                     "missing boolean boolean", "extra jsonb json", "ids integer[] other"}));
  EXPECT_EQ(columns[0].type_oid, 23u);
}

TEST_F(DataProbesTest, QueryColumnsCostTwoQueriesAndReadNoRows) {
  std::vector<QueryColumnInfo> columns;
  DatabaseError error;
  int before = connection_->queryCount();
  // LIMIT 0: the division by zero in the rows is never evaluated.
  ASSERT_TRUE(probeQueryColumns(*connection_, "SELECT 1 / (id - id) AS boom FROM " + users(),
                                &columns, &error))
      << error.message;
  EXPECT_EQ(connection_->queryCount() - before, 2);
  ASSERT_EQ(columns.size(), 1u);
  EXPECT_EQ(columns[0].name, "boom");
}

TEST_F(DataProbesTest, BrokenDerivedSqlGivesTheDatabaseError) {
  std::vector<QueryColumnInfo> columns;
  DatabaseError error;
  std::string sql = "SELECT id,\n       emial\n  FROM " + users();
  EXPECT_FALSE(probeQueryColumns(*connection_, sql, &columns, &error));
  EXPECT_EQ(error.kind, DatabaseError::Kind::Query);
  EXPECT_EQ(error.sqlstate, "42703");
  EXPECT_EQ(error.message, "column \"emial\" does not exist");
  EXPECT_EQ(byteOffsetOfPosition(sql, error.position), sql.find("emial"));
  EXPECT_NE(error.detail.find("HINT:"), std::string::npos) << error.detail;
}

TEST_F(DataProbesTest, SyntaxErrorPositionsMapIntoTheCallersSql) {
  std::vector<QueryColumnInfo> columns;
  DatabaseError error;
  std::string sql = "SELECT id FORM " + users();
  EXPECT_FALSE(probeQueryColumns(*connection_, sql, &columns, &error));
  EXPECT_EQ(error.sqlstate, "42601");
  EXPECT_EQ(error.message, "syntax error at or near \"\"" + schema_.name() + "\"\"");
  EXPECT_EQ(byteOffsetOfPosition(sql, error.position), sql.find(schema_.name()) - 1);

  std::string truncated = "SELECT id FROM";
  EXPECT_FALSE(probeQueryColumns(*connection_, truncated, &columns, &error));
  EXPECT_EQ(error.sqlstate, "42601");
  EXPECT_EQ(byteOffsetOfPosition(truncated, error.position), truncated.size());  // the end
}

TEST_F(DataProbesTest, LongLinePositionsAreRecovered) {
  std::string sql = "SELECT ";
  for (int i = 0; i < 12; ++i) sql += "id AS column_" + std::to_string(10 + i) + ", ";
  sql += "nosuch FROM " + users();
  DatabaseError error;
  EXPECT_FALSE(runWithLimitZero(*connection_, sql, &error));
  EXPECT_EQ(error.sqlstate, "42703");
  EXPECT_EQ(byteOffsetOfPosition(sql, error.position), sql.find("nosuch"));
}

TEST_F(DataProbesTest, RunWithLimitZeroAcceptsValidSql) {
  DatabaseError error;
  EXPECT_TRUE(runWithLimitZero(
      *connection_,
      "SELECT u.team, COUNT(*) AS n FROM " + users() + " AS u GROUP BY 1 ORDER BY 2 DESC LIMIT 500",
      &error))
      << error.message;
}

TEST_F(DataProbesTest, RunWithLimitZeroReportsUnknownTables) {
  DatabaseError error;
  std::string sql = "SELECT *\nFROM public.no_such_table";
  EXPECT_FALSE(runWithLimitZero(*connection_, sql, &error));
  EXPECT_EQ(error.kind, DatabaseError::Kind::Query);
  EXPECT_EQ(error.sqlstate, "42P01");
  EXPECT_EQ(error.message, "relation \"public.no_such_table\" does not exist");
  EXPECT_EQ(byteOffsetOfPosition(sql, error.position), sql.find("public"));
}

TEST_F(DataProbesTest, RunWithLimitZeroCannotWrite) {
  DatabaseError error;
  EXPECT_FALSE(runWithLimitZero(*connection_, "DELETE FROM " + users() + " RETURNING *", &error));
  EXPECT_EQ(error.sqlstate, "42601");  // not a SELECT: a syntax error inside the subquery
  EXPECT_FALSE(runWithLimitZero(
      *connection_, "SELECT 1) AS x; DELETE FROM " + users() + "; SELECT * FROM (SELECT 1",
      &error));
  EXPECT_EQ(error.message, "cannot insert multiple commands into a prepared statement");
  EXPECT_EQ(test::adminQuery("SELECT count(*) FROM " + users()), "5");
}

}  // namespace
}  // namespace lkml::catalog
