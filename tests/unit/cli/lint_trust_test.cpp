// `lkml lint` as CI and pre-commit use it (issue 14): never a silent green, rule selection,
// lkml.json errors with positions, suppression hygiene, baselines, CI formats, `lkml explain`.
// Each test runs the built binary and checks the exit code and the output.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

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
  join: users {
    relationship: many_to_one
    sql_on: ${orders.user_id} = ${users.id} ;;
  }
}
)";

const char* kOrders = R"(view: orders {
  dimension: id { primary_key: yes type: number }
  dimension: user_id { type: number }
  dimension: total { type: number sql: ${amount} ;; }
  dimension: amount { type: number }
}
)";

const char* kUsers = R"(view: users {
  dimension: id { primary_key: yes type: number }
  dimension: name {}
}
)";

TempProject project() {
  return TempProject({{"manifest.lkml", "project_name: \"p\"\n"},
                      {"m.model.lkml", kModel},
                      {"views/orders.view.lkml", kOrders},
                      {"views/users.view.lkml", kUsers}});
}

int lint(const std::string& args, std::string* out) {
  return runLkml("lint " + args, out, /*merge_stderr=*/true);
}

// ---- never a silent green ----------------------------------------------------------------------

TEST(LintTargets, NoLookmlFilesIsAUsageError) {
  TempProject p({{"README.md", "# not LookML\n"}});
  std::string out;
  EXPECT_EQ(lint(quoted(p.root()), &out), 2) << out;
  EXPECT_THAT(out, HasSubstr("no LookML files found under"));
}

TEST(LintTargets, NonLookmlFileIsAUsageError) {
  TempProject p({{"README.md", "# not LookML\n"}, {"a.view.lkml", "view: a {}\n"}});
  std::string out;
  EXPECT_EQ(lint(quoted(p.path("README.md")), &out), 2) << out;
  EXPECT_THAT(out, HasSubstr("is not a LookML file"));
}

TEST(LintTargets, FileInProjectRunsCrossFileChecks) {
  TempProject p = project();
  // A typo in orders breaks a reference in the same file; users is clean.
  p.write("views/orders.view.lkml",
          std::string(kOrders).replace(std::string(kOrders).find("${amount}"), 9, "${amonut}"));
  std::string out;
  EXPECT_EQ(lint(quoted(p.path("views/orders.view.lkml")), &out), 1) << out;
  EXPECT_THAT(out, HasSubstr("LKML205"));
  EXPECT_THAT(out, HasSubstr("amonut"));
  // Linting only users.view.lkml does not report orders' own problem...
  EXPECT_EQ(lint(quoted(p.path("views/users.view.lkml")), &out), 0) << out;
  EXPECT_THAT(out, Not(HasSubstr("amonut")));
  // ...but renaming a users field that the model's join uses is reported where it breaks.
  p.write("views/orders.view.lkml", kOrders);
  p.write("views/users.view.lkml", "view: users {\n  dimension: user_pk { primary_key: yes }\n}\n");
  EXPECT_EQ(lint(quoted(p.path("views/users.view.lkml")), &out), 1) << out;
  EXPECT_THAT(out, HasSubstr("m.model.lkml"));
  EXPECT_THAT(out, HasSubstr("users.id"));
}

TEST(LintTargets, LooseFileGetsSyntaxChecksAndANote) {
  TempProject p({{"scratch.view.lkml", "view: a { dimension: b {} }\n"}});
  std::string out;
  EXPECT_EQ(lint(quoted(p.path("scratch.view.lkml")), &out), 0) << out;
  EXPECT_THAT(out, HasSubstr("info[LKML122]"));
  EXPECT_THAT(out, HasSubstr("semantic checks skipped"));
}

// ---- rule selection
// ------------------------------------------------------------------------------

