#include "codegen/sql_expander.h"

#include <algorithm>
#include <cctype>

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

bool isNumber(const std::string& text) {
  if (text.empty()) return false;
  size_t i = text[0] == '-' ? 1 : 0;
  bool digits = false, dot = false;
  for (; i < text.size(); ++i) {
    if (std::isdigit(static_cast<unsigned char>(text[i])))
      digits = true;
    else if (text[i] == '.' && !dot)
      dot = true;
    else
      return false;
  }
  return digits;
}

std::string userAttributeName(std::string_view body) {
  constexpr std::string_view kPrefix = "_user_attributes[";
  size_t at = body.find(kPrefix);
  if (at == std::string_view::npos) return "";
  size_t q = at + kPrefix.size();
  if (q >= body.size() || (body[q] != '\'' && body[q] != '"')) return "";
  size_t close = body.find(body[q], q + 1);
  if (close == std::string_view::npos) return "";
  return std::string(body.substr(q + 1, close - q - 1));
}

// Where the end of `sql` lies lexically: in code, or inside a string literal, a quoted
// identifier, a comment or a dollar-quoted string. Decides how a Liquid value may be inserted.
enum class SqlContext { Code, StringLiteral, QuotedIdentifier, Comment, DollarQuoted };

bool isIdentifierChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' ||
         (static_cast<unsigned char>(c) & 0x80);
}

SqlContext contextAtEnd(std::string_view sql) {
  size_t i = 0, n = sql.size();
  while (i < n) {
    char c = sql[i];
    if (c == '\'') {
      bool escapes = i > 0 && (sql[i - 1] == 'E' || sql[i - 1] == 'e') &&
                     (i < 2 || !isIdentifierChar(sql[i - 2]));
      for (++i;; ++i) {
        if (i >= n) return SqlContext::StringLiteral;
        if (escapes && sql[i] == '\\') {
          ++i;
        } else if (sql[i] == '\'') {
          if (i + 1 < n && sql[i + 1] == '\'') {
            ++i;
          } else {
            break;
          }
        }
      }
      ++i;
    } else if (c == '"') {
      size_t close = sql.find('"', i + 1);
      while (close != std::string_view::npos && close + 1 < n && sql[close + 1] == '"') {
        close = sql.find('"', close + 2);
      }
      if (close == std::string_view::npos) return SqlContext::QuotedIdentifier;
      i = close + 1;
    } else if (c == '-' && i + 1 < n && sql[i + 1] == '-') {
      size_t eol = sql.find('\n', i);
      if (eol == std::string_view::npos) return SqlContext::Comment;
      i = eol + 1;
    } else if (c == '/' && i + 1 < n && sql[i + 1] == '*') {
      int depth = 1;  // PostgreSQL block comments nest
      for (i += 2; depth > 0;) {
        if (i + 1 >= n) return SqlContext::Comment;
        if (sql[i] == '/' && sql[i + 1] == '*') {
          ++depth;
          i += 2;
        } else if (sql[i] == '*' && sql[i + 1] == '/') {
          --depth;
          i += 2;
        } else {
          ++i;
        }
      }
    } else if (c == '$' && (i == 0 || !isIdentifierChar(sql[i - 1]))) {
      size_t end = i + 1;
      while (end < n && (std::isalpha(static_cast<unsigned char>(sql[end])) || sql[end] == '_' ||
                         (end > i + 1 && std::isdigit(static_cast<unsigned char>(sql[end]))))) {
        ++end;
      }
      if (end < n && sql[end] == '$') {
        std::string_view tag = sql.substr(i, end - i + 1);
        size_t close = sql.find(tag, end + 1);
        if (close == std::string_view::npos) return SqlContext::DollarQuoted;
        i = close + tag.size();
      } else {
        ++i;
      }
    } else {
      ++i;
    }
  }
  return SqlContext::Code;
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

// Appends the text value of a Liquid tag (user attribute, string parameter) as one escaped
// literal. In code it is a plain literal; when LookML wrote the tag as a whole quoted literal
// ('{{ ... }}') the quotes are replaced; inside a longer literal ('%{{ ... }}%') the literal
// is closed, the value concatenated and the literal reopened, so the value can never end up
// outside quotes. In a comment, a quoted identifier or a dollar-quoted string there is no
// safe spelling: refused. Returns the position in `sql` to continue from.
size_t appendLiteral(CompileContext& ctx, std::string& out, const std::string& sql, size_t tag_end,
                     const std::string& value, const std::string& what) {
  SqlContext where = contextAtEnd(out);
  if (where == SqlContext::Code) {
    out += ctx.dialect.stringLiteral(value);
    return tag_end;
  }
  if (where == SqlContext::StringLiteral) {
    bool opened_here = out.back() == '\'' && contextAtEnd(std::string_view(out).substr(
                                                 0, out.size() - 1)) == SqlContext::Code;
    bool closed_here = tag_end < sql.size() && sql[tag_end] == '\'' &&
                       (tag_end + 1 >= sql.size() || sql[tag_end + 1] != '\'');
    if (opened_here && closed_here) {
      out.pop_back();
      out += ctx.dialect.stringLiteral(value);
      return tag_end + 1;
    }
    out += "' || " + ctx.dialect.stringLiteral(value) + " || '";
    return tag_end;
  }
  ctx.error(QueryCode::unsupported_feature,
            what +
                " is written inside a SQL comment, a quoted identifier or a dollar-quoted "
                "string, where lkml cannot insert it safely",
            "move it into code or into a '...' string literal");
  out += "NULL";
  return tag_end;
}

}  // namespace

