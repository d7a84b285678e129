#include "catalog/type_category.h"

#include <gtest/gtest.h>

namespace lkml::catalog {
namespace {

TEST(TypeCategoryTest, CommonTypesAsFormatTypePrintsThem) {
  EXPECT_EQ(categorizeType("integer"), TypeCategory::Numeric);
  EXPECT_EQ(categorizeType("bigint"), TypeCategory::Numeric);
  EXPECT_EQ(categorizeType("numeric(10,2)"), TypeCategory::Numeric);
  EXPECT_EQ(categorizeType("double precision"), TypeCategory::Numeric);
  EXPECT_EQ(categorizeType("text"), TypeCategory::String);
  EXPECT_EQ(categorizeType("character varying(20)"), TypeCategory::String);
  EXPECT_EQ(categorizeType("character(3)"), TypeCategory::String);
  EXPECT_EQ(categorizeType("boolean"), TypeCategory::Boolean);
  EXPECT_EQ(categorizeType("date"), TypeCategory::TemporalDate);
  EXPECT_EQ(categorizeType("timestamp without time zone"), TypeCategory::TemporalTimestamp);
  EXPECT_EQ(categorizeType("timestamp(3) with time zone"), TypeCategory::TemporalTimestamp);
  EXPECT_EQ(categorizeType("jsonb"), TypeCategory::Json);
  EXPECT_EQ(categorizeType("json"), TypeCategory::Json);
}

TEST(TypeCategoryTest, ArraysAndOtherTypesAreOther) {
  EXPECT_EQ(categorizeType("integer[]"), TypeCategory::Other);
  EXPECT_EQ(categorizeType("uuid"), TypeCategory::Other);
  EXPECT_EQ(categorizeType("time without time zone"), TypeCategory::Other);
  EXPECT_EQ(categorizeType("interval"), TypeCategory::Other);
  EXPECT_EQ(categorizeType("bytea"), TypeCategory::Other);
}

TEST(TypeCategoryTest, FallsBackToPgTypeCategory) {
  EXPECT_EQ(categorizeType("mood", 'E'), TypeCategory::String);  // an enum
  EXPECT_EQ(categorizeType("public.citext", 'S'), TypeCategory::String);
  EXPECT_EQ(categorizeType("oid", 'N'), TypeCategory::Numeric);
  EXPECT_EQ(categorizeType("point", 'G'), TypeCategory::Other);
}

TEST(TypeCategoryTest, NamesRoundTrip) {
  for (TypeCategory category : {TypeCategory::Numeric, TypeCategory::String, TypeCategory::Boolean,
                                TypeCategory::TemporalDate, TypeCategory::TemporalTimestamp,
                                TypeCategory::Json, TypeCategory::Other}) {
    EXPECT_EQ(parseTypeCategory(typeCategoryName(category)), category);
  }
  EXPECT_EQ(std::string(typeCategoryName(TypeCategory::TemporalDate)), "temporal_date");
  EXPECT_FALSE(parseTypeCategory("date").has_value());
}

}  // namespace
}  // namespace lkml::catalog
