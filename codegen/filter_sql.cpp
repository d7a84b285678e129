// Combining item predicates into one filter predicate (shared by every filter type).
#include "codegen/filter_internal.h"

namespace lkml::codegen::filter {

std::string parenthesize(const std::string& sql) {
  if (sql.size() >= 2 && sql.front() == '(' && sql.back() == ')') {
    // Already enclosed only if the first '(' closes at the very end (quotes skipped).
    int depth = 0;
    char quote = 0;
    bool enclosed = true;
    for (size_t i = 0; i < sql.size(); ++i) {
      const char c = sql[i];
      if (quote) {
        if (c == quote) quote = 0;
        continue;
      }
      if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '(') {
        ++depth;
      } else if (c == ')') {
        --depth;
        if (depth == 0 && i + 1 != sql.size()) {
          enclosed = false;
          break;
        }
      }
    }
    if (enclosed) return sql;
  }
  return "(" + sql + ")";
}

Predicate joinPredicates(const std::vector<Predicate>& pieces, const char* op) {
  if (pieces.size() == 1) return pieces.front();
  Predicate joined;
  joined.compound = pieces.size() > 1;
  for (size_t i = 0; i < pieces.size(); ++i) {
    if (i > 0) joined.sql += std::string(" ") + op + " ";
    joined.sql += pieces[i].compound ? parenthesize(pieces[i].sql) : pieces[i].sql;
  }
  return joined;
}

std::string combinePositiveNegative(const std::vector<Predicate>& positives,
                                    const std::vector<Predicate>& negatives) {
  if (negatives.empty()) return positives.empty() ? "" : joinPredicates(positives, "OR").sql;
  const Predicate negative = joinPredicates(negatives, "AND");
  if (positives.empty()) return negative.sql;
  std::string out = parenthesize(joinPredicates(positives, "OR").sql);
  for (const auto& piece : negatives) {
    out += " AND " + (piece.compound ? parenthesize(piece.sql) : piece.sql);
  }
  return out;
}

Predicate keepNullRows(const std::string& condition, const std::string& target, bool keepNulls) {
  if (!keepNulls) return {condition, false};
  return {"(" + condition + " OR " + target + " IS NULL)", false};
}

}  // namespace lkml::codegen::filter
