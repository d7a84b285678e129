// "Did you mean" candidates: edit distance (optimal string alignment) and closestMatch.
#include "base/suggest.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace lkml {
namespace {

constexpr size_t kNoLimit = 1000;

TEST(EditDistanceTest, Basics) {
  EXPECT_EQ(editDistance("", "", kNoLimit), 0u);
  EXPECT_EQ(editDistance("abc", "abc", kNoLimit), 0u);
  EXPECT_EQ(editDistance("", "abc", kNoLimit), 3u);
  EXPECT_EQ(editDistance("abc", "", kNoLimit), 3u);
  EXPECT_EQ(editDistance("kitten", "sitting", kNoLimit), 3u);
  EXPECT_EQ(editDistance("flaw", "lawn", kNoLimit), 2u);
}

TEST(EditDistanceTest, SingleEdits) {
  EXPECT_EQ(editDistance("sql_on", "sql_om", kNoLimit), 1u);   // substitution
  EXPECT_EQ(editDistance("sql_on", "sql_onn", kNoLimit), 1u);  // insertion
  EXPECT_EQ(editDistance("sql_on", "sqlon", kNoLimit), 1u);    // deletion
  EXPECT_EQ(editDistance("sql_on", "sql_no", kNoLimit), 1u);   // transposition
  EXPECT_EQ(editDistance("custmer_id", "customer_id", kNoLimit), 1u);
}

TEST(EditDistanceTest, OptimalStringAlignmentNotFullDamerau) {
  // "ca" -> "abc" is 2 with unrestricted Damerau-Levenshtein but 3 with OSA.
  EXPECT_EQ(editDistance("ca", "abc", kNoLimit), 3u);
}

TEST(EditDistanceTest, CaseInsensitive) {
  EXPECT_EQ(editDistance("Dimension", "dimension", kNoLimit), 0u);
  EXPECT_EQ(editDistance("SQL_ON", "sql_on", kNoLimit), 0u);
}

TEST(EditDistanceTest, Symmetric) {
  const std::vector<std::string> words = {
      "", "a", "view", "views", "explore", "expression", "sql_on", "sql_no", "dimension_group"};
  for (const auto& a : words) {
    for (const auto& b : words) {
      EXPECT_EQ(editDistance(a, b, kNoLimit), editDistance(b, a, kNoLimit)) << a << " " << b;
    }
  }
}

TEST(EditDistanceTest, LimitCutsOffEarly) {
  // Anything over the limit returns limit + 1.
  EXPECT_EQ(editDistance("abcdef", "uvwxyz", 2), 3u);
  EXPECT_EQ(editDistance("a", "abcdefgh", 3), 4u);  // length difference alone exceeds it
  EXPECT_EQ(editDistance("abc", "abd", 1), 1u);
  EXPECT_EQ(editDistance("abc", "abc", 0), 0u);
  EXPECT_EQ(editDistance("abc", "abd", 0), 1u);
}

TEST(EditDistanceTest, LongStrings) {
  std::string a(2000, 'a'), b(2000, 'a');
  b[1000] = 'b';
  EXPECT_EQ(editDistance(a, b, kNoLimit), 1u);
  EXPECT_EQ(editDistance(a, std::string(2000, 'b'), 5), 6u);
}

TEST(ClosestMatchTest, FindsTheNearest) {
  const std::vector<std::string> fields = {"customer_id", "created_date", "status", "order_id"};
  EXPECT_EQ(closestMatch("custmer_id", fields), "customer_id");
  EXPECT_EQ(closestMatch("statsu", fields), "status");
  EXPECT_EQ(closestMatch("order_di", fields), "order_id");
}

TEST(ClosestMatchTest, NothingCloseEnough) {
  const std::vector<std::string> fields = {"customer_id", "status"};
  EXPECT_EQ(closestMatch("revenue", fields), "");
  EXPECT_EQ(closestMatch("x", {}), "");
}

TEST(ClosestMatchTest, ExactMatchIsNotASuggestion) {
  EXPECT_EQ(closestMatch("status", {"status"}), "");
  EXPECT_EQ(closestMatch("status", {"status", "statuses"}), "statuses");
}

TEST(ClosestMatchTest, ThresholdGrowsWithLength) {
  // limit = max(1, (len + 2) / 3): 1 edit for short words, more for long ones.
  EXPECT_EQ(closestMatch("ab", {"xy"}), "");
  EXPECT_EQ(closestMatch("ab", {"ax"}), "ax");
  EXPECT_EQ(closestMatch("abcd", {"abxy"}), "abxy");                          // len 4: limit 2
  EXPECT_EQ(closestMatch("abcd", {"axyz"}), "");                              // 3 edits
  EXPECT_EQ(closestMatch("relationship", {"relashunship"}), "relashunship");  // 3 of 12
}

TEST(ClosestMatchTest, FirstOfEquallyCloseWins) {
  EXPECT_EQ(closestMatch("cat", {"bat", "hat", "car"}), "bat");
}

TEST(ClosestMatchTest, CaseOnlyDifferenceIsDistanceZero) {
  EXPECT_EQ(closestMatch("Status", {"other", "status"}), "status");
}

}  // namespace
}  // namespace lkml
