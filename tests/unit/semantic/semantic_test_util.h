// Helpers for the semantic tests: write a small project into a temporary directory, compile
// and lint it in-process, and look at the diagnostics as `LKML2nn: message` strings.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "base/diagnostic_renderer.h"
#include "semantic/lint_config.h"
#include "semantic/linter.h"
#include "semantic/project.h"
#include "semantic/root_causes.h"
#include "semantic/suppressions.h"
#include "tests/support/test_paths.h"

namespace lkml::semantic::test {

namespace fs = std::filesystem;

struct File {
  std::string path;
  std::string text;
};

/// A project directory under the system temp dir, removed when the object goes away.
class TempProject {
 public:
  TempProject() {
    static std::atomic<int> counter{0};
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = "lkml-semtest-" + std::to_string(::getpid()) + "-" +
                       std::to_string(counter++) + "-" +
                       (info ? std::string(info->name()) : std::string("x"));
    for (char& c : name) {
      if (c == '/') c = '_';
    }
    root_ = fs::temp_directory_path() / name;
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  TempProject(std::initializer_list<File> files) : TempProject() {
    for (const File& f : files) write(f.path, f.text);
  }
  ~TempProject() {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }
  TempProject(const TempProject&) = delete;
  TempProject& operator=(const TempProject&) = delete;

  void write(const std::string& relative, const std::string& text) const {
    fs::path path = root_ / relative;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
  }
  std::string root() const { return root_.string(); }
  std::string path(const std::string& relative) const { return (root_ / relative).string(); }

 private:
  fs::path root_;
};

/// A compiled and linted project with its finalized diagnostics.
struct Linted {
  std::unique_ptr<LoadedProject> loaded;
  std::vector<Diagnostic> diagnostics;

  const Model* model(const std::string& name) const {
    return loaded ? loaded->project.findModel(name) : nullptr;
  }
  /// `LKML205: message` for every diagnostic, in output order.
  std::vector<std::string> messages() const {
    std::vector<std::string> out;
    for (const auto& d : diagnostics) out.push_back(d.codeName() + ": " + d.message);
    return out;
  }
  /// The messages of one code.
  std::vector<std::string> messages(int code) const {
    std::vector<std::string> out;
    for (const auto& d : diagnostics) {
      if (d.code == code) out.push_back(d.message);
    }
    return out;
  }
  std::vector<const Diagnostic*> withCode(int code) const {
    std::vector<const Diagnostic*> out;
    for (const auto& d : diagnostics) {
      if (d.code == code) out.push_back(&d);
    }
    return out;
  }
  size_t count(int code) const { return withCode(code).size(); }
  size_t errors() const {
    size_t n = 0;
    for (const auto& d : diagnostics) n += d.severity == Severity::Error;
    return n;
  }
  /// `file:line:col` of a diagnostic, the file relative to the project root.
  std::string where(const Diagnostic& d, const std::string& root) const {
    ResolvedLocation loc = resolveLocation(*loaded->sources.sources, d.span, d.path);
    std::string path = fs::path(loc.path).lexically_relative(root).generic_string();
    return path + ":" + std::to_string(loc.line) + ":" + std::to_string(loc.column);
  }
  /// The text rendering (no colour), as `lkml lint` prints it.
  std::string text() const {
    std::ostringstream out;
    renderText(out, diagnostics, *loaded->sources.sources, RenderOptions{});
    return out.str();
  }
};

/// Loads, compiles and lints `root` the way `lkml lint` does (checks, config, suppressions).
inline Linted lintDir(const std::string& root, const LintConfig& config = LintConfig()) {
  Linted out;
  DiagnosticBag bag;
  out.loaded = loadAndCompile(root, bag, 1);
  // Style rules always run here; the config turns them off unless enabled, as in `lkml lint`.
  if (out.loaded) runChecks(*out.loaded, bag, /*style_rules=*/true);
  out.diagnostics = std::move(bag.diagnostics());
  finalizeDiagnostics(&out.diagnostics, out.loaded ? &out.loaded->sources : nullptr, config);
  if (out.loaded) groupRootCauses(&out.diagnostics, out.loaded->sources, &out.loaded->project);
  return out;
}

inline Linted lintProject(const TempProject& project, const LintConfig& config = LintConfig()) {
  return lintDir(project.root(), config);
}

/// A model file with a connection that includes everything, for single-view tests.
inline std::string modelIncludingAll(const std::string& extra = "") {
  return "connection: \"db\"\ninclude: \"/**/*.view\"\ninclude: \"/**/*.explore\"\n" + extra;
}

/// Shell-quotes a path for runCommand.
inline std::string quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'')
      out += "'\\''";
    else
      out += c;
  }
  return out + "'";
}

/// Runs the lkml binary with `args` (already quoted); stdout only (stderr discarded) unless
/// `merge_stderr`.
inline int runLkml(const std::string& args, std::string* output, bool merge_stderr = false) {
  return lkml::test::runCommand(
      quoted(lkml::test::lkmlBinary()) + " " + args + (merge_stderr ? "" : " 2>/dev/null"), output,
      merge_stderr);
}

}  // namespace lkml::semantic::test
