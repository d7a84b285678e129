// Inline suppressions: `# lkml: disable=LKML209` on the line above a diagnostic (or at the end
// of its line) silences those codes there; `# lkml: disable-file=LKML213` anywhere in a file
// silences them for the whole file. Codes may be given by slug (`missing-relationship`).
#pragma once

#include <vector>

#include "base/diagnostic.h"
#include "semantic/lint_config.h"
#include "semantic/project_loader.h"

namespace lkml::semantic {

/// What this run checked, so an unused suppression is reported only for codes that could have
/// fired (LKML121).
struct FinalizeOptions {
  bool report_unused_suppressions = false;
  bool semantic_checked = true;  // 2xx and lint's 44x ran (false with --syntax-only)
  bool schema_checked = false;   // 3xx ran (--schema / --db)
};

/// Applies the config (levels, opt-in rules, per-path overrides, exclude) and inline
/// suppressions (reporting unknown codes in them, LKML120, and unused ones, LKML121), removes
/// duplicates (a file included by several models is checked once per model), sorts, and merges
/// findings of one code at one place with the same help (seen from several explores) into one,
/// the other messages kept as notes.
void finalizeDiagnostics(std::vector<Diagnostic>* diagnostics, const ProjectSources* project,
                         const LintConfig& config, const FinalizeOptions& options = {});

}  // namespace lkml::semantic
