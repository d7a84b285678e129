#include "catalog/database_error.h"

namespace lkml::catalog {

const char* databaseErrorKindName(DatabaseError::Kind kind) {
  switch (kind) {
    case DatabaseError::Kind::Unreachable:
      return "unreachable";
    case DatabaseError::Kind::Timeout:
      return "timeout";
    case DatabaseError::Kind::Query:
      return "query";
  }
  return "query";
}

size_t byteOffsetOfPosition(const std::string& sql, int position) {
  int characters = 1;
  for (size_t i = 0; i < sql.size(); ++i) {
    bool continuation = (static_cast<unsigned char>(sql[i]) & 0xC0) == 0x80;
    if (continuation) continue;
    if (characters == position) return i;
    ++characters;
  }
  return sql.size();
}

}  // namespace lkml::catalog
