#include "semantic/explore_scope.h"

namespace lkml::semantic {

ExploreScope::ExploreScope(const Model& model, const Explore& explore)
    : model_(model), explore_(explore) {
  entries_.push_back({explore.alias, model.findView(explore.view), nullptr, 0});
  for (size_t i = 0; i < explore.joins.size(); ++i) {
    const Join& join = explore.joins[i];
    entries_.push_back({join.name, model.findView(join.view), &join, i + 1});
  }
  for (size_t i = 0; i < entries_.size(); ++i) by_alias_.emplace(entries_[i].alias, i);
}

const ScopeEntry* ExploreScope::find(const std::string& alias) const {
  auto it = by_alias_.find(alias);
  return it == by_alias_.end() ? nullptr : &entries_[it->second];
}

const Field* ExploreScope::findField(const std::string& alias, const std::string& field) const {
  const ScopeEntry* entry = find(alias);
  return entry && entry->view ? entry->view->findField(field) : nullptr;
}

bool ExploreScope::splitName(const std::string& name, std::string* alias, std::string* field) {
  size_t dot = name.find('.');
  if (dot == std::string::npos) return false;
  *alias = name.substr(0, dot);
  *field = name.substr(dot + 1);
  return true;
}

}  // namespace lkml::semantic
