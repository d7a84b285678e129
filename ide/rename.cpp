// Rename of a field or a view: every occurrence of it, or a refusal that says why lkml
// cannot be sure the edit is complete (a dashboard names it, a file does not parse, Liquid
// mentions it where lkml cannot resolve the reference, the new name is taken or invalid).
#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "ide/cursor_target.h"
#include "ide/ide.h"

namespace lkml::ide {

namespace {

bool isIdentChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool validName(const std::string& name) {
  if (name.empty() || (name[0] >= '0' && name[0] <= '9')) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

// Offsets of `word` in `text` with no identifier character on either side.
std::vector<size_t> wordPositions(std::string_view text, const std::string& word) {
  std::vector<size_t> out;
  for (size_t pos = text.find(word); pos != std::string_view::npos;
       pos = text.find(word, pos + 1)) {
    bool left = pos == 0 || !isIdentChar(text[pos - 1]);
    bool right = pos + word.size() >= text.size() || !isIdentChar(text[pos + word.size()]);
    if (left && right) out.push_back(pos);
  }
  return out;
}

// Inside `{{ ... }}` or `{% ... %}` (the nearest opener before `pos` is not closed before it).
bool insideLiquid(std::string_view text, size_t pos) {
  size_t open =
      std::max(text.rfind("{{", pos) == std::string_view::npos ? 0 : text.rfind("{{", pos) + 1,
               text.rfind("{%", pos) == std::string_view::npos ? 0 : text.rfind("{%", pos) + 1);
  if (open == 0) return false;
  size_t close =
      std::max(text.rfind("}}", pos) == std::string_view::npos ? 0 : text.rfind("}}", pos) + 1,
               text.rfind("%}", pos) == std::string_view::npos ? 0 : text.rfind("%}", pos) + 1);
  return close < open;
}

std::string location(const semantic::ProjectFile& file, size_t offset) {
  if (!file.source) return file.path;
  return file.path + ":" + std::to_string(file.source->lineCol(static_cast<uint32_t>(offset)).line);
}

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// The views that inherit `view`'s fields (itself included): a new field name must be free in
// all of them and in the views it extends.
std::set<std::string> fieldFamily(const ProjectIndex& index, const std::string& view) {
  std::set<std::string> family;
  for (const auto& entry : index.views()) {
    std::vector<std::string> chain = index.extendsChain(entry.first);
    if (std::find(chain.begin(), chain.end(), view) != chain.end()) family.insert(entry.first);
  }
  for (const std::string& v : index.extendsChain(view)) family.insert(v);
  return family;
}

std::string fieldCollision(const ProjectIndex& index, const std::string& view,
                           const std::string& new_name) {
  for (const std::string& v : fieldFamily(index, view)) {
    auto it = index.views().find(v);
    if (it != index.views().end() &&
        (it->second.fields.count(new_name) || it->second.groups.count(new_name) ||
         it->second.sets.count(new_name))) {
      return "view `" + v + "` already has a field or set named `" + new_name + "`";
    }
    for (const semantic::Model& model : index.project().project.models) {
      const semantic::View* compiled = model.findView(v);
      if (compiled && compiled->findField(new_name)) {
        return "view `" + v + "` already has a field `" + new_name +
               "` (a dimension group's timeframe)";
      }
    }
  }
  return "";
}

}  // namespace

RenameResult rename(const semantic::LoadedProject& project, const std::string& path,
                    uint32_t offset, const std::string& new_name) {
  RenameResult result;
  ProjectIndex index(project);
  std::optional<Occurrence> at = occurrenceAt(index, path, offset);
  if (!at || (at->target.kind != TargetKind::Field && at->target.kind != TargetKind::View)) {
    result.error = "put the cursor on a field or view name: lkml renames fields and views";
    return result;
  }
  const Target target = at->target;
  const std::string& old_name = target.name;
  if (!validName(new_name)) {
    result.error = "`" + new_name +
                   "` is not a valid LookML name: use lowercase letters, digits and underscores, "
                   "not starting with a digit";
    return result;
  }
  if (new_name == old_name) return result;
  if (target.kind == TargetKind::View && index.hasView(new_name)) {
    result.error = "a view named `" + new_name + "` already exists";
    return result;
  }
  if (target.kind == TargetKind::Field) {
    result.error = fieldCollision(index, target.view, new_name);
    if (!result.error.empty()) return result;
  }

  std::vector<Occurrence> all = index.allOccurrences();
  const auto& files = index.sources().files;
  for (const Occurrence& o : all) {
    if (o.target == target && o.implicit) {
      result.error = "view `" + old_name + "` is the base view of explore `" + old_name + "` (" +
                     location(files[o.file], o.begin) +
                     "), which has no `from:`: renaming the view would rename the explore; add "
                     "`from: " +
                     old_name + "` and rename the explore's uses first";
      return result;
    }
  }
  // Texts lkml cannot read references in: dashboards (not parsed) and files that do not parse.
  for (const semantic::ProjectFile& file : files) {
    std::string text = file.source ? std::string(file.source->text())
                                   : readFile(index.sources().root + "/" + file.path);
    std::vector<size_t> hits = wordPositions(text, old_name);
    if (hits.empty()) continue;
    if (file.kind == semantic::FileKind::Dashboard) {
      result.error = "`" + old_name + "` appears in dashboard `" + file.path +
                     "`, which lkml does not parse; rename it there by hand, or rename in the IDE";
      return result;
    }
    if (!file.doc.complete) {
      result.error = "`" + file.path + "` has syntax errors and mentions `" + old_name + "` (" +
                     location(file, hits.front()) +
                     "); fix the file first so lkml can find every reference";
      return result;
    }
  }
  // Liquid that names the target where lkml found no reference (a variable lkml cannot resolve).
  std::map<size_t, std::vector<std::pair<uint32_t, uint32_t>>> covered;
  for (const Occurrence& o : all) covered[o.file].emplace_back(o.begin, o.end);
  for (size_t f = 0; f < files.size(); ++f) {
    if (!files[f].source) continue;
    std::string_view text = files[f].source->text();
    for (size_t pos : wordPositions(text, old_name)) {
      if (!insideLiquid(text, pos)) continue;
      bool known = false;
      for (const auto& [b, e] : covered[f]) known = known || (b <= pos && pos < e);
      if (!known) {
        result.error = "Liquid at " + location(files[f], pos) + " mentions `" + old_name +
                       "` in a way lkml cannot resolve to a reference; edit it by hand first";
        return result;
      }
    }
  }

  std::set<std::pair<std::string, uint32_t>> seen;
  for (const Occurrence& o : all) {
    if (o.target != target) continue;
    FileRange range = rangeOf(index, o);
    if (!seen.insert({range.path, range.begin}).second) continue;
    result.edits.push_back({std::move(range), new_name});
  }
  std::sort(result.edits.begin(), result.edits.end(), [](const TextEdit& a, const TextEdit& b) {
    return std::tie(a.range.path, a.range.begin) < std::tie(b.range.path, b.range.begin);
  });
  return result;
}

}  // namespace lkml::ide