TEST(RuleSelection, SelectIgnoreWarnTakeCodesSlugsAndFamilies) {
  TempProject p = project();
  p.write("m.model.lkml",
          "connection: \"db\"\ninclude: \"/views/*.view\"\nexplore: orders {\n"
          "  join: users { sql_on: ${orders.user_id} = ${users.id} ;; }\n}\n");
  std::string out;
  EXPECT_EQ(lint(quoted(p.root()), &out), 0) << out;
  EXPECT_THAT(out, HasSubstr("LKML209"));
  EXPECT_EQ(lint(quoted(p.root()) + " --ignore missing-relationship", &out), 0);
  EXPECT_THAT(out, Not(HasSubstr("LKML209")));
  EXPECT_EQ(lint(quoted(p.root()) + " --select LKML1", &out), 0);
  EXPECT_THAT(out, Not(HasSubstr("LKML209")));
  EXPECT_EQ(lint(quoted(p.root()) + " --select LKML20x --rule LKML209=error", &out), 1);
  EXPECT_THAT(out, HasSubstr("error[LKML209]"));
  EXPECT_EQ(lint(quoted(p.root()) + " --rule missing-relationship=error --warn LKML2", &out), 1);
  EXPECT_EQ(lint(quoted(p.root()) + " --select LKML9", &out), 2);
  EXPECT_THAT(out, HasSubstr("unknown rule `LKML9`"));
}

TEST(RuleSelection, ConfigOverridesAndExclude) {
  TempProject p = project();
  p.write("m.model.lkml",
          "connection: \"db\"\ninclude: \"/views/*.view\"\nexplore: orders {\n"
          "  join: users { sql_on: ${orders.user_id} = ${users.id} ;; }\n}\n");
  p.write("lkml.json",
          R"({"overrides": [{"files": ["*.model.lkml"], "rules": {"LKML209": "error"}}]})");
  std::string out;
  EXPECT_EQ(lint(quoted(p.root()), &out), 1) << out;
  EXPECT_THAT(out, HasSubstr("error[LKML209]"));
  p.write("lkml.json", R"({"exclude": ["*.model.lkml"]})");
  EXPECT_EQ(lint(quoted(p.root()), &out), 0) << out;
  EXPECT_THAT(out, Not(HasSubstr("LKML209")));
}

TEST(LkmlJson, UnknownKeyAndTrailingCommaHavePositions) {
  TempProject p = project();
  p.write("lkml.json", "{\n  \"rules\": {},\n  \"selcet\": [\"LKML2\"]\n}\n");
  std::string out;
  EXPECT_EQ(lint(quoted(p.root()), &out), 1) << out;
  EXPECT_THAT(out, HasSubstr("lkml.json:3:3: error[LKML"));
  EXPECT_THAT(out, HasSubstr("unknown key \"selcet\""));
  p.write("lkml.json", "{\n  \"rules\": {\"LKML209\": \"off\"},\n}\n");
  EXPECT_EQ(lint(quoted(p.root()), &out), 1) << out;
  EXPECT_THAT(out, HasSubstr("lkml.json:2:30:"));
  EXPECT_THAT(out, HasSubstr("trailing comma"));
  p.write("lkml.json", "{\"rules\": {\"LKML2090\": \"off\"}}");
  EXPECT_EQ(lint(quoted(p.root()), &out), 1) << out;
  EXPECT_THAT(out, HasSubstr("unknown rule `LKML2090`"));
  p.write("lkml.json", "{\"rules\": {\"LKML209\": \"loud\"}}");
  EXPECT_EQ(lint(quoted(p.root()), &out), 1) << out;
  EXPECT_THAT(out, HasSubstr("unknown level `loud`"));
}

// ---- suppression hygiene
// ---------------------------------------------------------------------------

