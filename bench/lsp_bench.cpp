// lkml_lsp_bench PROJECT [EDITS] [--verify]: how long the language server takes to bring its
// diagnostics up to date after a one-character edit, against a fresh lint of the same
// project in the same run (see docs/performance.md, "Language server").
//
// Loads PROJECT as `lkml lsp` does (lsp::ProjectState, one thread for parsing and building),
// then EDITS times (default 5) changes one character of the middle view file and updates,
// timing each phase. Prints the best and median of each, and the fresh lint for the ratio.
// --verify (a ctest): the edits rotate through a comment, an unknown field reference, an
// invalid type, a new view (the file's shape changes) and the original text, and after each
// the first answer and the full update are compared with a fresh lint of the same texts; a
// difference exits 1.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

#include "base/file_reader.h"
#include "lsp/project_state.h"

namespace fs = std::filesystem;

namespace {

// CPU time of the process (the updates run on one thread), which a loaded machine does not
// inflate as it does wall time.
double cpuMs() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

// Findings as comparable text (FileIds differ between states); only those of `file` when set.
std::vector<std::string> findingsOf(const lkml::lsp::ProjectState& state,
                                    const std::vector<lkml::Diagnostic>& list,
                                    const std::string* file = nullptr) {
  std::vector<std::string> out;
  for (const lkml::Diagnostic& d : list) {
    std::string path = d.span.valid() ? state.files().file(d.span.file).path() : d.path;
    if (file && path != *file) continue;
    out.push_back(path + ":" + std::to_string(d.span.begin) + " " + d.codeName() + " " + d.message);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The edit number `i` of --verify.
std::string mutated(const std::string& text, int i) {
  std::string out = text;
  auto replaceFirst = [&](const std::string& from, const std::string& to) {
    size_t at = out.find(from);
    if (at != std::string::npos) out.replace(at, from.size(), to);
  };
  switch (i % 5) {
    case 0:
      return out + "# edited\n";
    case 1:
      replaceFirst("${TABLE}.", "${no_such_field} + ${TABLE}.");
      return out;
    case 2:
      replaceFirst("type: number", "type: numbr");
      return out;
    case 3:
      return out + "view: lsp_bench_extra {\n  dimension: x { sql: ${y} ;; }\n}\n";
    default:
      return out;
  }
}

// Compares the state's findings (and its first answer) with a fresh lint of `root` with the
// edited text; prints the differences.
bool matchesFresh(const std::string& root, const std::string& edited, const std::string& text,
                  const lkml::lsp::ProjectState& state, bool check_quick) {
  lkml::lsp::ProjectState fresh(root);
  fresh.setText(edited, text);
  fresh.update(1);
  bool ok = true;
  auto compare = [&](const char* what, std::vector<std::string> a, std::vector<std::string> b) {
    if (a == b) return;
    ok = false;
    std::fprintf(stderr, "lkml_lsp_bench --verify: %s differs from a fresh lint\n", what);
    for (const auto& line : a) std::fprintf(stderr, "  incremental: %s\n", line.c_str());
    for (const auto& line : b) std::fprintf(stderr, "  fresh:       %s\n", line.c_str());
  };
  compare("the full update", findingsOf(state, state.diagnostics()),
          findingsOf(fresh, fresh.diagnostics()));
  if (check_quick) {
    std::vector<lkml::Diagnostic> expected;
    for (const lkml::Diagnostic& d : fresh.diagnostics()) {
      if (!lkml::lsp::ProjectState::leftToFullUpdate(d)) expected.push_back(d);
    }
    for (const std::string& file : state.quickFiles()) {
      compare("the first answer", findingsOf(state, state.quickDiagnostics(), &file),
              findingsOf(fresh, expected, &file));
    }
  }
  return ok;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: lkml_lsp_bench PROJECT [EDITS]\n");
    return 2;
  }
  std::string root = fs::absolute(argv[1]).lexically_normal().string();
  int edits = argc > 2 ? std::atoi(argv[2]) : 5;
  const bool verify = argc > 3 && std::string(argv[3]) == "--verify";
  size_t answered_first = 0;
  std::vector<std::string> views;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    std::string p = entry.path().string();
    if (p.size() > 10 && p.compare(p.size() - 10, 10, ".view.lkml") == 0 &&
        p.find("_base") == std::string::npos) {
      views.push_back(fs::path(p).lexically_relative(root).generic_string());
    }
  }
  std::sort(views.begin(), views.end());
  if (views.empty()) {
    std::fprintf(stderr, "lkml_lsp_bench: no view files in %s\n", root.c_str());
    return 2;
  }
  std::string edited = views[views.size() / 2];
  lkml::ReadResult original = lkml::readFile(root + "/" + edited);

  std::vector<double> fresh;
  for (int i = 0; i < 2; ++i) {
    lkml::lsp::ProjectState state(root);
    fresh.push_back(state.update(1).total_ms);
  }
  lkml::lsp::ProjectState state(root);
  state.update(1);
  std::vector<double> parse, build, check, total, quick, quick_cpu, total_cpu;
  size_t quick_findings = 0, quick_files = 0;
  size_t findings = 0, files_parsed = 0, models_built = 0;
  for (int i = 0; i < edits; ++i) {
    // One character typed into a comment at the end (alternating, so every edit changes it).
    std::string text =
        verify ? mutated(original.text, i) : original.text + (i % 2 ? "#a\n" : "#b\n");
    state.setText(edited, text);
    // As the server answers a keystroke: the edited file's findings first, then the project.
    double cpu0 = cpuMs();
    lkml::lsp::ProjectState::QuickStats q = state.updateEditedFiles(1);
    double cpu1 = cpuMs();
    lkml::lsp::ProjectState::UpdateStats s = state.update(1);
    double cpu2 = cpuMs();
    quick.push_back(q.total_ms);
    quick_cpu.push_back(cpu1 - cpu0);
    total_cpu.push_back(cpu2 - cpu0);
    quick_findings = state.quickDiagnostics().size();
    quick_files = q.files_patched;
    if (verify) {
      // The first answer is kept aside: update() has replaced it by now.
      answered_first += q.files_patched;
      if (!matchesFresh(root, edited, text, state, /*check_quick=*/true)) return 1;
    }
    parse.push_back(s.parse_ms);
    build.push_back(s.build_ms);
    check.push_back(s.check_ms);
    total.push_back(q.total_ms + s.total_ms);
    state.releaseRetired();  // as the server does once the diagnostics are out
    findings = state.diagnostics().size();
    files_parsed = s.files_parsed;
    models_built = s.models_built;
  }
  if (verify) {
    std::printf("verified: %d edits, %zu answered first, all equal to a fresh lint\n", edits,
                answered_first);
  }
  double fresh_ms = *std::min_element(fresh.begin(), fresh.end());
  double edit_ms = *std::min_element(total.begin(), total.end());
  std::printf("project %s (%zu view files), edited %s\n", root.c_str(), views.size(),
              edited.c_str());
  std::printf("fresh lint (load, parse, build, check): best %.1f ms\n", fresh_ms);
  std::printf(
      "one-character edit: %zu file parsed, %zu models rebuilt, %zu findings\n"
      "  parse  best %.2f ms  median %.2f ms\n"
      "  build  best %.1f ms  median %.1f ms\n"
      "  checks best %.1f ms  median %.1f ms\n"
      "  total  best %.1f ms  median %.1f ms  worst %.1f ms  (%.2fx the fresh lint)\n"
      "edited file first (%zu file patched, %zu findings):\n"
      "  edited file  best %.1f ms  median %.1f ms  (CPU best %.1f ms)\n"
      "  whole project, edited file included: CPU best %.1f ms  median %.1f ms\n",
      files_parsed, models_built, findings, *std::min_element(parse.begin(), parse.end()),
      median(parse), *std::min_element(build.begin(), build.end()), median(build),
      *std::min_element(check.begin(), check.end()), median(check), edit_ms, median(total),
      *std::max_element(total.begin(), total.end()), edit_ms / fresh_ms, quick_files,
      quick_findings, *std::min_element(quick.begin(), quick.end()), median(quick),
      *std::min_element(quick_cpu.begin(), quick_cpu.end()),
      *std::min_element(total_cpu.begin(), total_cpu.end()), median(total_cpu));
  return 0;
}
