// Which SQL dialect applies to a model: `--dialect NAME` wins, then lkml.json "connections"
// mapping the model's `connection:` name to a dialect, then (schema checks) the dialect an
// imported snapshot records, else PostgreSQL. Used by `lint`, `validate sql`, `sql`, `query`.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "base/diagnostic.h"
#include "base/sql_lexical_rules.h"
#include "semantic/dialect_sniff.h"
#include "semantic/lint_config.h"
#include "semantic/project.h"

namespace lkml::lint {

struct DialectChoice {
  std::optional<sql::Dialect> flag;                 // --dialect
  std::map<std::string, sql::Dialect> connections;  // lkml.json "connections"

  /// The flag, else the model's connection mapping; nullopt when neither says.
  std::optional<sql::Dialect> forModel(const semantic::Model& model) const;
  bool configured() const { return flag.has_value() || !connections.empty(); }
};

/// `--dialect` text into `out` (empty text: not given). False with `error` for an unknown name.
bool parseDialectFlag(const std::string& text, std::optional<sql::Dialect>* out,
                      std::string* error);

/// The LKML290 warning when nothing chooses a dialect and the project's SQL plainly is not
/// PostgreSQL; nullopt otherwise.
/// The files are scanned on up to `threads` threads (0: all cores), or read from `cache`.
std::optional<Diagnostic> dialectWarning(const DialectChoice& choice,
                                         const semantic::LoadedProject& project,
                                         unsigned threads = 1,
                                         semantic::DialectMarksCache* cache = nullptr);

/// Reads lkml.json "connections" of the project at `root` (for `sql`, `query`, `validate sql`,
/// which otherwise ignore lkml.json). A missing file is fine; a bad one prints
/// `lkml.json:LINE:COL: error[LKML236]: ...` to stderr and returns false.
bool loadConnectionDialects(const std::string& root, DialectChoice* choice);

}  // namespace lkml::lint
