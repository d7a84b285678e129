// Completion from the text around the cursor (which need not parse): field names after `${`
// and `view.`, in `fields:`/`filters:`/`sorts:` lists; view, explore, grant and join names;
// the parameters the enclosing block accepts and their fixed values.
#include <algorithm>
#include <cctype>
#include <set>

#include "ide/completion_context.h"
#include "ide/ide.h"
#include "ide/parameter_values.h"
#include "ide/project_index.h"
#include "semantic/field_types.h"
#include "semantic/parameter_table.h"

namespace lkml::ide {

namespace {

using Where = CompletionContext::Where;

// Case-insensitive subsequence: `crdt` finds `created_date`, as editors filter.
bool matches(const std::string& word, const std::string& label) {
  size_t i = 0;
  for (char c : label) {
    if (i < word.size() && std::tolower(static_cast<unsigned char>(c)) ==
                               std::tolower(static_cast<unsigned char>(word[i]))) {
      ++i;
    }
  }
  return i == word.size();
}

class Builder {
 public:
  Builder(const ProjectIndex& index, const CompletionContext& ctx) : index_(index), ctx_(ctx) {}

  void add(const std::string& label, CompletionKind kind, std::string detail = "",
           std::string documentation = "", std::string insert = "") {
    if (label.empty() || !matches(ctx_.word, label) || !seen_.insert(label).second) return;
    CompletionItem item;
    item.label = label;
    item.kind = kind;
    item.detail = std::move(detail);
    item.documentation = std::move(documentation);
    item.insert_text = insert.empty() ? label : std::move(insert);
    items_.push_back(std::move(item));
  }

  // The fields of `view` (compiled: dimension groups expanded; else as declared), with sets as
  // `name*` when `sets` is set.
  void fieldsOf(const std::string& view, bool sets) {
    for (const semantic::Model& model : index_.project().project.models) {
      const semantic::View* v = model.findView(view);
      if (!v) continue;
      for (const semantic::Field& f : v->fields) {
        std::string detail = std::string(fieldKindName(f.kind)) + " " + f.type;
        std::string doc = f.label.empty() ? f.description : f.label + "\n\n" + f.description;
        add(f.name, CompletionKind::Field, detail, doc);
      }
      if (sets) {
        for (const semantic::FieldSet& s : v->sets) add(s.name + "*", CompletionKind::Field, "set");
      }
    }
    for (const std::string& v : index_.extendsChain(view)) {
      auto it = index_.views().find(v);
      if (it == index_.views().end()) continue;
      for (const std::string& f : it->second.fields) add(f, CompletionKind::Field, "field");
      for (const std::string& g : it->second.groups)
        add(g, CompletionKind::Field, "dimension_group");
      if (sets) {
        for (const std::string& s : it->second.sets) add(s + "*", CompletionKind::Field, "set");
      }
    }
  }

  void viewNames() {
    for (const auto& entry : index_.views()) add(entry.first, CompletionKind::View, "view");
  }
  void exploreNames() {
    for (const std::string& e : index_.explores()) add(e, CompletionKind::Explore, "explore");
  }
  void grantNames() {
    for (const semantic::Model& model : index_.project().project.models) {
      for (const auto& g : model.access_grants) add(g.first, CompletionKind::Value, "access_grant");
    }
  }
  // Join aliases of the explore around the cursor (compiled: extends included).
  void aliases(const std::string& explore) {
    for (const semantic::Model& model : index_.project().project.models) {
      const semantic::Explore* e = model.findExplore(explore);
      if (!e) continue;
      add(e->alias, CompletionKind::View, "view " + e->view);
      for (const semantic::Join& j : e->joins) add(j.name, CompletionKind::View, "join " + j.view);
    }
  }

  // The view names in `${x}` and `x.field` resolve to at the cursor.
  std::string resolve(const std::string& qualifier) const {
    std::string explore = ctx_.enclosing("explore_source");
    if (explore.empty()) explore = ctx_.enclosing("explore");
    return explore.empty() ? qualifier : index_.aliasView(explore, qualifier);
  }
  std::string currentView() const {
    std::string join = ctx_.enclosing("join");
    std::string explore = ctx_.enclosing("explore");
    if (!join.empty() && !explore.empty()) return index_.aliasView(explore, join);
    return ctx_.enclosing("view");
  }
  // Unqualified names in a view, or the aliases to qualify with in an explore.
  void names(bool sets) {
    std::string explore = ctx_.enclosing("explore_source");
    if (explore.empty()) explore = ctx_.enclosing("explore");
    std::string view = currentView();
    if (!view.empty()) fieldsOf(view, sets);
    if (!explore.empty()) aliases(explore);
    viewNames();
  }

