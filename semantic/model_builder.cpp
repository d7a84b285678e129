#include "semantic/model_builder.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <vector>

#include "base/parallel_for.h"
#include "base/suggest.h"
#include "semantic/include_resolver.h"
#include "semantic/lower_explore.h"
#include "semantic/lower_explore_source.h"
#include "semantic/lower_view.h"
#include "semantic/node_merge.h"
#include "semantic/semantic_diagnostics.h"
#include "semantic/sql_references.h"

namespace lkml::semantic {

namespace {

// `fiscal_month_offset: 3`: any integer (Looker accepts negative ones and ones above 11); a
// value that is not one reads as 0, the default.
int parseFiscalMonthOffset(const std::string& text) {
  if (text.empty() || text.size() > 6) return 0;
  size_t i = text[0] == '-' || text[0] == '+' ? 1 : 0;
  if (i == text.size()) return 0;
  int value = 0;
  for (; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') return 0;
    value = value * 10 + (text[i] - '0');
  }
  return text[0] == '-' ? -value : value;
}

std::vector<std::pair<std::string, Span>> extendsList(const syntax::Node& node);

// A view or explore definition. Most are never refined: they point at the parsed block. A
// refined one is copied and merged only when its block is needed (lowering it, or resolving
// `extends` through it): a model that includes every view would otherwise copy every refined
// view once per model. Not thread-safe: one model is built by one thread at a time.
struct Definition {
  const syntax::Node* source = nullptr;
  bool final = false;
  Span final_span;
  std::vector<const syntax::Node*> applied;  // the refinements to merge in, in order

  /// The block with its refinements merged in.
  const syntax::Node& node() const {
    if (applied.empty()) return *source;
    if (!refined_) {
      refined_ = std::make_unique<syntax::Node>(*source);
      for (const syntax::Node* ref : applied) mergeInto(*refined_, *ref, MergeMode::Refinement);
    }
    return *refined_;
  }
  /// Where the definition is (refinements merge into it, they do not move it).
  Span span() const { return source->span; }
  /// The `extends` of node(), without merging the refinements when none of them has one.
  const std::vector<std::pair<std::string, Span>>& parents() const {
    if (!parents_) {
      bool refined_extends = false;
      for (const syntax::Node* ref : applied) refined_extends |= ref->child("extends") != nullptr;
      parents_ = extendsList(refined_extends ? node() : *source);
    }
    return *parents_;
  }

 private:
  mutable std::unique_ptr<syntax::Node> refined_;
  mutable std::optional<std::vector<std::pair<std::string, Span>>> parents_;
};

using Definitions = std::map<std::string, Definition>;

// Downgrades "unknown view/explore" findings to warnings when the model imports another
// project, whose objects lkml cannot see.
class ImportAwareSink : public DiagnosticSink {
 public:
  ImportAwareSink(DiagnosticSink& inner, bool imports) : inner_(inner), imports_(imports) {}
  void report(Diagnostic d) override {
    bool unknown = d.code == static_cast<int>(SemCode::unknown_view) ||
                   d.code == static_cast<int>(SemCode::refinement_unknown_target);
    if (imports_ && unknown) {
      d.severity = Severity::Warning;
      d.help =
          "it may be defined in an imported project (`include: \"//...\"`), which lkml "
          "does not read";
    }
    inner_.report(std::move(d));
  }

