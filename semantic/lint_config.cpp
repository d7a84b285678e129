#include "semantic/lint_config.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "base/file_reader.h"
#include "base/rule_docs.h"
#include "semantic/include_resolver.h"
#include "semantic/semantic_diagnostics.h"

namespace lkml::semantic {

namespace {

using Json = nlohmann::json;

bool parseLevel(const std::string& text, RuleLevel* level) {
  if (text == "off")
    *level = RuleLevel::Off;
  else if (text == "info")
    *level = RuleLevel::Info;
  else if (text == "warning" || text == "warn")
    *level = RuleLevel::Warning;
  else if (text == "error" || text == "on")
    *level = RuleLevel::Error;
  else
    return false;
  return true;
}

std::optional<Severity> toSeverity(RuleLevel level) {
  switch (level) {
    case RuleLevel::Off:
      return std::nullopt;
    case RuleLevel::Info:
      return Severity::Info;
    case RuleLevel::Warning:
      return Severity::Warning;
    case RuleLevel::Error:
      return Severity::Error;
  }
  return std::nullopt;
}

bool parseAssignment(const std::string& assignment, std::map<int, RuleLevel>* rules,
                     std::string* error) {
  // `--rule` is parsed before any project is loaded: make the LKML2xx codes known first.
  registerSemanticCodes();
  size_t eq = assignment.find('=');
  std::string code_text = assignment.substr(0, eq);
  std::string level_text = eq == std::string::npos ? "error" : assignment.substr(eq + 1);
  std::optional<int> code = parseRuleName(code_text);
  RuleLevel level;
  if (!code) {
    *error = "unknown rule `" + code_text + "`; expected a code such as LKML209 or a slug";
    return false;
  }
  if (!parseLevel(level_text, &level)) {
    *error = "unknown level `" + level_text + "` for " + code_text +
             "; expected off, info, warning or error";
    return false;
  }
  (*rules)[*code] = level;
  return true;
}

// Where `"key":` is written in the JSON text (first occurrence from `from`), for positions in
// messages; npos when not found.
size_t keyOffset(const std::string& text, const std::string& key, size_t from = 0) {
  std::string quoted = "\"" + key + "\"";
  for (size_t at = text.find(quoted, from); at != std::string::npos;
       at = text.find(quoted, at + 1)) {
    size_t after = text.find_first_not_of(" \t\r\n", at + quoted.size());
    if (after != std::string::npos && text[after] == ':') return at;
  }
  return std::string::npos;
}

bool stringList(const Json& value, std::vector<std::string>* out) {
  if (value.is_string()) {
    out->push_back(value.get<std::string>());
    return true;
  }
  if (!value.is_array()) return false;
  for (const Json& item : value) {
    if (!item.is_string()) return false;
    out->push_back(item.get<std::string>());
  }
  return true;
}

}  // namespace

bool isStyleRule(int code) { return code >= 250 && code < 260; }

bool LintConfig::setRule(const std::string& assignment, std::string* error) {
  return parseAssignment(assignment, &top_.rules, error);
}

bool LintConfig::addSelect(const std::string& list, std::string* error) {
  registerSemanticCodes();
  top_.has_select = true;
  return parseRulePatterns(list, &top_.select, error);
}

bool LintConfig::addIgnore(const std::string& list, std::string* error) {
  registerSemanticCodes();
  return parseRulePatterns(list, &top_.ignore, error);
}

bool LintConfig::addWarn(const std::string& list, std::string* error) {
  registerSemanticCodes();
  return parseRulePatterns(list, &top_.warn, error);
}

bool LintConfig::loadFile(const std::string& path, std::string* error) {
  ConfigError e;
  if (loadFile(path, &e)) return true;
  *error = e.message;
  return false;
}

bool LintConfig::loadFile(const std::string& path, ConfigError* error) {
  // The project's own lkml.json may be a FIFO in a hostile checkout: never block on it.
  ReadResult read = readRegularFile(path);
  if (read.not_regular) {
    *error = {read.error, std::string::npos};
    return false;
  }
  if (!read.ok) return true;
  return loadText(read.text, error);
}

bool LintConfig::loadLayer(const void* json_ptr, Layer* layer, const std::string& where,
                           const std::string& text, ConfigError* error) {
  const Json& json = *static_cast<const Json*>(json_ptr);
  if (json.contains("rules")) {
    const Json& rules = json["rules"];
    if (!rules.is_object()) {
      *error = {where + "\"rules\" must be an object such as {\"LKML209\": \"off\"}",
                keyOffset(text, "rules")};
      return false;
    }
    for (const auto& [code, level] : rules.items()) {
      std::string message;
      if (!level.is_string()) {
        *error = {where + "rules." + code + " must be a string (off, info, warning or error)",
                  keyOffset(text, code)};
        return false;
      }
      if (!parseAssignment(code + "=" + level.get<std::string>(), &layer->rules, &message)) {
        *error = {where + "rules: " + message, keyOffset(text, code)};
        return false;
      }
    }
  }
  for (const char* key : {"select", "ignore", "warn"}) {
    if (!json.contains(key)) continue;
    std::vector<std::string> items;
    if (!stringList(json[key], &items)) {
      *error = {where + "\"" + key + "\" must be a list of rules such as [\"LKML2\", \"LKML301\"]",
                keyOffset(text, key)};
      return false;
    }
    std::vector<RulePattern>* list = std::string(key) == "select"   ? &layer->select
                                     : std::string(key) == "ignore" ? &layer->ignore
                                                                    : &layer->warn;
    if (std::string(key) == "select") layer->has_select = true;
    for (const std::string& item : items) {
      RulePattern pattern;
      std::string message;
      if (!RulePattern::parse(item, &pattern, &message)) {
        size_t at = text.find("\"" + item + "\"", std::max<size_t>(keyOffset(text, key), 0));
        *error = {where + key + ": " + message, at};
        return false;
      }
      list->push_back(pattern);
    }
  }
  return true;
}

bool LintConfig::loadText(const std::string& text, ConfigError* error) {
  registerSemanticCodes();
  Json json;
  try {
    json = Json::parse(text);
  } catch (const Json::parse_error& e) {
    size_t at = e.byte > 0 ? e.byte - 1 : 0;
    // JSON has no trailing commas; say so instead of the parser's "unexpected '}'".
    size_t before = at > 0 ? text.find_last_not_of(" \t\r\n", at - 1) : std::string::npos;
    if (at < text.size() && (text[at] == '}' || text[at] == ']') && before != std::string::npos &&
        text[before] == ',') {
      *error = {"trailing comma before `" + std::string(1, text[at]) +
                    "`: JSON does not allow one; remove the comma",
                before};
    } else {
      std::string what = e.what();
      size_t colon = what.rfind(": ");
      *error = {"not valid JSON: " + (colon == std::string::npos ? what : what.substr(colon + 2)),
                at};
    }
    return false;
  }
  if (!json.is_object()) {
    *error = {"expected a JSON object such as {\"rules\": {\"LKML209\": \"off\"}}", 0};
    return false;
  }
  static const char* const kKeys[] = {"rules",     "select",   "ignore", "warn",       "exclude",
                                      "overrides", "baseline", "schema", "connections"};
  for (const auto& [key, value] : json.items()) {
    if (std::find(std::begin(kKeys), std::end(kKeys), key) == std::end(kKeys)) {
      *error = {"unknown key \"" + key +
                    "\"; expected rules, select, ignore, warn, exclude, overrides, baseline, "
                    "schema or connections",
                keyOffset(text, key)};
      return false;
    }
  }
  if (!loadLayer(&json, &top_, "", text, error)) return false;
  for (const char* key : {"baseline", "schema"}) {
    if (!json.contains(key)) continue;
    if (!json[key].is_string()) {
      *error = {std::string("\"") + key + "\" must be a path (a string)", keyOffset(text, key)};
      return false;
    }
    (std::string(key) == "baseline" ? baseline_ : schema_) = json[key].get<std::string>();
  }
  if (json.contains("connections") && !loadConnections(&json["connections"], text, error)) {
    return false;
  }
  if (json.contains("exclude") && !stringList(json["exclude"], &exclude_)) {
    *error = {"\"exclude\" must be a list of path globs such as [\"views/generated/**\"]",
              keyOffset(text, "exclude")};
    return false;
  }
  if (json.contains("overrides")) {
    const Json& overrides = json["overrides"];
    if (!overrides.is_array()) {
      *error = {"\"overrides\" must be a list of {\"files\": [...], \"rules\": {...}}",
                keyOffset(text, "overrides")};
      return false;
    }
    for (const Json& item : overrides) {
      Override o;
      if (!item.is_object() || !item.contains("files") || !stringList(item["files"], &o.files)) {
        *error = {"each entry of \"overrides\" needs \"files\": a list of path globs",
                  keyOffset(text, "overrides")};
        return false;
      }
      for (const auto& [key, value] : item.items()) {
        if (key != "files" && key != "rules" && key != "select" && key != "ignore" &&
            key != "warn") {
          *error = {"unknown key \"" + key +
                        "\" in overrides; expected files, rules, select, ignore or warn",
                    keyOffset(text, key, keyOffset(text, "overrides"))};
          return false;
        }
      }
      if (!loadLayer(&item, &o.layer, "overrides: ", text, error)) return false;
      overrides_.push_back(std::move(o));
    }
  }
  return true;
}

// "connections": {"<model connection: name>": {"dialect": "bigquery"}}.
bool LintConfig::loadConnections(const void* value, const std::string& text, ConfigError* error) {
  const Json& connections = *static_cast<const Json*>(value);
  const size_t start = keyOffset(text, "connections");
  const std::string example = "such as {\"my_warehouse\": {\"dialect\": \"bigquery\"}}";
  if (!connections.is_object()) {
    *error = {"\"connections\" must map connection names to settings " + example, start};
    return false;
  }
  for (const auto& [name, settings] : connections.items()) {
    const size_t at = keyOffset(text, name, start);
    if (!settings.is_object() || !settings.contains("dialect") ||
        !settings["dialect"].is_string()) {
      *error = {"connections: \"" + name + "\" needs {\"dialect\": \"NAME\"}, " + example, at};
      return false;
    }
    for (const auto& [key, ignored] : settings.items()) {
      if (key != "dialect") {
        *error = {"connections: \"" + name + "\": unknown key \"" + key + "\"; expected dialect",
                  keyOffset(text, key, at)};
        return false;
      }
    }
    std::string dialect = settings["dialect"].get<std::string>();
    std::optional<sql::Dialect> parsed = sql::parseDialect(dialect);
    if (!parsed) {
      size_t value_at = text.find("\"" + dialect + "\"", at);
      *error = {"connections: \"" + name + "\": " + sql::unknownDialectMessage(dialect),
                value_at == std::string::npos ? at : value_at};
      return false;
    }
    connection_dialects_[name] = *parsed;
  }
  return true;
}

std::optional<Severity> LintConfig::apply(const Layer& layer, int code,
                                          std::optional<Severity> current,
                                          Severity default_severity) {
  auto any = [code](const std::vector<RulePattern>& patterns) {
    return std::any_of(patterns.begin(), patterns.end(),
                       [code](const RulePattern& p) { return p.matches(code); });
  };
  if (layer.has_select)
    current = any(layer.select) ? std::optional(default_severity) : std::nullopt;
  if (any(layer.ignore)) current = std::nullopt;
  if (current && any(layer.warn)) current = Severity::Warning;
  auto it = layer.rules.find(code);
  if (it != layer.rules.end()) current = toSeverity(it->second);
  return current;
}

std::optional<Severity> LintConfig::severityFor(int code, Severity default_severity,
                                                const std::string& path) const {
  std::optional<Severity> current;
  if (!isStyleRule(code)) current = default_severity;
  current = apply(top_, code, current, default_severity);
  if (!path.empty()) {
    for (const Override& o : overrides_) {
      bool hit = std::any_of(o.files.begin(), o.files.end(),
                             [&](const std::string& glob) { return globMatch(glob, path); });
      if (hit) current = apply(o.layer, code, current, default_severity);
    }
  }
  return current;
}

bool LintConfig::isExcluded(const std::string& path) const {
  return std::any_of(exclude_.begin(), exclude_.end(),
                     [&](const std::string& glob) { return globMatch(glob, path); });
}

bool LintConfig::anyStyleRuleEnabled() const {
  auto enables = [](const Layer& layer) {
    for (int code = 250; code < 260; ++code) {
      if (apply(layer, code, std::nullopt, Severity::Warning)) return true;
    }
    return false;
  };
  if (enables(top_)) return true;
  return std::any_of(overrides_.begin(), overrides_.end(),
                     [&](const Override& o) { return enables(o.layer); });
}

}  // namespace lkml::semantic
