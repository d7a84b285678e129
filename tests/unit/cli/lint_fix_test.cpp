// `lkml lint --fix` / `--diff` and `lkml lint - --stdin-filename` (issue 14): the fixes lkml is
// sure of are applied to the bytes (comments and layout stay), the fixed project lints clean of
// what was fixed, and standard input is linted as the named file of its project.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/lint_fix.h"
#include "tests/unit/semantic/semantic_test_util.h"

namespace lkml::semantic {
namespace {

using test::quoted;
using test::runLkml;
using test::TempProject;
using ::testing::HasSubstr;
using ::testing::Not;

const char* kModel = R"(connection: "db"
include: "/views/*.view"
explore: orders {
  # why users are joined
  join: users {
    type: left_outr
    sql_on: ${orders.user_id} = ${users.id} ;;
  }
}
)";

const char* kOrders = R"(view: orders {
  dimension: id { primary_key: yes type: number }
  dimension: user_id {
    type: number
    labl: "User"  # a label
  }
  measure: total {
    type: sum
    sql: ${user_idd} ;;
    description: "all"
    description: "all"
  }
  dimension: status {
    label: "A"
    label: "B"
  }
}
)";

const char* kUsers = R"(view: users {
  dimension: id { primary_key: yes type: number }
}
)";

TempProject project() {
  return TempProject({{"manifest.lkml", "project_name: \"p\"\n"},
                      {"m.model.lkml", kModel},
                      {"views/orders.view.lkml", kOrders},
                      {"views/users.view.lkml", kUsers}});
}

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(LintFix, AppliesTheCertainFixesAndKeepsTheRest) {
  TempProject p = project();
  std::string out;
  EXPECT_EQ(runLkml("lint " + quoted(p.root()) + " --fix", &out, true), 0) << out;
  EXPECT_THAT(out, HasSubstr("5 fixes applied in 2 files"));
  // The re-lint: only the differing duplicate (a choice lkml cannot make) remains, a warning.
  EXPECT_THAT(out, HasSubstr("LKML231"));
  EXPECT_THAT(out, HasSubstr("0 errors, 1 warning"));
  EXPECT_EQ(read(p.path("m.model.lkml")), R"(connection: "db"
include: "/views/*.view"
explore: orders {
  # why users are joined
  join: users {
    type: left_outer
    sql_on: ${orders.user_id} = ${users.id} ;;
    relationship: many_to_one
  }
}
)");
  EXPECT_EQ(read(p.path("views/orders.view.lkml")), R"(view: orders {
  dimension: id { primary_key: yes type: number }
  dimension: user_id {
    type: number
    label: "User"  # a label
  }
  measure: total {
    type: sum
    sql: ${user_id} ;;
    description: "all"
  }
  dimension: status {
    label: "A"
    label: "B"
  }
}
)");
  // Nothing left to fix: a second run changes nothing.
  EXPECT_EQ(runLkml("lint " + quoted(p.root()) + " --fix", &out, true), 0) << out;
  EXPECT_THAT(out, HasSubstr("0 fixes applied in 0 files"));
}

TEST(LintFix, DiffPrintsTheEditsAndWritesNothing) {
  TempProject p = project();
  std::string out;
  EXPECT_EQ(runLkml("lint " + quoted(p.root()) + " --fix --diff", &out), 1) << out;
  EXPECT_THAT(out, HasSubstr("--- " + p.path("m.model.lkml") + "\n+++ " + p.path("m.model.lkml")));
  EXPECT_THAT(out, HasSubstr("-    type: left_outr\n+    type: left_outer\n"));
  EXPECT_THAT(out, HasSubstr("+    relationship: many_to_one\n"));
  EXPECT_THAT(out, HasSubstr("-    sql: ${user_idd} ;;\n"));
  EXPECT_THAT(out, HasSubstr("+    sql: ${user_id} ;;\n"));
  EXPECT_EQ(read(p.path("m.model.lkml")), kModel);
  EXPECT_EQ(read(p.path("views/orders.view.lkml")), kOrders);
}

