// Inline suppressions: `# lkml: disable=LKML209` on the line above a diagnostic (or at the end
// of its line) silences those codes there; `# lkml: disable-file=LKML213` anywhere in a file
// silences them for the whole file.
#pragma once

#include <vector>

#include "base/diagnostic.h"
#include "semantic/lint_config.h"
#include "semantic/project_loader.h"

namespace lkml::semantic {

/// Applies the config (levels, opt-in rules) and inline suppressions, removes duplicates
/// (a file included by several models is checked once per model), sorts, and merges findings
/// of one code at one place with the same help (seen from several explores) into one, the
/// other messages kept as notes.
void finalizeDiagnostics(std::vector<Diagnostic>* diagnostics, const ProjectSources* project,
                         const LintConfig& config);

}  // namespace lkml::semantic
