// `extends` and refinements inside one model: the definitions a model collects, the depth of
// each `extends` chain (LKML245), and their resolution into merged blocks, with the key that
// says what each merged block was made of (model building shares a view between models by it).
// Internal to model building (model_start.cpp, model_builder.cpp).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "base/diagnostic.h"
#include "grammar/syntax_tree.h"
#include "semantic/node_merge.h"

namespace lkml::semantic {

std::vector<std::pair<std::string, Span>> extendsList(const syntax::Node& node);

// A view or explore definition. Most are never refined: they point at the parsed block. A
// refined one is copied and merged only when its block is needed (lowering it, or resolving
// `extends` through it): a model that includes every view would otherwise copy every refined
// view once per model. Not thread-safe: one thread at a time calls node() of a definition
// (resolveExtends builds different definitions on different threads).
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
  /// Frees the merged copy (node() merges again when asked): model building drops it once the
  /// views that needed it are lowered.
  void forgetMerged() { refined_.reset(); }
  /// Forgets what was merged or read from the blocks (they were replaced: model_patch.cpp).
  void invalidate() {
    refined_.reset();
    parents_.reset();
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

// What a resolved block was made of: the syntax nodes merged into it, in merge order, with
// markers around each parent's part. Two models that resolve a name to the same key build the
// same block (merging is a function of its inputs), so its lowered view can be shared.
using BlockKey = std::vector<const void*>;
inline const char kKeyMarkers[4] =
    {};  // distinct addresses: a parent's part, its end, own end, imports
inline const void* const kKeyOpen = &kKeyMarkers[0];
inline const void* const kKeyClose = &kKeyMarkers[1];
inline const void* const kKeyEnd = &kKeyMarkers[2];
inline const void* const kKeyImports = &kKeyMarkers[3];

// The result of resolving `extends`: each name's final block, pointing either at its
// definition or at a merged block owned here, and the key of each block. Without `build`,
// only the keys (and the diagnostics) are computed and `blocks` point at the definitions.
struct Resolved {
  Resolved() = default;
  Resolved(Resolved&&) = default;
  Resolved& operator=(Resolved&&) = default;
  Resolved(const Resolved&) = delete;
  Resolved& operator=(const Resolved&) = delete;
  /// Frees the merged blocks on the threads they were built on: for a model of thousands of
  /// views, freeing them is a good part of the time model building takes.
  ~Resolved();

  std::map<std::string, const syntax::Node*> blocks;
  std::map<std::string, syntax::Node> merged;
  std::map<std::string, BlockKey> keys;
  // A cycle was cut: blocks then depend on the order names are resolved in, so only a full
  // resolution (all names, in order) builds the blocks the keys describe.
  bool cycles = false;
  unsigned threads = 1;  // that resolveExtends was given
};

// Longest `extends` chain from each definition (1: it extends nothing known), computed with an
// explicit stack: the input decides the depth. An edge that closes a cycle is not followed (the
// cycle is reported while resolving).
std::map<std::string, size_t> extendsDepths(const Definitions& defs);

// LKML245 for each chain deeper than kMaxExtendsDepth, at its start (a definition nothing
// extends; in a long cycle, the deepest member). Following such a chain would copy every
// level's fields into every level below (quadratic), so the definitions too deep are left out.
void reportDeepExtends(const Definitions& defs, const std::map<std::string, size_t>& depth,
                       const char* what, DiagnosticSink& sink);

// Resolves `extends` of every definition (or of those in `only`): parents merged in list
// order, the child on top. Without `build`, only the keys and diagnostics are computed. When
// there is nothing to report (no cycle, unknown parent or chain too deep), the keys and blocks
// are built level by level of depth on up to `threads` threads (0: all cores), each
// definition's refinements merged by the thread that builds it; the result is the same.
Resolved resolveExtends(const Definitions& defs, const std::map<std::string, size_t>& depth,
                        const char* what, DiagnosticSink& sink,
                        const std::set<std::string>* only = nullptr, bool build = true,
                        unsigned threads = 1);

}  // namespace lkml::semantic
