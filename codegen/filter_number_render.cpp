// Rendering number filters: values are printed back from their parsed digits; negated items
// keep NULL rows unless NOT NULL is also given (reference 8.2).
#include <string>
#include <vector>

#include "codegen/filter_internal.h"

namespace lkml::codegen::filter {
namespace {

std::string boundSql(const std::string& target, const char* op, const Decimal& value) {
  return target + " " + op + " " + value.sql();
}

}  // namespace

std::string renderNumberFilter(const NumberFilter& filter, const std::string& target) {
  bool nullsExcluded = false;  // NOT NULL already drops NULL rows
  for (const auto& term : filter.terms) {
    nullsExcluded = nullsExcluded || (term.negated && term.kind == NumberTerm::Kind::Null);
  }
  std::vector<Predicate> positives, negatives;
  std::vector<std::string> equal, notEqual;
  size_t equalAt = 0, notEqualAt = 0;
  for (const auto& term : filter.terms) {
    std::vector<Predicate>& group = term.negated ? negatives : positives;
    switch (term.kind) {
      case NumberTerm::Kind::Equals: {
        auto& values = term.negated ? notEqual : equal;
        if (values.empty()) {
          (term.negated ? notEqualAt : equalAt) = group.size();
          group.push_back({});
        }
        for (const auto& value : term.values) values.push_back(value.sql());
        break;
      }
      case NumberTerm::Kind::Null:
        group.push_back({target + (term.negated ? " IS NOT NULL" : " IS NULL"), false});
        break;
      case NumberTerm::Kind::Range: {
        std::vector<Predicate> parts;
        if (!term.negated) {
          if (term.low)
            parts.push_back(
                {boundSql(target, term.low->inclusive ? ">=" : ">", term.low->value), false});
          if (term.high)
            parts.push_back(
                {boundSql(target, term.high->inclusive ? "<=" : "<", term.high->value), false});
          group.push_back(joinPredicates(parts, "AND"));
          break;
        }
        if (term.low)
          parts.push_back(
              {boundSql(target, term.low->inclusive ? "<" : "<=", term.low->value), false});
        if (term.high)
          parts.push_back(
              {boundSql(target, term.high->inclusive ? ">" : ">=", term.high->value), false});
        if (!nullsExcluded) parts.push_back({target + " IS NULL", false});
        const Predicate outside = joinPredicates(parts, "OR");
        group.push_back({outside.compound ? parenthesize(outside.sql) : outside.sql, false});
        break;
      }
    }
  }
  auto list = [](const std::vector<std::string>& values) {
    std::string out;
    for (size_t i = 0; i < values.size(); ++i) out += (i ? ", " : "") + values[i];
    return out;
  };
  if (!equal.empty()) {
    positives[equalAt].sql =
        equal.size() == 1 ? target + " = " + equal.front() : target + " IN (" + list(equal) + ")";
  }
  if (!notEqual.empty()) {
    const std::string condition = notEqual.size() == 1
                                      ? target + " <> " + notEqual.front()
                                      : target + " NOT IN (" + list(notEqual) + ")";
    negatives[notEqualAt] = keepNullRows(condition, target, !nullsExcluded);
  }
  return combinePositiveNegative(positives, negatives);
}

}  // namespace lkml::codegen::filter
