#include "catalog/postgres_connection.h"

#include <pqxx/pqxx>

#include "catalog/server_message.h"

namespace lkml::catalog {
namespace {

constexpr const char* kStatementTimeoutSqlState = "57014";  // query_canceled
constexpr const char* kSessionSetup = "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY";

using ReadOnlyTransaction = pqxx::transaction<pqxx::repeatable_read, pqxx::read_only>;

// Keeps libpq notices (and libpqxx warnings) off stderr.
class QuietNotices final : public pqxx::errorhandler {
 public:
  explicit QuietNotices(pqxx::connection_base& connection) : pqxx::errorhandler(connection) {}
  bool operator()(const char[]) noexcept override { return false; }
};

void keepIfSet(std::string* field, const char* value) {
  if (value && *value) *field = value;
}

QueryResult convert(const pqxx::result& result) {
  QueryResult out;
  const auto columns = result.columns();
  out.columns.reserve(columns);
  for (pqxx::row::size_type i = 0; i < columns; ++i) {
    out.columns.push_back({result.column_name(i), static_cast<uint32_t>(result.column_type(i))});
  }
  out.rows.reserve(result.size());
  for (const auto& row : result) {
    std::vector<std::optional<std::string>> values;
    values.reserve(columns);
    for (const auto& field : row) {
      values.push_back(field.is_null()
                           ? std::nullopt
                           : std::optional<std::string>(std::string(field.c_str(), field.size())));
    }
    out.rows.push_back(std::move(values));
  }
  return out;
}

}  // namespace

struct PostgresConnection::Impl {
  std::unique_ptr<pqxx::connection> connection;
  std::unique_ptr<QuietNotices> notices;
  ConnectionTarget target;
  std::string password;
  std::chrono::milliseconds statement_timeout{0};
  int query_count = 0;

  DatabaseError unreachable(const std::string& what, const std::string& reason) const {
    DatabaseError error;
    error.kind = DatabaseError::Kind::Unreachable;
    error.message =
        scrubSecret(what + " (" + target.describe() + "): " + singleLine(reason), password);
    return error;
  }

  DatabaseError fromSqlError(const pqxx::sql_error& e, const std::string& sql) const {
    DatabaseError error;
    error.sqlstate = e.sqlstate();
    ServerMessage message = parseServerMessage(e.what(), sql);
    if (const auto* syntax = dynamic_cast<const pqxx::syntax_error*>(&e)) {
      if (syntax->error_position > 0) message.position = syntax->error_position;
    }
    error.position = message.position;
    error.detail = scrubSecret(message.detail, password);
    if (error.sqlstate == kStatementTimeoutSqlState) {
      error.kind = DatabaseError::Kind::Timeout;
      error.message = "statement cancelled after the " + std::to_string(statement_timeout.count()) +
                      " ms statement timeout (" + target.describe() + ")";
    } else {
      error.kind = DatabaseError::Kind::Query;
      error.message = scrubSecret(message.primary, password);
    }
    return error;
  }

