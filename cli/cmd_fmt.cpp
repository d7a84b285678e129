// `lkml fmt PATH... [--check] [--diff]`: rewrites LookML files in the canonical layout of
// docs/formatting.md (format/formatter.h). A file with a syntax error is left as it is.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <memory>
#include <set>

#include "base/diagnostic_renderer.h"
#include "base/file_reader.h"
#include "base/parallel_for.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/lint_fix.h"
#include "cli/lint_paths.h"
#include "cli/terminal.h"
#include "format/formatter.h"

namespace lkml::cli {

namespace fs = std::filesystem;

namespace {

struct FmtOptions {
  std::vector<std::string> paths;
  bool check = false;
  bool diff = false;
};

/// The `.lkml` files a path names: itself, or every one below a directory (skipping .git and
/// node_modules, as `lkml lint` does), sorted. False when the path is not usable.
bool collectFiles(const std::string& path, std::vector<std::string>* files) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec);
    for (fs::recursive_directory_iterator end; !ec && it != end; it.increment(ec)) {
      std::string name = it->path().filename().string();
      if (it->is_directory(ec)) {
        if (name == ".git" || name == "node_modules") it.disable_recursion_pending();
        continue;
      }
      // Links are left to their targets' own folders (a link to a file elsewhere is not part
      // of this tree; one to a file here would be formatted twice).
      if (isLookmlName(name) && !it->is_symlink(ec) && it->is_regular_file(ec)) {
        found.push_back(it->path().string());
      }
    }
    if (found.empty()) {  // as `lkml lint`: most likely a mistyped folder
      std::cerr << "lkml: error: no .lkml file under `" << path << "`\n";
      return false;
    }
    std::sort(found.begin(), found.end());
    files->insert(files->end(), found.begin(), found.end());
    return true;
  }
  if (!fs::exists(path, ec)) {
    std::cerr << "lkml: error: `" << path << "` does not exist\n";
    return false;
  }
  if (!isLookmlName(path)) {
    std::cerr << "lkml: error: `" << path << "` is not a LookML file (.lkml or .lookml)\n"
              << "  help: name a .lkml file or a folder; `-` formats standard input\n";
    return false;
  }
  files->push_back(path);
  return true;
}

// Only errors: they are why a file is left unchanged. Warnings are `lkml lint`'s to report
// (and the one a parse can give, `key:: value`, is what fmt corrects).
void renderDiagnostics(DiagnosticBag& diagnostics, const SourceMap& sources) {
  std::vector<Diagnostic>& all = diagnostics.diagnostics();
  all.erase(std::remove_if(all.begin(), all.end(),
                           [](const Diagnostic& d) { return d.severity != Severity::Error; }),
            all.end());
  diagnostics.sort();
  RenderOptions render;
  render.color = useColor("auto", 2);
  renderText(std::cerr, all, sources, render);
}

// A symbolic link is followed: its target is rewritten, the link stays a link. (One lstat;
// canonical() on every path cost 5 readlinks per file.)
std::string writeTarget(const std::string& path) {
  std::error_code ec;
  if (!fs::is_symlink(path, ec)) return path;
  fs::path target = fs::canonical(path, ec);
  return ec ? path : target.string();
}

// `lkml fmt -`: standard input to standard output. On a syntax error the input comes back
// unchanged, so `lkml fmt - < a > b` never empties b.
int formatStdin(const FmtOptions& options) {
  std::string text(std::istreambuf_iterator<char>(std::cin), {});
  SourceMap sources;
  const SourceFile& file = sources.add("<stdin>", std::move(text));
  DiagnosticBag diagnostics;
  format::FormatResult result = format::formatFile(file, diagnostics);
  renderDiagnostics(diagnostics, sources);
  const std::string original(file.text());
  if (!result.ok) {
    if (!options.check && !options.diff) std::cout << original;
    return kExitFindings;
  }
  const bool changed = result.text != original;
  if (options.diff) {
    std::cout << unifiedDiff("<stdin>", original, result.text);
  } else if (!options.check) {
    std::cout << result.text;
  }
  return options.check && changed ? kExitFindings : kExitOk;
}

