#include "semantic/lint_config.h"

#include <nlohmann/json.hpp>

#include "base/file_reader.h"
#include "semantic/semantic_diagnostics.h"

namespace lkml::semantic {

namespace {

bool parseCode(const std::string& text, int* code) {
  // `--rule` is parsed before any project is loaded: make the LKML2xx codes known first.
  registerSemanticCodes();
  std::string digits = text.rfind("LKML", 0) == 0 ? text.substr(4) : text;
  if (digits.empty() || digits.size() > 3) return false;
  for (char c : digits) {
    if (c < '0' || c > '9') return false;
  }
  *code = std::stoi(digits);
  return findDiagnosticCode(*code) != nullptr;
}

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

}  // namespace

bool isStyleRule(int code) { return code >= 250 && code < 300; }

bool LintConfig::setRule(const std::string& assignment, std::string* error) {
  size_t eq = assignment.find('=');
  std::string code_text = assignment.substr(0, eq);
  std::string level_text = eq == std::string::npos ? "error" : assignment.substr(eq + 1);
  int code;
  RuleLevel level;
  if (!parseCode(code_text, &code)) {
    *error = "unknown rule `" + code_text + "`; expected a code such as LKML209";
    return false;
  }
  if (!parseLevel(level_text, &level)) {
    *error = "unknown level `" + level_text + "` for " + code_text +
             "; expected off, info, warning or error";
    return false;
  }
  rules_[code] = level;
  return true;
}

bool LintConfig::loadFile(const std::string& path, std::string* error) {
  // The project's own lkml.json may be a FIFO in a hostile checkout: never block on it.
  ReadResult read = readRegularFile(path);
  if (read.not_regular) {
    *error = read.error;
    return false;
  }
  if (!read.ok) return true;
  nlohmann::json json = nlohmann::json::parse(read.text, nullptr, false);
  if (json.is_discarded() || !json.is_object()) {
    *error = "not a JSON object";
    return false;
  }
  if (!json.contains("rules")) return true;
  if (!json["rules"].is_object()) {
    *error = "\"rules\" must be an object such as {\"LKML209\": \"off\"}";
    return false;
  }
  for (const auto& [code, level] : json["rules"].items()) {
    if (!level.is_string()) {
      *error = "rules." + code + " must be a string (off, info, warning or error)";
      return false;
    }
    if (!setRule(code + "=" + level.get<std::string>(), error)) return false;
  }
  return true;
}

bool LintConfig::anyStyleRuleEnabled() const {
  for (const auto& [code, level] : rules_) {
    if (isStyleRule(code) && level != RuleLevel::Off) return true;
  }
  return false;
}

std::optional<Severity> LintConfig::severityFor(int code, Severity default_severity) const {
  auto it = rules_.find(code);
  if (it == rules_.end()) {
    if (isStyleRule(code)) return std::nullopt;
    return default_severity;
  }
  switch (it->second) {
    case RuleLevel::Off:
      return std::nullopt;
    case RuleLevel::Info:
      return Severity::Info;
    case RuleLevel::Warning:
      return Severity::Warning;
    case RuleLevel::Error:
      return Severity::Error;
  }
  return default_severity;
}

}  // namespace lkml::semantic
