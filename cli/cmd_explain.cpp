// `lkml explain CODE|SLUG`: the documentation of a rule (what, why, bad and good example, how to
// suppress), from docs/diagnostics.md as compiled in; `lkml explain` alone lists every rule.
#include <iostream>

#include "base/diagnostic.h"
#include "base/rule_docs.h"
#include "base/suggest.h"
#include "cli/commands.h"
#include "cli/diagnostic_catalog.h"
#include "cli/exit_codes.h"

namespace lkml::cli {

namespace {

int listRules() {
  for (const DiagInfo& info : allDiagnosticCodes()) {
    Diagnostic probe;
    probe.code = info.number;
    std::string slug = info.slug;
    for (char& c : slug) c = c == '_' ? '-' : c;
    std::cout << probe.codeName() << "  " << severityName(info.severity) << "  " << slug << "  "
              << info.summary << "\n";
  }
  return kExitOk;
}

int explainRule(const std::string& name) {
  registerAllDiagnosticCodes();
  if (name.empty()) return listRules();
  std::optional<int> code = parseRuleName(name);
  if (!code) {
    std::vector<std::string> candidates;
    for (const DiagInfo& info : allDiagnosticCodes()) {
      std::string slug = info.slug;
      for (char& c : slug) c = c == '_' ? '-' : c;
      candidates.push_back(slug);
    }
    std::string guess = closestMatch(name, candidates);
    std::cerr << "lkml: error: unknown rule `" << name
              << "`; expected a code such as LKML209 or a slug such as missing-relationship\n";
    if (!guess.empty()) std::cerr << "  help: did you mean `" << guess << "`?\n";
    std::cerr << "  help: `lkml explain` lists every rule\n";
    return kExitUsage;
  }
  std::optional<RuleDoc> doc = findRuleDoc(*code);
  if (!doc) {
    std::cerr << "lkml: error: rule " << *code << " has no documentation\n";
    return kExitUsage;
  }
  Diagnostic probe;
  probe.code = *code;
  const DiagInfo* info = findDiagnosticCode(*code);
  std::cout << doc->markdown << "\n\n";
  if (info) std::cout << "Default level: " << severityName(info->severity) << ".\n";
  std::cout << "Suppress one finding with a comment on the line above it: `# lkml: disable="
            << probe.codeName() << "`; a whole file: `# lkml: disable-file=" << probe.codeName()
            << "`; the project: `{\"rules\": {\"" << probe.codeName()
            << "\": \"off\"}}` in lkml.json or `--ignore " << doc->slug << "`.\n";
  std::string uri = ruleHelpUri(*code);
  if (!uri.empty()) std::cout << "Online: " << uri << "\n";
  return kExitOk;
}

}  // namespace

void addExplainCommand(CLI::App& app, int* exit_code) {
  auto* cmd = app.add_subcommand("explain", "Print the documentation of a diagnostic rule");
  auto name = std::make_shared<std::string>();
  cmd->add_option("RULE", *name, "a code (LKML209, 209) or slug (missing-relationship)");
  cmd->footer(
      "Examples:\n"
      "  lkml explain LKML209\n"
      "  lkml explain missing-relationship\n"
      "  lkml explain                          list every rule: code, level, slug, summary");
  cmd->callback([name, exit_code] { *exit_code = explainRule(*name); });
}

}  // namespace lkml::cli
