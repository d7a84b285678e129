#include "codegen/dialects/redshift_dialect.h"

#include <stdexcept>

#include "codegen/dialects/datediff_duration.h"

namespace lkml::codegen {
namespace {

std::string extractInteger(const char* field, const std::string& expr) {
  return std::string("EXTRACT(") + field + " FROM " + expr + ")::integer";
}

std::string toChar(const std::string& expr, const char* format) {
  return "TO_CHAR(" + expr + ", '" + format + "')";
}

std::string varchar(const std::string& expr) { return "CAST(" + expr + " AS VARCHAR)"; }

// Looker's Redshift key hash: two 15-hex-digit pieces of the MD5, as DECIMAL(38,0).
std::string hashOf(const std::string& primaryKey) {
  const std::string md5 = "MD5(CAST(" + primaryKey + " AS VARCHAR))";
  return "CAST(STRTOL(LEFT(" + md5 + ",15),16) AS DECIMAL(38,0))* 1.0e8 + CAST(STRTOL(RIGHT(" +
         md5 + ",15),16) AS DECIMAL(38,0))";
}

}  // namespace

const DialectFeatures& RedshiftDialect::features() const {
  static const DialectFeatures kFeatures = [] {
    DialectFeatures f;
    f.supportsPercentileCont = true;
    f.supportsDistinctStringAgg = false;  // LISTAGG(DISTINCT ...) instead
    f.supportsSymmetricAggregates = true;
    f.supportsNullsFirstLast = true;
    f.hasBooleanType = true;
    return f;
  }();
  return kFeatures;
}

std::string RedshiftDialect::stringLiteral(std::string_view value) const {
  if (!canRepresentString(value)) {
    throw std::invalid_argument("string literal contains a NUL byte");
  }
  // Whether Redshift reads a backslash in '...' as an escape depends on the connection, so a
  // literal never holds one: each backslash is CHR(92), concatenated. Quotes are doubled,
  // which means the same either way.
  std::string out = "'";
  for (char c : value) {
    if (c == '\'') {
      out += "''";
    } else if (c == '\\') {
      out += "' || CHR(92) || '";
    } else {
      out += c;
    }
  }
  out += '\'';
  if (value.find('\\') == std::string_view::npos) return out;
  return "(" + out + ")";
}

std::string RedshiftDialect::castToText(const std::string& expr) const { return varchar(expr); }

std::string RedshiftDialect::currentTimestamp(std::string_view timeZone) const {
  // GETDATE() is UTC and runs on the compute nodes (CURRENT_TIMESTAMP is leader-node only).
  if (timeZone.empty()) return "GETDATE()";
  return "CONVERT_TIMEZONE('UTC', " + stringLiteral(timeZone) + ", GETDATE())";
}

std::string RedshiftDialect::truncate(DateUnit unit, const std::string& expr,
                                      Weekday weekStart) const {
  const std::string trunc = std::string("DATE_TRUNC('") + dateUnitName(unit) + "', ";
  if (unit != DateUnit::Week || weekStart == Weekday::Monday) return trunc + expr + ")";
  const int shift = (7 - static_cast<int>(weekStart)) % 7;
  return dateAdd(trunc + dateAdd(expr, shift, DateUnit::Day) + ")", -shift, DateUnit::Day);
}

std::string RedshiftDialect::addInterval(const std::string& expr, int64_t count,
                                         DateUnit unit) const {
  return dateAdd(expr, count, unit);
}

std::string RedshiftDialect::epochToTimestamp(const std::string& expr) const {
  return "(TIMESTAMP 'epoch' + (" + expr + ") * INTERVAL '1 second')";
}

std::string RedshiftDialect::duration(DateUnit unit, const std::string& start,
                                      const std::string& end) const {
  return dateDiffDuration(unit, start, end, "TIMESTAMP");
}

std::string RedshiftDialect::hashKeyToNumeric(const std::string& primaryKey) const {
  return "(" + hashOf(primaryKey) + ")";
}

std::string RedshiftDialect::symmetricSum(const std::string& value,
                                          const std::string& primaryKey) const {
  const std::string hash = hashOf(primaryKey);
  return "COALESCE(COALESCE(CAST((SUM(DISTINCT (CAST(FLOOR(COALESCE(" + value +
         ", 0) * (1000000*1.0)) AS DECIMAL(38,0))) + " + hash + ") - SUM(DISTINCT " + hash +
         ")) AS DOUBLE PRECISION) / CAST((1000000*1.0) AS DOUBLE PRECISION), 0), 0)";
}

std::string RedshiftDialect::listAggregate(const std::string& expr,
                                           std::string_view separator) const {
  const std::string text = varchar(expr);
  return "LISTAGG(DISTINCT " + text + ", " + stringLiteral(separator) +
         ") WITHIN GROUP (ORDER BY " + text + ")";
}

std::string RedshiftDialect::renderTimeframe(const TimeframeSpec& spec, const std::string& expr,
                                             const TimeframeOptions& options) const {
  const std::string step = std::to_string(spec.step);
  auto fiscal = [&] {
    return addInterval("(" + expr + ")", -options.fiscalMonthOffset, DateUnit::Month);
  };
  auto bucket = [&](const char* unit, const char* part) {
    return std::string("DATEADD(") + unit + ", -MOD(" + extractInteger(part, expr) + ", " + step +
           "), DATE_TRUNC('" + unit + "', " + expr + "))";
  };
  switch (spec.timeframe) {
    case Timeframe::DayOfWeek:
      return "TRIM(" + toChar(expr, "Day") + ")";
    case Timeframe::MonthName:
      return "TRIM(" + toChar(expr, "Month") + ")";
    case Timeframe::QuarterOfYear:
      return "'Q' || " + varchar(extractInteger("QUARTER", expr));
    case Timeframe::FiscalQuarterOfYear:
      return "'Q' || " + varchar(extractInteger("QUARTER", fiscal()));
    case Timeframe::FiscalQuarter:
      return varchar(extractInteger("YEAR", fiscal())) + " || '-Q' || " +
             varchar(extractInteger("QUARTER", fiscal()));
    case Timeframe::HourN:
      return toChar(bucket("hour", "HOUR"), "YYYY-MM-DD HH24");
    case Timeframe::MinuteN:
      return toChar(bucket("minute", "MINUTE"), "YYYY-MM-DD HH24:MI");
    case Timeframe::MillisecondN:
      return toChar(bucket("millisecond", "MILLISECOND"), "YYYY-MM-DD HH24:MI:SS.MS");
    default:
      return PostgresDialect::renderTimeframe(spec, expr, options);
  }
}

}  // namespace lkml::codegen
