#include "catalog/postgres_connection.h"

#include <gtest/gtest.h>

#include <cstdlib>

#include "tests/unit/catalog/pg_test_database.h"

namespace lkml::catalog {
namespace {

constexpr const char* kPassword = "s3cr3t-Pw-9";

class ReadOnlyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    connection_ = test::connectOrFail();
    ASSERT_NE(connection_, nullptr);
    ASSERT_TRUE(schema_.ok());
    ASSERT_TRUE(schema_.run("CREATE TABLE items (id integer);"));
  }

  std::string table() const { return schema_.name() + ".items"; }
  std::string rowCount() const { return test::adminQuery("SELECT count(*) FROM " + table()); }

  test::ScratchSchema schema_{"readonly"};
  std::unique_ptr<PostgresConnection> connection_;
};

TEST_F(ReadOnlyTest, InsertFails) {
  QueryResult result;
  DatabaseError error;
  EXPECT_FALSE(connection_->run({"INSERT INTO " + table() + " VALUES (1)", {}}, &result, &error));
  EXPECT_EQ(error.kind, DatabaseError::Kind::Query);
  EXPECT_EQ(error.sqlstate, "25006");  // read_only_sql_transaction
  EXPECT_EQ(error.message, "cannot execute INSERT in a read-only transaction");
  EXPECT_EQ(rowCount(), "0");
}

TEST_F(ReadOnlyTest, SessionSettingCannotLiftIt) {
  QueryResult result;
  DatabaseError error;
  ASSERT_TRUE(connection_->run({"SET default_transaction_read_only = off", {}}, &result, &error))
      << error.message;
  EXPECT_FALSE(connection_->run({"INSERT INTO " + table() + " VALUES (1)", {}}, &result, &error));
  EXPECT_EQ(error.sqlstate, "25006");
  EXPECT_FALSE(connection_->run({"SET TRANSACTION READ WRITE", {}}, &result, &error));
  EXPECT_EQ(error.sqlstate, "25001");
  EXPECT_EQ(error.message, "transaction read-write mode must be set before any query");
  EXPECT_EQ(rowCount(), "0");
}

TEST_F(ReadOnlyTest, DataModifyingCteFails) {
  QueryResult result;
  DatabaseError error;
  EXPECT_FALSE(connection_->run(
      {"WITH x AS (INSERT INTO " + table() + " VALUES (1) RETURNING id) SELECT * FROM x", {}},
      &result, &error));
  EXPECT_EQ(error.sqlstate, "25006");
  EXPECT_EQ(rowCount(), "0");
}

TEST_F(ReadOnlyTest, SecondStatementIsRejectedNotRun) {
  QueryResult result;
  DatabaseError error;
  EXPECT_FALSE(connection_->run({"SELECT 1; COMMIT; INSERT INTO " + table() + " VALUES (1)", {}},
                                &result, &error));
  EXPECT_EQ(error.sqlstate, "42601");
  EXPECT_EQ(error.message, "cannot insert multiple commands into a prepared statement");
  EXPECT_EQ(rowCount(), "0");
}

TEST(PostgresConnectionTest, RunsQueriesWithParametersAndCountsThem) {
  auto connection = test::connectOrFail();
  ASSERT_NE(connection, nullptr);
  QueryResult result;
  DatabaseError error;
  ASSERT_TRUE(
      connection->run({"SELECT $1::text AS a, NULL::int AS b, 42 AS c", {"it's"}}, &result, &error))
      << error.message;
  ASSERT_EQ(result.columns.size(), 3u);
  EXPECT_EQ(result.columns[0].name, "a");
  EXPECT_EQ(result.columns[0].type_oid, 25u);  // text
  ASSERT_EQ(result.rows.size(), 1u);
  EXPECT_EQ(result.rows[0][0], "it's");
  EXPECT_EQ(result.rows[0][1], std::nullopt);
  EXPECT_EQ(result.rows[0][2], "42");
  EXPECT_EQ(connection->queryCount(), 1);
  std::vector<QueryResult> results;
  ASSERT_TRUE(connection->runAll({{"SELECT 1", {}}, {"SELECT 2", {}}}, &results, &error));
  EXPECT_EQ(results.size(), 2u);
  EXPECT_EQ(connection->queryCount(), 3);
  EXPECT_GE(connection->serverVersion(), 110000);
}

