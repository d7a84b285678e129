// `lkml query` applies value_format / value_format_name to what the table and CSV show (the
// same text in both; JSON keeps the database's values), and `lkml validate sql` skips fields
// and explores tagged "ci: ignore" / "spectacles: ignore". Runs the lkml binary on the real
// PostgreSQL (PG* environment).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "tests/unit/semantic/semantic_test_util.h"

namespace lkml::cli {
namespace {

using semantic::test::quoted;
using semantic::test::TempProject;
using ::testing::HasSubstr;
using ::testing::Not;

struct CliRun {
  int status;
  std::string output;
};

CliRun lkml(const std::string& args, bool with_stderr = true) {
  CliRun run;
  run.status = lkml::test::runCommand(
      quoted(lkml::test::lkmlBinary()) + " " + args + (with_stderr ? " 2>&1" : " 2>/dev/null"),
      &run.output);
  return run;
}

const char* kModel = "connection: \"db\"\ninclude: \"/*.view.lkml\"\nexplore: sales {}\n";

// Amounts as numeric (exact decimal text) and a ratio as float8; the expected strings below
// are computed by hand from these literals.
const char* kSales = R"lkml(view: sales {
  derived_table: {
    sql: SELECT 1 AS id, 1234.565::numeric AS amount, 0.123456::float8 AS ratio
      UNION ALL SELECT 2, -9876543.2::numeric, 1.5::float8 ;;
  }
  dimension: id { type: number primary_key: yes sql: ${TABLE}.id ;; value_format_name: id }
  dimension: amount { type: number sql: ${TABLE}.amount ;; value_format_name: usd }
  dimension: ratio { type: number sql: ${TABLE}.ratio ;; value_format: "0.0%" }
  dimension: plain { type: number sql: ${TABLE}.amount ;; }
  measure: total { type: sum sql: ${amount} ;; value_format: "$#,##0.00,\"K\"" }
}
)lkml";

std::string args(const TempProject& p, const std::string& fields, const std::string& format) {
  return "query " + quoted(p.root()) + " --explore sales --fields " + fields +
         " --sort sales.id --format " + format;
}

TEST(QueryValueFormat, TableAndCsvShowTheSameFormattedText) {
  TempProject p({{"m.model.lkml", kModel}, {"sales.view.lkml", kSales}});
  CliRun table = lkml(args(p, "sales.id,sales.amount,sales.ratio,sales.plain", "table"), false);
  ASSERT_EQ(table.status, 0) << table.output;
  EXPECT_THAT(table.output, HasSubstr("$1,234.57"));  // numeric 1234.565 rounds half up
  EXPECT_THAT(table.output, HasSubstr("-$9,876,543.20"));
  EXPECT_THAT(table.output, HasSubstr("12.3%"));
  EXPECT_THAT(table.output, HasSubstr("150.0%"));
  EXPECT_THAT(table.output, HasSubstr("1234.565"));  // no format: the database's text
  CliRun csv = lkml(args(p, "sales.id,sales.amount,sales.ratio,sales.plain", "csv"), false);
  ASSERT_EQ(csv.status, 0) << csv.output;
  EXPECT_EQ(csv.output,
            "sales.id,sales.amount,sales.ratio,sales.plain\r\n"
            "1,\"$1,234.57\",12.3%,1234.565\r\n"
            "2,\"-$9,876,543.20\",150.0%,-9876543.2\r\n");
  // JSON is for programs: the values themselves.
  CliRun json = lkml(args(p, "sales.id,sales.amount,sales.ratio", "json"), false);
  ASSERT_EQ(json.status, 0) << json.output;
  auto rows = nlohmann::json::parse(json.output);
  EXPECT_DOUBLE_EQ(rows[0]["sales.amount"].get<double>(), 1234.565);
  EXPECT_DOUBLE_EQ(rows[1]["sales.ratio"].get<double>(), 1.5);
}

TEST(QueryValueFormat, MeasuresAreFormattedAfterAggregation) {
  TempProject p({{"m.model.lkml", kModel}, {"sales.view.lkml", kSales}});
  CliRun csv = lkml(
      "query " + quoted(p.root()) + " --explore sales --fields sales.total --format csv", false);
  ASSERT_EQ(csv.status, 0) << csv.output;
  // 1234.565 - 9876543.2 = -9875308.635, in thousands.
  EXPECT_EQ(csv.output, "sales.total\r\n\"-$9,875.31K\"\r\n");
}

TEST(QueryValueFormat, UnformattedShowsTheDatabaseValues) {
  TempProject p({{"m.model.lkml", kModel}, {"sales.view.lkml", kSales}});
  CliRun csv = lkml(args(p, "sales.id,sales.amount", "csv") + " --unformatted", false);
  ASSERT_EQ(csv.status, 0) << csv.output;
  EXPECT_EQ(csv.output, "sales.id,sales.amount\r\n1,1234.565\r\n2,-9876543.2\r\n");
}

// ---- validate sql: tags ----------------------------------------------------------------------

const char* kBroken = R"lkml(view: broken {
  sql_table_name: (SELECT 1 AS id) ;;
  dimension: id { type: number primary_key: yes sql: ${TABLE}.id ;; }
  dimension: bad { sql: ${TABLE}.no_such_column ;; tags: ["ci: ignore"] }
  dimension: worse { sql: ${TABLE}.nor_this ;; tags: ["other", "Spectacles: Ignore"] }
}
view: other {
  sql_table_name: (SELECT 1 AS id) ;;
  dimension: id { type: number primary_key: yes sql: ${TABLE}.id ;; }
  dimension: bad { sql: ${TABLE}.missing ;; }
}
)lkml";

TEST(ValidateSqlTags, IgnoredFieldsAndExploresAreSkippedAndCounted) {
  TempProject p({{"m.model.lkml",
                  "connection: \"db\"\ninclude: \"/*.view.lkml\"\n"
                  "explore: broken {}\n"
                  "explore: other { tags: [\"spectacles: ignore\"] }\n"},
                 {"v.view.lkml", kBroken}});
  CliRun run = lkml("validate sql " + quoted(p.root()));
  EXPECT_EQ(run.status, 0) << run.output;
  EXPECT_THAT(run.output, Not(HasSubstr("no_such_column")));
  EXPECT_THAT(run.output, Not(HasSubstr("missing")));
  EXPECT_THAT(run.output, HasSubstr("1 validated"));
  EXPECT_THAT(run.output,
              HasSubstr("skipped by tag (ci: ignore, spectacles: ignore): 1 explore, 2 fields"));
}

TEST(ValidateSqlTags, WithoutTheTagTheFieldFails) {
  std::string view = kBroken;
  view.replace(view.find("tags: [\"ci: ignore\"]"), 20, "");
  TempProject p(
      {{"m.model.lkml", "connection: \"db\"\ninclude: \"/*.view.lkml\"\nexplore: broken {}\n"},
       {"v.view.lkml", view}});
  CliRun run = lkml("validate sql " + quoted(p.root()));
  EXPECT_EQ(run.status, 1) << run.output;
  EXPECT_THAT(run.output, HasSubstr("no_such_column"));
  EXPECT_THAT(run.output, HasSubstr("1 field"));
}

}  // namespace
}  // namespace lkml::cli
