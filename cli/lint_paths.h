// What `lkml lint PATH...` checks: directories are projects (or folders of projects); a file is
// linted within the project it belongs to, so a pre-commit run on changed files still runs the
// cross-file checks. A file in no project is only parsed.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace lkml::cli {

struct LintTargets {
  std::vector<std::string> directories;  // project directories given as such
  // Project root -> the files given inside it (findings are reported for these).
  std::map<std::string, std::vector<std::string>> files_by_project;
  std::vector<std::string> loose_files;  // .lkml files in no project: syntax only (LKML122)
  std::vector<std::string> missing;      // paths that do not exist
  std::string usage_error;               // set: exit 2 with this message
};

/// Sorts the paths given to `lkml lint`. A directory without any `.lkml` file, or a file that
/// is not LookML (`README.md`), is a usage error.
LintTargets classifyLintPaths(const std::vector<std::string>& paths);

/// The project a `.lkml` file belongs to: the nearest folder above it with `manifest.lkml` or
/// `lkml.json`; failing that the git work tree's root if a `*.model.lkml` lies under it;
/// failing that the nearest folder above with a `*.model.lkml` anywhere under it, searched up
/// to the working directory (never beyond it); "" if none.
std::string projectRootOf(const std::string& file);

/// True for `*.lkml` and `*.lookml` names.
bool isLookmlName(const std::string& path);

}  // namespace lkml::cli
