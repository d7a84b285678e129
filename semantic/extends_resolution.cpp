#include "semantic/extends_resolution.h"

#include <algorithm>
#include <functional>
#include <unordered_map>

#include "base/parallel_for.h"
#include "base/suggest.h"
#include "semantic/model_builder.h"
#include "semantic/semantic_diagnostics.h"

namespace lkml::semantic {

std::vector<std::pair<std::string, Span>> extendsList(const syntax::Node& node) {
  std::vector<std::pair<std::string, Span>> out;
  for (const syntax::Node& c : node.children) {
    if (c.key != "extends") continue;
    if (c.isList()) {
      for (const auto& item : c.items) out.emplace_back(item.value.unescaped(), item.value.span);
    } else if (c.isPair()) {
      out.emplace_back(c.value.unescaped(), c.value.span);
    }
  }
  return out;
}

namespace {

void appendOwnKey(const Definition& def, BlockKey& key) {
  key.push_back(def.source);
  key.insert(key.end(), def.applied.begin(), def.applied.end());
  key.push_back(kKeyEnd);
}

// Merges a parent's block under `result`, without what describes the parent itself
// (`extension: required`, `final`) or its own `extends`.
void mergeParent(syntax::Node& result, const syntax::Node& parent) {
  syntax::Node copy = parent;
  copy.children.erase(std::remove_if(copy.children.begin(), copy.children.end(),
                                     [](const syntax::Node& c) {
                                       return c.key == "extension" || c.key == "final" ||
                                              c.key == "extends";
                                     }),
                      copy.children.end());
  mergeInto(result, std::move(copy), MergeMode::Extends);
}

}  // namespace

// Longest `extends` chain from each definition (1: it extends nothing known), computed with an
// explicit stack: the input decides the depth. An edge that closes a cycle is not followed (the
// cycle is reported while resolving).
std::map<std::string, size_t> extendsDepths(const Definitions& defs) {
  struct Frame {
    const Definition* def;
    size_t next = 0;
    size_t deepest_parent = 0;
  };
  // By definition, not by name: a model has thousands of views, most of them extend nothing.
  std::unordered_map<const Definition*, size_t> depth;  // 0: on the stack
  depth.reserve(defs.size());
  std::vector<Frame> stack;
  for (const auto& [root, root_def] : defs) {
    if (!depth.emplace(&root_def, 0).second) continue;
    stack.push_back({&root_def});
    while (!stack.empty()) {
      Frame& top = stack.back();
      const auto& parents = top.def->parents();
      if (top.next < parents.size()) {
        auto def = defs.find(parents[top.next++].first);
        if (def == defs.end()) continue;
        auto [known, first_visit] = depth.emplace(&def->second, 0);
        if (first_visit) {
          stack.push_back({&def->second});  // `top` dangles
        } else if (known->second != 0) {    // else on the stack: the edge closes a cycle
          top.deepest_parent = std::max(top.deepest_parent, known->second);
        }
        continue;
      }
      const size_t value = top.deepest_parent + 1;
      depth[top.def] = value;
      stack.pop_back();
      if (!stack.empty()) {
        stack.back().deepest_parent = std::max(stack.back().deepest_parent, value);
      }
    }
  }
  std::map<std::string, size_t> out;
  for (const auto& [name, def] : defs) out.emplace_hint(out.end(), name, depth.at(&def));
  return out;
}

// LKML245 for each chain deeper than kMaxExtendsDepth, at its start (a definition nothing
// extends; in a long cycle, the deepest member). Following such a chain would copy every
// level's fields into every level below (quadratic), so the definitions too deep are left out.
void reportDeepExtends(const Definitions& defs, const std::map<std::string, size_t>& depth,
                       const char* what, DiagnosticSink& sink) {
  size_t deepest_depth = 0;
  for (const auto& [name, value] : depth) deepest_depth = std::max(deepest_depth, value);
  if (deepest_depth <= kMaxExtendsDepth) return;  // the usual case: nothing to look at
  std::set<std::string> extended;
  const std::string* deepest = nullptr;
  for (const auto& [name, def] : defs) {
    for (const auto& [parent, span] : def.parents()) extended.insert(parent);
    if (!deepest || depth.at(name) > depth.at(*deepest)) deepest = &name;
  }
  if (!deepest || depth.at(*deepest) <= kMaxExtendsDepth) return;
  std::vector<const std::string*> starts;
  for (const auto& [name, def] : defs) {
    if (depth.at(name) > kMaxExtendsDepth && !extended.count(name)) starts.push_back(&name);
  }
  if (starts.empty()) starts.push_back(deepest);
  for (const std::string* start : starts) {
    // The chain, shown by its first links: each step to the deepest parent.
    std::string chain = *start;
    const std::string* at = start;
    for (int shown = 0; shown < 4; ++shown) {
      const std::string* next = nullptr;
      for (const auto& [parent, span] : defs.at(*at).parents()) {
        auto d = depth.find(parent);
        if (d != depth.end() && d->second + 1 == depth.at(*at)) next = &d->first;
      }
      if (!next) break;
      chain += " -> " + *next;
      at = next;
    }
    const Definition& def = defs.at(*start);
    Diagnostic d = makeSemDiagnostic(
        SemCode::extends_too_deep, def.source->value.span,
        std::string(what) + " `" + *start + "` starts an `extends` chain " +
            std::to_string(depth.at(*start)) + " levels deep (" + chain + " -> ...); lkml " +
            "follows at most " + std::to_string(kMaxExtendsDepth) + " levels");
    d.help =
        "shorten the chain: extend a common base instead of each previous " + std::string(what);
    sink.report(std::move(d));
  }
}

namespace {

// Resolves `extends` of every definition: parents merged in list order, the child on top.
// The recursion is bounded: a definition deeper than kMaxExtendsDepth is left out (after
// LKML245), and a parent is followed only while the stack is shallower than twice that (a
// cycle's back edge can lead to a shallower definition).
Resolved resolveSerially(const Definitions& defs, const std::map<std::string, size_t>& depth,
                         const char* what, DiagnosticSink& sink, const std::set<std::string>* only,
                         bool build) {
  Resolved out;
  auto& resolved = out.blocks;
  std::vector<std::string> stack;
  std::function<const syntax::Node*(const std::string&)> resolve =
      [&](const std::string& name) -> const syntax::Node* {
    if (auto it = resolved.find(name); it != resolved.end()) return it->second;
    const Definition& def = defs.at(name);
    const auto& parents = def.parents();
    // Too deep (LKML245): left out of the model, like a definition whose parent is unknown
    // would be incomplete; lowering it would only add errors that follow from the cut chain.
    if (depth.at(name) > kMaxExtendsDepth) return nullptr;
    BlockKey& key = out.keys[name];  // std::map: stays valid while parents are added
    if (parents.empty() || stack.size() >= 2 * kMaxExtendsDepth) {
      appendOwnKey(def, key);
      return resolved.emplace(name, build ? &def.node() : def.source).first->second;
    }
    stack.push_back(name);
    key.push_back(kKeyOpen);
    syntax::Node result;
    if (build) {
      result.kind = syntax::NodeKind::Block;
      result.key = def.node().key;
      result.value = def.node().value;
      result.span = def.node().span;
    }
    for (const auto& [parent, span] : parents) {
      if (std::find(stack.begin(), stack.end(), parent) != stack.end()) {
        std::string chain;
        for (auto it = std::find(stack.begin(), stack.end(), parent); it != stack.end(); ++it) {
          chain += *it + " -> ";
        }
        Diagnostic d = makeSemDiagnostic(
            SemCode::extends_cycle, span,
            std::string(what) + " `" + name + "` extends itself: " + chain + parent);
        d.help = "remove one of the `extends` in the cycle";
        sink.report(std::move(d));
        out.cycles = true;
        continue;
      }
      if (!defs.count(parent)) {
        Diagnostic d = makeSemDiagnostic(
            SemCode::unknown_view, span,
            std::string(what) + " `" + name + "` extends unknown " + what + " `" + parent + "`");
        std::vector<std::string> names;
        for (const auto& [n, unused] : defs) names.push_back(n);
        std::string near = closestMatch(parent, names);
        d.help = near.empty() ? "include the file that defines it" : "did you mean `" + near + "`?";
        sink.report(std::move(d));
        continue;
      }
      const syntax::Node* base = resolve(parent);
      if (!base) continue;
      const BlockKey& parent_key = out.keys.at(parent);
      key.insert(key.end(), parent_key.begin(), parent_key.end());
      key.push_back(kKeyClose);
      if (!build) continue;
      mergeParent(result, *base);
    }
    appendOwnKey(def, key);
    stack.pop_back();
    if (!build) return resolved.emplace(name, def.source).first->second;
    mergeInto(result, def.node(), MergeMode::Extends);
    const syntax::Node* merged = &out.merged.emplace(name, std::move(result)).first->second;
    return resolved.emplace(name, merged).first->second;
  };
  if (!only) {
    for (const auto& [name, unused] : defs) resolve(name);
  } else {
    // Called once per level of derived tables: visit only what is asked for.
    for (const std::string& name : *only) {
      if (defs.count(name)) resolve(name);
    }
  }
  return out;
}

// One definition to build in levels(): where its results go.
struct LevelItem {
  const std::string* name;
  const Definition* def;
  const syntax::Node** block;
  BlockKey* key;
  syntax::Node* merged;  // null: extends nothing, the block is the definition's
};

// The definitions to resolve (all, or `only` and what they extend) grouped by depth, when the
// resolution needs none of what only the serial one handles: a cycle, an unknown parent, a
// chain too deep (each reported or cut in the order of its depth-first walk). Then every
// parent is one level below its child, and a level's blocks depend only on earlier levels.
// The entries of `out` are created here, so that building them changes no map.
bool levels(const Definitions& defs, const std::map<std::string, size_t>& depth,
            const std::set<std::string>* only, bool build, Resolved& out,
            std::vector<std::vector<LevelItem>>& by_depth) {
  using Entry = const std::pair<const std::string, Definition>;
  std::vector<Entry*> todo;
  std::set<Entry*> queued;
  auto visit = [&](const std::string& name) {
    auto def = defs.find(name);
    if (def != defs.end() && queued.insert(&*def).second) todo.push_back(&*def);
  };
  if (only) {
    for (const std::string& name : *only) visit(name);
  } else {
    todo.reserve(defs.size());
    for (Entry& entry : defs) todo.push_back(&entry);
  }
  std::vector<std::pair<Entry*, size_t>> found;  // with its depth
  found.reserve(todo.size());
  for (size_t i = 0; i < todo.size(); ++i) {
    Entry& entry = *todo[i];
    const size_t own = depth.at(entry.first);
    if (own > kMaxExtendsDepth) return false;
    for (const auto& [parent, span] : entry.second.parents()) {
      auto known = depth.find(parent);
      if (known == depth.end() || known->second >= own) return false;  // unknown, or a cycle
      if (only) visit(parent);
    }
    found.emplace_back(&entry, own);
  }
  // In name order, so that each entry goes at the end of its map.
  auto by_name = [](const std::pair<Entry*, size_t>& a, const std::pair<Entry*, size_t>& b) {
    return a.first->first < b.first->first;
  };
  if (!std::is_sorted(found.begin(), found.end(), by_name)) {
    std::sort(found.begin(), found.end(), by_name);
  }
  by_depth.clear();
  for (const auto& [entry, own] : found) {
    if (by_depth.size() < own) by_depth.resize(own);
    const std::string& name = entry->first;
    const Definition& def = entry->second;
    LevelItem item{&name, &def, nullptr, nullptr, nullptr};
    item.key = &out.keys.emplace_hint(out.keys.end(), name, BlockKey())->second;
    item.block = &out.blocks.emplace_hint(out.blocks.end(), name, nullptr)->second;
    if (build && !def.parents().empty()) {
      item.merged = &out.merged.emplace_hint(out.merged.end(), name, syntax::Node())->second;
    }
    by_depth[own - 1].push_back(item);
  }
  return true;
}

// Builds one definition of levels() whose parents are built: what resolveSerially builds.
void buildLevelItem(const LevelItem& item, const Resolved& out, bool build) {
  const Definition& def = *item.def;
  if (!build) {  // the key only; the block is the definition
    if (!def.parents().empty()) {
      item.key->push_back(kKeyOpen);
      for (const auto& [parent, span] : def.parents()) {
        const BlockKey& parent_key = out.keys.at(parent);
        item.key->insert(item.key->end(), parent_key.begin(), parent_key.end());
        item.key->push_back(kKeyClose);
      }
    }
    appendOwnKey(def, *item.key);
    *item.block = def.source;
    return;
  }
  const syntax::Node& own = def.node();  // only this item touches this definition's cache
  if (!item.merged) {
    appendOwnKey(def, *item.key);
    *item.block = &own;
    return;
  }
  BlockKey& key = *item.key;
  key.push_back(kKeyOpen);
  syntax::Node& result = *item.merged;
  result.kind = syntax::NodeKind::Block;
  result.key = own.key;
  result.value = own.value;
  result.span = own.span;
  for (const auto& [parent, span] : def.parents()) {
    const BlockKey& parent_key = out.keys.at(parent);
    key.insert(key.end(), parent_key.begin(), parent_key.end());
    key.push_back(kKeyClose);
    mergeParent(result, *out.blocks.at(parent));
  }
  appendOwnKey(def, key);
  mergeInto(result, own, MergeMode::Extends);
  *item.block = &result;
}

}  // namespace

Resolved::~Resolved() {
  constexpr size_t kChunk = 64;  // blocks per item
  if (merged.size() < 2 * kChunk) return;
  std::vector<syntax::Node*> nodes;
  nodes.reserve(merged.size());
  for (auto& [name, node] : merged) nodes.push_back(&node);
  const size_t chunks = (nodes.size() + kChunk - 1) / kChunk;
  parallelFor(chunks, threadCount(chunks, threads), [&](size_t c) {
    for (size_t i = c * kChunk; i < std::min(nodes.size(), (c + 1) * kChunk); ++i) {
      syntax::Node freed = std::move(*nodes[i]);  // what is left in the map is empty
    }
  });
}

Resolved resolveExtends(const Definitions& defs, const std::map<std::string, size_t>& depth,
                        const char* what, DiagnosticSink& sink, const std::set<std::string>* only,
                        bool build, unsigned threads) {
  Resolved out;
  std::vector<std::vector<LevelItem>> by_depth;
  if (!levels(defs, depth, only, build, out, by_depth)) {
    Resolved serial = resolveSerially(defs, depth, what, sink, only, build);
    serial.threads = threads;
    return serial;
  }
  out.threads = threads;
  // Level by level, a level's definitions in parallel; nothing to report (see levels()).
  constexpr size_t kChunk = 32;  // definitions per item: merging one takes microseconds
  for (const std::vector<LevelItem>& level : by_depth) {
    const size_t chunks = (level.size() + kChunk - 1) / kChunk;
    parallelFor(chunks, threadCount(chunks, threads), [&](size_t c) {
      for (size_t i = c * kChunk; i < std::min(level.size(), (c + 1) * kChunk); ++i) {
        buildLevelItem(level[i], out, build);
      }
    });
  }
  return out;
}

}  // namespace lkml::semantic
