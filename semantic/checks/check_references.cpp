// `${...}` and Liquid references: unknown fields (205), views not joined in the explore (206),
// dimension groups without a timeframe (223), reference cycles (220), Liquid names (229), and
// the names in a view's sets and drill_fields (205, 223, 230) and table SQL (204).
#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "base/suggest.h"
#include "semantic/checks/checks.h"
#include "semantic/checks/view_references.h"
#include "semantic/field_list.h"
#include "semantic/semantic_diagnostics.h"
#include "semantic/sql_references.h"

namespace lkml::semantic::checks {

namespace {

std::vector<std::string> fieldNames(const View& view) {
  std::vector<std::string> names;
  for (const auto& f : view.fields) names.push_back(f.name);
  return names;
}

// The bytes of the field name inside `${view.field}` / `${field}`, when the reference's span
// maps byte for byte onto the file (else no fix is offered).
Span fieldNameSpan(const SourceText& sql, const SqlReference& ref) {
  if (!sql.span.valid() || sql.span.size() != sql.text.size() || ref.end <= ref.begin + 1 ||
      ref.end > sql.text.size() || sql.text[ref.end - 1] != '}' ||
      ref.end - 1 < ref.begin + ref.field.size()) {
    return {};
  }
  size_t at = ref.end - 1 - ref.field.size();
  if (sql.text.compare(at, ref.field.size(), ref.field) != 0) return {};
  return {sql.span.file, sql.span.begin + static_cast<uint32_t>(at),
          sql.span.begin + static_cast<uint32_t>(ref.end - 1)};
}

// The bytes of the view name inside `${view.field}`, as fieldNameSpan.
Span viewNameSpan(const SourceText& sql, const SqlReference& ref) {
  size_t at = ref.begin + 2;
  if (!sql.span.valid() || sql.span.size() != sql.text.size() || ref.end > sql.text.size() ||
      at + ref.view.size() > ref.end || sql.text.compare(ref.begin, 2, "${") != 0 ||
      sql.text.compare(at, ref.view.size(), ref.view) != 0) {
    return {};
  }
  return {sql.span.file, sql.span.begin + static_cast<uint32_t>(at),
          sql.span.begin + static_cast<uint32_t>(at + ref.view.size())};
}

void reportUnknownField(const Model* model, const View& view, const std::string& shown,
                        const std::string& field, Span span, const std::string& where,
                        DiagnosticSink& sink, Span field_span = {}) {
  if (view.hasGroup(field)) {
    Diagnostic d = makeSemDiagnostic(SemCode::missing_timeframe, span,
                                     "`" + shown + "` names dimension group `" + field +
                                         "` without a timeframe (in " + where + ")");
    d.help = "append a timeframe, e.g. `" + shown + "_date` or `" + shown + "_raw`";
    sink.report(std::move(d));
    return;
  }
  Diagnostic d = makeSemDiagnostic(SemCode::unknown_field, span,
                                   "unknown field `" + shown + "` in " + where + ": view `" +
                                       view.name + "` has no field `" + field + "`");
  d.label = "not a field of `" + view.name + "`";
  std::string near = closestMatch(field, fieldNames(view));
  if (!near.empty()) d.help = "did you mean `" + near + "`?";
  if (!near.empty() && field_span.valid()) d.fixes.push_back({field_span, near});
  std::string parent = model ? unknownAncestor(*model, view) : "";
  if (!parent.empty()) {
    // The field may be defined in the parent lkml cannot see (already reported as LKML204).
    d.severity = Severity::Warning;
    d.help = "view `" + view.name + "` extends `" + parent +
             "`, which lkml cannot see; the field may be defined there";
    d.fixes.clear();
  }
  sink.report(std::move(d));
}

void checkRefs(const Model* model, const ExploreScope* scope, const View* own_view,
               const SourceText& sql, const SqlRefs& refs, const std::string& own_alias,
               const std::string& where, DiagnosticSink& sink);

// Checks the references of SQL that belongs to `own_alias` (a view in the explore) or, when
// `own_view` is given without a scope, only the same-view references.
void checkReferences(const Model* model, const ExploreScope* scope, const View* own_view,
                     const SourceText& sql, const std::string& own_alias, const std::string& where,
                     DiagnosticSink& sink) {
  if (!sql.present()) return;
  checkRefs(model, scope, own_view, sql, collectRefs(sql.text), own_alias, where, sink);
}

void checkRefs(const Model* model, const ExploreScope* scope, const View* own_view,
               const SourceText& sql, const SqlRefs& refs, const std::string& own_alias,
               const std::string& where, DiagnosticSink& sink) {
  for (const SqlReference& ref : refs.sql) {
    Span span = subSpan(sql, ref.begin, ref.end);
    switch (ref.kind) {
      case SqlReference::Kind::Table:
      case SqlReference::Kind::Extended:
        break;
      case SqlReference::Kind::Field: {
        if (!own_view) {
          Diagnostic d = makeSemDiagnostic(SemCode::unknown_field, span,
                                           "`${" + ref.field + "}` in " + where +
                                               " must name its view: `${view." + ref.field + "}`");
          sink.report(std::move(d));
        } else if (!own_view->findField(ref.field)) {
          reportUnknownField(model, *own_view, ref.field, ref.field, span, where, sink,
                             fieldNameSpan(sql, ref));
        }
        break;
      }
      case SqlReference::Kind::ViewField: {
        if (!scope) {
          // Outside an explore only the view's own name can be checked.
          if (own_view && ref.view == own_alias && !own_view->findField(ref.field)) {
            reportUnknownField(model, *own_view, ref.view + "." + ref.field, ref.field, span, where,
                               sink, fieldNameSpan(sql, ref));
          }
          break;
        }
        const ScopeEntry* entry = scope->find(ref.view);
        if (!entry) {
          Diagnostic d = makeSemDiagnostic(
              SemCode::inaccessible_view, span,
              "`${" + ref.view + "." + ref.field + "}` in " + where + ": view `" + ref.view +
                  "` is not joined in explore `" + scope->explore().name + "`");
          d.label = "not accessible in this explore";
          std::vector<std::string> aliases;
          for (const auto& e : scope->entries()) aliases.push_back(e.alias);
          std::string near = closestMatch(ref.view, aliases);
          d.help = near.empty() ? "join `" + ref.view + "` in explore `" + scope->explore().name +
                                      "` (or remove the reference)"
                                : "did you mean `${" + near + "." + ref.field + "}`?";
          Span view_span = viewNameSpan(sql, ref);
          if (!near.empty() && view_span.valid()) d.fixes.push_back({view_span, near});
          // The view is there under another name (`from:`): its fields go by that alias.
          for (const auto& e : scope->entries()) {
            if (near.empty() && e.view && e.view->name == ref.view) {
              if (view_span.valid()) d.fixes.push_back({view_span, e.alias});
              d.help = "view `" + ref.view + "` is in this explore as `" + e.alias +
                       "`: write `${" + e.alias + "." + ref.field + "}`";
              break;
            }
          }
          sink.report(std::move(d));
        } else if (entry->view && !entry->view->findField(ref.field)) {
          reportUnknownField(model, *entry->view, ref.view + "." + ref.field, ref.field, span,
                             where, sink, fieldNameSpan(sql, ref));
        }
        break;
      }
      case SqlReference::Kind::SqlTableName: {
        const Model* model = scope ? &scope->model() : nullptr;
        if (model && !model->findView(ref.view) && !scope->find(ref.view)) {
          Diagnostic d = makeSemDiagnostic(
              SemCode::unknown_view, span,
              "`${" + ref.view + ".SQL_TABLE_NAME}` in " + where + " names an unknown view");
          reportUnknownName(*model, std::move(d), sink);
        }
        break;
      }
    }
  }
  // `{% condition %}` without a name, inside a filter field, means that filter itself: such
  // references were dropped by collectRefs.
  for (const LiquidReference& ref : refs.liquid) {
    // `view._in_query` names a view (or join alias), not a field.
    if (ref.kind == LiquidReference::Kind::FieldValue && ref.name.find('.') == std::string::npos &&
        (!own_view || !own_view->findField(ref.name)) && (!scope || scope->find(ref.name))) {
      continue;
    }
    std::string alias = own_alias, field = ref.name;
    ExploreScope::splitName(ref.name, &alias, &field);
    const View* view = own_view;
    if (alias != own_alias) {
      const ScopeEntry* entry = scope ? scope->find(alias) : nullptr;
      view = entry ? entry->view : nullptr;
      if (!scope) continue;
    }
    if (view && !view->findField(field)) {
      Diagnostic d =
          makeSemDiagnostic(SemCode::invalid_liquid_reference, subSpan(sql, ref.begin, ref.end),
                            "Liquid in " + where + " refers to unknown field `" + ref.name + "`");
      std::string near = closestMatch(field, fieldNames(*view));
      if (!near.empty()) d.help = "did you mean `" + near + "`?";
      sink.report(std::move(d));
    }
  }
}

// `entry` and `field_lists` are given with a scope: the view as joined in an explore.
void checkViewSql(const Model& model, const ExploreScope* scope, const ScopeEntry* entry,
                  ExploreFieldLists* field_lists, const View& view, const std::string& alias,
                  ViewRefsCache& cache, DiagnosticSink& sink) {
  const std::vector<FieldSqlRefs>& items = cache.of(view);
  // Fields an explore's `fields:` excludes are never compiled there (Looker skips them), unless
  // a field it keeps uses them: their SQL is then part of that field's (`${excluded}` expands),
  // so it is checked too, naming the field that needs it. Same-view references, followed with
  // an explicit work list.
  std::map<std::string, std::string> needed_by;  // excluded field -> a kept field using it
  if (field_lists) {
    std::map<std::string, const FieldSqlRefs*> by_name;
    for (const FieldSqlRefs& item : items) by_name.emplace(item.field->name, &item);
    std::vector<std::pair<const FieldSqlRefs*, std::string>> todo;
    for (const FieldSqlRefs& item : items) {
      if (field_lists->allows(*entry, item.field->name)) todo.push_back({&item, ""});
    }
    while (!todo.empty()) {
      auto [item, user] = todo.back();
      todo.pop_back();
      for (const SqlReference& ref : item->refs.sql) {
        bool same_view = ref.kind == SqlReference::Kind::Field ||
                         (ref.kind == SqlReference::Kind::ViewField && ref.view == alias);
        if (!same_view || field_lists->allows(*entry, ref.field)) continue;
        auto target = by_name.find(ref.field);
        if (target == by_name.end() || needed_by.count(ref.field)) continue;
        std::string root = user.empty() ? item->field->name : user;
        needed_by[ref.field] = root;
        todo.push_back({target->second, root});
      }
    }
  }
  for (const FieldSqlRefs& item : items) {
    const Field& f = *item.field;
    std::string where = "`" + view.name + "." + (f.group.empty() ? f.name : f.group) + "`";
    if (field_lists && !field_lists->allows(*entry, f.name)) {
      auto user = needed_by.find(f.name);
      if (user == needed_by.end()) continue;
      where += " (excluded by `fields`, but used by `" + view.name + "." + user->second + "`)";
    }
    checkRefs(&model, scope, &view, *item.sql, item.refs, alias, where, sink);
  }
}

// Shows a chain of field names, its middle elided when long.
std::string chainText(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (names.size() > 12 && i == 5) {
      out += "... -> ";
      i = names.size() - 5;
    }
    out += "${" + names[i] + "} -> ";
  }
  return out;
}

// Cycles among same-view references (`${a}` -> `${b}` -> `${a}`, LKML220), and chains longer
// than the query compiler expands (LKML246, at the chain's start). Fields are identified by
// the index findField gives their name (a duplicate name is one node, as Looker sees it). A
// depth-first search with an explicit stack: the input decides how deep it goes.
void checkCycles(const View& view, ViewRefsCache& cache, DiagnosticSink& sink) {
  std::vector<const FieldSqlRefs*> sql_refs(view.fields.size(), nullptr);
  bool any = false;
  for (const FieldSqlRefs& item : cache.of(view)) {
    if (item.sql != &item.field->sql) continue;
    sql_refs[static_cast<size_t>(item.field - view.fields.data())] = &item;
    any = true;
  }
  if (!any) return;
  auto node = [&](const Field& f) {
    return static_cast<size_t>(view.findField(f.name) - view.fields.data());
  };
  static const std::vector<SqlReference> kNone;
  const size_t n = view.fields.size();
  std::vector<char> state(n, 0);       // 0 new, 1 on stack, 2 done
  std::vector<size_t> depth(n, 0);     // done: fields in the longest chain from here
  std::vector<size_t> position(n, 0);  // on stack: index in `stack`
  std::vector<char> referenced(n, 0);  // some other field references it
  struct Frame {
    explicit Frame(const Field* f) : field(f) {}
    const Field* field;
    size_t next = 0;  // next reference to follow
    size_t deepest = 0;
  };
  std::vector<Frame> stack;
  for (const Field& start : view.fields) {
    if (state[node(start)] != 0) continue;
    state[node(start)] = 1;
    position[node(start)] = 0;
    stack.emplace_back(&start);
    while (!stack.empty()) {
      Frame& top = stack.back();
      const Field& f = *top.field;
      const FieldSqlRefs* refs = sql_refs[static_cast<size_t>(&f - view.fields.data())];
      const std::vector<SqlReference>& list = refs ? refs->refs.sql : kNone;
      if (top.next < list.size()) {
        const SqlReference& ref = list[top.next++];
        if (ref.kind != SqlReference::Kind::Field &&
            !(ref.kind == SqlReference::Kind::ViewField && ref.view == view.name)) {
          continue;
        }
        const Field* next = view.findField(ref.field);
        if (!next || (next == &f && f.sql_defaulted)) continue;
        size_t target = node(*next);
        if (target != node(f)) referenced[target] = 1;
        if (state[target] == 1) {
          std::vector<std::string> names;
          for (size_t i = position[target]; i < stack.size(); ++i) {
            names.push_back(stack[i].field->name);
          }
          Diagnostic d =
              makeSemDiagnostic(SemCode::reference_cycle, subSpan(f.sql, ref.begin, ref.end),
                                "fields of view `" + view.name +
                                    "` reference each other in a cycle: " + chainText(names) +
                                    "${" + next->name + "}");
          d.help = "one of these fields must use a column (`${TABLE}.col`) instead";
          sink.report(std::move(d));
        } else if (state[target] == 2) {
          top.deepest = std::max(top.deepest, depth[target]);
        } else {
          state[target] = 1;
          position[target] = stack.size();
          stack.emplace_back(next);  // `top` dangles from here
        }
        continue;
      }
      size_t self = node(f);
      depth[self] = top.deepest + 1;
      state[self] = 2;
      stack.pop_back();
      if (!stack.empty()) stack.back().deepest = std::max(stack.back().deepest, depth[self]);
    }
  }
  // Chains too long to compile, reported where they start (or, inside a cycle, at the deepest).
  size_t deepest = 0;
  for (size_t i = 0; i < n; ++i) {
    if (depth[i] > depth[deepest]) deepest = i;
  }
  if (depth[deepest] <= kMaxSqlReferenceDepth) return;
  std::vector<size_t> starts;
  for (size_t i = 0; i < n; ++i) {
    if (depth[i] > kMaxSqlReferenceDepth && !referenced[i] && node(view.fields[i]) == i) {
      starts.push_back(i);
    }
  }
  if (starts.empty()) starts.push_back(deepest);
  for (size_t start : starts) {
    // The first links, each step to the deepest referenced field.
    std::vector<std::string> names{view.fields[start].name};
    for (size_t at = start; names.size() < 4;) {
      const FieldSqlRefs* refs = sql_refs[at];
      size_t next = n;
      for (const SqlReference& ref : refs ? refs->refs.sql : kNone) {
        const Field* target = view.findField(ref.field);
        if (target && depth[node(*target)] + 1 == depth[at]) next = node(*target);
      }
      if (next == n) break;
      names.push_back(view.fields[next].name);
      at = next;
    }
    const Field& f = view.fields[start];
    Diagnostic d = makeSemDiagnostic(
        SemCode::reference_chain_too_deep, f.name_span.valid() ? f.name_span : f.sql.span,
        "`${}` references starting at `" + view.name + "." + f.name + "` nest " +
            std::to_string(depth[start]) + " fields deep (" + chainText(names) +
            "...); lkml compiles chains of at most " + std::to_string(kMaxSqlReferenceDepth) +
            " fields");
    d.help = "use a column (`${TABLE}.col`) somewhere along the chain";
    sink.report(std::move(d));
  }
}

// One item of a view's own field list (`set: s { fields: [...] }`, `drill_fields: [...]`):
// `field`, `view.field`, `set*`, `view.set*`, `ALL_FIELDS*`, with an optional leading `-`.
// Names of another view are checked when a view of that name exists in the model; a name that
// is no view may be a join alias in some explore, so it is left alone. Looker tolerates broken
// drill fields and set members (published blocks contain them), so these are warnings. The
// message does not name the view being checked: a view that extends another repeats its sets,
// and one finding per location is enough.
void checkListItem(const Model& model, const View& view, const std::string& raw, Span span,
                   const std::string& where, bool other_views_only, DiagnosticSink& sink) {
  std::string item = !raw.empty() && raw[0] == '-' ? raw.substr(1) : raw;
  std::string alias = view.name, name = item;
  ExploreScope::splitName(item, &alias, &name);
  if (other_views_only && alias == view.name) return;
  const View* target = alias == view.name ? &view : model.findView(alias);
  if (!target || name.empty()) return;
  // Fields may come from a parent lkml cannot see (an imported project).
  if (!unknownAncestor(model, *target).empty()) return;
  std::string qualifier = item.find('.') == std::string::npos ? "" : alias + ".";
  Diagnostic d;
  std::vector<std::string> candidates;
  std::string wanted;
  if (name.back() == '*') {
    wanted = name.substr(0, name.size() - 1);
    if (wanted == "ALL_FIELDS" || target->findSet(wanted)) return;
    d = makeSemDiagnostic(SemCode::unknown_set, span, "unknown set `" + item + "` in " + where);
    d.label = "no set `" + wanted + "` in view `" + target->name + "`";
    for (const auto& s : target->sets) candidates.push_back(s.name);
  } else {
    wanted = name;
    if (target->findField(name)) return;
    if (target->hasGroup(name)) {
      d = makeSemDiagnostic(SemCode::missing_timeframe, span,
                            "`" + item + "` in " + where + " names dimension group `" + name +
                                "` without a timeframe");
      d.help = "append a timeframe, e.g. `" + item + "_date`";
    } else {
      d = makeSemDiagnostic(SemCode::unknown_field, span,
                            "unknown field `" + item + "` in " + where);
      d.label = "not a field of `" + target->name + "`";
      candidates = fieldNames(*target);
    }
  }
  std::string near = closestMatch(wanted, candidates);
  if (!near.empty()) {
    d.help = "did you mean `" + qualifier + near + (name.back() == '*' ? "*" : "") + "`?";
  }
  d.severity = Severity::Warning;
  sink.report(std::move(d));
}

// `other_views_only`: the items naming the view itself were checked in another model that
// holds the same (shared) view.
void checkFieldLists(const Model& model, const View& view, bool other_views_only,
                     DiagnosticSink& sink) {
  auto check = [&](const std::vector<std::string>& items, const std::vector<Span>& spans,
                   const std::string& where) {
    for (size_t i = 0; i < items.size() && i < spans.size(); ++i) {
      checkListItem(model, view, items[i], spans[i], where, other_views_only, sink);
    }
  };
  for (const FieldSet& set : view.sets) {
    check(set.fields, set.field_spans, "set `" + set.name + "`");
  }
  check(view.drill_fields, view.drill_field_spans, "the view's `drill_fields`");
  std::set<std::string> groups;
  for (const Field& f : view.fields) {
    if (f.drill_fields.empty()) continue;
    // A dimension group's fields share its parameters: check them once.
    if (!f.group.empty() && !groups.insert(f.group).second) continue;
    check(f.drill_fields, f.drill_field_spans,
          "the `drill_fields` of `" + (f.group.empty() ? f.name : f.group) + "`");
  }
}

// `${view.SQL_TABLE_NAME}` in a view's own table SQL (derived_table, sql_table_name).
void checkTableSql(const Model& model, const View& view, DiagnosticSink& sink) {
  for (const SourceText* sql : {&view.derived_table_sql, &view.sql_table_name}) {
    if (!sql->present()) continue;
    for (const SqlReference& ref : findSqlReferences(sql->text)) {
      if (ref.kind != SqlReference::Kind::SqlTableName || model.findView(ref.view)) continue;
      Diagnostic d = makeSemDiagnostic(
          SemCode::unknown_view, subSpan(*sql, ref.begin, ref.end),
          "`${" + ref.view + ".SQL_TABLE_NAME}` in view `" + view.name + "` names an unknown view");
      std::vector<std::string> names;
      for (const auto& [n, v] : model.views) names.push_back(n);
      std::string near = closestMatch(ref.view, names);
      if (!near.empty()) d.help = "did you mean `${" + near + ".SQL_TABLE_NAME}`?";
      reportUnknownName(model, std::move(d), sink);
    }
  }
}

}  // namespace

