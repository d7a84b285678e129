#include "semantic/include_resolver.h"

#include <algorithm>
#include <map>
#include <set>

#include "base/parallel_for.h"
#include "base/suggest.h"
#include "semantic/semantic_diagnostics.h"

namespace lkml::semantic {

namespace {

std::vector<std::string> splitPath(const std::string& path) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string::npos) slash = path.size();
    if (slash > start) parts.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return parts;
}

// `*` matches any run of characters inside one segment. Greedy with one backtracking point,
// so time stays O(|p| * |s|) however many `*` a pattern has (no recursion, no exponential blowup).
bool segmentMatch(const char* p, const char* s) {
  const char* star = nullptr;   // pattern position after the last `*` seen
  const char* retry = nullptr;  // where that `*`'s match would grow by one character
  while (*s) {
    if (*p == '*') {
      while (*p == '*') ++p;
      star = p;
      retry = s;
    } else if (*p && *p == *s) {
      ++p;
      ++s;
    } else if (star) {
      p = star;
      s = ++retry;
    } else {
      return false;
    }
  }
  while (*p == '*') ++p;
  return *p == 0;
}

// Folders by folder, as a table of which path prefixes the pattern's prefix matches: O(|pat| *
// |path|) without recursion, however many `**` the pattern has.
bool matchParts(const std::vector<std::string>& pat, const std::vector<std::string>& path) {
  std::vector<char> reach(path.size() + 1, 0);  // reach[j]: pat[0, i) matches path[0, j)
  reach[0] = 1;
  for (const std::string& part : pat) {
    std::vector<char> next(path.size() + 1, 0);
    if (part == "**") {
      // `**` matches any number of folders, including none.
      char any = 0;
      for (size_t j = 0; j <= path.size(); ++j) next[j] = any = any || reach[j];
    } else {
      for (size_t j = 0; j < path.size(); ++j) {
        if (reach[j] && segmentMatch(part.c_str(), path[j].c_str())) next[j + 1] = 1;
      }
    }
    reach = std::move(next);
  }
  return reach[path.size()];
}

bool endsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Expands the documented short forms: `x.view` -> `x.view.lkml`, `x.dashboard` ->
// `x.dashboard.lookml`.
std::string expandSuffix(const std::string& pattern) {
  for (const char* kind : {".view", ".model", ".explore"}) {
    if (endsWith(pattern, kind)) return pattern + ".lkml";
  }
  if (endsWith(pattern, ".dashboard")) return pattern + ".lookml";
  return pattern;
}

// Joins and normalises `..`/`.`; returns false when the path climbs above the root.
bool normalise(const std::vector<std::string>& parts, std::string* out) {
  std::vector<std::string> stack;
  for (const auto& part : parts) {
    if (part == ".") continue;
    if (part == "..") {
      if (stack.empty()) return false;
      stack.pop_back();
      continue;
    }
    stack.push_back(part);
  }
  out->clear();
  for (size_t i = 0; i < stack.size(); ++i) {
    if (i) *out += '/';
    *out += stack[i];
  }
  return true;
}

std::string directoryOf(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? "" : path.substr(0, slash);
}

// The files a pattern with `*` matches, in project order. Every file is matched on its own, on
// up to `threads` threads: a model of thousands of files matches each pattern against all.
std::vector<size_t> globFiles(const ProjectSources& project, const std::string& pattern,
                              unsigned threads) {
  const std::vector<std::string> pattern_parts = splitPath(pattern);
  const size_t n = project.files.size();
  std::vector<char> hit(n, 0);
  constexpr size_t kChunk = 256;  // files per item: matching one file is a microsecond
  const size_t chunks = (n + kChunk - 1) / kChunk;
  parallelFor(chunks, threadCount(chunks, threads), [&](size_t c) {
    for (size_t i = c * kChunk; i < std::min(n, (c + 1) * kChunk); ++i) {
      hit[i] = matchParts(pattern_parts, splitPath(project.files[i].path));
    }
  });
  std::vector<size_t> found;
  for (size_t i = 0; i < n; ++i) {
    if (hit[i]) found.push_back(i);
  }
  return found;
}

std::vector<size_t> filesMatching(const ProjectSources& project, const std::string& pattern) {
  std::vector<size_t> found;
  if (pattern.find('*') == std::string::npos) {
    for (const std::string& path : {pattern, pattern + ".lkml"}) {
      if (const ProjectFile* f = project.find(path)) {
        found.push_back(static_cast<size_t>(f - project.files.data()));
        break;
      }
    }
    return found;
  }
  return globFiles(project, pattern, 1);
}

