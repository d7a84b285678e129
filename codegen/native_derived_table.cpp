#include "codegen/native_derived_table.h"

#include <algorithm>
#include <cctype>

#include "base/suggest.h"
#include "codegen/query_compiler.h"

namespace lkml::codegen {

namespace {

using semantic::ExploreSource;

// The NDTs being compiled on this thread, outermost first: a view met again is a cycle. Each
// nested compileQuery runs on the same thread, so the stack sees the whole chain.
thread_local std::vector<std::string> t_active;

struct ActiveGuard {
  explicit ActiveGuard(const std::string& name) { t_active.push_back(name); }
  ~ActiveGuard() { t_active.pop_back(); }
  ActiveGuard(const ActiveGuard&) = delete;
  ActiveGuard& operator=(const ActiveGuard&) = delete;
};

bool isPlainIdentifier(const std::string& name) {
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name[0]))) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
  });
}

// Column names stay unquoted when they can (Looker writes `AS customer_id`), so that
// `${TABLE}.customer_id` in the NDT's view finds them whatever the database's case folding.
std::string columnAlias(const Dialect& dialect, const std::string& name) {
  return isPlainIdentifier(name) ? name : dialect.quoteIdentifier(name);
}

std::string where(const semantic::View& view) { return "native derived table `" + view.name + "`"; }

// The outer query's filters the NDT receives: `bind_filters` maps from_field -> to_field;
// `bind_all_filters` passes every outer filter on a field the source explore has (except the
// NDT's own fields, which would make the inner query join the NDT itself).
// A bound filter on a field the NDT filters itself is refused: Looker's filters are one
// expression per field, and dropping either would change the rows silently.
bool bindFilters(CompileContext& ctx, const semantic::ScopeEntry& entry,
                 const ExploreSource& source, const semantic::Explore& explore, Query* query) {
  bool ok = true;
  auto add = [&](const std::string& field, const std::string& expression) {
    for (const QueryFilter& f : query->filters) {
      if (f.field != field) continue;
      ok = false;
      ctx.error(QueryCode::invalid_explore_source,
                where(*entry.view) + " filters `" + field + "` (`" + f.expression +
                    "`) and the query's filters are bound to it too (`" + expression + "`)",
                "filter another field in the query, or remove the derived table's own filter");
      return;
    }
    query->filters.push_back({field, expression});
  };
  for (const semantic::ExploreSourceBinding& b : source.bind_filters) {
    auto it = ctx.filters.find(b.from_field);
    if (it != ctx.filters.end() && !b.to_field.empty()) add(b.to_field, it->second.expression);
  }
  if (!source.bind_all_filters) return ok;
  semantic::ExploreScope inner(ctx.model, explore);
  for (const auto& [name, filter] : ctx.filters) {
    std::string alias, field;
    if (!semantic::ExploreScope::splitName(name, &alias, &field) || alias == entry.alias) continue;
    if (inner.findField(alias, field)) add(name, filter.expression);
  }
  return ok;
}

}  // namespace

Query exploreSourceQuery(const ExploreSource& source, const std::string& model) {
  Query query;
  query.model = model;
  query.explore = source.explore;
  for (const semantic::ExploreSourceColumn& column : source.columns) {
    query.fields.push_back(column.field);
  }
  for (const semantic::ExploreSourceFilter& f : source.filters) {
    query.filters.push_back({f.field, f.expression});
  }
  for (const semantic::ExploreSourceSort& s : source.sorts) {
    std::string field = s.field;
    for (const semantic::ExploreSourceColumn& column : source.columns) {
      if (column.name == s.field) field = column.field;  // `sorts: [column_name: desc]`
    }
    query.sorts.push_back({field, s.descending});
  }
  query.unsorted = query.sorts.empty();  // a table has no order; Looker adds none
  query.limit = source.limit;
  return query;
}

