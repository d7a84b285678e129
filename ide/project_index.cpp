#include "ide/project_index.h"

#include <deque>

namespace lkml::ide {

namespace {

std::string pairValue(const syntax::Node& block, std::string_view key) {
  const syntax::Node* child = block.child(key);
  return child && child->isPair() ? std::string(child->value.text) : std::string();
}

}  // namespace

bool isFieldKey(std::string_view key) {
  return key == "dimension" || key == "dimension_group" || key == "measure" || key == "filter" ||
         key == "parameter";
}

NameSpan blockName(const syntax::Node& node) {
  NameSpan out;
  if (!node.value.present()) return out;
  std::string_view text = node.value.text;
  out.begin = node.value.span.begin + (node.value.quoted() ? 1 : 0);
  if (!text.empty() && text[0] == '+') {
    out.refinement = true;
    text.remove_prefix(1);
    ++out.begin;
  }
  // `+ name` is not valid LookML, but keep the span on the name if a space slipped in.
  while (!text.empty() && (text[0] == ' ' || text[0] == '\t')) {
    text.remove_prefix(1);
    ++out.begin;
  }
  out.name = std::string(text);
  out.end = out.begin + static_cast<uint32_t>(text.size());
  return out;
}

ProjectIndex::ProjectIndex(const semantic::LoadedProject& project) : project_(project) {
  for (size_t i = 0; i < project_.sources.files.size(); ++i) indexFile(i);
}

size_t ProjectIndex::fileIndex(const std::string& path) const {
  auto it = project_.sources.by_path.find(path);
  return it == project_.sources.by_path.end() ? SIZE_MAX : it->second;
}

// Views and explores are top-level members, their fields one level down: no walk needed.
void ProjectIndex::indexFile(size_t file) {
  const semantic::ProjectFile& pf = project_.sources.files[file];
  for (const syntax::Node& member : pf.doc.members) {
    if (!member.isBlock()) continue;
    NameSpan name = blockName(member);
    if (name.name.empty()) continue;
    if (member.key == "view") {
      ViewDecl& view = views_[name.name];
      for (const syntax::Node& child : member.children) {
        if (child.isBlock() && isFieldKey(child.key)) {
          NameSpan field = blockName(child);
          if (field.name.empty()) continue;
          (child.key == "dimension_group" ? view.groups : view.fields).insert(field.name);
        } else if (child.isBlock() && child.key == "set") {
          NameSpan set = blockName(child);
          if (!set.name.empty()) view.sets.insert(set.name);
        } else if (child.isList() && (child.key == "extends" || child.key == "extends__all")) {
          for (const syntax::ListItem& item : child.items) {
            view.extends.emplace_back(item.value.text);
          }
        }
      }
    } else if (member.key == "explore") {
      explores_.insert(name.name);
      auto& aliases = explore_aliases_[name.name];
      // `from:` keeps the explore's name as the alias; `view_name:` makes the view's name it.
      std::string from = pairValue(member, "from"), view_name = pairValue(member, "view_name");
      if (!from.empty() || !view_name.empty()) {
        explore_views_[name.name] = from.empty() ? view_name : from;
      }
      if (!from.empty()) {
        aliases[name.name] = {from, false};
      } else if (!view_name.empty()) {
        aliases[view_name] = {view_name, true};
      } else if (!name.refinement) {
        aliases[name.name] = {name.name, true};
      }
      for (const syntax::Node& child : member.children) {
        if (!child.isBlock() || child.key != "join") continue;
        NameSpan join = blockName(child);
        if (join.name.empty()) continue;
        std::string from = pairValue(child, "from");
        aliases[join.name] = {from.empty() ? join.name : from, from.empty()};
      }
    }
  }
}

std::string ProjectIndex::aliasView(const std::string& explore, const std::string& alias) const {
  auto it = explore_aliases_.find(explore);
  if (it != explore_aliases_.end()) {
    auto a = it->second.find(alias);
    if (a != it->second.end()) return a->second.view;
  }
  // Joins an explore inherits through `extends:` are in the compiled explore.
  for (const semantic::Model& model : project_.project.models) {
    const semantic::Explore* e = model.findExplore(explore);
    if (!e) continue;
    if (e->alias == alias) return e->view;
    if (const semantic::Join* j = e->findJoin(alias)) return j->view;
  }
  return alias;
}

std::string ProjectIndex::exploreView(const std::string& explore) const {
  auto it = explore_views_.find(explore);
  if (it != explore_views_.end()) return it->second;
  for (const semantic::Model& model : project_.project.models) {
    if (const semantic::Explore* e = model.findExplore(explore)) return e->view;
  }
  return explore;
}

bool ProjectIndex::aliasIsViewName(const std::string& explore, const std::string& alias) const {
  if (explore.empty()) return true;  // in a view, `${users.f}` names the view users
  auto it = explore_aliases_.find(explore);
  if (it != explore_aliases_.end()) {
    auto a = it->second.find(alias);
    if (a != it->second.end()) return a->second.defaulted;
  }
  for (const semantic::Model& model : project_.project.models) {
    const semantic::Explore* e = model.findExplore(explore);
    if (!e) continue;
    if (e->alias == alias) return e->view == alias;
    if (const semantic::Join* j = e->findJoin(alias))
      return !j->from_span.valid() && j->view == alias;
  }
  return true;  // an alias the explore does not define: read as the view's name
}

std::vector<std::string> ProjectIndex::extendsChain(const std::string& view) const {
  std::vector<std::string> chain{view};
  std::set<std::string> seen{view};
  for (size_t i = 0; i < chain.size(); ++i) {
    auto it = views_.find(chain[i]);
    if (it == views_.end()) continue;
    for (const std::string& parent : it->second.extends) {
      if (seen.insert(parent).second) chain.push_back(parent);
    }
  }
  return chain;
}

std::string ProjectIndex::setOwner(const std::string& view, const std::string& name) const {
  for (const std::string& v : extendsChain(view)) {
    auto it = views_.find(v);
    if (it != views_.end() && it->second.sets.count(name)) return v;
  }
  return view;
}

Target ProjectIndex::fieldTarget(const std::string& view, const std::string& name, uint32_t* begin,
                                 uint32_t* end) const {
  std::vector<std::string> chain = extendsChain(view);
  for (const std::string& v : chain) {
    auto it = views_.find(v);
    if (it != views_.end() && (it->second.fields.count(name) || it->second.groups.count(name))) {
      return {TargetKind::Field, v, name};
    }
  }
  // A timeframe (`created_date`: group first) or an interval (`days_enrolled`: group last).
  for (const std::string& v : chain) {
    auto it = views_.find(v);
    if (it == views_.end() || it->second.groups.empty()) continue;
    for (size_t us = name.find('_'); us != std::string::npos; us = name.find('_', us + 1)) {
      std::string head = name.substr(0, us), tail = name.substr(us + 1);
      if (it->second.groups.count(head)) {
        *end = *begin + static_cast<uint32_t>(us);
        return {TargetKind::Field, v, head};
      }
      if (it->second.groups.count(tail)) {
        *begin += static_cast<uint32_t>(us + 1);
        return {TargetKind::Field, v, tail};
      }
    }
  }
  return {TargetKind::Field, view, name};
}

bool ProjectIndex::hasField(const std::string& view, const std::string& name) const {
  uint32_t b = 0, e = static_cast<uint32_t>(name.size());
  Target t = fieldTarget(view, name, &b, &e);
  auto it = views_.find(t.view);
  return it != views_.end() && (it->second.fields.count(t.name) || it->second.groups.count(t.name));
}

std::vector<Occurrence> ProjectIndex::allOccurrences() const {
  std::vector<Occurrence> all;
  for (size_t i = 0; i < project_.sources.files.size(); ++i) {
    std::vector<Occurrence> file = occurrences(i);
    all.insert(all.end(), file.begin(), file.end());
  }
  return all;
}

}  // namespace lkml::ide
