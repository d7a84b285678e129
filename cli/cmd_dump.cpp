// `lkml dump FILE [--json]`: the syntax tree of one file.
#include <iostream>

#include "base/diagnostic_renderer.h"
#include "base/file_reader.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/terminal.h"
#include "grammar/parse.h"
#include "grammar/tree_dump.h"

namespace lkml::cli {

void addDumpCommand(CLI::App& app, int* exit_code) {
  auto* cmd = app.add_subcommand("dump", "Print the syntax tree of a LookML file");
  struct Options {
    std::string path;
    bool json = false;
  };
  auto options = std::make_shared<Options>();
  cmd->add_option("FILE", options->path, "a .lkml file")->required();
  cmd->add_flag("--json", options->json,
                "JSON in the shape of the Python lkml package's lkml.load()");
  cmd->footer("Example:\n  lkml dump looker/views/users.view.lkml --json");
  cmd->callback([options, exit_code] {
    SourceMap sources;
    ReadResult read = readFile(options->path);
    if (!read.ok) {
      std::cerr << "lkml: error: cannot read `" << options->path << "`: " << read.error << "\n";
      *exit_code = kExitUsage;
      return;
    }
    const SourceFile& file = sources.add(options->path, std::move(read.text));
    DiagnosticBag diagnostics;
    syntax::Document doc = grammar::parse(file, diagnostics);
    diagnostics.sort();
    RenderOptions render;
    render.color = useColor("auto", 2);
    renderText(std::cerr, diagnostics.diagnostics(), sources, render);
    if (options->json) {
      std::cout << grammar::toLkmlJson(doc).dump(2, ' ', false,
                                                 nlohmann::json::error_handler_t::replace)
                << "\n";
    } else {
      grammar::dumpTree(std::cout, doc);
    }
    *exit_code = diagnostics.hasErrors() ? kExitFindings : kExitOk;
  });
}

}  // namespace lkml::cli
