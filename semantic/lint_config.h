// Rule settings for `lkml lint`: from the project's `lkml.json` and the command line
// (`--rule CODE=LEVEL`, `--select`, `--ignore`, `--warn`). Style rules (LKML250-259) are
// opt-in: off unless a setting enables them. Per-path `overrides` and `exclude` globs apply to
// the file a finding is in.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "base/sql_lexical_rules.h"
#include "semantic/rule_selector.h"

namespace lkml::semantic {

enum class RuleLevel { Off, Info, Warning, Error };

/// Where a bad lkml.json is wrong: a message and the byte offset in the file (or npos).
struct ConfigError {
  std::string message;
  size_t offset = std::string::npos;
};

class LintConfig {
 public:
  /// Parses `CODE=LEVEL` (e.g. `LKML209=off`, `missing-relationship=warning`).
  bool setRule(const std::string& assignment, std::string* error);
  /// Comma-separated rule patterns; `--select` given on the command line replaces lkml.json's.
  bool addSelect(const std::string& list, std::string* error);
  bool addIgnore(const std::string& list, std::string* error);
  bool addWarn(const std::string& list, std::string* error);
  void clearSelect() {
    top_.select.clear();
    top_.has_select = false;
  }

  /// Reads lkml.json from `path`; a missing file is fine. `error` does not repeat the path.
  bool loadFile(const std::string& path, std::string* error);
  bool loadFile(const std::string& path, ConfigError* error);
  /// The same from text (for tests and `--stdin`).
  bool loadText(const std::string& text, ConfigError* error);

  /// The level a diagnostic of `code` gets in the file `path` (relative to the project root;
  /// "" = no file), or nullopt when it is turned off there.
  std::optional<Severity> severityFor(int code, Severity default_severity,
                                      const std::string& path = "") const;
  /// Findings in files matching `exclude` are dropped (the files are still read: other files
  /// may depend on them).
  bool isExcluded(const std::string& path) const;
  /// True when some opt-in style rule (LKML25x) is switched on anywhere.
  bool anyStyleRuleEnabled() const;

  const std::string& baselinePath() const { return baseline_; }
  const std::string& schemaPath() const { return schema_; }
  /// lkml.json "connections": a model's `connection:` name → the SQL dialect of its warehouse.
  const std::map<std::string, sql::Dialect>& connectionDialects() const {
    return connection_dialects_;
  }

 private:
  struct Layer {
    std::map<int, RuleLevel> rules;
    std::vector<RulePattern> select, ignore, warn;
    bool has_select = false;
  };
  struct Override {
    std::vector<std::string> files;
    Layer layer;
  };
  static std::optional<Severity> apply(const Layer& layer, int code,
                                       std::optional<Severity> current, Severity default_severity);
  bool loadConnections(const void* json, const std::string& text, ConfigError* error);
  bool loadLayer(const void* json, Layer* layer, const std::string& where, const std::string& text,
                 ConfigError* error);

  Layer top_;
  std::vector<Override> overrides_;
  std::vector<std::string> exclude_;
  std::string baseline_, schema_;
  std::map<std::string, sql::Dialect> connection_dialects_;
};

bool isStyleRule(int code);

}  // namespace lkml::semantic
