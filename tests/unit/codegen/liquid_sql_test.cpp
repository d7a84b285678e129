// Liquid in field SQL, compiled against a query: `{% if %}` on `_is_filtered` / `_in_query` /
// `_is_selected`, parameters (`_parameter_value`, `{% parameter %}`), user attributes through
// filters, Looker's tags, `${EXTENDED}`, and the one value path: every value from a user or
// the query reaches SQL as an escaped literal or a checked number or identifier.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "codegen/query.h"
#include "tests/unit/codegen/query_test_support.h"

namespace lkml::codegen {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

namespace fs = std::filesystem;

constexpr const char* kModel = R"lkml(
connection: "pg"
include: "/views/*.view.lkml"

explore: sales {
  sql_always_where: {% if sales.region._is_filtered %} 1=1 {% else %} ${sales.amount} > 0-{{ sales.offset._parameter_value }} {% endif %} ;;
}
explore: child_sales { from: child_sales }
explore: grandchild_sales {}
explore: minus_dt {}
)lkml";

constexpr const char* kViews = R"lkml(
view: sales {
  sql_table_name: {% if sales.region._in_query %}shop.sales_by_region{% else %}shop.sales{% endif %} ;;
  dimension: id { primary_key: yes type: number }
  dimension: region {}
  dimension: amount { type: number }
  filter: region_pick { type: string sql: {% condition %} ${region} {% endcondition %} ;; }
  dimension: picked {
    type: yesno
    sql: {% condition region_pick %} {% if true %}${region}{% endif %} {% endcondition %} ;;
  }
  parameter: granularity {
    type: unquoted
    allowed_value: { value: "day" }
    allowed_value: { value: "month" }
  }
  parameter: column { type: unquoted }
  parameter: label_text { type: string }
  parameter: offset { type: number default_value: "1" }
  dimension: period {
    sql: DATE_TRUNC('{% parameter granularity %}', ${TABLE}.created_at) ;;
  }
  dimension: chosen { sql: ${TABLE}.{{ column._parameter_value }} ;; }
  dimension: label_is_east {
    type: yesno
    sql: {% if label_text._parameter_value == "'east'" %}TRUE{% else %}FALSE{% endif %} ;;
  }
  dimension: label { sql: {{ label_text._parameter_value }} ;; }
  dimension: minus_param { type: number sql: 0-{{ offset._parameter_value }} ;; }
  dimension: minus_tag { type: number sql: 0-{% parameter offset %} ;; }
  dimension: minus_attribute { type: number sql: 0-{{ _user_attributes['n'] }} ;; }
  dimension: in_list {
    type: yesno
    sql: ${region} IN ('{{ _user_attributes['regions'] | replace: ",", "','" }}') ;;
  }
  dimension: like_attribute { type: yesno sql: ${region} LIKE '%{{ _user_attributes['n'] }}%' ;; }
  dimension: filtered_value { sql: {{ _filters['sales.region'] | sql_quote }} ;; }
  dimension: branch_in_comment {
    type: number
    sql: 1 /* {% if true %}{{ _user_attributes['n'] }}{% endif %} */ ;;
  }
  dimension: selected_flag {
    sql: {% if sales.amount._is_selected %}'yes'{% else %}'no'{% endif %} ;;
  }
  dimension: names { sql: '{{ _model._name }}/{{ _explore._name }}/{{ _view._name }}/{{ _field._name }}' ;; }
  dimension: date_bounds { sql: {% date_start sales.created_date %} || {% date_end sales.created_date %} ;; }
  dimension_group: created { type: time timeframes: [date, month] sql: ${TABLE}.created_at ;; }
  dimension: bad_syntax { sql: {% if x %} 1 ;; }
  dimension: bad_filter { sql: {{ 'x' | frobnicate }} ;; }
  dimension: loop_forever { sql: {% for i in (1..100000) %}{% endfor %}1 ;; }
  dimension: html_value { sql: {{ value }} ;; }
  dimension: dollar_param { type: number sql: $1 + {{ _user_attributes['n'] }} ;; }
}

view: base_sales {
  sql_table_name: shop.sales ;;
  dimension: id { primary_key: yes type: number sql: ${TABLE}.id ;; }
  dimension: amount { type: number sql: ${TABLE}.amount ;; }
}
view: child_sales {
  extends: [base_sales]
  sql_table_name: (SELECT * FROM ${EXTENDED} WHERE amount > 0) ;;
  dimension: amount { sql: ${EXTENDED} * 100 ;; }
  dimension: orphan { sql: ${EXTENDED} ;; }
}

