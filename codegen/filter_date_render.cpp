// Rendering date filters: every term is a half-open interval [start, end) on the raw time
// expression, or an open-ended bound, or a NULL test; terms are ORed (reference 8.4).
#include <cstdio>

#include "codegen/filter_internal.h"

namespace lkml::codegen {

std::string CivilTime::iso() const {
  char buffer[40];
  if (hour == 0 && minute == 0 && second == 0) {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  } else {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d %02d:%02d:%02d", year, month, day, hour,
                  minute, second);
  }
  return buffer;
}

namespace filter {
namespace {

class DateRenderer {
 public:
  DateRenderer(const std::string& target, const Dialect& dialect, const FilterContext& ctx)
      : target_(target), dialect_(dialect), ctx_(ctx) {}

  Predicate term(const DateTerm& term) const {
    switch (term.kind) {
      case DateTerm::Kind::Null:
        return {target_ + " IS NULL", false};
      case DateTerm::Kind::NotNull:
        return {target_ + " IS NOT NULL", false};
      case DateTerm::Kind::Before:
        return {target_ + " < " + parenthesize(moment(term.start)), false};
      case DateTerm::Kind::After:
        return {target_ + " >= " + parenthesize(moment(term.start)), false};
      case DateTerm::Kind::Range:
        return {target_ + " >= " + parenthesize(moment(term.start)) + " AND " + target_ + " < " +
                    parenthesize(end(term)),
                true};
    }
    return {"", false};
  }

 private:
  std::string moment(const DateMoment& m) const {
    switch (m.kind) {
      case DateMoment::Kind::Absolute:
        return dialect_.timestampLiteral(m.time.iso());
      case DateMoment::Kind::Now:
        return now();
      case DateMoment::Kind::Relative:
        return dialect_.addInterval(dialect_.truncate(m.unit, now(), ctx_.weekStartDay), m.offset,
                                    m.unit);
    }
    return now();
  }

  std::string end(const DateTerm& term) const {
    if (const auto* m = std::get_if<DateMoment>(&term.end)) return moment(*m);
    const auto& length = std::get<DateLength>(term.end);
    if (term.start.kind == DateMoment::Kind::Relative && term.start.unit == length.unit) {
      // DATE_TRUNC(u, now) + a u + b u is DATE_TRUNC(u, now) + (a + b) u: say it once.
      DateMoment shifted = term.start;
      shifted.offset += length.count;
      return moment(shifted);
    }
    return dialect_.addInterval(moment(term.start), length.count, length.unit);
  }

  std::string now() const { return dialect_.currentTimestamp(ctx_.queryTimeZone); }

  const std::string& target_;
  const Dialect& dialect_;
  const FilterContext& ctx_;
};

}  // namespace

std::string renderDateFilter(const DateFilter& filter, const std::string& target,
                             const Dialect& dialect, const FilterContext& ctx) {
  const DateRenderer renderer(target, dialect, ctx);
  std::vector<Predicate> pieces;
  for (const auto& term : filter.terms) pieces.push_back(renderer.term(term));
  if (pieces.empty()) return "";
  return joinPredicates(pieces, "OR").sql;
}

}  // namespace filter
}  // namespace lkml::codegen
