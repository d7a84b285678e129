#include "codegen/query_compiler.h"

#include <algorithm>

#include "base/suggest.h"
#include "codegen/compile_context.h"
#include "codegen/join_planner.h"
#include "codegen/query_access.h"
#include "codegen/sql_expander.h"
#include "semantic/field_list.h"

namespace lkml::codegen {

using semantic::Field;
using semantic::FieldKind;
using semantic::ScopeEntry;

namespace {

struct SelectItem {
  std::string name;
  const ScopeEntry* entry = nullptr;
  const Field* field = nullptr;
  std::string sql;
  std::string sort_key;  // what ORDER BY uses instead of the column (tiers, case), or ""
  bool sorted = false;   // the query orders by it (explicitly or by Looker's default)
};

/// One ORDER BY term: a selected column (index into the items) and its direction.
struct OrderEntry {
  size_t index;
  bool descending;
};

/// Measure types Looker computes after the query over the result rows; lkml computes them
/// with window functions over the grouped rows.
bool isPostQueryType(const std::string& type) {
  return type == "percent_of_total" || type == "running_total" || type == "percent_of_previous";
}

struct Pieces {
  std::vector<SelectItem> selects;
  std::vector<PlannedJoin> joins;
  std::vector<std::string> where, having;
  std::string from;
};

// Resolves `alias.field` for selection or filtering, checking the explore's `fields:` lists
// and the user's grants.
class FieldResolver {
 public:
  FieldResolver(CompileContext& ctx, SqlExpander& expander)
      : ctx_(ctx), expander_(expander), field_lists_(ctx.scope) {}

  bool resolve(const std::string& name, const char* purpose, bool check_access,
               const ScopeEntry** entry_out, const Field** field_out) {
    std::string alias, field_name;
    if (!semantic::ExploreScope::splitName(name, &alias, &field_name)) {
      ctx_.error(QueryCode::invalid_query, "`" + name + "` is not a field name; write view.field");
      return false;
    }
    const ScopeEntry* entry = ctx_.scope.find(alias);
    if (!entry || !entry->view) {
      // Suggestions name only what this user may use here: never a restricted or excluded name.
      std::vector<std::string> aliases;
      for (const auto& e : ctx_.scope.entries()) {
        if (mayUse(e)) aliases.push_back(e.alias);
      }
      std::string near = closestMatch(alias, aliases);
      ctx_.error(QueryCode::unknown_query_field,
                 "unknown field `" + name + "` " + purpose + ": explore `" + ctx_.explore.name +
                     "` has no view `" + alias + "`",
                 near.empty() ? "" : "did you mean `" + near + "." + field_name + "`?");
      return false;
    }
    const Field* field = entry->view->findField(field_name);
    if (!field) {
      std::vector<std::string> names;
      bool visible_group = false;
      for (const auto& f : entry->view->fields) {
        if (!mayUse(*entry) || !field_lists_.allows(*entry, f.name) ||
            !ctx_.policy.firstFailing(f.required_access_grants).empty()) {
          continue;
        }
        names.push_back(f.name);
        visible_group |= f.group == field_name;
      }
      std::string near = closestMatch(field_name, names);
      std::string help = near.empty() ? "" : "did you mean `" + alias + "." + near + "`?";
      if (visible_group) {
        help = "`" + field_name + "` is a dimension group: append a timeframe, e.g. `" + name +
               "_date`";
      }
      ctx_.error(QueryCode::unknown_query_field,
                 "unknown field `" + name + "` " + purpose + ": view `" + entry->view->name +
                     "` has no field `" + field_name + "`",
                 help);
      return false;
    }
    if (!field_lists_.allows(*entry, field_name)) {
      ctx_.error(QueryCode::field_not_in_explore,
                 "field `" + name + "` is not available in explore `" + ctx_.explore.name +
                     "` (excluded by its `fields` list)");
      return false;
    }
    if (check_access) expander_.requireAccess(*entry, *field);
    *entry_out = entry;
    *field_out = field;
    return true;
  }

  semantic::ExploreFieldLists& fieldLists() { return field_lists_; }

 private:
  // The user passes the grants of the alias's join and view.
  bool mayUse(const ScopeEntry& entry) const {
    if (!entry.view) return false;
    if (entry.join && !ctx_.policy.firstFailing(entry.join->required_access_grants).empty()) {
      return false;
    }
    return ctx_.policy.firstFailing(entry.view->required_access_grants).empty();
  }

