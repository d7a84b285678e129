// Where a position in SQL text lies, as PostgreSQL's lexer sees it: the query compiler writes
// user values only where this is Code or a plain string literal.
#include <gtest/gtest.h>

#include "codegen/sql_lexical_state.h"

namespace lkml::codegen {
namespace {

SqlPosition at(std::string_view sql) { return lexicalStateAtEnd(sql).position; }

TEST(SqlLexicalStateTest, CodeAndLiterals) {
  EXPECT_EQ(at("SELECT a = "), SqlPosition::Code);
  EXPECT_EQ(at("x = 'abc"), SqlPosition::StringLiteral);
  EXPECT_EQ(at("x = 'it''s "), SqlPosition::StringLiteral);
  EXPECT_EQ(at("x = 'it''s' AND "), SqlPosition::Code);
  EXPECT_EQ(at("x = N'abc"), SqlPosition::StringLiteral);
  EXPECT_EQ(at("x = E'a\\'b"), SqlPosition::EString);
  EXPECT_EQ(at("x = E'a\\\\' AND "), SqlPosition::Code);
  EXPECT_EQ(at("x = U&'d\\0061"), SqlPosition::OtherLiteral);
  EXPECT_EQ(at("x = B'101"), SqlPosition::OtherLiteral);
  // `e` inside a word does not start an E'' literal.
  EXPECT_EQ(at("x = somee'a\\' AND "), SqlPosition::Unknown);
}

TEST(SqlLexicalStateTest, EmptyLiteralAndItsOpening) {
  SqlLexicalState s = lexicalStateAtEnd("x = E'");
  EXPECT_EQ(s.position, SqlPosition::EString);
  EXPECT_TRUE(s.literal_empty);
  EXPECT_EQ(s.literal_start, 4u);
  EXPECT_EQ(literalOpening("x = E'", s), "E'");
  EXPECT_FALSE(lexicalStateAtEnd("x = 'a").literal_empty);
}

TEST(SqlLexicalStateTest, BackslashBeforeTheEndIsUnknown) {
  // In E'' the backslash would escape the quote lkml writes next.
  EXPECT_EQ(at("x = E'abc\\"), SqlPosition::Unknown);
  // In '' it depends on standard_conforming_strings.
  EXPECT_EQ(at("x = 'abc\\"), SqlPosition::Unknown);
  // A plain literal holding \' ends in different places under the two settings.
  EXPECT_EQ(at("x = 'a\\' AND "), SqlPosition::Unknown);
  // ... but one that both settings read alike is fine.
  EXPECT_EQ(at("x ~ '\\d+' AND "), SqlPosition::Code);
}

TEST(SqlLexicalStateTest, DollarQuotes) {
  EXPECT_EQ(at("SELECT $$ abc "), SqlPosition::DollarQuoted);
  EXPECT_EQ(at("SELECT $$ abc $$ + "), SqlPosition::Code);
  EXPECT_EQ(at("SELECT $tag$ a $other$ b "), SqlPosition::DollarQuoted);
  EXPECT_EQ(at("SELECT $tag$ a $tag$ "), SqlPosition::Code);
  // Any non-ASCII letter may be part of a tag.
  EXPECT_EQ(at("SELECT $é$ a "), SqlPosition::DollarQuoted);
  EXPECT_EQ(at("SELECT $é$ a $é$ "), SqlPosition::Code);
  // `$1` is a parameter and `a$b` an identifier, not dollar quotes.
  EXPECT_EQ(at("SELECT $1 + "), SqlPosition::Code);
  EXPECT_EQ(at("SELECT $1$ + "), SqlPosition::Code);
  EXPECT_EQ(at("SELECT a$$b + "), SqlPosition::Code);
  EXPECT_EQ(at("SELECT x$ab$ + "), SqlPosition::Code);
}

TEST(SqlLexicalStateTest, CommentsAndIdentifiers) {
  EXPECT_EQ(at("a -- note "), SqlPosition::Comment);
  EXPECT_EQ(at("a -- note\n b = "), SqlPosition::Code);
  EXPECT_EQ(at("a /* x /* y */ still "), SqlPosition::Comment);
  EXPECT_EQ(at("a /* x /* y */ z */ b = "), SqlPosition::Code);
  EXPECT_EQ(at("a */* x "), SqlPosition::Comment);
  EXPECT_EQ(at("a \"quoted "), SqlPosition::QuotedIdentifier);
  EXPECT_EQ(at("a \"q\"\"x\" = "), SqlPosition::Code);
  EXPECT_EQ(at("a = '--' AND "), SqlPosition::Code);
  EXPECT_EQ(at("a = \"'\" AND "), SqlPosition::Code);
}

TEST(SqlLexicalStateTest, QuoteContinuationAcrossNewlines) {
  // 'a' <newline> 'b' is one literal in PostgreSQL.
  SqlLexicalState s = lexicalStateAtEnd("x = 'a'\n  'b");
  EXPECT_EQ(s.position, SqlPosition::StringLiteral);
  EXPECT_EQ(s.literal_start, 4u);
  EXPECT_FALSE(s.literal_empty);
  EXPECT_EQ(at("x = 'a' 'b"), SqlPosition::StringLiteral);
  EXPECT_EQ(at("x = E'a'\n'\\"), SqlPosition::Unknown);  // the continuation keeps E's escapes
}

}  // namespace
}  // namespace lkml::codegen
