// Evaluates LookML field lists (`fields:`, `drill_fields:`, sets): `ALL_FIELDS*`,
// `view.ALL_FIELDS*`, `set*`, `view.set*`, `field`, `view.field`, and `-item` exclusions.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "semantic/explore_scope.h"

namespace lkml::semantic {

struct FieldListProblem {
  size_t item = 0;      // index of the offending list item
  std::string message;  // "unknown field `users.emal`"
  std::string suggestion;
  bool unknown_set = false;
  bool too_deep = false;  // sets including sets more than kMaxSetNesting deep
};

/// How deeply sets may include sets (`set: a { fields: [b*] }`); expanding recurses per level.
inline constexpr size_t kMaxSetNesting = 64;

/// Resolves `items` in an explore (names are `alias.field`) with `default_alias` for bare
/// names (a join's or view's own fields). Returns the selected `alias.field` names.
std::set<std::string> resolveFieldList(const ExploreScope& scope,
                                       const std::vector<std::string>& items,
                                       const std::string& default_alias,
                                       std::vector<FieldListProblem>* problems);

/// The fields an explore exposes through its `fields:` lists: the explore's own list and, for a
/// join, the join's list too (a field must be in every list given). Used wherever a field is
/// offered or checked in an explore: queries, `lkml fields`, SQL validation, reference checks.
class ExploreFieldLists {
 public:
  explicit ExploreFieldLists(const ExploreScope& scope);
  /// True when `field_name` of `entry` passes the lists (always, when there are none). A join's
  /// list is resolved on first use.
  bool allows(const ScopeEntry& entry, const std::string& field_name);

 private:
  const ExploreScope& scope_;
  std::set<std::string> explore_;                       // `alias.field`, with `fields:`
  std::map<std::string, std::set<std::string>> joins_;  // by join alias
};

}  // namespace lkml::semantic