TEST(LintFix, SuppressedFindingsKeepTheirText) {
  TempProject p = project();
  p.write("m.model.lkml", std::string(kModel).replace(std::string(kModel).find("  join: users"), 0,
                                                      "  # lkml: disable=LKML209\n"));
  std::string out;
  runLkml("lint " + quoted(p.root()) + " --fix", &out, true);
  EXPECT_THAT(read(p.path("m.model.lkml")), Not(HasSubstr("relationship")));
  EXPECT_THAT(read(p.path("m.model.lkml")), HasSubstr("left_outer"));
}

TEST(LintFix, JsonAndSarifCarryTheEdits) {
  TempProject p = project();
  std::string out;
  runLkml("lint " + quoted(p.root()) + " --format json", &out);
  auto json = nlohmann::json::parse(out);
  std::string model = read(p.path("m.model.lkml"));
  bool type_fix = false, relationship_fix = false;
  for (const auto& d : json["diagnostics"]) {
    if (!d.contains("fixes")) continue;
    for (const auto& f : d["fixes"]) {
      if (f["replacement"] == "left_outer") {
        size_t begin = f["offset"].get<size_t>(), end = f["end_offset"].get<size_t>();
        type_fix = model.substr(begin, end - begin) == "left_outr";
      }
      // Placed as --fix writes it: its own line, indented like the join's members.
      if (f["replacement"] == "    relationship: many_to_one\n") relationship_fix = true;
    }
  }
  EXPECT_TRUE(type_fix) << out;
  EXPECT_TRUE(relationship_fix) << out;
  runLkml("lint " + quoted(p.root()) + " --format sarif", &out);
  auto sarif = nlohmann::json::parse(out);
  bool found = false;
  for (const auto& r : sarif["runs"][0]["results"]) {
    if (!r.contains("fixes")) continue;
    const auto& replacement = r["fixes"][0]["artifactChanges"][0]["replacements"][0];
    if (replacement["insertedContent"]["text"] == "user_id") {
      EXPECT_EQ(replacement["deletedRegion"]["byteLength"], 8);  // user_idd
      found = true;
    }
  }
  EXPECT_TRUE(found) << out;
}

TEST(LintFix, MisspelledJoinAliasAndFromAlias) {
  TempProject p({{"manifest.lkml", "project_name: \"p\"\n"},
                 {"m.model.lkml", R"(connection: "db"
include: "/views/*.view"
explore: orders {
  join: buyers {
    from: users
    relationship: many_to_one
    sql_on: ${ordrs.user_id} = ${users.id} ;;
  }
}
)"},
                 {"views/orders.view.lkml", kOrders},
                 {"views/users.view.lkml", kUsers}});
  std::string out;
  runLkml("lint " + quoted(p.root()) + " --fix", &out, true);
  EXPECT_THAT(read(p.path("m.model.lkml")),
              HasSubstr("sql_on: ${orders.user_id} = ${buyers.id} ;;"));
}

TEST(LintFix, DiffWithoutFixIsAUsageError) {
  TempProject p = project();
  std::string out;
  EXPECT_EQ(runLkml("lint " + quoted(p.root()) + " --diff", &out, true), 2) << out;
  EXPECT_THAT(out, HasSubstr("add --fix"));
}

TEST(LintStdin, LintsTheTextAsTheNamedFileOfItsProject) {
  TempProject p = project();
  p.write("in.view.lkml",
          "view: users {\n  dimension: id { primary_key: yes }\n"
          "  dimension: x { sql: ${idd} ;; }\n}\n");
  std::string out;
  // The file on disk is clean; standard input has the typo, and is checked with the project.
  int rc = runLkml("lint - --stdin-filename " + quoted(p.path("views/users.view.lkml")) + " < " +
                       quoted(p.path("in.view.lkml")),
                   &out, true);
  EXPECT_EQ(rc, 1) << out;
  EXPECT_THAT(out, HasSubstr("users.view.lkml:3:"));
  EXPECT_THAT(out, HasSubstr("unknown field `idd`"));
  // Findings of the other files are not reported (the model's left_outr).
  EXPECT_THAT(out, Not(HasSubstr("left_outr")));
  EXPECT_EQ(read(p.path("views/users.view.lkml")), kUsers);
}

