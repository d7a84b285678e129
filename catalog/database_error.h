// What went wrong talking to PostgreSQL. Database problems are values, not exceptions: every
// call that can fail returns false (or nullopt) and fills a DatabaseError.
#pragma once

#include <string>

namespace lkml::catalog {

struct DatabaseError {
  enum class Kind {
    Unreachable,  // no session: refused, unknown host, authentication, connect timeout, lost
    Timeout,      // a statement ran past the statement timeout and was cancelled
    Query,        // the server rejected a statement (syntax, unknown column, permission, ...)
  };
  Kind kind = Kind::Query;
  /// One line. Unreachable and Timeout messages name host, port and database; no message ever
  /// contains the password. Query messages are the server's primary message.
  std::string message;
  std::string sqlstate;  // five characters ("42703") when the server sent one
  /// 1-based character position in the SQL the caller passed; 0 when unknown.
  int position = 0;
  std::string detail;  // the server's DETAIL/HINT lines, if any, newline-separated
};

/// "unreachable", "timeout", "query".
const char* databaseErrorKindName(DatabaseError::Kind kind);

/// Byte offset of a 1-based character `position` in UTF-8 `sql` (PostgreSQL counts
/// characters); sql.size() when past the end.
size_t byteOffsetOfPosition(const std::string& sql, int position);

}  // namespace lkml::catalog
