#include "cli/findings_for_files.h"

#include <algorithm>
#include <filesystem>
#include <set>

namespace lkml::cli {

namespace fs = std::filesystem;

namespace {

// Findings a change to one file can cause in others: references to what it defines.
bool crossFileFinding(const Diagnostic& d) {
  switch (d.code) {
    case 203:  // duplicate name
    case 204:  // unknown view
    case 205:  // unknown field
    case 206:  // view not joined
    case 216:  // include matches nothing
    case 221:  // refinement of an unknown object
    case 228:  // unknown explore
    case 229:  // unknown field in Liquid
      return d.severity == Severity::Error;
    default:
      return false;
  }
}

}  // namespace

const std::string& CanonicalPaths::of(const std::string& path) {
  auto it = cache_.find(path);
  if (it != cache_.end()) return it->second;
  std::error_code ec;
  return cache_.emplace(path, fs::weakly_canonical(fs::absolute(path, ec), ec).string())
      .first->second;
}

void keepFindingsForFiles(const semantic::LoadedProject& project,
                          const std::vector<std::string>& files,
                          std::vector<Diagnostic>* diagnostics) {
  CanonicalPaths canonical;
  std::set<std::string> wanted;
  for (const std::string& f : files) wanted.insert(canonical.of(f));
  std::set<FileId> given, related;
  for (const auto& file : project.sources.files) {
    if (file.source && wanted.count(canonical.of(file.source->path()))) {
      given.insert(file.source->id());
    }
  }
  // Objects the given files define: a finding elsewhere that names one may be caused by them.
  std::vector<std::string> names;
  for (const auto& file : project.sources.files) {
    if (!file.source || !given.count(file.source->id())) continue;
    for (const auto& member : file.doc.members) {
      if (!member.isBlock() || !member.value.present()) continue;
      std::string name(member.value.text);
      if (!name.empty() && name.front() == '+') name.erase(0, 1);
      names.push_back(name);
    }
  }
  auto namesGiven = [&](const Diagnostic& d) {
    return std::any_of(names.begin(), names.end(), [&](const std::string& n) {
      return d.message.find("`" + n + "`") != std::string::npos ||
             d.message.find("`" + n + ".") != std::string::npos ||
             d.message.find("{" + n + ".") != std::string::npos;
    });
  };
  for (const semantic::Model& model : project.project.models) {
    bool includes = std::any_of(model.files.begin(), model.files.end(),
                                [&](FileId id) { return given.count(id) > 0; });
    if (includes) related.insert(model.files.begin(), model.files.end());
  }
  auto& all = *diagnostics;
  all.erase(
      std::remove_if(all.begin(), all.end(),
                     [&](const Diagnostic& d) {
                       if (!d.span.valid()) {  // file-level: only about a given file
                         return d.path.empty() ? false : !wanted.count(canonical.of(d.path));
                       }
                       if (given.count(d.span.file)) return false;
                       return !(related.count(d.span.file) && crossFileFinding(d) && namesGiven(d));
                     }),
      all.end());
}

}  // namespace lkml::cli
