// Looker's value formats as `lkml query` shows them: the built-in names with the examples of
// Looker's value_format_name page (1234.56789 and 0.123456), and the Excel-style formats of its
// custom formatting page.
#include "cli/value_format.h"

#include <gtest/gtest.h>

namespace lkml::cli {
namespace {

std::string named(const std::string& name, const std::string& value) {
  std::optional<std::string> format = builtinValueFormat(name);
  EXPECT_TRUE(format) << name;
  return applyValueFormat(value, format.value_or("")).value_or("<none>");
}

std::string fmt(const std::string& value, const std::string& format) {
  return applyValueFormat(value, format).value_or("<none>");
}

TEST(ValueFormatName, LookerDocumentedExamples) {
  EXPECT_EQ(named("decimal_0", "1234.56789"), "1,235");
  EXPECT_EQ(named("decimal_1", "1234.56789"), "1,234.6");
  EXPECT_EQ(named("decimal_2", "1234.56789"), "1,234.57");
  EXPECT_EQ(named("decimal_3", "1234.56789"), "1,234.568");
  EXPECT_EQ(named("decimal_4", "1234.56789"), "1,234.5679");
  EXPECT_EQ(named("usd_0", "1234.56789"), "$1,235");
  EXPECT_EQ(named("usd", "1234.56789"), "$1,234.57");
  EXPECT_EQ(named("gbp_0", "1234.56789"), "£1,235");
  EXPECT_EQ(named("gbp", "1234.56789"), "£1,234.57");
  EXPECT_EQ(named("eur_0", "1234.56789"), "€1,235");
  EXPECT_EQ(named("eur", "1234.56789"), "€1,234.57");
  EXPECT_EQ(named("id", "1234.56789"), "1235");
  EXPECT_EQ(named("percent_0", "0.123456"), "12%");
  EXPECT_EQ(named("percent_1", "0.123456"), "12.3%");
  EXPECT_EQ(named("percent_2", "0.123456"), "12.35%");
  EXPECT_EQ(named("percent_3", "0.123456"), "12.346%");
  EXPECT_EQ(named("percent_4", "0.123456"), "12.3456%");
  EXPECT_FALSE(builtinValueFormat("usd_2"));
}

TEST(ValueFormat, ExcelStyle) {
  EXPECT_EQ(fmt("123", "0"), "123");
  EXPECT_EQ(fmt("1", "00#"), "001");
  EXPECT_EQ(fmt("123", "0 \"String\""), "123 String");
  EXPECT_EQ(fmt("1.2", "0.##"), "1.2");
  EXPECT_EQ(fmt("1", "0.##"), "1");
  EXPECT_EQ(fmt("1.234", "0.00"), "1.23");
  EXPECT_EQ(fmt("1.23", "00#.00"), "001.23");
  EXPECT_EQ(fmt("1234", "#,##0"), "1,234");
  EXPECT_EQ(fmt("1234", "#,##0.00"), "1,234.00");
  EXPECT_EQ(fmt("1234567890", "0.000,, \"M\""), "1234.568 M");
  EXPECT_EQ(fmt("1234", "0.000, \"K\""), "1.234 K");
  EXPECT_EQ(fmt("123", "$0"), "$123");
  EXPECT_EQ(fmt("123", "\"€\"0"), "€123");
  EXPECT_EQ(fmt("-1.5", "$#.00;($#.00)"), "($1.50)");
  EXPECT_EQ(fmt("1", "0\\%"), "1%");
  EXPECT_EQ(fmt("0.01", "0%"), "1%");
  EXPECT_EQ(fmt("0.01", "0.00%"), "1.00%");
}

TEST(ValueFormat, RoundsDecimallyHalfAwayFromZero) {
  EXPECT_EQ(fmt("2.675", "0.00"), "2.68");  // binary floating point would give 2.67
  EXPECT_EQ(fmt("-2.5", "0"), "-3");
  EXPECT_EQ(fmt("999.995", "#,##0.00"), "1,000.00");
  EXPECT_EQ(fmt("-1234.5", "$#,##0.00"), "-$1,234.50");
  EXPECT_EQ(fmt("-0.001", "0.00"), "0.00");  // no "-0.00"
  EXPECT_EQ(fmt("1.5e3", "#,##0"), "1,500");
  EXPECT_EQ(fmt("0", "$#,##0.00"), "$0.00");
  EXPECT_EQ(fmt("123456789012345678901234567890.5", "#,##0"),
            "123,456,789,012,345,678,901,234,567,891");
}

TEST(ValueFormat, NotANumberOrUnsupportedFormatIsLeftAlone) {
  EXPECT_FALSE(applyValueFormat("abc", "0.00"));
  EXPECT_FALSE(applyValueFormat("NaN", "0.00"));
  EXPECT_FALSE(applyValueFormat("12", "[>=100]0;0.0"));
  EXPECT_FALSE(applyValueFormat("12", "0.00E+00"));
  EXPECT_FALSE(applyValueFormat("12", "yyyy-mm-dd"));
}

}  // namespace
}  // namespace lkml::cli