  CompileContext& ctx_;
  SqlExpander& expander_;
  semantic::ExploreFieldLists field_lists_;
};

std::string joinConditions(const std::vector<std::string>& conditions) {
  std::string out;
  for (size_t i = 0; i < conditions.size(); ++i) {
    out += (i ? "\n  AND " : "") + std::string("(") + conditions[i] + ")";
  }
  return out;
}

// One pass of rendering; the second pass knows which aliases are fanned out.
Pieces render(CompileContext& ctx, SqlExpander& expander, const std::vector<SelectItem>& items) {
  Pieces pieces;
  ctx.aliases = {ctx.explore.alias};
  ctx.ctes.clear();
  ctx.sorted_aggregate = {};
  for (const SelectItem& item : items) {
    SelectItem rendered = item;
    ctx.aliases.insert(item.entry->alias);
    rendered.sql = expander.fieldSql(*item.entry, *item.field);
    // Sort keys are rendered here, before joins are planned, since they may need a join.
    if (item.sorted) rendered.sort_key = expander.sortKeySql(*item.entry, *item.field);
    pieces.selects.push_back(std::move(rendered));
  }
  for (const auto& [name, filter] : ctx.filters) {
    ctx.aliases.insert(filter.entry->alias);
    const Field& f = *filter.target;
    if (f.kind == FieldKind::Parameter) continue;  // read by `{% parameter %}` only
    if (f.kind == FieldKind::Filter && !f.sql.present()) continue;  // templated filters only
    if (f.kind == FieldKind::Filter) {
      std::string sql = expander.expandText(filter.entry, f.sql.text);
      if (!sql.empty()) pieces.where.push_back(sql);
      continue;
    }
    std::string predicate = expander.filterPredicate(filter);
    if (predicate.empty()) continue;
    (f.isMeasure() ? pieces.having : pieces.where).push_back(predicate);
  }
  if (ctx.explore.sql_always_where.present()) {
    pieces.where.push_back(expander.expandText(nullptr, ctx.explore.sql_always_where.text));
  }
  if (ctx.explore.sql_always_having.present()) {
    pieces.having.push_back(expander.expandText(nullptr, ctx.explore.sql_always_having.text));
  }
  for (const semantic::AccessFilter& af : ctx.explore.access_filters) {
    std::string alias, name;
    semantic::ExploreScope::splitName(af.field, &alias, &name);
    const ScopeEntry* entry = ctx.scope.find(alias);
    const Field* field = ctx.scope.findField(alias, name);
    auto value = ctx.policy.user().attributes.find(af.user_attribute);
    if (!entry || !field || value == ctx.policy.user().attributes.end()) continue;
    ctx.aliases.insert(alias);
    std::string target = expander.filterTargetSql(*entry, *field);
    std::string literal = SqlExpander::filterTypeOf(*field) == FilterType::Number
                              ? value->second
                              : ctx.dialect.stringLiteral(value->second);
    pieces.where.push_back(target + " = " + literal);
  }
  pieces.joins = planJoins(ctx, expander);
  for (const PlannedJoin& join : pieces.joins) {
    if (join.entry->join->sql_where.present()) {
      pieces.where.push_back(expander.expandText(join.entry, join.entry->join->sql_where.text));
    }
  }
  const ScopeEntry* base = ctx.scope.find(ctx.explore.alias);
  std::string table = expander.tableSql(*base);
  pieces.from = table == base->alias ? table : table + " AS " + base->alias;
  return pieces;
}

// The query's sorts, or Looker's default when it has none: the first time dimension
// descending, else the first measure descending, else the first column.
// `by_row`: a running total or percent of previous is in the query, so every dimension breaks
// ties (in the window and in ORDER BY alike) and the rows have one order.
std::vector<OrderEntry> orderEntries(const Query& query, const std::vector<SelectItem>& items,
                                     bool by_row) {
  std::vector<OrderEntry> entries;
  for (const QuerySort& sort : query.sorts) {
    for (size_t i = 0; i < items.size(); ++i) {
      if (items[i].name == sort.field) entries.push_back({i, sort.descending});
    }
  }
  if (query.sorts.empty() && !query.unsorted && !items.empty()) {
    auto time = std::find_if(items.begin(), items.end(), [](const SelectItem& s) {
      return s.field->isDimension() && !s.field->timeframe.empty() &&
             SqlExpander::filterTypeOf(*s.field) == FilterType::Date;
    });
    auto measure = std::find_if(items.begin(), items.end(),
                                [](const SelectItem& s) { return s.field->isMeasure(); });
    if (time != items.end())
      entries.push_back({static_cast<size_t>(time - items.begin()), true});
    else if (measure != items.end())
      entries.push_back({static_cast<size_t>(measure - items.begin()), true});
    else
      entries.push_back({0, false});
  }
  for (size_t i = 0; by_row && i < items.size(); ++i) {
    bool listed = std::any_of(entries.begin(), entries.end(),
                              [&](const OrderEntry& e) { return e.index == i; });
    if (!listed && !items[i].field->isMeasure()) entries.push_back({i, false});
  }
  return entries;
}

bool isNumeric(const std::string& text) {
  if (text.empty() || text.size() > 30) return false;
  size_t i = text[0] == '-' ? 1 : 0;
  bool digit = false, dot = false;
  for (; i < text.size(); ++i) {
    if (std::isdigit(static_cast<unsigned char>(text[i])))
      digit = true;
    else if (text[i] == '.' && !dot)
      dot = true;
    else
      return false;
  }
  return digit;
}

}  // namespace

bool userMaySee(const semantic::Model& model, const semantic::Explore& explore,
                const std::string& alias, const Field& field, const UserContext& user) {
  AccessPolicy policy(model, user);
  if (!policy.firstFailing(explore.required_access_grants).empty()) return false;
  // Every query reads the base view's table.
  const semantic::View* base = model.findView(explore.view);
  if (base && !policy.firstFailing(base->required_access_grants).empty()) return false;
  const semantic::Join* join = explore.findJoin(alias);
  if (join && !policy.firstFailing(join->required_access_grants).empty()) return false;
  const semantic::View* view = model.findView(join ? join->view : explore.view);
  if (view && !policy.firstFailing(view->required_access_grants).empty()) return false;
  if (!policy.firstFailing(field.required_access_grants).empty()) return false;
  semantic::ExploreScope scope(model, explore);
  semantic::ExploreFieldLists field_lists(scope);
  const ScopeEntry* entry = scope.find(alias);
  return entry && readsOnlyAllowed(scope, field_lists, policy, *entry, field);
}

bool userMaySee(const semantic::ExploreScope& scope, semantic::ExploreFieldLists& field_lists,
                const ScopeEntry& entry, const Field& field, const UserContext& user) {
  AccessPolicy policy(scope.model(), user);
  const semantic::Explore& explore = scope.explore();
  if (!policy.firstFailing(explore.required_access_grants).empty()) return false;
  if (entry.join && !policy.firstFailing(entry.join->required_access_grants).empty()) return false;
  if (!entry.view || !policy.firstFailing(entry.view->required_access_grants).empty()) return false;
  if (!policy.firstFailing(field.required_access_grants).empty()) return false;
  return readsOnlyAllowed(scope, field_lists, policy, entry, field);
}

CompiledQuery compileQuery(const semantic::Model& model, const semantic::Explore& explore,
                           const Query& query, const UserContext& user, const Dialect& dialect) {
  registerQueryDiagnosticCodes();
  CompiledQuery result;
  CompileContext ctx(model, explore, dialect, user, query);
  SqlExpander expander(ctx);
  std::string failed = ctx.policy.firstFailing(explore.required_access_grants);
  if (!failed.empty()) {
    ctx.error(QueryCode::explore_access_denied,
              "access denied: explore `" + explore.name + "` requires access grant `" + failed +
                  "` (" + ctx.policy.explain(failed) + ")",
              "run with a user whose attributes pass the grant, e.g. --access-level");
    result.errors = ctx.errors;
    return result;
  }
  if (query.fields.empty()) {
    ctx.error(QueryCode::invalid_query, "the query selects no fields",
              "pass --fields view.field,...");
  }
  FieldResolver resolver(ctx, expander);
  std::vector<SelectItem> items;
  for (const std::string& name : query.fields) {
    SelectItem item;
    item.name = name;
    if (!resolver.resolve(name, "in --fields", true, &item.entry, &item.field)) continue;
    if (item.field->kind == FieldKind::Filter || item.field->kind == FieldKind::Parameter) {
      ctx.error(QueryCode::invalid_query, "`" + name + "` is a " +
                                              semantic::fieldKindName(item.field->kind) +
                                              " field: it can be filtered but not selected");
      continue;
    }
    if (std::any_of(items.begin(), items.end(),
                    [&](const SelectItem& s) { return s.name == name; })) {
      continue;  // selected twice: one column
    }
    items.push_back(item);
  }
  // Looker lists dimensions before measures, each in the order the query names them.
  std::stable_partition(items.begin(), items.end(),
                        [](const SelectItem& s) { return !s.field->isMeasure(); });
  for (const QueryFilter& filter : query.filters) {
    ParsedFilter parsed{filter.field, filter.expression, nullptr, nullptr};
    if (!resolver.resolve(filter.field, "in --filter", true, &parsed.entry, &parsed.target)) {
      continue;
    }
    if (ctx.filters.count(filter.field)) {
      // One expression per field (Looker's filters are a map): never drop one silently.
      ctx.error(QueryCode::invalid_query,
                "the query filters `" + filter.field + "` twice (`" +
                    ctx.filters[filter.field].expression + "` and `" + filter.expression + "`)",
                "combine them into one filter expression, e.g. `a,b` for either value");
      continue;
    }
    ctx.filters[filter.field] = parsed;
  }
  // Explore defaults: always_filter unless the query filters the field itself;
  // conditionally_filter unless the query filters any of its fields or `unless` fields.
  QueryRoots roots;
  for (const SelectItem& item : items) roots.query_fields.emplace_back(item.entry, item.field);
  for (const auto& [name, filter] : ctx.filters) {
    roots.query_fields.emplace_back(filter.entry, filter.target);
  }
  auto addDefault = [&](const semantic::FilterDefault& f) {
    if (ctx.filters.count(f.field)) return;
    ParsedFilter parsed{f.field, f.expression, nullptr, nullptr};
    if (resolver.resolve(f.field, "in the explore's always_filter", false, &parsed.entry,
                         &parsed.target)) {
      ctx.filters[f.field] = parsed;
      roots.explore_fields.emplace_back(parsed.entry, parsed.target);
    }
  };
  for (const auto& f : explore.always_filter) addDefault(f);
  bool conditionally_met = false;
  for (const auto& f : explore.conditionally_filter) {
    conditionally_met |= std::any_of(query.filters.begin(), query.filters.end(),
                                     [&](const QueryFilter& q) { return q.field == f.field; });
  }
  for (const auto& unless : explore.conditionally_filter_unless) {
    conditionally_met |= std::any_of(query.filters.begin(), query.filters.end(),
                                     [&](const QueryFilter& q) { return q.field == unless; });
  }
  if (!conditionally_met) {
    for (const auto& f : explore.conditionally_filter) addDefault(f);
  }
  // Row-level security: every access_filter needs the user's attribute (deny otherwise).
  for (const semantic::AccessFilter& af : explore.access_filters) {
    auto value = user.attributes.find(af.user_attribute);
    std::string alias, name;
    if (af.user_attribute.empty()) {
      ctx.error(QueryCode::missing_user_attribute,
                "access denied: the access_filter on `" + af.field + "` of explore `" +
                    explore.name +
                    "` names no user_attribute; refusing to run without row "
                    "security",
                "lkml lint reports it (LKML238); add `user_attribute: NAME` to the access_filter");
    } else if (value == user.attributes.end()) {
      ctx.error(QueryCode::missing_user_attribute,
                "access denied: the access_filter on `" + af.field + "` of explore `" +
                    explore.name + "` filters rows by user attribute `" + af.user_attribute +
                    "`, which the user does not have",
                "pass --user-attribute " + af.user_attribute + "=VALUE");
    } else if (!semantic::ExploreScope::splitName(af.field, &alias, &name) ||
               !ctx.scope.findField(alias, name)) {
      ctx.error(QueryCode::query_reference_error, "the access_filter of explore `" + explore.name +
                                                      "` names unknown field `" + af.field +
                                                      "`; refusing to run without row security");
    } else if (!dialect.canRepresentString(value->second) ||
               (SqlExpander::filterTypeOf(*ctx.scope.findField(alias, name)) ==
                    FilterType::Number &&
                !isNumeric(value->second))) {
      ctx.error(QueryCode::invalid_attribute_value,
                "user attribute `" + af.user_attribute + "` = `" + value->second +
                    "` is not a valid value for `" + af.field + "`");
    }
  }
  for (const auto& [name, filter] : ctx.filters) {
    if (filter.target && isPostQueryType(filter.target->type)) {
      ctx.error(QueryCode::invalid_query,
                "cannot filter on `" + name + "`: a `" + filter.target->type +
                    "` measure is computed over the query's result rows",
                "filter on the measure it is computed from");
    }
  }
  for (const QuerySort& sort : query.sorts) {
    if (std::none_of(items.begin(), items.end(),
                     [&](const SelectItem& s) { return s.name == sort.field; })) {
      ctx.error(QueryCode::invalid_sort,
                "cannot sort by `" + sort.field + "`: it is not one of the selected fields",
                "add it to --fields");
    }
  }
  if (ctx.failed()) {
    result.errors = ctx.errors;
    return result;
  }
  // Everything the query reads, not only what it names, must pass grants and fields lists.
  for (const semantic::AccessFilter& af : explore.access_filters) {
    std::string alias, name;
    semantic::ExploreScope::splitName(af.field, &alias, &name);
    const ScopeEntry* entry = ctx.scope.find(alias);
    const Field* field = ctx.scope.findField(alias, name);
    if (entry && field) roots.explore_fields.emplace_back(entry, field);
  }
  checkFilterValues(ctx);
  checkQueryAccess(ctx, resolver.fieldLists(), roots);
  if (ctx.failed()) {
    result.errors = ctx.errors;
    return result;
  }

  std::vector<OrderEntry> entries = orderEntries(query, items, false);
  for (const OrderEntry& e : entries) items[e.index].sorted = true;
  Pieces first = render(ctx, expander, items);
  computeFanout(ctx, first.joins);
  ctx.fanout_known = true;
  Pieces pieces = render(ctx, expander, items);
  // A term of ORDER BY as SQL: the column's ordinal, or MIN() of its hidden sort key (one
  // value per group, since the key is a function of the grouped value; legal with GROUP BY).
  auto orderTerm = [&](size_t index, bool as_expression) {
    const std::string& key = pieces.selects[index].sort_key;
    if (!key.empty()) return "MIN(" + key + ")";
    return as_expression ? pieces.selects[index].sql : std::to_string(index + 1);
  };
  if (ctx.uses_row_order) {
    // A running total or percent of previous was rendered (selected, or inside another
    // measure): order the rows fully, then render the measures once more with the window
    // order, the query's order spelled as expressions (window clauses take no ordinals).
    entries = orderEntries(query, items, true);
    for (const OrderEntry& e : entries) items[e.index].sorted = true;
    pieces = render(ctx, expander, items);
    std::string window;
    for (const OrderEntry& e : entries) {
      // Windows do not nest: a column that is (or contains) a window is left out.
      if (pieces.selects[e.index].sql.find(" OVER (") != std::string::npos) continue;
      window += (window.empty() ? "ORDER BY " : ", ") + orderTerm(e.index, true) +
                (e.descending ? " DESC" : "");
    }
    ctx.window_order = window;
    pieces = render(ctx, expander, items);
  }
  if (ctx.failed()) {
    result.errors = ctx.errors;
    return result;
  }

  std::string sql;
  if (!ctx.ctes.empty()) {
    sql += "WITH ";
    for (size_t i = 0; i < ctx.ctes.size(); ++i) {
      sql += (i ? ",\n" : "") + ctx.ctes[i].first + " AS (" + ctx.ctes[i].second + ")";
    }
    sql += "\n";
  }
  sql += "SELECT\n";
  std::vector<size_t> dimensions;
  for (size_t i = 0; i < pieces.selects.size(); ++i) {
    const SelectItem& item = pieces.selects[i];
    auto named = query.column_names.find(item.name);
    std::string alias =
        named != query.column_names.end() ? named->second : dialect.columnAlias(item.name);
    sql += "    " + item.sql + " AS " + alias + (i + 1 < pieces.selects.size() ? ",\n" : "\n");
    result.columns.push_back(item.name);
    if (!item.field->isMeasure()) dimensions.push_back(i + 1);
  }
  sql += "FROM " + pieces.from + "\n";
  for (const PlannedJoin& join : pieces.joins) sql += join.clause + "\n";
  if (!pieces.where.empty()) sql += "WHERE " + joinConditions(pieces.where) + "\n";
  if (!dimensions.empty()) {
    sql += "GROUP BY ";
    for (size_t i = 0; i < dimensions.size(); ++i)
      sql += (i ? ", " : "") + std::to_string(dimensions[i]);
    sql += "\n";
  }
  if (!pieces.having.empty()) sql += "HAVING " + joinConditions(pieces.having) + "\n";
  std::vector<std::string> order;
  for (const OrderEntry& e : entries) {
    order.push_back(orderTerm(e.index, false) + (e.descending ? " DESC" : ""));
  }
  if (!order.empty()) {
    sql += "ORDER BY ";
    for (size_t i = 0; i < order.size(); ++i) sql += (i ? ", " : "") + order[i];
    sql += "\n";
  }
  if (query.limit) sql += dialect.limitClause(*query.limit) + "\n";
  result.sql = sql;
  return result;
}

}  // namespace lkml::codegen
