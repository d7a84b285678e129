#include "semantic/dialect_sniff.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "base/diagnostic.h"
#include "semantic/lint_config.h"
#include "semantic/project_loader.h"

namespace lkml::semantic {
namespace {

ProjectSources project(const std::vector<std::pair<std::string, std::string>>& files) {
  ProjectSources p;
  for (const auto& [path, text] : files) {
    ProjectFile f;
    f.path = path;
    f.kind = FileKind::View;
    f.source = &p.sources->add(path, text);
    p.files.push_back(std::move(f));
  }
  return p;
}

std::string evidence(const std::vector<std::pair<std::string, std::string>>& files,
                     sql::Dialect* dialect = nullptr) {
  ProjectSources p = project(files);
  std::optional<DialectGuess> guess = guessDialect(p);
  if (!guess) return "";
  if (dialect) *dialect = guess->dialect;
  return p.sources->file(guess->span.file).path() + ":" + guess->evidence;
}

TEST(DialectSniff, BigQueryMarks) {
  sql::Dialect d = sql::Dialect::Postgres;
  EXPECT_EQ(evidence({{"a.view.lkml", "view: a { sql_table_name: `p.d.t` ;; }"}}, &d),
            "a.view.lkml:`p.d.t`");
  EXPECT_EQ(d, sql::Dialect::BigQuery);
  EXPECT_EQ(evidence({{"a.view.lkml",
                       "view: a { dimension: x { sql: SAFE_CAST(${TABLE}.x AS "
                       "INT64) ;; } }"}}),
            "a.view.lkml:SAFE_CAST(");
  // UNNEST tells only without a PostgreSQL cast anywhere.
  EXPECT_EQ(evidence({{"a.view.lkml",
                       "view: a { dimension: x { sql: (SELECT 1 FROM "
                       "UNNEST(${TABLE}.x)) ;; } }"}}),
            "a.view.lkml:UNNEST(");
  EXPECT_EQ(evidence({{"a.view.lkml",
                       "view: a { dimension: x { sql: unnest(${TABLE}.x) ;; }\n"
                       "dimension: y { sql: ${TABLE}.y::int ;; } }"}}),
            "");
}

TEST(DialectSniff, FirstTellingFileAndOnlySqlBlocks) {
  // Marks in LookML comments, strings and html are not SQL.
  EXPECT_EQ(evidence({{"a.view.lkml",
                       "# sql: `x` ;;\nview: a { description: \"`x`\"\n"
                       "html: <b>`x`</b> ;; dimension: d { sql: 1 ;; } }"}}),
            "");
  EXPECT_EQ(evidence({{"a.view.lkml", "view: a { dimension: d { sql: UNNEST(x) ;; } }"},
                      {"b.view.lkml", "view: b { sql_table_name: `d.t` ;; }"}}),
            "a.view.lkml:UNNEST(");
  // Strings inside SQL hide marks.
  EXPECT_EQ(evidence({{"a.view.lkml", "view: a { dimension: d { sql: 'SAFE_CAST(' ;; } }"}}), "");
}

TEST(DialectSniff, SnowflakeMarks) {
  sql::Dialect d = sql::Dialect::Postgres;
  EXPECT_EQ(evidence({{"a.view.lkml",
                       "view: a { dimension: d { sql: IFF(${TABLE}.x, 1, 0) ;; "
                       "} }"}},
                     &d),
            "a.view.lkml:IFF(");
  EXPECT_EQ(d, sql::Dialect::Snowflake);
}

TEST(DialectSniff, PlainPostgresSaysNothing) {
  EXPECT_EQ(evidence({{"a.view.lkml",
                       "view: a { sql_table_name: public.orders ;;\n"
                       "dimension: d { sql: ${TABLE}.\"Amount\"::numeric ;; } }"}}),
            "");
}

TEST(DialectSniff, DiagnosticSaysHowToChoose) {
  ProjectSources p = project({{"a.view.lkml", "view: a { sql_table_name: `d.t` ;; }"}});
  Diagnostic d = dialectGuessDiagnostic(*guessDialect(p), "warehouse");
  EXPECT_EQ(d.code, 290);
  EXPECT_EQ(d.severity, Severity::Warning);
  EXPECT_THAT(d.help, ::testing::HasSubstr("--dialect bigquery"));
  EXPECT_THAT(d.help, ::testing::HasSubstr(
                          "\"connections\": {\"warehouse\": {\"dialect\": \"bigquery\"}}"));
}

TEST(LintConfigConnections, MapsConnectionsToDialects) {
  LintConfig config;
  ConfigError error;
  ASSERT_TRUE(config.loadText(
      R"({"connections": {"bq": {"dialect": "BigQuery"}, "sf": {"dialect": "snowflake"}}})",
      &error))
      << error.message;
  EXPECT_EQ(config.connectionDialects().at("bq"), sql::Dialect::BigQuery);
  EXPECT_EQ(config.connectionDialects().at("sf"), sql::Dialect::Snowflake);
}

TEST(LintConfigConnections, BadEntriesArePositioned) {
  const std::string text =
      "{\n  \"connections\": {\n    \"bq\": {\"dialect\": \"bigqery\"}\n  }\n}";
  LintConfig config;
  ConfigError error;
  ASSERT_FALSE(config.loadText(text, &error));
  EXPECT_THAT(error.message, ::testing::HasSubstr("connections: \"bq\": unknown dialect "
                                                  "`bigqery`"));
  EXPECT_THAT(error.message, ::testing::HasSubstr("did you mean `bigquery`?"));
  EXPECT_EQ(error.offset, text.find("\"bigqery\""));
  ASSERT_FALSE(config.loadText(R"({"connections": {"bq": "bigquery"}})", &error));
  EXPECT_THAT(error.message, ::testing::HasSubstr("needs {\"dialect\": \"NAME\"}"));
  ASSERT_FALSE(
      config.loadText(R"({"connections": {"bq": {"dialect": "bigquery", "x": 1}}})", &error));
  EXPECT_THAT(error.message, ::testing::HasSubstr("unknown key \"x\"; expected dialect"));
}

}  // namespace
}  // namespace lkml::semantic
