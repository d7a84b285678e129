// Golden tests of the parser: for every tests/golden/syntax/<case>/input.lkml,
//   expected.json  the lkml.load()-shaped JSON (grammar::toLkmlJson),
//   expected.tree  the indented tree with positions (grammar::dumpTree),
//   expected.diag  the text diagnostics, without colour ("" when the file is valid).
// The input path in expected.diag is relative to the source tree, so goldens do not depend
// on where the project is checked out. Regenerate with LKML_UPDATE_GOLDEN=1, then review the
// diff by eye: these files are the specification.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "base/diagnostic_renderer.h"
#include "grammar/parse.h"
#include "grammar/tree_dump.h"
#include "tests/support/golden.h"
#include "tests/support/test_paths.h"

namespace lkml::test {
namespace {

namespace fs = std::filesystem;

const char kSyntaxDir[] = "tests/golden/syntax";

std::vector<std::string> syntaxCases() {
  std::vector<std::string> cases;
  fs::path dir = fs::path(sourceDir()) / kSyntaxDir;
  if (!fs::is_directory(dir)) return cases;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.is_directory() && fs::exists(entry.path() / "input.lkml")) {
      cases.push_back(entry.path().filename().string());
    }
  }
  std::sort(cases.begin(), cases.end());
  return cases;
}

class SyntaxGoldenTest : public testing::TestWithParam<std::string> {};

TEST_P(SyntaxGoldenTest, MatchesExpectedOutput) {
  const std::string relative = std::string(kSyntaxDir) + "/" + GetParam();
  const std::string dir = sourceDir() + "/" + relative;
  SourceMap sources;
  const SourceFile& file = sources.add(relative + "/input.lkml", readText(dir + "/input.lkml"));
  DiagnosticBag diagnostics;
  syntax::Document doc = grammar::parse(file, diagnostics);
  diagnostics.sort();

  std::string json =
      grammar::toLkmlJson(doc).dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
  expectMatchesGolden(dir + "/expected.json", json + "\n");
  std::ostringstream tree;
  grammar::dumpTree(tree, doc);
  expectMatchesGolden(dir + "/expected.tree", tree.str());
  std::ostringstream diag;
  renderText(diag, diagnostics.diagnostics(), sources, RenderOptions{});
  expectMatchesGolden(dir + "/expected.diag", diag.str());
  EXPECT_EQ(doc.complete,
            !diagnostics.hasErrors() ||
                (diagnostics.diagnostics().size() == 1 &&
                 diagnostics.diagnostics()[0].code == static_cast<int>(DiagCode::invalid_utf8)));
}

INSTANTIATE_TEST_SUITE_P(Syntax, SyntaxGoldenTest, testing::ValuesIn(syntaxCases()),
                         [](const testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

TEST(GoldenCasesTest, EnoughSyntaxCases) { EXPECT_GE(syntaxCases().size(), 25u); }

}  // namespace
}  // namespace lkml::test
