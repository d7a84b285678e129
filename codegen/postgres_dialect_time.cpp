// PostgreSQL spellings of the time conversions used by dimension groups.
#include "codegen/postgres_dialect.h"

namespace lkml::codegen {

std::string PostgresDialect::epochToTimestamp(const std::string& expr) const {
  return "TO_TIMESTAMP(" + expr + ")::timestamp";
}

std::string PostgresDialect::yyyymmddToDate(const std::string& expr) const {
  return "TO_DATE((" + expr + ")::text, 'YYYYMMDD')";
}

std::string PostgresDialect::duration(DateUnit unit, const std::string& start,
                                      const std::string& end) const {
  // Whole units elapsed (truncated toward zero), as Looker's duration dimensions count them.
  std::string seconds =
      "EXTRACT(EPOCH FROM ((" + end + ")::timestamp - (" + start + ")::timestamp))";
  std::string months = "(EXTRACT(YEAR FROM AGE((" + end + ")::timestamp, (" + start +
                       ")::timestamp)) * 12 + EXTRACT(MONTH FROM AGE((" + end + ")::timestamp, (" +
                       start + ")::timestamp)))";
  switch (unit) {
    case DateUnit::Second:
      return "TRUNC(" + seconds + ")::bigint";
    case DateUnit::Minute:
      return "TRUNC(" + seconds + " / 60)::bigint";
    case DateUnit::Hour:
      return "TRUNC(" + seconds + " / 3600)::bigint";
    case DateUnit::Day:
      return "TRUNC(" + seconds + " / 86400)::bigint";
    case DateUnit::Week:
      return "TRUNC(" + seconds + " / 604800)::bigint";
    case DateUnit::Month:
      return "(" + months + ")::bigint";
    case DateUnit::Quarter:
      return "TRUNC(" + months + " / 3)::bigint";
    case DateUnit::Year:
      return "TRUNC(" + months + " / 12)::bigint";
  }
  return "NULL";
}

}  // namespace lkml::codegen
