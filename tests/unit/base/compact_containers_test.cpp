// The compact containers of the syntax tree and the model (base/compact_vector.h, base/rare.h):
// they must behave as the std::vector / std::string they replace.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "base/compact_vector.h"
#include "base/rare.h"

namespace lkml {
namespace {

std::vector<std::string> asVector(const CompactVector<std::string>& v) {
  return std::vector<std::string>(v.begin(), v.end());
}

TEST(CompactVectorTest, IsSixteenBytes) { EXPECT_EQ(sizeof(CompactVector<std::string>), 16u); }

TEST(CompactVectorTest, GrowsLikeAVector) {
  CompactVector<std::string> v;
  EXPECT_TRUE(v.empty());
  std::vector<std::string> expected;
  for (int i = 0; i < 100; ++i) {
    v.push_back("item number " + std::to_string(i));  // longer than the SSO buffer
    expected.push_back("item number " + std::to_string(i));
  }
  EXPECT_EQ(asVector(v), expected);
  EXPECT_EQ(v.size(), 100u);
  EXPECT_EQ(v.front(), "item number 0");
  EXPECT_EQ(v.back(), "item number 99");
  EXPECT_EQ(v.at(42), "item number 42");
  EXPECT_THROW(v.at(100), std::out_of_range);
  EXPECT_EQ(std::vector<std::string>(v.rbegin(), v.rend()),
            std::vector<std::string>(expected.rbegin(), expected.rend()));
}

TEST(CompactVectorTest, PushBackOfItsOwnElementWhileGrowing) {
  CompactVector<std::string> v;
  v.push_back("a long string that is not stored inline");
  ASSERT_EQ(v.capacity(), 1u);
  v.push_back(v[0]);  // reallocates: the argument must be copied before the old array goes
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[1], "a long string that is not stored inline");
  v.assign(3, v[1]);
  EXPECT_EQ(asVector(v), std::vector<std::string>(3, "a long string that is not stored inline"));
}

TEST(CompactVectorTest, EraseRemoveIfCopyAndMove) {
  CompactVector<std::string> v;
  for (const char* s : {"keep1", "drop", "keep2", "drop", "keep3"}) v.push_back(s);
  v.erase(std::remove(v.begin(), v.end(), "drop"), v.end());
  EXPECT_EQ(asVector(v), (std::vector<std::string>{"keep1", "keep2", "keep3"}));
  v.erase(v.begin());
  EXPECT_EQ(asVector(v), (std::vector<std::string>{"keep2", "keep3"}));

  CompactVector<std::string> copy = v;
  copy.push_back("more");
  EXPECT_EQ(v.size(), 2u);
  EXPECT_EQ(copy.size(), 3u);
  CompactVector<std::string> moved = std::move(copy);
  EXPECT_EQ(moved.size(), 3u);
  EXPECT_TRUE(copy.empty());  // NOLINT: moved-from is empty by contract here
  moved = v;
  EXPECT_EQ(asVector(moved), asVector(v));
  v.clear();
  EXPECT_TRUE(v.empty());
  v.reserve(10);
  EXPECT_EQ(v.capacity(), 10u);
  EXPECT_TRUE(v.empty());
}

TEST(CompactVectorTest, DestroysEveryElement) {
  auto counter = std::make_shared<int>(0);
  {
    CompactVector<std::shared_ptr<int>> v;
    for (int i = 0; i < 9; ++i) v.push_back(counter);
    EXPECT_EQ(counter.use_count(), 10);
    v.erase(v.begin(), v.begin() + 4);
    EXPECT_EQ(counter.use_count(), 6);
  }
  EXPECT_EQ(counter.use_count(), 1);
}

TEST(RareStringTest, ReadsLikeAString) {
  EXPECT_EQ(sizeof(RareString), sizeof(void*));
  RareString s;
  EXPECT_TRUE(s.empty());
  EXPECT_EQ(s, "");
  EXPECT_EQ(s.str(), std::string());
  s = std::string("created");
  EXPECT_FALSE(s.empty());
  EXPECT_EQ(s, "created");
  EXPECT_EQ(s, std::string("created"));
  EXPECT_NE(s, "updated");
  EXPECT_EQ(s + "_date", "created_date");
  EXPECT_EQ("x." + s, "x.created");
  EXPECT_EQ(s.size(), 7u);
  EXPECT_EQ(s.substr(0, 3), "cre");
  const std::string& ref = s;
  EXPECT_EQ(ref, "created");
  std::string other = "plain";
  std::string chosen = s.empty() ? other : s;  // the conditional is a std::string
  EXPECT_EQ(chosen, "created");
  std::ostringstream out;
  out << s;
  EXPECT_EQ(out.str(), "created");

  RareString copy = s;
  s = "changed";
  EXPECT_EQ(copy, "created");
  s = std::string();
  EXPECT_TRUE(s.empty());
}

TEST(RareVectorTest, ReadsLikeAVector) {
  EXPECT_EQ(sizeof(RareVector<std::string>), sizeof(void*));
  RareVector<std::string> v;
  EXPECT_TRUE(v.empty());
  EXPECT_EQ(v.size(), 0u);
  EXPECT_EQ(v.begin(), v.end());
  const std::vector<std::string>& none = v;
  EXPECT_TRUE(none.empty());
  v = std::vector<std::string>{"a", "b"};
  v.push_back("c");
  EXPECT_EQ(v.vec(), (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(v[1], "b");
  RareVector<std::string> copy = v;
  v.clear();
  EXPECT_TRUE(v.empty());
  EXPECT_EQ(copy.size(), 3u);
  std::vector<std::string> seen;
  for (const std::string& s : copy) seen.push_back(s);
  EXPECT_EQ(seen, copy.vec());
}

}  // namespace
}  // namespace lkml
