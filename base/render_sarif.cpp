// SARIF 2.1.0 for code-scanning UIs (GitHub code scanning, VS Code SARIF viewer).
#include <map>
#include <nlohmann/json.hpp>

#include "base/diagnostic_renderer.h"
#include "base/rule_docs.h"
#include "base/version.h"

namespace lkml {
namespace {

const char* sarifLevel(Severity severity) {
  switch (severity) {
    case Severity::Error:
      return "error";
    case Severity::Warning:
      return "warning";
    case Severity::Info:
      return "note";
  }
  return "error";
}

nlohmann::ordered_json sarifLocation(const ResolvedLocation& loc) {
  nlohmann::ordered_json physical;
  std::string uri = loc.path;
  if (uri.rfind("./", 0) == 0) uri = uri.substr(2);
  physical["artifactLocation"] = {{"uri", uri}};
  if (loc.line) {
    physical["region"] = {{"startLine", loc.line},
                          {"startColumn", loc.column},
                          {"endLine", loc.end_line},
                          {"endColumn", loc.end_column}};
  }
  return {{"physicalLocation", physical}};
}

}  // namespace

void renderSarif(std::ostream& out, const std::vector<Diagnostic>& diagnostics,
                 const SourceMap& sources, const RenderOptions& /*options*/) {
  std::map<int, const DiagInfo*> used;
  for (const Diagnostic& d : diagnostics) used[d.code] = findDiagnosticCode(d.code);

  nlohmann::ordered_json rules = nlohmann::ordered_json::array();
  std::map<int, size_t> rule_index;
  for (const auto& [code, info] : used) {
    Diagnostic probe;
    probe.code = code;
    rule_index[code] = rules.size();
    nlohmann::ordered_json rule;
    rule["id"] = probe.codeName();
    if (info) {
      rule["name"] = info->slug;
      rule["shortDescription"] = {{"text", info->summary}};
      rule["defaultConfiguration"] = {{"level", sarifLevel(info->severity)}};
    }
    // The rule's section of docs/diagnostics.md: code-scanning UIs show `help` beside a result.
    if (std::optional<RuleDoc> doc = findRuleDoc(code)) {
      if (!doc->meaning.empty()) rule["fullDescription"] = {{"text", doc->meaning}};
      rule["help"] = {{"text", doc->markdown}, {"markdown", doc->markdown}};
    }
    std::string uri = ruleHelpUri(code);
    if (!uri.empty()) rule["helpUri"] = uri;
    rules.push_back(std::move(rule));
  }

  nlohmann::ordered_json results = nlohmann::ordered_json::array();
  for (const Diagnostic& d : diagnostics) {
    nlohmann::ordered_json result;
    result["ruleId"] = d.codeName();
    result["ruleIndex"] = rule_index[d.code];
    result["level"] = sarifLevel(d.severity);
    std::string text = d.message;
    if (!d.help.empty()) text += "\nhelp: " + d.help;
    result["message"] = {{"text", text}};
    result["locations"] =
        nlohmann::ordered_json::array({sarifLocation(resolveLocation(sources, d.span, d.path))});
    if (!d.notes.empty()) {
      nlohmann::ordered_json related = nlohmann::ordered_json::array();
      int id = 0;
      for (const Label& note : d.notes) {
        auto loc = sarifLocation(resolveLocation(sources, note.span, ""));
        loc["id"] = id++;
        loc["message"] = {{"text", note.message}};
        related.push_back(std::move(loc));
      }
      result["relatedLocations"] = std::move(related);
    }
    // `lkml lint --fix` edits, as SARIF fixes (byte regions: exact for any encoding).
    nlohmann::ordered_json fixes = nlohmann::ordered_json::array();
    for (const Fix& fix : d.fixes) {
      ResolvedLocation floc = resolveLocation(sources, fix.span, "");
      if (floc.path.empty() || fix.own_line) continue;
      std::string uri = floc.path;
      if (uri.rfind("./", 0) == 0) uri = uri.substr(2);
      nlohmann::ordered_json replacement;
      replacement["deletedRegion"] = {{"byteOffset", fix.span.begin},
                                      {"byteLength", fix.span.size()}};
      replacement["insertedContent"] = {{"text", fix.replacement}};
      nlohmann::ordered_json change;
      change["artifactLocation"] = {{"uri", uri}};
      change["replacements"] = nlohmann::ordered_json::array({replacement});
      nlohmann::ordered_json f;
      f["description"] = {{"text", d.help.empty() ? "apply the fix" : d.help}};
      f["artifactChanges"] = nlohmann::ordered_json::array({change});
      fixes.push_back(std::move(f));
    }
    if (!fixes.empty()) result["fixes"] = std::move(fixes);
    results.push_back(std::move(result));
  }

  nlohmann::ordered_json driver;
  driver["name"] = "lkml";
  driver["semanticVersion"] = kLkmlVersion;
  if (!repositoryUrl().empty()) driver["informationUri"] = repositoryUrl();
  driver["rules"] = std::move(rules);
  nlohmann::ordered_json run;
  run["tool"] = {{"driver", driver}};
  run["columnKind"] = "unicodeCodePoints";
  run["results"] = std::move(results);
  nlohmann::ordered_json root;
  root["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  root["version"] = "2.1.0";
  root["runs"] = nlohmann::ordered_json::array({run});
  out << root.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

}  // namespace lkml
