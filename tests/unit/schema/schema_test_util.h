// Helpers for the schema unit tests: a LookML project written to a temporary directory and
// compiled in-process, plus a hand-built catalog, so the catalog checks run without a server.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "catalog/catalog.h"
#include "schema/schema_checker.h"
#include "semantic/project.h"

namespace lkml::schema::test {

namespace fs = std::filesystem;

class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    root_ = fs::temp_directory_path() /
            ("lkml-schematest-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  void write(const std::string& relative, const std::string& text) const {
    fs::path path = root_ / relative;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
  }
  std::string root() const { return root_.string(); }

 private:
  fs::path root_;
};

inline catalog::Column column(const std::string& name, int ordinal, const std::string& type,
                              bool nullable = true) {
  return catalog::Column{name, ordinal, type, catalog::categorizeType(type), nullable};
}

/// Compiles `model_text` (one model file) and runs the schema checks offline against
/// `catalog`. Returns `LKML3nn: message` lines (and keeps the diagnostics).
struct Checked {
  std::unique_ptr<semantic::LoadedProject> project;
  std::vector<Diagnostic> diagnostics;
  SchemaCheckResult result;

  std::vector<std::string> lines() const {
    std::vector<std::string> out;
    for (const Diagnostic& d : diagnostics) out.push_back(d.codeName() + ": " + d.message);
    return out;
  }
  size_t count(int code) const {
    size_t n = 0;
    for (const Diagnostic& d : diagnostics) n += d.code == code;
    return n;
  }
  const Diagnostic* find(int code) const {
    for (const Diagnostic& d : diagnostics) {
      if (d.code == code) return &d;
    }
    return nullptr;
  }
  /// The source text a diagnostic's span covers.
  std::string spanText(const Diagnostic& d) const {
    const SourceFile* file = project->sources.sources->find(d.span.file);
    if (!file) return "";
    return std::string(file->text().substr(d.span.begin, d.span.end - d.span.begin));
  }
};

inline Checked checkOffline(const std::string& model_text, const catalog::Catalog& catalog) {
  TempDir dir;
  dir.write("shop.model.lkml", model_text);
  Checked out;
  DiagnosticBag bag;
  out.project = semantic::loadAndCompile(dir.root(), bag);
  EXPECT_TRUE(out.project);
  if (!out.project) return out;
  SchemaSource source;
  source.name = "test catalog";
  source.catalog = &catalog;
  DiagnosticBag schema_bag;
  out.result = checkSchema(
      *out.project, [&](const semantic::Model&) { return &source; }, schema_bag);
  schema_bag.sort();
  out.diagnostics = schema_bag.diagnostics();
  return out;
}

}  // namespace lkml::schema::test
