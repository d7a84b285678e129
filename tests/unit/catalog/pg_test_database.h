// Helpers for the catalog tests that need PostgreSQL. They connect through the PG*
// environment (pg_virtualenv sets it) and FAIL, never skip, when no server answers.
// Fixtures are created through psql: a separate, writable session, since every session the
// library opens is read-only.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "catalog/postgres_connection.h"
#include "tests/support/test_paths.h"

namespace lkml::catalog::test {

/// Runs `sql` with psql (ON_ERROR_STOP); returns false and adds a test failure on error.
inline bool runAdminSql(const std::string& sql) {
  static std::atomic<int> counter{0};
  std::filesystem::path file =
      std::filesystem::temp_directory_path() /
      ("lkml_catalog_" + std::to_string(getpid()) + "_" + std::to_string(counter++) + ".sql");
  {
    std::ofstream out(file);
    out << sql;
  }
  std::string output;
  int status = lkml::test::runCommand("psql -X -q -v ON_ERROR_STOP=1 -f '" + file.string() + "'",
                                      &output, true);
  std::filesystem::remove(file);
  if (status != 0) {
    ADD_FAILURE() << "psql failed (exit " << status << "); is PostgreSQL running (pg_virtualenv)?\n"
                  << output << "\nSQL:\n"
                  << sql;
    return false;
  }
  return true;
}

/// Runs a query with psql and returns its unaligned, tuples-only output.
inline std::string adminQuery(const std::string& sql) {
  std::string output;
  int status = lkml::test::runCommand("psql -X -q -A -t -c \"" + sql + "\"", &output, true);
  EXPECT_EQ(status, 0) << output;
  while (!output.empty() && output.back() == '\n') output.pop_back();
  return output;
}

/// A read-only connection from the PG* environment; a test failure when there is none.
inline std::unique_ptr<PostgresConnection> connectOrFail(ConnectionSettings settings = {}) {
  DatabaseError error;
  std::unique_ptr<PostgresConnection> connection = PostgresConnection::open(settings, &error);
  if (!connection) {
    ADD_FAILURE() << "cannot connect to the test database (run under pg_virtualenv): "
                  << error.message;
  }
  return connection;
}

/// A schema with a name unique to this process and test, created empty and dropped (with
/// everything in it) at the end of the scope.
class ScratchSchema {
 public:
  explicit ScratchSchema(const std::string& tag)
      : name_("lkml_test_" + tag + "_" + std::to_string(getpid())) {
    ok_ =
        runAdminSql("DROP SCHEMA IF EXISTS " + name_ + " CASCADE;\nCREATE SCHEMA " + name_ + ";\n");
  }
  ~ScratchSchema() { runAdminSql("DROP SCHEMA IF EXISTS " + name_ + " CASCADE;\n"); }
  ScratchSchema(const ScratchSchema&) = delete;
  ScratchSchema& operator=(const ScratchSchema&) = delete;

  const std::string& name() const { return name_; }
  bool ok() const { return ok_; }
  /// Runs `sql` with `search_path` set to this schema.
  bool run(const std::string& sql) const {
    return runAdminSql("SET search_path TO " + name_ + ";\n" + sql);
  }

 private:
  std::string name_;
  bool ok_ = false;
};

}  // namespace lkml::catalog::test
