// The documentation of each diagnostic code, read from docs/diagnostics.md (compiled in), for
// `lkml explain`, SARIF rule help and rule names given by slug (`--select missing-relationship`).
#pragma once

#include <optional>
#include <string>

namespace lkml {

struct RuleDoc {
  int code = 0;
  std::string slug;      // `missing-relationship`, as the section heading writes it
  std::string markdown;  // the whole `## LKMLnnn slug` section
  std::string meaning;   // the **Meaning.** paragraph, without the label
  std::string anchor;    // `lkml209-missing-relationship`, GitHub's anchor of the heading
};

/// The section of `code` in docs/diagnostics.md, or nullopt when it has none.
std::optional<RuleDoc> findRuleDoc(int code);

/// The address of the rule's section in the repository as GitHub renders it, or "" when the
/// build knows no repository address (see LKML_REPOSITORY_URL in base/CMakeLists.txt).
std::string ruleHelpUri(int code);

/// The project's repository address known to the build, or "".
std::string repositoryUrl();

/// A rule named by code (`LKML209`, `209`) or slug (`missing-relationship`,
/// `missing_relationship`): its number, or nullopt.
std::optional<int> parseRuleName(const std::string& name);

}  // namespace lkml
