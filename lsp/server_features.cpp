// The requests about the code: code actions from the fixes the findings carry, and the
// language features of ide/ (byte offsets, no protocol) in LSP positions.
#include <algorithm>
#include <cctype>

#include "ide/ide.h"
#include "lsp/protocol_convert.h"
#include "lsp/server.h"

namespace lkml::lsp {

namespace {

int symbolKindNumber(ide::SymbolKind kind) {
  switch (kind) {
    case ide::SymbolKind::Model:
      return 2;  // Module
    case ide::SymbolKind::View:
      return 5;  // Class
    case ide::SymbolKind::Explore:
      return 23;  // Struct
    case ide::SymbolKind::Join:
      return 7;  // Property
    case ide::SymbolKind::Dimension:
    case ide::SymbolKind::DimensionGroup:
      return 8;  // Field
    case ide::SymbolKind::Measure:
      return 12;  // Function
    case ide::SymbolKind::Filter:
      return 13;  // Variable
    case ide::SymbolKind::Parameter:
      return 26;  // TypeParameter
    case ide::SymbolKind::Set:
      return 18;  // Array
    case ide::SymbolKind::AccessGrant:
      return 20;  // Key
    case ide::SymbolKind::Other:
      break;
  }
  return 19;  // Object
}

int completionKindNumber(ide::CompletionKind kind) {
  switch (kind) {
    case ide::CompletionKind::Field:
      return 5;
    case ide::CompletionKind::View:
      return 7;
    case ide::CompletionKind::Explore:
      return 22;
    case ide::CompletionKind::Parameter:
      return 10;
    case ide::CompletionKind::Value:
      return 12;
    case ide::CompletionKind::Keyword:
      return 14;
  }
  return 1;
}

bool rangesTouch(uint32_t a_begin, uint32_t a_end, uint32_t b_begin, uint32_t b_end) {
  return a_begin <= b_end && b_begin <= a_end;
}

bool isNameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

}  // namespace

bool Server::target(const Json& params, Target* out, bool with_position) {
  std::string path = uriToPath(params.at("textDocument").at("uri").get<std::string>());
  if (path.empty()) return false;
  path = normalisePath(path);
  ProjectState* project = workspace_.projectFor(path, /*discover=*/false);
  if (!project || project->dirty()) return false;
  out->project = project;
  out->rel = Workspace::relativePath(*project, path);
  const semantic::ProjectFile* file = project->project().sources.find(out->rel);
  if (!file || !file->source) return false;
  if (with_position) {
    LineIndex lines(file->source->text());
    out->offset = lines.offsetOf(positionFromJson(params.at("position")), encoding_);
  }
  return true;
}

Json Server::rangeIn(ProjectState& project, const std::string& rel, uint32_t begin, uint32_t end) {
  const semantic::ProjectFile* file = project.project().sources.find(rel);
  Position b, e;
  if (file && file->source) {
    LineIndex lines(file->source->text());
    b = lines.positionOf(begin, encoding_);
    e = lines.positionOf(std::max(begin, end), encoding_);
  }
  return Json{{"start", positionJson(b)}, {"end", positionJson(e)}};
}

Json Server::location(ProjectState& project, const std::string& rel, uint32_t begin, uint32_t end) {
  return Json{{"uri", pathToUri(normalisePath(project.root() + "/" + rel))},
              {"range", rangeIn(project, rel, begin, end)}};
}

Json Server::codeAction(const Json& params) {
  Json actions = Json::array();
  std::string path = uriToPath(params.at("textDocument").at("uri").get<std::string>());
  if (path.empty()) return actions;
  path = normalisePath(path);
  ProjectState* project = workspace_.projectFor(path, /*discover=*/false);
  if (!project || project->dirty()) return actions;
  std::string rel = Workspace::relativePath(*project, path);
  const semantic::ProjectFile* file = project->project().sources.find(rel);
  if (!file || !file->source) return actions;
  LineIndex lines(file->source->text());
  uint32_t begin = lines.offsetOf(positionFromJson(params.at("range").at("start")), encoding_);
  uint32_t end = lines.offsetOf(positionFromJson(params.at("range").at("end")), encoding_);
  if (end < begin) std::swap(begin, end);
  const Json context = params.value("context", Json::object());
  if (context.contains("only") && context["only"].is_array()) {
    bool wants_quickfix = false;
    for (const Json& kind : context["only"]) wants_quickfix |= kind == "quickfix";
    if (!wants_quickfix) return actions;
  }
  RangeConverter ranges(project->files(), encoding_);
  for (const Diagnostic& d : project->diagnostics()) {
    if (d.fixes.empty() || d.span.file != file->source->id()) continue;
    if (!rangesTouch(d.span.begin, d.span.end, begin, end)) continue;
    Json changes = Json::object();
    for (const Fix& fix : d.fixes) {
      const SourceFile* in = project->files().find(fix.span.file);
      if (!in) continue;
      changes[pathToUri(normalisePath(in->path()))].push_back(
          Json{{"range", ranges.range(fix.span)}, {"newText", fix.replacement}});
    }
    if (changes.empty()) continue;
    std::string title = d.help.empty() ? "Fix " + d.codeName() : d.help;
    if (!title.empty())
      title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(title[0])));
    actions.push_back(Json{{"title", title + " (" + d.codeName() + ")"},
                           {"kind", "quickfix"},
                           {"isPreferred", d.fixes.size() == 1},
                           {"diagnostics", Json::array({diagnosticJson(d, ranges)})},
                           {"edit", Json{{"changes", std::move(changes)}}}});
  }
  return actions;
}