view: grandchild_sales {
  extends: [child_sales]
  sql_table_name: (SELECT * FROM ${EXTENDED} AS c LIMIT 10) ;;
  dimension: amount { sql: ${EXTENDED} + 1 ;; }
}

view: minus_dt {
  derived_table: { sql: SELECT 0-{{ _user_attributes['n'] }} AS v, 0-{% parameter minus_dt.p %} AS w ;; }
  parameter: p { type: number }
  dimension: v { type: number primary_key: yes }
}
)lkml";

class LiquidSqlTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    project_ = new test::TempProjectUnderTest(
        "lkml_liquid_sql_test", {{"m.model.lkml", kModel}, {"views/all.view.lkml", kViews}});
  }
  static void TearDownTestSuite() { delete project_; }

  static test::Outcome compile(const std::string& explore, const std::vector<std::string>& fields,
                               const std::vector<QueryFilter>& filters = {},
                               const test::Attributes& attributes = {{"n", "5"}}) {
    EXPECT_TRUE(project_->project) << "fixture project did not load";
    Query query;
    query.explore = explore;
    query.fields = fields;
    query.filters = filters;
    return test::compileOn(*project_->project, query, attributes);
  }

  static test::TempProjectUnderTest* project_;
};

test::TempProjectUnderTest* LiquidSqlTest::project_ = nullptr;

TEST_F(LiquidSqlTest, IfOnInQueryAndIsFiltered) {
  test::Outcome plain = compile("sales", {"sales.id"});
  ASSERT_TRUE(plain.ok) << plain.errors;
  EXPECT_THAT(plain.sql, HasSubstr("FROM shop.sales AS sales"));
  EXPECT_THAT(plain.sql, HasSubstr("sales.amount > 0-1"));
  test::Outcome filtered = compile("sales", {"sales.id"}, {{"sales.region", "x"}});
  ASSERT_TRUE(filtered.ok) << filtered.errors;
  EXPECT_THAT(filtered.sql, HasSubstr("FROM shop.sales_by_region AS sales"));
  EXPECT_THAT(filtered.sql, HasSubstr("AND ( 1=1 )"));
  test::Outcome selected = compile("sales", {"sales.region"});
  EXPECT_THAT(selected.sql, HasSubstr("FROM shop.sales_by_region AS sales"));
}

TEST_F(LiquidSqlTest, IsSelectedAndNames) {
  test::Outcome out = compile("sales", {"sales.selected_flag", "sales.amount", "sales.names"});
  ASSERT_TRUE(out.ok) << out.errors;
  EXPECT_THAT(out.sql, HasSubstr("'yes' AS \"sales.selected_flag\""));
  EXPECT_THAT(out.sql, HasSubstr("'m/sales/sales/sales.names'"));
  test::Outcome alone = compile("sales", {"sales.selected_flag"});
  EXPECT_THAT(alone.sql, HasSubstr("'no' AS \"sales.selected_flag\""));
}

TEST_F(LiquidSqlTest, ConditionTagsWithLiquidInside) {
  test::Outcome out = compile("sales", {"sales.picked"}, {{"sales.region_pick", "east"}});
  ASSERT_TRUE(out.ok) << out.errors;
  EXPECT_THAT(out.sql, HasSubstr("CASE WHEN ((sales.region) = 'east') THEN 'Yes'"));
  test::Outcome unset = compile("sales", {"sales.picked"});
  EXPECT_THAT(unset.sql, HasSubstr("CASE WHEN 1=1 THEN 'Yes'"));
  // A filter field's SQL is the WHERE condition when the query filters it; a nameless
  // `{% condition %}` there means that filter.
  test::Outcome own = compile("sales", {"sales.id"}, {{"sales.region_pick", "west"}});
  ASSERT_TRUE(own.ok) << own.errors;
  EXPECT_THAT(own.sql, HasSubstr("((sales.region) = 'west')"));
}

TEST_F(LiquidSqlTest, StringParameterValueKeepsItsQuotes) {
  test::Outcome east =
      compile("sales", {"sales.label_is_east", "sales.label"}, {{"sales.label_text", "east"}});
  ASSERT_TRUE(east.ok) << east.errors;
  EXPECT_THAT(east.sql, HasSubstr("CASE WHEN TRUE THEN 'Yes'"));
  EXPECT_THAT(east.sql, HasSubstr("'east' AS \"sales.label\""));
  test::Outcome hostile = compile("sales", {"sales.label"}, {{"sales.label_text", "x' OR '1'='1"}});
  ASSERT_TRUE(hostile.ok) << hostile.errors;
  EXPECT_THAT(hostile.sql, HasSubstr("'x'' OR ''1''=''1' AS \"sales.label\""));
}

