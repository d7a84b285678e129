// Rule selection like ruff's: `--select`/`--ignore`/`--warn` and lkml.json take codes
// (`LKML209`, `209`), slugs (`missing-relationship`) and families (`LKML2`, `LKML25x`, `2xx`).
#pragma once

#include <string>
#include <vector>

namespace lkml::semantic {

class RulePattern {
 public:
  /// Parses one item; false with `error` set when it names no code, slug or family.
  static bool parse(const std::string& text, RulePattern* out, std::string* error);
  bool matches(int code) const;
  const std::string& text() const { return text_; }

 private:
  std::string digits_;  // leading digits of the codes it matches: "2", "25", "209"
  std::string text_;
};

/// Parses a comma-separated list (`LKML2,missing-relationship`) into `out` (appending).
bool parseRulePatterns(const std::string& list, std::vector<RulePattern>* out, std::string* error);

}  // namespace lkml::semantic
