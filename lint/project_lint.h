// The lint pipeline of one project after its models are compiled: lkml.json, the checks of the
// compiled models (and of a catalog when one is given), then levels, suppressions and root
// causes. `lkml lint` (cli/cmd_lint.cpp) and the language server (lsp/) both call these, so an
// editor shows exactly the findings the command line prints.
#pragma once

#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "base/source_file.h"
#include "catalog/database_error.h"
#include "lint/dialect_choice.h"
#include "schema/database_set.h"
#include "schema/schema_checker.h"
#include "semantic/lint_config.h"
#include "semantic/project.h"

namespace lkml::lint {

/// Reads the rule settings at `config_path` (a missing file is fine). A bad file is reported
/// to `sink` (LKML invalid_config), pointing at the bad key: the file then joins `files`, and
/// `*ok` (when given) becomes false.
semantic::LintConfig loadLintConfig(const std::string& config_path, SourceMap& files,
                                    DiagnosticSink& sink, bool* ok = nullptr);

/// The catalog snapshot of a project: lkml.json "schema" (relative to `root`), else
/// ROOT/lkml-schema.json when it exists, else "".
std::string discoverSnapshot(const std::string& root, const std::string& config_path);

/// What the schema checks did (when a DatabaseSet was given).
struct SchemaRun {
  bool ran = false;
  bool failed = false;  // the database could not be reached or read: `error` says why
  catalog::DatabaseError error;
  schema::SchemaCheckStats stats;
};

/// The dialect each model's SQL is read in: `flag` (--dialect), else lkml.json "connections",
/// else the dialect of an imported catalog snapshot in `databases`, else PostgreSQL.
DialectChoice chooseDialects(std::optional<sql::Dialect> flag, const semantic::LintConfig& config,
                             const schema::DatabaseSet* databases);

/// What the checks keep between runs on one project (the language server): each file text's
/// dialect marks.
struct CheckCaches {
  semantic::DialectMarksCache dialect_marks;
};

/// The checks of the compiled models (the style rules when `config` enables any), the filter
/// expressions written in LookML, the LKML290 dialect warning (when `config_ok`: a broken
/// lkml.json is reported, not guessed past), and the schema checks when `databases` is not null,
/// each model read in its dialect from `dialects`; the model checks on `threads` (0: all cores).
/// The syntax-level checks (semantic::runSyntaxChecks) are the caller's: they may run while the
/// models are built.
SchemaRun runCompiledChecks(const semantic::LoadedProject& project,
                            const semantic::LintConfig& config, bool config_ok,
                            const DialectChoice& dialects, schema::DatabaseSet* databases,
                            DiagnosticSink& sink, unsigned threads = 0,
                            CheckCaches* caches = nullptr);

/// Applies levels, per-path settings and inline suppressions, removes duplicates, sorts and
/// folds cascades under their root cause (semantic/suppressions.h, semantic/root_causes.h).
/// `syntax_only`: the 2xx checks did not run (their findings are dropped). `partial`: only
/// some checks ran (the language server's first answer to an edit), so no suppression is
/// reported unused.
void finalizeFindings(std::vector<Diagnostic>* diagnostics, const semantic::LoadedProject& project,
                      const semantic::LintConfig& config, bool syntax_only, bool schema_checked,
                      bool partial = false);

}  // namespace lkml::lint