TEST_F(LiquidSqlTest, UnquotedParameterOnlyAsAllowedValueOrIdentifier) {
  test::Outcome ok = compile("sales", {"sales.period", "sales.chosen"},
                             {{"sales.granularity", "month"}, {"sales.column", "amount_2"}});
  ASSERT_TRUE(ok.ok) << ok.errors;
  EXPECT_THAT(ok.sql, HasSubstr("DATE_TRUNC('month', sales.created_at)"));
  EXPECT_THAT(ok.sql, HasSubstr("sales.amount_2 AS \"sales.chosen\""));
  test::Outcome not_allowed = compile("sales", {"sales.period"}, {{"sales.granularity", "week"}});
  EXPECT_FALSE(not_allowed.ok);
  EXPECT_THAT(not_allowed.errors, HasSubstr("LKML414: parameter `sales.granularity`"));
  for (const char* evil : {"amount; DROP TABLE x", "a--b", "a b", "\"x\""}) {
    test::Outcome refused = compile("sales", {"sales.chosen"}, {{"sales.column", evil}});
    EXPECT_FALSE(refused.ok) << evil << "\n" << refused.sql;
    EXPECT_THAT(refused.errors, HasSubstr("LKML414: parameter `sales.column`"));
  }
}

// `0-{{ x }}` with x = -1 must not become `0--1` (a comment) in any place Liquid is rendered.
TEST_F(LiquidSqlTest, NegativeNumbersNeverStartAComment) {
  test::Outcome out =
      compile("sales", {"sales.minus_param", "sales.minus_tag", "sales.minus_attribute"},
              {{"sales.offset", "-1"}}, {{"n", "-1"}});
  ASSERT_TRUE(out.ok) << out.errors;
  EXPECT_THAT(out.sql, Not(HasSubstr("--")));
  EXPECT_THAT(out.sql, HasSubstr("0-(-1) AS \"sales.minus_param\""));
  EXPECT_THAT(out.sql, HasSubstr("0-(-1) AS \"sales.minus_tag\""));
  EXPECT_THAT(out.sql, HasSubstr("0-(-1) AS \"sales.minus_attribute\""));
  EXPECT_THAT(out.sql, HasSubstr("sales.amount > 0-(-1)"));  // sql_always_where
  test::Outcome dt = compile("minus_dt", {"minus_dt.v"}, {{"minus_dt.p", "-2"}}, {{"n", "-1"}});
  ASSERT_TRUE(dt.ok) << dt.errors;
  EXPECT_THAT(dt.sql, HasSubstr("SELECT 0-(-1) AS v, 0-(-2) AS w"));
  test::Outcome not_number = compile("sales", {"sales.minus_tag"}, {{"sales.offset", "1 OR 1"}});
  EXPECT_FALSE(not_number.ok);
  EXPECT_THAT(not_number.errors, HasSubstr("LKML414"));
}

TEST_F(LiquidSqlTest, ReplaceBuildsAnInListOfEscapedLiterals) {
  test::Outcome out = compile("sales", {"sales.in_list"}, {}, {{"regions", "east,west"}});
  ASSERT_TRUE(out.ok) << out.errors;
  EXPECT_THAT(out.sql, HasSubstr("sales.region IN ('east','west')"));
  test::Outcome hostile =
      compile("sales", {"sales.in_list"}, {}, {{"regions", "e') OR 1=1 --,w\\'"}});
  ASSERT_TRUE(hostile.ok) << hostile.errors;
  EXPECT_THAT(hostile.sql, HasSubstr("sales.region IN ('e'') OR 1=1 --',E'w\\\\''')"));
}

