// Compiles one model: collects the objects of the files it includes (in include order),
// applies refinements, resolves `extends` (with cycle detection) and lowers the result.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/diagnostic.h"
#include "semantic/model.h"
#include "semantic/project_loader.h"
#include "semantic/syntax_release.h"

namespace lkml::semantic {

/// The longest `extends` chain lkml follows (LKML245 beyond it). Real projects stay in single
/// digits; a longer chain is generated or hostile, and merging it costs time quadratic in its
/// length.
inline constexpr size_t kMaxExtendsDepth = 100;

/// With `only_explore` set, lowers just that explore and the views it can reach (a query
/// needs nothing else): `lkml sql` on a 1,000-view project skips 99% of the lowering.
/// Views are lowered on up to `threads` threads (0: all cores).
Model buildModel(const ProjectSources& project, size_t model_index,
                 const std::map<std::string, Constant>& constants, DiagnosticSink& sink,
                 const std::string* only_explore = nullptr, unsigned threads = 0);

/// Compiles every model of the project (its *.model.lkml files, in order), as buildModel
/// would one by one, but lowers each distinct view once: a view with the same definition,
/// refinements and `extends` inputs in several models is one shared, immutable View, and its
/// lowering diagnostics are reported once (with the first model that includes it). Models are
/// started and views lowered on up to `threads` threads (0: all cores); diagnostics arrive in
/// the order a serial run reports them.
/// With `release`, the nested syntax of each file is freed once the models no longer need it
/// (semantic/syntax_release.h): only for a caller that reads nothing below the top level
/// afterwards.
std::vector<Model> buildModels(const ProjectSources& project,
                               const std::map<std::string, Constant>& constants,
                               DiagnosticSink& sink, unsigned threads = 0,
                               SyntaxRelease* release = nullptr);

struct ModelStart;  // model_start.h

/// Views lowered by earlier builds, by what they were made of (the syntax nodes of the
/// definition, its refinements and its `extends` parents), with their lowering findings. The
/// language server keeps one between edits, so a rebuild lowers only the views whose nodes
/// changed.
class ViewCache {
 public:
  /// `hold_findings`: buildModels leaves each view's lowering findings here (findingsOf)
  /// instead of reporting them, so a caller that replaces single views keeps them exact.
  explicit ViewCache(bool hold_findings = false);
  ~ViewCache();
  /// Forgets every view made with a node of one of `files`: their texts were replaced, so the
  /// nodes are freed (and their addresses may be reused).
  void forgetFiles(const std::set<FileId>& files);
  void clear();
  size_t size() const { return entries_.size(); }
  bool holdsFindings() const { return hold_; }
  /// Keeps `view`, lowered from the blocks `key` names, with its lowering findings.
  void add(std::vector<const void*> key, std::shared_ptr<const View> view,
           std::vector<Diagnostic> diagnostics);
  /// The view lowered from the blocks `key` names, or null.
  std::shared_ptr<const View> find(const std::vector<const void*>& key) const {
    auto it = entries_.find(key);
    return it == entries_.end() ? nullptr : it->second.view;
  }
  /// The lowering findings of a view this cache holds, or null.
  const std::vector<Diagnostic>* findingsOf(const View& view) const;

 private:
  friend std::vector<Model> buildModels(const ProjectSources&, const std::vector<size_t>&,
                                        const std::map<std::string, Constant>&, DiagnosticSink&,
                                        unsigned, ViewCache&,
                                        std::vector<std::unique_ptr<ModelStart>>*, SyntaxRelease*);
  struct Entry {
    std::shared_ptr<const View> view;
    std::vector<Diagnostic> diagnostics;
  };
  using Entries = std::map<std::vector<const void*>, Entry>;
  Entries::iterator insert(std::vector<const void*> key, Entry entry);

  bool hold_ = false;
  Entries entries_;
  std::unordered_map<const View*, const Entry*> by_view_;
};

/// buildModels for the models of `model_files` only (indexes into project.files, in order),
/// reusing the views of `cache` and adding those it lowers. A view from an earlier call
/// reports its lowering findings again in the first of these models that has it. `starts`,
/// when given, receives each model's start (its collected definitions), for patching a model
/// after an edit (model_patch.h).
std::vector<Model> buildModels(const ProjectSources& project,
                               const std::vector<size_t>& model_files,
                               const std::map<std::string, Constant>& constants,
                               DiagnosticSink& sink, unsigned threads, ViewCache& cache,
                               std::vector<std::unique_ptr<ModelStart>>* starts = nullptr,
                               SyntaxRelease* release = nullptr);

/// `constant:` blocks of manifest.lkml.
std::map<std::string, Constant> readConstants(const ProjectSources& project);

}  // namespace lkml::semantic
