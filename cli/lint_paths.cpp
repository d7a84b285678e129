#include "cli/lint_paths.h"

#include <cstdio>
#include <filesystem>
#include <map>

namespace lkml::cli {

namespace fs = std::filesystem;

namespace {

bool endsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Stops at the first match; skips .git and node_modules, which never hold a project's LookML.
bool anyFileUnder(const fs::path& dir, bool (*wanted)(const std::string&)) {
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (it->is_directory(ec) && (name == ".git" || name == "node_modules")) {
      it.disable_recursion_pending();
      continue;
    }
    if (wanted(name)) return true;
  }
  return false;
}

bool isModelName(const std::string& name) { return endsWith(name, ".model.lkml"); }

std::string gitTopLevel(const fs::path& dir) {
  std::string command = "git -C '" + dir.string() + "' rev-parse --show-toplevel 2>/dev/null";
  if (dir.string().find('\'') != std::string::npos) return "";
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return "";
  char buffer[4096];
  std::string out;
  while (fgets(buffer, sizeof buffer, pipe)) out += buffer;
  if (pclose(pipe) != 0) return "";
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  return out;
}

// Paths print relative to the working directory when they can (`views/a.view.lkml`, not
// `/home/.../views/a.view.lkml`), as the user typed them.
std::string printable(const fs::path& dir) {
  std::error_code ec;
  fs::path relative = fs::proximate(dir, ec);
  if (ec || relative.empty() || relative.string().rfind("..", 0) == 0) return dir.string();
  return relative.string();
}

}  // namespace

bool isLookmlName(const std::string& path) {
  return endsWith(path, ".lkml") || endsWith(path, ".lookml");
}

std::string projectRootOf(const std::string& file) {
  std::error_code ec;
  fs::path absolute = fs::absolute(file, ec);
  if (ec) return "";
  fs::path start = absolute.parent_path();
  for (fs::path dir = start;; dir = dir.parent_path()) {
    if (fs::exists(dir / "manifest.lkml", ec) || fs::exists(dir / "lkml.json", ec)) {
      return printable(dir);
    }
    if (dir == dir.root_path() || dir.parent_path() == dir) break;
  }
  std::string top = gitTopLevel(start);
  if (!top.empty() && anyFileUnder(top, isModelName)) return printable(top);
  // The nearest folder with a model under it, searched only from the file's folder up to the
  // working directory: climbing further would scan unrelated trees (/tmp, /home, /).
  fs::path cwd = fs::current_path(ec);
  for (fs::path dir = start;; dir = dir.parent_path()) {
    if (anyFileUnder(dir, isModelName)) return printable(dir);
    auto rel = dir.lexically_relative(cwd);
    bool inside_cwd = !rel.empty() && rel.native().rfind("..", 0) != 0;
    if (!inside_cwd || dir == cwd || dir.parent_path() == dir) break;
  }
  return "";
}

LintTargets classifyLintPaths(const std::vector<std::string>& paths) {
  LintTargets targets;
  std::map<std::string, std::string> roots_by_folder;
  for (const std::string& path : paths) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      if (!anyFileUnder(path, [](const std::string& name) { return isLookmlName(name); })) {
        targets.usage_error = "no LookML files found under `" + path +
                              "` (looked for *.lkml and *.lookml in every subfolder)";
        return targets;
      }
      targets.directories.push_back(path);
    } else if (fs::exists(path, ec)) {
      if (!isLookmlName(path)) {
        targets.usage_error = "`" + path +
                              "` is not a LookML file (expected a name ending in .lkml); pass "
                              "LookML files or a project directory";
        return targets;
      }
      // One lookup per folder: a pre-commit run passes many files of few folders, and each
      // lookup may start git and walk the tree.
      std::string folder = fs::absolute(path, ec).parent_path().string();
      auto known = roots_by_folder.find(folder);
      if (known == roots_by_folder.end()) {
        known = roots_by_folder.emplace(folder, projectRootOf(path)).first;
      }
      const std::string& root = known->second;
      if (root.empty()) {
        targets.loose_files.push_back(path);
      } else {
        targets.files_by_project[root].push_back(path);
      }
    } else {
      targets.missing.push_back(path);
    }
  }
  return targets;
}

}  // namespace lkml::cli
