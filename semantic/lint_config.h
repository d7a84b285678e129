// Rule settings for `lkml lint`: from the project's `lkml.json` and `--rule CODE=LEVEL` flags.
// Style rules (LKML25x) are opt-in: off unless a setting enables them.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "base/diagnostic.h"

namespace lkml::semantic {

enum class RuleLevel { Off, Info, Warning, Error };

class LintConfig {
 public:
  /// Parses `CODE=LEVEL` (e.g. `LKML209=off`, `LKML251=warning`); false with `error` set.
  bool setRule(const std::string& assignment, std::string* error);
  /// Reads `{"rules": {"LKML209": "off"}}` from `path`; a missing file is fine. `error` does
  /// not repeat the path (the caller's diagnostic names the file).
  bool loadFile(const std::string& path, std::string* error);

  /// The level a diagnostic of `code` gets, or nullopt when it is turned off.
  std::optional<Severity> severityFor(int code, Severity default_severity) const;
  /// True when some opt-in style rule (LKML25x) is switched on.
  bool anyStyleRuleEnabled() const;

 private:
  std::map<int, RuleLevel> rules_;
};

bool isStyleRule(int code);

}  // namespace lkml::semantic
