// Resolves a model's `include:` statements as Looker does: `*` and `**` globs, paths from
// the project root (`/views/*.view`) or relative to the including file, the short suffixes
// (`.view` = `.view.lkml`), includes inside included files, each file once, in the order the
// includes are reached (which is the order refinements apply in).
#pragma once

#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "semantic/project_loader.h"

namespace lkml::semantic {

/// True when `path` (relative, '/'-separated) matches `pattern` (relative, with `*`, `**`).
bool globMatch(const std::string& pattern, const std::string& path);

struct IncludeResult {
  std::vector<size_t> files;      // indexes into ProjectSources::files, model file first
  bool imports_projects = false;  // some include named `//another_project/...`
};

/// For an include that matches nothing: the closest include that matches files of the project
/// (misspelt folders corrected one by one, else the closest file path), as the user would write
/// it (`/views/*.view`), and the files it matches. Empty when nothing is close.
struct IncludeSuggestion {
  std::string include;
  std::vector<size_t> files;  // indexes into ProjectSources::files
};
IncludeSuggestion suggestInclude(const ProjectSources& project, const std::string& including_path,
                                 const std::string& raw);

/// The files one `include:` string written in `including_path` names (indexes into
/// ProjectSources::files), resolved as resolveIncludes resolves it; empty for other projects'
/// files and paths above the root. For editors: go to definition on an include.
std::vector<size_t> filesMatchingInclude(const ProjectSources& project,
                                         const std::string& including_path, const std::string& raw);

/// Follows the includes of the model file `model_index`. Reports LKML216 (no match),
/// LKML217 (escapes the root) and LKML218 (a model included by a model). Globs are matched on
/// up to `threads` threads (0: all cores); the result does not depend on it.
IncludeResult resolveIncludes(const ProjectSources& project, size_t model_index,
                              DiagnosticSink& sink, unsigned threads = 1);

}  // namespace lkml::semantic
