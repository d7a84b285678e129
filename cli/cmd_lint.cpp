// `lkml lint [PATH...]`: checks LookML projects (syntax, semantics) and prints diagnostics.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <future>
#include <iostream>
#include <map>
#include <set>

#include "base/diagnostic_renderer.h"
#include "base/file_reader.h"
#include "base/version.h"
#include "cli/baseline.h"
#include "cli/changed_lines.h"
#include "cli/commands.h"
#include "cli/diagnostic_catalog.h"
#include "cli/exit_codes.h"
#include "cli/findings_for_files.h"
#include "cli/lint_fix.h"
#include "cli/lint_paths.h"
#include "cli/phase_timer.h"
#include "cli/terminal.h"
#include "codegen/filter_lint.h"
#include "grammar/parse.h"
#include "lint/dialect_choice.h"
#include "lint/fix_placement.h"
#include "lint/project_lint.h"
#include "schema/database_set.h"
#include "schema/schema_checker.h"
#include "semantic/lint_config.h"
#include "semantic/linter.h"
#include "semantic/project.h"
#include "semantic/root_causes.h"
#include "semantic/semantic_diagnostics.h"
#include "semantic/suppressions.h"

namespace lkml::cli {

using lint::DialectChoice;
using lint::dialectWarning;
using lint::loadConnectionDialects;
using lint::parseDialectFlag;

namespace fs = std::filesystem;

namespace {

struct LintOptions {
  std::vector<std::string> paths;
  std::string format = "text";
  std::string color = "auto";
  std::string config;
  std::vector<std::string> rules;
  std::vector<std::string> select, ignore, warn;  // rule patterns, comma-separated
  bool werror = false;
  bool quiet = false;       // only the findings: no summary lines
  bool exit_zero = false;   // exit 0 even with errors (usage and I/O errors still exit 2)
  bool statistics = false;  // counts per code instead of the findings
  std::string baseline, write_baseline;
  bool prune_baseline = false;
  std::string diff_base;  // report only findings on lines changed since this git revision
  bool syntax_only = false;
  bool fix = false;            // apply the fixes lkml is sure of, then lint again
  bool fix_diff = false;       // with --fix: print them as a unified diff instead of writing
  std::string stdin_filename;  // `lkml lint -`: the file standard input stands for
  std::string stdin_text;
  bool timings = false;
  unsigned jobs = 0;
  // Live schema checks (LKML3xx): --db / --connection, or offline with --schema.
  std::string db, schema;
  std::vector<std::string> connections;
  std::string statement_timeout = "10";
  bool db_given = false;  // `--db` alone: LKML_DATABASE_URL, then PG*
  std::string dialect;    // --dialect: how SQL is read (schema checks; LKML290 off)
  std::optional<sql::Dialect> dialect_flag;
  bool live() const { return db_given || !schema.empty() || !connections.empty(); }
};

// A directory without manifest.lkml whose subfolders hold projects (a monorepo of Looker
// projects) is linted one project per manifest.
std::vector<std::string> projectRoots(const std::string& dir) {
  if (fs::exists(fs::path(dir) / "manifest.lkml")) return {dir};
  std::vector<std::string> roots;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().filename() == "manifest.lkml") {
      roots.push_back(it->path().parent_path().string());
    }
  }
  bool has_model = false;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.size() > 11 && name.compare(name.size() - 11, 11, ".model.lkml") == 0) {
      has_model = true;
      break;
    }
  }
  if (roots.size() > 1 || (roots.size() == 1 && !has_model)) {
    std::sort(roots.begin(), roots.end());
    return roots;
  }
  return {dir};
}

struct LintRun {
  std::shared_ptr<SourceMap> files = std::make_shared<SourceMap>();  // every file of the run
  std::vector<std::unique_ptr<semantic::LoadedProject>> projects;
  std::vector<Diagnostic> diagnostics;
  size_t file_count = 0;
  bool io_error = false;
  std::unique_ptr<schema::DatabaseSet> databases;  // live checks, when asked for
  bool database_error = false;
  schema::SchemaCheckStats schema_stats;
  PhaseTimer timings;
  std::string config_baseline;  // lkml.json "baseline" of the (first) project, resolved
};

