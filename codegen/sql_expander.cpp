#include "codegen/sql_expander.h"

#include <algorithm>
#include <cctype>

#include "codegen/native_derived_table.h"
#include "semantic/field_types.h"
#include "semantic/sql_references.h"

namespace lkml::codegen {

using semantic::Field;
using semantic::FieldKind;
using semantic::ScopeEntry;

namespace {

std::string trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

// `alias.column` or a bare identifier needs no parentheses when substituted.
bool isSimple(const std::string& sql) {
  if (sql.empty()) return false;
  for (char c : sql) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '"')) {
      return false;
    }
  }
  return true;
}

// Terminal columns of the first `bytes` bytes of UTF-8 text (wide East Asian characters take
// two), so a caret under a filter expression lines up with the offending character.
size_t displayColumns(std::string_view text, size_t bytes) {
  size_t columns = 0;
  for (size_t i = 0; i < bytes && i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    uint32_t cp = len == 1 ? c : c & (0x7F >> len);
    for (size_t k = 1; k < len && i + k < text.size(); ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    }
    bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
    columns += wide ? 2 : 1;
    i += len;
  }
  return columns;
}

}  // namespace

std::optional<TimeframeSpec> SqlExpander::fieldTimeframe(const Field& field) {
  if (!field.timeframe.empty()) return parseTimeframe(field.timeframe);
  // `type: date_month` and the like: one timeframe as a single field.
  if (field.type.rfind("date_", 0) == 0) return parseTimeframe(field.type.substr(5));
  return std::nullopt;
}

FilterType SqlExpander::filterTypeOf(const Field& field) {
  const std::string& t = field.type;
  if (!field.timeframe.empty() || fieldTimeframe(field)) {
    // A timeframe filters like the values it produces: periods of time take date filters
    // (applied to the raw value), names and labels string filters, the rest number filters.
    auto tf = fieldTimeframe(field);
    if (!tf) return FilterType::String;
    if (isDateValuedTimeframe(tf->timeframe)) return FilterType::Date;
    switch (tf->timeframe) {
      case Timeframe::YesNo:
        return FilterType::YesNo;
      case Timeframe::DayOfWeek:
      case Timeframe::MonthName:
      case Timeframe::QuarterOfYear:
      case Timeframe::FiscalQuarter:
      case Timeframe::FiscalQuarterOfYear:
      case Timeframe::TimeOfDay:
        return FilterType::String;
      default:
        return FilterType::Number;
    }
  }
  if (!field.interval.empty()) return FilterType::Number;
  if (t == "yesno") return FilterType::YesNo;
  if (t == "date" || t == "date_time" || t == "time" || t.rfind("date_", 0) == 0) {
    return FilterType::Date;
  }
  if (field.isMeasure()) {
    return t == "string" || t == "list" ? FilterType::String : FilterType::Number;
  }
  if (t == "number" || t == "int" || t.rfind("duration", 0) == 0) return FilterType::Number;
  return FilterType::String;
}

void SqlExpander::requireAccess(const ScopeEntry& entry, const Field& field) {
  if (entry.join) {
    std::string failed = ctx_.policy.firstFailing(entry.join->required_access_grants);
    if (!failed.empty()) {
      ctx_.error(QueryCode::join_access_denied, "access denied: join `" + entry.alias +
                                                    "` of explore `" + ctx_.explore.name +
                                                    "` requires access grant `" + failed + "` (" +
                                                    ctx_.policy.explain(failed) + ")");
      return;
    }
  }
  std::string failed = ctx_.policy.firstFailing(entry.view->required_access_grants);
  if (failed.empty()) failed = ctx_.policy.firstFailing(field.required_access_grants);
  if (!failed.empty()) {
    std::string name = entry.alias + "." + field.name;
    bool referenced = !stack_.empty();
    ctx_.error(QueryCode::field_access_denied,
               "access denied: field `" + name + "` requires access grant `" + failed + "` (" +
                   ctx_.policy.explain(failed) + ")" +
                   (referenced ? "; it is referenced by `" + stack_.back() + "`" : ""),
               referenced ? "a field that uses a restricted field is restricted too" : "");
  }
}

