// `lkml schema import` end to end, and how the chosen dialect changes `lint --schema`: a
// Snowflake snapshot (upper-case names) checked with Snowflake's folding through lkml.json
// "connections", overridden by --dialect; malformed exports exit 2 naming file:line.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "tests/support/test_paths.h"
#include "tests/unit/semantic/semantic_test_util.h"

namespace lkml::cli {
namespace {

using semantic::test::runLkml;
using semantic::test::TempProject;
using ::testing::HasSubstr;
using ::testing::Not;

std::string shellQuoted(const std::string& s) { return semantic::test::quoted(s); }

std::string samples() { return test::sourceDir() + "/tests/unit/catalog/import_samples/"; }

const char* kModel = "connection: \"sf\"\ninclude: \"/*.view.lkml\"\nexplore: orders {}\n";
const char* kView = R"lkml(view: orders {
  sql_table_name: sales.orders ;;
  dimension: id { primary_key: yes type: number sql: ${TABLE}.id ;; }
  dimension: created { type: date sql: ${TABLE}.created_at ;; }
  dimension: quoted { sql: ${TABLE}."created_at" ;; }
  dimension: payload { sql: ${TABLE}.payload // ${TABLE}.not_a_column
  ;; }
}
)lkml";

TEST(SchemaImportCli, SnowflakeFoldingFollowsTheChosenDialect) {
  TempProject p({{"shop.model.lkml", kModel}, {"orders.view.lkml", kView}});
  std::string out;
  ASSERT_EQ(
      runLkml("schema import --from snowflake " + shellQuoted(samples() + "snowflake_columns.csv") +
                  " " + shellQuoted(samples() + "snowflake_primary_keys.csv") + " -o " +
                  shellQuoted(p.path("lkml-schema.json")),
              &out, true),
      0)
      << out;
  p.write("lkml.json", R"({"connections": {"sf": {"dialect": "snowflake"}}})");
  int status = runLkml(
      "lint " + shellQuoted(p.root()) + " --schema " + shellQuoted(p.path("lkml-schema.json")),
      &out);
  // Unquoted names fold to upper case and are found; the quoted lower-case one is not; the
  // reference in the // comment is not read.
  EXPECT_EQ(status, 1) << out;
  EXPECT_THAT(out, HasSubstr("orders.view.lkml:5:28: error[LKML302]: column `\"created_at\"`"));
  EXPECT_THAT(out, Not(HasSubstr("`id`")));
  EXPECT_THAT(out, Not(HasSubstr("not_a_column")));
  EXPECT_THAT(out, Not(HasSubstr("LKML290")));
  // --dialect wins over lkml.json: read as PostgreSQL, the names fold to lower case.
  runLkml("lint " + shellQuoted(p.root()) + " --schema " + shellQuoted(p.path("lkml-schema.json")) +
              " --dialect postgres",
          &out);
  EXPECT_THAT(out, HasSubstr("LKML301"));
}

TEST(SchemaImportCli, UnknownDialectInLkmlJsonIsAPositionedConfigError) {
  TempProject p({{"shop.model.lkml", kModel}, {"orders.view.lkml", kView}});
  p.write("lkml.json", "{\n  \"connections\": {\"sf\": {\"dialect\": \"snowflak\"}}\n}\n");
  std::string out;
  EXPECT_EQ(runLkml("lint " + shellQuoted(p.root()), &out), 1);
  EXPECT_THAT(out, HasSubstr("lkml.json:2:37: error[LKML236]: connections: \"sf\": unknown "
                             "dialect `snowflak`"));
  EXPECT_EQ(
      runLkml("sql " + shellQuoted(p.root()) + " --explore orders --fields orders.id", &out, true),
      2);
  EXPECT_THAT(out, HasSubstr("lkml.json:2:37: error[LKML236]"));
  EXPECT_EQ(runLkml("lint " + shellQuoted(p.root()) + " --dialect oracle", &out, true), 2);
  EXPECT_THAT(out, HasSubstr("--dialect: unknown dialect `oracle`"));
}

TEST(SchemaImportCli, MalformedExportExitsTwoWithFileAndLine) {
  TempProject p;
  p.write("columns.csv", "table_schema,table_name,column_name,data_type\ns,t,\"a\"b,INT64\n");
  std::string out;
  EXPECT_EQ(
      runLkml("schema import --from bigquery " + shellQuoted(p.path("columns.csv")), &out, true),
      2);
  EXPECT_THAT(out, HasSubstr("columns.csv:2: unexpected text after a closing quote"));
  EXPECT_EQ(
      runLkml("schema import --from oracle " + shellQuoted(p.path("columns.csv")), &out, true), 2);
  EXPECT_THAT(out, HasSubstr("--from: expected bigquery, snowflake, redshift or postgres"));
}

}  // namespace
}  // namespace lkml::cli
