// The shared corpus of real public LookML (../shared/lookml-corpus): every file parses without
// a diagnostic, and `lkml lint --syntax-only` accepts every project directory (the semantic
// checks are tested by tests/unit/semantic). Skipped when the corpus is absent.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/support/test_paths.h"
#include "tests/unit/grammar/parse_helpers.h"

namespace lkml::test {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> corpusFiles() {
  std::vector<std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(corpusDir())) {
    if (entry.is_regular_file() && entry.path().extension() == ".lkml") {
      files.push_back(entry.path().string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(CorpusTest, EveryFileParsesWithoutDiagnostics) {
  if (corpusDir().empty()) GTEST_SKIP() << "shared LookML corpus not found";
  std::vector<std::string> files = corpusFiles();
  ASSERT_GT(files.size(), 100u);
  size_t members = 0;
  for (const std::string& path : files) {
    auto p = parseText(readText(path), path);
    EXPECT_EQ(p->rendered(), "") << path;
    EXPECT_TRUE(p->doc.complete) << path;
    members += p->doc.members.size();
  }
  EXPECT_GT(members, files.size());  // most files hold at least one member
}

TEST(CorpusTest, ParseAllMatchesParseOneByOne) {
  if (corpusDir().empty()) GTEST_SKIP() << "shared LookML corpus not found";
  SourceMap sources;
  std::vector<const SourceFile*> files;
  for (const std::string& path : corpusFiles()) files.push_back(&sources.add(path, readText(path)));
  DiagnosticBag bag;
  std::vector<syntax::Document> docs = grammar::parseAll(files, bag, 2);
  EXPECT_TRUE(bag.diagnostics().empty());
  ASSERT_EQ(docs.size(), files.size());
  for (size_t i = 0; i < files.size(); ++i) {
    DiagnosticBag one;
    syntax::Document doc = grammar::parse(*files[i], one);
    ASSERT_EQ(doc.members.size(), docs[i].members.size()) << files[i]->path();
    ASSERT_EQ(doc.comments.size(), docs[i].comments.size()) << files[i]->path();
  }
}

// A shell command running the lkml binary. The CLI deliberately leaves its project to the OS at
// exit (no teardown cost), so LeakSanitizer is switched off for the child in sanitizer builds.
std::string lkml(const std::string& args) {
  return "ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 '" + lkmlBinary() + "' " +
         args;
}

std::vector<std::string> corpusProjects() {
  std::vector<std::string> projects;
  for (const auto& entry : fs::directory_iterator(corpusDir())) {
    if (entry.is_directory()) projects.push_back(entry.path().string());
  }
  std::sort(projects.begin(), projects.end());
  return projects;
}

TEST(CorpusTest, LintAcceptsTheSyntaxOfEveryProject) {
  if (corpusDir().empty()) GTEST_SKIP() << "shared LookML corpus not found";
  std::vector<std::string> projects = corpusProjects();
  ASSERT_GE(projects.size(), 10u);
  for (const std::string& project : projects) {
    std::string output;
    int code = runCommand(lkml("lint --syntax-only --color never '" + project + "'"), &output,
                          /*merge_stderr=*/true);
    EXPECT_EQ(code, 0) << project << "\n" << output;
    EXPECT_EQ(output.find("error["), std::string::npos) << output;
  }
}

// ---- LKML109 and the exit codes of `lkml lint` ----------------------------------------------

TEST(LintCliTest, MissingPathIsLkml109AndExitTwo) {
  std::string output;
  int code =
      runCommand(lkml("lint --syntax-only --color never /nonexistent/x.lkml"), &output, true);
  EXPECT_EQ(code, 2);
  EXPECT_NE(output.find("/nonexistent/x.lkml: error[LKML109]: no such file or directory: "
                        "`/nonexistent/x.lkml`\n"
                        "   = help: pass a LookML project directory or .lkml files\n"),
            std::string::npos)
      << output;
}

TEST(LintCliTest, SyntaxErrorIsExitOneWithCaret) {
  std::string dir = binaryDir() + "/lint_cli_test";
  std::filesystem::create_directories(dir);
  std::string path = dir + "/broken.view.lkml";
  {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    ASSERT_NE(f, nullptr);
    std::fputs("view: broken {\n  label: \n}\n", f);
    std::fclose(f);
  }
  std::string output;
  int code = runCommand(lkml("lint --syntax-only --color never '" + path + "'"), &output, true);
  EXPECT_EQ(code, 1);
  EXPECT_NE(output.find(path + ":3:1: error[LKML108]: expected a value after `label:`, found `}`\n"
                               "  |\n"
                               "3 | }\n"
                               "  | ^ expected a value here\n"),
            std::string::npos)
      << output;
  std::string json;
  EXPECT_EQ(runCommand(lkml("lint --syntax-only --format json '" + path + "'"), &json, false), 1);
  EXPECT_NE(json.find("\"code\": \"LKML108\""), std::string::npos) << json;
}

// parse_fuzzer found that `lkml dump` aborted (uncaught JSON exception) on invalid UTF-8 in SQL.
TEST(DumpCliTest, InvalidUtf8InSqlDoesNotAbort) {
  std::string dir = binaryDir() + "/lint_cli_test";
  std::filesystem::create_directories(dir);
  std::string path = dir + "/latin1.view.lkml";
  {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    ASSERT_NE(f, nullptr);
    std::fputs("view: a {\n  sql: x\xf1 ;;\n}\n# \xff\n", f);
    std::fclose(f);
  }
  for (const char* flags : {"", " --json"}) {
    std::string output;
    int code = runCommand(lkml(std::string("dump") + flags + " '" + path + "' 2>/dev/null"),
                          &output, false);
    EXPECT_EQ(code, 1) << flags;  // LKML105 is an error; the tree is still printed
    EXPECT_NE(output.find("x\xef\xbf\xbd"), std::string::npos) << output;
  }
}

}  // namespace
}  // namespace lkml::test
