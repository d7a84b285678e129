// A DuckDB copy of a PostgreSQL test database, for running the same integration tests with
// `--dialect duckdb`: the tables are copied by tests/tools/pg_to_duckdb.sh and SQL runs through
// tests/tools/duckdb_run.mjs (node and the npm package @duckdb/node-api, `make test-tools`).
// Tests that compare generated SQL with hand-written SQL run the generated (DuckDB) SQL here and
// the hand-written SQL on PostgreSQL, over the same rows.
#pragma once

#include <cstdio>
#include <optional>
#include <string>
#include <vector>

namespace lkml::test {

/// LKML_TEST_DIALECT from the environment ("" when unset): which dialect integration tests
/// compile for and, for "duckdb", where the generated SQL runs.
std::string testDialectName();

class DuckDbMirror {
 public:
  using Cell = std::optional<std::string>;  // nullopt: SQL NULL
  using Rows = std::vector<std::vector<Cell>>;

  /// "node is not installed" (the test should skip) or "". Missing npm packages are not a
  /// reason to skip: load() fails on them.
  static std::string unavailableReason();

  /// Copies every table of PostgreSQL database `pg_database` (PG* environment; only those of
  /// `schema` when given) into a fresh DuckDB file; returns "" or the error.
  std::string load(const std::string& pg_database, const std::string& schema = "");
  /// A new empty DuckDB database instead of a copy (tests that create their own tables).
  void startEmpty();
  /// Runs `sql` on the copy; rows as text (libpq's spelling: booleans t/f). On failure returns
  /// no rows and sets `*error`. One node process serves every query (`--serve`): starting
  /// node per query would cost about 0.3 s each.
  Rows run(const std::string& sql, std::string* error);

  DuckDbMirror() = default;
  DuckDbMirror(const DuckDbMirror&) = delete;
  DuckDbMirror& operator=(const DuckDbMirror&) = delete;
  ~DuckDbMirror();

 private:
  bool startServer(std::string* error);

  std::string dir_;            // temp folder holding the database file
  int pid_ = -1;               // the node process
  int to_node_ = -1;           // its stdin
  FILE* from_node_ = nullptr;  // its stdout
};

}  // namespace lkml::test
