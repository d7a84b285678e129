// Entry point of semantic/: load a project directory and compile every model in it.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "base/diagnostic.h"
#include "semantic/model.h"
#include "semantic/project_loader.h"

namespace lkml::semantic {

struct LoadedProject {
  ProjectSources sources;  // files and syntax trees (the model's spans point into them)
  Project project;         // one compiled Model per *.model.lkml
};

/// What a caller reads of the syntax trees after compileModels.
enum class SyntaxAfterModels {
  Keep,      // all of it (the language server, `lkml sql`, baselines)
  TopLevel,  // only the top-level members and the comments: the rest is freed while the
             // models are built (a one-shot lint, whose syntax-level checks already ran)
};

/// Compiles every model of a loaded project (`loaded.sources` read by loadProject). With
/// SyntaxAfterModels::TopLevel, `readers_done` (when given) is called before anything is freed:
/// it waits for what reads the trees beside the model building.
void compileModels(LoadedProject& loaded, DiagnosticSink& sink, unsigned threads = 0,
                   const std::string* only_explore = nullptr,
                   SyntaxAfterModels syntax = SyntaxAfterModels::Keep,
                   std::function<void()> readers_done = nullptr);

/// Null when the directory cannot be read (reported to `sink`; exit status 2). Files are
/// added to `sources` when given (one map for several projects), else to a new map.
std::unique_ptr<LoadedProject> loadAndCompile(const std::string& root, DiagnosticSink& sink,
                                              unsigned threads = 0,
                                              std::shared_ptr<SourceMap> sources = nullptr,
                                              const std::string* only_explore = nullptr);

}  // namespace lkml::semantic
