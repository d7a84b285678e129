#include "codegen/query_access.h"

#include <algorithm>
#include <set>

#include "codegen/sql_expander.h"
#include "semantic/dependency_closure.h"

namespace lkml::codegen {

using semantic::DependencyClosure;
using semantic::FieldDependency;
using semantic::ScopeEntry;

namespace {

std::string nameOf(const FieldDependency& dep) { return dep.entry->alias + "." + dep.field->name; }

// Which `fields:` lists may exclude a field: the explore's, the join's, or both.
std::string excludingList(const CompileContext& ctx, const FieldDependency& dep) {
  bool join_list = dep.entry->join && dep.entry->join->has_fields;
  if (join_list && ctx.explore.has_fields) {
    return "its `fields` list or that of join `" + dep.entry->alias + "`";
  }
  if (join_list) return "the `fields` list of join `" + dep.entry->alias + "`";
  return "its `fields` list";
}

void checkFields(CompileContext& ctx, const DependencyClosure& closure) {
  std::set<std::string> reported;
  const auto& fields = closure.fields();
  for (size_t i = 0; i < fields.size(); ++i) {
    const FieldDependency& dep = fields[i];
    const std::string name = nameOf(dep);
    if (dep.excluded && reported.insert("list " + name).second) {
      ctx.error(QueryCode::field_not_in_explore,
                closure.chain(i) + ", which explore `" + ctx.explore.name + "` excludes (" +
                    excludingList(ctx, dep) + ")",
                "add `" + name +
                    "` to the explore's `fields` list, or query fields that do not use it; "
                    "Looker reports such a reference as an inaccessible field");
    }
    // Fields the query names were checked when they were resolved; fields the explore applies
    // by itself (always_filter, access_filter, primary keys) are the explore's, not the user's.
    if (!dep.grants || dep.via == semantic::DependencyVia::Root) continue;
    std::string failed = ctx.policy.firstFailing(dep.field->required_access_grants);
    if (failed.empty() || !reported.insert("grant " + name).second) continue;
    std::string by;
    if (dep.parent >= 0) {
      const FieldDependency& parent = fields[dep.parent];
      by = "; it is referenced by `" + nameOf(parent) + "` (" + closure.chain(i) + ")";
    } else {
      by = std::string("; the explore's ") + semantic::dependencyViaName(dep.via) + " reads it";
    }
    ctx.error(QueryCode::field_access_denied,
              "access denied: field `" + name + "` requires access grant `" + failed + "` (" +
                  ctx.policy.explain(failed) + ")" + by,
              "a field that uses a restricted field is restricted too");
  }
}

void checkViews(CompileContext& ctx, const DependencyClosure& closure) {
  for (const std::string& alias : closure.aliases()) {
    const ScopeEntry* entry = ctx.scope.find(alias);
    if (!entry || !entry->view) continue;
    if (entry->join) {
      std::string failed = ctx.policy.firstFailing(entry->join->required_access_grants);
      if (!failed.empty()) {
        ctx.error(QueryCode::join_access_denied,
                  "access denied: the query needs join `" + alias + "`, which requires access " +
                      "grant `" + failed + "` (" + ctx.policy.explain(failed) + ")");
        continue;
      }
    }
    std::string failed = ctx.policy.firstFailing(entry->view->required_access_grants);
    if (failed.empty()) continue;
    if (entry->join) {  // a joined view's grants are its join's (LKML412, as the planner says)
      ctx.error(QueryCode::join_access_denied,
                "access denied: the query needs join `" + alias + "`, which requires access " +
                    "grant `" + failed + "` (" + ctx.policy.explain(failed) + ")");
      continue;
    }
    std::string as = "the base view of explore `" + ctx.explore.name + "`";
    ctx.error(QueryCode::view_access_denied,
              "access denied: the query reads view `" + entry->view->name + "` (" + as +
                  "), which requires access grant `" + failed + "` (" + ctx.policy.explain(failed) +
                  ")",
              "every view whose table the SQL reads must pass its grants; run with a user "
              "whose attributes pass `" +
                  failed + "`");
  }
  for (const semantic::View* view : closure.outsideViews()) {
    std::string failed = ctx.policy.firstFailing(view->required_access_grants);
    if (failed.empty()) continue;
    ctx.error(QueryCode::view_access_denied,
              "access denied: the query reads view `" + view->name + "` (through `${" + view->name +
                  ".SQL_TABLE_NAME}`), which requires access grant `" + failed + "` (" +
                  ctx.policy.explain(failed) + ")",
              "every view whose table the SQL reads must pass its grants; run with a user "
              "whose attributes pass `" +
                  failed + "`");
  }
}

}  // namespace

void checkQueryAccess(CompileContext& ctx, semantic::ExploreFieldLists& field_lists,
                      const QueryRoots& roots) {
  DependencyClosure closure(ctx.scope, field_lists);
  for (const auto& [entry, field] : roots.query_fields) closure.addQueryField(*entry, *field);
  for (const auto& [entry, field] : roots.explore_fields) closure.addExploreField(*entry, *field);
  if (ctx.explore.sql_always_where.present()) {
    closure.addExploreSql(ctx.explore.sql_always_where.text);
  }
  if (ctx.explore.sql_always_having.present()) {
    closure.addExploreSql(ctx.explore.sql_always_having.text);
  }
  for (const std::string& alias : ctx.explore.always_join) closure.addAlias(alias);
  closure.close();
  checkFields(ctx, closure);
  checkViews(ctx, closure);
}

bool readsOnlyAllowed(const semantic::ExploreScope& scope, semantic::ExploreFieldLists& field_lists,
                      const AccessPolicy& policy, const ScopeEntry& entry,
                      const semantic::Field& field) {
  DependencyClosure closure(scope, field_lists);
  closure.addQueryField(entry, field);
  closure.close();
  for (const FieldDependency& dep : closure.fields()) {
    if (dep.excluded) return false;
    if (dep.grants && dep.via != semantic::DependencyVia::Root &&
        !policy.firstFailing(dep.field->required_access_grants).empty()) {
      return false;
    }
  }
  for (const std::string& alias : closure.aliases()) {
    const ScopeEntry* read = scope.find(alias);
    if (!read || !read->view) continue;
    if (read->join && !policy.firstFailing(read->join->required_access_grants).empty()) {
      return false;
    }
    if (!policy.firstFailing(read->view->required_access_grants).empty()) return false;
  }
  for (const semantic::View* view : closure.outsideViews()) {
    if (!policy.firstFailing(view->required_access_grants).empty()) return false;
  }
  return true;
}

void checkFilterValues(CompileContext& ctx) {
  for (const semantic::FilterDefault& always : ctx.explore.always_filter) {
    auto it = ctx.filters.find(always.field);
    if (it == ctx.filters.end() || !it->second.target) continue;
    const ParsedFilter& filter = it->second;
    bool empty = filter.expression.find_first_not_of(" \t\r\n") == std::string::npos;
    if (!empty && filter.target->kind != semantic::FieldKind::Parameter) {
      auto parsed =
          parseFilterExpression(filter.expression, SqlExpander::filterTypeOf(*filter.target));
      const FilterExpr* expr = std::get_if<FilterExpr>(&parsed);
      empty = expr && expr->empty();
    }
    if (empty) {
      ctx.error(QueryCode::always_filter_removed,
                "explore `" + ctx.explore.name + "` always filters `" + always.field +
                    "`: the filter can be changed but not removed, and " +
                    (filter.expression.find_first_not_of(" \t\r\n") == std::string::npos
                         ? std::string("an empty value removes it")
                         : "`" + filter.expression + "` gives it no condition"),
                "pass a value, e.g. --filter '" + always.field + "=" + always.expression +
                    "' (the explore's default)");
    }
  }
  // A conditionally_filter is met by filtering one of its fields: a blank value would meet it
  // while filtering nothing, so it is refused too.
  std::vector<std::string> conditional = ctx.explore.conditionally_filter_unless;
  for (const semantic::FilterDefault& f : ctx.explore.conditionally_filter) {
    conditional.push_back(f.field);
  }
  for (const QueryFilter& filter : ctx.query.filters) {
    if (filter.expression.find_first_not_of(" \t\r\n") != std::string::npos) continue;
    if (std::find(conditional.begin(), conditional.end(), filter.field) == conditional.end()) {
      continue;
    }
    ctx.error(QueryCode::always_filter_removed,
              "explore `" + ctx.explore.name + "` has a conditionally_filter that `" +
                  filter.field + "` meets, and an empty value filters nothing",
              "pass a value for `" + filter.field + "`, or leave it out for the explore's default");
  }
  for (const auto& [name, filter] : ctx.filters) {
    if (!filter.target || filter.target->kind != semantic::FieldKind::Filter) continue;
    FilterType type = SqlExpander::filterTypeOf(*filter.target);
    auto parsed = parseFilterExpression(filter.expression, type);
    if (const FilterError* error = std::get_if<FilterError>(&parsed)) {
      // `{% condition %}` would otherwise read an unparsable value as no condition (1=1).
      ctx.error(error->code,
                "invalid value for templated filter `" + name + "` (" + filterTypeName(type) +
                    "): " + error->message + " in `" + filter.expression + "`",
                error->hint);
    }
  }
}

}  // namespace lkml::codegen