// Applies the command line's rule flags over a project's lkml.json: `--select` replaces the
// file's selection, `--ignore`/`--warn`/`--rule` add to it.
bool applyCommandLineRules(const LintOptions& options, semantic::LintConfig* config,
                           std::string* error) {
  if (!options.select.empty()) config->clearSelect();
  for (const std::string& s : options.select) {
    if (!config->addSelect(s, error)) return false;
  }
  for (const std::string& s : options.ignore) {
    if (!config->addIgnore(s, error)) return false;
  }
  for (const std::string& s : options.warn) {
    if (!config->addWarn(s, error)) return false;
  }
  for (const std::string& rule : options.rules) {
    if (!config->setRule(rule, error)) return false;
  }
  return true;
}

void lintFile(const std::string& path, LintRun& run, const std::string* text = nullptr) {
  DiagnosticBag bag;
  ReadResult read;
  if (text) {
    read.ok = true;
    read.text = *text;
  } else {
    read = readFile(path);
  }
  if (!read.ok) {
    Diagnostic d =
        makeDiagnostic(DiagCode::unreadable_file, {}, "cannot read `" + path + "`: " + read.error);
    d.path = path;
    run.diagnostics.push_back(std::move(d));
    run.io_error = true;
    return;
  }
  const SourceFile& file = run.files->add(path, std::move(read.text));
  grammar::parse(file, bag);
  ++run.file_count;
  run.timings.mark("read and parse");
  for (auto& d : bag.diagnostics()) run.diagnostics.push_back(std::move(d));
}

// `syntax_release`: nothing after this lint reads the trees below the top level (see below).
void lintProject(const std::string& root, const LintOptions& options, LintRun& run,
                 bool syntax_release, const std::vector<std::string>& only_files = {}) {
  DiagnosticBag bag;
  auto project = std::make_unique<semantic::LoadedProject>();
  project->sources.sources = run.files;
  if (!options.stdin_filename.empty()) {
    std::error_code ec;
    fs::path file = fs::weakly_canonical(fs::absolute(options.stdin_filename, ec), ec);
    fs::path base = fs::weakly_canonical(fs::absolute(root, ec), ec);
    project->sources.overlay[file.lexically_relative(base).generic_string()] = options.stdin_text;
  }
  if (!semantic::loadProject(root, &project->sources, bag, options.jobs)) {
    run.io_error = true;
    for (auto& d : bag.diagnostics()) run.diagnostics.push_back(std::move(d));
    return;
  }
  run.timings.mark("read and parse");
  std::string config_path =
      options.config.empty() ? (fs::path(root) / "lkml.json").string() : options.config;
  bool config_ok = true;
  semantic::LintConfig config = lint::loadLintConfig(config_path, *run.files, bag, &config_ok);
  std::string error;
  applyCommandLineRules(options, &config, &error);  // validated before any project was read
  if (!config.baselinePath().empty() && run.config_baseline.empty()) {
    run.config_baseline = (fs::path(root) / config.baselinePath()).string();
  }
  // --syntax-only builds no model, so it measures the parser (the 2xx checks it would drop
  // never run).
  if (!options.syntax_only) {
    // The syntax-level checks need no model: they run while the models are built (with -j1,
    // on the one thread, when they must be done).
    std::future<void> syntax_checks = std::async(
        options.jobs == 1 ? std::launch::deferred : std::launch::async,
        [&bag, &project, &options] { semantic::runSyntaxChecks(*project, bag, options.jobs); });
    // Below the top level the trees are read only by the syntax-level checks and by baselines
    // (a finding's object path): without a baseline, each block's contents are freed while
    // the models are built, once those checks are done, so that the trees and the models are
    // not alive together (peak memory of a large project: docs/performance.md).
    const bool release = syntax_release && config.baselinePath().empty();
    semantic::compileModels(
        *project, bag, options.jobs, nullptr,
        release ? semantic::SyntaxAfterModels::TopLevel : semantic::SyntaxAfterModels::Keep,
        [&syntax_checks] { syntax_checks.wait(); });
    syntax_checks.get();
    run.timings.mark("build models (+ syntax checks)");
  }
  if (!options.syntax_only) {
    schema::DatabaseSet* databases =
        run.databases && !run.database_error ? run.databases.get() : nullptr;
    const DialectChoice dialects =
        lint::chooseDialects(options.dialect_flag, config, run.databases.get());
    lint::SchemaRun live = lint::runCompiledChecks(*project, config, config_ok, dialects, databases,
                                                   bag, options.jobs);
    run.timings.mark("semantic checks");
    if (live.ran) {
      run.schema_stats.relations_checked += live.stats.relations_checked;
      run.schema_stats.columns_checked += live.stats.columns_checked;
      run.schema_stats.keys_proven_by_catalog += live.stats.keys_proven_by_catalog;
      run.schema_stats.data_probes += live.stats.data_probes;
      run.schema_stats.probes_skipped += live.stats.probes_skipped;
      if (live.failed) {
        std::cerr << "lkml: error: database " << catalog::databaseErrorKindName(live.error.kind)
                  << ": " << live.error.message << "\n";
        run.database_error = true;
      }
      run.timings.mark("schema checks");
    }
  }
  lint::finalizeFindings(&bag.diagnostics(), *project, config, options.syntax_only,
                         run.databases && !run.database_error);
  if (!only_files.empty()) keepFindingsForFiles(*project, only_files, &bag.diagnostics());
  run.timings.mark("suppressions and sorting");
  for (const auto& f : project->sources.files) run.file_count += f.source != nullptr;
  for (auto& d : bag.diagnostics()) run.diagnostics.push_back(std::move(d));
  run.projects.push_back(std::move(project));
}

