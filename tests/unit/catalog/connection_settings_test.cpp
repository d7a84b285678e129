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
  EXPECT_EQ(error,
            "invalid database URL postgresql://u@host:54x/db: invalid port (expected digits "
            "after `:`)");
  EXPECT_FALSE(parsePostgresUrl("mysql://u:s3cr3t-Pw@host/db", &url, &error));
  EXPECT_EQ(error.find(kPassword), std::string::npos) << error;
  EXPECT_FALSE(parsePostgresUrl("postgresql://h/db?sslmode", &url, &error));
  EXPECT_NE(error.find("malformed parameter"), std::string::npos);
  EXPECT_FALSE(parsePostgresUrl("postgresql://h/db%zz", &url, &error));
}

TEST(RedactUrlTest, RemovesPasswordsOnly) {
  EXPECT_EQ(redactUrl("postgresql://u:s3cr3t-Pw@h:5432/db?sslmode=require"),
            "postgresql://u@h:5432/db?sslmode=require");
  // Everything after `password=` goes: an unencoded `&` in the password would split it.
  EXPECT_EQ(redactUrl("postgresql://h/db?password=s3cr3t-Pw&sslmode=disable"), "postgresql://h/db");
  EXPECT_EQ(redactUrl("postgresql://h/db?sslmode=disable&password=s3cr3t-Pw"),
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
            "invalid database URL postgresql://u@h:bad/d: invalid port (expected digits after "
            "`:`) (from LKML_DATABASE_URL)");
}

// A password with an unencoded `/`, `?`, `@` or `#`: the URL is malformed (or, for `@` and
// `#`, still parses), and no message shows any piece of the password.
TEST(PostgresUrlTest, UnencodedSpecialCharactersInThePasswordNeverLeak) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"postgresql://looker:pa/ss9w0rd@db:5432/shop", "pa/ss9w0rd"},
      {"postgresql://looker:12/ss9w0rd@db/shop", "12/ss9w0rd"},
      {"postgresql://looker:pa?ss9w0rd@db/shop", "pa?ss9w0rd"},
      {"postgresql://looker:12?k=ss9w0rd@db/shop", "12?k=ss9w0rd"},
      {"postgresql://looker:pa@ss9w0rd@db/shop?x", "pa@ss9w0rd"},
      {"postgresql://looker:pa#ss9w0rd@db:5x/shop", "pa#ss9w0rd"},
      {"postgresql://looker:pa/ss9w0rd@db/shop?sslmode", "pa/ss9w0rd"},
      {"postgresql://db/shop?password=pa&ss9w0rd&sslmode", "pa&ss9w0rd"},
  };
  for (const auto& [text, password] : cases) {
    PostgresUrl url;
    std::string error;
    EXPECT_FALSE(parsePostgresUrl(text, &url, &error)) << text;
    EXPECT_EQ(error.find("ss9w0rd"), std::string::npos) << error;
    EXPECT_EQ(redactUrl(text).find("ss9w0rd"), std::string::npos) << redactUrl(text);
    ConnectionSettings settings;
    settings.url = text;
    ResolvedConnection resolved;
    EXPECT_FALSE(resolveConnection(settings, fakeEnvironment({}), &resolved, &error));
    EXPECT_EQ(error.find("ss9w0rd"), std::string::npos) << error;
  }
  PostgresUrl url;
  std::string error;
  EXPECT_FALSE(parsePostgresUrl("postgresql://looker:pa/ss9w0rd@db/shop", &url, &error));
  EXPECT_NE(error.find("percent-encoded (%2F, %3F, %40, %23)"), std::string::npos) << error;
  // `@` and `#` in the userinfo are unambiguous: the userinfo ends at the last `@`.
  ASSERT_TRUE(parsePostgresUrl("postgresql://looker:p@ss#w0rd@db/shop", &url, &error)) << error;
  EXPECT_EQ(url.password, "p@ss#w0rd");
  EXPECT_EQ(redactUrl("postgresql://looker:p@ss#w0rd@db/shop"), "postgresql://looker@db/shop");
}

TEST(TimeoutSecondsTest, AcceptsMillisecondsUpToPostgresLimit) {
  std::chrono::milliseconds ms;
  std::string error;
  ASSERT_TRUE(parseTimeoutSeconds("--timeout", "30", &ms, &error)) << error;
  EXPECT_EQ(ms.count(), 30000);
  ASSERT_TRUE(parseTimeoutSeconds("--timeout", "0.001", &ms, &error)) << error;
  EXPECT_EQ(ms.count(), 1);
  ASSERT_TRUE(parseTimeoutSeconds("--timeout", "0.0005", &ms, &error)) << error;
  EXPECT_EQ(ms.count(), 1);  // rounds to the nearest millisecond
  ASSERT_TRUE(parseTimeoutSeconds("--timeout", "2147483.647", &ms, &error)) << error;
  EXPECT_EQ(ms.count(), kMaxStatementTimeoutMs);
  ASSERT_TRUE(parseTimeoutSeconds("--timeout", "1e3", &ms, &error)) << error;
  EXPECT_EQ(ms.count(), 1000000);
}

TEST(TimeoutSecondsTest, RejectsWhatWouldDisableOrOverflowTheTimeout) {
  for (const char* bad : {"0", "0.0004", "-1", "-0", "nan", "NaN", "inf", "-inf", "infinity",
                          "1e400", "2147483.648", "3000000", "", "abc", "10s", "0x10", " 5"}) {
    std::chrono::milliseconds ms{42};
    std::string error;
    EXPECT_FALSE(parseTimeoutSeconds("--timeout", bad, &ms, &error)) << bad;
    EXPECT_EQ(ms.count(), 42) << bad;
    EXPECT_NE(error.find("--timeout `" + std::string(bad) + "`"), std::string::npos) << error;
    EXPECT_NE(error.find("from 0.001 to 2147483.647"), std::string::npos) << error;
  }
}

}  // namespace
}  // namespace lkml::catalog
