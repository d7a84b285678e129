// `lkml lint [PATH...]`: parse every .lkml file below the paths and report diagnostics.
#include <filesystem>
#include <iostream>

#include "base/diagnostic_renderer.h"
#include "base/file_reader.h"
#include "base/version.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/terminal.h"
#include "grammar/parse.h"

namespace lkml::cli {

namespace {

struct LintOptions {
  std::vector<std::string> paths;
  std::string format = "text";
  std::string color = "auto";
  bool werror = false;
  unsigned jobs = 0;
};

int runLint(const LintOptions& options) {
  OutputFormat format;
  if (!parseOutputFormat(options.format, &format)) {
    std::cerr << "lkml: error: unknown --format `" << options.format
              << "`; expected text, json, sarif or github\n";
    return kExitUsage;
  }
  SourceMap sources;
  DiagnosticBag diagnostics;
  bool io_error = false;
  std::vector<std::string> files;
  for (const std::string& path : options.paths) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
      std::string error;
      if (!findLookmlFiles(path, &files, &error)) {
        Diagnostic d = makeDiagnostic(DiagCode::unreadable_file, {},
                                      "cannot list directory `" + path + "`: " + error);
        d.path = path;
        diagnostics.report(std::move(d));
        io_error = true;
      }
    } else if (std::filesystem::exists(path, ec)) {
      files.push_back(path);
    } else {
      Diagnostic d = makeDiagnostic(DiagCode::unreadable_file, {},
                                    "no such file or directory: `" + path + "`");
      d.path = path;
      d.help = "pass a LookML project directory or .lkml files";
      diagnostics.report(std::move(d));
      io_error = true;
    }
  }
  std::vector<const SourceFile*> loaded;
  for (const std::string& path : files) {
    ReadResult read = readFile(path);
    if (!read.ok) {
      Diagnostic d = makeDiagnostic(DiagCode::unreadable_file, {},
                                    "cannot read `" + path + "`: " + read.error);
      d.path = path;
      diagnostics.report(std::move(d));
      io_error = true;
      continue;
    }
    loaded.push_back(&sources.add(path, std::move(read.text)));
  }
  grammar::parseAll(loaded, diagnostics, options.jobs);
  diagnostics.sort();
  if (options.werror) {
    for (auto& d : diagnostics.diagnostics()) {
      if (d.severity == Severity::Warning) d.severity = Severity::Error;
    }
  }
  RenderOptions render;
  render.color = useColor(options.color, 1);
  render.tool_version = kLkmlVersion;
  renderDiagnostics(std::cout, format, diagnostics.diagnostics(), sources, render);
  if (format == OutputFormat::Text) {
    size_t errors = diagnostics.errorCount(), warnings = diagnostics.warningCount();
    std::cerr << "lkml: " << loaded.size() << " file" << (loaded.size() == 1 ? "" : "s")
              << " checked, " << errors << " error" << (errors == 1 ? "" : "s") << ", "
              << warnings << " warning" << (warnings == 1 ? "" : "s") << "\n";
  }
  if (io_error) return kExitUsage;
  return diagnostics.hasErrors() ? kExitFindings : kExitOk;
}

}  // namespace

void addLintCommand(CLI::App& app, int* exit_code) {
  auto* cmd = app.add_subcommand("lint", "Check LookML files and projects");
  auto options = std::make_shared<LintOptions>();
  cmd->add_option("PATH", options->paths, "project directories or .lkml files (default: .)");
  cmd->add_option("--format", options->format, "text (default), json, sarif or github");
  cmd->add_option("--color", options->color, "auto (default), always or never");
  cmd->add_flag("--werror", options->werror, "treat warnings as errors");
  cmd->add_option("-j,--jobs", options->jobs, "parser threads (default: all cores)");
  cmd->footer(
      "Examples:\n"
      "  lkml lint looker/\n"
      "  lkml lint looker/ --format json\n"
      "  lkml lint . --format sarif > lkml.sarif\n"
      "Exit codes: 0 no errors, 1 errors found, 2 usage or I/O error.");
  cmd->callback([options, exit_code] {
    if (options->paths.empty()) options->paths.push_back(".");
    *exit_code = runLint(*options);
  });
}

}  // namespace lkml::cli