TEST(LintStdin, FixPrintsTheFixedTextAndLeavesTheFile) {
  TempProject p = project();
  p.write("in.view.lkml",
          "view: users {\n  dimension: id { primary_key: yes }\n"
          "  dimension: x { sql: ${idd} ;; }\n}\n");
  std::string out;
  EXPECT_EQ(runLkml("lint - --fix --stdin-filename " + quoted(p.path("views/users.view.lkml")) +
                        " < " + quoted(p.path("in.view.lkml")),
                    &out),
            0);
  EXPECT_EQ(out,
            "view: users {\n  dimension: id { primary_key: yes }\n"
            "  dimension: x { sql: ${id} ;; }\n}\n");
  EXPECT_EQ(read(p.path("views/users.view.lkml")), kUsers);
}

TEST(LintStdin, DashNeedsStdinFilename) {
  std::string out;
  EXPECT_EQ(runLkml("lint - < /dev/null", &out, true), 2) << out;
  EXPECT_THAT(out, HasSubstr("--stdin-filename"));
}

// ---- the edits themselves ------------------------------------------------------------------

TEST(ApplyFixes, RepeatedEditsApplyOnceAndDisagreeingOnesNotAtAll) {
  std::string text = "abcdef\n";
  size_t applied = 0;
  EXPECT_EQ(cli::applyFixes(text, {{{0, 1, 3}, "X"}, {{0, 1, 3}, "X"}, {{0, 4, 5}, "Z"}}, &applied),
            "aXdZf\n");
  EXPECT_EQ(applied, 2u);
  EXPECT_EQ(cli::applyFixes(text, {{{0, 1, 3}, "X"}, {{0, 2, 4}, "Y"}, {{0, 5, 6}, "W"}}, &applied),
            "abcdeW\n");
  EXPECT_EQ(applied, 1u);
  EXPECT_EQ(cli::applyFixes(text, {{{0, 1, 3}, "X"}, {{0, 1, 3}, "Y"}}, &applied), text);
  EXPECT_EQ(applied, 0u);
}

TEST(ApplyFixes, RemovalTakesItsBlankLine) {
  std::string text = "a {\n  x: 1\n  x: 1\n}\n";
  size_t applied = 0;
  EXPECT_EQ(cli::applyFixes(text, {{{0, 13, 17}, ""}}, &applied), "a {\n  x: 1\n}\n");
}

TEST(ApplyFixes, OwnLineInsertionInOneLineBlockStaysInline) {
  std::string text = "join: u { sql_on: x ;; }\n";
  Fix fix{{0, 23, 23}, "relationship: many_to_one", true};
  size_t applied = 0;
  EXPECT_EQ(cli::applyFixes(text, {fix}, &applied),
            "join: u { sql_on: x ;;  relationship: many_to_one }\n");
}

TEST(UnifiedDiff, HunksWithContext) {
  std::string before, after;
  for (int i = 1; i <= 20; ++i) {
    before += std::to_string(i) + "\n";
    after += (i == 10 ? "ten" : std::to_string(i)) + "\n";
  }
  EXPECT_EQ(cli::unifiedDiff("f", before, after),
            "--- a/f\n+++ b/f\n@@ -7,7 +7,7 @@\n 7\n 8\n 9\n-10\n+ten\n 11\n 12\n 13\n");
  EXPECT_EQ(cli::unifiedDiff("f", before, before), "");
}

}  // namespace
}  // namespace lkml::semantic
