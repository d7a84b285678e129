#include <gmock/gmock.h>

#include "tests/unit/ide/ide_test_support.h"

namespace lkml::ide::test {
namespace {

using ::testing::Contains;
using ::testing::IsEmpty;
using ::testing::Not;

std::vector<std::string> labels(const std::vector<CompletionItem>& items) {
  std::vector<std::string> out;
  for (const CompletionItem& i : items) out.push_back(i.label);
  return out;
}

// The sample project plus one file being typed (which does not parse) at `|`.
class CompletionTest : public ::testing::Test {
 protected:
  std::vector<std::string> at(const std::string& typed) {
    size_t cursor = typed.find('|');
    std::string text = typed.substr(0, cursor) + typed.substr(cursor + 1);
    IdeProject p{File{"a.model.lkml", sampleFiles().begin()[0].text},
                 File{"b.model.lkml", sampleFiles().begin()[1].text},
                 File{"views/orders.view.lkml", sampleFiles().begin()[2].text},
                 File{"views/users.view.lkml", sampleFiles().begin()[3].text},
                 File{"views/typing.view.lkml", text}};
    items_ = complete(p.project(), "views/typing.view.lkml", static_cast<uint32_t>(cursor));
    return labels(items_);
  }
  std::vector<CompletionItem> items_;
};

TEST_F(CompletionTest, AfterDollarBraceViewsFieldsAndTable) {
  auto items = at("view: typing {\n  dimension: x {\n    sql: ${|");
  EXPECT_THAT(items, Contains("TABLE"));
  EXPECT_THAT(items, Contains("orders"));
  EXPECT_THAT(items, Contains("users"));
  EXPECT_THAT(items, Contains("x"));  // the view's own field
}

TEST_F(CompletionTest, AfterViewDotThatViewsFieldsWithGroupsExpanded) {
  auto items = at("view: typing {\n  dimension: x {\n    sql: ${orders.|} ;;\n  }\n}\n");
  EXPECT_THAT(items, Contains("user_id"));
  EXPECT_THAT(items, Contains("created_date"));
  EXPECT_THAT(items, Contains("SQL_TABLE_NAME"));
  EXPECT_THAT(items, Not(Contains("name")));  // a users field
  // A half-typed name filters (subsequence, case-insensitive).
  auto partial = at("view: typing {\n  dimension: x {\n    sql: ${orders.crd|");
  EXPECT_THAT(partial, Contains("created_date"));
  EXPECT_THAT(partial, Not(Contains("user_id")));
}

TEST_F(CompletionTest, FieldDocumentationAndDetail) {
  at("view: typing {\n  dimension: x {\n    sql: ${orders.user|");
  ASSERT_FALSE(items_.empty());
  EXPECT_EQ(items_[0].label, "user_id");
  EXPECT_EQ(items_[0].kind, CompletionKind::Field);
  EXPECT_EQ(items_[0].detail, "dimension number");
  EXPECT_NE(items_[0].documentation.find("Who ordered."), std::string::npos);
}

TEST_F(CompletionTest, ParameterNamesOfTheEnclosingBlock) {
  auto in_field = at("view: typing {\n  dimension: x {\n    prim|\n");
  EXPECT_THAT(in_field, Contains("primary_key"));
  auto in_view = at("view: typing {\n  sql_tab|\n");
  EXPECT_THAT(in_view, Contains("sql_table_name"));
  EXPECT_THAT(in_view, Not(Contains("primary_key")));
  auto top = at("vi|");
  EXPECT_THAT(top, Contains("view"));
  auto join = at("explore: e {\n  join: users {\n    rel|");
  EXPECT_THAT(join, Contains("relationship"));
}

TEST_F(CompletionTest, ParameterValues) {
  EXPECT_THAT(at("view: typing {\n  measure: m {\n    type: |"), Contains("count_distinct"));
  EXPECT_THAT(at("view: typing {\n  dimension: d {\n    type: |"), Not(Contains("count")));
  EXPECT_THAT(at("view: typing {\n  dimension: d {\n    type: yes|"), Contains("yesno"));
  EXPECT_THAT(at("explore: e {\n  join: j {\n    relationship: |"), Contains("many_to_one"));
  EXPECT_THAT(at("explore: e {\n  join: j {\n    type: |"), Contains("left_outer"));
  EXPECT_THAT(at("explore: e {\n  join: j {\n    from: |"), Contains("orders"));
  EXPECT_THAT(at("view: typing {\n  dimension: d {\n    hidden: |"), Contains("yes"));
  EXPECT_THAT(at("view: typing {\n  derived_table: {\n    explore_source: |"), Contains("orders"));
}

TEST_F(CompletionTest, FieldListsInExploresUseJoinAliases) {
  auto items =
      at("explore: e {\n  view_name: orders\n  join: buyer { from: users }\n"
         "  fields: [buyer.|]\n}\n");
  EXPECT_THAT(items, Contains("name"));
  EXPECT_THAT(items, Contains("ALL_FIELDS*"));
  EXPECT_THAT(items, Not(Contains("user_id")));
  auto sets = at("view: typing {\n  measure: c {\n    drill_fields: [orders.|\n");
  EXPECT_THAT(sets, Contains("details*"));
  auto sorts =
      at("view: typing {\n  derived_table: {\n    explore_source: orders {\n"
         "      sorts: [orders.|");
  EXPECT_THAT(sorts, Contains("created_month"));
  auto grants = at("explore: e {\n  required_access_grants: [|");
  EXPECT_THAT(grants, Contains("staff"));
  auto extends = at("view: typing {\n  extends: [us|");
  EXPECT_THAT(extends, Contains("users"));
}

TEST_F(CompletionTest, NothingInCommentsStringsAndSql) {
  EXPECT_THAT(at("# view: typing {\n  sql|"), Not(Contains("view")));  // ParameterName, top
  EXPECT_THAT(at("view: typing { # dim|\n}"), IsEmpty());
  EXPECT_THAT(at("view: typing {\n  dimension: x {\n    sql: SELECT or|"), IsEmpty());
  EXPECT_THAT(at("view: typing {\n  label: \"or|"), IsEmpty());
}

TEST_F(CompletionTest, AnyOffsetOfBrokenTextIsSafe) {
  std::string text =
      "view: typing {\n  dimension: x { sql: ${orders. ;; }\n  measure: [ { ] \"\n"
      "explore: { join: { sql_on: ${ ;; } }}}}} ]] \"{{ x }}\" {% if %}\n";
  IdeProject p{File{"a.model.lkml", "include: \"*.view\"\n"}, File{"t.view.lkml", text}};
  for (uint32_t offset = 0; offset <= text.size() + 2; ++offset) {
    complete(p.project(), "t.view.lkml", offset);
    definition(p.project(), "t.view.lkml", offset);
    hover(p.project(), "t.view.lkml", offset);
    references(p.project(), "t.view.lkml", offset, true);
    rename(p.project(), "t.view.lkml", offset, "n");
  }
  documentSymbols(p.project(), "t.view.lkml");
  SUCCEED();
}

}  // namespace
}  // namespace lkml::ide::test