TEST(PostgresConnectionTest, SessionAndTransactionsAreReadOnly) {
  auto connection = test::connectOrFail();
  ASSERT_NE(connection, nullptr);
  QueryResult result;
  DatabaseError error;
  ASSERT_TRUE(connection->run({"SELECT current_setting('transaction_read_only'), "
                               "current_setting('default_transaction_read_only'), "
                               "current_setting('statement_timeout')",
                               {}},
                              &result, &error));
  EXPECT_EQ(result.rows.at(0), (std::vector<std::optional<std::string>>{"on", "on", "10s"}));
}

TEST(PostgresConnectionTest, LocalSettingsApplyToOneTransaction) {
  auto connection = test::connectOrFail();
  ASSERT_NE(connection, nullptr);
  std::vector<QueryResult> results;
  DatabaseError error;
  ASSERT_TRUE(connection->runAll({{"SHOW search_path", {}}}, &results, &error,
                                 {{"search_path", "pg_catalog, \"My Schema\""}}))
      << error.message;
  EXPECT_EQ(results.at(0).rows.at(0).at(0), "pg_catalog, \"My Schema\"");
  ASSERT_TRUE(connection->runAll({{"SHOW search_path", {}}}, &results, &error));
  EXPECT_NE(results.at(0).rows.at(0).at(0), "pg_catalog, \"My Schema\"");
}

TEST(PostgresConnectionTest, QuotesThroughTheConnection) {
  auto connection = test::connectOrFail();
  ASSERT_NE(connection, nullptr);
  EXPECT_EQ(connection->quote("O'Brien"), "'O''Brien'");
  EXPECT_EQ(connection->quoteName("Mixed Case"), "\"Mixed Case\"");
}

TEST(PostgresConnectionTest, QueryErrorsCarrySqlStateAndPosition) {
  auto connection = test::connectOrFail();
  ASSERT_NE(connection, nullptr);
  QueryResult result;
  DatabaseError error;
  EXPECT_FALSE(connection->run({"SELECT 1,\n  nosuch FROM pg_class", {}}, &result, &error));
  EXPECT_EQ(error.kind, DatabaseError::Kind::Query);
  EXPECT_EQ(error.sqlstate, "42703");
  EXPECT_EQ(error.message, "column \"nosuch\" does not exist");
  EXPECT_EQ(error.position, 13);
  // The connection stays usable after an error.
  EXPECT_TRUE(connection->run({"SELECT 1", {}}, &result, &error)) << error.message;
}

TEST(PostgresConnectionTest, StatementTimeoutIsReportedAsTimeout) {
  ConnectionSettings settings;
  settings.statement_timeout = std::chrono::milliseconds(200);
  auto connection = test::connectOrFail(settings);
  ASSERT_NE(connection, nullptr);
  QueryResult result;
  DatabaseError error;
  EXPECT_FALSE(connection->run({"SELECT pg_sleep(5)", {}}, &result, &error));
  EXPECT_EQ(error.kind, DatabaseError::Kind::Timeout);
  EXPECT_EQ(error.sqlstate, "57014");
  EXPECT_NE(error.message.find("200 ms statement timeout"), std::string::npos) << error.message;
  EXPECT_NE(error.message.find("port " + connection->target().port), std::string::npos)
      << error.message;
  EXPECT_NE(error.message.find("database \"" + connection->target().database + "\""),
            std::string::npos)
      << error.message;
  EXPECT_TRUE(connection->run({"SELECT 1", {}}, &result, &error)) << error.message;
}

