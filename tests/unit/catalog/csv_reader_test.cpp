#include "catalog/csv_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace lkml::catalog {
namespace {

using ::testing::ElementsAre;

TEST(CsvReader, QuotedFieldsNewlinesAndDoubledQuotes) {
  std::vector<CsvRecord> records;
  std::string error;
  ASSERT_TRUE(
      parseCsv("a,b,c\n1,\"x, y\",\"say \"\"hi\"\"\"\n2,\"two\nlines\",\n", &records, &error))
      << error;
  ASSERT_EQ(records.size(), 3u);
  EXPECT_THAT(records[1].fields, ElementsAre("1", "x, y", "say \"hi\""));
  EXPECT_THAT(records[2].fields, ElementsAre("2", "two\nlines", ""));
  EXPECT_EQ(records[2].line, 3);
}

TEST(CsvReader, BomCrlfAndNoFinalNewline) {
  std::vector<CsvRecord> records;
  std::string error;
  ASSERT_TRUE(parseCsv("\xEF\xBB\xBFh1,h2\r\nv1,v2", &records, &error)) << error;
  ASSERT_EQ(records.size(), 2u);
  EXPECT_THAT(records[0].fields, ElementsAre("h1", "h2"));
  EXPECT_THAT(records[1].fields, ElementsAre("v1", "v2"));
}

TEST(CsvReader, MalformedInputNamesTheLine) {
  std::vector<CsvRecord> records;
  std::string error;
  EXPECT_FALSE(parseCsv("a,b\n1,\"open\n2,3\n", &records, &error));
  EXPECT_EQ(error, "2: quoted field is not closed (a `\"` is missing)");
  EXPECT_FALSE(parseCsv("a,b\n1,\"x\"y\n", &records, &error));
  EXPECT_THAT(error, ::testing::StartsWith("2: unexpected text after a closing quote"));
  EXPECT_FALSE(parseCsv("a,b\n\n1,x\"y\n", &records, &error));
  EXPECT_THAT(error, ::testing::StartsWith("3: quote inside an unquoted field"));
}

TEST(CsvReader, EmptyInputHasNoRecords) {
  std::vector<CsvRecord> records;
  std::string error;
  EXPECT_TRUE(parseCsv("", &records, &error));
  EXPECT_TRUE(records.empty());
}

}  // namespace
}  // namespace lkml::catalog
