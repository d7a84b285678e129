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

// Inserts `line` as the first member of the block declared at `o` (indented one level more
// than the block's first line). False when the block has no `{`.
bool insertInBlock(const ProjectIndex& index, const Occurrence& o, const std::string& line,
                   std::vector<TextEdit>* edits) {
  std::string_view text = index.sources().files[o.file].source->text();
  size_t brace = text.find('{', o.end);
  if (brace == std::string_view::npos || brace >= o.node_end) return false;
  size_t line_start = text.rfind('\n', o.begin);
  line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
  size_t indent = line_start;
  while (indent < text.size() && (text[indent] == ' ' || text[indent] == '\t')) ++indent;
  std::string insert =
      "\n" + std::string(text.substr(line_start, indent - line_start)) + "  " + line;
  uint32_t at = static_cast<uint32_t>(brace + 1);
  edits->push_back({rangeOf(index, o.file, at, at), insert});
  return true;
}

// A field without `sql:` reads the column named like it (`${TABLE}.name`); renamed, it would
// read another column. The rename writes the old default into the declaration instead.
std::string keepDefaultSql(const ProjectIndex& index, const Target& target,
                           const std::vector<Occurrence>& all, std::vector<TextEdit>* edits) {
  const semantic::Field* defaulted = nullptr;
  for (const semantic::Model& model : index.project().project.models) {
    const semantic::View* view = model.findView(target.view);
    if (!view) continue;
    for (const semantic::Field& f : view->fields) {
      if ((f.name == target.name || f.group == target.name) && f.sql_defaulted) defaulted = &f;
    }
  }
  if (!defaulted) return "";
  if (!defaulted->group.empty()) {
    return "dimension_group `" + target.name + "` has no `sql:`; add one before renaming it";
  }
  for (const Occurrence& o : all) {
    if (!o.declaration || o.refinement || o.target != target) continue;
    if (insertInBlock(index, o, "sql: ${TABLE}." + target.name + " ;;", edits)) return "";
  }
  return "`" + target.name + "` has no `sql:` and lkml could not find its declaration's block";
}

// A quoted string lkml does not read as references (a link url, a label) that spells the
// target as `view.old` or `old.field`: the rename cannot tell whether it means the field.
std::string unreadString(
    const ProjectIndex& index, const Target& target,
    const std::map<size_t, std::vector<std::pair<uint32_t, uint32_t>>>& covered) {
  const auto& files = index.sources().files;
  for (size_t f = 0; f < files.size(); ++f) {
    if (!files[f].source) continue;
    auto known = [&](size_t pos) {
      auto it = covered.find(f);
      if (it == covered.end()) return false;
      for (const auto& [b, e] : it->second) {
        if (b <= pos && pos < e) return true;
      }
      return false;
    };
    std::vector<const syntax::Node*> stack;
    for (const syntax::Node& m : files[f].doc.members) stack.push_back(&m);
    while (!stack.empty()) {
      const syntax::Node* node = stack.back();
      stack.pop_back();
      for (const syntax::Node& c : node->children) stack.push_back(&c);
      std::vector<const syntax::Scalar*> strings;
      if (node->isPair() && node->value.quoted()) strings.push_back(&node->value);
      for (const syntax::ListItem& item : node->items) {
        if (item.value.quoted()) strings.push_back(&item.value);
        if (item.map_value.quoted()) strings.push_back(&item.map_value);
      }
      for (const syntax::Scalar* str : strings) {
        uint32_t base = str->span.begin + 1;
        for (size_t pos : wordPositions(str->text, target.name)) {
          // `x.old` (a field) or `old.x` (a view): a dot between identifier characters, not
          // the full stop of a sentence.
          std::string_view t = str->text;
          size_t after = pos + target.name.size();
          bool qualified =
              target.kind == TargetKind::Field
                  ? pos > 1 && t[pos - 1] == '.' && isIdentChar(t[pos - 2])
                  : after + 1 < t.size() && t[after] == '.' && isIdentChar(t[after + 1]);
          if (qualified && !known(base + pos)) {
            return "the string at " + location(files[f], base + pos) + " spells `" + target.name +
                   "` in a name lkml does not read as a reference; edit it by " + "hand first";
          }
        }
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

  if (target.kind == TargetKind::View) {
    // `view_name: v` names the view and the alias; an explore that extends it with its own
    // `from:` keeps the alias `v` for another view, which the rename would change.
    for (const semantic::Model& model : project.project.models) {
      for (const semantic::Explore& e : model.explores) {
        if (e.alias == old_name && e.view != old_name) {
          result.error = "explore `" + e.name + "` uses `" + old_name + "` as the alias of view `" +
                         e.view +
                         "` (a `view_name:` it extends); renaming the view would change that "
                         "alias; give the explore its own `view_name:` first";
          return result;
        }
      }
    }
  }
  std::vector<Occurrence> all = index.allOccurrences();
  const auto& files = index.sources().files;
  for (const Occurrence& o : all) {
    if (o.target == target && o.implicit && target.kind == TargetKind::Field) {
      result.error = "`" + old_name +
                     "` is read by a column of an explore_source without `field:` (" +
                     location(files[o.file], o.begin) +
                     "), which names both the field and the derived table's column; add `field:` "
                     "to that column first";
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

  if (target.kind == TargetKind::Field) {
    result.error = keepDefaultSql(index, target, all, &result.edits);
    if (!result.error.empty()) return result;
  }
  result.error = unreadString(index, target, covered);
  if (!result.error.empty()) return result;
  std::set<std::pair<std::string, uint32_t>> seen;
  for (const Occurrence& o : all) {
    if (o.target != target) continue;
    if (o.implicit) {
      for (const Occurrence& column : all) {
        if (column.implicit && column.target.kind == TargetKind::Explore &&
            column.target.name == old_name) {
          result.error = "explore `" + old_name + "` is named after view `" + old_name +
                         "` and the explore_source column at " +
                         location(files[column.file], column.begin) +
                         " reads it without `field:`; add `field:` to that column first";
          return result;
        }
      }
      // An explore named after its view keeps its name and gets the view by `view_name:`,
      // which also makes the new name its alias, as the renamed `${view.f}` in it expect.
      if (!insertInBlock(index, o, "view_name: " + new_name, &result.edits)) {
        result.error = "explore `" + old_name + "` (" + location(files[o.file], o.begin) +
                       ") is named after the view and has no block to add `view_name:` to";
        return result;
      }
      continue;
    }
    FileRange range = rangeOf(index, o);
    if (!seen.insert({range.path, range.begin}).second) continue;
    result.edits.push_back({std::move(range), new_name});
  }
  std::stable_sort(
      result.edits.begin(), result.edits.end(), [](const TextEdit& a, const TextEdit& b) {
        return std::tie(a.range.path, a.range.begin) < std::tie(b.range.path, b.range.begin);
      });
  return result;
}

}  // namespace lkml::ide
