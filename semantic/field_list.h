// Evaluates LookML field lists (`fields:`, `drill_fields:`, sets): `ALL_FIELDS*`,
// `view.ALL_FIELDS*`, `set*`, `view.set*`, `field`, `view.field`, and `-item` exclusions.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "semantic/explore_scope.h"

namespace lkml::semantic {

struct FieldListProblem {
  size_t item = 0;       // index of the offending list item
  std::string message;   // "unknown field `users.emal`"
  std::string suggestion;
  bool unknown_set = false;
};

/// Resolves `items` in an explore (names are `alias.field`) with `default_alias` for bare
/// names (a join's or view's own fields). Returns the selected `alias.field` names.
std::set<std::string> resolveFieldList(const ExploreScope& scope,
                                       const std::vector<std::string>& items,
                                       const std::string& default_alias,
                                       std::vector<FieldListProblem>* problems);

}  // namespace lkml::semantic
