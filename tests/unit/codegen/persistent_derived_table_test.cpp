// A derived table built by `sql_create` or `create_process` is a persistent derived table:
// Looker runs those statements itself and names the result in its scratch schema, a name lkml
// cannot know. A query that reads such a view (from it, joined, or through
// `${view.SQL_TABLE_NAME}`) is refused with LKML436 at the parameter, never an empty CTE.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "base/source_file.h"
#include "tests/unit/codegen/query_test_support.h"

namespace lkml::codegen {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kProject = R"lkml(connection: "db"
view: sessions {
  sql_table_name: ga.sessions ;;
  dimension: id { primary_key: yes }
  dimension: visitor_id {}
  dimension: score { sql: (SELECT MAX(s) FROM ${purchase_model.SQL_TABLE_NAME}) ;; }
}
view: purchase_model {
  derived_table: {
    sql_create:
      CREATE OR REPLACE MODEL ${SQL_TABLE_NAME} OPTIONS(model_type='logistic_reg') AS
      SELECT * FROM ga.training ;;
  }
  dimension: visitor_id { primary_key: yes }
}
view: scores {
  derived_table: {
    create_process: {
      sql_step: CREATE TABLE ${SQL_TABLE_NAME} AS SELECT 1 AS visitor_id ;;
    }
  }
  dimension: visitor_id { primary_key: yes }
}
explore: sessions {
  join: purchase_model {
    relationship: many_to_one
    sql_on: ${sessions.visitor_id} = ${purchase_model.visitor_id} ;;
  }
}
explore: purchase_model {}
explore: scores {}
)lkml";

class PersistentDerivedTable : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    project_ = new test::TempProjectUnderTest("lkml_persistent_derived_table",
                                              {{"ga.model.lkml", kProject}});
  }
  static void TearDownTestSuite() { delete project_; }
  static CompiledQuery compile(const std::string& explore, const std::vector<std::string>& fields) {
    EXPECT_EQ(test::renderErrors(project_->errors), "");
    const semantic::Model& model = project_->project->project.models.at(0);
    Query query;
    query.explore = explore;
    query.fields = fields;
    static const PostgresDialect postgres;
    return compileQuery(model, *model.findExplore(explore), query, UserContext{}, postgres);
  }
  // "line:column" of a diagnostic's span in ga.model.lkml.
  static std::string position(const Diagnostic& d) {
    const SourceFile& file = project_->project->sources.sources->file(d.span.file);
    LineCol at = file.lineCol(d.span.begin);
    return std::to_string(at.line) + ":" + std::to_string(at.column);
  }
  static test::TempProjectUnderTest* project_;
};

test::TempProjectUnderTest* PersistentDerivedTable::project_ = nullptr;

TEST_F(PersistentDerivedTable, ReadingASqlCreateViewIsRefusedAtItsSqlCreate) {
  CompiledQuery q = compile("purchase_model", {"purchase_model.visitor_id"});
  ASSERT_FALSE(q.ok()) << q.sql;
  ASSERT_EQ(q.errors.size(), 1u) << test::renderErrors(q.errors);
  EXPECT_EQ(q.errors[0].codeName(), "LKML436");
  EXPECT_THAT(q.errors[0].message, HasSubstr("view `purchase_model`"));
  EXPECT_THAT(q.errors[0].message, HasSubstr("`sql_create`"));
  EXPECT_THAT(q.errors[0].message, HasSubstr("scratch schema"));
  EXPECT_EQ(position(q.errors[0]), "10:5");
  EXPECT_THAT(q.sql, Not(HasSubstr("AS ()")));
}

TEST_F(PersistentDerivedTable, JoiningOrNamingItsTableIsRefusedToo) {
  CompiledQuery joined = compile("sessions", {"sessions.id", "purchase_model.visitor_id"});
  EXPECT_FALSE(joined.ok());
  EXPECT_THAT(test::renderErrors(joined.errors), HasSubstr("LKML436: view `purchase_model`"));
  CompiledQuery named = compile("sessions", {"sessions.score"});
  EXPECT_FALSE(named.ok());
  EXPECT_THAT(test::renderErrors(named.errors), HasSubstr("LKML436: view `purchase_model`"));
}

TEST_F(PersistentDerivedTable, CreateProcessIsRefusedLikeSqlCreate) {
  CompiledQuery q = compile("scores", {"scores.visitor_id"});
  ASSERT_FALSE(q.ok()) << q.sql;
  ASSERT_EQ(q.errors.size(), 1u) << test::renderErrors(q.errors);
  EXPECT_THAT(q.errors[0].message, HasSubstr("view `scores`"));
  EXPECT_THAT(q.errors[0].message, HasSubstr("`create_process`"));
  EXPECT_EQ(position(q.errors[0]), "18:5");
}

TEST_F(PersistentDerivedTable, QueriesThatDoNotReadItStillCompile) {
  CompiledQuery q = compile("sessions", {"sessions.id"});
  EXPECT_TRUE(q.ok()) << test::renderErrors(q.errors);
  EXPECT_THAT(q.sql, HasSubstr("FROM ga.sessions"));
}

}  // namespace
}  // namespace lkml::codegen
