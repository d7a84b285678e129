// Golden lint tests: every directory tests/golden/lint/<case>/ is a small LookML project;
// `expected.txt` holds what `lkml lint tests/golden/lint/<case> --color never` prints (stdout
// and the stderr summary), run from the source directory so paths are relative to it. The exit
// status must be 1 exactly when an error is reported. Regenerate with LKML_UPDATE_GOLDEN=1 and
// review the diff: these files are the specification of the messages.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/support/golden.h"
#include "tests/support/test_paths.h"
#include "tests/unit/semantic/semantic_test_util.h"

namespace lkml::semantic {
namespace {

namespace fs = std::filesystem;

const char kLintDir[] = "tests/golden/lint";

std::vector<std::string> lintCases() {
  std::vector<std::string> cases;
  fs::path dir = fs::path(lkml::test::sourceDir()) / kLintDir;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.is_directory()) cases.push_back(entry.path().filename().string());
  }
  std::sort(cases.begin(), cases.end());
  return cases;
}

class GoldenLint : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenLint, MatchesExpectedOutput) {
  const std::string relative = std::string(kLintDir) + "/" + GetParam();
  // stderr (the summary) goes to a file and is appended after stdout, so the order does not
  // depend on stdio buffering.
  test::TempProject scratch;
  std::string stderr_path = scratch.path("stderr.txt");
  std::string output;
  int status =
      lkml::test::runCommand("cd " + test::quoted(lkml::test::sourceDir()) + " && " +
                                 test::quoted(lkml::test::lkmlBinary()) + " lint " + relative +
                                 " --color never 2> " + test::quoted(stderr_path),
                             &output);
  output += lkml::test::readText(stderr_path);
  lkml::test::expectMatchesGolden(lkml::test::sourceDir() + "/" + relative + "/expected.txt",
                                  output);
  bool has_error = output.find(": error[") != std::string::npos;
  EXPECT_EQ(status, has_error ? 1 : 0) << output;
}

INSTANTIATE_TEST_SUITE_P(Cases, GoldenLint, ::testing::ValuesIn(lintCases()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           return info.param;
                         });

}  // namespace
}  // namespace lkml::semantic
