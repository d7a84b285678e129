#include "tests/support/scratch_database.h"

namespace lkml::test {

ScratchDatabase::ScratchDatabase(std::string name, const std::vector<std::string>& setup_sql)
    : name_(std::move(name)) {
  try {
    admin_ = std::make_unique<pqxx::connection>("");
    {
      pqxx::nontransaction tx(*admin_);
      tx.exec("DROP DATABASE IF EXISTS " + tx.quote_name(name_));
      tx.exec("CREATE DATABASE " + tx.quote_name(name_) + " ENCODING 'UTF8' TEMPLATE template0");
    }
    db_ = std::make_unique<pqxx::connection>("dbname=" + name_);
    pqxx::nontransaction tx(*db_);
    for (const std::string& sql : setup_sql) tx.exec(sql);
  } catch (const std::exception& e) {
    db_.reset();
    error_ = e.what();
  }
  if (db_ && testDialectName() == "duckdb") {
    skip_reason_ = DuckDbMirror::unavailableReason();
    if (skip_reason_.empty()) {
      duckdb_ = std::make_unique<DuckDbMirror>();
      std::string error = duckdb_->load(name_);
      if (!error.empty()) {
        db_.reset();
        error_ = error;
      }
    }
  }
}

ScratchDatabase::~ScratchDatabase() {
  duckdb_.reset();
  db_.reset();
  if (!admin_) return;
  try {
    pqxx::nontransaction tx(*admin_);
    tx.exec("DROP DATABASE IF EXISTS " + tx.quote_name(name_) + " WITH (FORCE)");
  } catch (const std::exception&) {
    // Dropping is best effort: the cluster is throwaway (pg_virtualenv) in CI.
  }
}

}  // namespace lkml::test
