// Golden SQL: every directory under tests/golden/sql/ is one query on the sample project
// looker/, compiled for one user.
//
//   query.json            the query in Looker's API shape ({"model", "view", "fields",
//                         "filters", "sorts", "limit"}); `lkml sql looker --query` reads it too
//   case.json             {"description": "...", "user_attributes": {"access_level": ...}}
//   expected.sql          the SQL, when the query compiles
//   expected_errors.txt   the diagnostics (`LKML4xx: message`), when it is refused
//   expected.<dialect>.sql, expected_errors.<dialect>.txt
//                         the same for each other dialect of kDialects (`lkml sql --dialect`)
//
// The expected files are the specification: review them by eye. LKML_UPDATE_GOLDEN=1
// rewrites them from the current compiler (and deletes the one that no longer applies).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "codegen/dialects/dialect_registry.h"
#include "tests/support/golden.h"
#include "tests/support/test_paths.h"
#include "tests/unit/codegen/query_test_support.h"

namespace lkml::codegen {
namespace {

namespace fs = std::filesystem;

std::string casesDir() { return lkml::test::sourceDir() + "/tests/golden/sql"; }

// Every case is compiled for each of these dialects; postgres writes expected.sql, the others
// expected.<dialect>.sql. A new dialect is one more name here (and LKML_UPDATE_GOLDEN=1).
const std::vector<std::string> kDialects = {"postgres", "bigquery", "duckdb", "redshift",
                                            "snowflake"};

struct GoldenCase {
  std::string name;
  std::string dialect;
};

std::vector<std::string> caseNames() {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(casesDir(), ec)) {
    if (entry.is_directory()) names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<GoldenCase> goldenCases() {
  std::vector<GoldenCase> cases;
  for (const std::string& name : caseNames()) {
    for (const std::string& dialect : kDialects) cases.push_back({name, dialect});
  }
  return cases;
}

class GoldenSql : public ::testing::TestWithParam<GoldenCase> {};

TEST_P(GoldenSql, MatchesExpected) {
  const std::string dir = casesDir() + "/" + GetParam().name;
  const Dialect* dialect = findDialect(GetParam().dialect);
  ASSERT_NE(dialect, nullptr) << unknownDialectMessage(GetParam().dialect);
  const std::string suffix = GetParam().dialect == "postgres" ? "" : "." + GetParam().dialect;
  Query query;
  std::string error;
  ASSERT_TRUE(parseQueryJson(lkml::test::readText(dir + "/query.json"), &query, &error)) << error;
  test::Attributes attributes;
  if (fs::exists(dir + "/case.json")) {
    auto meta = nlohmann::json::parse(lkml::test::readText(dir + "/case.json"), nullptr, false);
    ASSERT_FALSE(meta.is_discarded()) << dir << "/case.json is not JSON";
    ASSERT_TRUE(meta.value("description", "").size() > 0) << "describe the case in case.json";
    if (meta.contains("user_attributes")) {
      for (const auto& [name, value] : meta["user_attributes"].items()) {
        ASSERT_TRUE(value.is_string()) << "user attribute `" << name << "` must be a string";
        attributes[name] = value.get<std::string>();
      }
    }
  }
  test::Outcome outcome = test::compileOn(test::lookerProject(), query, attributes, dialect);
  const std::string sql_path = dir + "/expected" + suffix + ".sql";
  const std::string errors_path = dir + "/expected_errors" + suffix + ".txt";
  if (outcome.ok) {
    EXPECT_TRUE(outcome.errors.empty());
    lkml::test::expectMatchesGolden(sql_path, outcome.sql);
    if (lkml::test::updatingGoldens()) fs::remove(errors_path);
    EXPECT_FALSE(fs::exists(errors_path))
        << "the query compiles, yet " << errors_path << " expects errors:\n"
        << outcome.sql;
  } else {
    EXPECT_TRUE(outcome.sql.empty()) << "a refused query must produce no SQL";
    lkml::test::expectMatchesGolden(errors_path, outcome.errors);
    if (lkml::test::updatingGoldens()) fs::remove(sql_path);
    EXPECT_FALSE(fs::exists(sql_path))
        << "the query is refused, yet " << sql_path << " expects SQL:\n"
        << outcome.errors;
  }
}

INSTANTIATE_TEST_SUITE_P(Looker, GoldenSql, ::testing::ValuesIn(goldenCases()),
                         [](const ::testing::TestParamInfo<GoldenCase>& info) {
                           // Postgres keeps the case's plain name (as before dialects came).
                           return info.param.dialect == "postgres"
                                      ? info.param.name
                                      : info.param.name + "_" + info.param.dialect;
                         });

TEST(GoldenSqlCases, EnoughCasesArePresent) {
  ASSERT_TRUE(test::lookerProject().project.findModel("ti"));
  EXPECT_GE(caseNames().size(), 25u) << "golden SQL cases live in " << casesDir();
}

TEST(GoldenSqlCases, LookerLoadsWithoutErrors) {
  test::ProjectUnderTest loaded = test::loadProject(lkml::test::sourceDir() + "/looker");
  ASSERT_TRUE(loaded.project);
  EXPECT_EQ(test::renderErrors(loaded.errors), "");
}

}  // namespace
}  // namespace lkml::codegen
