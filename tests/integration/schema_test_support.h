// Helpers for the live-schema integration tests: a scratch database per test binary (created
// and loaded with psql through the PG* environment that pg_virtualenv sets; the test FAILS,
// never skips, without a server), running the lkml binary, and reading its JSON diagnostics.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/support/test_paths.h"

namespace lkml::schema::test {

namespace fs = std::filesystem;

inline std::string projectDir(const std::string& name) {
  return lkml::test::sourceDir() + "/tests/integration/schema_projects/" + name;
}

inline std::string shellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

/// A temporary directory removed at the end of the scope.
class ScratchDir {
 public:
  explicit ScratchDir(const std::string& tag) {
    static std::atomic<int> counter{0};
    path_ = fs::temp_directory_path() /
            ("lkml-" + tag + "-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  std::string path() const { return path_.string(); }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  fs::path path_;
};

/// A database of its own, loaded from a project's db.sql, dropped at the end.
class ScratchDatabase {
 public:
  ScratchDatabase(const std::string& tag, const std::string& sql_file)
      : name_("lkml_schema_" + tag + "_" + std::to_string(getpid())) {
    std::string output;
    int status = lkml::test::runCommand("psql -X -q -v ON_ERROR_STOP=1 -c " +
                                            shellQuote("DROP DATABASE IF EXISTS " + name_) +
                                            " -c " + shellQuote("CREATE DATABASE " + name_),
                                        &output, true);
    if (status != 0) {
      ADD_FAILURE() << "cannot create a database (run under pg_virtualenv; `make test` does): "
                    << output;
      return;
    }
    status = lkml::test::runCommand(
        "psql -X -q -v ON_ERROR_STOP=1 -d " + name_ + " -f " + shellQuote(sql_file), &output, true);
    if (status != 0) {
      ADD_FAILURE() << "cannot load " << sql_file << ": " << output;
      return;
    }
    ok_ = true;
  }
  ~ScratchDatabase() {
    std::string output;
    lkml::test::runCommand(
        "psql -X -q -c " + shellQuote("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)"),
        &output, true);
  }
  ScratchDatabase(const ScratchDatabase&) = delete;
  ScratchDatabase& operator=(const ScratchDatabase&) = delete;

  bool ok() const { return ok_; }
  const std::string& name() const { return name_; }
  /// Host, port, user and password come from the PG* environment.
  std::string url() const { return "postgresql:///" + name_; }

 private:
  std::string name_;
  bool ok_ = false;
};

struct LkmlRun {
  int status = -1;
  std::string out, err;
  nlohmann::json json;  // parsed stdout when it is JSON

  /// Diagnostics of `--format json` output with this code.
  std::vector<nlohmann::json> diagnostics(const std::string& code) const {
    std::vector<nlohmann::json> found;
    if (!json.is_object() || !json.contains("diagnostics")) return found;
    for (const auto& d : json["diagnostics"]) {
      if (d.value("code", "") == code) found.push_back(d);
    }
    return found;
  }
  size_t total() const {
    return json.is_object() && json.contains("diagnostics") ? json["diagnostics"].size() : 0;
  }
};

/// Runs `lkml ARGS` (a shell fragment) with `env` prepended; captures stdout and stderr.
inline LkmlRun runLkml(const std::string& args, const std::string& env = "") {
  ScratchDir dir("run");
  LkmlRun run;
  std::string command = env + (env.empty() ? "" : " ") + shellQuote(lkml::test::lkmlBinary()) +
                        " " + args + " 2>" + shellQuote(dir.file("err"));
  run.status = lkml::test::runCommand(command, &run.out, false);
  std::ifstream in(dir.file("err"));
  run.err.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (!run.out.empty() && run.out[0] == '{') {
    run.json = nlohmann::json::parse(run.out, nullptr, false);
  }
  return run;
}

/// Whether some diagnostic of `code` is at `file_suffix:line:column` with `text` in its message.
inline bool hasDiagnostic(const LkmlRun& run, const std::string& code,
                          const std::string& file_suffix, int line, int column,
                          const std::string& text) {
  for (const auto& d : run.diagnostics(code)) {
    std::string file = d.value("file", "");
    bool file_ok =
        file.size() >= file_suffix.size() &&
        file.compare(file.size() - file_suffix.size(), file_suffix.size(), file_suffix) == 0;
    if (file_ok && d.value("line", 0) == line && (column == 0 || d.value("column", 0) == column) &&
        d.value("message", "").find(text) != std::string::npos) {
      return true;
    }
  }
  return false;
}

}  // namespace lkml::schema::test
