// Loads a LookML project directory: finds every file, reads and parses the LookML ones in
// parallel, and notes LookML dashboards (YAML, never parsed as LookML).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "base/source_file.h"
#include "grammar/syntax_tree.h"

namespace lkml::semantic {

enum class FileKind { Model, View, Explore, Manifest, Generic, Dashboard };

struct ProjectFile {
  std::string path;  // relative to the project root, '/'-separated, no leading slash
  FileKind kind = FileKind::Generic;
  const SourceFile* source = nullptr;  // null for dashboards
  syntax::Document doc;
};

struct ProjectSources {
  std::string root;  // as given by the user (used to print paths)
  std::shared_ptr<SourceMap> sources = std::make_shared<SourceMap>();
  std::vector<ProjectFile> files;  // sorted by path
  std::map<std::string, size_t> by_path;
  // Set before loadProject: texts that replace files on disk for this run (`lkml lint -`
  // reads one from standard input), keyed like `path`. A file not on disk is added.
  std::map<std::string, std::string> overlay;

  const ProjectFile* find(const std::string& path) const;
};

FileKind classifyFile(const std::string& path);

/// Reads every `*.lkml` (and notes `*.lookml`) below `root`. Files that resolve outside the
/// root through symlinks are reported (LKML217) and never read. Returns false when the root
/// itself cannot be read (the caller exits with status 2).
bool loadProject(const std::string& root, ProjectSources* project, DiagnosticSink& sink,
                 unsigned threads = 0);

}  // namespace lkml::semantic