Span subSpan(const SourceText& sql, size_t begin, size_t end) {
  if (!sql.span.valid() || sql.span.size() != sql.text.size()) return sql.span;
  return {sql.span.file, sql.span.begin + static_cast<uint32_t>(begin),
          sql.span.begin + static_cast<uint32_t>(end)};
}

void checkSqlInScope(const ExploreScope& scope, const SourceText& sql,
                     const std::string& default_alias, const std::string& where,
                     DiagnosticSink& sink) {
  const ScopeEntry* own = default_alias.empty() ? nullptr : scope.find(default_alias);
  checkReferences(&scope.model(), &scope, own ? own->view : nullptr, sql, default_alias, where,
                  sink);
}

namespace {

// Views seen through some explore: their field SQL is checked in each explore's scope; the
// others are checked on their own.
std::set<std::string> exploredViews(const Model& model) {
  std::set<std::string> explored;
  for (const Explore& explore : model.explores) {
    if (explore.extension_required || !model.findView(explore.view)) continue;
    ExploreScope scope(model, explore);
    for (const ScopeEntry& entry : scope.entries()) {
      if (entry.view && !entry.view->extension_required) explored.insert(entry.view->name);
    }
  }
  return explored;
}

}  // namespace

// One cache for all models: it is keyed by the view, and models share views. What each model
// explores is found once, by the first part of the view half that runs.
struct ReferenceChecker::Caches {
  ViewRefsCache views;
  std::once_flag plan_once;
  std::vector<std::set<std::string>> explored;  // per model
  // A view shared between models (semantic/model.h) has its own findings checked once, in the
  // first model that holds it (its cycles) and in the first that explores it nowhere (its
  // field SQL checked alone): they depend on the view only, its `extends` inputs being part of
  // what makes it shared.
  std::unordered_map<const View*, size_t> first_model, first_alone;

