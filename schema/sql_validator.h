// `lkml validate sql`: Spectacles-style SQL validation without a Looker server. For each
// explore (not `extension: required`) and each access level, compiles one query selecting
// every dimension and measure that user may see and runs it with LIMIT 0 (read-only). When the
// database rejects it, the field list is bisected to name the exact failing fields, reported
// at their LookML source (LKML313-317). A clean project costs exactly one query per explore
// per access level.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "catalog/connection_settings.h"
#include "catalog/database_error.h"
#include "codegen/sql_dialect.h"
#include "semantic/project.h"

namespace lkml::schema {

struct SqlValidationOptions {
  std::vector<std::string> explores;       // empty: every explore
  std::vector<std::string> access_levels;  // empty: one pass with `user_attributes` only
  std::map<std::string, std::string> user_attributes;
  unsigned jobs = 2;           // explores validated concurrently, one connection each
  bool include_hidden = true;  // hidden fields are selectable too
  bool all_grants = false;     // no attributes given: a user who passes every access grant
  /// Where lint (`lkml lint`'s catalog checks) found errors: a field whose definition holds one,
  /// and an explore whose definition or joins hold one, are not sent to the database (their
  /// failure is already explained), so a few typos cost a few queries, not one per field.
  std::vector<Span> explained;
  /// The dialect a model's SQL is compiled in (--dialect, lkml.json "connections"); null or
  /// returning null: PostgreSQL.
  std::function<const codegen::Dialect*(const semantic::Model&)> dialect;
  /// Called after each explore × access level (from worker threads, serialised).
  std::function<void(size_t done, size_t total, const std::string& last)> progress;
};

struct SqlValidationStats {
  size_t tasks = 0;      // explore × access level pairs
  size_t validated = 0;  // pairs whose SQL ran
  size_t denied = 0;     // pairs where the access level may not use the explore
  size_t failed = 0;     // pairs with at least one failing field
  size_t skipped = 0;    // all_grants pairs whose access_filter needs an attribute not given
  std::string skipped_attribute;  // one such attribute, for the summary's help
  size_t queries = 0;             // statements sent to the database
  // Tagged `"ci: ignore"` or `"spectacles: ignore"` (the exclusions Spectacles users already
  // write): not validated, counted for the summary.
  size_t ignored_explores = 0;
  size_t ignored_fields = 0;      // distinct view fields
  size_t fields_explained = 0;    // fields not sent: a lint error is in their definition
  size_t explores_explained = 0;  // explores not sent: a lint error is in their definition
};

/// True when `tags` holds `ci: ignore` or `spectacles: ignore` (case and spaces around the
/// colon do not matter).
bool ignoredByTags(const std::vector<std::string>& tags);

struct SqlValidationResult {
  bool database_failed = false;  // unreachable, lost or timed out: exit status 3
  catalog::DatabaseError database_error;
  SqlValidationStats stats;
};

using SettingsLookup = std::function<catalog::ConnectionSettings(const semantic::Model&)>;

/// Explore names of `options.explores` that the project does not have (for a usage error).
std::vector<std::string> unknownExplores(const semantic::LoadedProject& project,
                                         const std::vector<std::string>& explores);

SqlValidationResult validateSql(const semantic::LoadedProject& project,
                                const SettingsLookup& settings, const SqlValidationOptions& options,
                                DiagnosticSink& sink);

}  // namespace lkml::schema