TEST(SuppressionComments, UnknownCodeAndUnusedSuppressionAreReported) {
  TempProject p = project();
  p.write("views/users.view.lkml",
          "view: users {\n  # lkml: disable=LKML2009\n  dimension: id { primary_key: yes }\n"
          "  # lkml: disable=LKML205\n  dimension: name {}\n}\n");
  std::string out;
  EXPECT_EQ(lint(quoted(p.root()), &out), 0) << out;
  EXPECT_THAT(out, HasSubstr("users.view.lkml:2:3: warning[LKML120]"));
  EXPECT_THAT(out, HasSubstr("did you mean `LKML209`?"));
  EXPECT_THAT(out, HasSubstr("users.view.lkml:4:3: warning[LKML121]"));
  EXPECT_EQ(lint(quoted(p.root()) + " --ignore unused-suppression", &out), 0) << out;
  EXPECT_THAT(out, Not(HasSubstr("LKML121")));
  // A used suppression is not reported.
  p.write("views/orders.view.lkml",
          "view: orders {\n  dimension: id { primary_key: yes type: number }\n"
          "  dimension: user_id { type: number }\n  # lkml: disable=unknown-field\n"
          "  dimension: total { type: number sql: ${amonut} ;; }\n"
          "  dimension: amount { type: number }\n}\n");
  EXPECT_EQ(lint(quoted(p.root()) + " --ignore LKML120", &out), 0) << out;
  EXPECT_THAT(out, Not(HasSubstr("amonut")));
  EXPECT_THAT(out, Not(HasSubstr("orders.view.lkml:4")));
}

// ---- output for CI ------------------------------------------------------------------------------

TEST(CiOutput, QuietExitZeroStatistics) {
  TempProject p = project();
  p.write("views/users.view.lkml",
          "view: users {\n  dimension: id { primary_key: yes sql: ${nme} ;; }\n"
          "  dimension: name { sql: ${idd} ;; }\n}\n");
  std::string out;
  EXPECT_EQ(lint(quoted(p.root()) + " --quiet", &out), 1);
  EXPECT_THAT(out, Not(HasSubstr("files checked")));
  EXPECT_EQ(lint(quoted(p.root()) + " --exit-zero", &out), 0);
  EXPECT_THAT(out, HasSubstr("2 errors"));
  EXPECT_EQ(lint(quoted(p.root()) + " --statistics --quiet", &out), 1);
  EXPECT_THAT(out, HasSubstr("     2  LKML205  error    unknown-field"));
}

TEST(CiOutput, JunitAndGitlab) {
  TempProject p = project();
  p.write("views/users.view.lkml",
          "view: users {\n  dimension: id { primary_key: yes sql: ${nme} ;; }\n}\n");
  std::string out;
  EXPECT_EQ(runLkml("lint " + quoted(p.root()) + " --format junit", &out), 1);
  EXPECT_THAT(out, HasSubstr("<testsuites name=\"lkml\" tests=\""));
  EXPECT_THAT(out, HasSubstr("name=\"LKML205 unknown_field\""));
  EXPECT_THAT(out, HasSubstr("<failure type=\"LKML205\""));
  EXPECT_EQ(runLkml("lint " + quoted(p.root()) + " --format gitlab", &out), 1);
  nlohmann::json report = nlohmann::json::parse(out);
  ASSERT_TRUE(report.is_array());
  ASSERT_EQ(report.size(), 1u);
  EXPECT_EQ(report[0]["check_name"], "LKML205");
  EXPECT_EQ(report[0]["severity"], "major");
  EXPECT_EQ(report[0]["location"]["lines"]["begin"], 2);
  EXPECT_EQ(report[0]["fingerprint"].get<std::string>().size(), 16u);
}

// ---- baselines
// --------------------------------------------------------------------------------------

