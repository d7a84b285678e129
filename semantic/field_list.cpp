#include "semantic/field_list.h"

#include "base/suggest.h"

namespace lkml::semantic {

namespace {

void addAllFields(const ScopeEntry& entry, std::set<std::string>* out) {
  if (!entry.view) return;
  for (const Field& f : entry.view->fields) out->insert(entry.alias + "." + f.name);
}

// Expands one item (without its leading '-') into `alias.field` names.
bool expandItem(const ExploreScope& scope, const std::string& item,
                const std::string& default_alias, std::set<std::string>* out,
                std::vector<std::string>* visiting, FieldListProblem* problem) {
  std::string alias = default_alias, name = item;
  ExploreScope::splitName(item, &alias, &name);
  if (item.find('.') == std::string::npos) alias = default_alias;
  bool is_set = !name.empty() && name.back() == '*';
  if (is_set) name.pop_back();
  if (is_set && name == "ALL_FIELDS") {
    if (item.find('.') == std::string::npos) {
      for (const ScopeEntry& entry : scope.entries()) {
        if (default_alias.empty() || entry.alias == default_alias) addAllFields(entry, out);
      }
      return true;
    }
    const ScopeEntry* entry = scope.find(alias);
    if (!entry) {
      problem->message = "unknown view `" + alias + "` in `" + item + "`";
      return false;
    }
    addAllFields(*entry, out);
    return true;
  }
  const ScopeEntry* entry = scope.find(alias);
  if (!entry || !entry->view) {
    problem->message = "unknown view `" + alias + "` in `" + item + "`";
    std::vector<std::string> aliases;
    for (const auto& e : scope.entries()) aliases.push_back(e.alias);
    problem->suggestion = closestMatch(alias, aliases);
    return false;
  }
  if (is_set) {
    const FieldSet* set = entry->view->findSet(name);
    if (!set) {
      problem->message = "unknown set `" + name + "` in view `" + entry->view->name + "`";
      problem->unknown_set = true;
      std::vector<std::string> names;
      for (const auto& s : entry->view->sets) names.push_back(s.name);
      problem->suggestion = closestMatch(name, names);
      return false;
    }
    std::string key = alias + "." + name;
    for (const auto& v : *visiting) {
      if (v == key) return true;  // a set that includes itself adds nothing more
    }
    // Each level recurses: the input must not decide how deep. Too deep fails the whole item
    // (never a silently shorter list: an exclusion must not lose members).
    if (visiting->size() >= kMaxSetNesting) {
      problem->message = "sets include sets more than " + std::to_string(kMaxSetNesting) +
                         " levels deep, starting at `" + visiting->front() + "*`";
      problem->too_deep = true;
      return false;
    }
    visiting->push_back(key);
    for (const std::string& member : set->fields) {
      bool negative = !member.empty() && member[0] == '-';
      std::string inner = negative ? member.substr(1) : member;
      FieldListProblem ignored;
      std::set<std::string> part;
      if (!expandItem(scope, inner, alias, &part, visiting, &ignored) && ignored.too_deep) {
        size_t item_index = problem->item;
        *problem = ignored;
        problem->item = item_index;
        visiting->pop_back();
        return false;
      }
      for (const auto& p : part) {
        if (negative)
          out->erase(p);
        else
          out->insert(p);
      }
    }
    visiting->pop_back();
    return true;
  }
  if (!entry->view->findField(name)) {
    problem->message = "unknown field `" + alias + "." + name + "`";
    std::vector<std::string> names;
    for (const auto& f : entry->view->fields) names.push_back(f.name);
    std::string near = closestMatch(name, names);
    if (!near.empty()) problem->suggestion = alias + "." + near;
    if (entry->view->hasGroup(name)) {
      problem->message +=
          " (a dimension group: append a timeframe, e.g. `" + alias + "." + name + "_date`)";
    }
    return false;
  }
  out->insert(alias + "." + name);
  return true;
}

}  // namespace

std::set<std::string> resolveFieldList(const ExploreScope& scope,
                                       const std::vector<std::string>& items,
                                       const std::string& default_alias,
                                       std::vector<FieldListProblem>* problems) {
  std::set<std::string> included, excluded;
  bool any_positive = false;
  for (size_t i = 0; i < items.size(); ++i) {
    const std::string& raw = items[i];
    bool negative = !raw.empty() && raw[0] == '-';
    std::string item = negative ? raw.substr(1) : raw;
    FieldListProblem problem;
    problem.item = i;
    std::vector<std::string> visiting;
    std::set<std::string>& target = negative ? excluded : included;
    std::set<std::string> part;
    if (!expandItem(scope, item, default_alias, &part, &visiting, &problem)) {
      if (problem.too_deep) {
        // Fail closed: an item that cannot be resolved adds nothing and excludes everything.
        part.clear();
        if (negative) {
          for (const ScopeEntry& entry : scope.entries()) {
            if (default_alias.empty() || entry.alias == default_alias) addAllFields(entry, &part);
          }
        }
      }
      if (problems) problems->push_back(problem);
    }
    target.insert(part.begin(), part.end());
    any_positive |= !negative;
  }
  // A list of only exclusions means "everything except"; an empty list (`fields: []`, which
  // hides a join's fields) means nothing.
  if (!any_positive && !items.empty()) {
    for (const ScopeEntry& entry : scope.entries()) {
      if (default_alias.empty() || entry.alias == default_alias) addAllFields(entry, &included);
    }
  }
  for (const auto& e : excluded) included.erase(e);
  return included;
}

ExploreFieldLists::ExploreFieldLists(const ExploreScope& scope) : scope_(scope) {
  if (scope.explore().has_fields)
    explore_ = resolveFieldList(scope, scope.explore().fields, "", nullptr);
}

bool ExploreFieldLists::allows(const ScopeEntry& entry, const std::string& field_name) {
  const bool explore_list = scope_.explore().has_fields;
  const bool join_list = entry.join && entry.join->has_fields;
  if (!explore_list && !join_list) return true;
  const std::string name = entry.alias + "." + field_name;
  if (explore_list && !explore_.count(name)) return false;
  if (join_list) {
    auto it = joins_.find(entry.alias);
    if (it == joins_.end()) {
      it = joins_
               .emplace(entry.alias,
                        resolveFieldList(scope_, entry.join->fields, entry.alias, nullptr))
               .first;
    }
    if (!it->second.count(name)) return false;
  }
  return true;
}

}  // namespace lkml::semantic