// The include, corrected folder by folder: each folder the pattern names that does not exist
// becomes the closest existing one at that level (`/view/*.view` -> `/views/*.view`).
std::vector<std::string> correctFolders(const ProjectSources& project,
                                        std::vector<std::string> parts) {
  for (size_t i = 0; i + 1 < parts.size(); ++i) {
    if (parts[i].find('*') != std::string::npos) break;  // a glob folder: nothing to correct
    std::set<std::string> folders;
    for (const ProjectFile& file : project.files) {
      std::vector<std::string> path = splitPath(file.path);
      if (path.size() <= i + 1 || !std::equal(parts.begin(), parts.begin() + i, path.begin())) {
        continue;
      }
      folders.insert(path[i]);
    }
    if (folders.count(parts[i])) continue;
    std::string near = closestMatch(parts[i], {folders.begin(), folders.end()});
    if (near.empty()) break;
    parts[i] = near;
  }
  return parts;
}

}  // namespace

namespace {

// The corrected form of the normalised pattern `pattern`, or "" when nothing close matches.
std::string correctPattern(const ProjectSources& project, const std::string& pattern,
                           std::vector<size_t>* files) {
  std::vector<std::string> parts = correctFolders(project, splitPath(pattern));
  std::string fixed;
  normalise(parts, &fixed);
  *files = filesMatching(project, fixed);
  if (files->empty() && fixed.find('*') == std::string::npos) {
    // A file name typo: the closest path of the project.
    std::vector<std::string> paths;
    for (const ProjectFile& file : project.files) {
      if (file.kind != FileKind::Model && file.kind != FileKind::Manifest) {
        paths.push_back(file.path);
      }
    }
    std::string near = closestMatch(fixed, paths);
    if (!near.empty()) {
      fixed = near;
      *files = filesMatching(project, fixed);
    }
  }
  return files->empty() ? std::string() : fixed;
}

}  // namespace

IncludeSuggestion suggestInclude(const ProjectSources& project, const std::string& including_path,
                                 const std::string& raw) {
  IncludeSuggestion result;
  bool rooted = raw.rfind('/', 0) == 0;
  std::string joined = rooted ? raw.substr(1) : directoryOf(including_path) + "/" + raw;
  std::string pattern;
  if (!normalise(splitPath(expandSuffix(joined)), &pattern)) return result;
  std::vector<size_t> files;
  std::string fixed = correctPattern(project, pattern, &files);
  // `include: "views/*.view"` in `models/` meant the root's `views/`: a missing leading '/'.
  std::string from_root;
  if (fixed.empty() && !rooted && normalise(splitPath(expandSuffix(raw)), &from_root)) {
    fixed = correctPattern(project, from_root, &files);
  }
  if (fixed.empty()) return result;
  // Written as the user wrote it: from the root, keeping the short suffix (`.view`).
  bool short_suffix = !endsWith(raw, ".lkml") && endsWith(fixed, ".lkml");
  if (short_suffix && expandSuffix(fixed.substr(0, fixed.size() - 5)) == fixed) {
    fixed.resize(fixed.size() - 5);
  }
  result.include = "/" + fixed;
  result.files = std::move(files);
  return result;
}

std::vector<size_t> filesMatchingInclude(const ProjectSources& project,
                                         const std::string& including_path,
                                         const std::string& raw) {
  if (raw.empty() || raw.rfind("//", 0) == 0) return {};
  bool rooted = raw.rfind('/', 0) == 0;
  std::string joined = rooted ? raw.substr(1) : directoryOf(including_path) + "/" + raw;
  std::string pattern;
  if (!normalise(splitPath(expandSuffix(joined)), &pattern)) return {};
  return filesMatching(project, pattern);
}

bool globMatch(const std::string& pattern, const std::string& path) {
  return matchParts(splitPath(pattern), splitPath(path));
}

