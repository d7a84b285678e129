// Guesses a project's SQL dialect when none is configured (no --dialect, no lkml.json
// "connections"): lkml then reads SQL as PostgreSQL, and a project written for BigQuery or
// Snowflake deserves one warning (LKML290) that says how to choose. Only unmistakable marks
// count: BigQuery backtick-quoted names, SAFE_CAST(, TIMESTAMP_DIFF(, _TABLE_SUFFIX, INT64, ...
// (and UNNEST( only when no PostgreSQL `::` cast appears anywhere); Snowflake `$$`, FLATTEN(,
// IFF(, TRY_TO_NUMBER(, ... when nothing says BigQuery.
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>

#include "base/diagnostic.h"
#include "base/sql_lexical_rules.h"
#include "semantic/project.h"

namespace lkml::semantic {

struct DialectGuess {
  sql::Dialect dialect = sql::Dialect::Postgres;
  Span span;             // the first telling mark (files in path order)
  std::string evidence;  // the mark as written: "`bigquery-public-data.samples.t`", "SAFE_CAST("
};

/// The first mark of one kind in a file.
struct DialectMark {
  Span span;
  std::string evidence;
  bool found() const { return span.valid(); }
};

/// What one file's SQL blocks tell.
struct DialectMarks {
  DialectMark bigquery, unnest, snowflake;
  bool postgres_cast = false;  // `::` seen somewhere
};

DialectMarks scanDialectMarks(const SourceFile& file);

/// The marks of each file text, kept between runs (the language server scans only edited
/// files again). Thread-safe.
class DialectMarksCache {
 public:
  const DialectMarks& of(const SourceFile& file);
  /// Forgets the texts of `files` (replaced by an edit).
  void forget(const std::set<FileId>& files);
  void clear();

 private:
  std::mutex mutex_;
  std::map<FileId, DialectMarks> marks_;
};

/// The dialect the SQL blocks (`sql*:` ... `;;`) of the project's files are plainly written
/// in, when that is not PostgreSQL; nullopt when nothing tells. Files are scanned on up to
/// `threads` threads (0: all cores), or read from `cache` when given.
std::optional<DialectGuess> guessDialect(const ProjectSources& sources, unsigned threads = 1,
                                         DialectMarksCache* cache = nullptr);

/// LKML290 for the guess, naming the model connection to map in lkml.json ("" = unknown).
Diagnostic dialectGuessDiagnostic(const DialectGuess& guess, const std::string& connection);

}  // namespace lkml::semantic
