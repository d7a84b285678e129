// Suppression comments, lkml.json and --rule, output formats (text, JSON, SARIF, GitHub) of
// semantic diagnostics, exit codes, and `lkml fields`. CLI tests run the built lkml binary.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "semantic/lint_config.h"
#include "tests/unit/semantic/semantic_test_util.h"

namespace lkml::semantic {
namespace {

using test::Linted;
using test::quoted;
using test::runLkml;
using test::TempProject;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

const char* kViews = R"(view: orders {
  dimension: id { primary_key: yes }
  dimension: user_id {}
}
view: users { dimension: id { primary_key: yes } }
)";

std::string modelWith(const std::string& explore_body, const std::string& extra = "") {
  return "connection: \"db\"\ninclude: \"/*.view\"\n" + extra + "explore: orders {\n" +
         explore_body + "}\n";
}

// ---- suppressions ----------------------------------------------------------------------------

TEST(Suppressions, LineAboveAndSameLine) {
  TempProject p({{"m.model.lkml",
                  modelWith("  # lkml: disable=LKML209\n"
                            "  join: users { sql_on: ${orders.user_id} = ${users.id} ;; }\n"
                            "  join: u2 { from: users sql_on: 1=1 ;; }  # lkml: disable=LKML209\n"
                            "  join: u3 { from: users sql_on: 1=1 ;; }\n")},
                 {"v.view.lkml", kViews}});
  Linted linted = test::lintProject(p);
  EXPECT_THAT(linted.messages(),
              ElementsAre("LKML209: join `u3` has no `relationship`; Looker assumes many_to_one"));
}

TEST(Suppressions, OnlyTheNamedCodesAndOnlyTheNextLine) {
  TempProject p(
      {{"m.model.lkml", modelWith("  # lkml: disable=LKML213, 210\n\n"
                                  "  join: users { sql_on: ${orders.user_id} = ${users.id} ;; }\n"
                                  "  # lkml: disable=209 LKML207\n"
                                  "  join: u2 { from: users }\n")},
       {"v.view.lkml", kViews}});
  Linted linted = test::lintProject(p);
  // The first comment is two lines above its join; the second lists the codes without the prefix.
  EXPECT_THAT(
      linted.messages(),
      ElementsAre("LKML209: join `users` has no `relationship`; Looker assumes many_to_one"));
}

TEST(Suppressions, WholeFile) {
  TempProject p(
      {{"m.model.lkml",
        modelWith("  join: users { sql_on: ${orders.user_id} = ${users.id} ;; }\n"
                  "  join: u2 { from: users sql_on: 1=1 ;; }\n",
                  "access_grant: spare { user_attribute: a allowed_values: [\"x\"] }\n") +
            "# lkml: disable-file=LKML209,LKML213\n"},
       {"v.view.lkml", kViews + std::string("view: +users { label: \"x\" label: \"y\" }\n")}});
  Linted linted = test::lintProject(p);
  // Other files keep their findings.
  EXPECT_THAT(linted.messages(),
              ElementsAre("LKML231: `label` is given more than once; the last one wins"));
}

TEST(Suppressions, ErrorsCanBeSuppressedToo) {
  TempProject p({{"m.model.lkml", modelWith("  join: users { relationship: many_to_one }  "
                                            "# lkml: disable=LKML207\n")},
                 {"v.view.lkml", kViews}});
  EXPECT_THAT(test::lintProject(p).messages(), IsEmpty());
}

// ---- configuration ---------------------------------------------------------------------------

TEST(LintConfig, RuleLevels) {
  LintConfig config;
  std::string error;
  EXPECT_TRUE(config.setRule("LKML209=off", &error));
  EXPECT_TRUE(config.setRule("210=error", &error));
  EXPECT_TRUE(config.setRule("LKML251=warn", &error));
  EXPECT_TRUE(config.setRule("LKML252", &error));  // no level: error
  EXPECT_EQ(config.severityFor(209, Severity::Warning), std::nullopt);
  EXPECT_EQ(config.severityFor(210, Severity::Warning), Severity::Error);
  EXPECT_EQ(config.severityFor(251, Severity::Info), Severity::Warning);
  EXPECT_EQ(config.severityFor(252, Severity::Info), Severity::Error);
  EXPECT_EQ(config.severityFor(253, Severity::Info), std::nullopt);  // style rules are opt-in
  EXPECT_EQ(config.severityFor(205, Severity::Error), Severity::Error);
}

