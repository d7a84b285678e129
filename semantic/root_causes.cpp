#include "semantic/root_causes.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <tuple>

#include "semantic/include_resolver.h"
#include "semantic/semantic_diagnostics.h"

namespace lkml::semantic {

namespace {

using SpanKey = std::tuple<FileId, uint32_t, uint32_t>;

SpanKey keyOf(Span span) { return {span.file, span.begin, span.end}; }

// Codes that report a view the model does not know.
bool isUnknownViewCode(int code) {
  return code == 204 || code == 205 || code == 206 || code == 221 || code == 228;
}

// Names of the objects (`view: name`, `explore: name`, refinements without their `+`) a file
// defines at its top level.
void collectNames(const ProjectFile& file, std::set<std::string>* names) {
  for (const syntax::Node& member : file.doc.members) {
    if (!member.isBlock() || !member.value.present()) continue;
    std::string name(member.value.text);
    if (!name.empty() && name.front() == '+') name.erase(0, 1);
    if (!name.empty()) names->insert(name);
  }
}

// The name in a message as a view reference: `name`, `name.field`, ${name.field}.
bool messageNames(const std::string& message, const std::string& name) {
  return message.find("`" + name + "`") != std::string::npos ||
         message.find("`" + name + ".") != std::string::npos ||
         message.find("{" + name + ".") != std::string::npos;
}

struct BrokenInclude {
  size_t diagnostic;
  std::set<FileId> model_files;  // of the models that include the file holding the include
  std::set<std::string> provides;
  const Model* model = nullptr;  // the first such model, for "is the view known there"
  std::vector<const Model*> models;
};

// For every LKML216 "does not match any file": the views it would have provided. With a
// suggestion (`/views/*.view` for `/view/*.view`) those of the files the suggestion matches;
// without one, those of every project file none of its models includes.
std::vector<BrokenInclude> brokenIncludes(const std::vector<Diagnostic>& diagnostics,
                                          const ProjectSources& sources, const Project& project) {
  std::map<FileId, size_t> file_of;
  for (size_t i = 0; i < sources.files.size(); ++i) {
    if (sources.files[i].source) file_of[sources.files[i].source->id()] = i;
  }
  std::vector<BrokenInclude> out;
  for (size_t i = 0; i < diagnostics.size(); ++i) {
    const Diagnostic& d = diagnostics[i];
    if (d.code != static_cast<int>(SemCode::include_no_match) || !d.span.valid() ||
        d.message.find("does not match any file") == std::string::npos) {
      continue;
    }
    auto file = file_of.find(d.span.file);
    if (file == file_of.end()) continue;
    const ProjectFile& holder = sources.files[file->second];
    std::string raw;
    for (const syntax::Node& member : holder.doc.members) {
      if (member.key == "include" && member.isPair() && member.value.span.begin == d.span.begin &&
          member.value.span.end == d.span.end) {
        raw = member.value.unescaped();
      }
    }
    if (raw.empty()) continue;
    BrokenInclude broken;
    broken.diagnostic = i;
    for (const Model& model : project.models) {
      if (std::find(model.files.begin(), model.files.end(), d.span.file) == model.files.end()) {
        continue;
      }
      broken.models.push_back(&model);
      broken.model_files.insert(model.files.begin(), model.files.end());
    }
    if (broken.models.empty()) continue;
    IncludeSuggestion fix = suggestInclude(sources, holder.path, raw);
    if (!fix.files.empty()) {
      for (size_t f : fix.files) collectNames(sources.files[f], &broken.provides);
    } else {
      for (const ProjectFile& f : sources.files) {
        if (f.source && f.kind != FileKind::Model && !broken.model_files.count(f.source->id())) {
          collectNames(f, &broken.provides);
        }
      }
    }
    out.push_back(std::move(broken));
  }
  return out;
}

// The broken include an unknown-view finding follows from, or npos.
size_t includeCause(const Diagnostic& d, const std::vector<BrokenInclude>& broken) {
  if (!isUnknownViewCode(d.code) || !d.span.valid()) return std::string::npos;
  for (const BrokenInclude& b : broken) {
    if (!b.model_files.count(d.span.file)) continue;
    for (const std::string& name : b.provides) {
      if (!messageNames(d.message, name)) continue;
      bool known_everywhere = std::all_of(b.models.begin(), b.models.end(), [&](const Model* m) {
        return m->findView(name) != nullptr;
      });
      if (!known_everywhere) return b.diagnostic;
    }
  }
  return std::string::npos;
}

// An unclosed block (LKML102) whose note names the block likely missing its '}': the
// parameters after it were read into that block, so "unknown parameter" there (LKML201, a
// `dimension:` inside a dimension) is its cascade.
size_t syntaxCause(const Diagnostic& d, const std::vector<Diagnostic>& all,
                   const std::vector<size_t>& unclosed) {
  if (d.code != static_cast<int>(SemCode::unknown_parameter) || !d.span.valid()) {
    return std::string::npos;
  }
  for (size_t i : unclosed) {
    Span suspect = all[i].notes[0].span;
    if (suspect.file == d.span.file && suspect.begin < d.span.begin) return i;
  }
  return std::string::npos;
}

// The LKML102 findings whose first note names the block likely missing its '}'.
std::vector<size_t> unclosedWithSuspect(const std::vector<Diagnostic>& all) {
  std::vector<size_t> out;
  for (size_t i = 0; i < all.size(); ++i) {
    if (all[i].code == static_cast<int>(DiagCode::unclosed_block) && !all[i].notes.empty() &&
        all[i].notes[0].message.rfind("this block may be missing its", 0) == 0) {
      out.push_back(i);
    }
  }
  return out;
}

}  // namespace

void groupRootCauses(std::vector<Diagnostic>* diagnostics, const ProjectSources& sources,
                     const Project* project) {
  std::vector<Diagnostic>& all = *diagnostics;
  const size_t npos = std::string::npos;
  std::vector<size_t> parent(all.size(), npos);
  std::map<SpanKey, size_t> at;
  for (size_t i = 0; i < all.size(); ++i) {
    if (all[i].span.valid()) at.emplace(keyOf(all[i].span), i);
  }
  for (size_t i = 0; i < all.size(); ++i) {
    if (!all[i].cause.valid()) continue;
    auto root = at.find(keyOf(all[i].cause));
    if (root != at.end() && root->second != i) parent[i] = root->second;
  }
  std::vector<BrokenInclude> broken;
  if (project) broken = brokenIncludes(all, sources, *project);
  std::vector<size_t> unclosed = unclosedWithSuspect(all);
  for (size_t i = 0; i < all.size(); ++i) {
    if (parent[i] != npos) continue;
    size_t root = includeCause(all[i], broken);
    if (root == npos) root = syntaxCause(all[i], all, unclosed);
    if (root != npos && root != i) parent[i] = root;
  }
  // Follow chains to their top (a cause of a cause); a loop, which no check should make, is cut
  // by the step limit.
  auto top = [&](size_t i) {
    for (size_t steps = 0; parent[i] != npos && steps < all.size(); ++steps) i = parent[i];
    return i;
  };
  std::vector<size_t> root_of(all.size(), npos);
  for (size_t i = 0; i < all.size(); ++i) {
    if (parent[i] == npos) continue;
    size_t r = top(i);
    if (r != i) root_of[i] = r;
  }
  // The followers in path order: file numbers follow the paths in one run, but not in the
  // language server after edits (an edited file gets a new number), and its notes must read
  // as the command line's.
  auto pathOf = [&](const Diagnostic& d) -> std::string {
    if (!d.span.valid()) return d.path;
    const SourceFile* file = sources.sources ? sources.sources->find(d.span.file) : nullptr;
    return file ? file->path() : d.path;
  };
  std::vector<size_t> followers;
  for (size_t i = 0; i < all.size(); ++i) {
    if (root_of[i] != npos) followers.push_back(i);
  }
  std::vector<std::string> follower_path(all.size());
  for (size_t i : followers) follower_path[i] = pathOf(all[i]);
  std::stable_sort(followers.begin(), followers.end(), [&](size_t a, size_t b) {
    return std::tie(follower_path[a], all[a].span.begin, all[a].code, all[a].message) <
           std::tie(follower_path[b], all[b].span.begin, all[b].code, all[b].message);
  });
  std::vector<bool> is_root(all.size(), false);
  for (size_t i : followers) {
    Diagnostic& root = all[root_of[i]];
    const Diagnostic& child = all[i];
    is_root[root_of[i]] = true;
    // Severity enumerators run from the most severe (Error) down.
    if (static_cast<int>(child.severity) < static_cast<int>(root.severity)) {
      root.severity = child.severity;
    }
    root.notes.push_back(
        {child.span, "follows from this: " + std::string(severityName(child.severity)) + "[" +
                         child.codeName() + "] " + child.message});
  }
  for (size_t i = 0; i < all.size(); ++i) {
    if (is_root[i] && all[i].code == static_cast<int>(SemCode::include_no_match)) {
      all[i].severity = Severity::Error;  // it breaks references: the model cannot work
      all[i].label = "no file matches; the references below fail because of it";
    }
  }
  std::vector<Diagnostic> roots, rest;
  for (size_t i = 0; i < all.size(); ++i) {
    if (root_of[i] != npos) continue;
    (is_root[i] ? roots : rest).push_back(std::move(all[i]));
  }
  all = std::move(roots);
  for (Diagnostic& d : rest) all.push_back(std::move(d));
}

}  // namespace lkml::semantic
