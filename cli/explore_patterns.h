// `--explore` values: `name`, `model/name`, and shell globs of either (`'orders_*'`, `'ti/*'`).
#pragma once

#include <string>
#include <vector>

#include "semantic/project.h"

namespace lkml::cli {

struct ExploreRef {
  std::string model, explore;
};

/// The explores of `project` a pattern names, in model and explore order; extension explores
/// (`extension: required`) are never matched by a glob.
std::vector<ExploreRef> matchExplores(const semantic::Project& project, const std::string& pattern);

/// Splits `model/explore` (model "" when absent).
ExploreRef splitExploreName(const std::string& text);

bool isGlob(const std::string& text);

/// Every queryable explore name of the project, for did-you-mean.
std::vector<std::string> exploreNames(const semantic::Project& project);

}  // namespace lkml::cli
