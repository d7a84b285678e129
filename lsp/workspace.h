// The projects of the editor's workspace and its open documents. Each workspace folder that
// holds a `*.model.lkml` or an lkml.json (or manifest.lkml) is a project; a folder of several
// projects (a monorepo) gives one per manifest, as `lkml lint DIR` does. A document outside
// every folder joins the project found above it, else it is only parsed.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "lsp/project_state.h"

namespace lkml::lsp {

struct OpenDocument {
  std::string path;  // absolute, normalised
  std::string text;
  int64_t version = 0;
};

class Workspace {
 public:
  /// Adds the projects of a workspace folder (absolute path).
  void addFolder(const std::string& folder);
  void removeFolder(const std::string& folder);

  /// The project `path` (absolute) belongs to, discovering one above the file when no folder
  /// holds it; null for a file in no project.
  ProjectState* projectFor(const std::string& path, bool discover = true);
  /// `path` relative to its project's root.
  static std::string relativePath(const ProjectState& project, const std::string& path);

  std::map<std::string, OpenDocument>& documents() { return documents_; }  // by path
  std::vector<std::unique_ptr<ProjectState>>& projects() { return projects_; }

 private:
  ProjectState* addProject(const std::string& root);

  std::vector<std::string> folders_;
  std::vector<std::unique_ptr<ProjectState>> projects_;
  std::map<std::string, OpenDocument> documents_;
};

/// `path` made absolute and lexically normal (no `.`/`..`, no trailing slash).
std::string normalisePath(const std::string& path);
/// The project roots inside `folder` (see the top of this file); empty when it has no LookML.
std::vector<std::string> projectRootsIn(const std::string& folder);

}  // namespace lkml::lsp