std::string SqlExpander::tableSql(const ScopeEntry& entry) {
  const semantic::View& view = *entry.view;
  if (view.sql_table_name.present()) return trim(expandText(&entry, view.sql_table_name.text));
  if (view.native_derived_table) {
    auto known = [&] {
      return std::any_of(ctx_.ctes.begin(), ctx_.ctes.end(),
                         [&](const auto& cte) { return cte.first == view.name; });
    };
    if (!known()) {
      std::string sql = nativeDerivedTableSql(ctx_, entry);
      if (!sql.empty() && !known()) ctx_.ctes.emplace_back(view.name, sql);
    }
    return view.name;
  }
  if (!view.persisted_by.empty()) {
    // sql_create / create_process run Looker's own CREATE statements (often a BigQuery ML
    // CREATE MODEL) and leave the result under a generated name in the connection's scratch
    // schema; there is no SELECT to inline, and no name lkml could write instead.
    ctx_.error(
        QueryCode::persistent_table_unknown,
        "view `" + view.name + "` is a persistent derived table built by `" + view.persisted_by +
            "`: Looker runs it and stores the table under a name in its scratch schema, "
            "which lkml cannot know, so a query reading `" +
            view.name + "` cannot be compiled",
        "query an explore that does not read `" + view.name +
            "`, or replace its derived_table with `sql_table_name:` naming the table Looker built",
        view.persisted_by_span);
    return view.name;
  }
  if (view.has_derived_table) {
    bool known = std::any_of(ctx_.ctes.begin(), ctx_.ctes.end(),
                             [&](const auto& cte) { return cte.first == view.name; });
    // CTEs still being expanded (reserved, empty) are the derived tables this one is nested
    // in: each nesting is a level of recursion.
    size_t open = std::count_if(ctx_.ctes.begin(), ctx_.ctes.end(),
                                [](const auto& cte) { return cte.second.empty(); });
    if (!known && open >= semantic::kMaxSqlReferenceDepth) {
      ctx_.error(QueryCode::reference_too_deep,
                 "derived tables nest deeper than " +
                     std::to_string(semantic::kMaxSqlReferenceDepth) + " levels (`" +
                     std::find_if(ctx_.ctes.begin(), ctx_.ctes.end(),
                                  [](const auto& cte) { return cte.second.empty(); })
                         ->first +
                     "` ... `" + view.name + "`)",
                 "read a table instead of another derived table somewhere along the chain");
      return view.name;
    }
    if (!known) {
      ctx_.ctes.emplace_back(view.name, "");  // reserve the name (cycles stop here)
      std::string sql = trim(expandText(&entry, view.derived_table_sql.text));
      for (auto& cte : ctx_.ctes) {
        if (cte.first == view.name) cte.second = sql;
      }
      // Keep dependencies first: move this CTE after any it added while expanding.
      auto it = std::find_if(ctx_.ctes.begin(), ctx_.ctes.end(),
                             [&](const auto& cte) { return cte.first == view.name; });
      auto moved = *it;
      ctx_.ctes.erase(it);
      ctx_.ctes.push_back(moved);
    }
    return view.name;
  }
  return view.name;  // Looker's default: a table named like the view
}

std::string SqlExpander::primaryKeySql(const ScopeEntry& entry) {
  const Field* pk = entry.view ? entry.view->primaryKey() : nullptr;
  return pk ? dimensionSql(entry, *pk) : "";
}

