// The Looker expression subset of data test asserts: tokenizer, parser (precedence, errors,
// depth limit) and evaluator (three-valued logic, aggregates over a result column).
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "expression/expression.h"

namespace lkml::expression {
namespace {

Table sampleTable() {
  Table t;
  t.columns = {"orders.status", "orders.count", "orders.total"};
  t.rows.push_back({Value::ofString("complete"), Value::ofNumber(3), Value::ofNumber(10.5)});
  t.rows.push_back({Value::ofString("pending"), Value::ofNumber(2), Value::null()});
  return t;
}

// Evaluates `text` on row `row` of the sample table; "error: ..." when it fails.
std::string eval(const std::string& text, size_t row = 0) {
  ParseResult parsed = parse(text);
  if (!parsed.ok()) return "syntax: " + parsed.error.message;
  EvalResult r = evaluate(*parsed.expr, sampleTable(), row);
  if (!r.ok()) return "error: " + r.error;
  return r.value.describe();
}

TEST(ExpressionTokenizer, SplitsFieldsNumbersStringsAndOperators) {
  std::vector<Token> tokens;
  SyntaxError error;
  ASSERT_TRUE(tokenize("${ orders.count } >= 1.5 AND \"a\\\"b\" <> x", &tokens, &error));
  ASSERT_EQ(tokens.size(), 8u);
  EXPECT_EQ(tokens[0].kind, TokenKind::Field);
  EXPECT_EQ(tokens[0].text, "orders.count");
  EXPECT_EQ(tokens[1].text, ">=");
  EXPECT_EQ(tokens[2].kind, TokenKind::Number);
  EXPECT_EQ(tokens[3].kind, TokenKind::Identifier);
  EXPECT_EQ(tokens[4].kind, TokenKind::String);
  EXPECT_EQ(tokens[4].text, "a\"b");
  EXPECT_EQ(tokens[5].text, "!=");  // <> is !=
  EXPECT_EQ(tokens[7].kind, TokenKind::End);
}

TEST(ExpressionTokenizer, ReportsUnterminatedInputWithOffset) {
  std::vector<Token> tokens;
  SyntaxError error;
  EXPECT_FALSE(tokenize("1 = ${orders.count", &tokens, &error));
  EXPECT_EQ(error.offset, 4u);
  EXPECT_FALSE(tokenize("\"open", &tokens, &error));
  EXPECT_NE(error.message.find("unterminated"), std::string::npos);
  EXPECT_FALSE(tokenize("1 # 2", &tokens, &error));
  EXPECT_EQ(error.offset, 2u);
}

TEST(ExpressionParser, FollowsPrecedence) {
  EXPECT_EQ(eval("1 + 2 * 3"), "7");
  EXPECT_EQ(eval("(1 + 2) * 3"), "9");
  EXPECT_EQ(eval("10 - 4 - 3"), "3");  // left associative
  EXPECT_EQ(eval("-2 * 3"), "-6");
  EXPECT_EQ(eval("1 < 2 AND 2 < 1 OR yes"), "yes");
  EXPECT_EQ(eval("NOT 1 = 2"), "yes");  // NOT binds looser than comparison
  EXPECT_EQ(eval("not(yes) or no"), "no");
}

TEST(ExpressionParser, ReportsErrors) {
  EXPECT_EQ(eval("1 +"), "syntax: the expression ends too early");
  EXPECT_EQ(eval("(1 + 2"), "syntax: expected `)`");
  EXPECT_EQ(eval("1 2"), "syntax: unexpected `2`");
  EXPECT_EQ(eval("orders.count > 1"),
            "syntax: unknown name `orders.count`; fields are written `${view.field}`");
  EXPECT_EQ(eval("sum(${orders.count}"), "syntax: expected `,` or `)`");
}

TEST(ExpressionParser, RefusesNestingPastTheLimitWithoutCrashing) {
  std::string deep(10000, '(');
  ParseResult parsed = parse(deep + "1" + std::string(10000, ')'));
  EXPECT_FALSE(parsed.ok());
  EXPECT_NE(parsed.error.message.find("levels deep"), std::string::npos);
  std::string nots;
  for (int i = 0; i < 10000; ++i) nots += "NOT ";
  EXPECT_FALSE(parse(nots + "yes").ok());
  std::string chain = "1";
  for (int i = 0; i < 10000; ++i) chain += " + 1";
  EXPECT_FALSE(parse(chain).ok());  // a long flat chain is a deep tree too
  std::string ok = "1";
  for (size_t i = 1; i < kMaxDepth - 1; ++i) ok += " + 1";
  EXPECT_TRUE(parse(ok).ok());
  EXPECT_FALSE(parse(std::string(kMaxLength + 1, ' ')).ok());
}

TEST(ExpressionParser, ListsFieldReferencesOnce) {
  ParseResult parsed = parse("${a.x} + ${b.y} > ${a.x} AND is_null(${c.z})");
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(fieldReferences(*parsed.expr), (std::vector<std::string>{"a.x", "b.y", "c.z"}));
}

TEST(ExpressionEvaluator, ReadsTheRowsFields) {
  EXPECT_EQ(eval("${orders.status} = \"complete\""), "yes");
  EXPECT_EQ(eval("${orders.status} = \"complete\"", 1), "no");
  EXPECT_EQ(eval("${orders.count} * 2", 1), "4");
  EXPECT_EQ(eval("is_null(${orders.missing})").rfind("error: ", 0), 0u);
  EXPECT_EQ(eval("${orders.missing} = 1"),
            "error: `${orders.missing}` is not a column of the test query; add a `column:` with "
            "`field: orders.missing`");
}

TEST(ExpressionEvaluator, NullFollowsSqlLogic) {
  EXPECT_EQ(eval("${orders.total} > 1", 1), "null");
  EXPECT_EQ(eval("is_null(${orders.total})", 1), "yes");
  EXPECT_EQ(eval("NOT is_null(${orders.total})", 0), "yes");
  EXPECT_EQ(eval("${orders.total} > 1 AND no", 1), "no");
  EXPECT_EQ(eval("${orders.total} > 1 OR yes", 1), "yes");
  EXPECT_EQ(eval("${orders.total} > 1 OR no", 1), "null");
  EXPECT_EQ(eval("1 / 0"), "null");
  EXPECT_EQ(eval("coalesce(${orders.total}, 0)", 1), "0");
}

TEST(ExpressionEvaluator, AggregatesReadTheWholeColumn) {
  EXPECT_EQ(eval("sum(${orders.count})"), "5");
  EXPECT_EQ(eval("count(${orders.total})"), "1");  // nulls are not counted
  EXPECT_EQ(eval("count(${orders.status})"), "2");
  EXPECT_EQ(eval("mean(${orders.count})"), "2.5");
  EXPECT_EQ(eval("max(${orders.count}) - min(${orders.count})"), "1");
  EXPECT_EQ(eval("${orders.count} / sum(${orders.count}) > 0.5"), "yes");
  EXPECT_EQ(eval("sum(${orders.status})"),
            "error: `sum` needs numbers, `${orders.status}` has \"complete\"");
  EXPECT_EQ(eval("sum(1)"), "error: `sum` takes a field, e.g. `sum(${view.field})`");
}

TEST(ExpressionEvaluator, ReportsTypeErrorsAndUnknownFunctions) {
  EXPECT_EQ(eval("${orders.status} > 1"),
            "error: cannot compare string \"complete\" with number 1");
  EXPECT_EQ(eval("\"a\" + 1"), "error: `+` needs numbers, got \"a\" and 1");
  EXPECT_EQ(eval("NOT 1"), "error: NOT needs yes/no, got 1");
  EXPECT_EQ(eval("pivot_row(1)").rfind("error: unknown function `pivot_row`", 0), 0u);
  EXPECT_EQ(eval("if(yes)"), "error: `if` takes 3 arguments, got 1");
  EXPECT_EQ(eval("if(${orders.count} > 2, \"big\", \"small\")", 1), "\"small\"");
  EXPECT_EQ(eval("round(2.3456, 2) = 2.35 AND abs(-3) = 3"), "yes");
}

// Random token soup: parsing and evaluating never crash, and every failure has a message and an
// offset inside the text.
TEST(ExpressionRobustness, RandomInputNeverCrashes) {
  const std::vector<std::string> pieces = {"${orders.count}",
                                           "${orders.status}",
                                           "${orders.total}",
                                           "1",
                                           "2.5",
                                           "\"a\"",
                                           "yes",
                                           "null",
                                           "(",
                                           ")",
                                           ",",
                                           "+",
                                           "-",
                                           "*",
                                           "/",
                                           "=",
                                           "!=",
                                           "<",
                                           ">=",
                                           "AND",
                                           "OR",
                                           "NOT",
                                           "sum(",
                                           "count(",
                                           "is_null(",
                                           "if(",
                                           "coalesce(",
                                           "round(",
                                           "${",
                                           "}",
                                           "\"",
                                           "#",
                                           " "};
  std::mt19937 rng(12345);
  Table table = sampleTable();
  for (int i = 0; i < 20000; ++i) {
    std::string text;
    int n = static_cast<int>(rng() % 12);
    for (int j = 0; j < n; ++j) text += pieces[rng() % pieces.size()] + " ";
    ParseResult parsed = parse(text);
    if (!parsed.ok()) {
      EXPECT_FALSE(parsed.error.message.empty()) << text;
      EXPECT_LE(parsed.error.offset, text.size()) << text;
      continue;
    }
    for (size_t row = 0; row < table.rows.size(); ++row) {
      EvalResult r = evaluate(*parsed.expr, table, row);
      if (!r.ok()) {
        EXPECT_TRUE(r.value.isNull()) << text;
      }
    }
  }
}

}  // namespace
}  // namespace lkml::expression
