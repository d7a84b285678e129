// String filter expressions (reference 8.1) → exact PostgreSQL predicates.
#include "tests/unit/codegen/filter_test_util.h"

namespace lkml::codegen::test {
namespace {

class StringFilterTest : public ::testing::TestWithParam<FilterCase> {};

TEST_P(StringFilterTest, RendersExactSql) {
  EXPECT_EQ(filterSql(GetParam().expression, FilterType::String), GetParam().sql);
}

INSTANTIATE_TEST_SUITE_P(
    Forms, StringFilterTest,
    ::testing::Values(
        FilterCase{"FOO", "x = 'FOO'"}, FilterCase{"FOO,BAR", "x IN ('FOO', 'BAR')"},
        FilterCase{"FOO, BAR ,BAZ", "x IN ('FOO', 'BAR', 'BAZ')"},
        FilterCase{"%FOO%", "x LIKE '%FOO%'"}, FilterCase{"FOO%", "x LIKE 'FOO%'"},
        FilterCase{"%FOO", "x LIKE '%FOO'"}, FilterCase{"F%OD", "x LIKE 'F%OD'"},
        FilterCase{"_UF", "x LIKE '_UF'"}, FilterCase{"EMPTY", "(x IS NULL OR LENGTH(x) = 0)"},
        FilterCase{"empty", "(x IS NULL OR LENGTH(x) = 0)"}, FilterCase{"NULL", "x IS NULL"},
        FilterCase{"null", "x IS NULL"}, FilterCase{"Null", "x IS NULL"},
        FilterCase{"-FOO", "(x <> 'FOO' OR x IS NULL)"},
        FilterCase{"-FOO,-BAR", "(x NOT IN ('FOO', 'BAR') OR x IS NULL)"},
        FilterCase{"-%FOO%", "(x NOT LIKE '%FOO%' OR x IS NULL)"},
        FilterCase{"-FOO%", "(x NOT LIKE 'FOO%' OR x IS NULL)"},
        FilterCase{"-%FOO", "(x NOT LIKE '%FOO' OR x IS NULL)"},
        FilterCase{"-NULL", "x IS NOT NULL"}, FilterCase{"-null", "x IS NOT NULL"},
        FilterCase{"-EMPTY", "LENGTH(x) <> 0"}, FilterCase{"-empty", "LENGTH(x) <> 0"},
        FilterCase{"FOO%,-FOOD", "(x LIKE 'FOO%') AND (x <> 'FOOD' OR x IS NULL)"},
        FilterCase{"FOO%,BAR", "x LIKE 'FOO%' OR x = 'BAR'"},
        FilterCase{"FOO,%BAR%,BAZ", "x IN ('FOO', 'BAZ') OR x LIKE '%BAR%'"},
        FilterCase{"EMPTY,FOO", "(x IS NULL OR LENGTH(x) = 0) OR x = 'FOO'"},
        FilterCase{"NULL,FOO", "x IS NULL OR x = 'FOO'"},
        FilterCase{"-FOO,-%BAR%",
                   "(x <> 'FOO' OR x IS NULL) AND (x NOT LIKE '%BAR%' OR x IS NULL)"},
        // A -NULL or -EMPTY item already drops NULL rows: the others lose their IS NULL.
        FilterCase{"-NULL,-FOO", "x IS NOT NULL AND x <> 'FOO'"},
        FilterCase{"-FOO,-EMPTY", "x <> 'FOO' AND LENGTH(x) <> 0"},
        FilterCase{"-%a%,-NULL", "x NOT LIKE '%a%' AND x IS NOT NULL"},
        FilterCase{"a%,b%,-abc,-bcd",
                   "(x LIKE 'a%' OR x LIKE 'b%') AND (x NOT IN ('abc', 'bcd') OR x IS NULL)"},
        FilterCase{"t-shirt", "x = 't-shirt'"}, FilterCase{"", ""}, FilterCase{"   ", ""},
        FilterCase{"FOO,,BAR", "x IN ('FOO', 'BAR')"}, FilterCase{"FOO,", "x = 'FOO'"}));

INSTANTIATE_TEST_SUITE_P(
    Escapes, StringFilterTest,
    ::testing::Values(
        FilterCase{"^%", "x = '%'"}, FilterCase{"100^%", "x = '100%'"},
        FilterCase{"sub^_region", "x = 'sub_region'"}, FilterCase{"a^,b", "x = 'a,b'"},
        FilterCase{"a^,b,c", "x IN ('a,b', 'c')"}, FilterCase{"^^", "x = '^'"},
        FilterCase{"^-FOO", "x = '-FOO'"}, FilterCase{"^\"quoted", "x = '\"quoted'"},
        FilterCase{"-q^_ml^_%", "(x NOT LIKE 'q^_ml^_%' ESCAPE '^' OR x IS NULL)"},
        FilterCase{"%100^%^_^^ FOO%", "x LIKE '%100^%^_^^ FOO%' ESCAPE '^'"},
        FilterCase{"%a^,b%", "x LIKE '%a,b%'"}, FilterCase{"%^^%", "x LIKE '%^^%' ESCAPE '^'"},
        FilterCase{"  hello  ", "x = 'hello'"}, FilterCase{"^ hello^ ", "x = ' hello '"},
        FilterCase{"hello^ ^ ", "x = 'hello  '"}, FilterCase{"^ ", "x = ' '"},
        FilterCase{"- FOO", "(x <> 'FOO' OR x IS NULL)"}, FilterCase{"^NULL", "x = 'NULL'"},
        FilterCase{"'NULL'", "x = 'NULL'"}, FilterCase{"'null'", "x = 'null'"},
        FilterCase{"-'NULL'", "(x <> 'NULL' OR x IS NULL)"}, FilterCase{"'EMPTY'", "x = 'EMPTY'"},
        FilterCase{"'FOO'", "x = '''FOO'''"}, FilterCase{"NULLS", "x = 'NULLS'"},
        FilterCase{"\"t-shirt, red\"", "x = 't-shirt, red'"},
        FilterCase{"\"100% Silk\"", "x = '100% Silk'"},
        FilterCase{"\"say ^\"hi^\"\",b", "x IN ('say \"hi\"', 'b')"},
        FilterCase{"\"say \\\"hi\\\"\"", "x = 'say \"hi\"'"},
        FilterCase{"\"Intentional^caret\"", "x = 'Intentional^caret'"},
        FilterCase{"-\"a,b\"", "(x <> 'a,b' OR x IS NULL)"}, FilterCase{"\"NULL\"", "x = 'NULL'"},
        FilterCase{"\"\"", "x = ''"}, FilterCase{"Zoë", "x = 'Zoë'"},
        FilterCase{"%ë%", "x LIKE '%ë%'"}, FilterCase{"^{{ x }}", "x = '{{ x }}'"}));

INSTANTIATE_TEST_SUITE_P(
    Injection, StringFilterTest,
    ::testing::Values(FilterCase{"x'; DROP TABLE t; --", "x = 'x''; DROP TABLE t; --'"},
                      FilterCase{"'", "x = ''''"}, FilterCase{"O'Brien", "x = 'O''Brien'"},
                      FilterCase{"%O'Brien%", "x LIKE '%O''Brien%'"},
                      FilterCase{"a\\", "x = E'a\\\\'"},
                      FilterCase{"\\'; DROP TABLE t; --", "x = E'\\\\''; DROP TABLE t; --'"},
                      FilterCase{"%a\\%", "x LIKE E'%a\\\\%' ESCAPE '^'"},
                      FilterCase{"-a\\b", "(x <> E'a\\\\b' OR x IS NULL)"},
                      FilterCase{"$$; DROP TABLE t; $$", "x = '$$; DROP TABLE t; $$'"}));

TEST(StringFilterCaseInsensitive, LowersBothSides) {
  FilterContext ctx;
  ctx.caseSensitive = false;
  EXPECT_EQ(filterSql("Foo", FilterType::String, ctx), "LOWER(x) = LOWER('Foo')");
  EXPECT_EQ(filterSql("Foo,Bar", FilterType::String, ctx),
            "LOWER(x) IN (LOWER('Foo'), LOWER('Bar'))");
  EXPECT_EQ(filterSql("%Foo%", FilterType::String, ctx), "LOWER(x) LIKE LOWER('%Foo%')");
  EXPECT_EQ(filterSql("-Foo", FilterType::String, ctx), "(LOWER(x) <> LOWER('Foo') OR x IS NULL)");
  EXPECT_EQ(filterSql("-%a^_b%", FilterType::String, ctx),
            "(LOWER(x) NOT LIKE LOWER('%a^_b%') ESCAPE '^' OR x IS NULL)");
  EXPECT_EQ(filterSql("NULL,EMPTY", FilterType::String, ctx),
            "x IS NULL OR (x IS NULL OR LENGTH(x) = 0)");
}

TEST(StringFilterTarget, UsesTheTargetVerbatim) {
  const PostgresDialect dialect;
  auto parsed = parseFilterExpression("-FOO", FilterType::String);
  ASSERT_TRUE(std::holds_alternative<FilterExpr>(parsed));
  EXPECT_EQ(renderFilter(std::get<FilterExpr>(parsed), "(users.email)", dialect, {}),
            "((users.email) <> 'FOO' OR (users.email) IS NULL)");
}

TEST(StringFilterAst, KeepsKindsAndOffsets) {
  auto parsed = parseFilterExpression("FOO, -%b^_r%", FilterType::String);
  ASSERT_TRUE(std::holds_alternative<FilterExpr>(parsed));
  const auto& terms = std::get<StringFilter>(std::get<FilterExpr>(parsed).body).terms;
  ASSERT_EQ(terms.size(), 2u);
  EXPECT_EQ(terms[0].kind, StringTerm::Kind::Equals);
  EXPECT_EQ(terms[0].offset, 0u);
  EXPECT_EQ(terms[1].kind, StringTerm::Kind::Like);
  EXPECT_TRUE(terms[1].negated);
  EXPECT_EQ(terms[1].value, "%b^_r%");
  EXPECT_EQ(terms[1].offset, 5u);
}

TEST(StringFilterErrors, PointAtTheOffendingCharacter) {
  FilterError e = filterError("FOO,\"abc", FilterType::String);
  EXPECT_EQ(e.offset, 4u);
  EXPECT_EQ(e.code, FilterCode::filter_unterminated);
  EXPECT_EQ(e.message, "the double quote at position 4 is never closed");

  e = filterError("abc^", FilterType::String);
  EXPECT_EQ(e.offset, 3u);
  EXPECT_EQ(e.code, FilterCode::filter_unterminated);
  EXPECT_EQ(e.hint, "write ^^ for a literal ^");

  e = filterError("a, -", FilterType::String);
  EXPECT_EQ(e.offset, 3u);
  EXPECT_EQ(e.code, FilterCode::filter_syntax);
  EXPECT_EQ(e.message, "expected a value after '-' at position 3, found the end of the expression");

  e = filterError("\"a\" b", FilterType::String);
  EXPECT_EQ(e.offset, 4u);
  EXPECT_EQ(e.message, "expected ',' after the quoted value at position 4, found 'b'");

  e = filterError("{{ _user_attributes['x'] }}", FilterType::String);
  EXPECT_EQ(e.offset, 0u);
  EXPECT_EQ(e.code, FilterCode::filter_unsupported);

  e = filterError(std::string_view("ab\0c", 4), FilterType::String);
  EXPECT_EQ(e.offset, 2u);
  EXPECT_EQ(e.code, FilterCode::filter_invalid_character);

  e = filterError("ab\xC3", FilterType::String);
  EXPECT_EQ(e.offset, 2u);
  EXPECT_EQ(e.code, FilterCode::filter_invalid_character);

  e = filterError("\xC0\xAF", FilterType::String);  // overlong '/'
  EXPECT_EQ(e.offset, 0u);
  e = filterError("ok \xED\xA0\x80", FilterType::String);  // UTF-16 surrogate
  EXPECT_EQ(e.offset, 3u);
}

}  // namespace
}  // namespace lkml::codegen::test