TEST(PostgresConnectionTest, UnreachableServerNamesTargetButNotPassword) {
  ConnectionSettings settings;
  settings.url =
      std::string("postgresql://lkml_user:") + kPassword + "@127.0.0.1:1/warehouse?sslmode=disable";
  DatabaseError error;
  EXPECT_EQ(PostgresConnection::open(settings, &error), nullptr);
  EXPECT_EQ(error.kind, DatabaseError::Kind::Unreachable);
  EXPECT_EQ(error.message.rfind("cannot connect to PostgreSQL (host 127.0.0.1, port 1, database "
                                "\"warehouse\", user \"lkml_user\"): ",
                                0),
            0u)
      << error.message;
  EXPECT_NE(error.message.find("Connection refused"), std::string::npos) << error.message;
  EXPECT_EQ(error.message.find(kPassword), std::string::npos) << error.message;
  EXPECT_EQ(error.message.find('\n'), std::string::npos) << error.message;
}

TEST(PostgresConnectionTest, EnvironmentUrlIsUsedWhenNoneIsGiven) {
  std::string url = std::string("postgresql://u:") + kPassword + "@127.0.0.1:1/from_env";
  ASSERT_EQ(setenv(kDatabaseUrlVariable, url.c_str(), 1), 0);
  DatabaseError error;
  EXPECT_EQ(PostgresConnection::open({}, &error), nullptr);
  unsetenv(kDatabaseUrlVariable);
  EXPECT_EQ(error.kind, DatabaseError::Kind::Unreachable);
  EXPECT_NE(error.message.find("database \"from_env\""), std::string::npos) << error.message;
  EXPECT_EQ(error.message.find(kPassword), std::string::npos) << error.message;
}

TEST(PostgresConnectionTest, WrongPasswordDoesNotEchoIt) {
  const char* port = std::getenv("PGPORT");
  ConnectionSettings settings;
  settings.url = std::string("postgresql://postgres:") + kPassword +
                 "@localhost:" + (port ? port : "5432") + "/postgres";
  DatabaseError error;
  std::unique_ptr<PostgresConnection> connection = PostgresConnection::open(settings, &error);
  if (connection) GTEST_SUCCEED() << "the test cluster trusts local connections";
  if (!connection) {
    EXPECT_EQ(error.kind, DatabaseError::Kind::Unreachable);
    EXPECT_EQ(error.message.find(kPassword), std::string::npos) << error.message;
  }
}

TEST(PostgresConnectionTest, MalformedUrlIsUnreachableWithoutPassword) {
  ConnectionSettings settings;
  settings.url = std::string("postgresql://u:") + kPassword + "@h:port/db";
  DatabaseError error;
  EXPECT_EQ(PostgresConnection::open(settings, &error), nullptr);
  EXPECT_EQ(error.kind, DatabaseError::Kind::Unreachable);
  EXPECT_EQ(error.message,
            "invalid database URL postgresql://u@h:port/db: invalid port (expected digits after "
            "`:`) (from the given URL)");
}

// No session opens without a statement timeout PostgreSQL enforces: 0 would disable it,
// beyond INT_MAX milliseconds PostgreSQL refuses the setting.
TEST(PostgresConnectionTest, RefusesATimeoutPostgresWouldNotEnforce) {
  for (int64_t ms : {int64_t{0}, int64_t{-5}, kMaxStatementTimeoutMs + 1}) {
    ConnectionSettings settings;
    settings.statement_timeout = std::chrono::milliseconds(ms);
    DatabaseError error;
    EXPECT_EQ(PostgresConnection::open(settings, &error), nullptr) << ms;
    EXPECT_EQ(error.message,
              "statement timeout of " + std::to_string(ms) + " ms is outside 1 to 2147483647 ms");
  }
  ConnectionSettings settings;
  settings.statement_timeout = std::chrono::milliseconds(kMaxStatementTimeoutMs);
  DatabaseError error;
  auto connection = PostgresConnection::open(settings, &error);
  ASSERT_NE(connection, nullptr) << error.message;
  QueryResult result;
  ASSERT_TRUE(connection->run({"SHOW statement_timeout", {}}, &result, &error)) << error.message;
  EXPECT_EQ(result.rows.at(0).at(0), "2147483647ms");
}

}  // namespace
}  // namespace lkml::catalog
