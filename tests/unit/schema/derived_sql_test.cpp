#include "schema/derived_sql.h"

#include <gtest/gtest.h>

#include "tests/unit/schema/schema_test_util.h"

namespace lkml::schema::test {
namespace {

struct Compiled {
  std::unique_ptr<semantic::LoadedProject> project;
  const semantic::Model* model = nullptr;
};

Compiled compile(const std::string& text) {
  TempDir dir;
  dir.write("m.model.lkml", text);
  DiagnosticBag bag;
  Compiled c;
  c.project = semantic::loadAndCompile(dir.root(), bag);
  if (c.project && !c.project->project.models.empty()) c.model = &c.project->project.models[0];
  return c;
}

TEST(DerivedSql, PlainSqlIsCopiedWithOffsets) {
  Compiled c = compile("view: a { derived_table: { sql: SELECT 1 AS x ;; } }\n");
  ASSERT_TRUE(c.model);
  const semantic::View& view = *c.model->findView("a");
  ExpandedSql e = expandDerivedTable(*c.model, view);
  ASSERT_TRUE(e.ok) << e.reason;
  EXPECT_EQ(e.sql, "SELECT 1 AS x");
  EXPECT_EQ(e.sourceOffset(7), 7u);
}

TEST(DerivedSql, OtherDerivedTablesBecomeCtesInDependencyOrder) {
  Compiled c = compile(R"(
view: base { sql_table_name: public.orders ;; }
view: a { derived_table: { sql: SELECT id FROM ${base.SQL_TABLE_NAME} ;; } }
view: b { derived_table: { sql: SELECT id FROM ${a.SQL_TABLE_NAME} ;; } }
view: c { derived_table: { sql: SELECT * FROM ${b.SQL_TABLE_NAME} JOIN ${a.SQL_TABLE_NAME} USING (id) ;; } }
)");
  ASSERT_TRUE(c.model);
  ExpandedSql e = expandDerivedTable(*c.model, *c.model->findView("c"));
  ASSERT_TRUE(e.ok) << e.reason;
  EXPECT_EQ(e.sql,
            "WITH a AS (\nSELECT id FROM public.orders\n),\nb AS (\nSELECT id FROM a\n)\n"
            "SELECT * FROM b JOIN a USING (id)");
  EXPECT_EQ(e.dependencies, (std::vector<std::string>{"a", "b"}));
  // `JOIN` in the output maps back to its place in view c's SQL.
  size_t join_out = e.sql.find("JOIN");
  auto src = e.sourceOffset(join_out);
  ASSERT_TRUE(src);
  EXPECT_EQ(c.model->findView("c")->derived_table_sql.text.substr(*src, 4), "JOIN");
}

TEST(DerivedSql, CtesMergeIntoAnExistingWith) {
  Compiled c = compile(R"(
view: a { derived_table: { sql: SELECT 1 AS id ;; } }
view: b { derived_table: { sql: WITH x AS (SELECT id FROM ${a.SQL_TABLE_NAME}) SELECT * FROM x ;; } }
)");
  ASSERT_TRUE(c.model);
  ExpandedSql e = expandDerivedTable(*c.model, *c.model->findView("b"));
  ASSERT_TRUE(e.ok) << e.reason;
  EXPECT_EQ(e.sql, "WITH a AS (\nSELECT 1 AS id\n), x AS (SELECT id FROM a) SELECT * FROM x");
  auto src = e.sourceOffset(e.sql.find("x AS"));
  ASSERT_TRUE(src);
  EXPECT_EQ(c.model->findView("b")->derived_table_sql.text.substr(*src, 4), "x AS");
}

TEST(DerivedSql, TemplatedFiltersAndParameters) {
  Compiled c = compile(R"(
view: a {
  derived_table: {
    sql: SELECT * FROM t WHERE {% condition f %} t.x {% endcondition %} AND k = {% parameter p %} AND d > {% date_start f %} ;;
  }
  filter: f { type: string }
  parameter: p { type: string default_value: "it's" }
}
)");
  ASSERT_TRUE(c.model);
  ExpandedSql e = expandDerivedTable(*c.model, *c.model->findView("a"));
  ASSERT_TRUE(e.ok) << e.reason;
  EXPECT_EQ(e.sql, "SELECT * FROM t WHERE 1=1 AND k = 'it''s' AND d > NULL");
}

TEST(DerivedSql, WhatCannotBeExpandedSaysWhy) {
  Compiled c = compile(R"(
view: a { derived_table: { sql: SELECT {{ _user_attributes['x'] }} ;; } }
view: b { derived_table: { sql: SELECT ${TABLE}.x ;; } }
view: c { derived_table: { sql: SELECT * FROM ${d.SQL_TABLE_NAME} ;; } }
view: d { derived_table: { sql: SELECT * FROM ${c.SQL_TABLE_NAME} ;; } }
view: e { derived_table: { sql: SELECT * FROM ${nope.SQL_TABLE_NAME} ;; } }
)");
  ASSERT_TRUE(c.model);
  auto reason = [&](const char* view) {
    ExpandedSql e = expandDerivedTable(*c.model, *c.model->findView(view));
    EXPECT_FALSE(e.ok);
    return e.reason;
  };
  EXPECT_NE(reason("a").find("Liquid output"), std::string::npos);
  EXPECT_NE(reason("b").find("${TABLE}"), std::string::npos);
  EXPECT_NE(reason("c").find("cycle"), std::string::npos);
  EXPECT_NE(reason("e").find("no view `nope`"), std::string::npos);
}

}  // namespace
}  // namespace lkml::schema::test
