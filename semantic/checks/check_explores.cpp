// Explore and join checks: base view (228, 204, 227), join names (203), join targets (204),
// conditions (207, 208), relationship (209), fan-out without a primary key (210), field lists
// (205, 230), required_joins/always_join (233), foreign_key targets (235), access/always filters.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "base/suggest.h"
#include "semantic/checks/checks.h"
#include "semantic/field_list.h"
#include "semantic/field_types.h"
#include "semantic/semantic_diagnostics.h"
#include "semantic/sql_references.h"

namespace lkml::semantic::checks {

namespace {

std::vector<std::string> viewNames(const Model& model) {
  std::vector<std::string> names;
  for (const auto& [name, view] : model.views) names.push_back(name);
  return names;
}

void reportUnknownView(const Model& model, const std::string& name, Span span,
                       const std::string& context, DiagnosticSink& sink) {
  Diagnostic d =
      makeSemDiagnostic(SemCode::unknown_view, span, "unknown view `" + name + "` " + context);
  std::string near = closestMatch(name, viewNames(model));
  d.help = near.empty() ? "define the view, or include the file that defines it in model `" +
                              model.name + "`"
                        : "did you mean `" + near + "`?";
  reportUnknownName(model, std::move(d), sink);
}

bool needsSymmetricAggregates(const View& view) {
  for (const Field& f : view.fields) {
    if (f.isMeasure() && (f.type == "count" || f.type == "sum" || f.type == "average" ||
                          f.type == "median" || f.type == "percentile")) {
      return true;
    }
  }
  return false;
}

// The alias a join hangs from: the last-declared other alias its condition mentions.
std::string parentAlias(const ExploreScope& scope, const Join& join) {
  std::string parent = scope.explore().alias;
  size_t best = 0;
  auto consider = [&](const std::string& alias) {
    const ScopeEntry* e = scope.find(alias);
    if (e && alias != join.name && e->order >= best) {
      best = e->order;
      parent = alias;
    }
  };
  for (const SqlReference& ref : findSqlReferences(join.sql_on.text)) {
    if (ref.kind == SqlReference::Kind::ViewField) consider(ref.view);
  }
  std::string alias, field;
  if (ExploreScope::splitName(join.foreign_key.text, &alias, &field)) consider(alias);
  return parent;
}

void checkFanout(const ExploreScope& scope, DiagnosticSink& sink) {
  const Explore& explore = scope.explore();
  if (!explore.symmetric_aggregates) return;
  std::map<std::string, std::string> parent;
  for (const Join& join : explore.joins) parent[join.name] = parentAlias(scope, join);
  auto inSubtree = [&](std::string alias, const std::string& root) {
    for (int guard = 0; guard < 1000; ++guard) {
      if (alias == root) return true;
      auto it = parent.find(alias);
      if (it == parent.end()) return false;
      alias = it->second;
    }
    return false;
  };
  std::set<std::string> reported;
  for (const Join& join : explore.joins) {
    // A cross join repeats everything unless the relationship says otherwise.
    bool many_many = join.relationship == Relationship::ManyToMany ||
                     (join.type == JoinType::Cross && !join.relationship_given);
    if (join.relationship != Relationship::OneToMany && !many_many) continue;
    for (const ScopeEntry& entry : scope.entries()) {
      if (!entry.view || entry.view->primaryKey() || !needsSymmetricAggregates(*entry.view)) {
        continue;
      }
      bool fanned = many_many || !inSubtree(entry.alias, join.name);
      if (!fanned || !reported.insert(entry.alias).second) continue;
      Diagnostic d = makeSemDiagnostic(
          SemCode::fanout_without_primary_key, join.name_span,
          "in explore `" + explore.name + "`, join `" + join.name + "` (" +
              (join.type == JoinType::Cross && !join.relationship_given
                   ? "type: cross"
                   : relationshipName(join.relationship)) +
              ") repeats the rows of `" + entry.alias + "`, whose view `" + entry.view->name +
              "` has no primary key, so its measures cannot be computed without double counting");
      d.notes.push_back({entry.view->name_span, "view `" + entry.view->name + "` is defined here"});
      d.help = "add `primary_key: yes` to a unique dimension of `" + entry.view->name + "`";
      sink.report(std::move(d));
    }
  }
}

// `spans` has one span per item when known; `span` (the whole list) otherwise.
void checkFieldList(const ExploreScope& scope, const std::vector<std::string>& items, Span span,
                    const std::vector<Span>& spans, const std::string& default_alias,
                    DiagnosticSink& sink) {
  std::vector<FieldListProblem> problems;
  resolveFieldList(scope, items, default_alias, &problems);
  for (const FieldListProblem& p : problems) {
    Span where = p.item < spans.size() && spans[p.item].valid() ? spans[p.item] : span;
    Diagnostic d =
        makeSemDiagnostic(p.unknown_set ? SemCode::unknown_set : SemCode::unknown_field, where,
                          p.message + " in the `fields` of explore `" + scope.explore().name + "`");
    if (!p.suggestion.empty()) d.help = "did you mean `" + p.suggestion + "`?";
    sink.report(std::move(d));
  }
}

void checkFieldName(const ExploreScope& scope, const std::string& name, Span span,
                    const std::string& what, DiagnosticSink& sink) {
  std::string alias, field;
  if (!ExploreScope::splitName(name, &alias, &field)) {
    Diagnostic d = makeSemDiagnostic(SemCode::unknown_field, span,
                                     what + " names `" + name + "`; expected `view.field`");
    sink.report(std::move(d));
    return;
  }
  const ScopeEntry* entry = scope.find(alias);
  if (!entry) {
    Diagnostic d = makeSemDiagnostic(SemCode::inaccessible_view, span,
                                     what + " uses view `" + alias +
                                         "`, which is not joined in "
                                         "explore `" +
                                         scope.explore().name + "`");
    std::vector<std::string> aliases;
    for (const auto& e : scope.entries()) aliases.push_back(e.alias);
    std::string near = closestMatch(alias, aliases);
    if (!near.empty()) d.help = "did you mean `" + near + "." + field + "`?";
    sink.report(std::move(d));
    return;
  }
  if (entry->view && !entry->view->findField(field) && entry->view->hasGroup(field)) {
    Diagnostic d =
        makeSemDiagnostic(SemCode::missing_timeframe, span,
                          what + " names dimension group `" + name + "` without a timeframe");
    d.help = "append a timeframe, e.g. `" + name + "_date`";
    sink.report(std::move(d));
    return;
  }
  if (entry->view && !entry->view->findField(field)) {
    Diagnostic d = makeSemDiagnostic(SemCode::unknown_field, span,
                                     what + " names unknown field `" + name + "`");
    std::vector<std::string> names;
    for (const auto& f : entry->view->fields) names.push_back(f.name);
    std::string near = closestMatch(field, names);
    if (!near.empty()) d.help = "did you mean `" + alias + "." + near + "`?";
    std::string parent = unknownAncestor(scope.model(), *entry->view);
    if (!parent.empty()) {
      d.severity = Severity::Warning;
      d.help = "view `" + entry->view->name + "` extends `" + parent +
               "`, which lkml cannot see; the field may be defined there";
    }
    sink.report(std::move(d));
  }
}

// `foreign_key: dim` names a dimension of the base view (or `alias.dim` of an earlier join).
// `sql_foreign_key` (SQL, lowered into the same member) is checked as SQL elsewhere.
void checkForeignKey(const ExploreScope& scope, const Join& join, DiagnosticSink& sink) {
  const std::string& text = join.foreign_key.text;
  if (text.empty()) return;
  for (char c : text) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '.') return;
  }
  std::string alias = scope.explore().alias, field = text;
  ExploreScope::splitName(text, &alias, &field);
  checkFieldName(scope, alias + "." + field, join.foreign_key.span,
                 "the `foreign_key` of join `" + join.name + "`", sink);
}

