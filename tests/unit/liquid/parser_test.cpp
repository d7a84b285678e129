// The Liquid parser: tags, expressions, whitespace control, and errors at exact offsets.
#include <gtest/gtest.h>

#include <string>

#include "liquid/parser.h"

namespace lkml::liquid {
namespace {

LiquidError errorOf(const std::string& text) {
  ParseResult r = parseTemplate(text);
  EXPECT_FALSE(r.ok()) << text;
  return r.error.value_or(LiquidError{});
}

TEST(LiquidParserTest, PlainTextIsOneNode) {
  ParseResult r = parseTemplate("SELECT 1 { not liquid }");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r.tmpl.nodes.size(), 1u);
  EXPECT_EQ(r.tmpl.nodes[0].text, "SELECT 1 { not liquid }");
}

TEST(LiquidParserTest, IfElsifElseBranches) {
  ParseResult r = parseTemplate("{% if a == 1 %}x{% elsif b %}y{% else %}z{% endif %}");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r.tmpl.nodes.size(), 1u);
  const Node& n = r.tmpl.nodes[0];
  EXPECT_EQ(n.kind, Node::Kind::If);
  ASSERT_EQ(n.branches.size(), 3u);
  EXPECT_EQ(n.branches[0].condition.terms[0].op, "==");
  EXPECT_TRUE(n.branches[2].is_else);
  EXPECT_EQ(n.end, std::string("{% if a == 1 %}x{% elsif b %}y{% else %}z{% endif %}").size());
}

TEST(LiquidParserTest, VariablePathsWithBrackets) {
  ParseResult r = parseTemplate("{{ _user_attributes['region'] }}{{ orders.status._in_query }}");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r.tmpl.nodes.size(), 2u);
  const Operand& a = r.tmpl.nodes[0].expression.operand;
  EXPECT_EQ(a.root, "_user_attributes");
  ASSERT_EQ(a.keys.size(), 1u);
  EXPECT_EQ(a.keys[0].name, "region");
  EXPECT_EQ(r.tmpl.nodes[1].expression.operand.pathText(), "orders.status._in_query");
}

TEST(LiquidParserTest, WhitespaceControlTrimsNeighbouringText) {
  ParseResult r = parseTemplate("a  \n {%- if x -%}  b  {%- endif -%} \n c");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r.tmpl.nodes.size(), 3u);
  EXPECT_EQ(r.tmpl.nodes[0].text, "a");
  EXPECT_EQ(r.tmpl.nodes[1].branches[0].body[0].text, "b");
  EXPECT_EQ(r.tmpl.nodes[2].text, "c");
}

TEST(LiquidParserTest, RawAndCommentKeepOrDropText) {
  ParseResult r =
      parseTemplate("{% raw %}{{ x }}{% endraw %}{% comment %}{% bogus %}{% endcomment %}");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r.tmpl.nodes.size(), 1u);
  EXPECT_EQ(r.tmpl.nodes[0].text, "{{ x }}");
}

TEST(LiquidParserTest, LookerTags) {
  ParseResult r = parseTemplate(
      "{% condition orders.status %} x {% endcondition %}{% parameter p %}"
      "{% date_start d %}{% incrementcondition %}c{% endincrementcondition %}");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r.tmpl.nodes.size(), 4u);
  EXPECT_EQ(r.tmpl.nodes[0].argument, "orders.status");
  EXPECT_EQ(r.tmpl.nodes[0].branches[0].body[0].text, " x ");
  EXPECT_EQ(r.tmpl.nodes[1].name, "parameter");
  EXPECT_EQ(r.tmpl.nodes[2].argument, "d");
  EXPECT_EQ(r.tmpl.nodes[3].name, "incrementcondition");
}

TEST(LiquidParserTest, UnclosedOutputPointsAtItsStart) {
  LiquidError e = errorOf("SELECT {{ x ");
  EXPECT_EQ(e.code, LiquidCode::liquid_unclosed_tag);
  EXPECT_EQ(e.begin, 7u);
  EXPECT_EQ(e.end, 9u);
}

TEST(LiquidParserTest, UnclosedBlockPointsAtTheOpeningTag) {
  LiquidError e = errorOf("a {% if x %} b");
  EXPECT_EQ(e.code, LiquidCode::liquid_unclosed_block);
  EXPECT_EQ(e.begin, 2u);
  EXPECT_EQ(e.end, 12u);
}

TEST(LiquidParserTest, MismatchedEndTag) {
  LiquidError e = errorOf("{% if x %}{% for a in b %}{% endif %}{% endfor %}");
  EXPECT_EQ(e.code, LiquidCode::liquid_unexpected_tag);
  EXPECT_EQ(e.begin, 26u);
}

TEST(LiquidParserTest, UnknownTagAndFilter) {
  EXPECT_EQ(errorOf("{% tablerow x in y %}").code, LiquidCode::liquid_unknown_tag);
  LiquidError e = errorOf("{{ x | frobnicate }}");
  EXPECT_EQ(e.code, LiquidCode::liquid_unknown_filter);
  EXPECT_EQ(e.begin, 7u);
  EXPECT_EQ(e.end, 17u);
  EXPECT_EQ(errorOf("{{ x | replace: 'a' }}").code, LiquidCode::liquid_filter_arguments);
}

TEST(LiquidParserTest, BadExpressions) {
  EXPECT_EQ(errorOf("{{ }}").code, LiquidCode::liquid_bad_expression);
  EXPECT_EQ(errorOf("{% if a == %}{% endif %}").code, LiquidCode::liquid_bad_expression);
  EXPECT_EQ(errorOf("{{ a['x }}").code, LiquidCode::liquid_bad_expression);
  EXPECT_EQ(errorOf("{% else %}").code, LiquidCode::liquid_unexpected_tag);
  EXPECT_EQ(errorOf("{% parameter %}").code, LiquidCode::liquid_bad_expression);
}

TEST(LiquidParserTest, DeepNestingIsAnErrorNotACrash) {
  std::string text;
  for (int i = 0; i < 100000; ++i) text += "{% if x %}";
  LiquidError e = errorOf(text);
  EXPECT_EQ(e.code, LiquidCode::liquid_nesting_too_deep);
  std::string ok;
  for (size_t i = 0; i < kMaxNesting; ++i) ok += "{% if x %}";
  for (size_t i = 0; i < kMaxNesting; ++i) ok += "{% endif %}";
  EXPECT_TRUE(parseTemplate(ok).ok());
}

}  // namespace
}  // namespace lkml::liquid