TEST(LintConfig, BadRules) {
  LintConfig config;
  std::string error;
  EXPECT_FALSE(config.setRule("LKML999=off", &error));
  EXPECT_EQ(error, "unknown rule `LKML999`; expected a code such as LKML209 or a slug");
  EXPECT_FALSE(config.setRule("LKML209=loud", &error));
  EXPECT_EQ(error, "unknown level `loud` for LKML209; expected off, info, warning or error");
  EXPECT_FALSE(config.setRule("banana=off", &error));
}

TEST(LintConfig, File) {
  TempProject p({{"good.json", R"({"rules": {"LKML209": "off", "LKML251": "warning"}})"},
                 {"not_json.json", "{rules"},
                 {"bad_rules.json", R"({"rules": ["LKML209"]})"},
                 {"bad_level.json", R"({"rules": {"LKML209": 3}})"},
                 {"bad_code.json", R"({"rules": {"LKML2090": "off"}})"}});
  LintConfig config;
  std::string error;
  EXPECT_TRUE(config.loadFile(p.path("good.json"), &error));
  EXPECT_EQ(config.severityFor(209, Severity::Warning), std::nullopt);
  EXPECT_EQ(config.severityFor(251, Severity::Info), Severity::Warning);
  EXPECT_TRUE(config.loadFile(p.path("missing.json"), &error));  // no file: defaults
  EXPECT_FALSE(config.loadFile(p.path("not_json.json"), &error));
  EXPECT_THAT(error, HasSubstr("not valid JSON"));
  EXPECT_FALSE(config.loadFile(p.path("bad_rules.json"), &error));
  EXPECT_EQ(error, "\"rules\" must be an object such as {\"LKML209\": \"off\"}");
  EXPECT_FALSE(config.loadFile(p.path("bad_level.json"), &error));
  EXPECT_EQ(error, "rules.LKML209 must be a string (off, info, warning or error)");
  EXPECT_FALSE(config.loadFile(p.path("bad_code.json"), &error));
  EXPECT_THAT(error, HasSubstr("unknown rule `LKML2090`"));
}

// ---- the CLI -----------------------------------------------------------------------------------

class LintCli : public ::testing::Test {
 protected:
  void SetUp() override {
    project_ = std::make_unique<TempProject>(std::initializer_list<test::File>{
        {"m.model.lkml",
         modelWith("  join: users { sql_on: ${orders.user_id} = ${users.idd} ;; }\n")},
        {"v.view.lkml", kViews}});
  }
  int lint(const std::string& flags, std::string* out, bool merge_stderr = false) {
    return runLkml("lint " + quoted(project_->root()) + " --color never " + flags, out,
                   merge_stderr);
  }
  std::unique_ptr<TempProject> project_;
};

TEST_F(LintCli, TextOutputAndExitCodes) {
  std::string out;
  EXPECT_EQ(lint("", &out, true), 1);
  std::string root = project_->root();
  EXPECT_EQ(out, root +
                     "/m.model.lkml:4:9: warning[LKML209]: join `users` has no `relationship`; "
                     "Looker assumes many_to_one\n"
                     "  |\n"
                     "4 |   join: users { sql_on: ${orders.user_id} = ${users.idd} ;; }\n"
                     "  |         ^^^^^\n"
                     "   = help: state it, e.g. `relationship: many_to_one` (many rows of the "
                     "explore match one row of `users`)\n"
                     "   = rule: missing-relationship\n" +
                     root +
                     "/m.model.lkml:4:45: error[LKML205]: unknown field `users.idd` in the "
                     "sql_on of join `users`: view `users` has no field `idd`\n"
                     "  |\n"
                     "4 |   join: users { sql_on: ${orders.user_id} = ${users.idd} ;; }\n"
                     "  |                                             ^^^^^^^^^^^^ not a "
                     "field of `users`\n"
                     "   = help: did you mean `id`?\n"
                     "   = rule: unknown-field\n"
                     "lkml: 2 files checked, 1 error, 1 warning\n");
}