int runFmt(const FmtOptions& options) {
  if (std::count(options.paths.begin(), options.paths.end(), "-") > 0) {
    if (options.paths.size() > 1) {
      std::cerr << "lkml: error: `-` (standard input) cannot be combined with other paths\n";
      return kExitUsage;
    }
    return formatStdin(options);
  }
  std::vector<std::string> paths;
  for (const std::string& path : options.paths) {
    if (!collectFiles(path, &paths)) return kExitUsage;
  }
  // Each file once, even when named twice, inside a named folder, as `./a` and `a`, or as a
  // link and its target: two threads must never write one file.
  std::set<std::string> seen;
  std::vector<std::string> unique_paths;
  for (std::string& path : paths) {
    std::error_code ec;
    fs::path key = fs::absolute(writeTarget(path), ec).lexically_normal();
    if (seen.insert(ec ? path : key.string()).second) unique_paths.push_back(std::move(path));
  }
  paths = std::move(unique_paths);

  // Read, parse and format on all cores; the files are independent.
  std::vector<ReadResult> reads(paths.size());
  parallelFor(paths.size(), 0, [&](size_t i) { reads[i] = readRegularFile(paths[i]); });
  SourceMap sources;
  std::vector<const SourceFile*> files(paths.size(), nullptr);
  bool io_error = false;
  for (size_t i = 0; i < paths.size(); ++i) {
    if (!reads[i].ok) {
      std::cerr << "lkml: error: cannot read `" << paths[i] << "`: " << reads[i].error << "\n";
      io_error = true;
      continue;
    }
    files[i] = &sources.add(paths[i], std::move(reads[i].text));
  }
  DiagnosticBag diagnostics;
  // What each file came to; the formatted text itself is dropped as soon as it is written or
  // compared (only --diff keeps its diff), so memory stays at the sources' size.
  struct Outcome {
    bool ok = false;
    bool changed = false;
    std::string write_error;  // non-empty: the write failed
    std::string diff;         // --diff
  };
  std::vector<Outcome> outcomes(paths.size());
  const bool write = !options.check && !options.diff;
  parallelFor(paths.size(), 0, [&](size_t i) {
    if (!files[i]) return;
    format::FormatResult result = format::formatFile(*files[i], diagnostics);
    Outcome& outcome = outcomes[i];
    outcome.ok = result.ok;
    outcome.changed = result.ok && result.text != files[i]->text();
    if (!outcome.changed) return;
    if (options.diff)
      outcome.diff = unifiedDiff(paths[i], std::string(files[i]->text()), result.text);
    if (write && !writeFileAtomically(writeTarget(paths[i]), result.text, &outcome.write_error) &&
        outcome.write_error.empty()) {
      outcome.write_error = "write failed";
    }
  });
  renderDiagnostics(diagnostics, sources);

  size_t changed = 0, refused = 0;
  for (size_t i = 0; i < paths.size(); ++i) {
    if (!files[i]) continue;
    const Outcome& outcome = outcomes[i];
    if (!outcome.ok) {
      std::cerr << "lkml: error: `" << paths[i] << "` has syntax errors and was left unchanged\n";
      ++refused;
      continue;
    }
    if (!outcome.changed) continue;
    ++changed;
    if (!outcome.write_error.empty()) {
      std::cerr << "lkml: error: cannot write `" << paths[i] << "`: " << outcome.write_error
                << "\n";
      io_error = true;
    }
    if (options.diff) {
      std::cout << outcome.diff;
    } else if (options.check) {
      std::cout << paths[i] << "\n";
    }
  }
  if (options.check) {
    std::cerr << "lkml fmt: " << changed << (changed == 1 ? " file" : " files")
              << " would be reformatted";
  } else if (options.diff) {
    std::cerr << "lkml fmt: " << changed << (changed == 1 ? " file" : " files") << " differ";
  } else {
    std::cerr << "lkml fmt: " << changed << (changed == 1 ? " file" : " files") << " reformatted";
  }
  std::cerr << ", " << (paths.size() - changed - refused) << " unchanged";
  if (refused > 0) std::cerr << ", " << refused << " with syntax errors left unchanged";
  std::cerr << "\n";
  if (io_error) return kExitUsage;
  if (refused > 0 || (options.check && changed > 0)) return kExitFindings;
  return kExitOk;
}

}  // namespace

void addFmtCommand(CLI::App& app, int* exit_code) {
  auto* cmd = app.add_subcommand("fmt", "Rewrite LookML files in the canonical layout");
  auto options = std::make_shared<FmtOptions>();
  cmd->add_option("PATH", options->paths, ".lkml files or folders; `-` reads standard input")
      ->required();
  cmd->add_flag("--check", options->check,
                "write nothing; list the files that would change and exit 1 if any");
  cmd->add_flag("--diff", options->diff, "write nothing; print a unified diff of the changes");
  cmd->footer(
      "Layout: docs/formatting.md. Comments, SQL text and the meaning of every file are kept;\n"
      "a file with syntax errors is left unchanged (exit 1).\n"
      "Examples:\n"
      "  lkml fmt looker/                 rewrite every .lkml file below looker/\n"
      "  lkml fmt --check .               CI: exit 1 when a file is not formatted\n"
      "  lkml fmt - < a.view.lkml         format standard input to standard output");
  cmd->callback([options, exit_code] { *exit_code = runFmt(*options); });
}

}  // namespace lkml::cli