  void plan(const std::vector<Model>& models) {
    explored.resize(models.size());
    for (size_t m = 0; m < models.size(); ++m) {
      explored[m] = exploredViews(models[m]);
      for (const auto& [name, view] : models[m].views) {
        first_model.emplace(&view, m);
        if (!explored[m].count(name)) first_alone.emplace(&view, m);
      }
    }
  }
};

ReferenceChecker::ReferenceChecker(const LoadedProject& project)
    : project_(project), caches_(std::make_unique<Caches>()) {}

ReferenceChecker::~ReferenceChecker() = default;

void ReferenceChecker::checkExploreHalf(DiagnosticSink& sink, CheckPart part) {
  forEachExplore(project_, part, [&](size_t, const Model& model, size_t, const Explore& explore) {
    if (explore.extension_required || !model.findView(explore.view)) return;
    ExploreScope scope(model, explore);
    ExploreFieldLists field_lists(scope);
    for (const ScopeEntry& entry : scope.entries()) {
      if (!entry.view || entry.view->extension_required) continue;
      checkViewSql(model, &scope, &entry, &field_lists, *entry.view, entry.alias, caches_->views,
                   sink);
    }
  });
}

void ReferenceChecker::checkViewHalf(DiagnosticSink& sink, CheckPart part) {
  Caches& c = *caches_;
  std::call_once(c.plan_once, [&] { c.plan(project_.project.models); });
  // `extension: required` views are checked through the views that extend them.
  forEachView(
      project_, part,
      [&](size_t m, const Model& model, const std::string& name, const View& view, bool first) {
        if (view.extension_required) return;
        const ViewFacts* facts = first ? nullptr : part.factsFor(view);
        if (first) checkCycles(view, c.views, sink);
        if (!facts || facts->other_view_lists) checkFieldLists(model, view, !first, sink);
        if (!facts || facts->table_references) checkTableSql(model, view, sink);
        auto alone = c.first_alone.find(&view);
        if (alone != c.first_alone.end() && alone->second == m) {
          checkViewSql(model, nullptr, nullptr, nullptr, view, name, c.views, sink);
        }
      });
}

}  // namespace lkml::semantic::checks
