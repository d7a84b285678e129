// `lkml lint --fix`: applies the machine-applicable edits diagnostics carry (Diagnostic::fixes)
// to the files' bytes, so comments and formatting outside the edits stay as written.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "lint/fix_placement.h"

namespace lkml::cli {

using lint::placeFix;  // lint/fix_placement.h

/// Applies `fixes` (all in one file whose text is `text`) and returns the new text. Identical
/// fixes count once; fixes that overlap each other are all left out (they disagree, so none is
/// certain; the re-lint reports them again). `*applied` receives the number applied.
std::string applyFixes(const std::string& text, std::vector<Fix> fixes, size_t* applied);

/// A unified diff (`diff -u` style, 3 lines of context) from `before` to `after`, with the
/// headers `a/PATH` and `b/PATH`; empty when they are equal.
std::string unifiedDiff(const std::string& path, const std::string& before,
                        const std::string& after);

/// Replaces the file at `path` with `text` through a temporary file in the same folder and a
/// rename, keeping its permissions, so an interrupted run never leaves half a file.
bool writeFileAtomically(const std::string& path, const std::string& text, std::string* error);

}  // namespace lkml::cli
