// `lkml lsp`: the Language Server Protocol server (lsp/server.h) on standard input and output,
// for editors (docs/editors.md).
#include <cstdio>
#include <iostream>

#include "cli/commands.h"
#include "cli/diagnostic_catalog.h"
#include "lsp/server.h"

namespace lkml::cli {

void addLspCommand(CLI::App& app, int* exit_code) {
  auto* cmd = app.add_subcommand(
      "lsp", "Language server for editors (LSP 3.17 over standard input and output)");
  auto jobs = std::make_shared<unsigned>(0);
  auto log = std::make_shared<bool>(false);
  cmd->add_option("-j,--jobs", *jobs, "threads for parsing and building models (default: all)");
  cmd->add_flag("--log", *log, "print the time of each update on standard error");
  cmd->footer(
      "Editors start it themselves; see docs/editors.md for Neovim, VS Code, Helix and Zed.\n"
      "Exit codes: 0 after shutdown and exit, 1 when the client went away without them.");
  cmd->callback([jobs, log, exit_code] {
    registerAllDiagnosticCodes();
    std::ios::sync_with_stdio(false);
    lsp::ServerOptions options;
    options.threads = *jobs;
    if (*log) options.log = &std::cerr;
    lsp::Server server(options);
    *exit_code = server.run(std::cin, std::cout);
  });
}

}  // namespace lkml::cli