void printStatistics(const std::vector<Diagnostic>& diagnostics) {
  std::map<int, std::pair<size_t, Severity>> counts;
  for (const Diagnostic& d : diagnostics) {
    auto& entry = counts[d.code];
    if (entry.first == 0 || d.severity == Severity::Error) entry.second = d.severity;
    ++entry.first;
  }
  for (const auto& [code, entry] : counts) {
    Diagnostic probe;
    probe.code = code;
    const DiagInfo* info = findDiagnosticCode(code);
    std::string slug = info ? info->slug : "";
    std::replace(slug.begin(), slug.end(), '_', '-');
    std::printf("%6zu  %s  %-7s  %s\n", entry.first, probe.codeName().c_str(),
                severityName(entry.second), slug.c_str());
  }
}

int runLint(LintOptions options);

// `--fix`: applies the fixes of the findings reported (suppressed and baselined ones keep
// theirs), per file, then lints again so what is printed is what remains. `--diff` prints the
// edits instead (exit 1 when there are some, like `ruff --diff`). With standard input the
// fixed text goes to standard output: the file on disk is not the one linted.
int applyFixesAndRelint(LintOptions options, const LintRun& run) {
  std::map<FileId, std::vector<Fix>> by_file;
  for (const Diagnostic& d : run.diagnostics) {
    for (const Fix& fix : d.fixes) {
      if (fix.span.valid()) by_file[fix.span.file].push_back(fix);
    }
  }
  size_t total = 0, files = 0;
  bool write_error = false;
  for (auto& [id, fixes] : by_file) {
    const SourceFile& file = run.files->file(id);
    size_t applied = 0;
    std::string fixed = applyFixes(std::string(file.text()), std::move(fixes), &applied);
    if (!applied || fixed == file.text()) continue;
    total += applied;
    ++files;
    if (options.fix_diff) {
      std::cout << unifiedDiff(file.path(), std::string(file.text()), fixed);
    } else if (!options.stdin_filename.empty()) {
      options.stdin_text = fixed;
    } else {
      std::string error;
      if (!writeFileAtomically(file.path(), fixed, &error)) {
        std::cerr << "lkml: error: cannot write `" << file.path() << "`: " << error << "\n";
        write_error = true;
      }
    }
  }
  std::cout.flush();
  if (!options.quiet || options.fix_diff) {
    std::cerr << "lkml: " << total << " fix" << (total == 1 ? "" : "es")
              << (options.fix_diff ? " would be applied" : " applied") << " in " << files << " file"
              << (files == 1 ? "" : "s") << "\n";
  }
  if (write_error) return kExitUsage;
  if (options.fix_diff) return total ? kExitFindings : kExitOk;
  if (!options.stdin_filename.empty()) {
    std::cout << options.stdin_text;
    return kExitOk;
  }
  options.fix = false;  // confirm: the fixed project is linted again and what remains printed
  return runLint(options);
}