Json Server::definition(const Json& params) {
  Target t;
  Json out = Json::array();
  if (!target(params, &t)) return out;
  for (const ide::FileRange& r : ide::definition(t.project->project(), t.rel, t.offset)) {
    out.push_back(location(*t.project, r.path, r.begin, r.end));
  }
  return out;
}

Json Server::references(const Json& params) {
  Target t;
  Json out = Json::array();
  if (!target(params, &t)) return out;
  bool declaration = params.value("context", Json::object()).value("includeDeclaration", false);
  for (const ide::FileRange& r :
       ide::references(t.project->project(), t.rel, t.offset, declaration)) {
    out.push_back(location(*t.project, r.path, r.begin, r.end));
  }
  return out;
}

Json Server::documentSymbol(const Json& params) {
  Target t;
  Json out = Json::array();
  if (!target(params, &t, /*with_position=*/false)) return out;
  // Symbols nest a few levels (model > explore > join); an explicit stack keeps it iterative.
  struct Item {
    const ide::Symbol* symbol;
    Json* into;
  };
  std::vector<ide::Symbol> symbols = ide::documentSymbols(t.project->project(), t.rel);
  std::vector<Item> stack;
  for (auto it = symbols.rbegin(); it != symbols.rend(); ++it) stack.push_back({&*it, &out});
  // Depth first: a pointer into an array is used only before a later sibling is appended.
  while (!stack.empty()) {
    Item item = stack.back();
    stack.pop_back();
    const ide::Symbol& s = *item.symbol;
    Json symbol{{"name", s.name.empty() ? "?" : s.name},
                {"kind", symbolKindNumber(s.kind)},
                {"range", rangeIn(*t.project, t.rel, s.range.begin, s.range.end)},
                {"selectionRange", rangeIn(*t.project, t.rel, s.selection.begin, s.selection.end)},
                {"children", Json::array()}};
    if (!s.detail.empty()) symbol["detail"] = s.detail;
    item.into->push_back(std::move(symbol));
    Json* children = &item.into->back()["children"];
    for (auto it = s.children.rbegin(); it != s.children.rend(); ++it) {
      stack.push_back({&*it, children});
    }
  }
  return out;
}

Json Server::workspaceSymbol(const Json& params) {
  Json out = Json::array();
  std::string query = params.value("query", "");
  for (auto& project : workspace_.projects()) {
    if (project->dirty()) continue;
    for (const ide::Symbol& s : ide::workspaceSymbols(project->project(), query)) {
      Json symbol{
          {"name", s.name},
          {"kind", symbolKindNumber(s.kind)},
          {"location", location(*project, s.selection.path, s.selection.begin, s.selection.end)}};
      if (!s.detail.empty()) symbol["containerName"] = s.detail;
      out.push_back(std::move(symbol));
    }
  }
  return out;
}

Json Server::hover(const Json& params) {
  Target t;
  if (!target(params, &t)) return nullptr;
  std::optional<ide::Hover> h = ide::hover(t.project->project(), t.rel, t.offset);
  if (!h) return nullptr;
  Json out{{"contents", Json{{"kind", "markdown"}, {"value", h->markdown}}}};
  if (!h->range.path.empty())
    out["range"] = rangeIn(*t.project, h->range.path, h->range.begin, h->range.end);
  return out;
}

Json Server::completion(const Json& params) {
  Target t;
  Json items = Json::array();
  if (target(params, &t)) {
    for (const ide::CompletionItem& c : ide::complete(t.project->project(), t.rel, t.offset)) {
      Json item{{"label", c.label}, {"kind", completionKindNumber(c.kind)}};
      if (!c.detail.empty()) item["detail"] = c.detail;
      if (!c.documentation.empty()) {
        item["documentation"] = Json{{"kind", "markdown"}, {"value", c.documentation}};
      }
      if (!c.insert_text.empty()) item["insertText"] = c.insert_text;
      items.push_back(std::move(item));
    }
  }
  return Json{{"isIncomplete", false}, {"items", std::move(items)}};
}

Json Server::prepareRename(const Json& params) {
  Target t;
  if (!target(params, &t)) return nullptr;
  std::string_view text = t.project->project().sources.find(t.rel)->source->text();
  uint32_t begin = t.offset, end = t.offset;
  while (begin > 0 && isNameChar(text[begin - 1])) --begin;
  while (end < text.size() && isNameChar(text[end])) ++end;
  if (begin == end) return nullptr;
  std::string name(text.substr(begin, end - begin));
  // A trial rename to a name nothing uses runs every check a real rename runs, so a refusal
  // (a dashboard mentions the name, a file does not parse) shows before the user types.
  ide::RenameResult result =
      ide::rename(t.project->project(), t.rel, t.offset, "lkml_rename_probe_" + name);
  if (!result.error.empty()) throw RequestFailed(result.error);
  if (result.edits.empty()) return nullptr;
  return Json{{"range", rangeIn(*t.project, t.rel, begin, end)}, {"placeholder", name}};
}

Json Server::rename(const Json& params) {
  Target t;
  if (!target(params, &t)) return nullptr;
  std::string new_name = params.at("newName").get<std::string>();
  ide::RenameResult result = ide::rename(t.project->project(), t.rel, t.offset, new_name);
  if (!result.error.empty()) throw RequestFailed(result.error);
  Json changes = Json::object();
  for (const ide::TextEdit& edit : result.edits) {
    std::string uri = pathToUri(normalisePath(t.project->root() + "/" + edit.range.path));
    changes[uri].push_back(
        Json{{"range", rangeIn(*t.project, edit.range.path, edit.range.begin, edit.range.end)},
             {"newText", edit.new_text}});
  }
  return Json{{"changes", std::move(changes)}};
}

}  // namespace lkml::lsp
