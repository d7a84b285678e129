// `lkml lint` options that change how the work is done, not what is found: --jobs (parallel
// parsing and view lowering must report exactly what one thread reports), --syntax-only (parse
// only), --timings, and repeatable options placed before the project path.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "tests/unit/semantic/semantic_test_util.h"

namespace lkml::semantic {
namespace {

using test::quoted;
using test::runLkml;
using test::TempProject;
using ::testing::HasSubstr;
using ::testing::Not;

// A project large enough for view lowering to use threads (it does from 256 views), with
// findings made while lowering (LKML202 bad enum values) and while checking (LKML205).
void writeManyViews(TempProject& p, int views) {
  p.write("manifest.lkml", "project_name: \"many\"\n");
  std::string model = "connection: \"db\"\ninclude: \"/views/*.view.lkml\"\n";
  for (int i = 0; i < views; ++i) {
    std::string name = "v" + std::to_string(i);
    std::string text = "view: " + name + " {\n  sql_table_name: public." + name + " ;;\n" +
                       "  dimension: id { primary_key: yes type: number }\n";
    if (i % 7 == 0) text += "  dimension: bad_type { type: numbr }\n";
    if (i % 11 == 0) text += "  dimension: bad_ref { sql: ${missing_" + name + "} ;; }\n";
    if (i % 13 == 0) {
      text +=
          "  dimension_group: created { type: time timeframes: [date, wek] "
          "sql: ${TABLE}.created ;; }\n";
    }
    text += "  measure: count { type: count }\n}\n";
    p.write("views/" + name + ".view.lkml", text);
    if (i % 10 == 0) model += "explore: " + name + " {}\n";
  }
  p.write("many.model.lkml", model);
}

TEST(LintJobs, ManyThreadsReportExactlyWhatOneThreadReports) {
  TempProject p;
  writeManyViews(p, 400);
  std::string one, two, four;
  EXPECT_EQ(runLkml("lint " + quoted(p.root()) + " --format json -j 1", &one), 1);
  EXPECT_EQ(runLkml("lint " + quoted(p.root()) + " --format json -j 2", &two), 1);
  EXPECT_EQ(runLkml("lint " + quoted(p.root()) + " --format json -j 4", &four), 1);
  EXPECT_EQ(one, two);
  EXPECT_EQ(one, four);
  // 58 bad types, 37 bad references, 31 bad timeframes: the findings are really there.
  EXPECT_THAT(one, HasSubstr("\"errors\": " + std::to_string(58 + 37 + 31)));
}

// A project whose one model is built in parallel inside (docs/performance.md): enough files
// for the include globs to be matched on threads, `extends` chains and refinements resolved
// level by level, explores lowered in parts, and findings from each of those stages and from
// the checks that run in parts (access grants, field lists, filter expressions).
void writeParallelModel(TempProject& p, int views, int explores) {
  p.write("manifest.lkml", "project_name: \"wide\"\n");
  p.write("a.model.lkml",
          "connection: \"db\"\ninclude: \"/views/*.view.lkml\"\n"
          "include: \"/refinements/*.view.lkml\"\ninclude: \"/explores/*.explore.lkml\"\n"
          "access_grant: g { user_attribute: dept allowed_values: [\"x\"] }\n");
  p.write("b.model.lkml",
          "connection: \"db\"\ninclude: \"/views/*.view.lkml\"\n"
          "include: \"/explores/e1*.explore.lkml\"\n");
  std::string refinements;
  for (int i = 0; i < views; ++i) {
    std::string name = "v" + std::to_string(i);
    std::string text = "view: " + name + " {\n  sql_table_name: public." + name + " ;;\n";
    if (i % 3 == 1) text += "  extends: [v" + std::to_string(i - 1) + "]\n";
    if (i % 3 == 2) text += "  extends: [v" + std::to_string(i - 1) + ", v0]\n";
    text += "  dimension: id" + std::to_string(i) + " { primary_key: yes type: number }\n";
    if (i % 7 == 0) text += "  dimension: bad_type { type: numbr }\n";
    if (i % 11 == 0) text += "  dimension: bad_ref { sql: ${missing_" + name + "} ;; }\n";
    if (i % 13 == 0) {
      text += "  measure: filtered { type: count filters: [" + name + ".id" + std::to_string(i) +
              ": \">>5\"] }\n";
    }
    if (i % 17 == 0) text += "  required_access_grants: [nope]\n";
    text += "  measure: total" + std::to_string(i) + " { type: sum sql: ${id" + std::to_string(i) +
            "} ;; }\n}\n";
    p.write("views/" + name + ".view.lkml", text);
    if (i % 5 == 0) {
      refinements += "view: +" + name + " {\n  dimension: refined { type: strin }\n}\n";
    }
  }
  p.write("refinements/all.view.lkml", refinements);
  for (int e = 0; e < explores; ++e) {
    std::string view = "v" + std::to_string(e * 3 % views);
    std::string id = view + ".id" + std::to_string(e * 3 % views);
    std::string text = "include: \"/views/*.view.lkml\"\n";
    if (e % 10 == 0) text += "include: \"/view/missing.view\"\n";
    text += "explore: e" + std::to_string(e) + " {\n  view_name: " + view + "\n";
    if (e % 6 == 0) text += "  fields: [ALL_FIELDS*, -" + id + "]\n";
    if (e % 8 == 0) text += "  always_filter: { filters: [" + id + ": \">>1\"] }\n";
    text += "  join: j { from: v1 relationship: " +
            std::string(e % 9 == 0 ? "many_to_any" : "many_to_one") + " sql_on: 1 = 1 ;; }\n}\n";
    p.write("explores/e" + std::to_string(e) + ".explore.lkml", text);
  }
}

TEST(LintJobs, ParallelModelBuildingAndChecksReportExactlyWhatOneThreadReports) {
  TempProject p;
  writeParallelModel(p, 600, 90);
  std::string one, two, four;
  EXPECT_EQ(runLkml("lint " + quoted(p.root()) + " --format json -j 1", &one), 1);
  EXPECT_EQ(runLkml("lint " + quoted(p.root()) + " --format json -j 2", &two), 1);
  EXPECT_EQ(runLkml("lint " + quoted(p.root()) + " --format json -j 4", &four), 1);
  EXPECT_EQ(one, two);
  EXPECT_EQ(one, four);
  // The findings of each stage that runs in parts are really there.
  for (const char* code : {"LKML202", "LKML205", "LKML212", "LKML216", "LKML237", "LKML44"}) {
    EXPECT_THAT(one, HasSubstr("\"code\": \"" + std::string(code))) << code;
  }
}

TEST(LintSyntaxOnly, ParsesWithoutBuildingModels) {
  TempProject p;
  writeManyViews(p, 20);
  std::string out;
  EXPECT_EQ(runLkml("lint " + quoted(p.root()) + " --syntax-only --color never", &out, true), 0);
  EXPECT_THAT(out, Not(HasSubstr("LKML2")));
  EXPECT_THAT(out, HasSubstr("lkml: 22 files checked, 0 errors, 0 warnings"));
  p.write("views/broken.view.lkml", "view: broken {\n  dimension: x {\n");
  EXPECT_EQ(runLkml("lint " + quoted(p.root()) + " --syntax-only --color never", &out, true), 1);
  EXPECT_THAT(out, HasSubstr("broken.view.lkml:"));
  EXPECT_THAT(out, HasSubstr("error[LKML1"));
  EXPECT_THAT(out, Not(HasSubstr("LKML2")));
}

TEST(LintTimings, PrintsEachPhaseOnStderr) {
  TempProject p;
  writeManyViews(p, 10);
  std::string out;
  // stderr only: the diagnostics on stdout are dropped.
  auto stderrOf = [&](const std::string& flags) {
    return lkml::test::runCommand(quoted(lkml::test::lkmlBinary()) + " lint " + quoted(p.root()) +
                                      " --color never " + flags + " 2>&1 >/dev/null",
                                  &out);
  };
  EXPECT_EQ(stderrOf("--timings"), 1);
  for (const char* phase : {"lkml: timings (wall", "ms CPU", "CPU/wall", "read and parse",
                            "build models", "semantic checks", "total"}) {
    EXPECT_THAT(out, HasSubstr(phase));
  }
  EXPECT_EQ(stderrOf(""), 1);
  EXPECT_THAT(out, Not(HasSubstr("timings")));
}

// A repeatable option takes one value per occurrence, so the path after it stays the path.
TEST(LintCliParsing, RepeatableOptionBeforeThePath) {
  TempProject p;
  writeManyViews(p, 10);
  std::string out;
  EXPECT_EQ(runLkml("lint --rule LKML202=off --rule LKML205=off --rule LKML223=off " +
                        quoted(p.root()) + " --color never",
                    &out, true),
            0)
      << out;
  EXPECT_THAT(out, HasSubstr("0 errors"));
  const std::string looker = quoted(lkml::test::sourceDir() + "/looker");
  EXPECT_EQ(runLkml("sql --user-attribute company_id=2 " + looker +
                        " --explore users_company --fields users.first_name --access-level company",
                    &out),
            0);
  EXPECT_THAT(out, HasSubstr("SELECT"));
}

}  // namespace
}  // namespace lkml::semantic