TEST_F(LiquidSqlTest, HostileValuesStayOneLiteral) {
  struct Case {
    const char* value;
    const char* expected;
  };
  const Case cases[] = {
      {"-1", "LIKE '%' || '-1' || '%'"},
      {"x'y", "LIKE '%' || 'x''y' || '%'"},
      {"a\\", "LIKE '%' || E'a\\\\' || '%'"},
      {"$$; DROP TABLE t; $$", "LIKE '%' || '$$; DROP TABLE t; $$' || '%'"},
      {"*/ OR 1=1 /*", "LIKE '%' || '*/ OR 1=1 /*' || '%'"},
      {"a\nb", "LIKE '%' || 'a\nb' || '%'"},
      {"{{ _user_attributes['n'] }}", "LIKE '%' || '{{ _user_attributes[''n''] }}' || '%'"},
      {"${TABLE}", "LIKE '%' || '${TABLE}' || '%'"},
  };
  for (const Case& c : cases) {
    test::Outcome out = compile("sales", {"sales.like_attribute"}, {}, {{"n", c.value}});
    ASSERT_TRUE(out.ok) << c.value << "\n" << out.errors;
    EXPECT_THAT(out.sql, HasSubstr(c.expected)) << c.value;
  }
  test::Outcome filter =
      compile("sales", {"sales.filtered_value"}, {{"sales.region", "x' OR 1=1 --"}});
  ASSERT_TRUE(filter.ok) << filter.errors;
  EXPECT_THAT(filter.sql, HasSubstr("'x'' OR 1=1 --' AS \"sales.filtered_value\""));
}

TEST_F(LiquidSqlTest, ValuesPrintedInsideBranchesAreCheckedToo) {
  test::Outcome out = compile("sales", {"sales.branch_in_comment"});
  EXPECT_FALSE(out.ok) << out.sql;
  EXPECT_THAT(out.errors, HasSubstr("LKML415"));
  // `$1` is a parameter, not a dollar quote: the value after it is in code.
  test::Outcome dollar = compile("sales", {"sales.dollar_param"});
  ASSERT_TRUE(dollar.ok) << dollar.errors;
  EXPECT_THAT(dollar.sql, HasSubstr("$1 + 5"));
}

TEST_F(LiquidSqlTest, DateStartAndEnd) {
  test::Outcome out =
      compile("sales", {"sales.date_bounds"}, {{"sales.created_date", "2024-01-01 to 2024-02-01"}});
  ASSERT_TRUE(out.ok) << out.errors;
  EXPECT_THAT(out.sql, HasSubstr("TIMESTAMP '2024-01-01' || TIMESTAMP '2024-02-01'"));
  test::Outcome none = compile("sales", {"sales.date_bounds"});
  EXPECT_THAT(none.sql, HasSubstr("NULL || NULL"));
}

TEST_F(LiquidSqlTest, ErrorsHaveTheirCodes) {
  EXPECT_THAT(compile("sales", {"sales.bad_syntax"}).errors, HasSubstr("LKML416"));
  EXPECT_THAT(compile("sales", {"sales.bad_filter"}).errors, HasSubstr("LKML416"));
  EXPECT_THAT(compile("sales", {"sales.loop_forever"}).errors, HasSubstr("LKML413"));
  EXPECT_THAT(compile("sales", {"sales.html_value"}).errors, HasSubstr("only available in html"));
  EXPECT_THAT(compile("sales", {"sales.minus_attribute"}, {}, {}).errors, HasSubstr("LKML407"));
}

TEST_F(LiquidSqlTest, ExtendedIsTheParentsValue) {
  test::Outcome out = compile("child_sales", {"child_sales.amount"});
  ASSERT_TRUE(out.ok) << out.errors;
  EXPECT_THAT(out.sql, HasSubstr("child_sales.amount * 100 AS \"child_sales.amount\""));
  EXPECT_THAT(out.sql,
              HasSubstr("FROM (SELECT * FROM shop.sales WHERE amount > 0) AS child_sales"));
  // Two levels: each `${EXTENDED}` is its parent's text, which has its own parent's inside.
  test::Outcome grand = compile("grandchild_sales", {"grandchild_sales.amount"});
  ASSERT_TRUE(grand.ok) << grand.errors;
  EXPECT_THAT(grand.sql, HasSubstr("grandchild_sales.amount * 100 + 1 AS"));
  EXPECT_THAT(grand.sql, HasSubstr("FROM (SELECT * FROM (SELECT * FROM shop.sales WHERE amount > "
                                   "0) AS c LIMIT 10) AS grandchild_sales"));
  test::Outcome orphan = compile("child_sales", {"child_sales.orphan"});
  EXPECT_FALSE(orphan.ok);
  EXPECT_THAT(orphan.errors, HasSubstr("LKML417"));
}

}  // namespace
}  // namespace lkml::codegen
