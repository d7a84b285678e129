// Dimension shapes whose SQL is more than their `sql:` (part of SqlExpander): tiers and bins,
// `case:` dimensions, locations and distances, and the hidden sort keys that make a tier or
// a case sort by bucket order rather than by label text, as Looker sorts them.
#include <cctype>
#include <cmath>
#include <cstdio>

#include "codegen/sql_expander.h"

namespace lkml::codegen {

using semantic::Field;
using semantic::FieldDetails;
using semantic::ScopeEntry;

namespace {

std::string trim(const std::string& s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return s.substr(b, e - b);
}

bool isPlainNumber(const std::string& text) {
  if (text.empty() || text.size() > 40) return false;
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

bool isInteger(const std::string& text) {
  return isPlainNumber(text) && text.find('.') == std::string::npos && text.size() < 18;
}

std::string parenthesized(const std::string& sql) {
  for (char c : sql) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '"')) {
      return "(" + sql + ")";
    }
  }
  return sql;
}

// Looker's tier label of bucket `i` (0: below the first tier; n: at or above the last) in
// `style` (classic, interval, integer, relational).
std::string tierLabel(const std::vector<std::string>& tiers, size_t i, const std::string& style) {
  size_t n = tiers.size();
  const std::string lo = i > 0 ? tiers[i - 1] : "", hi = i < n ? tiers[i] : "";
  const std::string interval =
      i == 0 ? "(-inf," + hi + ")" : "[" + lo + "," + (i == n ? "inf)" : hi + ")");
  if (style == "integer") {
    if (i == 0) return "Below " + hi;
    if (i == n) return lo + " or Above";
    // "10 to 19" means [10, 20) for whole numbers; a decimal bound has no such spelling.
    if (isInteger(lo) && isInteger(hi)) return lo + " to " + std::to_string(std::stoll(hi) - 1);
    return interval;
  }
  if (style == "relational") {
    if (i == 0) return "< " + hi;
    if (i == n) return ">= " + lo;
    return ">= " + lo + " and < " + hi;
  }
  if (style == "interval") return interval;
  char prefix[24];
  std::snprintf(prefix, sizeof prefix, "T%02zu ", i);
  return prefix + interval;
}

/// Earth radius in `units` (Looker's `type: distance` units); 0 when unknown.
double earthRadius(const std::string& units) {
  constexpr double kKilometers = 6371.0088;  // mean radius (IUGG)
  if (units.empty() || units == "kilometers") return kKilometers;
  if (units == "meters") return kKilometers * 1000;
  if (units == "miles") return kKilometers / 1.609344;
  if (units == "feet") return kKilometers * 1000 / 0.3048;
  if (units == "yards") return kKilometers * 1000 / 0.9144;
  if (units == "nautical_miles") return kKilometers / 1.852;
  return 0;
}

}  // namespace

bool SqlExpander::checkTiers(const Field& field) {
  for (const auto& t : field.details().tiers) {
    if (!isPlainNumber(t)) {
      ctx_.error(QueryCode::invalid_query,
                 "tier `" + t + "` of `" + field.name + "` is not a number",
                 "write the tiers as numbers in increasing order, e.g. `tiers: [0, 10, 20]`");
      return false;
    }
  }
  return true;
}

std::string SqlExpander::tierSql(const std::string& value, const Field& field) {
  const std::vector<std::string>& tiers = field.details().tiers;
  if (tiers.empty() || !checkTiers(field)) return value;
  const std::string style = field.details().style.empty() ? "classic" : field.details().style.str();
  std::string sql =
      "CASE WHEN " + value + " IS NULL THEN " + ctx_.dialect.stringLiteral("Undefined");
  for (size_t i = 0; i < tiers.size(); ++i) {
    sql += " WHEN " + value + " < " + tiers[i] + " THEN " +
           ctx_.dialect.stringLiteral(tierLabel(tiers, i, style));
  }
  sql += " ELSE " + ctx_.dialect.stringLiteral(tierLabel(tiers, tiers.size(), style)) + " END";
  return sql;
}

std::string SqlExpander::caseSql(const ScopeEntry& entry, const Field& field) {
  const FieldDetails& d = field.details();
  std::string sql = "CASE";
  for (const FieldDetails::CaseWhen& when : d.case_whens) {
    sql += " WHEN " + parenthesized(trim(expandText(&entry, when.sql.text))) + " THEN " +
           ctx_.dialect.stringLiteral(when.label);
  }
  if (d.has_case_else) sql += " ELSE " + ctx_.dialect.stringLiteral(d.case_else);
  return sql + " END";
}