void checkJoins(const ExploreScope& scope, DiagnosticSink& sink) {
  const Explore& explore = scope.explore();
  const Model& model = scope.model();
  std::map<std::string, const Join*> seen;
  std::vector<std::string> earlier = {explore.alias};
  for (const Join& join : explore.joins) {
    if (join.name == explore.alias) {
      Diagnostic d = makeSemDiagnostic(SemCode::duplicate_name, join.name_span,
                                       "join `" + join.name + "` reuses the explore's own alias");
      d.help = "give the join another name and set `from: " + join.view + "`";
      sink.report(std::move(d));
    } else if (auto [it, inserted] = seen.emplace(join.name, &join); !inserted) {
      Diagnostic d = makeSemDiagnostic(
          SemCode::duplicate_name, join.name_span,
          "join `" + join.name + "` appears twice in explore `" + explore.name + "`");
      d.notes.push_back({it->second->name_span, "first join"});
      sink.report(std::move(d));
    }
    const View* view = model.findView(join.view);
    if (!view) {
      reportUnknownView(model, join.view, join.from_span.valid() ? join.from_span : join.name_span,
                        "joined as `" + join.name + "` in explore `" + explore.name + "`", sink);
    } else if (view->extension_required) {
      Diagnostic d = makeSemDiagnostic(SemCode::extension_used_directly, join.name_span,
                                       "view `" + view->name +
                                           "` has `extension: required` and "
                                           "cannot be joined directly");
      d.help = "join a view that extends it";
      sink.report(std::move(d));
    }
    if (join.type != JoinType::Cross && !join.sql_on.present() && !join.foreign_key.present() &&
        !join.sql.present()) {
      Diagnostic d = makeSemDiagnostic(SemCode::missing_join_condition, join.name_span,
                                       "join `" + join.name + "` has no `sql_on` or `foreign_key`");
      // Looker's validator accepts it (a view without a table whose fields only reference
      // other views needs no condition); a query that needs the table joins it `ON TRUE`.
      d.help = "add `sql_on: ${" + explore.alias + ".x} = ${" + join.name +
               ".y} ;;`, or "
               "`type: cross` for a deliberate cross join";
      sink.report(std::move(d));
    }
    for (const SqlReference& ref : findSqlReferences(join.sql_on.text)) {
      if (ref.kind != SqlReference::Kind::ViewField || ref.view == join.name) continue;
      bool before = std::find(earlier.begin(), earlier.end(), ref.view) != earlier.end();
      const ScopeEntry* entry = scope.find(ref.view);
      if (!before && entry) {
        Diagnostic d =
            makeSemDiagnostic(SemCode::join_order, subSpan(join.sql_on, ref.begin, ref.end),
                              "the `sql_on` of join `" + join.name + "` uses `" + ref.view +
                                  "`, which is joined after it; Looker and lkml order the "
                                  "joins by what they reference");
        d.notes.push_back({entry->join ? entry->join->name_span : explore.name_span,
                           "`" + ref.view + "` is joined here"});
        d.help = "move join `" + ref.view + "` above join `" + join.name + "`";
        sink.report(std::move(d));
      }
    }
    if (join.foreign_key.present() && view && !view->primaryKey()) {
      Diagnostic d =
          makeSemDiagnostic(SemCode::foreign_key_without_primary_key, join.foreign_key.span,
                            "join `" + join.name + "` uses `foreign_key`, but view `" + view->name +
                                "` has no single primary key");
      d.help = "mark its key dimension `primary_key: yes`, or use `sql_on`";
      sink.report(std::move(d));
    }
    if (!join.relationship_given && join.type != JoinType::Cross) {
      Diagnostic d = makeSemDiagnostic(SemCode::missing_relationship, join.name_span,
                                       "join `" + join.name +
                                           "` has no `relationship`; Looker "
                                           "assumes many_to_one");
      d.help =
          "state it, e.g. `relationship: many_to_one` (many rows of the explore match one "
          "row of `" +
          join.name + "`)";
      // Stating what Looker already assumes changes nothing but the warning.
      if (join.span.valid() && join.span.size() > 0) {
        d.fixes.push_back({{join.span.file, join.span.end - 1, join.span.end - 1},
                           "relationship: many_to_one",
                           true});
      }
      sink.report(std::move(d));
    }
    for (size_t i = 0; i < join.required_joins.size(); ++i) {
      const std::string& required = join.required_joins[i];
      if (std::find(earlier.begin(), earlier.end(), required) == earlier.end()) {
        Span where = i < join.required_join_spans.size() ? join.required_join_spans[i] : join.span;
        Diagnostic d = makeSemDiagnostic(SemCode::unknown_join, where,
                                         "join `" + join.name + "` requires join `" + required +
                                             "`, which is not declared before it");
        if (scope.find(required)) {
          d.help = "move join `" + required + "` above join `" + join.name + "`";
        } else if (std::string near = closestMatch(required, earlier); !near.empty()) {
          d.help = "did you mean `" + near + "`?";
        }
        sink.report(std::move(d));
      }
    }
    checkForeignKey(scope, join, sink);
    if (join.has_fields) {
      checkFieldList(scope, join.fields, join.span, join.field_spans, join.name, sink);
    }
    earlier.push_back(join.name);
  }
  for (size_t i = 0; i < explore.always_join.size(); ++i) {
    const std::string& name = explore.always_join[i];
    if (!explore.findJoin(name)) {
      Span where =
          i < explore.always_join_spans.size() ? explore.always_join_spans[i] : explore.name_span;
      Diagnostic d = makeSemDiagnostic(SemCode::unknown_join, where,
                                       "`always_join` names unknown join `" + name + "`");
      std::vector<std::string> joins;
      for (const Join& j : explore.joins) joins.push_back(j.name);
      std::string near = closestMatch(name, joins);
      if (!near.empty()) d.help = "did you mean `" + near + "`?";
      sink.report(std::move(d));
    }
  }
}

}  // namespace

