#include "semantic/model_patch.h"

#include <algorithm>
#include <memory>
#include <vector>

#include "semantic/extends_resolution.h"
#include "semantic/lower_explore.h"
#include "semantic/lower_view.h"

namespace lkml::semantic {

namespace {

bool isObject(const syntax::Node& member) {
  return member.key == "view" || member.key == "explore";
}

std::vector<std::string> parentNames(const syntax::Node& block) {
  std::vector<std::string> names;
  for (const auto& [name, span] : extendsList(block)) names.push_back(name);
  return names;
}

std::string finalValue(const syntax::Node& block) {
  const syntax::Node* f = block.child("final");
  return f ? std::string(f->value.text) : "";
}

// Whether the edit kept what model building reads of the file before lowering: which objects
// it defines or refines, in which order, what they extend and which refinement is final.
bool sameShape(const syntax::Document& before, const syntax::Document& after) {
  if (before.members.size() != after.members.size()) return false;
  for (size_t i = 0; i < before.members.size(); ++i) {
    const syntax::Node& a = before.members[i];
    const syntax::Node& b = after.members[i];
    if (!isObject(a) || a.key != b.key || a.kind != b.kind || !a.isBlock()) return false;
    if (a.value.text != b.value.text || !a.value.present() || !b.value.present()) return false;
    if (parentNames(a) != parentNames(b) || finalValue(a) != finalValue(b)) return false;
  }
  return true;
}

using NodeMap = std::map<const syntax::Node*, const syntax::Node*>;

// Points the definitions at the new blocks; returns the names made of one of them.
std::set<std::string> remap(Definitions& defs, const NodeMap& moved) {
  std::set<std::string> touched;
  for (auto& [name, def] : defs) {
    bool hit = false;
    if (auto it = moved.find(def.source); it != moved.end()) {
      def.source = it->second;
      hit = true;
    }
    for (const syntax::Node*& ref : def.applied) {
      if (auto it = moved.find(ref); it != moved.end()) {
        ref = it->second;
        hit = true;
      }
    }
    if (hit) {
      def.invalidate();
      touched.insert(name);
    }
  }
  return touched;
}

void remapList(std::vector<const syntax::Node*>& list, const NodeMap& moved) {
  for (const syntax::Node*& node : list) {
    if (auto it = moved.find(node); it != moved.end()) node = it->second;
  }
}

// Adds every definition that extends one in `names`, directly or not.
void addExtenders(const Definitions& defs, std::set<std::string>& names) {
  for (bool grew = true; grew;) {
    grew = false;
    for (const auto& [name, def] : defs) {
      if (names.count(name)) continue;
      for (const auto& [parent, span] : def.parents()) {
        if (names.count(parent)) {
          names.insert(name);
          grew = true;
          break;
        }
      }
    }
  }
}

}  // namespace

ModelPatch patchModel(ModelStart& start, Model& model, const syntax::Document& old_doc,
                      const syntax::Document& new_doc,
                      const std::map<std::string, Constant>& constants, DiagnosticSink& sink,
                      ViewCache& cache) {
  ModelPatch patch;
  if (!sameShape(old_doc, new_doc)) return patch;
  NodeMap moved;
  for (size_t i = 0; i < old_doc.members.size(); ++i) {
    moved.emplace(&old_doc.members[i], &new_doc.members[i]);
  }
  Collected& collected = start.collected;
  patch.views = remap(collected.views, moved);
  patch.explores = remap(collected.explores, moved);
  remapList(collected.view_refinements, moved);
  remapList(collected.explore_refinements, moved);
  addExtenders(collected.views, patch.views);
  addExtenders(collected.explores, patch.explores);

  std::set<const syntax::Node*> file_blocks;
  for (const syntax::Node& member : new_doc.members) file_blocks.insert(&member);
  for (const std::string& name : patch.explores) {
    const Definition& def = collected.explores.at(name);
    bool own = file_blocks.count(def.source) && def.parents().empty();
    for (const syntax::Node* ref : def.applied) own = own && file_blocks.count(ref);
    patch.explores_self_contained = patch.explores_self_contained && own;
  }
  CollectingSink model_found;
  ImportAwareSink import_sink(model_found, model.imports_projects);
  if (!patch.views.empty()) {
    Resolved views =
        resolveExtends(collected.views, start.view_depths, "view", import_sink, &patch.views);
    if (views.cycles) return patch;  // blocks would depend on the order: build it again
    for (const std::string& name : patch.views) {
      auto block = views.blocks.find(name);
      if (block == views.blocks.end()) continue;  // left out (LKML245), as when it was built
      std::vector<const void*> key = views.keys.at(name);
      if (model.imports_projects) key.push_back(kKeyImports);
      if (std::shared_ptr<const View> known = cache.find(key)) {
        // Another model that includes the file lowered the same blocks a moment ago.
        if (const auto* findings = cache.findingsOf(*known)) {
          for (const Diagnostic& d : *findings) sink.report(d);
        }
        model.views.replace(name, std::move(known));
        continue;
      }
      CollectingSink found;
      ImportAwareSink view_sink(found, model.imports_projects);
      LowerContext ctx(constants, view_sink);
      View view = lowerView(*block->second, ctx);
      const Span definition = collected.views.at(name).span();
      view.file = definition.file;
      view.span = definition;
      auto shared = std::make_shared<const View>(std::move(view));
      for (const Diagnostic& d : found.diagnostics) sink.report(d);
      cache.add(std::move(key), shared, std::move(found.diagnostics));
      model.views.replace(name, std::move(shared));
    }
  }
  if (!patch.explores.empty()) {
    Resolved explores = resolveExtends(collected.explores, start.explore_depths, "explore",
                                       import_sink, &patch.explores);
    if (explores.cycles) return patch;
    LowerContext ctx(constants, import_sink);
    for (const std::string& name : patch.explores) {
      auto block = explores.blocks.find(name);
      if (block == explores.blocks.end()) continue;
      auto at = std::find_if(model.explores.begin(), model.explores.end(),
                             [&](const Explore& e) { return e.name == name; });
      if (at == model.explores.end()) continue;
      Explore explore = lowerExplore(*block->second, ctx);
      explore.span = collected.explores.at(name).span();
      *at = std::move(explore);
    }
  }
  for (const Diagnostic& d : model_found.diagnostics) sink.report(d);
  patch.model_findings = std::move(model_found.diagnostics);
  patch.ok = true;
  return patch;
}

}  // namespace lkml::semantic
