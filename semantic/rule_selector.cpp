#include "semantic/rule_selector.h"

#include <cctype>
#include <cstdio>

#include "base/diagnostic.h"
#include "base/rule_docs.h"

namespace lkml::semantic {

bool RulePattern::parse(const std::string& raw, RulePattern* out, std::string* error) {
  std::string text = raw;
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.pop_back();
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.erase(0, 1);
  out->text_ = text;
  std::string digits = text;
  if (digits.size() >= 4 && (digits.rfind("LKML", 0) == 0 || digits.rfind("lkml", 0) == 0)) {
    digits = digits.substr(4);
  }
  while (!digits.empty() && (digits.back() == 'x' || digits.back() == 'X')) digits.pop_back();
  bool numeric = !digits.empty() && digits.size() <= 3 &&
                 digits.find_first_not_of("0123456789") == std::string::npos;
  if (numeric) {
    // A family must match some code; a full code must exist.
    for (const DiagInfo& info : allDiagnosticCodes()) {
      char code[8];
      std::snprintf(code, sizeof code, "%03d", info.number);
      if (std::string(code).rfind(digits, 0) == 0) {
        out->digits_ = digits;
        return true;
      }
    }
  } else if (std::optional<int> code = parseRuleName(text)) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "%03d", *code);
    out->digits_ = buffer;
    return true;
  }
  *error = "unknown rule `" + text +
           "`; expected a code (LKML209), a slug (missing-relationship) or a family (LKML2, "
           "LKML25x); `lkml explain` lists them";
  return false;
}

bool RulePattern::matches(int code) const {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "%03d", code);
  return std::string(buffer).rfind(digits_, 0) == 0;
}

bool parseRulePatterns(const std::string& list, std::vector<RulePattern>* out, std::string* error) {
  size_t i = 0;
  while (i <= list.size()) {
    size_t comma = list.find(',', i);
    if (comma == std::string::npos) comma = list.size();
    std::string item = list.substr(i, comma - i);
    if (item.find_first_not_of(" \t") != std::string::npos) {
      RulePattern pattern;
      if (!RulePattern::parse(item, &pattern, error)) return false;
      out->push_back(pattern);
    }
    i = comma + 1;
  }
  return true;
}

}  // namespace lkml::semantic