TEST_F(LintCli, RuleFlagTurnsRulesOffAndOn) {
  std::string out;
  EXPECT_EQ(lint("--rule LKML209=off --rule LKML205=warning", &out), 0);
  EXPECT_THAT(out, Not(HasSubstr("LKML209")));
  EXPECT_THAT(out, HasSubstr("warning[LKML205]"));
  EXPECT_EQ(lint("--rule LKML209=error --format json", &out), 1);
  auto json = nlohmann::json::parse(out);
  EXPECT_EQ(json["summary"]["errors"], 2);
  EXPECT_EQ(lint("--rule LKML999=off", &out, true), 2);
  EXPECT_THAT(out, HasSubstr("unknown rule `LKML999`"));
}

TEST_F(LintCli, ConfigFileAndFlagsOverrideIt) {
  project_->write("lkml.json", R"({"rules": {"LKML209": "off", "LKML205": "off"}})");
  std::string out;
  EXPECT_EQ(lint("", &out, true), 0);
  EXPECT_THAT(out, HasSubstr("0 errors, 0 warnings"));
  EXPECT_EQ(lint("--rule LKML205=error", &out), 1);  // the flag wins over the file
  EXPECT_THAT(out, HasSubstr("error[LKML205]"));
  EXPECT_THAT(out, Not(HasSubstr("LKML209")));
  project_->write("other.json", R"({"rules": {"LKML205": "info"}})");
  EXPECT_EQ(lint("--config " + quoted(project_->path("other.json")), &out), 0);
  EXPECT_THAT(out, HasSubstr("info[LKML205]"));
  EXPECT_THAT(out, HasSubstr("warning[LKML209]"));  // lkml.json is not read with --config
}

TEST_F(LintCli, InvalidConfigIsLKML236) {
  project_->write("lkml.json", "{\"rules\": 5}");
  std::string out;
  EXPECT_EQ(lint("", &out), 1);
  // The caret points at the key in lkml.json.
  EXPECT_THAT(out, HasSubstr(project_->path("lkml.json") +
                             ":1:2: error[LKML236]: \"rules\" must be an object such as "
                             "{\"LKML209\": \"off\"}\n"));
}

TEST_F(LintCli, WerrorAndSyntaxOnly) {
  std::string out;
  EXPECT_EQ(lint("--rule LKML205=off", &out), 0);
  EXPECT_EQ(lint("--rule LKML205=off --werror", &out), 1);
  EXPECT_THAT(out, HasSubstr("error[LKML209]"));
  EXPECT_EQ(lint("--syntax-only", &out, true), 0);
  EXPECT_THAT(out, HasSubstr("lkml: 2 files checked, 0 errors, 0 warnings"));
}

TEST_F(LintCli, JsonOutput) {
  std::string out;
  EXPECT_EQ(lint("--format json", &out), 1);
  auto json = nlohmann::json::parse(out);
  ASSERT_EQ(json["diagnostics"].size(), 2u);
  const auto& d = json["diagnostics"][1];
  EXPECT_EQ(d["code"], "LKML205");
  EXPECT_EQ(d["name"], "unknown_field");
  EXPECT_EQ(d["severity"], "error");
  EXPECT_EQ(d["message"],
            "unknown field `users.idd` in the sql_on of join `users`: view `users` has no field "
            "`idd`");
  EXPECT_EQ(d["file"], project_->path("m.model.lkml"));
  EXPECT_EQ(d["line"], 4);
  EXPECT_EQ(d["column"], 45);
  EXPECT_EQ(d["end_line"], 4);
  EXPECT_EQ(d["end_column"], 57);
  EXPECT_EQ(d["label"], "not a field of `users`");
  EXPECT_EQ(d["help"], "did you mean `id`?");
  EXPECT_EQ(json["diagnostics"][0]["severity"], "warning");
  EXPECT_EQ(json["summary"]["errors"], 1);
  EXPECT_EQ(json["summary"]["warnings"], 1);
}

