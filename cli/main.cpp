// lkml: a compiler for LookML. See `lkml --help`.
#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "base/suggest.h"
#include "base/version.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"

int main(int argc, char** argv) {
  CLI::App app{"lkml: a compiler and linter for LookML (Looker's semantic layer)"};
  app.set_version_flag("--version", std::string("lkml ") + lkml::kLkmlVersion);
  app.require_subcommand(1);
  app.footer(
      "Examples:\n"
      "  lkml lint looker/                       lint a project (exit 1 on errors)\n"
      "  lkml lint looker/ --format sarif > r.sarif\n"
      "  lkml lint . --format github             annotations in GitHub Actions\n"
      "  lkml dump looker/views/users.view.lkml --json\n"
      "  lkml fmt looker/                        rewrite files in the canonical layout\n"
      "\n"
      "Exit codes: 0 no errors, 1 errors found, 2 usage or I/O error, 3 database unreachable.");
  int exit_code = lkml::cli::kExitOk;
  lkml::cli::addLintCommand(app, &exit_code);
  lkml::cli::addDumpCommand(app, &exit_code);
  lkml::cli::addFieldsCommand(app, &exit_code);
  lkml::cli::addSqlCommand(app, &exit_code);
  lkml::cli::addQueryCommand(app, &exit_code);
  lkml::cli::addSchemaCommand(app, &exit_code);
  lkml::cli::addValidateCommand(app, &exit_code);
  lkml::cli::addHookCommand(app, &exit_code);
  lkml::cli::addTestCommand(app, &exit_code);
  lkml::cli::addExplainCommand(app, &exit_code);
  lkml::cli::addExploresCommand(app, &exit_code);
  lkml::cli::addFmtCommand(app, &exit_code);
  lkml::cli::addLspCommand(app, &exit_code);
  // A repeatable option takes one value per occurrence (`--rule A --rule B`), so a positional
  // after it (`lkml sql --user-attribute a=1 looker/`) is not swallowed as a second value.
  std::vector<CLI::App*> apps = {&app};
  for (size_t i = 0; i < apps.size(); ++i) {
    for (CLI::App* sub : apps[i]->get_subcommands({})) apps.push_back(sub);
    for (CLI::Option* opt : apps[i]->get_options()) {
      if (!opt->get_positional() && opt->get_items_expected_max() > 1) opt->allow_extra_args(false);
    }
  }
  // An unknown first word is a mistyped command (`lkml lnt`): say so and suggest the closest.
  if (argc > 1 && argv[1][0] != '-') {
    std::vector<std::string> names;
    for (CLI::App* sub : app.get_subcommands({})) names.push_back(sub->get_name());
    if (std::find(names.begin(), names.end(), argv[1]) == names.end()) {
      std::string guess = lkml::closestMatch(argv[1], names);
      std::cerr << "lkml: error: unknown command `" << argv[1] << "`";
      if (!guess.empty()) std::cerr << "; did you mean `" << guess << "`?";
      std::cerr << "\n  help: `lkml --help` lists the commands\n";
      return lkml::cli::kExitUsage;
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : lkml::cli::kExitUsage;
  }
  std::cout.flush();
  std::cerr.flush();
#if defined(__SANITIZE_ADDRESS__)
  return exit_code;
#else
  // Like clang's -disable-free: the OS reclaims memory faster than destructors walking the
  // model and syntax trees (measured ~10% of a large lint).
  std::_Exit(exit_code);
#endif
}
