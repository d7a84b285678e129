// An explore query as Looker's API states it, and the user it runs for.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace lkml::codegen {

struct QueryFilter {
  std::string field;       // `view.field`
  std::string expression;  // Looker filter expression, e.g. `>100` or `-NULL`
};

struct QuerySort {
  std::string field;
  bool descending = false;
};

struct Query {
  std::string model;  // may be empty: the project's only model
  std::string explore;
  std::vector<std::string> fields;
  std::vector<QueryFilter> filters;
  std::vector<QuerySort> sorts;
  bool unsorted = false;  // Looker's `__UNSORTED__`
  std::optional<uint64_t> limit;
  /// SELECT aliases by field (native derived tables name columns as `column:` does); a field
  /// not listed is aliased as its quoted `view.field`.
  std::map<std::string, std::string> column_names;
};

/// The user a query runs for: user attributes such as `access_level` and `company_id`.
/// A user with no attributes passes no access grant (deny by default).
struct UserContext {
  std::map<std::string, std::string> attributes;
  // `lkml validate sql` without attributes checks everything: a user who passes every
  // access_grant the model defines (undefined grants still fail).
  bool all_grants = false;
};

/// `view.field=EXPRESSION`: split at the first '='. False with `error` set when malformed.
bool parseFilterArgument(const std::string& text, QueryFilter* filter, std::string* error);
/// `view.field`, `view.field asc` or `view.field desc`.
bool parseSortArgument(const std::string& text, QuerySort* sort, std::string* error);
/// Looker's API query JSON: {"model", "view", "fields", "filters", "sorts", "limit"}.
bool parseQueryJson(const std::string& text, Query* query, std::string* error);

}  // namespace lkml::codegen