std::string nativeDerivedTableSql(CompileContext& ctx, const semantic::ScopeEntry& entry) {
  const semantic::View& view = *entry.view;
  const ExploreSource* source = view.explore_source.get();
  if (!source) {
    ctx.error(QueryCode::invalid_explore_source,
              where(view) + " has an `explore_source` without a block",
              "write `explore_source: explore_name { column: c { field: view.field } }`");
    return "";
  }
  if (std::find(t_active.begin(), t_active.end(), view.name) != t_active.end()) {
    std::string chain;
    for (auto it = std::find(t_active.begin(), t_active.end(), view.name); it != t_active.end();
         ++it) {
      chain += *it + " -> ";
    }
    ctx.error(QueryCode::derived_table_cycle,
              where(view) + " queries itself through its explore_source: " + chain + view.name,
              "the explore_source query must not use the derived table's own view");
    return "";
  }
  if (t_active.size() >= kMaxNativeDerivedTableDepth) {
    ctx.error(QueryCode::derived_table_cycle,
              where(view) + " nests native derived tables more than " +
                  std::to_string(kMaxNativeDerivedTableDepth) + " deep",
              "flatten the chain of native derived tables");
    return "";
  }
  const semantic::Explore* explore = ctx.model.findExplore(source->explore);
  if (!explore) {
    std::vector<std::string> names;
    for (const semantic::Explore& e : ctx.model.explores) names.push_back(e.name);
    std::string near = closestMatch(source->explore, names);
    ctx.error(
        QueryCode::unknown_ndt_explore,
        where(view) + " queries explore `" + source->explore + "`, which model `" + ctx.model.name +
            "` does not have",
        near.empty() ? "include the file that defines the explore" : "did you mean `" + near + "`?",
        source->explore_span);
    return "";
  }
  if (!source->expression_custom_filter.empty()) {
    ctx.error(QueryCode::unsupported_explore_source,
              where(view) + " has an `expression_custom_filter`, which lkml cannot compile to SQL",
              "write the condition as `filters: [view.field: \"expression\"]`",
              source->expression_custom_filter_span);
    return "";
  }
  if (!source->timezone.empty() && source->timezone != "query_timezone") {
    ctx.error(QueryCode::unsupported_explore_source,
              where(view) + " converts times to `timezone: \"" + source->timezone +
                  "\"`, which lkml does not do",
              "remove `timezone:` or write `timezone: \"query_timezone\"`", source->timezone_span);
    return "";
  }
  if (source->columns.empty()) {
    ctx.error(QueryCode::invalid_explore_source, where(view) + " selects no `column:`",
              "add `column: name { field: view.field }`", source->span);
    return "";
  }
  Query query = exploreSourceQuery(*source, ctx.model.name);
  for (const semantic::ExploreSourceColumn& column : source->columns) {
    if (query.column_names.count(column.field)) {
      ctx.error(QueryCode::invalid_explore_source,
                where(view) + " selects field `" + column.field + "` in two columns",
                "select each field once", column.span);
      return "";
    }
    query.column_names[column.field] = columnAlias(ctx.dialect, column.name);
  }
  if (!bindFilters(ctx, entry, *source, *explore, &query)) return "";

  CompiledQuery inner;
  {
    ActiveGuard guard(view.name);
    inner = compileQuery(ctx.model, *explore, query, ctx.policy.user(), ctx.dialect);
  }
  if (!inner.ok()) {
    // Refuse the outer query with the inner reason (its own code: access denied stays 401/404).
    for (const Diagnostic& d : inner.errors) {
      ctx.error(static_cast<QueryCode>(d.code),
                "in " + where(view) + " (explore_source `" + explore->name + "`): " + d.message,
                d.help);
    }
    return "";
  }
  std::string sql = inner.sql;
  while (!sql.empty() && sql.back() == '\n') sql.pop_back();
  if (!source->derived_columns.empty()) {
    std::string outer = "SELECT\n    *";
    for (const semantic::ExploreSourceDerivedColumn& d : source->derived_columns) {
      outer += ",\n    " + d.sql + " AS " + columnAlias(ctx.dialect, d.name);
    }
    sql = outer + "\nFROM (\n" + sql + "\n) AS " + columnAlias(ctx.dialect, view.name + "_source");
  }
  if (!source->persistence.empty()) {
    std::string params;
    for (const std::string& p : source->persistence) params += (params.empty() ? "" : ", ") + p;
    // Looker reads the persisted table, whose name lkml cannot know; the inlined query gives
    // the same rows as of now.
    sql =
        "-- lkml: persisted derived table (" + params + ") inlined; Looker reads its table\n" + sql;
  }
  return sql;
}

}  // namespace lkml::codegen
