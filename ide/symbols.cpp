// Document symbols (the outline of a file) and workspace symbols (names across the project).
#include <algorithm>
#include <cctype>

#include "ide/cursor_target.h"
#include "ide/ide.h"

namespace lkml::ide {

namespace {

SymbolKind fieldKind(std::string_view key) {
  if (key == "dimension") return SymbolKind::Dimension;
  if (key == "dimension_group") return SymbolKind::DimensionGroup;
  if (key == "measure") return SymbolKind::Measure;
  if (key == "filter") return SymbolKind::Filter;
  return SymbolKind::Parameter;
}

Symbol makeSymbol(const std::string& path, const syntax::Node& node, SymbolKind kind) {
  NameSpan name = blockName(node);
  Symbol s;
  s.name = (name.refinement ? "+" : "") + name.name;
  s.kind = kind;
  s.range = {path, node.span.begin, node.span.end};
  s.selection = {path, name.begin, name.end};
  if (const syntax::Node* type = node.child("type"); type && type->isPair()) {
    s.detail = std::string(type->value.text);
  }
  return s;
}

// Views, explores and grants are top-level, their fields and joins one level down.
std::vector<Symbol> fileSymbols(const semantic::ProjectFile& file) {
  std::vector<Symbol> out;
  for (const syntax::Node& member : file.doc.members) {
    if (!member.isBlock() || blockName(member).name.empty()) continue;
    if (member.key == "view") {
      Symbol view = makeSymbol(file.path, member, SymbolKind::View);
      for (const syntax::Node& child : member.children) {
        if (!child.isBlock() || blockName(child).name.empty()) continue;
        if (isFieldKey(child.key)) {
          view.children.push_back(makeSymbol(file.path, child, fieldKind(child.key)));
        } else if (child.key == "set") {
          view.children.push_back(makeSymbol(file.path, child, SymbolKind::Set));
        }
      }
      out.push_back(std::move(view));
    } else if (member.key == "explore") {
      Symbol explore = makeSymbol(file.path, member, SymbolKind::Explore);
      for (const syntax::Node& child : member.children) {
        if (child.isBlock() && child.key == "join" && !blockName(child).name.empty()) {
          Symbol join = makeSymbol(file.path, child, SymbolKind::Join);
          if (const syntax::Node* from = child.child("from"); from && from->isPair()) {
            join.detail = "from " + std::string(from->value.text);
          }
          explore.children.push_back(std::move(join));
        }
      }
      out.push_back(std::move(explore));
    } else if (member.key == "access_grant") {
      out.push_back(makeSymbol(file.path, member, SymbolKind::AccessGrant));
    } else if (member.key == "test") {
      out.push_back(makeSymbol(file.path, member, SymbolKind::Other));
    }
  }
  return out;
}

// 0 exact, 1 prefix, 2 substring, 3 subsequence (case-insensitive); -1 no match.
int matchQuality(std::string_view query, const std::string& name) {
  if (query.empty()) return 0;
  std::string q(query), n(name);
  for (char& c : q) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (char& c : n) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (n == q) return 0;
  size_t pos = n.find(q);
  if (pos == 0) return 1;
  if (pos != std::string::npos) return 2;
  size_t i = 0;
  for (char c : n) {
    if (i < q.size() && c == q[i]) ++i;
  }
  return i == q.size() ? 3 : -1;
}

}  // namespace

std::vector<Symbol> documentSymbols(const semantic::LoadedProject& project,
                                    const std::string& path) {
  const semantic::ProjectFile* file = project.sources.find(path);
  if (!file) return {};
  std::vector<Symbol> members = fileSymbols(*file);
  if (file->kind != semantic::FileKind::Model || !file->source) return members;
  // A model file: one Model symbol holding what the file declares.
  Symbol model;
  std::string name = path.substr(path.rfind('/') == std::string::npos ? 0 : path.rfind('/') + 1);
  model.name = name.substr(0, name.find(".model."));
  model.kind = SymbolKind::Model;
  uint32_t size = static_cast<uint32_t>(file->source->text().size());
  model.range = {path, 0, size};
  model.selection = {path, 0, 0};
  for (const syntax::Node& member : file->doc.members) {
    if (member.key == "connection" && member.isPair()) model.detail = member.valueText();
  }
  model.children = std::move(members);
  return {std::move(model)};
}

std::vector<Symbol> workspaceSymbols(const semantic::LoadedProject& project,
                                     std::string_view query) {
  constexpr size_t kMaxResults = 500;  // an editor shows a page; ranking puts the best first
  std::vector<std::pair<int, Symbol>> found;
  for (const semantic::ProjectFile& file : project.sources.files) {
    for (Symbol& top : fileSymbols(file)) {
      std::string container = top.name;
      for (Symbol& child : top.children) {
        child.name = container + "." + child.name;
        child.detail = container;
        int q = matchQuality(query, child.name);
        if (q >= 0) found.emplace_back(q, std::move(child));
      }
      top.children.clear();
      top.detail = file.path;
      int q = matchQuality(query, top.name);
      if (q >= 0) found.emplace_back(q, std::move(top));
    }
  }
  std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
    // Better matches first; among equal ones the shorter name (`users`
    // before `users.id`).
    return std::make_pair(a.first, a.second.name.size()) <
           std::make_pair(b.first, b.second.name.size());
  });
  std::vector<Symbol> out;
  for (auto& entry : found) {
    if (out.size() == kMaxResults) break;
    out.push_back(std::move(entry.second));
  }
  return out;
}

}  // namespace lkml::ide