  void sqlReference() {
    if (!ctx_.qualifier.empty()) {
      fieldsOf(resolve(ctx_.qualifier), false);
      add("SQL_TABLE_NAME", CompletionKind::Keyword, "the view's table or derived table");
      return;
    }
    add("TABLE", CompletionKind::Keyword, "the view's table alias");
    names(false);
  }

  void listItem() {
    const std::string& key = ctx_.key;
    if (key == "extends") {
      if (!ctx_.enclosing("explore").empty())
        exploreNames();
      else
        viewNames();
    } else if (key == "required_access_grants") {
      grantNames();
    } else if (key == "required_joins" || key == "always_join") {
      aliases(ctx_.enclosing("explore"));
    } else if (key == "timeframes") {
      for (const std::string& t : semantic::timeframes()) add(t, CompletionKind::Value);
    } else if (key == "intervals") {
      for (const std::string& t : semantic::durationIntervals()) add(t, CompletionKind::Value);
    } else if (key == "fields" || key == "drill_fields" || key == "required_fields" ||
               key == "sorts" || key == "filters" || key == "dimensions" || key == "measures" ||
               key == "unless") {
      bool sets = key == "fields" || key == "drill_fields";
      if (!ctx_.qualifier.empty()) {
        fieldsOf(resolve(ctx_.qualifier), sets);
        if (sets) add("ALL_FIELDS*", CompletionKind::Keyword, "every field of the view");
      } else {
        names(sets);
        if (key == "fields") add("ALL_FIELDS*", CompletionKind::Keyword, "every field");
      }
    }
  }

  void parameterValue() {
    const std::string& key = ctx_.key;
    std::string block = ctx_.blocks.empty() ? "" : ctx_.blocks.back().key;
    if (key == "from" || key == "view_name") return viewNames();
    if (key == "explore_source" || key == "suggest_explore") return exploreNames();
    if (key == "list_field" || key == "order_by_field" || key == "suggest_dimension" ||
        key == "field") {
      return names(false);
    }
    if (key == "include") {
      for (const semantic::ProjectFile& f : index_.sources().files) {
        if (f.kind != semantic::FileKind::Model) add("/" + f.path, CompletionKind::Value, "file");
      }
      return;
    }
    for (const std::string& v : parameterValues(block, key)) add(v, CompletionKind::Value, key);
  }

  void parameterName() {
    std::string block = ctx_.blocks.empty() ? "" : ctx_.blocks.back().key;
    semantic::ParamContext pc;
    if (ctx_.blocks.empty())
      pc = semantic::ParamContext::TopLevel;
    else if (block == "view")
      pc = semantic::ParamContext::View;
    else if (isFieldKey(block))
      pc = semantic::ParamContext::Field;
    else if (block == "explore")
      pc = semantic::ParamContext::Explore;
    else if (block == "join")
      pc = semantic::ParamContext::Join;
    else if (block == "derived_table")
      pc = semantic::ParamContext::DerivedTable;
    else if (block == "access_grant")
      pc = semantic::ParamContext::AccessGrant;
    else
      return;
    for (const std::string& p : semantic::knownParameters(pc)) {
      add(p, CompletionKind::Parameter,
          std::string("parameter of ") + semantic::paramContextName(pc), "", p + ": ");
    }
  }

  std::vector<CompletionItem> take() { return std::move(items_); }

 private:
  const ProjectIndex& index_;
  const CompletionContext& ctx_;
  std::set<std::string> seen_;
  std::vector<CompletionItem> items_;
};

}  // namespace

std::vector<CompletionItem> complete(const semantic::LoadedProject& project,
                                     const std::string& path, uint32_t offset) {
  const semantic::ProjectFile* file = project.sources.find(path);
  if (!file || !file->source) return {};
  CompletionContext ctx = completionContext(file->source->text(), offset);
  ProjectIndex index(project);
  Builder builder(index, ctx);
  switch (ctx.where) {
    case Where::SqlReference:
      builder.sqlReference();
      break;
    case Where::ListItem:
      builder.listItem();
      break;
    case Where::ParameterValue:
      builder.parameterValue();
      break;
    case Where::ParameterName:
      builder.parameterName();
      break;
    case Where::None:
      break;
  }
  return builder.take();
}

}  // namespace lkml::ide
