#include "lsp/workspace.h"

#include <algorithm>
#include <filesystem>

namespace lkml::lsp {

namespace fs = std::filesystem;

namespace {

bool endsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool marksProject(const fs::path& dir) {
  std::error_code ec;
  return fs::exists(dir / "manifest.lkml", ec) || fs::exists(dir / "lkml.json", ec);
}

bool hasModelFile(const fs::path& dir) {
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (endsWith(it->path().filename().string(), ".model.lkml")) return true;
  }
  return false;
}

bool isUnder(const std::string& root, const std::string& path) {
  return path.size() > root.size() && path.compare(0, root.size(), root) == 0 &&
         (root.back() == '/' || path[root.size()] == '/');
}

}  // namespace

std::string normalisePath(const std::string& path) {
  std::error_code ec;
  std::string out = fs::absolute(fs::path(path), ec).lexically_normal().string();
  if (out.size() > 1 && out.back() == '/') out.pop_back();
  return out;
}

std::vector<std::string> projectRootsIn(const std::string& folder) {
  fs::path dir(folder);
  if (marksProject(dir)) return {folder};
  std::vector<std::string> roots;
  bool has_model = false;
  std::error_code ec;
  // Bounded: a workspace opened on a home directory must not walk forever.
  size_t budget = 200000;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  for (fs::recursive_directory_iterator end; !ec && it != end && budget > 0;
       it.increment(ec), --budget) {
    std::string name = it->path().filename().string();
    if (it->is_directory(ec)) {
      if (!name.empty() && name[0] == '.') it.disable_recursion_pending();
      continue;
    }
    if (name == "manifest.lkml" || name == "lkml.json") {
      std::string root = it->path().parent_path().string();
      if (std::find(roots.begin(), roots.end(), root) == roots.end()) roots.push_back(root);
    }
    if (endsWith(name, ".model.lkml")) has_model = true;
  }
  if (roots.size() > 1 || (roots.size() == 1 && !has_model)) {
    std::sort(roots.begin(), roots.end());
    return roots;
  }
  if (has_model) return {folder};
  return {};
}

ProjectState* Workspace::addProject(const std::string& root) {
  for (auto& project : projects_) {
    if (project->root() == root) return project.get();
  }
  projects_.push_back(std::make_unique<ProjectState>(root));
  ProjectState* project = projects_.back().get();
  // The editor's texts of documents already open in it.
  for (const auto& [path, doc] : documents_) {
    if (isUnder(root, path)) project->setText(relativePath(*project, path), doc.text);
  }
  return project;
}

void Workspace::addFolder(const std::string& folder) {
  std::string dir = normalisePath(folder);
  if (std::find(folders_.begin(), folders_.end(), dir) != folders_.end()) return;
  folders_.push_back(dir);
  for (const std::string& root : projectRootsIn(dir)) addProject(normalisePath(root));
}

void Workspace::removeFolder(const std::string& folder) {
  std::string dir = normalisePath(folder);
  folders_.erase(std::remove(folders_.begin(), folders_.end(), dir), folders_.end());
  projects_.erase(std::remove_if(projects_.begin(), projects_.end(),
                                 [&](const std::unique_ptr<ProjectState>& p) {
                                   return p->root() == dir || isUnder(dir, p->root());
                                 }),
                  projects_.end());
}

ProjectState* Workspace::projectFor(const std::string& path, bool discover) {
  ProjectState* best = nullptr;
  for (auto& project : projects_) {
    if (isUnder(project->root(), path) && (!best || project->root().size() > best->root().size())) {
      best = project.get();
    }
  }
  if (best || !discover) return best;
  // Up from the file: the nearest folder with manifest.lkml, lkml.json or a model file.
  fs::path dir = fs::path(path).parent_path();
  for (int depth = 0; depth < 64 && !dir.empty(); ++depth) {
    if (marksProject(dir) || hasModelFile(dir)) return addProject(normalisePath(dir.string()));
    if (dir == dir.root_path()) break;
    dir = dir.parent_path();
  }
  return nullptr;
}

std::string Workspace::relativePath(const ProjectState& project, const std::string& path) {
  return fs::path(path).lexically_relative(project.root()).generic_string();
}

}  // namespace lkml::lsp
