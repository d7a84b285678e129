// A read-only PostgreSQL session (libpqxx behind a pimpl: no pqxx type in this header).
//
// Safety: every statement runs in its own `BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY`
// transaction (runAll: one such transaction for a batch), which first sets statement_timeout
// locally with a SELECT (taking the snapshot, so `SET TRANSACTION READ WRITE` is refused), and
// goes through the extended protocol, which accepts exactly one statement, so
// `SELECT 1; COMMIT; DELETE ...` is rejected instead of run. The session is also made
// read-only (`SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY`) and given the statement
// timeout when it opens.
// Read-only transactions still allow functions with side effects outside the database (e.g.
// dblink); connect with a role that may only read.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "catalog/connection_settings.h"
#include "catalog/database_error.h"

namespace lkml::catalog {

/// One statement; `params` bind to $1, $2, ... as text.
struct Statement {
  std::string sql;
  std::vector<std::string> params;
};

/// Settings for one transaction: (name, value) pairs, as SET LOCAL would apply them.
using LocalSettings = std::vector<std::pair<std::string, std::string>>;

struct ResultColumn {
  std::string name;
  uint32_t type_oid = 0;
};

/// A result in PostgreSQL's text format; nullopt is SQL NULL.
struct QueryResult {
  std::vector<ResultColumn> columns;
  std::vector<std::vector<std::optional<std::string>>> rows;
};

class PostgresConnection {
 public:
  /// Connects (honouring connect_timeout) and makes the session read-only. On failure returns
  /// nullptr and an Unreachable error naming host, port and database (never the password);
  /// a malformed URL is Unreachable too, its message quoting the URL without the password.
  static std::unique_ptr<PostgresConnection> open(const ConnectionSettings& settings,
                                                  DatabaseError* error);
  ~PostgresConnection();
  PostgresConnection(const PostgresConnection&) = delete;
  PostgresConnection& operator=(const PostgresConnection&) = delete;

  /// Runs one statement in its own read-only transaction. DatabaseError positions refer to
  /// `statement.sql`.
  bool run(const Statement& statement, QueryResult* result, DatabaseError* error);
  /// Runs the statements in order in one read-only REPEATABLE READ transaction (one snapshot);
  /// stops at the first error. `local_settings` (name, value) apply to that transaction only
  /// (`set_config(name, value, true)`), e.g. {"search_path", "pg_catalog"}.
  bool runAll(const std::vector<Statement>& statements, std::vector<QueryResult>* results,
              DatabaseError* error, const LocalSettings& local_settings = {});

  /// A string literal escaped by the connection: `O'Brien` → `'O''Brien'`.
  std::string quote(std::string_view value);
  /// An identifier quoted by the connection: `Mixed Case` → `"Mixed Case"`.
  std::string quoteName(std::string_view identifier);

  /// Statements run through run() and runAll() so far (not BEGIN/SET/COMMIT or set-up).
  int queryCount() const;
  const ConnectionTarget& target() const;
  std::chrono::milliseconds statementTimeout() const;
  /// The server version as a number, e.g. 150004 for 15.4.
  int serverVersion() const;

 private:
  struct Impl;
  explicit PostgresConnection(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace lkml::catalog