  // Runs `statements` in one read-only transaction; converts every failure to a DatabaseError.
  bool execute(const std::vector<Statement>& statements, std::vector<QueryResult>* results,
               DatabaseError* error, const LocalSettings& settings = {}) {
    results->clear();
    const std::string* current = nullptr;
    try {
      ReadOnlyTransaction transaction(*connection);
      // One round trip for all transaction settings. Being a SELECT, it also takes the
      // transaction's snapshot, after which `SET TRANSACTION READ WRITE` is refused.
      std::string set_local = "SELECT pg_catalog.set_config('statement_timeout', " +
                              connection->quote(std::to_string(statement_timeout.count())) +
                              ", true)";
      for (const auto& [name, value] : settings) {
        set_local += ", pg_catalog.set_config(" + connection->quote(name) + ", " +
                     connection->quote(value) + ", true)";
      }
      transaction.exec(set_local);
      for (const auto& statement : statements) {
        current = &statement.sql;
        ++query_count;
        results->push_back(convert(transaction.exec_params(
            statement.sql, pqxx::prepare::make_dynamic_params(statement.params))));
      }
      transaction.commit();
      return true;
    } catch (const pqxx::broken_connection& e) {
      *error = unreachable("lost the connection to PostgreSQL", e.what());
    } catch (const pqxx::in_doubt_error& e) {
      *error = unreachable("lost the connection to PostgreSQL", e.what());
    } catch (const pqxx::sql_error& e) {
      *error = fromSqlError(e, current ? *current : std::string());
    } catch (const std::exception& e) {
      *error = DatabaseError();
      error->kind = DatabaseError::Kind::Query;
      error->message = scrubSecret(singleLine(e.what()), password);
    }
    return false;
  }
};

PostgresConnection::PostgresConnection(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PostgresConnection::~PostgresConnection() = default;

std::unique_ptr<PostgresConnection> PostgresConnection::open(const ConnectionSettings& settings,
                                                             DatabaseError* error) {
  // A timeout is always in force: 0 would disable PostgreSQL's, beyond INT_MAX it refuses.
  if (settings.statement_timeout.count() < kMinStatementTimeoutMs ||
      settings.statement_timeout.count() > kMaxStatementTimeoutMs) {
    *error = DatabaseError();
    error->kind = DatabaseError::Kind::Unreachable;
    error->message = "statement timeout of " + std::to_string(settings.statement_timeout.count()) +
                     " ms is outside 1 to 2147483647 ms";
    return nullptr;
  }
  ResolvedConnection resolved;
  std::string problem;
  if (!resolveConnection(settings, processEnvironment(), &resolved, &problem)) {
    *error = DatabaseError();
    error->kind = DatabaseError::Kind::Unreachable;
    error->message = problem;
    return nullptr;
  }
  auto impl = std::make_unique<Impl>();
  impl->target = resolved.target;
  impl->password = resolved.password;
  impl->statement_timeout = settings.statement_timeout;
  try {
    impl->connection = std::make_unique<pqxx::connection>(resolved.conninfo);
    impl->notices = std::make_unique<QuietNotices>(*impl->connection);
    pqxx::nontransaction setup(*impl->connection);
    setup.exec(kSessionSetup);
    setup.exec("SET statement_timeout = " + std::to_string(settings.statement_timeout.count()));
  } catch (const std::exception& e) {
    *error = impl->unreachable("cannot connect to PostgreSQL", e.what());
    return nullptr;
  }
  // What the session really uses (libpq may have picked a default or the second host).
  pqxx::connection& c = *impl->connection;
  keepIfSet(&impl->target.host, c.hostname());
  keepIfSet(&impl->target.port, c.port());
  keepIfSet(&impl->target.database, c.dbname());
  keepIfSet(&impl->target.user, c.username());
  return std::unique_ptr<PostgresConnection>(new PostgresConnection(std::move(impl)));
}

bool PostgresConnection::run(const Statement& statement, QueryResult* result,
                             DatabaseError* error) {
  std::vector<QueryResult> results;
  if (!impl_->execute({statement}, &results, error)) return false;
  *result = std::move(results.front());
  return true;
}

bool PostgresConnection::runAll(const std::vector<Statement>& statements,
                                std::vector<QueryResult>* results, DatabaseError* error,
                                const LocalSettings& local_settings) {
  return impl_->execute(statements, results, error, local_settings);
}

std::string PostgresConnection::quote(std::string_view value) {
  return impl_->connection->quote(std::string(value));
}

std::string PostgresConnection::quoteName(std::string_view identifier) {
  return impl_->connection->quote_name(std::string(identifier));
}

int PostgresConnection::queryCount() const { return impl_->query_count; }
const ConnectionTarget& PostgresConnection::target() const { return impl_->target; }
std::chrono::milliseconds PostgresConnection::statementTimeout() const {
  return impl_->statement_timeout;
}
int PostgresConnection::serverVersion() const { return impl_->connection->server_version(); }

}  // namespace lkml::catalog
