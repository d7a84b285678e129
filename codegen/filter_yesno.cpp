// yesno filters (reference 8.3): Yes → (cond); No → (NOT (cond) OR (cond) IS NULL).
#include "codegen/filter_internal.h"

namespace lkml::codegen::filter {

std::variant<YesNoFilter, FilterError> parseYesNoFilter(std::string_view expr) {
  size_t begin = 0, end = expr.size();
  while (begin < end && isSpace(expr[begin])) ++begin;
  while (end > begin && isSpace(expr[end - 1])) --end;
  const std::string_view word = expr.substr(begin, end - begin);
  if (equalsIgnoreCase(word, "yes")) return YesNoFilter{true};
  if (equalsIgnoreCase(word, "no")) return YesNoFilter{false};
  return makeError(FilterCode::filter_invalid_yesno, begin,
                   "expected 'yes' or 'no' at position " + std::to_string(begin) + ", found " +
                       describeFound(word),
                   "a yesno field is filtered with Yes or No");
}

std::string renderYesNoFilter(const YesNoFilter& filter, const std::string& target) {
  const std::string condition = parenthesize(target);
  if (filter.yes) return condition;
  return "(NOT " + condition + " OR " + condition + " IS NULL)";
}

}  // namespace lkml::codegen::filter
