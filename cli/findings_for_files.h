// `lkml lint FILE...` and `--diff-base`: which findings of a linted project to report.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "semantic/project.h"

namespace lkml::cli {

/// `path` made absolute with symlinks resolved, computed once per distinct path (the filters
/// below ask for the same few files thousands of times).
class CanonicalPaths {
 public:
  const std::string& of(const std::string& path);

 private:
  std::map<std::string, std::string> cache_;
};

/// Keeps the findings in `files` (paths as given) and the reference errors they may cause in the
/// other files of the models that include them: errors of a cross-file code whose message names
/// an object one of the files defines. File-level findings stay only when about a given file.
void keepFindingsForFiles(const semantic::LoadedProject& project,
                          const std::vector<std::string>& files,
                          std::vector<Diagnostic>* diagnostics);

}  // namespace lkml::cli