std::string SqlExpander::reference(const ScopeEntry* owner, const std::string& alias,
                                   const std::string& field_name, bool bare) {
  const ScopeEntry* entry = owner;
  if (!bare) {
    entry = ctx_.scope.find(alias);
    // A view may name itself by its view name while joined under another alias.
    if (!entry && owner && owner->view && owner->view->name == alias) entry = owner;
  }
  if (!entry || !entry->view) {
    ctx_.error(QueryCode::query_reference_error,
               "`${" + alias + "." + field_name + "}`: view `" + alias +
                   "` is not joined in explore `" + ctx_.explore.name + "`",
               "join it in the explore, or remove the reference");
    return "NULL";
  }
  const Field* field = entry->view->findField(field_name);
  if (!field) {
    ctx_.error(QueryCode::query_reference_error,
               "`${" + (bare ? field_name : alias + "." + field_name) + "}`: view `" +
                   entry->view->name + "` has no field `" + field_name + "`");
    return "NULL";
  }
  ctx_.aliases.insert(entry->alias);
  requireAccess(*entry, *field);
  std::string key = entry->alias + "." + field->name;
  if (std::find(stack_.begin(), stack_.end(), key) != stack_.end()) {
    ctx_.error(QueryCode::query_reference_error,
               "field `" + key + "` refers to itself through `${}` references");
    return "NULL";
  }
  // Expanding recurses once per reference: the input must not decide how deep. The stack holds
  // the fields being expanded, the selected one first.
  if (stack_.size() >= semantic::kMaxSqlReferenceDepth) {
    ctx_.error(QueryCode::reference_too_deep,
               "`${}` references starting at `" + stack_.front() + "` nest deeper than " +
                   std::to_string(semantic::kMaxSqlReferenceDepth) + " fields (" + stack_.front() +
                   " -> " + stack_[1] + " -> ... -> " + key + ")",
               "use a column (`${TABLE}.col`) somewhere along the chain");
    return "NULL";
  }
  stack_.push_back(key);
  // A yesno dimension inside other SQL is its condition (`CASE WHEN ${is_big} ...`,
  // `${a} AND ${b}`), as in Looker; only a selected yesno renders as 'Yes'/'No'.
  std::string sql =
      isYesNoDimension(*field) ? conditionSql(*entry, *field) : fieldSql(*entry, *field);
  stack_.pop_back();
  return isSimple(sql) ? sql : "(" + sql + ")";
}

std::string SqlExpander::rawSql(const ScopeEntry& entry, const Field& field) {
  std::string raw = trim(expandText(&entry, field.sql.text));
  if (field.datatype == "epoch") return ctx_.dialect.epochToTimestamp(raw);
  if (field.datatype == "yyyymmdd") return ctx_.dialect.yyyymmddToDate(raw);
  // Only time dimension groups have a datatype (timestamp when not given).
  if (field.timeframe.empty() && !fieldTimeframe(field)) return raw;
  return ctx_.dialect.timeValue(raw, field.datatype);
}

bool SqlExpander::isYesNoDimension(const Field& field) {
  return field.isDimension() &&
         (field.timeframe.empty() ? field.type == "yesno" : field.timeframe == "yesno");
}

std::string SqlExpander::conditionSql(const ScopeEntry& entry, const Field& field) {
  if (!field.timeframe.empty()) {
    std::string raw = rawSql(entry, field);
    return (isSimple(raw) ? raw : "(" + raw + ")") + " IS NOT NULL";
  }
  return trim(expandText(&entry, field.sql.text));
}

std::string SqlExpander::dimensionSql(const ScopeEntry& entry, const Field& field) {
  if (!field.timeframe.empty()) {
    std::string raw = rawSql(entry, field);
    auto timeframe = parseTimeframe(field.timeframe);
    if (!timeframe) {
      ctx_.error(QueryCode::unsupported_feature, "timeframe `" + field.timeframe + "` of `" +
                                                     entry.alias + "." + field.group +
                                                     "` is not supported by lkml sql yet");
      return raw;
    }
    return ctx_.dialect.timeframeSql(*timeframe, raw, ctx_.timeframe_options);
  }
  if (!field.interval.empty()) {
    auto unit = dateUnitFromName(field.interval);
    std::string start = trim(expandText(&entry, field.details().sql_start.text));
    std::string end = trim(expandText(&entry, field.details().sql_end.text));
    if (!unit) {
      ctx_.error(QueryCode::unsupported_feature,
                 "duration interval `" + field.interval + "` is not supported");
      return "NULL";
    }
    return ctx_.dialect.duration(*unit, start, end);
  }
  if (!field.details().case_whens.empty()) return caseSql(entry, field);
  if (auto tf = fieldTimeframe(field)) {
    return ctx_.dialect.timeframeSql(*tf, rawSql(entry, field), ctx_.timeframe_options);
  }
  if (field.type == "location") return locationSql(entry, field);
  if (field.type == "distance") return distanceSql(entry, field);
  std::string value = trim(expandText(&entry, field.sql.text));
  if (field.type == "yesno") return ctx_.dialect.yesNoValue(value);
  if (field.type == "tier" || field.type == "bin") {
    return tierSql(isSimple(value) ? value : "(" + value + ")", field);
  }
  return value;
}

