// Helpers for the query compiler tests: load a LookML project once, compile an explore query
// for a user, and render the outcome (SQL or diagnostics) as text.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "base/diagnostic.h"
#include "codegen/dialects/postgres_dialect.h"
#include "codegen/query.h"
#include "codegen/query_compiler.h"
#include "semantic/project.h"
#include "tests/support/test_paths.h"

namespace lkml::codegen::test {

using Attributes = std::map<std::string, std::string>;

/// A loaded project (kept alive: the model's spans point into its sources).
struct ProjectUnderTest {
  std::unique_ptr<semantic::LoadedProject> project;
  std::vector<Diagnostic> errors;  // LookML errors found while loading
};

inline ProjectUnderTest loadProject(const std::string& dir) {
  ProjectUnderTest out;
  DiagnosticBag bag;
  out.project = semantic::loadAndCompile(dir, bag);
  for (const Diagnostic& d : bag.diagnostics()) {
    if (d.severity == Severity::Error) out.errors.push_back(d);
  }
  return out;
}

/// A project written to a fresh temporary folder (relative path -> text) and loaded; the
/// folder is removed with it. A test suite keeps one for all its tests.
struct TempProjectUnderTest : ProjectUnderTest {
  TempProjectUnderTest(const std::string& name,
                       const std::vector<std::pair<std::string, std::string>>& files)
      : dir(std::filesystem::temp_directory_path() / (name + "_" + std::to_string(getpid()))) {
    for (const auto& [path, text] : files) {
      std::filesystem::create_directories((dir / path).parent_path());
      std::ofstream(dir / path) << text;
    }
    static_cast<ProjectUnderTest&>(*this) = loadProject(dir.string());
  }
  ~TempProjectUnderTest() {
    project.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
  TempProjectUnderTest(const TempProjectUnderTest&) = delete;
  TempProjectUnderTest& operator=(const TempProjectUnderTest&) = delete;

  std::filesystem::path dir;
};

/// The sample project `looker/`, loaded once per test binary.
inline const semantic::LoadedProject& lookerProject() {
  static const ProjectUnderTest loaded = loadProject(lkml::test::sourceDir() + "/looker");
  if (!loaded.project) throw std::runtime_error("cannot load looker/");
  return *loaded.project;
}

/// The outcome of compiling one query: SQL, or the diagnostics as lines
/// `LKML402: message` (+ `  = help: ...`).
struct Outcome {
  bool ok = false;
  std::string sql;
  std::vector<std::string> columns;
  std::string errors;
};

inline std::string renderErrors(const std::vector<Diagnostic>& errors) {
  std::string out;
  for (const Diagnostic& d : errors) {
    out += d.codeName() + ": " + d.message + "\n";
    if (!d.help.empty()) out += "  = help: " + d.help + "\n";
  }
  return out;
}

inline Outcome compileOn(const semantic::LoadedProject& project, const Query& query,
                         const Attributes& attributes) {
  static const PostgresDialect dialect;
  Outcome out;
  const semantic::Model* model = nullptr;
  if (query.model.empty()) {
    if (project.project.models.size() == 1) model = &project.project.models[0];
  } else {
    model = project.project.findModel(query.model);
  }
  if (!model) {
    out.errors = "no model `" + query.model + "`\n";
    return out;
  }
  const semantic::Explore* explore = model->findExplore(query.explore);
  if (!explore || explore->extension_required) {
    out.errors = "no queryable explore `" + query.explore + "`\n";
    return out;
  }
  UserContext user;
  user.attributes = attributes;
  CompiledQuery compiled = compileQuery(*model, *explore, query, user, dialect);
  out.ok = compiled.ok();
  out.sql = compiled.sql;
  out.columns = compiled.columns;
  out.errors = renderErrors(compiled.errors);
  return out;
}

/// Compiles on looker/: explore, comma-free field list, filters as (field, expression).
inline Outcome compileLooker(const std::string& explore, const std::vector<std::string>& fields,
                             const Attributes& attributes,
                             const std::vector<QueryFilter>& filters = {},
                             const std::vector<QuerySort>& sorts = {}) {
  Query query;
  query.model = "ti";
  query.explore = explore;
  query.fields = fields;
  query.filters = filters;
  query.sorts = sorts;
  return compileOn(lookerProject(), query, attributes);
}

}  // namespace lkml::codegen::test
