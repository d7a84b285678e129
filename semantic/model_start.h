// The first half of building a model: the files its includes select, its settings, access
// grants, tests and explores lowered, and its views collected and refined, ready for `extends`
// and lowering (model_builder.cpp). Internal to model building.
#pragma once

#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "semantic/extends_resolution.h"
#include "semantic/model.h"
#include "semantic/project_loader.h"
#include "semantic/semantic_diagnostics.h"

namespace lkml::semantic {

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

// Collects diagnostics so they can be reported later, in the order a serial run reports them.
class CollectingSink : public DiagnosticSink {
 public:
  void report(Diagnostic d) override { diagnostics.push_back(std::move(d)); }
  std::vector<Diagnostic> diagnostics;
};

// A model up to its views: settings, access grants, tests and explores are lowered; the views
// are collected and refined, ready for `extends` and lowering.
struct ModelStart {
  Model model;
  Collected collected;
  std::map<std::string, size_t> explore_depths, view_depths;
  std::set<std::string> view_names;  // the views the explores reach (with `only_explore`)
};

/// Starts the model of `project.files[model_index]`; with `only_explore`, lowers only that
/// explore and records the views it reaches in `out.view_names`. Runs on up to `threads`
/// threads (0: all cores); the result and the order of the findings do not depend on it.
void startModel(const ProjectSources& project, size_t model_index,
                const std::map<std::string, Constant>& constants, DiagnosticSink& sink,
                const std::string* only_explore, ModelStart& out, unsigned threads = 1);

/// Calls `work(i, part_sink)` for every i in [0, n) on up to `threads` threads, in a fixed
/// number of ordered parts: the findings reach `sink` in the order of a serial run, for any
/// number of threads.
void forEachInOrder(size_t n, unsigned threads, DiagnosticSink& sink,
                    const std::function<void(size_t, DiagnosticSink&)>& work);

}  // namespace lkml::semantic
