// Number filter expressions (reference 8.2) → exact PostgreSQL predicates.
#include "tests/unit/codegen/filter_test_util.h"

namespace lkml::codegen::test {
namespace {

class NumberFilterTest : public ::testing::TestWithParam<FilterCase> {};

TEST_P(NumberFilterTest, RendersExactSql) {
  EXPECT_EQ(filterSql(GetParam().expression, FilterType::Number), GetParam().sql);
}

INSTANTIATE_TEST_SUITE_P(
    Forms, NumberFilterTest,
    ::testing::Values(
        FilterCase{"5", "x = 5"}, FilterCase{"1, 3, 5", "x IN (1, 3, 5)"},
        FilterCase{"1,3,5,7", "x IN (1, 3, 5, 7)"}, FilterCase{"= 5", "x = 5"},
        FilterCase{"NOT 5", "(x <> 5 OR x IS NULL)"}, FilterCase{"not 5", "(x <> 5 OR x IS NULL)"},
        FilterCase{"<>5", "(x <> 5 OR x IS NULL)"}, FilterCase{"<> 5", "(x <> 5 OR x IS NULL)"},
        FilterCase{"!=5", "(x <> 5 OR x IS NULL)"},
        FilterCase{"NOT 66, 99, 4", "(x NOT IN (66, 99, 4) OR x IS NULL)"},
        FilterCase{">5", "x > 5"}, FilterCase{">=5", "x >= 5"}, FilterCase{"<5", "x < 5"},
        FilterCase{"<=5", "x <= 5"}, FilterCase{"> 5", "x > 5"},
        FilterCase{"5 to 10", "x >= 5 AND x <= 10"},
        FilterCase{"5.5 to 10", "x >= 5.5 AND x <= 10"}, FilterCase{"1 to", "x >= 1"},
        FilterCase{"to 100", "x <= 100"}, FilterCase{"1 TO 2", "x >= 1 AND x <= 2"},
        FilterCase{"NOT 3 to 80.44", "(x < 3 OR x > 80.44 OR x IS NULL)"},
        FilterCase{">= 5.5 AND <= 10", "x >= 5.5 AND x <= 10"},
        FilterCase{"<=10 and >=5.5", "x >= 5.5 AND x <= 10"},
        FilterCase{"<3 OR >80.44", "x < 3 OR x > 80.44"},
        FilterCase{">10 AND <=20 OR 90", "(x > 10 AND x <= 20) OR x = 90"},
        FilterCase{">=50 AND <=100 OR >=500 AND <=1000",
                   "(x >= 50 AND x <= 100) OR (x >= 500 AND x <= 1000)"},
        FilterCase{"[1,100]", "x >= 1 AND x <= 100"}, FilterCase{"(1,100)", "x > 1 AND x < 100"},
        FilterCase{"(1,100]", "x > 1 AND x <= 100"}, FilterCase{"[1,100)", "x >= 1 AND x < 100"},
        FilterCase{"[ 1 , 100 ]", "x >= 1 AND x <= 100"}, FilterCase{"(1,)", "x > 1"},
        FilterCase{"[1,)", "x >= 1"}, FilterCase{"[,10]", "x <= 10"},
        FilterCase{"(,100)", "x < 100"}, FilterCase{"(1, inf)", "x > 1"},
        FilterCase{"(1, +inf)", "x > 1"}, FilterCase{"(-inf,100]", "x <= 100"},
        FilterCase{"(-INF,100]", "x <= 100"},
        FilterCase{"NOT [30,40]", "(x < 30 OR x > 40 OR x IS NULL)"},
        FilterCase{"NOT (30,40)", "(x <= 30 OR x >= 40 OR x IS NULL)"},
        FilterCase{"NOT [30,)", "(x < 30 OR x IS NULL)"},
        FilterCase{"NOT >5", "(x <= 5 OR x IS NULL)"}, FilterCase{"NULL", "x IS NULL"},
        FilterCase{"null", "x IS NULL"}, FilterCase{"NOT NULL", "x IS NOT NULL"},
        FilterCase{"[0,9],[20,29]", "(x >= 0 AND x <= 9) OR (x >= 20 AND x <= 29)"},
        FilterCase{"[0,10],20", "(x >= 0 AND x <= 10) OR x = 20"},
        FilterCase{"NOT 10,[1,5)", "(x >= 1 AND x < 5) AND (x <> 10 OR x IS NULL)"},
        FilterCase{
            "(1,100],500,600,(800,900],[2000,)",
            "(x > 1 AND x <= 100) OR x IN (500, 600) OR (x > 800 AND x <= 900) OR x >= 2000"},
        FilterCase{"23, not 42, not 43", "(x = 23) AND (x NOT IN (42, 43) OR x IS NULL)"},
        FilterCase{"23, not 42, 43", "(x = 23) AND (x NOT IN (42, 43) OR x IS NULL)"},
        FilterCase{"23,NOT [30,40]", "(x = 23) AND (x < 30 OR x > 40 OR x IS NULL)"},
        FilterCase{"23,NOT NULL", "(x = 23) AND x IS NOT NULL"},
        FilterCase{"NOT NULL, NOT 5", "x IS NOT NULL AND x <> 5"},
        FilterCase{"NOT [1,2], NOT NULL", "(x < 1 OR x > 2) AND x IS NOT NULL"},
        FilterCase{"NULL, 5", "x IS NULL OR x = 5"}, FilterCase{"", ""},
        FilterCase{"5,", "x = 5"}));

INSTANTIATE_TEST_SUITE_P(
    Literals, NumberFilterTest,
    ::testing::Values(
        FilterCase{"-5", "x = -5"}, FilterCase{"+7", "x = 7"}, FilterCase{">-5", "x > -5"},
        FilterCase{"0.50", "x = 0.5"}, FilterCase{".5", "x = 0.5"}, FilterCase{"5.", "x = 5"},
        FilterCase{"-0.000", "x = 0"}, FilterCase{"007", "x = 7"}, FilterCase{"1e3", "x = 1000"},
        FilterCase{"1.5E-7", "x = 0.00000015"}, FilterCase{"2.5e+2", "x = 250"},
        FilterCase{"1e300", "x = 1E+300"}, FilterCase{"-1.25e-60", "x = -1.25E-60"},
        FilterCase{"12345678901234567890.123456789", "x = 12345678901234567890.123456789"}));

TEST(NumberFilterErrors, PointAtTheOffendingCharacter) {
  struct ErrorCase {
    const char* expression;
    size_t offset;
    FilterCode code;
    const char* message;
  };
  const ErrorCase cases[] = {
      {">abc", 1, FilterCode::filter_invalid_number,
       "expected a number after '>' at position 1, found 'abc'"},
      {"5abc", 1, FilterCode::filter_invalid_number,
       "invalid number '5abc': unexpected 'a' at position 1"},
      {"1.2.3", 3, FilterCode::filter_invalid_number,
       "invalid number '1.2.3': unexpected '.' at position 3"},
      {"1e", 1, FilterCode::filter_invalid_number,
       "invalid number '1e': unexpected 'e' at position 1"},
      {">", 1, FilterCode::filter_invalid_number,
       "expected a number after '>' at position 1, found the end of the expression"},
      {"abc", 0, FilterCode::filter_invalid_number, "expected a number at position 0, found 'abc'"},
      {"5 to 1", 0, FilterCode::filter_empty_range,
       "the range from 5 to 1 at position 0 contains no number"},
      {"(5,5]", 0, FilterCode::filter_empty_range,
       "the range from 5 to 5 at position 0 contains no number"},
      {"1, [10,2]", 3, FilterCode::filter_empty_range,
       "the range from 10 to 2 at position 3 contains no number"},
      {">5 AND >6", 3, FilterCode::filter_syntax,
       "AND at position 3 must join a lower bound ('>' or '>=') and an upper bound ('<' or '<=')"},
      {">5 AND 6", 7, FilterCode::filter_syntax,
       "expected '<', '<=', '>' or '>=' after AND at position 7, found '6'"},
      {"1e99999", 0, FilterCode::filter_out_of_range,
       "the number '1e99999' at position 0 is out of range"},
      {"(,)", 0, FilterCode::filter_syntax, "the range at position 0 has no bounds"},
      {"[1 100]", 3, FilterCode::filter_syntax,
       "expected ',' between the bounds of the range at position 3, found '100'"},
      {"[1,100", 6, FilterCode::filter_syntax,
       "expected ']' or ')' to close the range opened at position 0, found the end of the "
       "expression"},
      {"5 6", 2, FilterCode::filter_syntax, "expected ',' or OR at position 2, found '6'"},
      {"1; DROP TABLE t", 1, FilterCode::filter_invalid_number,
       "invalid number '1;': unexpected ';' at position 1"},
      {"!5", 0, FilterCode::filter_syntax, "'!' at position 0 must be followed by '='"},
      {"NOT", 3, FilterCode::filter_syntax,
       "expected a number, a range or NULL after NOT at position 3, found the end of the "
       "expression"},
      {"5 to x", 5, FilterCode::filter_invalid_number,
       "expected a number after 'to' at position 5, found 'x'"},
      {"(inf,5)", 1, FilterCode::filter_invalid_number,
       "expected a number as the lower bound at position 1, found 'inf'"},
      {"[1,-inf)", 3, FilterCode::filter_invalid_number,
       "expected a number as the upper bound at position 3, found '-inf'"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.expression);
    const FilterError e = filterError(c.expression, FilterType::Number);
    EXPECT_EQ(e.offset, c.offset);
    EXPECT_EQ(e.code, c.code);
    EXPECT_EQ(e.message, c.message);
  }
}

TEST(NumberFilterAst, StoresParsedValues) {
  auto parsed = parseFilterExpression("NOT [1.50,2e1)", FilterType::Number);
  ASSERT_TRUE(std::holds_alternative<FilterExpr>(parsed));
  const auto& terms = std::get<NumberFilter>(std::get<FilterExpr>(parsed).body).terms;
  ASSERT_EQ(terms.size(), 1u);
  EXPECT_EQ(terms[0].kind, NumberTerm::Kind::Range);
  EXPECT_TRUE(terms[0].negated);
  EXPECT_EQ(terms[0].low->value.sql(), "1.5");
  EXPECT_TRUE(terms[0].low->inclusive);
  EXPECT_EQ(terms[0].high->value.sql(), "20");
  EXPECT_FALSE(terms[0].high->inclusive);
}

TEST(DecimalTest, ComparesExactly) {
  auto number = [](const char* text) {
    auto parsed = parseFilterExpression(text, FilterType::Number);
    return std::get<NumberFilter>(std::get<FilterExpr>(parsed).body).terms[0].values[0];
  };
  EXPECT_LT(number("1").compare(number("2")), 0);
  EXPECT_GT(number("10").compare(number("9.99")), 0);
  EXPECT_EQ(number("1.50").compare(number("15e-1")), 0);
  EXPECT_LT(number("-3").compare(number("-2")), 0);
  EXPECT_LT(number("-1").compare(number("0")), 0);
  EXPECT_EQ(number("0").compare(number("-0.0")), 0);
  EXPECT_LT(number("0.001").compare(number("0.01")), 0);
  EXPECT_GT(number("12345678901234567891").compare(number("12345678901234567890")), 0);
}

}  // namespace
}  // namespace lkml::codegen::test
