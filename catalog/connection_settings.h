// Where and how to connect: an explicit postgresql:// URL, else LKML_DATABASE_URL, else libpq's
// PG* environment (PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD, ...). Nothing here talks to
// a server; postgres_connection.h does. Passwords never appear in anything meant for output.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lkml::catalog {

inline constexpr const char* kDatabaseUrlVariable = "LKML_DATABASE_URL";

struct ConnectionSettings {
  /// `postgresql://user:pass@host:port/db?sslmode=...` (or `postgres://`). Empty: use
  /// LKML_DATABASE_URL, and when that is unset too, the PG* environment.
  std::string url;
  /// Every statement is cancelled after this long (PostgreSQL's statement_timeout).
  std::chrono::milliseconds statement_timeout{10000};
  /// Used unless the URL (`?connect_timeout=`) or PGCONNECT_TIMEOUT sets one.
  int connect_timeout_seconds = 5;
  std::string application_name = "lkml";
};

/// PostgreSQL's statement_timeout is an int of milliseconds; 0 would switch the timeout off.
inline constexpr int64_t kMinStatementTimeoutMs = 1;
inline constexpr int64_t kMaxStatementTimeoutMs = 2147483647;  // INT_MAX

/// Parses a timeout given in seconds ("30", "0.25") for the option `flag`, rounded to whole
/// milliseconds. Fails (with `error` naming `flag` and the accepted range, 0.001 to
/// 2147483.647) on text that is not a number, NaN, infinities, negative values, values that
/// round to 0 ms and values beyond PostgreSQL's limit: a statement timeout is always in force.
bool parseTimeoutSeconds(std::string_view flag, std::string_view text,
                         std::chrono::milliseconds* out, std::string* error);

/// Where a connection goes, for messages. Never holds the password.
struct ConnectionTarget {
  std::string host;  // "db.example.com", "/var/run/postgresql", "" for libpq's default socket
  std::string port;  // "5432"
  std::string database;
  std::string user;

  /// `host db.example.com, port 5432, database "shop", user "looker"`.
  std::string describe() const;
};

/// The parts of a postgresql:// URL, percent-decoded.
struct PostgresUrl {
  std::string user;
  std::optional<std::string> password;
  std::vector<std::string> hosts;  // several for `host1:5432,host2:5433`; IPv6 without brackets
  std::vector<std::string> ports;  // parallel to hosts; "" where a host has no port
  std::string database;
  std::vector<std::pair<std::string, std::string>> params;  // in URL order
};

/// Parses `postgresql://[user[:password]@][host[:port][,...]][/database][?key=value&...]`.
/// On failure returns false and sets `error`, which quotes the URL without its password.
bool parsePostgresUrl(std::string_view url, PostgresUrl* out, std::string* error);

/// The URL with its password (userinfo and `password=` parameter) removed, for messages.
std::string redactUrl(std::string_view url);

/// A ConnectionSettings turned into what libpq needs.
struct ResolvedConnection {
  std::string conninfo;  // libpq keyword=value string; contains the password: never print it
  std::string password;  // known password ("" if none), to scrub from server messages
  ConnectionTarget target;
  std::string source;  // "the given URL", "LKML_DATABASE_URL" or "the PG* environment"
};

/// Reads an environment variable; replaceable in tests.
using EnvironmentLookup = std::function<std::optional<std::string>(const char* name)>;
EnvironmentLookup processEnvironment();

/// Picks the URL or environment, adds connect_timeout and application_name unless given.
/// Returns false with `error` (password-free) when the URL is malformed.
bool resolveConnection(const ConnectionSettings& settings, const EnvironmentLookup& environment,
                       ResolvedConnection* out, std::string* error);

}  // namespace lkml::catalog
