// The views visible in one explore, by alias: the base view under the explore's alias and each
// join under its name. Used by the checks and by the query compiler to resolve `${alias.field}`.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "semantic/model.h"

namespace lkml::semantic {

struct ScopeEntry {
  std::string alias;
  const View* view = nullptr;  // null when the join names an unknown view
  const Join* join = nullptr;  // null for the base view
  size_t order = 0;            // 0 = base, i+1 = joins[i]
};

class ExploreScope {
 public:
  ExploreScope(const Model& model, const Explore& explore);

  const Model& model() const { return model_; }
  const Explore& explore() const { return explore_; }
  const ScopeEntry* find(const std::string& alias) const;
  const std::vector<ScopeEntry>& entries() const { return entries_; }
  /// `alias.field` → the field, or null.
  const Field* findField(const std::string& alias, const std::string& field) const;
  /// Splits `a.b` into alias and field; false when there is no dot.
  static bool splitName(const std::string& name, std::string* alias, std::string* field);

 private:
  const Model& model_;
  const Explore& explore_;
  std::vector<ScopeEntry> entries_;
  std::map<std::string, size_t> by_alias_;
};

}  // namespace lkml::semantic