int runLint(LintOptions options) {
  registerAllDiagnosticCodes();
  OutputFormat format;
  if (!parseOutputFormat(options.format, &format)) {
    std::cerr << "lkml: error: unknown --format `" << options.format
              << "`; expected text, json, sarif, github, junit or gitlab\n";
    return kExitUsage;
  }
  {
    semantic::LintConfig probe;  // rule flags are checked once, before any project is read
    std::string error;
    if (!applyCommandLineRules(options, &probe, &error)) {
      std::cerr << "lkml: error: " << error << "\n";
      return kExitUsage;
    }
  }
  // Checked even when no database is used, so a typo never waits for the day one is.
  std::chrono::milliseconds timeout;
  std::string timeout_error;
  if (!catalog::parseTimeoutSeconds("--statement-timeout", options.statement_timeout, &timeout,
                                    &timeout_error)) {
    std::cerr << "lkml: error: " << timeout_error << "\n";
    return kExitUsage;
  }
  LintTargets targets;
  if (!options.stdin_filename.empty()) {
    // The text stands for this file, in its project (found from the name, as for a file
    // given on the command line; the file need not exist).
    std::string root = projectRootOf(options.stdin_filename);
    if (root.empty()) {
      targets.loose_files.push_back(options.stdin_filename);
    } else {
      targets.files_by_project[root].push_back(options.stdin_filename);
    }
  } else {
    targets = classifyLintPaths(options.paths);
  }
  if (!targets.usage_error.empty()) {
    std::cerr << "lkml: error: " << targets.usage_error << "\n";
    return kExitUsage;
  }
  {
    std::string dialect_error;
    if (!parseDialectFlag(options.dialect, &options.dialect_flag, &dialect_error)) {
      std::cerr << "lkml: error: " << dialect_error << "\n";
      return kExitUsage;
    }
  }
  LintRun run;
  if (!options.live() && !options.syntax_only) {
    std::string root = !targets.directories.empty()        ? targets.directories.front()
                       : !targets.files_by_project.empty() ? targets.files_by_project.begin()->first
                                                           : "";
    if (!root.empty()) {
      std::string config_path =
          options.config.empty() ? (fs::path(root) / "lkml.json").string() : options.config;
      options.schema = lint::discoverSnapshot(root, config_path);
      if (!options.schema.empty() && !options.quiet) {
        std::cerr << "lkml: using the schema snapshot " << options.schema << "\n";
      }
    }
  }
  if (options.live()) {
    if (options.db_given && !options.schema.empty()) {
      std::cerr << "lkml: error: --db and --schema exclude each other: --schema checks offline\n";
      return kExitUsage;
    }
    schema::DatabaseOptions db;
    db.url = options.db;
    db.snapshot = options.schema;
    db.connections = options.connections;
    db.statement_timeout = timeout;
    run.databases = std::make_unique<schema::DatabaseSet>();
    std::string error;
    if (!run.databases->init(db, &error)) {
      std::cerr << "lkml: error: " << error << "\n";
      return kExitUsage;
    }
    run.timings.mark(options.schema.empty() ? "database connection" : "catalog snapshot");
  }
  std::vector<std::string> roots;
  for (const std::string& dir : targets.directories) {
    for (std::string& root : projectRoots(dir)) roots.push_back(std::move(root));
  }
  // Baselines read every project's trees after the lint (a finding's object path), and a
  // later project's lkml.json may name one: trees are freed early only for a lone project
  // without one (lintProject checks its lkml.json).
  const bool syntax_release = roots.size() + targets.files_by_project.size() == 1 &&
                              options.baseline.empty() && options.write_baseline.empty();
  for (const std::string& root : roots) lintProject(root, options, run, syntax_release);
  for (const auto& [root, files] : targets.files_by_project) {
    lintProject(root, options, run, syntax_release, files);
  }
  for (const std::string& path : targets.loose_files) {
    lintFile(path, run, options.stdin_filename.empty() ? nullptr : &options.stdin_text);
    Diagnostic note = makeDiagnostic(DiagCode::semantic_checks_skipped, {},
                                     "semantic checks skipped for `" + path +
                                         "`: it belongs to no project (no manifest.lkml, "
                                         "lkml.json or *.model.lkml above it)");
    note.path = path;
    note.help = "lint the project directory, or add a manifest.lkml at the project root";
    run.diagnostics.push_back(std::move(note));
  }
  for (const std::string& path : targets.missing) {
    Diagnostic d =
        makeDiagnostic(DiagCode::unreadable_file, {}, "no such file or directory: `" + path + "`");
    d.path = path;
    d.help = "pass a LookML project directory or .lkml files";
    run.diagnostics.push_back(std::move(d));
    run.io_error = true;
  }
  if (options.werror) {
    for (auto& d : run.diagnostics) {
      if (d.severity == Severity::Warning) d.severity = Severity::Error;
    }
  }
  // Baselines: record today's findings, or hide the recorded ones.
  std::vector<const semantic::ProjectSources*> sources;
  for (const auto& project : run.projects) sources.push_back(&project->sources);
  if (!options.write_baseline.empty()) {
    std::string error;
    std::vector<BaselineEntry> keys = baselineKeys(run.diagnostics, *run.files, sources);
    if (!writeBaseline(options.write_baseline, keys, &error)) {
      std::cerr << "lkml: error: " << error << "\n";
      return kExitUsage;
    }
    std::cerr << "lkml: wrote " << keys.size() << " finding" << (keys.size() == 1 ? "" : "s")
              << " to the baseline " << options.write_baseline << "\n";
    return run.io_error ? kExitUsage : kExitOk;
  }
  std::string baseline_path = !options.baseline.empty() ? options.baseline : run.config_baseline;
  size_t baselined = 0;
  if (!baseline_path.empty()) {
    std::vector<BaselineEntry> baseline;
    std::string error;
    if (!readBaseline(baseline_path, &baseline, &error)) {
      std::cerr << "lkml: error: " << error << "\n";
      return kExitUsage;
    }
    std::vector<BaselineEntry> keys = baselineKeys(run.diagnostics, *run.files, sources);
    BaselineResult applied = applyBaseline(&run.diagnostics, keys, baseline);
    baselined = applied.baselined;
    if (options.prune_baseline) {
      if (!writeBaseline(baseline_path, applied.current, &error)) {
        std::cerr << "lkml: error: " << error << "\n";
        return kExitUsage;
      }
      std::cerr << "lkml: pruned " << applied.stale.size() << " stale entr"
                << (applied.stale.size() == 1 ? "y" : "ies") << " from " << baseline_path << "\n";
    } else if (!applied.stale.empty() && !options.quiet) {
      std::cerr << "lkml: " << applied.stale.size() << " baseline entr"
                << (applied.stale.size() == 1 ? "y no longer occurs" : "ies no longer occur")
                << " (first: " << applied.stale.front().code << " in " << applied.stale.front().file
                << "); remove them with --prune-baseline\n";
    }
  } else if (options.prune_baseline) {
    std::cerr
        << "lkml: error: --prune-baseline needs --baseline FILE (or \"baseline\" in lkml.json)\n";
    return kExitUsage;
  }
  if (!options.diff_base.empty()) {
    // The whole project was checked; only findings on changed lines are reported.
    ChangedLines changed;
    std::string error;
    if (!changedLinesSince(options.diff_base, options.paths.front(), &changed, &error)) {
      std::cerr << "lkml: error: " << error << "\n";
      return kExitUsage;
    }
    CanonicalPaths canonical;
    auto& all = run.diagnostics;
    all.erase(std::remove_if(all.begin(), all.end(),
                             [&](const Diagnostic& d) {
                               ResolvedLocation loc = resolveLocation(*run.files, d.span, d.path);
                               return !changed.contains(canonical.of(loc.path), loc.line);
                             }),
              all.end());
  }
  if (options.fix) return applyFixesAndRelint(options, run);
  // The fixes JSON and SARIF carry are the edits --fix would make, placed in the text.
  lint::placeFixes(&run.diagnostics, *run.files);
  RenderOptions render;
  render.color = useColor(options.color, 1);
  render.tool_version = kLkmlVersion;
  size_t errors = 0, warnings = 0;
  for (const auto& d : run.diagnostics) {
    errors += d.severity == Severity::Error;
    warnings += d.severity == Severity::Warning;
  }
  if (options.statistics) {
    printStatistics(run.diagnostics);
  } else {
    renderDiagnostics(std::cout, format, run.diagnostics, *run.files, render);
  }
  std::cout.flush();
  run.timings.mark("printing");
  if (options.timings) run.timings.print(std::cerr);
  if (format == OutputFormat::Text && !options.quiet) {
    std::cerr << "lkml: " << run.file_count << " file" << (run.file_count == 1 ? "" : "s")
              << " checked, " << errors << " error" << (errors == 1 ? "" : "s") << ", " << warnings
              << " warning" << (warnings == 1 ? "" : "s");
    if (baselined) std::cerr << " (" << baselined << " more in the baseline)";
    std::cerr << "\n";
  }
  if (run.databases && !run.database_error && !options.quiet) {
    const schema::SchemaCheckStats& s = run.schema_stats;
    std::cerr << "lkml: schema checks " << (options.schema.empty() ? "(live)" : "(snapshot)")
              << ": " << s.relations_checked << " relations, " << s.columns_checked
              << " column references, " << s.keys_proven_by_catalog
              << " keys proven by the catalog, " << s.data_probes << " data probes";
    if (s.probes_skipped) std::cerr << ", " << s.probes_skipped << " probes skipped";
    if (!run.databases->offline()) {
      std::cerr << "; catalog read in " << run.databases->catalogQueries() << " queries, "
                << static_cast<long>(run.databases->catalogMilliseconds()) << " ms";
    }
    std::cerr << "\n";
  }
  // The process ends right after: skip tearing down the models (measured 7% of a large lint).
  for (auto& project : run.projects) static_cast<void>(project.release());
  if (run.io_error) return kExitUsage;
  if (run.database_error) return kExitDatabase;
  if (options.exit_zero) return kExitOk;
  return errors > 0 ? kExitFindings : kExitOk;
}

}  // namespace

