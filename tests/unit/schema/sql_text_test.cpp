#include "schema/sql_text.h"

#include <gtest/gtest.h>

namespace lkml::schema {
namespace {

std::string slice(std::string_view text, TextRange r) {
  return std::string(text.substr(r.begin, r.end - r.begin));
}

TEST(SqlText, ScansPlainAndQuotedIdentifiers) {
  EXPECT_EQ(scanIdentifier("order_id + 1", 0), 8u);
  EXPECT_EQ(scanIdentifier("\"Order \"\"ID\"\" x\".y", 0), 16u);
  EXPECT_EQ(scanIdentifier("1abc", 0), 0u);
  EXPECT_EQ(scanIdentifier("\"\"", 0), 0u);
}

TEST(SqlText, FindsTableColumnReferences) {
  std::string sql = "COALESCE(${TABLE}.amount, 0) + ${TABLE}.\"Tax Rate\"::numeric -- ${TABLE}.x";
  auto refs = findTableColumnReferences(sql);
  ASSERT_EQ(refs.size(), 2u);
  EXPECT_EQ(refs[0].identifier, "amount");
  EXPECT_EQ(slice(sql, refs[0].whole), "${TABLE}.amount");
  EXPECT_EQ(refs[1].identifier, "\"Tax Rate\"");
  EXPECT_EQ(slice(sql, refs[1].name), "\"Tax Rate\"");
}

TEST(SqlText, IgnoresReferencesInStringsAndComments) {
  EXPECT_TRUE(findTableColumnReferences("'${TABLE}.a' /* ${TABLE}.b */").empty());
  EXPECT_TRUE(findTableColumnReferences("${TABLE}").empty());
}

TEST(SqlText, LexesEachDialect) {
  using sql::Dialect;
  // BigQuery: # comments, "..." strings, raw and triple-quoted strings hide references;
  // backticks quote a column; a STRUCT path follows the column.
  std::string bq =
      "IF(${TABLE}.`Order ID` > 0, r'${TABLE}.no', '''${TABLE}.no''') # ${TABLE}.no\n"
      "+ ${TABLE}.totals.visits + \"${TABLE}.no\"";
  auto refs = findTableColumnReferences(bq, Dialect::BigQuery);
  ASSERT_EQ(refs.size(), 2u);
  EXPECT_EQ(refs[0].identifier, "`Order ID`");
  EXPECT_EQ(refs[1].identifier, "totals");
  EXPECT_EQ(refs[1].fields, std::vector<std::string>{"visits"});
  EXPECT_EQ(slice(bq, refs[1].whole), "${TABLE}.totals.visits");
  // The same text read as PostgreSQL sees other things: `#` is no comment there.
  EXPECT_EQ(findTableColumnReferences("${TABLE}.a # ${TABLE}.b").size(), 2u);
  EXPECT_EQ(findTableColumnReferences("${TABLE}.a # ${TABLE}.b", Dialect::BigQuery).size(), 1u);
  // PostgreSQL: `a.b` after ${TABLE}.a is not a field path.
  EXPECT_TRUE(findTableColumnReferences("${TABLE}.a.b")[0].fields.empty());
  // Snowflake: $$...$$ is a string; // is a comment.
  EXPECT_EQ(findTableColumnReferences("$$ ${TABLE}.no $$ || ${TABLE}.a // ${TABLE}.no",
                                      Dialect::Snowflake)
                .size(),
            1u);
  // A STRUCT field is no simple column: its type is not the column's.
  EXPECT_EQ(classifyExpression("${TABLE}.totals.visits", Dialect::BigQuery).kind,
            SimpleExpression::Kind::None);
  EXPECT_EQ(classifyExpression("${TABLE}.`visits`", Dialect::BigQuery).kind,
            SimpleExpression::Kind::TableColumn);
}

TEST(SqlText, ClassifiesSimpleExpressions) {
  SimpleExpression e = classifyExpression("  ${TABLE}.created_at ;");
  EXPECT_EQ(e.kind, SimpleExpression::Kind::TableColumn);
  EXPECT_EQ(e.identifier, "created_at");
  EXPECT_EQ(e.range.begin, 2u);

  e = classifyExpression("(orders.\"Amount\")");
  EXPECT_EQ(e.kind, SimpleExpression::Kind::QualifiedColumn);
  EXPECT_EQ(e.qualifier, "orders");
  EXPECT_EQ(e.identifier, "\"Amount\"");

  e = classifyExpression("${created_raw}");
  EXPECT_EQ(e.kind, SimpleExpression::Kind::Field);
  EXPECT_EQ(e.field, "created_raw");

  e = classifyExpression("${users.id}");
  EXPECT_EQ(e.kind, SimpleExpression::Kind::ViewField);
  EXPECT_EQ(e.qualifier, "users");
  EXPECT_EQ(e.field, "id");

  EXPECT_EQ(classifyExpression("${TABLE}.a + 1").kind, SimpleExpression::Kind::None);
  EXPECT_EQ(classifyExpression("${TABLE}.a::date").kind, SimpleExpression::Kind::None);
  EXPECT_EQ(classifyExpression("(a) + (b)").kind, SimpleExpression::Kind::None);
  EXPECT_EQ(classifyExpression("${x.SQL_TABLE_NAME}").kind, SimpleExpression::Kind::None);
}

TEST(SqlText, SplitsConjunctionsAtTopLevelOnly) {
  std::string sql = "${a.x} = ${b.y} AND (${a.z} = 1 OR ${b.w} = 'AND') and ${a.k}=${b.k}";
  auto parts = splitConjunction(sql);
  ASSERT_EQ(parts.size(), 3u);
  EXPECT_EQ(slice(sql, parts[0]), "${a.x} = ${b.y}");
  EXPECT_EQ(slice(sql, parts[1]), "(${a.z} = 1 OR ${b.w} = 'AND')");
  EXPECT_EQ(slice(sql, parts[2]), "${a.k}=${b.k}");
  // `android` is not the keyword.
  EXPECT_EQ(splitConjunction("android = 1").size(), 1u);
}

TEST(SqlText, SplitsEqualities) {
  std::string sql = "(${orders.user_id} = ${users.id})";
  TextRange lhs, rhs;
  ASSERT_TRUE(splitEquality(sql, {0, sql.size()}, &lhs, &rhs));
  EXPECT_EQ(slice(sql, lhs), "${orders.user_id}");
  EXPECT_EQ(slice(sql, rhs), "${users.id}");
  EXPECT_FALSE(splitEquality("a >= b", {0, 6}, &lhs, &rhs));
  EXPECT_FALSE(splitEquality("a <> b", {0, 6}, &lhs, &rhs));
  EXPECT_FALSE(splitEquality("a = b = c", {0, 9}, &lhs, &rhs));
  EXPECT_FALSE(splitEquality("a BETWEEN 1 AND 2", {0, 17}, &lhs, &rhs));
  std::string quoted = "a = '=='";
  ASSERT_TRUE(splitEquality(quoted, {0, quoted.size()}, &lhs, &rhs));
  EXPECT_EQ(slice(quoted, rhs), "'=='");
}

TEST(SqlText, DetectsTemplating) {
  EXPECT_TRUE(hasTemplating("{{ _user_attributes['schema'] }}.orders"));
  EXPECT_TRUE(hasTemplating("@{schema}.orders"));
  EXPECT_FALSE(hasTemplating("public.orders"));
}

}  // namespace
}  // namespace lkml::schema
