// A throwaway PostgreSQL database for one integration test suite, and its DuckDB copy when the
// suite runs for LKML_TEST_DIALECT=duckdb: created through the PG* environment, filled by the
// suite's setup SQL, dropped on destruction. Setup failures are kept (error()) so the suite's
// SetUp can fail each test with the reason instead of crashing in SetUpTestSuite.
#pragma once

#include <memory>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "tests/support/duckdb_mirror.h"

namespace lkml::test {

class ScratchDatabase {
 public:
  /// Creates database `name` (dropping a leftover of the same name), runs each of `setup_sql`
  /// in it, then copies it into DuckDB when testDialectName() is "duckdb" and node is there.
  ScratchDatabase(std::string name, const std::vector<std::string>& setup_sql);
  ~ScratchDatabase();
  ScratchDatabase(const ScratchDatabase&) = delete;
  ScratchDatabase& operator=(const ScratchDatabase&) = delete;

  const std::string& name() const { return name_; }
  /// Null when the database could not be set up (error() says why).
  pqxx::connection* connection() const { return db_.get(); }
  /// The DuckDB copy, or null when the suite runs on PostgreSQL (or DuckDB is skipped).
  DuckDbMirror* duckdb() const { return duckdb_.get(); }
  const std::string& error() const { return error_; }
  /// Non-empty when the DuckDB run must be skipped (node is not installed).
  const std::string& skipReason() const { return skip_reason_; }

 private:
  std::string name_, error_, skip_reason_;
  std::unique_ptr<pqxx::connection> admin_, db_;
  std::unique_ptr<DuckDbMirror> duckdb_;
};

}  // namespace lkml::test