TEST(Baseline, WriteThenOnlyNewFindingsSurvivingEditsElsewhere) {
  TempProject p = project();
  p.write("views/users.view.lkml",
          "view: users {\n  dimension: id { primary_key: yes sql: ${nme} ;; }\n"
          "  dimension: name {}\n}\n");
  std::string baseline = p.path("lkml-baseline.json");
  std::string out;
  EXPECT_EQ(lint(quoted(p.root()) + " --write-baseline " + test::quoted(baseline), &out), 0) << out;
  EXPECT_THAT(out, HasSubstr("wrote 1 finding"));
  EXPECT_EQ(lint(quoted(p.root()) + " --baseline " + test::quoted(baseline), &out), 0) << out;
  EXPECT_THAT(out, HasSubstr("0 errors, 0 warnings (1 more in the baseline)"));
  // Lines moved by an edit above: still baselined. A new finding: reported.
  p.write("views/users.view.lkml",
          "# a comment\n\nview: users {\n  dimension: id { primary_key: yes sql: ${nme} ;; }\n"
          "  dimension: name { sql: ${idd} ;; }\n}\n");
  EXPECT_EQ(lint(quoted(p.root()) + " --baseline " + test::quoted(baseline), &out), 1) << out;
  EXPECT_THAT(out, HasSubstr("idd"));
  EXPECT_THAT(out, Not(HasSubstr("`nme`")));
  // Fixed findings are stale entries, pruned on request; lkml.json "baseline" is the default.
  p.write("views/users.view.lkml", kUsers);
  p.write("lkml.json", "{\"baseline\": \"lkml-baseline.json\"}");
  EXPECT_EQ(lint(quoted(p.root()), &out), 0) << out;
  EXPECT_THAT(out, HasSubstr("1 baseline entry no longer occurs"));
  EXPECT_EQ(lint(quoted(p.root()) + " --prune-baseline", &out), 0) << out;
  std::ifstream in(baseline);
  nlohmann::json pruned = nlohmann::json::parse(in);
  EXPECT_TRUE(pruned["findings"].empty());
}

// ---- learnable
// ---------------------------------------------------------------------------------------

TEST(Explain, ByCodeAndSlugAndUnknown) {
  std::string out;
  EXPECT_EQ(runLkml("explain LKML209", &out), 0);
  EXPECT_THAT(out, HasSubstr("## LKML209 missing-relationship"));
  EXPECT_THAT(out, HasSubstr("Bad:"));
  EXPECT_THAT(out, HasSubstr("# lkml: disable=LKML209"));
  EXPECT_EQ(runLkml("explain missing-relationship", &out), 0);
  EXPECT_THAT(out, HasSubstr("## LKML209 missing-relationship"));
  EXPECT_EQ(runLkml("explain missing-relashionship", &out, true), 2);
  EXPECT_THAT(out, HasSubstr("did you mean `missing-relationship`?"));
  EXPECT_EQ(runLkml("explain", &out), 0);
  EXPECT_THAT(out, HasSubstr("LKML101  error  unexpected-token"));
}

TEST(Commands, UnknownCommandSuggestsTheClosest) {
  std::string out;
  EXPECT_EQ(runLkml("lnt looker", &out, true), 2);
  EXPECT_THAT(out, HasSubstr("unknown command `lnt`; did you mean `lint`?"));
}

TEST(CiOutput, SarifRulesCarryTheirDocumentation) {
  TempProject p = project();
  p.write("views/users.view.lkml",
          "view: users {\n  dimension: id { primary_key: yes sql: ${nme} ;; }\n}\n");
  std::string out;
  EXPECT_EQ(runLkml("lint " + quoted(p.root()) + " --format sarif", &out), 1);
  nlohmann::json sarif = nlohmann::json::parse(out);
  const auto& rule = sarif["runs"][0]["tool"]["driver"]["rules"][0];
  EXPECT_EQ(rule["id"], "LKML205");
  EXPECT_THAT(rule["help"]["markdown"].get<std::string>(), HasSubstr("## LKML205 unknown-field"));
  EXPECT_FALSE(rule["fullDescription"]["text"].get<std::string>().empty());
  EXPECT_THAT(out, Not(HasSubstr("github.com/lkml/lkml")));  // no made-up address
}

// ---- changed lines only -----------------------------------------------------------------------

TEST(DiffBase, OnlyFindingsOnLinesChangedSinceTheRevision) {
  TempProject p = project();
  p.write("views/users.view.lkml",
          "view: users {\n  dimension: id { primary_key: yes sql: ${nme} ;; }\n"
          "  dimension: name {}\n}\n");
  std::string out;
  std::string git = "git -C " + quoted(p.root()) + " -c user.email=t@t -c user.name=t ";
  ASSERT_EQ(lkml::test::runCommand(
                git + "init -q && " + git + "add -A && " + git + "commit -qm base", &out, true),
            0)
      << out;
  // A new problem on a changed line is reported; the old one on an unchanged line is not.
  p.write("views/users.view.lkml",
          "view: users {\n  dimension: id { primary_key: yes sql: ${nme} ;; }\n"
          "  dimension: name { sql: ${idd} ;; }\n}\n");
  EXPECT_EQ(lint(quoted(p.root()) + " --diff-base HEAD", &out), 1) << out;
  EXPECT_THAT(out, HasSubstr("idd"));
  EXPECT_THAT(out, Not(HasSubstr("`nme`")));
  EXPECT_EQ(lint(quoted(p.root()) + " --diff-base no-such-rev", &out), 2) << out;
  EXPECT_THAT(out, HasSubstr("cannot diff against `no-such-rev`"));
}

