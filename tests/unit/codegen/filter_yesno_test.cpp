// yesno filters (reference 8.3), diagnostics of filter errors, and the API around them.
#include "tests/unit/codegen/filter_test_util.h"

namespace lkml::codegen::test {
namespace {

TEST(YesNoFilter, RendersConditionOrItsComplement) {
  EXPECT_EQ(filterSql("Yes", FilterType::YesNo), "(x)");
  EXPECT_EQ(filterSql("yes", FilterType::YesNo), "(x)");
  EXPECT_EQ(filterSql(" YES ", FilterType::YesNo), "(x)");
  EXPECT_EQ(filterSql("No", FilterType::YesNo), "(NOT (x) OR (x) IS NULL)");
  EXPECT_EQ(filterSql("no", FilterType::YesNo), "(NOT (x) OR (x) IS NULL)");
  EXPECT_EQ(filterSql("", FilterType::YesNo), "");
}

TEST(YesNoFilter, KeepsAParenthesizedConditionAsIs) {
  const PostgresDialect dialect;
  auto yes = std::get<FilterExpr>(parseFilterExpression("yes", FilterType::YesNo));
  auto no = std::get<FilterExpr>(parseFilterExpression("no", FilterType::YesNo));
  EXPECT_EQ(renderFilter(yes, "(orders.status = 'done')", dialect), "(orders.status = 'done')");
  EXPECT_EQ(renderFilter(no, "orders.amount > 100", dialect),
            "(NOT (orders.amount > 100) OR (orders.amount > 100) IS NULL)");
  EXPECT_EQ(renderFilter(no, "(a) OR (b)", dialect), "(NOT ((a) OR (b)) OR ((a) OR (b)) IS NULL)");
}

TEST(YesNoFilter, RejectsOtherWords) {
  const FilterError e = filterError("  maybe", FilterType::YesNo);
  EXPECT_EQ(e.offset, 2u);
  EXPECT_EQ(e.code, FilterCode::filter_invalid_yesno);
  EXPECT_EQ(e.message, "expected 'yes' or 'no' at position 2, found 'maybe'");
  EXPECT_EQ(filterError("yes,no", FilterType::YesNo).code, FilterCode::filter_invalid_yesno);
  EXPECT_EQ(filterError("true", FilterType::YesNo).code, FilterCode::filter_invalid_yesno);
}

TEST(FilterExpression, EmptyMeansNoFilter) {
  for (FilterType type :
       {FilterType::String, FilterType::Number, FilterType::Date, FilterType::YesNo}) {
    auto parsed = parseFilterExpression(" \t", type);
    ASSERT_TRUE(std::holds_alternative<FilterExpr>(parsed)) << filterTypeName(type);
    EXPECT_TRUE(std::get<FilterExpr>(parsed).empty());
    EXPECT_EQ(std::get<FilterExpr>(parsed).type, type);
    EXPECT_EQ(renderFilter(std::get<FilterExpr>(parsed), "x", PostgresDialect()), "");
  }
}

TEST(FilterExpression, RejectsNulBytesForEveryType) {
  for (FilterType type :
       {FilterType::String, FilterType::Number, FilterType::Date, FilterType::YesNo}) {
    const FilterError e = filterError(std::string_view("1\0", 2), type);
    EXPECT_EQ(e.offset, 1u);
    EXPECT_EQ(e.code, FilterCode::filter_invalid_character);
  }
}

TEST(FilterDiagnostics, CodesAreRegistered) {
  registerFilterDiagnosticCodes();
  for (int code = 440; code <= 449; ++code) {
    const DiagInfo* info = findDiagnosticCode(code);
    ASSERT_NE(info, nullptr) << code;
    EXPECT_EQ(info->severity, Severity::Error);
  }
  EXPECT_STREQ(findDiagnosticCode(442)->slug, "filter_invalid_date");
}

TEST(FilterDiagnostics, PointsIntoTheSource) {
  const FilterError error = filterError("2024-02-30", FilterType::Date);
  const Diagnostic d = filterDiagnostic(error, Span{3, 100, 110});
  EXPECT_EQ(d.codeName(), "LKML442");
  EXPECT_EQ(d.severity, Severity::Error);
  EXPECT_EQ(d.span.file, 3u);
  EXPECT_EQ(d.span.begin, 108u);
  EXPECT_EQ(d.span.end, 109u);
  EXPECT_EQ(d.message, "day 30 does not exist: February 2024 has 29 days");

  const Diagnostic noSpan = filterDiagnostic(filterError(">x", FilterType::Number), Span{});
  EXPECT_FALSE(noSpan.span.valid());
  EXPECT_EQ(noSpan.codeName(), "LKML441");
  EXPECT_EQ(noSpan.help, "numbers are written like 5, -2.5 or 1e6");
}

TEST(FilterDiagnostics, EveryCodeIsDocumented) {
  const std::string docs = lkml::test::readText(lkml::test::sourceDir() + "/docs/diagnostics.md");
  for (int code = 440; code <= 449; ++code) {
    EXPECT_NE(docs.find("LKML" + std::to_string(code)), std::string::npos) << code;
  }
}

}  // namespace
}  // namespace lkml::codegen::test
