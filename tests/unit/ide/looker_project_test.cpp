// The features on the repository's `looker/` project: five views, explores that extend a base
// explore per access level, shared access grants and data tests with explore_source.
#include <gmock/gmock.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "semantic/linter.h"
#include "tests/support/test_paths.h"
#include "tests/unit/ide/ide_test_support.h"

namespace lkml::ide::test {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::string lookerDir() { return lkml::test::sourceDir() + "/looker"; }

TEST(LookerProjectTest, DefinitionsThroughExtendedExploresAndTests) {
  auto p = IdeProject::existing(lookerDir());
  const std::string t = "tests/ti.tests.lkml";
  EXPECT_THAT(p->describe(definition(p->project(), t, p->at(t, "${users.count}", 0, 8))),
              ElementsAre("views/users.view.lkml:count"));
  EXPECT_THAT(p->describe(definition(p->project(), t, p->at(t, "companies_internal", 0, 1))),
              ElementsAre("explores/companies.explore.lkml:companies_internal"));
  const std::string e = "explores/enrollments.explore.lkml";
  EXPECT_THAT(p->describe(definition(p->project(), e, p->at(e, "[enrollments_base]", 0, 1))),
              ElementsAre(e + ":enrollments_base"));
  // access_filter in an explore that inherits its joins through extends.
  EXPECT_THAT(p->describe(definition(p->project(), e, p->at(e, "field: users.company_id", 0, 13))),
              ElementsAre("views/users.view.lkml:company_id"));
  EXPECT_THAT(p->describe(definition(p->project(), e, p->at(e, "[company]", 0, 1))),
              ElementsAre("models/ti_shared.lkml:company"));
}

TEST(LookerProjectTest, ReferencesOfAMeasureIncludeDataTests) {
  auto p = IdeProject::existing(lookerDir());
  const std::string v = "views/enrollments.view.lkml";
  auto refs = references(p->project(), v, p->at(v, "measure: completion_rate", 0, 9), false);
  size_t in_tests = std::count_if(
      refs.begin(), refs.end(), [](const FileRange& r) { return r.path == "tests/ti.tests.lkml"; });
  EXPECT_EQ(in_tests, 4u);  // the column and three `${}` in the assert
  for (const FileRange& r : refs) EXPECT_EQ(p->slice(r), "completion_rate");
}

TEST(LookerProjectTest, SymbolsAndHover) {
  auto p = IdeProject::existing(lookerDir());
  auto symbols = documentSymbols(p->project(), "explores/users.explore.lkml");
  EXPECT_EQ(symbols.size(), 4u);
  EXPECT_THAT(workspaceSymbols(p->project(), "enrollments.completion_rate").front().name,
              "enrollments.completion_rate");
  const std::string v = "views/enrollments.view.lkml";
  auto h = hover(p->project(), v, p->at(v, "${completed_count}", 0, 3));
  ASSERT_TRUE(h);
  EXPECT_NE(h->markdown.find("Number of Completions"), std::string::npos);
}

// Every offset of every file: no crash, and every range returned lies inside its file.
TEST(LookerProjectTest, EveryOffsetIsSafe) {
  auto p = IdeProject::existing(lookerDir());
  for (const semantic::ProjectFile& file : p->project().sources.files) {
    if (!file.source) continue;
    uint32_t size = static_cast<uint32_t>(file.source->text().size());
    for (uint32_t offset = 0; offset <= size + 1; offset += 3) {
      for (const FileRange& r : definition(p->project(), file.path, offset)) {
        EXPECT_LE(r.end, p->text(r.path).size());
      }
      if (auto h = hover(p->project(), file.path, offset)) {
        EXPECT_LE(h->range.end, size);
      }
      complete(p->project(), file.path, offset);
    }
  }
}

namespace fs = std::filesystem;

// Renames in a copy of looker/, writes the edits, compiles and lints again: the same
// diagnostics as before (a missed or wrong edit is an unknown reference).
class LookerRenameTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("lkml-ide-looker-" + std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::copy(lookerDir(), root_, fs::copy_options::recursive);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }
  std::vector<std::string> codes(const std::string& root) {
    DiagnosticBag bag;
    auto loaded = semantic::loadAndCompile(root, bag, 1);
    if (loaded) semantic::runChecks(*loaded, bag);  // unknown references are lint findings
    std::vector<std::string> out;
    for (const Diagnostic& d : bag.diagnostics()) out.push_back(std::to_string(d.code));
    std::sort(out.begin(), out.end());
    return out;
  }
  void renameAndCheck(const std::string& path, const std::string& needle, uint32_t delta,
                      const std::string& new_name, size_t min_edits) {
    std::vector<std::string> before = codes(root_.string());
    auto p = IdeProject::existing(root_.string());
    RenameResult r = rename(p->project(), path, p->at(path, needle, 0, delta), new_name);
    ASSERT_THAT(r.error, IsEmpty());
    EXPECT_GE(r.edits.size(), min_edits);
    std::map<std::string, std::string> files;
    for (auto it = r.edits.rbegin(); it != r.edits.rend(); ++it) {
      auto f = files.find(it->range.path);
      if (f == files.end()) {
        f = files.emplace(it->range.path, std::string(p->text(it->range.path))).first;
      }
      f->second.replace(it->range.begin, it->range.end - it->range.begin, it->new_text);
    }
    for (const auto& [rel, text] : files) std::ofstream(root_ / rel, std::ios::binary) << text;
    EXPECT_EQ(codes(root_.string()), before);
  }
  fs::path root_;
};

TEST_F(LookerRenameTest, FieldUsedByExploresAndTests) {
  renameAndCheck("views/users.view.lkml", "dimension: company_id", 11, "employer_id", 5);
}