void addLintCommand(CLI::App& app, int* exit_code) {
  auto* cmd =
      app.add_subcommand("lint", "Check LookML projects: syntax, references, joins, grants");
  auto options = std::make_shared<LintOptions>();
  cmd->add_option("PATH", options->paths, "project directories or .lkml files (default: .)");
  cmd->add_option("--format", options->format,
                  "text (default), json, sarif, github, junit or gitlab (Code Quality)");
  cmd->add_option("--color", options->color, "auto (default), always or never");
  cmd->add_flag("--werror", options->werror, "treat warnings as errors");
  cmd->add_option("--rule", options->rules,
                  "set a rule's level: CODE=off|info|warning|error (repeatable)");
  cmd->add_option("--select", options->select,
                  "only these rules: codes, slugs or families (LKML2, LKML25x), comma-separated");
  cmd->add_option("--ignore", options->ignore, "turn these rules off (codes, slugs, families)");
  cmd->add_option("--warn", options->warn, "report these rules as warnings");
  cmd->add_flag("-q,--quiet", options->quiet, "print only the findings (no summary lines)");
  cmd->add_flag("--exit-zero", options->exit_zero, "exit 0 even when errors are found");
  cmd->add_flag("--statistics", options->statistics, "print the number of findings per rule");
  cmd->add_option(
      "--baseline", options->baseline,
      "report only findings not in this baseline file (default: lkml.json \"baseline\")");
  cmd->add_option("--write-baseline", options->write_baseline,
                  "record today's findings in FILE and exit 0");
  cmd->add_flag("--prune-baseline", options->prune_baseline,
                "rewrite the baseline without entries that no longer occur");
  cmd->add_option("--diff-base", options->diff_base,
                  "report only findings on lines changed since this git revision (all checked)");
  cmd->add_option("--config", options->config, "rule settings file (default: PROJECT/lkml.json)");
  cmd->add_flag("--fix", options->fix,
                "apply the fixes lkml is sure of (a single did-you-mean, LKML209, identical "
                "LKML231 duplicates), then lint again");
  cmd->add_flag("--diff", options->fix_diff,
                "with --fix: print the fixes as a unified diff instead of writing them");
  cmd->add_option("--stdin-filename", options->stdin_filename,
                  "with PATH `-`: lint standard input as this file of its project");
  cmd->add_flag("--syntax-only", options->syntax_only, "only parse; skip semantic checks");
  cmd->add_option("-j,--jobs", options->jobs, "threads (default: all cores)");
  cmd->add_flag("--timings", options->timings,
                "print the wall and CPU time and memory of each phase, and the Amdahl "
                "estimate for 16 cores, on stderr (like -ftime-report)");
  cmd->add_option("--db", options->db,
                  "also check against a live PostgreSQL (LKML3xx): postgresql://user@host:port/db; "
                  "without a value LKML_DATABASE_URL, then PG*")
      ->expected(0, 1);
  cmd->add_option("--schema", options->schema,
                  "check against a catalog snapshot from `lkml schema dump` (offline)");
  cmd->add_option("--connection", options->connections,
                  "NAME=URL: the database of models with `connection: \"NAME\"` (repeatable)");
  cmd->add_option("--dialect", options->dialect,
                  "SQL dialect of the project: postgres, bigquery, snowflake, redshift, duckdb "
                  "(default: lkml.json \"connections\", else the --schema snapshot's, else "
                  "postgres)");
  cmd->add_option("--statement-timeout", options->statement_timeout,
                  "seconds each live probe may run, 0.001 to 2147483.647 (default 10)");
  cmd->footer(
      "Examples:\n"
      "  lkml lint looker/\n"
      "  lkml lint looker/ --format json\n"
      "  lkml lint . --format sarif > lkml.sarif\n"
      "  lkml lint . --rule LKML209=off --rule LKML251=warning\n"
      "  lkml lint . --select LKML2 --ignore missing-relationship --warn LKML25x\n"
      "  lkml lint views/orders.view.lkml          the file's project, findings for the file\n"
      "  lkml lint . --fix                         apply the certain fixes (--diff: show them)\n"
      "  lkml lint - --stdin-filename views/x.view.lkml < x.view.lkml   an editor's buffer\n"
      "  lkml lint . --write-baseline lkml-baseline.json   then: --baseline lkml-baseline.json\n"
      "  lkml lint . --format junit > lkml.xml    also: gitlab (Code Quality JSON)\n"
      "  lkml lint looker/ --db postgresql://looker@localhost/warehouse\n"
      "  lkml lint looker/ --schema lkml-schema.json\n"
      "Suppress one finding with a comment on the line above it: # lkml: disable=LKML209\n"
      "Exit codes: 0 no errors, 1 errors found, 2 usage or I/O error, 3 database unreachable or\n"
      "timed out.");
  cmd->callback([cmd, options, exit_code] {
    options->db_given = cmd->count("--db") > 0;
    if (options->paths.empty()) options->paths.push_back(".");
    bool dash =
        std::find(options->paths.begin(), options->paths.end(), "-") != options->paths.end();
    if (dash != !options->stdin_filename.empty() || (dash && options->paths.size() != 1)) {
      std::cerr << "lkml: error: `-` (read standard input) goes with --stdin-filename NAME, "
                   "and alone: `lkml lint - --stdin-filename views/x.view.lkml`\n";
      *exit_code = kExitUsage;
      return;
    }
    if (options->fix_diff && !options->fix) {
      std::cerr << "lkml: error: --diff shows what --fix would change: add --fix\n";
      *exit_code = kExitUsage;
      return;
    }
    if (dash) {
      options->stdin_text.assign(std::istreambuf_iterator<char>(std::cin),
                                 std::istreambuf_iterator<char>());
    }
    *exit_code = runLint(*options);  // a copy: the run may fill in the snapshot
  });
}

}  // namespace lkml::cli
