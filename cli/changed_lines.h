// `lkml lint --diff-base REF`: the lines changed since a git revision (committed, staged and
// unstaged), so CI can report only findings on changed lines while still checking everything.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace lkml::cli {

struct ChangedLines {
  // Canonical absolute path -> changed line ranges [first, last] of the new text; a file
  // added since REF has one range covering every line.
  std::map<std::string, std::vector<std::pair<uint32_t, uint32_t>>> files;
  bool contains(const std::string& canonical_path, uint32_t line) const;
};

/// Runs `git diff --unified=0 REF` in the work tree holding `dir`; false with `error` set when
/// git fails (not a repository, unknown revision).
bool changedLinesSince(const std::string& ref, const std::string& dir, ChangedLines* out,
                       std::string* error);

}  // namespace lkml::cli