 private:
  DiagnosticSink& inner_;
  bool imports_;
};

struct Collected {
  Definitions views, explores;
  std::vector<std::string> explore_order;
  std::vector<const syntax::Node*> view_refinements, explore_refinements;
};

std::string modelName(const std::string& path) {
  std::string name = path.substr(path.rfind('/') == std::string::npos ? 0 : path.rfind('/') + 1);
  return name.substr(0, name.size() - std::string(".model.lkml").size());
}

void reportDuplicate(DiagnosticSink& sink, const std::string& what, const std::string& name,
                     Span span, Span first) {
  Diagnostic d = makeSemDiagnostic(SemCode::duplicate_name, span,
                                   what + " `" + name + "` is defined more than once in the model");
  d.notes.push_back({first, "first defined here"});
  d.help = "rename one of them, or refine the first with `" + what + ": +" + name + " { ... }`";
  sink.report(std::move(d));
}

void collect(const syntax::Node& member, Collected& out, DiagnosticSink& sink) {
  if (!member.isBlock() || !member.value.present()) return;
  bool refinement = member.value.text.front() == '+';
  std::string name(objectName(member));
  if (name.empty()) return;  // `view: + {}`: reported as a nameless block (LKML202)
  bool is_view = member.key == "view";
  if (!is_view && member.key != "explore") return;
  if (refinement) {
    (is_view ? out.view_refinements : out.explore_refinements).push_back(&member);
    return;
  }
  Definitions& defs = is_view ? out.views : out.explores;
  Definition def;
  def.source = &member;
  auto [it, inserted] = defs.emplace(name, std::move(def));
  if (!inserted) {
    reportDuplicate(sink, is_view ? "view" : "explore", name, member.value.span,
                    it->second.node().value.span);
    return;
  }
  if (!is_view) out.explore_order.push_back(name);
}

void applyRefinements(Definitions& defs, const std::vector<const syntax::Node*>& refinements,
                      const char* what, DiagnosticSink& sink) {
  for (const syntax::Node* ref : refinements) {
    std::string name(objectName(*ref));
    auto it = defs.find(name);
    if (it == defs.end()) {
      Diagnostic d =
          makeSemDiagnostic(SemCode::refinement_unknown_target, ref->value.span,
                            std::string("refinement of unknown ") + what + " `" + name + "`");
      std::vector<std::string> names;
      for (const auto& [n, unused] : defs) names.push_back(n);
      std::string near = closestMatch(name, names);
      d.help = near.empty() ? std::string("define `") + what + ": " + name +
                                  "` in a file this model includes, or include the file that "
                                  "defines it"
                            : "did you mean `" + std::string(what) + ": +" + near + "`?";
      sink.report(std::move(d));
      continue;
    }
    Definition& def = it->second;
    if (def.final) {
      Diagnostic d = makeSemDiagnostic(SemCode::refinement_after_final, ref->value.span,
                                       std::string("`") + what + ": +" + name +
                                           "` refines an object after a `final: yes` refinement");
      d.notes.push_back({def.final_span, "the final refinement is here"});
      d.help = "remove `final: yes` or move this refinement before it in include order";
      sink.report(std::move(d));
      continue;
    }
    def.applied.push_back(ref);  // merged when the block is needed (Definition::node)
    if (const syntax::Node* f = ref->child("final")) {
      if (f->value.text == "yes") {
        def.final = true;
        def.final_span = f->span;
      }
    }
  }
}

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

// What a resolved block was made of: the syntax nodes merged into it, in merge order, with
// markers around each parent's part. Two models that resolve a name to the same key build the
// same block (merging is a function of its inputs), so its lowered view can be shared.
using BlockKey = std::vector<const void*>;
const char kKeyMarkers[4] = {};  // distinct addresses: a parent's part, its end, own end, imports
const void* const kKeyOpen = &kKeyMarkers[0];
const void* const kKeyClose = &kKeyMarkers[1];
const void* const kKeyEnd = &kKeyMarkers[2];
const void* const kKeyImports = &kKeyMarkers[3];

void appendOwnKey(const Definition& def, BlockKey& key) {
  key.push_back(def.source);
  key.insert(key.end(), def.applied.begin(), def.applied.end());
  key.push_back(kKeyEnd);
}

// The result of resolving `extends`: each name's final block, pointing either at its
// definition or at a merged block owned here, and the key of each block. Without `build`,
// only the keys (and the diagnostics) are computed and `blocks` point at the definitions.
struct Resolved {
  std::map<std::string, const syntax::Node*> blocks;
  std::map<std::string, syntax::Node> merged;
  std::map<std::string, BlockKey> keys;
  // A cycle was cut: blocks then depend on the order names are resolved in, so only a full
  // resolution (all names, in order) builds the blocks the keys describe.
  bool cycles = false;
};

// Longest `extends` chain from each definition (1: it extends nothing known), computed with an
// explicit stack: the input decides the depth. An edge that closes a cycle is not followed (the
// cycle is reported while resolving).
std::map<std::string, size_t> extendsDepths(const Definitions& defs) {
  struct Frame {
    Frame(const std::string* n, std::vector<std::pair<std::string, Span>> p)
        : name(n), parents(std::move(p)) {}
    const std::string* name;
    std::vector<std::pair<std::string, Span>> parents;
    size_t next = 0;
    size_t deepest_parent = 0;
  };
  std::map<std::string, size_t> depth;
  std::set<std::string> on_stack;
  std::vector<Frame> stack;
  for (const auto& [root, root_def] : defs) {
    if (depth.count(root)) continue;
    stack.emplace_back(&root, root_def.parents());
    on_stack.insert(root);
    while (!stack.empty()) {
      Frame& top = stack.back();
      if (top.next < top.parents.size()) {
        const std::string& parent = top.parents[top.next++].first;
        auto def = defs.find(parent);
        if (def == defs.end() || on_stack.count(parent)) continue;
        if (auto known = depth.find(parent); known != depth.end()) {
          top.deepest_parent = std::max(top.deepest_parent, known->second);
          continue;
        }
        on_stack.insert(parent);
        stack.emplace_back(&def->first, def->second.parents());  // `top` dangles
        continue;
      }
      size_t value = top.deepest_parent + 1;
      const std::string& name = *top.name;
      on_stack.erase(name);
      depth[name] = value;
      stack.pop_back();
      if (!stack.empty())
        stack.back().deepest_parent = std::max(stack.back().deepest_parent, value);
    }
  }
  return depth;
}

// LKML245 for each chain deeper than kMaxExtendsDepth, at its start (a definition nothing
// extends; in a long cycle, the deepest member). Following such a chain would copy every
// level's fields into every level below (quadratic), so the definitions too deep are left out.
void reportDeepExtends(const Definitions& defs, const std::map<std::string, size_t>& depth,
                       const char* what, DiagnosticSink& sink) {
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

// Resolves `extends` of every definition: parents merged in list order, the child on top.
// The recursion is bounded: a definition deeper than kMaxExtendsDepth is left out (after
// LKML245), and a parent is followed only while the stack is shallower than twice that (a
// cycle's back edge can lead to a shallower definition).
Resolved resolveExtends(const Definitions& defs, const std::map<std::string, size_t>& depth,
                        const char* what, DiagnosticSink& sink,
                        const std::set<std::string>* only = nullptr, bool build = true) {
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
      syntax::Node copy = *base;
      // `extension: required` and `final` describe the parent itself, not what extends it.
      copy.children.erase(std::remove_if(copy.children.begin(), copy.children.end(),
                                         [](const syntax::Node& c) {
                                           return c.key == "extension" || c.key == "final" ||
                                                  c.key == "extends";
                                         }),
                          copy.children.end());
      mergeInto(result, std::move(copy), MergeMode::Extends);
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

// Collects one view's diagnostics so they can be reported in the serial order.
class CollectingSink : public DiagnosticSink {
 public:
  void report(Diagnostic d) override { diagnostics.push_back(std::move(d)); }
  std::vector<Diagnostic> diagnostics;
};

// Lowers views on up to `threads` threads (0: all cores): views are independent once
// `extends` is resolved, and lowering is the largest serial stage of a lint. Diagnostics reach
// `sink` in `todo` order, as a serial run would report them.
std::vector<View> lowerViewsInParallel(
    const std::vector<std::pair<const std::string*, const syntax::Node*>>& todo,
    const std::map<std::string, Constant>& constants, DiagnosticSink& sink, unsigned threads) {
  std::vector<View> out(todo.size());
  // Below a few hundred views a thread costs more than it saves.
  threads = threadCount(todo.size(), threads, 128);
  if (threads <= 1) {
    LowerContext ctx(constants, sink);
    for (size_t i = 0; i < todo.size(); ++i) out[i] = lowerView(*todo[i].second, ctx);
    return out;
  }
  std::vector<CollectingSink> sinks(todo.size());
  parallelFor(todo.size(), threads, [&](size_t i) {
    LowerContext ctx(constants, sinks[i]);
    out[i] = lowerView(*todo[i].second, ctx);
  });
  for (CollectingSink& s : sinks) {
    for (Diagnostic& d : s.diagnostics) sink.report(std::move(d));
  }
  return out;
}

}  // namespace

std::map<std::string, Constant> readConstants(const ProjectSources& project) {
  std::map<std::string, Constant> constants;
  for (const ProjectFile& file : project.files) {
    if (file.kind != FileKind::Manifest) continue;
    for (const syntax::Node& member : file.doc.members) {
      if (member.key != "constant" || !member.isBlock()) continue;
      Constant c;
      c.name = std::string(member.value.text);
      c.span = member.span;
      if (const syntax::Node* v = member.child("value")) {
        c.value = v->isSql() ? std::string(v->sql) : v->value.unescaped();
      }
      constants[c.name] = std::move(c);
    }
  }
  return constants;
}

namespace {

// A model up to its views: settings, access grants, tests and explores are lowered; the views
// are collected and refined, ready for `extends` and lowering.
struct ModelStart {
  Model model;
  Collected collected;
  std::map<std::string, size_t> explore_depths, view_depths;
  std::set<std::string> view_names;  // the views the explores reach (with `only_explore`)
};

void startModel(const ProjectSources& project, size_t model_index,
                const std::map<std::string, Constant>& constants, DiagnosticSink& sink,
                const std::string* only_explore, ModelStart& out) {
  const ProjectFile& model_file = project.files[model_index];
  Model& model = out.model;
  Collected& collected = out.collected;
  model.name = modelName(model_file.path);
  model.path = model_file.path;
  model.file = model_file.source ? model_file.source->id() : kNoFile;
  LowerContext ctx(constants, sink);

  IncludeResult includes = resolveIncludes(project, model_index, sink);
  model.imports_projects = includes.imports_projects;
  // Objects may come from an imported project lkml cannot read: unknown names are warnings.
  ImportAwareSink import_sink(sink, includes.imports_projects);
  std::string included_connection;
  Span included_connection_span;
  for (size_t index : includes.files) {
    const ProjectFile& file = project.files[index];
    if (!file.source) continue;
    model.files.push_back(file.source->id());
    for (const syntax::Node& member : file.doc.members) {
      collect(member, collected, sink);
      if (member.key == "access_grant" && member.isBlock() && member.value.present()) {
        AccessGrant grant = lowerAccessGrant(member, ctx);
        auto [it, inserted] = model.access_grants.emplace(grant.name, grant);
        if (!inserted) {
          reportDuplicate(sink, "access_grant", grant.name, grant.name_span, it->second.name_span);
        }
      }
      if (member.key == "test" && member.isBlock() && member.value.present()) {
        model.tests.push_back(lowerDataTest(member, ctx));
      }
      if (index != model_index) {
        // A `connection:` in an included file (a shared settings file, or an included model)
        // is the one Looker uses when the model file has none itself; the first one wins.
        if (member.key == "connection" && member.isPair() && included_connection.empty()) {
          included_connection = ctx.text(member);
          included_connection_span = member.span;
        }
        continue;
      }
      if (member.key == "connection") {
        model.connection = ctx.text(member);
        model.connection_span = member.span;
      } else if (member.key == "label") {
        model.label = ctx.text(member);
      } else if (member.key == "case_sensitive") {
        model.case_sensitive = ctx.yesNo(member, true);
      } else if (member.key == "week_start_day") {
        model.week_start_day = ctx.text(member);
      } else if (member.key == "fiscal_month_offset") {
        model.fiscal_month_offset = parseFiscalMonthOffset(ctx.text(member));
      }
    }
  }
  if (model.connection.empty() && !included_connection.empty()) {
    model.connection = included_connection;
    model.connection_span = included_connection_span;
  }
  applyRefinements(collected.views, collected.view_refinements, "view", import_sink);
  applyRefinements(collected.explores, collected.explore_refinements, "explore", import_sink);

  std::set<std::string> explore_names;
  if (only_explore) explore_names.insert(*only_explore);
  // Depths once per model (LKML245 reported here): the view resolution below may run once per
  // level of derived tables.
  out.explore_depths = extendsDepths(collected.explores);
  reportDeepExtends(collected.explores, out.explore_depths, "explore", import_sink);
  out.view_depths = extendsDepths(collected.views);
  reportDeepExtends(collected.views, out.view_depths, "view", import_sink);
  Resolved explores = resolveExtends(collected.explores, out.explore_depths, "explore", import_sink,
                                     only_explore ? &explore_names : nullptr);
  for (const std::string& name : collected.explore_order) {
    auto block = explores.blocks.find(name);
    if (block == explores.blocks.end()) continue;
    Explore explore = lowerExplore(*block->second, ctx);
    explore.span = collected.explores.at(name).span();
    out.view_names.insert(explore.view);
    for (const Join& join : explore.joins) out.view_names.insert(join.view);
    model.explores.push_back(std::move(explore));
  }
}

// The view as its model holds it: where it is defined is the definition's, whatever it extends.
void placeView(View& view, Span definition) {
  view.file = definition.file;
  view.span = definition;
}

}  // namespace

Model buildModel(const ProjectSources& project, size_t model_index,
                 const std::map<std::string, Constant>& constants, DiagnosticSink& sink,
                 const std::string* only_explore, unsigned threads) {
  registerSemanticCodes();
  ModelStart start;
  startModel(project, model_index, constants, sink, only_explore, start);
  Model& model = start.model;
  Collected& collected = start.collected;
  LowerContext ctx(constants, sink);
  ImportAwareSink import_sink(sink, model.imports_projects);
  auto lowerViews = [&](const std::set<std::string>* only) {
    Resolved views = resolveExtends(collected.views, start.view_depths, "view", import_sink, only);
    std::vector<std::pair<const std::string*, const syntax::Node*>> todo;
    for (const auto& [name, node] : views.blocks) {
      if (model.views.count(name) || (only && !only->count(name))) continue;
      todo.emplace_back(&name, node);
    }
    std::vector<View> lowered = lowerViewsInParallel(todo, constants, import_sink, threads);
    for (size_t i = 0; i < todo.size(); ++i) {
      placeView(lowered[i], collected.views.at(*todo[i].first).span());
      model.views.emplace(*todo[i].first, std::move(lowered[i]));
    }
  };
  if (!only_explore) {
    lowerViews(nullptr);
    return std::move(start.model);
  }
  // Views reached through `${other.SQL_TABLE_NAME}` (derived tables) are needed too, and the
  // explores (with their views) that native derived tables query.
  std::set<std::string> view_names = std::move(start.view_names);
  while (!view_names.empty()) {
    lowerViews(&view_names);
    std::set<std::string> more, source_explores;
    for (const std::string& name : view_names) {
      const View* view = model.findView(name);
      if (!view) continue;
      if (view->explore_source && !model.findExplore(view->explore_source->explore) &&
          collected.explores.count(view->explore_source->explore)) {
        source_explores.insert(view->explore_source->explore);
      }
      for (const SourceText* sql : {&view->sql_table_name, &view->derived_table_sql}) {
        for (const SqlReference& ref : findSqlReferences(sql->text)) {
          if (ref.kind == SqlReference::Kind::SqlTableName && !model.views.count(ref.view) &&
              collected.views.count(ref.view)) {
            more.insert(ref.view);
          }
        }
      }
    }
    if (!source_explores.empty()) {
      Resolved extra = resolveExtends(collected.explores, start.explore_depths, "explore",
                                      import_sink, &source_explores);
      for (const std::string& name : collected.explore_order) {
        auto block = extra.blocks.find(name);
        if (!source_explores.count(name) || block == extra.blocks.end()) continue;
        Explore explore = lowerExplore(*block->second, ctx);
        explore.span = collected.explores.at(name).span();
        if (!model.views.count(explore.view)) more.insert(explore.view);
        for (const Join& join : explore.joins) {
          if (!model.views.count(join.view)) more.insert(join.view);
        }
        model.explores.push_back(std::move(explore));
      }
    }
    view_names = std::move(more);
  }
  return std::move(start.model);
}

namespace {

// One model of buildModels on its way: its start, and its diagnostics until they are reported
// in model order.
struct ModelDraft {
  ModelStart start;
  CollectingSink diagnostics;
  Resolved keys;    // `extends` resolved to keys only (no blocks merged)
  Resolved blocks;  // the merged blocks of the views this model lowers for all
  std::vector<std::pair<const std::string*, size_t>> views;  // name -> lowering job
};

// A distinct view (one block key) lowered once for every model that includes it; the first
// model in file order that has it owns it and reports its diagnostics.
struct LoweringJob {
  size_t owner;
  const std::string* name;
  std::shared_ptr<const View> view;
  CollectingSink diagnostics;
};

}  // namespace

std::vector<Model> buildModels(const ProjectSources& project,
                               const std::map<std::string, Constant>& constants,
                               DiagnosticSink& sink, unsigned threads) {
  registerSemanticCodes();
  std::vector<size_t> model_files;
  for (size_t i = 0; i < project.files.size(); ++i) {
    if (project.files[i].kind == FileKind::Model) model_files.push_back(i);
  }
  std::vector<Model> models;
  models.reserve(model_files.size());
  std::map<BlockKey, std::shared_ptr<const View>> shared;  // every view lowered so far
  // Models are drafted a batch at a time (their merged blocks are held until the batch's views
  // are lowered): wide enough for the threads, small enough to bound memory. The output does
  // not depend on the batch size.
  const size_t batch = std::max<size_t>(4, threadCount(model_files.size(), threads));
  for (size_t first = 0; first < model_files.size(); first += batch) {
    const size_t n = std::min(batch, model_files.size() - first);
    std::vector<std::unique_ptr<ModelDraft>> drafts(n);
    parallelFor(n, threads, [&](size_t i) {
      auto draft = std::make_unique<ModelDraft>();
      startModel(project, model_files[first + i], constants, draft->diagnostics, nullptr,
                 draft->start);
      ImportAwareSink import_sink(draft->diagnostics, draft->start.model.imports_projects);
      draft->keys = resolveExtends(draft->start.collected.views, draft->start.view_depths, "view",
                                   import_sink, nullptr, /*build=*/false);
      drafts[i] = std::move(draft);
    });
    // Each distinct key once, in model order; the views seen in earlier batches are reused.
    std::vector<std::unique_ptr<LoweringJob>> jobs;
    std::map<const BlockKey*, size_t, bool (*)(const BlockKey*, const BlockKey*)> job_of(
        [](const BlockKey* a, const BlockKey* b) { return *a < *b; });
    std::vector<std::set<std::string>> wanted(n);
    for (size_t i = 0; i < n; ++i) {
      ModelDraft& draft = *drafts[i];
      for (auto& [name, key] : draft.keys.keys) {
        if (!draft.keys.blocks.count(name)) continue;
        if (draft.start.model.imports_projects) key.push_back(kKeyImports);
        if (shared.count(key)) {
          draft.views.emplace_back(&name, SIZE_MAX);
          continue;
        }
        auto [it, inserted] = job_of.emplace(&key, jobs.size());
        if (inserted) {
          auto job = std::make_unique<LoweringJob>();
          job->owner = i;
          job->name = &name;
          jobs.push_back(std::move(job));
          wanted[i].insert(name);
        }
        draft.views.emplace_back(&name, it->second);
      }
    }
    // The blocks of the views to lower, merged silently (the key pass reported the findings).
    parallelFor(n, threads, [&](size_t i) {
      if (wanted[i].empty()) return;
      CollectingSink ignored;
      ModelDraft& draft = *drafts[i];
      draft.blocks = resolveExtends(draft.start.collected.views, draft.start.view_depths, "view",
                                    ignored, draft.keys.cycles ? nullptr : &wanted[i]);
    });
    // Below a few hundred views a thread costs more than it saves.
    parallelFor(jobs.size(), threadCount(jobs.size(), threads, 128), [&](size_t j) {
      LoweringJob& job = *jobs[j];
      ModelDraft& draft = *drafts[job.owner];
      ImportAwareSink import_sink(job.diagnostics, draft.start.model.imports_projects);
      LowerContext ctx(constants, import_sink);
      View view = lowerView(*draft.blocks.blocks.at(*job.name), ctx);
      placeView(view, draft.start.collected.views.at(*job.name).span());
      job.view = std::make_shared<const View>(std::move(view));
    });
    for (size_t i = 0; i < n; ++i) {
      ModelDraft& draft = *drafts[i];
      for (Diagnostic& d : draft.diagnostics.diagnostics) sink.report(std::move(d));
      Model& model = draft.start.model;
      for (const auto& [name, j] : draft.views) {
        if (j == SIZE_MAX) {
          model.views.emplace(*name, shared.at(draft.keys.keys.at(*name)));
          continue;
        }
        LoweringJob& job = *jobs[j];
        if (job.owner == i) {
          for (Diagnostic& d : job.diagnostics.diagnostics) sink.report(std::move(d));
        }
        model.views.emplace(*name, job.view);
      }
    }
    for (auto& job : jobs) {
      const ModelDraft& owner = *drafts[job->owner];
      shared.emplace(owner.keys.keys.at(*job->name), job->view);
    }
    for (auto& draft : drafts) models.push_back(std::move(draft->start.model));
  }
  return models;
}

}  // namespace lkml::semantic