IncludeResult resolveIncludes(const ProjectSources& project, size_t model_index,
                              DiagnosticSink& sink, unsigned threads) {
  IncludeResult result;
  // A flag per file, not a std::set: every file that includes `/views/*.view` walks all the
  // views again, which makes this test run (files x views) times.
  std::vector<char> seen(project.files.size(), 0);
  struct Matches {
    std::vector<size_t> files;
    // Followed to the end once: every file of it is then seen, so following it again (the
    // next of the thousand explore files that include `/views/*.view`) would do nothing.
    bool followed = false;
  };
  std::map<std::string, Matches> match_cache;
  const std::string& model_path = project.files[model_index].path;

  // Depth-first in include order, with an explicit stack: a chain of files each including the
  // next is as deep as the project is large. `seen` makes every file count once (no cycles).
  struct Frame {
    explicit Frame(size_t index) : file(index) {}
    size_t file;
    size_t next_member = 0;
    Matches* matches = nullptr;  // of the include being followed
    size_t next_match = 0;
    Span span;  // of that include
  };
  std::vector<Frame> stack;
  auto visit = [&](size_t root) {
    stack.emplace_back(root);
    while (!stack.empty()) {
      Frame& top = stack.back();
      if (top.matches && top.next_match == top.matches->files.size()) {
        top.matches->followed = true;
        top.matches = nullptr;
      }
      if (top.matches) {
        size_t match = top.matches->files[top.next_match++];
        const ProjectFile& target = project.files[match];
        if (target.kind == FileKind::Model && match != model_index && !seen[match]) {
          Diagnostic d = makeSemDiagnostic(
              SemCode::model_included, top.span,
              "model file `" + target.path + "` is included by `" + model_path +
                  "`; Looker documents that models are not included, lkml merges its "
                  "views, explores and grants");
          d.help = "move the shared parts into a generic .lkml file and include that";
          sink.report(std::move(d));
        }
        if (target.kind == FileKind::Manifest) continue;
        if (!seen[match]) {
          seen[match] = 1;
          result.files.push_back(match);
          if (target.kind != FileKind::Dashboard) stack.emplace_back(match);  // `top` dangles
        }
        continue;
      }
      const ProjectFile& file = project.files[top.file];
      if (top.next_member >= file.doc.members.size()) {
        stack.pop_back();
        continue;
      }
      const syntax::Node& member = file.doc.members[top.next_member++];
      if (member.key != "include" || !member.isPair()) continue;
      std::string raw = member.value.unescaped();
      Span span = member.value.span;
      if (raw.rfind("//", 0) == 0) {
        result.imports_projects = true;
        Diagnostic d = makeSemDiagnostic(SemCode::include_no_match, span,
                                         "include `" + raw +
                                             "` names another project; lkml cannot check "
                                             "imported projects, so it is skipped");
        d.help = "lint the imported project on its own";
        sink.report(std::move(d));
        continue;
      }
      std::string joined =
          raw.rfind('/', 0) == 0 ? raw.substr(1) : directoryOf(file.path) + "/" + raw;
      std::string pattern;
      if (!normalise(splitPath(expandSuffix(joined)), &pattern)) {
        Diagnostic d = makeSemDiagnostic(SemCode::include_escapes_root, span,
                                         "include `" + raw + "` points outside the project root");
        d.label = "climbs above the project root";
        d.help = "includes may only name files inside the project; start it with '/' for the root";
        sink.report(std::move(d));
        continue;
      }
      // Many files include the same pattern (`/views/*.view.lkml`): match each one once.
      auto cached = match_cache.find(pattern);
      if (cached == match_cache.end()) {
        std::vector<size_t> found;
        if (pattern.find('*') == std::string::npos) {
          // `include: "/views/users"` is accepted for `users.lkml` by Looker too.
          const ProjectFile* f = project.find(pattern);
          if (!f && !endsWith(pattern, ".lkml") && !endsWith(pattern, ".lookml")) {
            f = project.find(pattern + ".lkml");
          }
          if (f) found.push_back(static_cast<size_t>(f - project.files.data()));
        } else {
          found = globFiles(project, pattern, threads);
        }
        cached = match_cache.emplace(pattern, Matches{std::move(found), false}).first;
      }
      Matches* matches = &cached->second;
      if (matches->files.empty()) {
        Diagnostic d = makeSemDiagnostic(SemCode::include_no_match, span,
                                         "include `" + raw + "` does not match any file");
        d.label = "no file matches";
        IncludeSuggestion fix = suggestInclude(project, file.path, raw);
        if (!fix.include.empty()) {
          d.help = "did you mean `" + fix.include + "`?";
        } else {
          d.help =
              "check the path: patterns start at the project root when they begin with '/', "
              "else at the folder of `" +
              file.path + "`";
        }
        sink.report(std::move(d));
        continue;
      }
      if (matches->followed) continue;
      top.matches = matches;  // std::map: stays valid while patterns are added
      top.next_match = 0;
      top.span = span;
    }
  };
  seen[model_index] = 1;
  result.files.push_back(model_index);
  visit(model_index);
  return result;
}

}  // namespace lkml::semantic
