#include "codegen/dialects/dialect_registry.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "base/suggest.h"
#include "codegen/dialects/bigquery_dialect.h"
#include "codegen/dialects/duckdb_dialect.h"
#include "codegen/dialects/postgres_dialect.h"
#include "codegen/dialects/redshift_dialect.h"
#include "codegen/dialects/snowflake_dialect.h"

namespace lkml::codegen {
namespace {

struct Entry {
  const char* name;  // accepted spelling, lower case
  const Dialect* dialect;
};

template <typename D>
const D& instance() {
  static const D dialect;
  return dialect;
}

// Sorted by name; one line per dialect (and per alias).
const std::array<Entry, 6>& entries() {
  static const std::array<Entry, 6> table = {{
      {"bigquery", &instance<BigQueryDialect>()},
      {"duckdb", &instance<DuckDbDialect>()},
      {"postgres", &instance<PostgresDialect>()},
      {"postgresql", &instance<PostgresDialect>()},
      {"redshift", &instance<RedshiftDialect>()},
      {"snowflake", &instance<SnowflakeDialect>()},
  }};
  return table;
}

std::string lowerAscii(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

const Dialect* findDialect(std::string_view name) {
  const std::string wanted = lowerAscii(name);
  for (const auto& entry : entries()) {
    if (wanted == entry.name) return entry.dialect;
  }
  return nullptr;
}

std::vector<std::string> dialectNames() {
  std::vector<std::string> names;
  for (const auto& entry : entries()) {
    const std::string canonical(entry.dialect->name());
    if (std::find(names.begin(), names.end(), canonical) == names.end()) {
      names.push_back(canonical);
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string unknownDialectMessage(std::string_view name) {
  const std::vector<std::string> names = dialectNames();
  std::string expected;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) expected += i + 1 == names.size() ? " or " : ", ";
    expected += names[i];
  }
  std::string message = "unknown dialect `" + std::string(name) + "`; expected " + expected;
  std::vector<std::string> spellings;
  for (const auto& entry : entries()) spellings.emplace_back(entry.name);
  const std::string close = closestMatch(lowerAscii(name), spellings);
  if (!close.empty()) message += " (did you mean `" + close + "`?)";
  return message;
}

}  // namespace lkml::codegen