std::string SqlExpander::filterTargetSql(const ScopeEntry& entry, const Field& field) {
  reportUncompiledParameters(entry, field);
  if (fieldTimeframe(field) && filterTypeOf(field) == FilterType::Date) {
    // Date filters compare the raw value (an aggregate's, for a `date_*` measure).
    return field.isMeasure() ? "(" + trim(expandText(&entry, field.sql.text)) + ")"
                             : rawSql(entry, field);
  }
  if (isYesNoDimension(field)) {
    std::string cond = conditionSql(entry, field);
    return isSimple(cond) ? cond : "(" + cond + ")";
  }
  if (field.kind == FieldKind::Filter && field.sql.present()) {
    return trim(expandText(&entry, field.sql.text));
  }
  std::string sql = fieldSql(entry, field);
  std::string target = isSimple(sql) ? sql : "(" + sql + ")";
  // A `type: date` dimension with a `datatype:` is compared as the type date filters use
  // (BigQuery: a DATE column against TIMESTAMP bounds needs a cast).
  if (field.isDimension() && !field.datatype.empty() && filterTypeOf(field) == FilterType::Date) {
    target = ctx_.dialect.timeValue(target, field.datatype);
  }
  return target;
}

std::string SqlExpander::fieldSql(const ScopeEntry& entry, const Field& field) {
  // A field expanded at the top (selected, filtered) goes on the stack too, so a restricted
  // field it references is reported as "referenced by" it.
  bool top = stack_.empty();
  if (top) stack_.push_back(entry.alias + "." + field.name);
  reportUncompiledParameters(entry, field);
  std::string sql = field.isMeasure() ? measureSql(entry, field) : dimensionSql(entry, field);
  if (top) stack_.pop_back();
  return sql;
}

void SqlExpander::reportUncompiledParameters(const ScopeEntry& entry, const Field& field) {
  for (const auto& [parameter, span] : field.details().uncompiled_parameters) {
    // precision only changes the SQL of the *_distinct sums and averages.
    if (parameter == "precision" && field.type.find("_distinct") == std::string::npos) continue;
    ctx_.error(QueryCode::unsupported_field_parameter,
               "field `" + entry.alias + "." + field.name + "` uses `" + parameter +
                   "`, which changes its SQL in Looker and which lkml cannot compile",
               "remove `" + parameter + "` or compute the value in the field's `sql:`", span);
  }
}

std::string SqlExpander::filterPredicate(const ParsedFilter& filter) {
  std::variant<FilterExpr, FilterError> parsed =
      parseFilterExpression(filter.expression, filterTypeOf(*filter.target));
  if (auto* error = std::get_if<FilterError>(&parsed)) {
    ctx_.error(error->code,
               "invalid filter for `" + filter.field + "` (" +
                   filterTypeName(filterTypeOf(*filter.target)) + "): " + error->message + "\n  " +
                   filter.expression + "\n  " +
                   std::string(displayColumns(filter.expression, error->offset), ' ') + "^",
               error->hint);
    return "";
  }
  const FilterExpr& expr = std::get<FilterExpr>(parsed);
  if (expr.empty()) return "";
  // A field's own `case_sensitive` overrides the model's for its string filters.
  FilterContext context = ctx_.filter_context;
  if (filter.target->details().case_sensitive >= 0) {
    context.caseSensitive = filter.target->details().case_sensitive == 1;
  }
  return renderFilter(expr, filterTargetSql(*filter.entry, *filter.target), ctx_.dialect, context);
}

}  // namespace lkml::codegen
