#include "codegen/join_planner.h"

#include <algorithm>
#include <map>

#include "semantic/sql_references.h"

namespace lkml::codegen {

using semantic::JoinType;
using semantic::Relationship;
using semantic::ScopeEntry;

namespace {

const char* joinKeyword(JoinType type) {
  switch (type) {
    case JoinType::LeftOuter:
      return "LEFT JOIN";
    case JoinType::Inner:
      return "INNER JOIN";
    case JoinType::FullOuter:
      return "FULL OUTER JOIN";
    case JoinType::Cross:
      return "CROSS JOIN";
  }
  return "LEFT JOIN";
}

// Aliases a join's condition mentions (other than itself).
std::vector<std::string> dependencies(const CompileContext& ctx, const ScopeEntry& entry) {
  std::vector<std::string> deps;
  const semantic::Join& join = *entry.join;
  for (const auto& ref : semantic::findSqlReferences(join.sql_on.text + " " + join.sql.text)) {
    if (ref.kind == semantic::SqlReference::Kind::ViewField && ref.view != entry.alias &&
        ctx.scope.find(ref.view)) {
      deps.push_back(ref.view);
    }
  }
  std::string alias, field;
  if (join.foreign_key.present()) {
    if (semantic::ExploreScope::splitName(join.foreign_key.text, &alias, &field)) {
      if (ctx.scope.find(alias)) deps.push_back(alias);
    } else {
      deps.push_back(ctx.explore.alias);
    }
  }
  for (const std::string& required : join.required_joins) {
    if (ctx.scope.find(required)) deps.push_back(required);
  }
  return deps;
}

std::string renderClause(CompileContext& ctx, SqlExpander& expander, const ScopeEntry& entry) {
  const semantic::Join& join = *entry.join;
  if (join.sql.present()) return expander.expandText(&entry, join.sql.text);  // legacy join sql
  std::string table = expander.tableSql(entry);
  std::string head = std::string(joinKeyword(join.type)) + " " + table +
                     (table == entry.alias ? "" : " AS " + entry.alias);
  if (join.type == JoinType::Cross) return head;
  if (join.sql_on.present()) return head + " ON " + expander.expandText(&entry, join.sql_on.text);
  if (join.foreign_key.present()) {
    std::string alias = ctx.explore.alias, field = join.foreign_key.text;
    semantic::ExploreScope::splitName(join.foreign_key.text, &alias, &field);
    const ScopeEntry* from = ctx.scope.find(alias);
    const semantic::Field* fk = ctx.scope.findField(alias, field);
    std::string pk = expander.primaryKeySql(entry);
    if (!from || !fk || pk.empty()) {
      ctx.error(QueryCode::query_reference_error,
                "join `" + entry.alias + "`: `foreign_key: " + join.foreign_key.text +
                    "` needs a dimension `" + alias + "." + field + "` and a primary key in `" +
                    entry.view->name + "`");
      return head + " ON FALSE";
    }
    ctx.aliases.insert(alias);
    return head + " ON " + expander.fieldSql(*from, *fk) + " = " + pk;
  }
  return head + " ON TRUE";
}

}  // namespace

std::vector<PlannedJoin> planJoins(CompileContext& ctx, SqlExpander& expander) {
  for (const std::string& always : ctx.explore.always_join) {
    if (ctx.scope.find(always)) ctx.aliases.insert(always);
  }
  // Rendering a clause may pull in more aliases; repeat until nothing new appears.
  std::map<std::string, std::string> clauses;
  bool changed = true;
  while (changed) {
    changed = false;
    std::vector<std::string> current(ctx.aliases.begin(), ctx.aliases.end());
    for (const std::string& alias : current) {
      const ScopeEntry* entry = ctx.scope.find(alias);
      if (!entry || !entry->join || clauses.count(alias)) continue;
      if (!entry->view) {
        ctx.error(QueryCode::query_reference_error,
                  "join `" + alias + "` names unknown view `" + entry->join->view + "`");
        clauses[alias] = "";
        continue;
      }
      std::string failed = ctx.policy.firstFailing(entry->join->required_access_grants);
      if (failed.empty()) failed = ctx.policy.firstFailing(entry->view->required_access_grants);
      if (!failed.empty()) {
        ctx.error(QueryCode::join_access_denied, "access denied: the query needs join `" + alias +
                                                     "`, which requires access "
                                                     "grant `" +
                                                     failed + "` (" + ctx.policy.explain(failed) +
                                                     ")");
      }
      for (const std::string& dep : dependencies(ctx, *entry)) ctx.aliases.insert(dep);
      clauses[alias] = renderClause(ctx, expander, *entry);
      changed = true;
    }
  }
  // Stable topological order: declaration order, dependencies first.
  std::vector<const ScopeEntry*> pending;
  for (const ScopeEntry& entry : ctx.scope.entries()) {
    if (entry.join && ctx.aliases.count(entry.alias)) pending.push_back(&entry);
  }
  std::vector<PlannedJoin> ordered;
  std::vector<std::string> placed = {ctx.explore.alias};
  while (!pending.empty()) {
    auto ready = std::find_if(pending.begin(), pending.end(), [&](const ScopeEntry* e) {
      for (const std::string& dep : dependencies(ctx, *e)) {
        if (std::find(placed.begin(), placed.end(), dep) == placed.end()) return false;
      }
      return true;
    });
    if (ready == pending.end()) {
      ctx.error(QueryCode::query_reference_error, "the joins of explore `" + ctx.explore.name +
                                                      "` depend on each other in a cycle "
                                                      "(starting at `" +
                                                      pending.front()->alias + "`)");
      break;
    }
    placed.push_back((*ready)->alias);
    ordered.push_back({*ready, clauses[(*ready)->alias]});
    pending.erase(ready);
  }
  return ordered;
}

void computeFanout(CompileContext& ctx, const std::vector<PlannedJoin>& joins) {
  ctx.fanned.clear();
  if (!ctx.explore.symmetric_aggregates) return;
  std::map<std::string, std::string> parent;
  std::map<std::string, size_t> position;
  position[ctx.explore.alias] = 0;
  for (size_t i = 0; i < joins.size(); ++i) position[joins[i].entry->alias] = i + 1;
  for (const PlannedJoin& planned : joins) {
    std::string best = ctx.explore.alias;
    for (const std::string& dep : dependencies(ctx, *planned.entry)) {
      if (position.count(dep) && position[dep] >= position[best]) best = dep;
    }
    parent[planned.entry->alias] = best;
  }
  auto inSubtree = [&](std::string alias, const std::string& root) {
    for (size_t guard = 0; guard <= joins.size() + 1; ++guard) {
      if (alias == root) return true;
      auto it = parent.find(alias);
      if (it == parent.end()) return false;
      alias = it->second;
    }
    return false;
  };
  std::vector<std::string> all = {ctx.explore.alias};
  for (const PlannedJoin& planned : joins) all.push_back(planned.entry->alias);
  for (const PlannedJoin& planned : joins) {
    const semantic::Join& join = *planned.entry->join;
    Relationship r = join.relationship;
    if (join.type == JoinType::Cross && !join.relationship_given) r = Relationship::ManyToMany;
    for (const std::string& alias : all) {
      bool inside = inSubtree(alias, planned.entry->alias);
      bool fanned = (r == Relationship::ManyToOne && inside) ||
                    (r == Relationship::OneToMany && !inside) || r == Relationship::ManyToMany;
      if (fanned) ctx.fanned.insert(alias);
    }
  }
}

}  // namespace lkml::codegen
