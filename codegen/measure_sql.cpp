// Measure aggregates (part of SqlExpander): Looker's count/sum/average/... with measure
// `filters:` pushed inside the aggregate, and fan-out-safe forms (COUNT(DISTINCT pk),
// symmetric sums and averages) when a join in the query repeats the measure's rows.
#include <cctype>

#include "codegen/sql_expander.h"

namespace lkml::codegen {

using semantic::Field;
using semantic::ScopeEntry;

namespace {
std::string trim(const std::string& s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return s.substr(b, e - b);
}
// `sql` in parentheses unless one pair already encloses all of it (`(COUNT(*))`, not
// `(a) + (b)`).
std::string wrapped(const std::string& sql) {
  if (sql.size() >= 2 && sql.front() == '(' && sql.back() == ')') {
    int depth = 0;
    for (size_t i = 0; i < sql.size(); ++i) {
      if (sql[i] == '(') ++depth;
      if (sql[i] == ')' && --depth == 0) return i + 1 == sql.size() ? sql : "(" + sql + ")";
    }
  }
  return "(" + sql + ")";
}
}  // namespace

// The AND of a measure's `filters:` as SQL, or "" when it has none.
std::string SqlExpander::measureConditionSql(const ScopeEntry& entry, const Field& field) {
  std::string condition;
  for (const semantic::MeasureFilter& f : field.filters) {
    std::string alias = entry.alias, name = f.field;
    semantic::ExploreScope::splitName(f.field, &alias, &name);
    if (f.field.find('.') == std::string::npos) alias = entry.alias;
    const ScopeEntry* target_entry = ctx_.scope.find(alias);
    if (!target_entry && entry.view && alias == entry.view->name) target_entry = &entry;
    const Field* target =
        target_entry && target_entry->view ? target_entry->view->findField(name) : nullptr;
    if (!target) {
      ctx_.error(QueryCode::query_reference_error, "the `filters` of measure `" + entry.alias +
                                                       "." + field.name + "` name unknown field `" +
                                                       f.field + "`");
      continue;
    }
    ctx_.aliases.insert(target_entry->alias);
    ParsedFilter parsed{f.field, f.expression, target_entry, target};
    std::string predicate = filterPredicate(parsed);
    if (predicate.empty()) continue;
    condition += (condition.empty() ? "" : " AND ") + std::string("(") + predicate + ")";
  }
  return condition;
}

void SqlExpander::checkSortedAggregate(const std::string& name, const std::string& ordered) {
  if (!ctx_.dialect.sortedAggregatesShareOrder()) return;
  auto& first = ctx_.sorted_aggregate;
  if (first.first.empty()) {
    first = {name, ordered};
  } else if (first.second != ordered && first.first != name) {
    ctx_.error(QueryCode::unsupported_in_dialect,
               "measures `" + first.first + "` and `" + name +
                   "` cannot be computed in one query on " + std::string(ctx_.dialect.name()) +
                   ": its sort-based aggregates (percentile, median, list) must all order by "
                   "the same value",
               "query them separately, or select only one of them");
  }
}

std::string SqlExpander::measureSql(const ScopeEntry& entry, const Field& field) {
  const std::string& type = field.type;
  const std::string name = entry.alias + "." + field.name;
  std::string condition = measureConditionSql(entry, field);
  auto guarded = [&](const std::string& value) {
    return condition.empty() ? value
                             : "CASE WHEN " + condition + " THEN " + value + " ELSE NULL END";
  };
  bool fanned = ctx_.fanout_known && ctx_.fanned.count(entry.alias) > 0;
  bool is_base = entry.join == nullptr;
  auto needKey = [&](const std::string& why) -> std::string {
    std::string pk = primaryKeySql(entry);
    if (pk.empty()) {
      ctx_.error(QueryCode::not_fanout_safe,
                 "measure `" + name + "` " + why + ", but view `" + entry.view->name +
                     "` has no primary key",
                 "add `primary_key: yes` to a unique dimension of `" + entry.view->name + "`");
      return "NULL";
    }
    return pk;
  };
  auto value = [&] { return trim(expandText(&entry, field.sql.text)); };

  if (type == "count") {
    if (is_base && !fanned) {
      return condition.empty() ? "COUNT(*)" : "COUNT(" + guarded("1") + ")";
    }
    std::string pk = needKey(fanned ? "is repeated by a join in this query and must count its "
                                      "primary key once"
                                    : "counts rows of a joined view by its primary key");
    return fanned ? "COUNT(DISTINCT " + guarded(pk) + ")" : "COUNT(" + guarded(pk) + ")";
  }
  if (type == "count_distinct") {
    std::string v = field.sql.present() ? value() : needKey("has no sql");
    return ctx_.dialect.countDistinct(guarded(v));
  }
  if (type == "sum" || type == "average") {
    std::string v = guarded(value());
    if (fanned) {
      std::string pk = needKey(
          "is repeated by a join in this query (symmetric aggregates need a "
          "unique key)");
      return type == "sum" ? ctx_.dialect.symmetricSum(v, pk)
                           : ctx_.dialect.symmetricAverage(v, pk);
    }
    return type == "sum" ? "COALESCE(SUM(" + v + "), 0)" : "AVG(" + v + ")";
  }
  if (type == "sum_distinct" || type == "average_distinct") {
    // Without `sql_distinct_key` Looker uses the view's primary key.
    std::string key = trim(expandText(&entry, field.details().sql_distinct_key.text));
    if (key.empty()) key = needKey("has no `sql_distinct_key`");
    if (key == "NULL") return key;
    std::string v = guarded(value());
    return type == "sum_distinct" ? ctx_.dialect.symmetricSum(v, key)
                                  : ctx_.dialect.symmetricAverage(v, key);
  }
  if (type == "min" || type == "max") {
    return (type == "min" ? "MIN(" : "MAX(") + guarded(value()) + ")";
  }
  if (type == "median" || type == "percentile") {
    if (fanned) {
      ctx_.error(QueryCode::not_fanout_safe,
                 "measure `" + name + "` (" + type +
                     ") is repeated by a join in this query and "
                     "has no fan-out-safe form",
                 "query it without the one_to_many join, or use type: " + type +
                     "_distinct "
                     "semantics in a derived table");
      return "NULL";
    }
    double fraction = 0.5;
    if (type == "percentile") {
      try {
        fraction =
            std::stod(field.details().percentile.empty() ? "50"
                                                         : field.details().percentile.str()) /
            100.0;
      } catch (...) {
        ctx_.error(QueryCode::invalid_query, "measure `" + name + "` has an invalid percentile `" +
                                                 field.details().percentile + "`");
      }
    }
    std::string ordered = guarded(value());
    checkSortedAggregate(name, ordered);
    return ctx_.dialect.percentile(ordered, fraction);
  }
  if (type == "list") {
    const Field* list_field = entry.view->findField(field.details().list_field);
    if (!list_field) {
      ctx_.error(QueryCode::query_reference_error,
                 "measure `" + name + "` lists unknown field `" + field.details().list_field + "`");
      return "NULL";
    }
    std::string listed = guarded(dimensionSql(entry, *list_field));
    checkSortedAggregate(name, ctx_.dialect.castToText(listed));  // what LISTAGG orders by
    return ctx_.dialect.listAggregate(listed, ", ");
  }
  if (auto timeframe = fieldTimeframe(field)) {
    // `type: date_month` and the like: the measure's value in that timeframe.
    return ctx_.dialect.timeframeSql(*timeframe, value(), ctx_.timeframe_options);
  }
  if (type == "number" || type == "string" || type == "date" || type == "int" ||
      type.rfind("date_", 0) == 0) {
    return value();
  }
  if (type == "yesno") return ctx_.dialect.yesNoValue(value());
  if (type == "percent_of_total" || type == "running_total" || type == "percent_of_previous") {
    // Computed over the grouped rows with window functions (Looker computes them after the
    // query over the rows it returns; docs/differences.md says where the two can differ).
    if (!field.sql.present()) {
      ctx_.error(QueryCode::query_reference_error,
                 "measure `" + name + "` of type `" + type + "` needs `sql:` naming a measure",
                 "e.g. `sql: ${count} ;;`");
      return "NULL";
    }
    std::string x = wrapped(value());
    if (type != "percent_of_total") ctx_.uses_row_order = true;
    const std::string& order = ctx_.window_order;
    if (type == "percent_of_total") {
      return "100.0 * " + x + " / NULLIF(SUM(" + x + ") OVER (), 0)";
    }
    if (type == "running_total") {
      return "SUM(" + x + ") OVER (" + order + (order.empty() ? "" : " ") +
             "ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)";
    }
    std::string previous = "LAG(" + x + ") OVER (" + order + ")";
    return "100.0 * (" + x + " - " + previous + ") / NULLIF(" + previous + ", 0)";
  }
  ctx_.error(QueryCode::unsupported_feature,
             "measure `" + name + "` of type `" + type +
                 "` is computed by Looker after the "
                 "query; lkml sql cannot produce it",
             "compute it from the query result");
  return "NULL";
}

}  // namespace lkml::codegen
