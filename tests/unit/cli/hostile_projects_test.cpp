// Hostile projects: inputs whose size would decide a recursion depth (long `extends` chains,
// deep `${}` chains, nested derived tables, long include chains, many refinements, costly
// include globs, deeply nested JSON) must end in a clear diagnostic, never a stack overflow or
// a hang. Each test generates its project and runs the built lkml binary (`lkml lint`, `lkml
// sql`), so the ASan build (8 MB default stack) checks the same inputs.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "semantic/model_builder.h"
#include "semantic/sql_references.h"
#include "tests/unit/semantic/semantic_test_util.h"

namespace lkml::cli {
namespace {

using semantic::test::quoted;
using semantic::test::runLkml;
using semantic::test::TempProject;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr int kLong = 50000;

const char* kModel = "connection: \"db\"\ninclude: \"/*.view.lkml\"\n";

// Runs lkml with `args`, stdout and stderr together; checks it ends like a program that
// reported findings (exit 1), not like one that crashed (a signal gives >= 128).
std::string lkmlFails(const std::string& args, int expected_exit = 1) {
  std::string output;
  auto start = std::chrono::steady_clock::now();
  int status = runLkml(args, &output, /*merge_stderr=*/true);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(status, expected_exit) << args << "\n" << output.substr(0, 4000);
  EXPECT_THAT(output, Not(HasSubstr("AddressSanitizer")));
  EXPECT_LT(seconds, 30) << args;
  return output;
}

TEST(HostileProjects, LongViewExtendsChainIsReportedAtItsStart) {
  std::string views;
  for (int i = 0; i < kLong - 1; ++i) {
    views += "view: v" + std::to_string(i) + " { extends: [v" + std::to_string(i + 1) + "] }\n";
  }
  views += "view: v" + std::to_string(kLong - 1) +
           " { sql_table_name: t ;; dimension: id { sql: ${TABLE}.id ;; } }\n";
  TempProject p(
      {{"m.model.lkml", std::string(kModel) + "explore: v0 {}\n"}, {"chain.view.lkml", views}});
  std::string lint = lkmlFails("lint " + quoted(p.root()));
  EXPECT_THAT(lint, HasSubstr("error[LKML245]: view `v0` starts an `extends` chain 50000 levels "
                              "deep (v0 -> v1 -> v2 -> v3 -> v4 -> ...); lkml follows at most " +
                              std::to_string(semantic::kMaxExtendsDepth) + " levels"));
  std::string sql = lkmlFails("sql " + quoted(p.root()) + " --explore v0 --fields v0.id");
  EXPECT_THAT(sql, HasSubstr("LKML245"));
}

TEST(HostileProjects, LongExploreExtendsChainIsReportedAtItsStart) {
  std::string explores;
  for (int i = 0; i < kLong - 1; ++i) {
    explores +=
        "explore: e" + std::to_string(i) + " { extends: [e" + std::to_string(i + 1) + "] }\n";
  }
  explores += "explore: e" + std::to_string(kLong - 1) + " { view_name: base }\n";
  TempProject p({{"m.model.lkml", std::string(kModel) + explores},
                 {"base.view.lkml", "view: base { dimension: id { sql: ${TABLE}.id ;; } }\n"}});
  std::string lint = lkmlFails("lint " + quoted(p.root()));
  EXPECT_THAT(lint, HasSubstr("error[LKML245]: explore `e0` starts an `extends` chain 50000 "
                              "levels deep (e0 -> e1 -> e2 -> e3 -> e4 -> ...)"));
  lkmlFails("sql " + quoted(p.root()) + " --explore e0 --fields base.id");
}

TEST(HostileProjects, ExtendsWithinTheLimitStillMerge) {
  // The last definition the limit allows still gets every parent's fields.
  const int depth = static_cast<int>(semantic::kMaxExtendsDepth);
  std::string views;
  for (int i = 0; i < depth - 1; ++i) {
    views += "view: v" + std::to_string(i) + " { extends: [v" + std::to_string(i + 1) +
             "] dimension: d" + std::to_string(i) + " { sql: ${TABLE}.d ;; } }\n";
  }
  views += "view: v" + std::to_string(depth - 1) + " { sql_table_name: t ;; dimension: id {} }\n";
  TempProject p(
      {{"m.model.lkml", std::string(kModel) + "explore: v0 {}\n"}, {"chain.view.lkml", views}});
  std::string output;
  EXPECT_EQ(
      runLkml("sql " + quoted(p.root()) + " --explore v0 --fields v0.id,v0.d98", &output, true), 0)
      << output;
  EXPECT_THAT(output, HasSubstr("FROM t AS v0"));
}

TEST(HostileProjects, DeepReferenceChainIsAnErrorInLintAndSql) {
  std::string view = "view: v {\n  sql_table_name: t ;;\n";
  for (int i = 0; i < kLong - 1; ++i) {
    view += "  dimension: d" + std::to_string(i) + " { sql: ${d" + std::to_string(i + 1) +
            "} + 1 ;; }\n";
  }
  view += "  dimension: d" + std::to_string(kLong - 1) + " { sql: ${TABLE}.x ;; }\n}\n";
  TempProject p({{"m.model.lkml", std::string(kModel) + "explore: v {}\n"}, {"v.view.lkml", view}});
  std::string lint = lkmlFails("lint " + quoted(p.root()));
  EXPECT_THAT(lint, HasSubstr("error[LKML246]: `${}` references starting at `v.d0` nest 50000 "
                              "fields deep (${d0} -> ${d1} -> ${d2} -> ${d3} -> ...); lkml "
                              "compiles chains of at most 64 fields"));
  EXPECT_EQ(lint.find("LKML246", lint.find("LKML246") + 1), std::string::npos)
      << "one finding per chain";
  std::string sql = lkmlFails("sql " + quoted(p.root()) + " --explore v --fields v.d0");
  EXPECT_THAT(sql, HasSubstr("error[LKML430]: `${}` references starting at `v.d0` nest deeper "
                             "than 64 fields (v.d0 -> v.d1 -> ... -> v.d64)"));
  // A chain in the middle is reported at its own start when queried.
  sql = lkmlFails("sql " + quoted(p.root()) + " --explore v --fields v.d1000");
  EXPECT_THAT(sql, HasSubstr("starting at `v.d1000`"));
}

TEST(HostileProjects, ReferenceChainAtTheLimitCompilesAndOneMoreDoesNot) {
  const int limit = static_cast<int>(semantic::kMaxSqlReferenceDepth);
  auto project = [](int fields) {
    std::string view = "view: v {\n  sql_table_name: t ;;\n";
    for (int i = 0; i < fields - 1; ++i) {
      view += "  dimension: d" + std::to_string(i) + " { sql: ${d" + std::to_string(i + 1) +
              "} + 1 ;; }\n";
    }
    view += "  dimension: d" + std::to_string(fields - 1) + " { sql: ${TABLE}.x ;; }\n}\n";
    return view;
  };
  TempProject ok(
      {{"m.model.lkml", std::string(kModel) + "explore: v {}\n"}, {"v.view.lkml", project(limit)}});
  std::string output;
  EXPECT_EQ(runLkml("lint " + quoted(ok.root()), &output, true), 0) << output;
  EXPECT_EQ(runLkml("sql " + quoted(ok.root()) + " --explore v --fields v.d0", &output, true), 0)
      << output;
  EXPECT_THAT(output, HasSubstr("v.x"));
  TempProject deep({{"m.model.lkml", std::string(kModel) + "explore: v {}\n"},
                    {"v.view.lkml", project(limit + 1)}});
  EXPECT_THAT(lkmlFails("lint " + quoted(deep.root())), HasSubstr("LKML246"));
  EXPECT_THAT(lkmlFails("sql " + quoted(deep.root()) + " --explore v --fields v.d0"),
              HasSubstr("LKML430"));
}

TEST(HostileProjects, LongReferenceCycleIsReportedWithAShortChain) {
  std::string view = "view: v {\n  sql_table_name: t ;;\n";
  for (int i = 0; i < kLong; ++i) {
    view += "  dimension: d" + std::to_string(i) + " { sql: ${d" + std::to_string((i + 1) % kLong) +
            "} ;; }\n";
  }
  view += "}\n";
  TempProject p({{"m.model.lkml", std::string(kModel) + "explore: v {}\n"}, {"v.view.lkml", view}});
  std::string lint = lkmlFails("lint " + quoted(p.root()));
  EXPECT_THAT(lint, HasSubstr("reference each other in a cycle: ${d0} -> ${d1} -> ${d2} -> "
                              "${d3} -> ${d4} -> ... -> ${d49995} -> ${d49996} -> ${d49997} -> "
                              "${d49998} -> ${d49999} -> ${d0}"));
  lkmlFails("sql " + quoted(p.root()) + " --explore v --fields v.d0");
}

TEST(HostileProjects, DeeplyNestedDerivedTablesAreAnErrorInSql) {
  std::string views;
  for (int i = 0; i < kLong - 1; ++i) {
    views += "view: v" + std::to_string(i) + " { derived_table: { sql: SELECT * FROM ${v" +
             std::to_string(i + 1) +
             ".SQL_TABLE_NAME} ;; } dimension: id { sql: ${TABLE}.id ;; } }\n";
  }
  views += "view: v" + std::to_string(kLong - 1) + " { sql_table_name: t ;; }\n";
  TempProject p(
      {{"m.model.lkml", std::string(kModel) + "explore: v0 {}\n"}, {"chain.view.lkml", views}});
  std::string sql = lkmlFails("sql " + quoted(p.root()) + " --explore v0 --fields v0.id");
  EXPECT_THAT(sql, HasSubstr("error[LKML430]: derived tables nest deeper than 64 levels (`v0`"));
}

TEST(HostileProjects, LongIncludeChainIsFollowed) {
  TempProject p;
  const int files = kLong / 5;  // 10,000 files: writing more costs the test its time budget
  p.write("m.model.lkml", "connection: \"db\"\ninclude: \"/f0.lkml\"\nexplore: last {}\n");
  for (int i = 0; i < files - 1; ++i) {
    p.write("f" + std::to_string(i) + ".lkml", "include: \"/f" + std::to_string(i + 1) +
                                                   ".lkml\"\nview: v" + std::to_string(i) +
                                                   " { sql_table_name: t ;; }\n");
  }
  p.write("f" + std::to_string(files - 1) + ".lkml",
          "include: \"/f0.lkml\"\nview: last { dimension: id { sql: ${TABLE}.id ;; } }\n");
  std::string output;
  EXPECT_EQ(runLkml("sql " + quoted(p.root()) + " --explore last --fields last.id", &output, true),
            0)
      << output.substr(0, 2000);
  EXPECT_THAT(output, HasSubstr("FROM last\n"));
}

TEST(HostileProjects, ManyRefinementsOfOneView) {
  std::string refinements = "view: v { sql_table_name: t ;; dimension: id {} }\n";
  for (int i = 0; i < kLong; ++i) {
    refinements += "view: +v { dimension: id { label: \"L" + std::to_string(i) + "\" } }\n";
  }
  TempProject p(
      {{"m.model.lkml", std::string(kModel) + "explore: v {}\n"}, {"v.view.lkml", refinements}});
  std::string output;
  EXPECT_EQ(runLkml("sql " + quoted(p.root()) + " --explore v --fields v.id", &output, true), 0)
      << output.substr(0, 2000);
  EXPECT_THAT(output, HasSubstr("AS \"v.id\""));
}

TEST(HostileProjects, IncludeGlobsWithManyStarsStayFast) {
  std::string stars;
  for (int i = 0; i < 40; ++i) stars += "*a";
  std::string globstars;
  for (int i = 0; i < 40; ++i) globstars += "**/";
  TempProject p({{"m.model.lkml", "connection: \"db\"\ninclude: \"/" + stars +
                                      "*b.view.lkml\"\ninclude: \"/" + globstars +
                                      "x*y*z.view.lkml\"\nexplore: v {}\n"},
                 {std::string(60, 'a') + ".view.lkml", "view: v { sql_table_name: t ;; }\n"},
                 {"d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/" + std::string(60, 'x') + ".view.lkml",
                  "view: w { sql_table_name: t ;; }\n"}});
  std::string lint = lkmlFails("lint " + quoted(p.root()));
  EXPECT_THAT(lint, HasSubstr("does not match any file"));
}

TEST(HostileProjects, DeeplyNestedSetsAreAnError) {
  // 10,000 levels: deep enough to overflow an 8 MB stack without the limit; View::findSet is a
  // linear search, so 50,000 sets would spend the time budget in lint's set checks instead.
  const int sets = kLong / 5;
  std::string view = "view: v {\n  sql_table_name: t ;;\n  dimension: id {}\n";
  for (int i = 0; i < sets - 1; ++i) {
    view += "  set: s" + std::to_string(i) + " { fields: [s" + std::to_string(i + 1) + "*] }\n";
  }
  view += "  set: s" + std::to_string(sets - 1) + " { fields: [id] }\n}\n";
  TempProject p({{"m.model.lkml", std::string(kModel) + "explore: v { fields: [v.s0*] }\n"},
                 {"v.view.lkml", view}});
  std::string lint = lkmlFails("lint " + quoted(p.root()));
  EXPECT_THAT(lint, HasSubstr("sets include sets more than 64 levels deep, starting at `v.s0*`"));
  // The explore's list cannot be resolved: the query sees no field rather than a guess.
  lkmlFails("sql " + quoted(p.root()) + " --explore v --fields v.id");
}

TEST(HostileProjects, DeeplyNestedBlocksAndQueryJson) {
  std::string nested = "view: v {\n";
  for (int i = 0; i < kLong; ++i) nested += "a: {";
  TempProject p(
      {{"m.model.lkml", std::string(kModel) + "explore: v {}\n"}, {"v.view.lkml", nested}});
  EXPECT_THAT(lkmlFails("lint " + quoted(p.root())), HasSubstr("LKML107"));
  std::string deep_json(kLong * 4, '[');
  p.write("q.json", "{\"view\": \"v\", \"fields\": " + deep_json + "}");
  lkmlFails("sql " + quoted(p.root()) + " --query " + quoted(p.path("q.json")), 2);
}

}  // namespace
}  // namespace lkml::cli