void checkExplores(const LoadedProject& project, DiagnosticSink& sink, CheckPart part) {
  forEachExplore(project, part, [&](size_t, const Model& model, size_t, const Explore& explore) {
    if (explore.extension_required) return;  // checked through the explores extending it
    const View* base = model.findView(explore.view);
    if (!base) {
      // A parent explore that does not exist (reported as LKML204) may have named the view.
      bool unknown_parent = false;
      for (const std::string& parent : explore.extends) {
        unknown_parent |= model.findExplore(parent) == nullptr;
      }
      if (explore.view == explore.name && unknown_parent) return;
      if (explore.view == explore.name) {
        Diagnostic d = makeSemDiagnostic(SemCode::explore_without_view, explore.name_span,
                                         "explore `" + explore.name + "` has no view named `" +
                                             explore.name + "` and no `from` or `view_name`");
        std::string near = closestMatch(explore.name, viewNames(model));
        d.help = near.empty() ? "add `from: some_view`" : "add `from: " + near + "`?";
        if (!explore.extends.empty()) {
          // The implicit base view (the explore's own name) is not inherited.
          d.help = "give explore `" + explore.extends.front() +
                   "` a `view_name:` (or `from:`): an implicit base view is not inherited";
        }
        reportUnknownName(model, std::move(d), sink);
      } else {
        reportUnknownView(model, explore.view,
                          explore.view_span.valid() ? explore.view_span : explore.name_span,
                          "as the base of explore `" + explore.name + "`", sink);
      }
      return;
    }
    if (base->extension_required) {
      Diagnostic d = makeSemDiagnostic(SemCode::extension_used_directly, explore.name_span,
                                       "view `" + base->name +
                                           "` has `extension: required` "
                                           "and cannot be explored directly");
      sink.report(std::move(d));
    }
    ExploreScope scope(model, explore);
    checkJoins(scope, sink);
    checkFanout(scope, sink);
    if (explore.has_fields) {
      checkFieldList(scope, explore.fields, explore.fields_span, explore.field_spans, "", sink);
    }
    for (const AccessFilter& f : explore.access_filters) {
      checkFieldName(scope, f.field, f.field_span.valid() ? f.field_span : f.span,
                     "`access_filter`", sink);
    }
    for (const FilterDefault& f : explore.always_filter) {
      checkFieldName(scope, f.field, f.span, "`always_filter`", sink);
    }
    for (const FilterDefault& f : explore.conditionally_filter) {
      checkFieldName(scope, f.field, f.span, "`conditionally_filter`", sink);
    }
    // Bare `${field}` in explore SQL refers to the base view, as in Looker.
    checkSqlInScope(scope, explore.sql_always_where, explore.alias, "sql_always_where", sink);
    checkSqlInScope(scope, explore.sql_always_having, explore.alias, "sql_always_having", sink);
    for (const Join& join : explore.joins) {
      checkSqlInScope(scope, join.sql_on, join.name, "the sql_on of join `" + join.name + "`",
                      sink);
      checkSqlInScope(scope, join.sql_where, join.name, "the sql_where of join `" + join.name + "`",
                      sink);
    }
  });
}

}  // namespace lkml::semantic::checks
