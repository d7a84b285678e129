// `lkml fmt` as a command: rewrites in place, --check, --diff, standard input, folders walked
// for .lkml files (not .git or node_modules), files with syntax errors left byte for byte as
// they were, and the exit codes of cli/exit_codes.h.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tests/unit/semantic/semantic_test_util.h"

namespace lkml::semantic {
namespace {

using test::quoted;
using test::runLkml;
using test::TempProject;
using ::testing::HasSubstr;
using ::testing::Not;

const char* kUgly = "view: a {dimension: x {type: string   \nsql: ${TABLE}.x  ;;}}";
const char* kPretty =
    "view: a {\n  dimension: x {\n    type: string\n    sql: ${TABLE}.x ;;\n  }\n}\n";
const char* kBroken = "view: b {\n  dimension: y {\n    type: string\n";

TempProject project() {
  return TempProject({{"views/a.view.lkml", kUgly},
                      {"views/ok.view.lkml", kPretty},
                      {"node_modules/x/c.view.lkml", kUgly},
                      {".git/d.view.lkml", kUgly},
                      {"README.md", "not LookML {"}});
}

TEST(FmtCliTest, RewritesFilesInPlaceAndSkipsNodeModulesAndGit) {
  TempProject p = project();
  chmod(p.path("views/a.view.lkml").c_str(), 0640);
  std::string out;
  EXPECT_EQ(runLkml("fmt " + quoted(p.root()), &out, true), 0) << out;
  EXPECT_THAT(out, HasSubstr("1 file reformatted, 1 unchanged"));
  EXPECT_EQ(lkml::test::readText(p.path("views/a.view.lkml")), kPretty);
  EXPECT_EQ(lkml::test::readText(p.path("node_modules/x/c.view.lkml")), kUgly);
  EXPECT_EQ(lkml::test::readText(p.path(".git/d.view.lkml")), kUgly);
  struct stat st {};
  ASSERT_EQ(stat(p.path("views/a.view.lkml").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0640u);  // the atomic rename keeps the permissions
  EXPECT_EQ(runLkml("fmt " + quoted(p.root()), &out, true), 0);
  EXPECT_THAT(out, HasSubstr("0 files reformatted, 2 unchanged"));
}

TEST(FmtCliTest, AFileNamedTwiceIsFormattedOnce) {
  TempProject p = project();
  std::string out;
  EXPECT_EQ(
      runLkml("fmt " + quoted(p.path("views/a.view.lkml")) + " " +
                  quoted(p.path("views/../views/./a.view.lkml")) + " " + quoted(p.path("views")),
              &out, true),
      0)
      << out;
  EXPECT_THAT(out, HasSubstr("1 file reformatted, 1 unchanged"));
  EXPECT_EQ(lkml::test::readText(p.path("views/a.view.lkml")), kPretty);
}

TEST(FmtCliTest, CheckListsFilesThatWouldChangeAndExitsOne) {
  TempProject p = project();
  std::string out;
  EXPECT_EQ(runLkml("fmt --check " + quoted(p.root()), &out), 1);
  EXPECT_THAT(out, HasSubstr("views/a.view.lkml"));
  EXPECT_THAT(out, Not(HasSubstr("ok.view.lkml")));
  EXPECT_EQ(lkml::test::readText(p.path("views/a.view.lkml")), kUgly);
  EXPECT_EQ(runLkml("fmt --check " + quoted(p.path("views/ok.view.lkml")), &out), 0);
  EXPECT_EQ(out, "");
}

TEST(FmtCliTest, DiffPrintsAUnifiedDiffAndWritesNothing) {
  TempProject p = project();
  std::string out;
  EXPECT_EQ(runLkml("fmt --diff " + quoted(p.path("views/a.view.lkml")), &out), 0);
  EXPECT_THAT(out, HasSubstr("--- " + p.path("views/a.view.lkml")));
  EXPECT_THAT(out, HasSubstr("+    sql: ${TABLE}.x ;;\n"));
  EXPECT_THAT(out, HasSubstr("-view: a {dimension: x {type: string   \n"));
  EXPECT_EQ(lkml::test::readText(p.path("views/a.view.lkml")), kUgly);
  EXPECT_EQ(runLkml("fmt --diff --check " + quoted(p.path("views/a.view.lkml")), &out), 1);
}

TEST(FmtCliTest, StandardInputToStandardOutput) {
  TempProject p = project();
  std::string out;
  EXPECT_EQ(lkml::test::runCommand("printf '%s' " + quoted(kUgly) + " | " +
                                       quoted(lkml::test::lkmlBinary()) + " fmt - 2>/dev/null",
                                   &out),
            0);
  EXPECT_EQ(out, kPretty);
  EXPECT_EQ(
      lkml::test::runCommand("printf '%s' " + quoted(kPretty) + " | " +
                                 quoted(lkml::test::lkmlBinary()) + " fmt --check - 2>/dev/null",
                             &out),
      0);
  // A syntax error: the input comes back unchanged, the error names line and column.
  EXPECT_EQ(lkml::test::runCommand("printf '%s' " + quoted(kBroken) + " | " +
                                       quoted(lkml::test::lkmlBinary()) + " fmt - 2>&1 >/dev/null",
                                   &out),
            1);
  EXPECT_THAT(out, HasSubstr("<stdin>:"));
  EXPECT_EQ(lkml::test::runCommand("printf '%s' " + quoted(kBroken) + " | " +
                                       quoted(lkml::test::lkmlBinary()) + " fmt - 2>/dev/null",
                                   &out),
            1);
  EXPECT_EQ(out, kBroken);
}

TEST(FmtCliTest, FilesWithSyntaxErrorsAreLeftUntouchedWithAnError) {
  TempProject p = project();
  p.write("views/b.view.lkml", kBroken);
  std::string out;
  EXPECT_EQ(runLkml("fmt " + quoted(p.root()), &out, true), 1);
  EXPECT_THAT(out, HasSubstr("b.view.lkml:2:16: error[LKML102]"));  // file:line:col of the error
  EXPECT_THAT(out, HasSubstr("has syntax errors and was left unchanged"));
  EXPECT_EQ(lkml::test::readText(p.path("views/b.view.lkml")), kBroken);
  EXPECT_EQ(lkml::test::readText(p.path("views/a.view.lkml")), kPretty);  // the others still are
}

TEST(FmtCliTest, SymbolicLinksStayLinksAndWarningsAreLint) {
  TempProject p = project();
  p.write("views/colon.view.lkml", "view: c { measure:: n { type: count } }");
  ASSERT_EQ(symlink(p.path("views/a.view.lkml").c_str(), p.path("link.view.lkml").c_str()), 0);
  std::string out;
  EXPECT_EQ(runLkml("fmt " + quoted(p.path("link.view.lkml")) + " " +
                        quoted(p.path("views/colon.view.lkml")),
                    &out, true),
            0);
  EXPECT_THAT(out, Not(HasSubstr("LKML115")));  // `key::` is corrected, not reported
  struct stat st {};
  ASSERT_EQ(lstat(p.path("link.view.lkml").c_str(), &st), 0);
  EXPECT_TRUE(S_ISLNK(st.st_mode));
  EXPECT_EQ(lkml::test::readText(p.path("views/a.view.lkml")), kPretty);
  EXPECT_EQ(lkml::test::readText(p.path("views/colon.view.lkml")),
            "view: c {\n  measure: n {\n    type: count\n  }\n}\n");
}

TEST(FmtCliTest, UsageErrorsExitTwo) {
  TempProject p = project();
  std::string out;
  EXPECT_EQ(runLkml("fmt " + quoted(p.path("missing.view.lkml")), &out, true), 2);
  EXPECT_THAT(out, HasSubstr("does not exist"));
  EXPECT_EQ(runLkml("fmt " + quoted(p.path("README.md")), &out, true), 2);
  EXPECT_THAT(out, HasSubstr("not a LookML file"));
  EXPECT_EQ(runLkml("fmt - " + quoted(p.root()), &out, true), 2);
  p.write("docs/notes.txt", "not LookML");
  EXPECT_EQ(runLkml("fmt " + quoted(p.path("docs")), &out, true), 2);
  EXPECT_THAT(out, HasSubstr("no .lkml file under"));
  EXPECT_EQ(runLkml("fmt", &out, true), 2);
}

}  // namespace
}  // namespace lkml::semantic
