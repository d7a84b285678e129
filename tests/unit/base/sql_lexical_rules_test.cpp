#include "base/sql_lexical_rules.h"

#include <gtest/gtest.h>

#include <string>

namespace lkml::sql {
namespace {

// Where skipLiteralOrComment lands, as the rest of the text.
std::string after(std::string_view sql, Dialect dialect) {
  size_t end = skipLiteralOrComment(sql, 0, dialect);
  return std::string(sql.substr(end));
}

TEST(SqlLexicalRules, DialectNames) {
  EXPECT_EQ(parseDialect("BigQuery"), Dialect::BigQuery);
  EXPECT_EQ(parseDialect("bigquery_standard_sql"), Dialect::BigQuery);
  EXPECT_EQ(parseDialect("postgresql"), Dialect::Postgres);
  EXPECT_EQ(parseDialect("snowflake"), Dialect::Snowflake);
  EXPECT_EQ(parseDialect("redshift"), Dialect::Redshift);
  EXPECT_EQ(parseDialect("duckdb"), Dialect::DuckDB);
  EXPECT_FALSE(parseDialect("mysql"));
  EXPECT_STREQ(dialectName(Dialect::BigQuery), "bigquery");
  EXPECT_EQ(unknownDialectMessage("bigqeury"),
            "unknown dialect `bigqeury`; expected one of bigquery, duckdb, postgres, redshift, "
            "snowflake (did you mean `bigquery`?)");
}

TEST(SqlLexicalRules, PostgresStringsCommentsAndDollarQuotes) {
  EXPECT_EQ(after("'it''s' x", Dialect::Postgres), " x");
  EXPECT_EQ(after("\"Order \"\"ID\"\"\" x", Dialect::Postgres), " x");
  EXPECT_EQ(after("/* a /* nested */ still */ x", Dialect::Postgres), " x");
  EXPECT_EQ(after("$fn$ it's $x$ $fn$ x", Dialect::Postgres), " x");
  EXPECT_EQ(after("-- c\nx", Dialect::Postgres), "x");
  // A backslash does not escape in a plain string, but does in E'...'.
  EXPECT_EQ(after("'a\\' x", Dialect::Postgres), " x");
  EXPECT_EQ(skipLiteralOrComment("E'a\\'b' x", 1, Dialect::Postgres), 7u);
  // `${TABLE}` and `$1` are no dollar quotes; `#` is no comment.
  EXPECT_EQ(skipLiteralOrComment("${TABLE}", 0, Dialect::Postgres), 0u);
  EXPECT_EQ(skipLiteralOrComment("$1", 0, Dialect::Postgres), 0u);
  EXPECT_EQ(skipLiteralOrComment("# x", 0, Dialect::Postgres), 0u);
  EXPECT_EQ(skipLiteralOrComment("`x`", 0, Dialect::Postgres), 0u);
}

TEST(SqlLexicalRules, BigQueryQuotesAndComments) {
  EXPECT_EQ(after("`my-project.ds.t` x", Dialect::BigQuery), " x");
  EXPECT_EQ(after("`a\\`b` x", Dialect::BigQuery), " x");
  EXPECT_EQ(after("\"it\\\"s\" x", Dialect::BigQuery), " x");  // "..." is a string
  EXPECT_EQ(after("'it\\'s' x", Dialect::BigQuery), " x");
  EXPECT_EQ(after("'''a 'quoted' ''' x", Dialect::BigQuery), " x");
  EXPECT_EQ(after("\"\"\"multi\nline\"\"\" x", Dialect::BigQuery), " x");
  EXPECT_EQ(after("r'\\d+' x", Dialect::BigQuery), " x");
  EXPECT_EQ(after("RB'\\x01' x", Dialect::BigQuery), " x");
  EXPECT_EQ(after("# comment ${TABLE}.x\ny", Dialect::BigQuery), "y");
  EXPECT_EQ(after("/* a /* b */ x", Dialect::BigQuery), " x");  // not nested
  // A word ending in r or b before a quote is no prefix.
  EXPECT_EQ(skipLiteralOrComment("bar'", 2, Dialect::BigQuery), 2u);
}

TEST(SqlLexicalRules, SnowflakeDollarStringsAndSlashComments) {
  EXPECT_EQ(after("$$ it's ${TABLE}.x $$ y", Dialect::Snowflake), " y");
  EXPECT_EQ(after("// c\ny", Dialect::Snowflake), "y");
  EXPECT_EQ(after("'a\\'b' y", Dialect::Snowflake), " y");
  EXPECT_EQ(after("\"Mixed\" y", Dialect::Snowflake), " y");
  // Snowflake has no tagged dollar quotes: `$tag$` is not one.
  EXPECT_EQ(skipLiteralOrComment("$tag$ x $tag$", 0, Dialect::Snowflake), 0u);
}

TEST(SqlLexicalRules, UnterminatedRunsToTheEnd) {
  for (Dialect d : {Dialect::Postgres, Dialect::BigQuery, Dialect::Snowflake}) {
    EXPECT_EQ(skipLiteralOrComment("'open", 0, d), 5u);
    EXPECT_EQ(skipLiteralOrComment("/* open", 0, d), 7u);
  }
  EXPECT_EQ(skipQuotedIdentifier("`open", 0, Dialect::BigQuery), std::string_view::npos);
}

TEST(SqlLexicalRules, UnquoteAndCompare) {
  EXPECT_EQ(unquoteIdentifier("\"a\"\"b\"", Dialect::Postgres), "a\"b");
  EXPECT_EQ(unquoteIdentifier("`a\\`b`", Dialect::BigQuery), "a`b");
  EXPECT_TRUE(sameName("Visits", "visits", Folding::CaseInsensitive));
  EXPECT_FALSE(sameName("Visits", "visits", Folding::Lower));
}

}  // namespace
}  // namespace lkml::sql