// ---- explores, fields, validate: nothing visible is not a success -----------------------------

const char* kGrantModel = R"(connection: "db"
include: "/views/*.view"
access_grant: staff { user_attribute: access_level allowed_values: ["internal"] }
explore: orders {
  required_access_grants: [staff]
  join: users {
    relationship: many_to_one
    sql_on: ${orders.user_id} = ${users.id} ;;
  }
}
explore: users {}
)";

TEST(Visibility, ExploresListsWhoSeesWhat) {
  TempProject p = project();
  p.write("m.model.lkml", kGrantModel);
  std::string out;
  EXPECT_EQ(runLkml("explores " + quoted(p.root()) + " --access-level internal", &out), 0);
  EXPECT_THAT(out, HasSubstr("orders  view orders  joins users  visible"));
  EXPECT_EQ(runLkml("explores " + quoted(p.root()) +
                        " --format json --user-attribute "
                        "access_level=internal",
                    &out),
            0);
  nlohmann::json json = nlohmann::json::parse(out);
  EXPECT_EQ(json[0]["explores"][0]["joins"][0]["relationship"], "many_to_one");
  // An access level no grant allows: nothing is visible, exit 1.
  EXPECT_EQ(runLkml("explores " + quoted(p.root()) + " --access-level intern", &out, true), 1);
  EXPECT_THAT(out, HasSubstr("no access_grant of model `m` allows access_level `intern`"));
}

TEST(Visibility, FieldsRefusesAnExploreTheUserCannotSee) {
  TempProject p = project();
  p.write("m.model.lkml", kGrantModel);
  std::string out;
  EXPECT_EQ(
      runLkml("fields " + quoted(p.root()) + " --explore orders --access-level internal", &out), 0);
  EXPECT_THAT(out, HasSubstr("users.name"));
  EXPECT_EQ(
      runLkml("fields " + quoted(p.root()) + " --explore orders --access-level client", &out, true),
      1);
  EXPECT_THAT(out, HasSubstr("no access_grant of model `m` allows access_level `client`"));
  p.write("m.model.lkml", std::string(kGrantModel) +
                              "access_grant: ext { user_attribute: access_level allowed_values: "
                              "[\"client\"] }\n");
  EXPECT_EQ(
      runLkml("fields " + quoted(p.root()) + " --explore orders --access-level client", &out, true),
      1);
  EXPECT_THAT(out, HasSubstr("access denied: explore `orders` requires access grant `staff`"));
}

TEST(ExplorePatterns, ModelSlashExploreAndGlobs) {
  TempProject p = project();
  p.write("m.model.lkml", kGrantModel);
  std::string out;
  EXPECT_EQ(runLkml("fields " + quoted(p.root()) + " --explore m/users", &out), 0) << out;
  EXPECT_THAT(out, HasSubstr("users.name"));
  EXPECT_EQ(runLkml("fields " + quoted(p.root()) + " --explore 'use*'", &out), 0) << out;
  EXPECT_THAT(out, HasSubstr("users.name"));
  EXPECT_EQ(runLkml("fields " + quoted(p.root()) + " --explore '*'", &out, true), 2);
  EXPECT_THAT(out, HasSubstr("matches 2 explores (m/orders, m/users)"));
  EXPECT_EQ(runLkml("fields " + quoted(p.root()) + " --explore other/users", &out, true), 2);
  EXPECT_THAT(out, HasSubstr("unknown model `other`"));
}

}  // namespace
}  // namespace lkml::semantic
