#include "semantic/project.h"

#include <optional>
#include <utility>

#include "semantic/model_builder.h"

namespace lkml::semantic {

void compileModels(LoadedProject& loaded, DiagnosticSink& sink, unsigned threads,
                   const std::string* only_explore, SyntaxAfterModels syntax,
                   std::function<void()> readers_done) {
  Project& project = loaded.project;
  project.root = loaded.sources.root;
  project.sources = loaded.sources.sources;
  project.constants = readConstants(loaded.sources);
  if (!only_explore) {
    std::optional<SyntaxRelease> release;
    if (syntax == SyntaxAfterModels::TopLevel) {
      release.emplace(loaded.sources, std::move(readers_done));
    }
    project.models = buildModels(loaded.sources, project.constants, sink, threads,
                                 release ? &*release : nullptr);
    return;
  }
  for (size_t i = 0; i < loaded.sources.files.size(); ++i) {
    if (loaded.sources.files[i].kind != FileKind::Model) continue;
    project.models.push_back(
        buildModel(loaded.sources, i, project.constants, sink, only_explore, threads));
  }
}

std::unique_ptr<LoadedProject> loadAndCompile(const std::string& root, DiagnosticSink& sink,
                                              unsigned threads, std::shared_ptr<SourceMap> sources,
                                              const std::string* only_explore) {
  auto loaded = std::make_unique<LoadedProject>();
  if (sources) loaded->sources.sources = std::move(sources);
  if (!loadProject(root, &loaded->sources, sink, threads)) return nullptr;
  compileModels(*loaded, sink, threads, only_explore);
  return loaded;
}

}  // namespace lkml::semantic