TEST_F(LintCli, SarifOutput) {
  std::string out;
  EXPECT_EQ(lint("--format sarif", &out), 1);
  auto sarif = nlohmann::json::parse(out);
  EXPECT_EQ(sarif["version"], "2.1.0");
  const auto& run = sarif["runs"][0];
  EXPECT_EQ(run["tool"]["driver"]["name"], "lkml");
  const auto& rules = run["tool"]["driver"]["rules"];
  ASSERT_EQ(rules.size(), 2u);
  EXPECT_EQ(rules[0]["id"], "LKML205");
  EXPECT_EQ(rules[0]["name"], "unknown_field");
  EXPECT_EQ(rules[0]["shortDescription"]["text"], "reference to a field that does not exist");
  EXPECT_EQ(rules[0]["defaultConfiguration"]["level"], "error");
  EXPECT_EQ(rules[1]["id"], "LKML209");
  EXPECT_EQ(rules[1]["defaultConfiguration"]["level"], "warning");
  const auto& results = run["results"];
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[1]["ruleId"], "LKML205");
  EXPECT_EQ(results[1]["ruleIndex"], 0);
  EXPECT_EQ(results[1]["level"], "error");
  EXPECT_EQ(results[1]["message"]["text"],
            "unknown field `users.idd` in the sql_on of join `users`: view `users` has no field "
            "`idd`\nhelp: did you mean `id`?");
  const auto& region = results[1]["locations"][0]["physicalLocation"]["region"];
  EXPECT_EQ(region["startLine"], 4);
  EXPECT_EQ(region["startColumn"], 45);
  EXPECT_EQ(region["endColumn"], 57);
  EXPECT_EQ(results[0]["level"], "warning");
}

TEST_F(LintCli, GithubOutput) {
  std::string out;
  EXPECT_EQ(lint("--format github", &out), 1);
  std::string file = project_->path("m.model.lkml");
  EXPECT_THAT(out, HasSubstr("::warning file=" + file +
                             ",line=4,col=9,endLine=4,endColumn=14,title=LKML209::join `users` "
                             "has no `relationship`; Looker assumes many_to_one%0Ahelp: "));
  EXPECT_THAT(out, HasSubstr("::error file=" + file +
                             ",line=4,col=45,endLine=4,endColumn=57,title=LKML205::unknown field"));
}

TEST_F(LintCli, RelatedLocationsInSarif) {
  project_->write("v.view.lkml",
                  "view: orders {\n  dimension: id { primary_key: yes }\n"
                  "  dimension: id2 { primary_key: yes }\n  dimension: user_id {}\n}\n"
                  "view: users { dimension: id { primary_key: yes } dimension: idd {} }\n");
  std::string out;
  EXPECT_EQ(lint("--format sarif --rule LKML209=off", &out), 1);
  auto results = nlohmann::json::parse(out)["runs"][0]["results"];
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0]["ruleId"], "LKML211");
  EXPECT_EQ(results[0]["relatedLocations"][0]["message"]["text"], "the first primary key");
  EXPECT_EQ(results[0]["relatedLocations"][0]["physicalLocation"]["region"]["startLine"], 2);
}

// ---- lkml fields -------------------------------------------------------------------------------