TEST_F(LookerRenameTest, MeasureReadByAnotherMeasureAndTests) {
  renameAndCheck("views/enrollments.view.lkml", "measure: completed_count", 9, "finished_count", 2);
}

TEST_F(LookerRenameTest, ViewUsedByJoinsAndViewName) {
  renameAndCheck("views/users.view.lkml", "view: users", 6, "learners", 10);
}

}  // namespace
}  // namespace lkml::ide::test

namespace lkml::ide::test {
namespace {

// Public projects of the shared corpus: about 60 offsets per project (spread over its files),
// every feature; no crash and every range inside its file.
TEST(CorpusTest, SpreadOffsetsAreSafe) {
  if (lkml::test::corpusDir().empty()) GTEST_SKIP() << "no corpus";
  for (const auto& entry : std::filesystem::directory_iterator(lkml::test::corpusDir())) {
    if (!entry.is_directory()) continue;
    auto p = IdeProject::existing(entry.path().string());
    size_t total = 0;
    for (const semantic::ProjectFile& file : p->project().sources.files) {
      if (file.source) total += file.source->text().size();
    }
    size_t step = std::max<size_t>(total / 60, 1), next = 0, seen = 0;
    for (const semantic::ProjectFile& file : p->project().sources.files) {
      if (!file.source) continue;
      uint32_t size = static_cast<uint32_t>(file.source->text().size());
      for (; next < seen + size; next += step) {
        uint32_t offset = static_cast<uint32_t>(next - seen);
        for (const FileRange& r : definition(p->project(), file.path, offset)) {
          EXPECT_LE(r.end, p->text(r.path).size());
        }
        for (const FileRange& r : references(p->project(), file.path, offset, true)) {
          EXPECT_LE(r.end, p->text(r.path).size());
        }
        hover(p->project(), file.path, offset);
        complete(p->project(), file.path, offset);
        for (const TextEdit& e : rename(p->project(), file.path, offset, "renamed_x").edits) {
          EXPECT_LE(e.range.end, p->text(e.range.path).size());
        }
      }
      seen += size;
    }
    documentSymbols(p->project(), p->project().sources.files.front().path);
    workspaceSymbols(p->project(), "id");
  }
}

}  // namespace
}  // namespace lkml::ide::test

namespace lkml::ide::test {
namespace {

std::vector<std::string> lintCodes(const std::string& root) {
  DiagnosticBag bag;
  auto loaded = semantic::loadAndCompile(root, bag, 1);
  if (loaded) semantic::runChecks(*loaded, bag);
  std::vector<std::string> out;
  for (const Diagnostic& d : bag.diagnostics()) out.push_back(std::to_string(d.code));
  std::sort(out.begin(), out.end());
  return out;
}

// Renames of fields and views across the corpus, written back and linted: either refused, or
// the project lints exactly as before.
TEST(CorpusRenameTest, RenamesKeepLintFindings) {
  if (lkml::test::corpusDir().empty()) GTEST_SKIP() << "no corpus";
  namespace fs = std::filesystem;
  fs::path root = fs::temp_directory_path() / ("lkml-ide-corpus-" + std::to_string(::getpid()));
  size_t done = 0, refused = 0;
  for (const auto& entry : fs::directory_iterator(lkml::test::corpusDir())) {
    if (!entry.is_directory()) continue;
    for (int pick = 0; pick < 12; ++pick) {
      fs::remove_all(root);
      fs::copy(entry.path(), root, fs::copy_options::recursive);
      std::vector<std::string> before = lintCodes(root.string());
      auto p = IdeProject::existing(root.string());
      // The pick-th declaration: even picks fields, odd picks views, from the symbol lists.
      std::vector<std::pair<std::string, uint32_t>> decls;
      for (const semantic::ProjectFile& f : p->project().sources.files) {
        for (const Symbol& s : documentSymbols(p->project(), f.path)) {
          std::vector<const Symbol*> stack{&s};
          while (!stack.empty()) {
            const Symbol* top = stack.back();
            stack.pop_back();
            bool want = pick % 2 ? top->kind == SymbolKind::View
                                 : top->kind == SymbolKind::Dimension ||
                                       top->kind == SymbolKind::Measure ||
                                       top->kind == SymbolKind::DimensionGroup;
            if (want && top->name[0] != '+') decls.emplace_back(f.path, top->selection.begin);
            for (const Symbol& c : top->children) stack.push_back(&c);
          }
        }
      }
      if (decls.empty()) continue;
      auto [path, offset] = decls[(decls.size() * (pick / 2 + 1)) / 7 % decls.size()];
      RenameResult r = rename(p->project(), path, offset, "zz_renamed");
      if (!r.error.empty()) {
        ++refused;
        continue;
      }
      std::map<std::string, std::string> files;
      for (auto it = r.edits.rbegin(); it != r.edits.rend(); ++it) {
        auto f = files.find(it->range.path);
        if (f == files.end())
          f = files.emplace(it->range.path, std::string(p->text(it->range.path))).first;
        f->second.replace(it->range.begin, it->range.end - it->range.begin, it->new_text);
      }
      for (const auto& [rel, text] : files) std::ofstream(root / rel, std::ios::binary) << text;
      EXPECT_EQ(lintCodes(root.string()), before)
          << entry.path().filename() << " " << path << "@" << offset;
      ++done;
    }
  }
  fs::remove_all(root);
  std::cout << done << " renames checked, " << refused << " refused\n";
  EXPECT_GT(done, refused);
}

}  // namespace
}  // namespace lkml::ide::test