FilterType SqlExpander::filterTypeOf(const Field& field) {
  const std::string& t = field.type;
  if (!field.timeframe.empty()) {
    auto tf = timeframeFromName(field.timeframe);
    if (tf && isDateValuedTimeframe(*tf)) return FilterType::Date;
    if (field.timeframe == "day_of_week" || field.timeframe == "month_name") {
      return FilterType::String;
    }
    return FilterType::Number;
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
    ctx_.error(QueryCode::unsupported_feature,
               "view `" + view.name +
                   "` is a native derived table (explore_source), which "
                   "lkml cannot compile yet",
               "write the derived table as SQL (`derived_table: { sql: ... ;; }`)");
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
  std::string sql = fieldSql(*entry, *field);
  stack_.pop_back();
  return isSimple(sql) ? sql : "(" + sql + ")";
}

std::string SqlExpander::expandText(const ScopeEntry* owner, const std::string& sql) {
  std::string out;
  out.reserve(sql.size());
  size_t i = 0;
  while (i < sql.size()) {
    if (sql.compare(i, 2, "${") == 0) {
      size_t close = sql.find('}', i + 2);
      if (close == std::string::npos) {
        ctx_.error(QueryCode::query_reference_error,
                   "`${` without a closing `}` in `" + trim(sql) + "`");
        return out;
      }
      std::string inner = trim(std::string_view(sql).substr(i + 2, close - i - 2));
      i = close + 1;
      const ScopeEntry* self = owner ? owner : ctx_.scope.find(ctx_.explore.alias);
      if (inner == "TABLE") {
        if (self) ctx_.aliases.insert(self->alias);
        out += self ? self->alias : ctx_.explore.alias;
      } else if (inner == "EXTENDED") {
        ctx_.error(QueryCode::unsupported_feature, "`${EXTENDED}` is not supported by lkml yet");
      } else if (size_t dot = inner.find('.'); dot == std::string::npos) {
        out += reference(self, "", inner, true);
      } else if (inner.substr(dot + 1) == "SQL_TABLE_NAME") {
        std::string view_name = inner.substr(0, dot);
        const ScopeEntry* entry = ctx_.scope.find(view_name);
        const semantic::View* view = ctx_.model.findView(view_name);
        if (entry && entry->view) {
          out += tableSql(*entry);
        } else if (view) {
          ScopeEntry temp{view_name, view, nullptr, 0};
          out += tableSql(temp);
        } else {
          ctx_.error(QueryCode::query_reference_error,
                     "`${" + inner + "}` names unknown view `" + view_name + "`");
        }
      } else {
        out += reference(self, inner.substr(0, dot), inner.substr(dot + 1), false);
      }
      continue;
    }
    if (sql.compare(i, 2, "{{") == 0 || sql.compare(i, 2, "{%") == 0) {
      size_t close = sql.find(sql[i + 1] == '{' ? "}}" : "%}", i + 2);
      if (close == std::string::npos) {
        ctx_.error(QueryCode::query_reference_error,
                   "Liquid `" + sql.substr(i, 2) + "` without a closing `" +
                       (sql[i + 1] == '{' ? "}}" : "%}") + "` in `" + trim(sql) + "`");
        return out;
      }
      size_t tag_end = close + 2;
      std::string body = trim(std::string_view(sql).substr(i + 2, close - i - 2));
      if (!body.empty() && body.front() == '-') body = trim(body.substr(1));
      if (!body.empty() && body.back() == '-') body = trim(body.substr(0, body.size() - 1));
      std::string attribute = userAttributeName(body);
      if (!attribute.empty()) {
        auto it = ctx_.policy.user().attributes.find(attribute);
        if (it == ctx_.policy.user().attributes.end()) {
          ctx_.error(QueryCode::missing_user_attribute,
                     "the SQL uses user attribute `" + attribute +
                         "`, which the user does not "
                         "have",
                     "pass --user-attribute " + attribute + "=VALUE");
          out += "NULL";
        } else if (!ctx_.dialect.canRepresentString(it->second)) {
          ctx_.error(QueryCode::invalid_attribute_value,
                     "user attribute `" + attribute + "` contains a character SQL cannot hold");
          out += "NULL";
        } else if (isNumber(it->second) && contextAtEnd(out) == SqlContext::Code) {
          out += it->second;
        } else {
          tag_end = appendLiteral(ctx_, out, sql, tag_end, it->second,
                                  "user attribute `" + attribute + "`");
        }
        i = tag_end;
        continue;
      }
      if (sql[i + 1] == '%' && body.rfind("condition", 0) == 0) {
        std::string filter_name = trim(std::string_view(body).substr(9));
        size_t end_tag = sql.find("endcondition", tag_end);
        size_t end_open = end_tag == std::string::npos ? end_tag : sql.rfind("{%", end_tag);
        size_t end_close = end_tag == std::string::npos ? end_tag : sql.find("%}", end_tag);
        if (end_tag == std::string::npos || end_open < tag_end || end_close == std::string::npos) {
          ctx_.error(QueryCode::query_reference_error,
                     "`{% condition " + filter_name + " %}` has no `{% endcondition %}`");
          return out;
        }
        std::string inner = expandText(owner, sql.substr(tag_end, end_open - tag_end));
        std::string name = filter_name;
        if (name.find('.') == std::string::npos && owner) name = owner->alias + "." + name;
        if (name.find('.') == std::string::npos && !stack_.empty()) name = stack_.back();
        auto it = ctx_.filters.find(name);
        std::string predicate;
        if (it != ctx_.filters.end() && it->second.target) {
          ParsedFilter templated = it->second;
          std::variant<FilterExpr, FilterError> parsed =
              parseFilterExpression(templated.expression, filterTypeOf(*templated.target));
          if (auto* expr = std::get_if<FilterExpr>(&parsed)) {
            predicate =
                renderFilter(*expr, "(" + trim(inner) + ")", ctx_.dialect, ctx_.filter_context);
          }
        }
        out += predicate.empty() ? "1=1" : "(" + predicate + ")";
        i = end_close + 2;
        continue;
      }
      if (sql[i + 1] == '%' && body.rfind("parameter", 0) == 0) {
        std::string name = trim(std::string_view(body).substr(9));
        if (name.find('.') == std::string::npos && owner) name = owner->alias + "." + name;
        auto it = ctx_.filters.find(name);
        std::string value = it != ctx_.filters.end() ? it->second.expression : "";
        const Field* param = nullptr;
        std::string alias, field_name;
        if (semantic::ExploreScope::splitName(name, &alias, &field_name)) {
          param = ctx_.scope.findField(alias, field_name);
        }
        if (value.empty() && param) value = param->details().default_value;
        if (param && param->type == "unquoted") {
          bool safe = !value.empty() && std::all_of(value.begin(), value.end(), [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
          });
          if (!safe) {
            ctx_.error(QueryCode::invalid_query,
                       "parameter `" + name + "` (unquoted) must be a plain identifier, got `" +
                           value + "`");
          }
          out += safe ? value : "NULL";
        } else if (param && param->type == "number") {
          out += isNumber(value) ? value : "NULL";
        } else if (!ctx_.dialect.canRepresentString(value)) {
          out += "NULL";
        } else {
          tag_end = appendLiteral(ctx_, out, sql, tag_end, value, "parameter `" + name + "`");
        }
        i = tag_end;
        continue;
      }
      ctx_.error(QueryCode::unsupported_feature,
                 "Liquid `" + sql.substr(i, tag_end - i) + "` is not supported by lkml sql",
                 "lkml compiles `{{ _user_attributes['x'] }}`, `{% condition %}` and "
                 "`{% parameter %}`; see docs/differences.md");
      i = tag_end;
      continue;
    }
    out += sql[i++];
  }
  return out;
}

std::string SqlExpander::rawSql(const ScopeEntry& entry, const Field& field) {
  std::string raw = trim(expandText(&entry, field.sql.text));
  if (field.datatype == "epoch") return ctx_.dialect.epochToTimestamp(raw);
  if (field.datatype == "yyyymmdd") return ctx_.dialect.yyyymmddToDate(raw);
  return raw;
}

std::string SqlExpander::tierSql(const std::string& value, const Field& field) {
  std::vector<std::string> tiers;
  for (const auto& t : field.details().tiers) {
    if (!isNumber(t)) {
      ctx_.error(QueryCode::invalid_query,
                 "tier `" + t + "` of `" + field.name + "` is not a number");
      return value;
    }
    tiers.push_back(t);
  }
  if (tiers.empty()) return value;
  std::string style = field.details().style.empty() ? "classic" : field.details().style;
  auto label = [&](size_t i) -> std::string {
    // i = 0: below the first tier; i = n: at or above the last.
    size_t n = tiers.size();
    std::string lo = i > 0 ? tiers[i - 1] : "", hi = i < n ? tiers[i] : "";
    char prefix[8];
    std::snprintf(prefix, sizeof prefix, "T%02zu ", i);
    if (style == "integer") {
      if (i == 0) return "Below " + hi;
      if (i == n) return lo + " or Above";
      return lo + " to " + std::to_string(std::stoll(hi) - 1);
    }
    if (style == "relational") {
      if (i == 0) return "< " + hi;
      if (i == n) return ">= " + lo;
      return ">= " + lo + " and < " + hi;
    }
    std::string interval =
        (i == 0 ? "(-inf," + hi + ")" : "[" + lo + "," + (i == n ? "inf)" : hi + ")"));
    return style == "interval" ? interval : prefix + interval;
  };
  std::string sql = "CASE WHEN " + value + " IS NULL THEN NULL";
  for (size_t i = 0; i < tiers.size(); ++i) {
    sql += " WHEN " + value + " < " + tiers[i] + " THEN " + ctx_.dialect.stringLiteral(label(i));
  }
  sql += " ELSE " + ctx_.dialect.stringLiteral(label(tiers.size())) + " END";
  return sql;
}

std::string SqlExpander::dimensionSql(const ScopeEntry& entry, const Field& field) {
  if (!field.timeframe.empty()) {
    std::string raw = rawSql(entry, field);
    auto timeframe = timeframeFromName(field.timeframe);
    if (!timeframe) {
      ctx_.error(QueryCode::unsupported_feature, "timeframe `" + field.timeframe + "` of `" +
                                                     entry.alias + "." + field.group +
                                                     "` is not supported by lkml sql yet");
      return raw;
    }
    return ctx_.dialect.timeframeSql(*timeframe, raw, ctx_.filter_context.weekStartDay);
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
  std::string value = trim(expandText(&entry, field.sql.text));
  if (field.type == "yesno") return ctx_.dialect.yesNoValue(value);
  if (field.type == "tier") return tierSql(isSimple(value) ? value : "(" + value + ")", field);
  return value;
}

std::string SqlExpander::filterTargetSql(const ScopeEntry& entry, const Field& field) {
  if (!field.timeframe.empty() && filterTypeOf(field) == FilterType::Date) {
    return rawSql(entry, field);
  }
  if (field.isDimension() && field.type == "yesno") {
    std::string cond = trim(expandText(&entry, field.sql.text));
    return isSimple(cond) ? cond : "(" + cond + ")";
  }
  if (field.kind == FieldKind::Filter && field.sql.present()) {
    return trim(expandText(&entry, field.sql.text));
  }
  std::string sql = fieldSql(entry, field);
  return isSimple(sql) ? sql : "(" + sql + ")";
}

std::string SqlExpander::fieldSql(const ScopeEntry& entry, const Field& field) {
  // A field expanded at the top (selected, filtered) goes on the stack too, so a restricted
  // field it references is reported as "referenced by" it.
  bool top = stack_.empty();
  if (top) stack_.push_back(entry.alias + "." + field.name);
  std::string sql = field.isMeasure() ? measureSql(entry, field) : dimensionSql(entry, field);
  if (top) stack_.pop_back();
  return sql;
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
  return renderFilter(expr, filterTargetSql(*filter.entry, *filter.target), ctx_.dialect,
                      ctx_.filter_context);
}

}  // namespace lkml::codegen