class FieldsCli : public ::testing::Test {
 protected:
  void SetUp() override {
    project_ = std::make_unique<TempProject>(
        std::initializer_list<test::File>{{"m.model.lkml", R"(connection: "db"
include: "/*.view"
access_grant: pii { user_attribute: level allowed_values: ["all"] }
access_grant: sales { user_attribute: dept allowed_values: ["sales"] }
explore: orders {
  required_access_grants: [sales]
  fields: [ALL_FIELDS*, -users.secret]
  join: users {
    sql_on: ${orders.user_id} = ${users.id} ;;
    relationship: many_to_one
    required_access_grants: [pii]
  }
  join: buyer { from: users sql_on: 1=1 ;; relationship: many_to_one fields: [buyer.id] }
  join: seller { from: users sql_on: 1=1 ;; relationship: many_to_one fields: [] }
}
)"},
                                          {"v.view.lkml", R"(view: orders {
  dimension: id { primary_key: yes type: number label: "Order ID" }
  dimension: user_id { type: number hidden: yes }
  dimension_group: created { timeframes: [date, month] sql: ${TABLE}.c ;; }
  measure: count {}
}
view: users {
  dimension: id { primary_key: yes type: number }
  dimension: email { required_access_grants: [pii] }
  dimension: secret {}
}
)"}});
  }
  std::unique_ptr<TempProject> project_;
};

TEST_F(FieldsCli, Text) {
  std::string out;
  EXPECT_EQ(runLkml("fields " + quoted(project_->root()) + " --explore orders", &out), 0);
  EXPECT_EQ(out,
            "orders.id\tdimension\tnumber\tgrants=sales\n"
            "orders.user_id\tdimension\tnumber\thidden\tgrants=sales\n"
            "orders.created_date\tdimension\ttime:date\tgrants=sales\n"
            "orders.created_month\tdimension\ttime:month\tgrants=sales\n"
            "orders.count\tmeasure\tcount\tgrants=sales\n"
            "users.id\tdimension\tnumber\tgrants=pii,sales\n"
            "users.email\tdimension\tstring\tgrants=pii,sales\n"
            "buyer.id\tdimension\tnumber\tgrants=sales\n");
}

TEST_F(FieldsCli, Json) {
  std::string out;
  EXPECT_EQ(
      runLkml("fields " + quoted(project_->root()) + " --model m --explore orders --format json",
              &out),
      0);
  auto rows = nlohmann::json::parse(out);
  ASSERT_EQ(rows.size(), 8u);
  EXPECT_EQ(rows[0]["name"], "orders.id");
  EXPECT_EQ(rows[0]["kind"], "dimension");
  EXPECT_EQ(rows[0]["type"], "number");
  EXPECT_EQ(rows[0]["view"], "orders");
  EXPECT_EQ(rows[0]["label"], "Order ID");
  EXPECT_EQ(rows[0]["hidden"], false);
  EXPECT_EQ(rows[0]["required_access_grants"], nlohmann::json::array({"sales"}));
  EXPECT_EQ(rows[6]["name"], "users.email");
  EXPECT_EQ(rows[6]["required_access_grants"], nlohmann::json::array({"pii", "sales"}));
  EXPECT_EQ(rows[7]["view"], "buyer");
}

TEST_F(FieldsCli, Errors) {
  std::string out;
  EXPECT_EQ(runLkml("fields " + quoted(project_->root()) + " --explore ordrs", &out, true), 2);
  EXPECT_EQ(out, "lkml: error: unknown explore `ordrs` in model `m`; did you mean `orders`?\n");
  EXPECT_EQ(
      runLkml("fields " + quoted(project_->root()) + " --model n --explore orders", &out, true), 2);
  EXPECT_EQ(out,
            "lkml: error: unknown model `n` in `" + project_->root() + "`; did you mean `m`?\n");
  EXPECT_EQ(
      runLkml("fields " + quoted(project_->root()) + " --explore orders --format yaml", &out, true),
      2);
  EXPECT_THAT(out, HasSubstr("unknown --format `yaml`"));
}

TEST(FieldsCliLooker, ClientExploreHidesPersonalData) {
  std::string out;
  EXPECT_EQ(runLkml("fields " + quoted(lkml::test::sourceDir() + "/looker") +
                        " --model ti --explore users_client --format json",
                    &out),
            0);
  auto rows = nlohmann::json::parse(out);
  std::vector<std::string> names;
  for (const auto& r : rows) names.push_back(r["name"]);
  EXPECT_THAT(names, Not(::testing::Contains("users.email")));
  EXPECT_THAT(names, Not(::testing::Contains("users.last_name")));
  EXPECT_THAT(names, ::testing::Contains("users.first_name"));
  EXPECT_THAT(names, ::testing::Contains("enrollments.days_to_completion"));
  EXPECT_THAT(names, ::testing::Contains("certificates.count"));
}

}  // namespace
}  // namespace lkml::semantic
