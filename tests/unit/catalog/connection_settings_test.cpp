#include "catalog/connection_settings.h"

#include <gtest/gtest.h>

#include <map>

namespace lkml::catalog {
namespace {

constexpr const char* kPassword = "s3cr3t-Pw";

EnvironmentLookup fakeEnvironment(std::map<std::string, std::string> variables) {
  return [variables](const char* name) -> std::optional<std::string> {
    auto it = variables.find(name);
    return it == variables.end() ? std::nullopt : std::optional<std::string>(it->second);
  };
}

TEST(PostgresUrlTest, ParsesEveryPart) {
  PostgresUrl url;
  std::string error;
  ASSERT_TRUE(parsePostgresUrl(
      "postgresql://looker:s3cr3t-Pw@db.example.com:6543/shop?sslmode=require&connect_timeout=2",
      &url, &error))
      << error;
  EXPECT_EQ(url.user, "looker");
  EXPECT_EQ(url.password, "s3cr3t-Pw");
  EXPECT_EQ(url.hosts, std::vector<std::string>{"db.example.com"});
  EXPECT_EQ(url.ports, std::vector<std::string>{"6543"});
  EXPECT_EQ(url.database, "shop");
  ASSERT_EQ(url.params.size(), 2u);
  EXPECT_EQ(url.params[0], (std::pair<std::string, std::string>{"sslmode", "require"}));
}

TEST(PostgresUrlTest, DecodesPercentEscapesAndBrackets) {
  PostgresUrl url;
  std::string error;
  ASSERT_TRUE(parsePostgresUrl("postgres://us%40er:p%3Ass@[::1]:5433,other/my%20db", &url, &error))
      << error;
  EXPECT_EQ(url.user, "us@er");
  EXPECT_EQ(url.password, "p:ss");
  EXPECT_EQ(url.hosts, (std::vector<std::string>{"::1", "other"}));
  EXPECT_EQ(url.ports, (std::vector<std::string>{"5433", ""}));
  EXPECT_EQ(url.database, "my db");
}

TEST(PostgresUrlTest, MinimalUrlHasNoParts) {
  PostgresUrl url;
  std::string error;
  ASSERT_TRUE(parsePostgresUrl("postgresql://", &url, &error)) << error;
  EXPECT_TRUE(url.hosts.empty());
  EXPECT_FALSE(url.password.has_value());
}

TEST(PostgresUrlTest, ErrorsQuoteTheUrlWithoutItsPassword) {
  PostgresUrl url;
  std::string error;
  EXPECT_FALSE(parsePostgresUrl("postgresql://u:s3cr3t-Pw@host:54x/db", &url, &error));
  EXPECT_EQ(error, "invalid database URL postgresql://u@host:54x/db: invalid port `54x`");
  EXPECT_FALSE(parsePostgresUrl("mysql://u:s3cr3t-Pw@host/db", &url, &error));
  EXPECT_EQ(error.find(kPassword), std::string::npos) << error;
  EXPECT_FALSE(parsePostgresUrl("postgresql://h/db?sslmode", &url, &error));
  EXPECT_NE(error.find("malformed parameter"), std::string::npos);
  EXPECT_FALSE(parsePostgresUrl("postgresql://h/db%zz", &url, &error));
}

TEST(RedactUrlTest, RemovesPasswordsOnly) {
  EXPECT_EQ(redactUrl("postgresql://u:s3cr3t-Pw@h:5432/db?sslmode=require"),
            "postgresql://u@h:5432/db?sslmode=require");
  EXPECT_EQ(redactUrl("postgresql://h/db?password=s3cr3t-Pw&sslmode=disable"),
            "postgresql://h/db?sslmode=disable");
  EXPECT_EQ(redactUrl("postgresql://h/db?password=s3cr3t-Pw"), "postgresql://h/db");
  EXPECT_EQ(redactUrl("postgresql://u@h/db"), "postgresql://u@h/db");
  EXPECT_EQ(redactUrl("u:s3cr3t-Pw@h"), "(not a postgresql:// URL)");
}

TEST(ResolveConnectionTest, ExplicitUrlWinsAndAddsDefaults) {
  ConnectionSettings settings;
  settings.url = "postgresql://looker:s3cr3t-Pw@db:6543/shop?sslmode=require";
  ResolvedConnection resolved;
  std::string error;
  ASSERT_TRUE(resolveConnection(settings,
                                fakeEnvironment({{"LKML_DATABASE_URL", "postgresql://other/x"}}),
                                &resolved, &error));
  EXPECT_EQ(resolved.conninfo,
            "host='db' port='6543' user='looker' password='s3cr3t-Pw' dbname='shop' "
            "sslmode='require' connect_timeout='5' application_name='lkml'");
  EXPECT_EQ(resolved.password, kPassword);
  EXPECT_EQ(resolved.source, "the given URL");
  EXPECT_EQ(resolved.target.describe(), "host db, port 6543, database \"shop\", user \"looker\"");
}

TEST(ResolveConnectionTest, UrlConnectTimeoutIsKept) {
  ConnectionSettings settings;
  settings.url = "postgresql://db/shop?connect_timeout=1";
  ResolvedConnection resolved;
  std::string error;
  ASSERT_TRUE(resolveConnection(settings, fakeEnvironment({{"USER", "me"}}), &resolved, &error));
  EXPECT_EQ(resolved.conninfo,
            "host='db' dbname='shop' connect_timeout='1' application_name='lkml'");
  EXPECT_EQ(resolved.target.describe(), "host db, port 5432, database \"shop\", user \"me\"");
}

TEST(ResolveConnectionTest, EnvironmentUrlComesNext) {
  ResolvedConnection resolved;
  std::string error;
  ASSERT_TRUE(resolveConnection(
      {}, fakeEnvironment({{"LKML_DATABASE_URL", "postgresql://u@h:1/d"}, {"PGHOST", "x"}}),
      &resolved, &error));
  EXPECT_EQ(resolved.source, "LKML_DATABASE_URL");
  EXPECT_EQ(resolved.target.describe(), "host h, port 1, database \"d\", user \"u\"");
}

TEST(ResolveConnectionTest, FallsBackToThePgEnvironment) {
  ResolvedConnection resolved;
  std::string error;
  ASSERT_TRUE(resolveConnection({},
                                fakeEnvironment({{"PGHOST", "localhost"},
                                                 {"PGPORT", "5433"},
                                                 {"PGUSER", "postgres"},
                                                 {"PGPASSWORD", kPassword},
                                                 {"PGCONNECT_TIMEOUT", "9"}}),
                                &resolved, &error));
  EXPECT_EQ(resolved.source, "the PG* environment");
  EXPECT_EQ(resolved.conninfo, "application_name='lkml'");  // libpq reads PG* itself
  EXPECT_EQ(resolved.password, kPassword);
  EXPECT_EQ(resolved.target.describe(),
            "host localhost, port 5433, database \"postgres\", user \"postgres\"");
}

TEST(ResolveConnectionTest, DefaultSocketIsDescribed) {
  ResolvedConnection resolved;
  std::string error;
  ASSERT_TRUE(resolveConnection({}, fakeEnvironment({{"USER", "ann"}}), &resolved, &error));
  EXPECT_EQ(resolved.conninfo, "connect_timeout='5' application_name='lkml'");
  EXPECT_EQ(resolved.target.describe(),
            "host (default Unix socket), port 5432, database \"ann\", user \"ann\"");
}

TEST(ResolveConnectionTest, QuotesConninfoValues) {
  ConnectionSettings settings;
  settings.url = "postgresql://u:it's%5Cme@h/d";
  ResolvedConnection resolved;
  std::string error;
  ASSERT_TRUE(resolveConnection(settings, fakeEnvironment({}), &resolved, &error));
  EXPECT_NE(resolved.conninfo.find("password='it\\'s\\\\me'"), std::string::npos)
      << resolved.conninfo;
}

TEST(ResolveConnectionTest, MalformedUrlNamesItsSource) {
  ResolvedConnection resolved;
  std::string error;
  EXPECT_FALSE(resolveConnection(
      {}, fakeEnvironment({{"LKML_DATABASE_URL", "postgresql://u:s3cr3t-Pw@h:bad/d"}}), &resolved,
      &error));
  EXPECT_EQ(error,
            "invalid database URL postgresql://u@h:bad/d: invalid port `bad` (from "
            "LKML_DATABASE_URL)");
}

}  // namespace
}  // namespace lkml::catalog