std::string SqlExpander::sortKeySql(const ScopeEntry& entry, const Field& field) {
  const FieldDetails& d = field.details();
  if (!field.isDimension()) return "";
  if (!d.order_by_field.empty()) {
    std::string alias = entry.alias, name = d.order_by_field;
    if (name.find('.') != std::string::npos) {
      semantic::ExploreScope::splitName(d.order_by_field, &alias, &name);
    }
    std::string key = reference(&entry, alias, name, alias == entry.alias);
    // A yesno reference is a condition, and MIN() takes no booleans: No sorts before Yes.
    const ScopeEntry* target_entry = alias == entry.alias ? &entry : ctx_.scope.find(alias);
    const Field* target =
        target_entry && target_entry->view ? target_entry->view->findField(name) : nullptr;
    if (target && isYesNoDimension(*target)) key = "CASE WHEN " + key + " THEN 1 ELSE 0 END";
    return key;
  }
  if (!field.timeframe.empty() || !field.interval.empty()) return "";
  if (!d.case_whens.empty() && !d.alpha_sort) {
    // The position of the first matching `when`; unmatched rows (the else) sort last.
    std::string sql = "CASE";
    for (size_t i = 0; i < d.case_whens.size(); ++i) {
      sql += " WHEN " + parenthesized(trim(expandText(&entry, d.case_whens[i].sql.text))) +
             " THEN " + std::to_string(i);
    }
    return sql + " ELSE " + std::to_string(d.case_whens.size()) + " END";
  }
  if ((field.type == "tier" || field.type == "bin") && !d.tiers.empty() && checkTiers(field)) {
    // The bucket number; NULL (Undefined) sorts after every bucket.
    std::string value = parenthesized(trim(expandText(&entry, field.sql.text)));
    std::string sql = "CASE WHEN " + value + " IS NULL THEN " + std::to_string(d.tiers.size() + 1);
    for (size_t i = 0; i < d.tiers.size(); ++i) {
      sql += " WHEN " + value + " < " + d.tiers[i] + " THEN " + std::to_string(i);
    }
    return sql + " ELSE " + std::to_string(d.tiers.size()) + " END";
  }
  return "";
}

bool SqlExpander::locationParts(const ScopeEntry& entry, const Field& field, std::string* lat,
                                std::string* lon) {
  const FieldDetails& d = field.details();
  if (!d.sql_latitude.present() || !d.sql_longitude.present()) {
    ctx_.error(QueryCode::unsupported_field_parameter,
               "location dimension `" + entry.alias + "." + field.name +
                   "` needs both `sql_latitude` and `sql_longitude`",
               "add `sql_latitude: ${TABLE}.lat ;;` and `sql_longitude: ${TABLE}.lon ;;`");
    return false;
  }
  *lat = parenthesized(trim(expandText(&entry, d.sql_latitude.text)));
  *lon = parenthesized(trim(expandText(&entry, d.sql_longitude.text)));
  return true;
}

std::string SqlExpander::locationSql(const ScopeEntry& entry, const Field& field) {
  std::string lat, lon;
  if (!locationParts(entry, field, &lat, &lon)) return "NULL";
  // "lat,lon" text, NULL unless both are present (Looker's location value).
  return "CASE WHEN " + lat + " IS NOT NULL AND " + lon + " IS NOT NULL THEN " +
         ctx_.dialect.castToText(lat) + " || ',' || " + ctx_.dialect.castToText(lon) +
         " ELSE NULL END";
}

std::string SqlExpander::distanceSql(const ScopeEntry& entry, const Field& field) {
  const FieldDetails& d = field.details();
  const std::string name = entry.alias + "." + field.name;
  double radius = earthRadius(d.units);
  if (radius == 0) {
    ctx_.error(QueryCode::unsupported_field_parameter,
               "distance dimension `" + name + "` has unknown `units: " + d.units + "`",
               "use one of feet, kilometers, meters, miles, nautical_miles, yards");
    return "NULL";
  }
  std::string ends[2][2];
  const std::string* fields[2] = {&d.start_location_field.str(), &d.end_location_field.str()};
  for (int i = 0; i < 2; ++i) {
    std::string alias = entry.alias, target_name = *fields[i];
    if (target_name.find('.') != std::string::npos) {
      semantic::ExploreScope::splitName(*fields[i], &alias, &target_name);
    }
    const ScopeEntry* target_entry = alias == entry.alias ? &entry : ctx_.scope.find(alias);
    const Field* target =
        target_entry && target_entry->view ? target_entry->view->findField(target_name) : nullptr;
    if (!target || target->type != "location") {
      ctx_.error(QueryCode::query_reference_error,
                 "distance dimension `" + name + "`: `" + (i ? "end" : "start") +
                     "_location_field: " + *fields[i] + "` is not a location dimension",
                 "name a `type: location` dimension");
      return "NULL";
    }
    ctx_.aliases.insert(target_entry->alias);
    requireAccess(*target_entry, *target);
    if (!locationParts(*target_entry, *target, &ends[i][0], &ends[i][1])) return "NULL";
  }
  // Haversine great-circle distance on a sphere of the mean Earth radius.
  auto rad = [&](const std::string& x) { return ctx_.dialect.radians(x); };
  const std::string dlat = "(" + rad(ends[1][0]) + " - " + rad(ends[0][0]) + ")";
  const std::string dlon = "(" + rad(ends[1][1]) + " - " + rad(ends[0][1]) + ")";
  char r[40];
  std::snprintf(r, sizeof r, "%.6f", radius);
  return "(2 * " + std::string(r) + " * ASIN(SQRT(POWER(SIN(" + dlat + " / 2), 2) + COS(" +
         rad(ends[0][0]) + ") * COS(" + rad(ends[1][0]) + ") * POWER(SIN(" + dlon + " / 2), 2))))";
}

}  // namespace lkml::codegen
