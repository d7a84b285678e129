#include "semantic/dependency_closure.h"

#include <algorithm>
#include <cctype>

#include "semantic/sql_references.h"

namespace lkml::semantic {

namespace {

// Strength of a visit: a field is walked again when reached in a stronger way, so what it
// reads is checked as strictly as the strongest path to it asks (at most three visits).
int strength(bool grants, bool user) { return user ? 2 : grants ? 1 : 0; }

Span spanAt(const SourceText& text, size_t begin, size_t end) {
  if (!text.span.valid() || text.span.size() != text.text.size()) return text.span;
  return {text.span.file, text.span.begin + static_cast<uint32_t>(begin),
          text.span.begin + static_cast<uint32_t>(end)};
}

DependencyVia liquidVia(LiquidReference::Kind kind, DependencyVia text_via) {
  if (text_via == DependencyVia::Html || text_via == DependencyVia::Link) return text_via;
  switch (kind) {
    case LiquidReference::Kind::Condition:
      return DependencyVia::Condition;
    case LiquidReference::Kind::Parameter:
      return DependencyVia::Parameter;
    default:
      return DependencyVia::LiquidValue;
  }
}

bool isNameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

struct LiquidName {
  size_t begin = 0, end = 0;  // the tag holding it
  std::string alias, field;
};

// `alias.field` names inside the Liquid tags of html and link text (`{{ users.email._value }}`,
// `{% if users.status._value == 'x' %}`): each reads that field's value. Quoted text is skipped.
std::vector<LiquidName> liquidFieldNames(const std::string& text) {
  std::vector<LiquidName> names;
  size_t i = 0;
  while ((i = text.find('{', i)) != std::string::npos && i + 1 < text.size()) {
    if (text[i + 1] != '{' && text[i + 1] != '%') {
      ++i;
      continue;
    }
    size_t close = text.find(text[i + 1] == '{' ? "}}" : "%}", i + 2);
    if (close == std::string::npos) break;
    for (size_t k = i + 2; k < close;) {
      char c = text[k];
      if (c == '\'' || c == '"') {
        size_t q = text.find(c, k + 1);
        k = q == std::string::npos || q > close ? close : q + 1;
      } else if (isNameChar(c) && (k == i + 2 || !isNameChar(text[k - 1]))) {
        size_t a = k;
        while (k < close && isNameChar(text[k])) ++k;
        if (k + 1 < close && text[k] == '.' && isNameChar(text[k + 1])) {
          size_t b = k + 1, e = b;
          while (e < close && isNameChar(text[e])) ++e;
          names.push_back({i, close + 2, text.substr(a, k - a), text.substr(b, e - b)});
          k = e;
          while (k < close && (isNameChar(text[k]) || text[k] == '.')) ++k;  // `._value`
        }
      } else {
        ++k;
      }
    }
    i = close + 2;
  }
  return names;
}

}  // namespace

const char* dependencyViaName(DependencyVia via) {
  switch (via) {
    case DependencyVia::Root:
      return "query";
    case DependencyVia::Sql:
      return "sql";
    case DependencyVia::DistinctKey:
      return "sql_distinct_key";
    case DependencyVia::Filters:
      return "filters";
    case DependencyVia::ListField:
      return "list_field";
    case DependencyVia::RequiredFields:
      return "required_fields";
    case DependencyVia::Html:
      return "html";
    case DependencyVia::Link:
      return "link";
    case DependencyVia::Condition:
      return "templated filter";
    case DependencyVia::Parameter:
      return "parameter";
    case DependencyVia::LiquidValue:
      return "Liquid";
    case DependencyVia::Table:
      return "table or join SQL";
    case DependencyVia::PrimaryKey:
      return "primary key";
    case DependencyVia::ExploreSql:
      return "explore SQL";
  }
  return "sql";
}

DependencyClosure::DependencyClosure(const ExploreScope& scope, ExploreFieldLists& field_lists)
    : scope_(scope), field_lists_(field_lists) {
  addAlias(scope.explore().alias);
}

const ScopeEntry* DependencyClosure::resolveAlias(const ScopeEntry* owner,
                                                  const std::string& alias) const {
  const ScopeEntry* entry = scope_.find(alias);
  // A view may name itself by its view name while joined under another alias.
  if (!entry && owner && owner->view && owner->view->name == alias) entry = owner;
  return entry && entry->view ? entry : nullptr;
}

void DependencyClosure::textEdges(const ScopeEntry* owner, const SourceText& text,
                                  DependencyVia via, std::vector<FieldEdge>* edges,
                                  std::vector<TableRead>* tables) const {
  if (text.text.empty()) return;
  auto edge = [&](const ScopeEntry* entry, const std::string& name, DependencyVia how, size_t begin,
                  size_t end) {
    if (!entry || !entry->view) return;
    const Field* field = entry->view->findField(name);
    if (field) edges->push_back({entry, field, how, &text, begin, end, spanAt(text, begin, end)});
  };
  for (const SqlReference& ref : findSqlReferences(text.text)) {
    switch (ref.kind) {
      case SqlReference::Kind::Table:
        if (owner && tables) tables->push_back({owner, nullptr});
        break;
      case SqlReference::Kind::Extended:
        break;
      case SqlReference::Kind::Field:
        edge(owner, ref.field, via, ref.begin, ref.end);
        break;
      case SqlReference::Kind::ViewField:
        edge(resolveAlias(owner, ref.view), ref.field, via, ref.begin, ref.end);
        break;
      case SqlReference::Kind::SqlTableName: {
        if (!tables) break;
        const ScopeEntry* entry = scope_.find(ref.view);
        if (entry && entry->view) {
          tables->push_back({entry, nullptr});
        } else if (const View* view = scope_.model().findView(ref.view)) {
          tables->push_back({nullptr, view});
        }
        break;
      }
    }
  }
  if (via == DependencyVia::Html || via == DependencyVia::Link) {
    for (const LiquidName& name : liquidFieldNames(text.text)) {
      edge(resolveAlias(owner, name.alias), name.field, via, name.begin, name.end);
    }
    return;
  }
  for (const LiquidReference& ref : findLiquidReferences(text.text)) {
    if (ref.kind == LiquidReference::Kind::UserAttribute || ref.name.empty()) continue;
    std::string alias = owner ? owner->alias : "", name = ref.name;
    size_t dot = ref.name.find('.');
    if (dot != std::string::npos) {
      alias = ref.name.substr(0, dot);
      name = ref.name.substr(dot + 1);
      name = name.substr(0, name.find('.'));  // `view.field._value`
    }
    edge(resolveAlias(owner, alias), name, liquidVia(ref.kind, via), ref.begin, ref.end);
  }
}

std::vector<FieldEdge> DependencyClosure::fieldEdges(const ScopeEntry& entry,
                                                     const Field& field) const {
  std::vector<FieldEdge> edges;
  const FieldDetails& details = field.details();
  textEdges(&entry, field.sql, DependencyVia::Sql, &edges, nullptr);
  textEdges(&entry, details.sql_start, DependencyVia::Sql, &edges, nullptr);
  textEdges(&entry, details.sql_end, DependencyVia::Sql, &edges, nullptr);
  textEdges(&entry, details.sql_distinct_key, DependencyVia::DistinctKey, &edges, nullptr);
  textEdges(&entry, details.html, DependencyVia::Html, &edges, nullptr);
  for (const SourceText& link : details.links) {
    textEdges(&entry, link, DependencyVia::Link, &edges, nullptr);
  }
  // Names in lists: bare names are the field's own view; `view.field` may name the own view
  // by its view name (as measure filters do).
  auto named = [&](const std::string& name, DependencyVia via, Span span) {
    std::string alias = entry.alias, field_name = name;
    ExploreScope::splitName(name, &alias, &field_name);
    const ScopeEntry* target = resolveAlias(&entry, alias);
    const Field* f = target ? target->view->findField(field_name) : nullptr;
    if (f) edges.push_back({target, f, via, nullptr, 0, 0, span});
  };
  for (const MeasureFilter& f : field.filters) named(f.field, DependencyVia::Filters, f.span);
  if (!details.list_field.empty()) named(details.list_field, DependencyVia::ListField, field.span);
  for (size_t i = 0; i < details.required_fields.size(); ++i) {
    Span span =
        i < details.required_field_spans.size() ? details.required_field_spans[i] : field.span;
    named(details.required_fields[i], DependencyVia::RequiredFields, span);
  }
  return edges;
}

void DependencyClosure::addField(const ScopeEntry& entry, const Field& field, int parent,
                                 DependencyVia via, bool grants, bool user) {
  std::string key = entry.alias + "." + field.name;
  int s = strength(grants, user);
  auto it = seen_.find(key);
  if (it != seen_.end() && it->second.second >= s) return;
  FieldDependency dep;
  dep.entry = &entry;
  dep.field = &field;
  dep.parent = parent;
  dep.via = via;
  dep.grants = grants;
  dep.user = user;
  // A root the query names was checked against the lists when it was resolved.
  dep.excluded = user && parent >= 0 && !field_lists_.allows(entry, field.name);
  fields_.push_back(dep);
  seen_[key] = {fields_.size() - 1, s};
  pending_fields_.push_back(fields_.size() - 1);
}

void DependencyClosure::addQueryField(const ScopeEntry& entry, const Field& field) {
  addField(entry, field, -1, DependencyVia::Root, true, true);
}

void DependencyClosure::addExploreField(const ScopeEntry& entry, const Field& field) {
  addField(entry, field, -1, DependencyVia::Root, false, false);
}

void DependencyClosure::addAlias(const std::string& alias) {
  const ScopeEntry* entry = scope_.find(alias);
  if (entry && !aliases_.count(alias)) {
    aliases_.insert(alias);
    pending_aliases_.push_back(entry);
  }
}

void DependencyClosure::readTables(const std::vector<TableRead>& tables) {
  for (const TableRead& table : tables) {
    if (table.entry) {
      // `${TABLE}` of a view outside the explore is that view, already being read.
      if (scope_.find(table.entry->alias) == table.entry) addAlias(table.entry->alias);
    } else if (table.outside && !outside_names_.count(table.outside->name)) {
      outside_names_.insert(table.outside->name);
      outside_views_.push_back(table.outside);
      outside_entries_.push_back({table.outside->name, table.outside, nullptr, 0});
      pending_aliases_.push_back(&outside_entries_.back());
    }
  }
}

void DependencyClosure::addText(const ScopeEntry* owner, const SourceText& text,
                                DependencyVia via) {
  std::vector<FieldEdge> edges;
  std::vector<TableRead> tables;
  textEdges(owner, text, via, &edges, &tables);
  // Table and explore SQL is LookML's own: what it reads is grant-checked, not list-checked.
  for (const FieldEdge& e : edges) addField(*e.entry, *e.field, -1, via, true, false);
  readTables(tables);
}

void DependencyClosure::addExploreSql(const std::string& text) {
  explore_texts_.push_back({text, {}});
  addText(scope_.find(scope_.explore().alias), explore_texts_.back(), DependencyVia::ExploreSql);
}

void DependencyClosure::visitAlias(const ScopeEntry& entry) {
  if (!entry.view) return;
  const View& view = *entry.view;
  addText(&entry, view.sql_table_name, DependencyVia::Table);
  addText(&entry, view.derived_table_sql, DependencyVia::Table);
  if (const Field* pk = view.primaryKey()) {
    addField(entry, *pk, -1, DependencyVia::PrimaryKey, false, false);
  }
  if (!entry.join || !scope_.find(entry.alias)) return;
  const Join& join = *entry.join;
  addText(&entry, join.sql_on, DependencyVia::Table);
  addText(&entry, join.sql, DependencyVia::Table);
  addText(&entry, join.sql_where, DependencyVia::Table);
  if (join.foreign_key.present()) {
    std::string alias = scope_.explore().alias, name = join.foreign_key.text;
    ExploreScope::splitName(join.foreign_key.text, &alias, &name);
    const ScopeEntry* from = scope_.find(alias);
    const Field* fk = from && from->view ? from->view->findField(name) : nullptr;
    if (fk) addField(*from, *fk, -1, DependencyVia::Table, false, false);
  }
  for (const std::string& required : join.required_joins) addAlias(required);
}

void DependencyClosure::visitField(size_t index) {
  // Copied: fields_ grows while the edges are added.
  const FieldDependency dep = fields_[index];
  addAlias(dep.entry->alias);
  std::vector<FieldEdge> edges = fieldEdges(*dep.entry, *dep.field);
  bool user = dep.user && !dep.excluded;  // one finding per path: stop at the excluded field
  for (const FieldEdge& e : edges) {
    addField(*e.entry, *e.field, static_cast<int>(index), e.via, true, user);
  }
  std::vector<FieldEdge> ignored;
  std::vector<TableRead> tables;
  const FieldDetails& details = dep.field->details();
  for (const SourceText* text :
       {&dep.field->sql, &details.sql_start, &details.sql_end, &details.sql_distinct_key}) {
    textEdges(dep.entry, *text, DependencyVia::Sql, &ignored, &tables);
  }
  readTables(tables);
}

void DependencyClosure::close() {
  while (!pending_fields_.empty() || !pending_aliases_.empty()) {
    if (!pending_aliases_.empty()) {
      const ScopeEntry* entry = pending_aliases_.back();
      pending_aliases_.pop_back();
      visitAlias(*entry);
      continue;
    }
    size_t index = pending_fields_.back();
    pending_fields_.pop_back();
    visitField(index);
  }
}

std::string DependencyClosure::chain(size_t index) const {
  std::vector<size_t> path;
  for (int i = static_cast<int>(index); i >= 0; i = fields_[i].parent) path.push_back(i);
  std::reverse(path.begin(), path.end());
  // A long chain keeps its first and last links, so a message stays readable.
  constexpr size_t kShown = 4;
  std::string out;
  for (size_t k = 0; k < path.size(); ++k) {
    if (path.size() > 2 * kShown + 1 && k == kShown) {
      out += ", ... (" + std::to_string(path.size() - 2 * kShown) + " more)";
      k = path.size() - kShown - 1;
      continue;
    }
    const FieldDependency& dep = fields_[path[k]];
    std::string name = "`" + dep.entry->alias + "." + dep.field->name + "`";
    if (k == 0) {
      out = name;
    } else {
      out += (k == 1 ? " uses " : ", which uses ") + name + " (" + dependencyViaName(dep.via) + ")";
    }
  }
  return out;
}

}  // namespace lkml::semantic
