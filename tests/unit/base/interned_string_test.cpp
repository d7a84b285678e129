// base/interned_string.h: one shared string per text, read like a std::string, safe to intern
// from the threads that lower views in parallel.
#include "base/interned_string.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace lkml {
namespace {

TEST(InternedStringTest, IsOnePointer) { EXPECT_EQ(sizeof(InternedString), sizeof(void*)); }

TEST(InternedStringTest, EqualTextsShareOneString) {
  std::string built = std::string("num") + "ber";
  InternedString a("number"), b(built), c(std::string_view("number_x").substr(0, 6));
  EXPECT_EQ(&a.str(), &b.str());
  EXPECT_EQ(&a.str(), &c.str());
  EXPECT_EQ(a, b);
  InternedString d("string");
  EXPECT_NE(&a.str(), &d.str());
  EXPECT_NE(a, d);
}

TEST(InternedStringTest, ReadsLikeAString) {
  InternedString empty;
  EXPECT_TRUE(empty.empty());
  EXPECT_EQ(empty, "");
  EXPECT_EQ(&empty.str(), &InternedString("").str());

  InternedString t("date_time");
  EXPECT_EQ(t.size(), 9u);
  EXPECT_EQ(t, std::string("date_time"));
  EXPECT_EQ(std::string("date_time"), t);
  EXPECT_EQ(t, std::string_view("date_time"));
  EXPECT_NE(t, "date");
  EXPECT_EQ(t.find('_'), 4u);
  EXPECT_EQ(t.rfind("time"), 5u);
  EXPECT_EQ(t.substr(5), "time");
  EXPECT_EQ(t + "!", "date_time!");
  EXPECT_EQ("<" + t, "<date_time");
  std::ostringstream out;
  out << t;
  EXPECT_EQ(out.str(), "date_time");
  EXPECT_TRUE(InternedString("a") < InternedString("b"));

  t = std::string("count");
  EXPECT_EQ(t, "count");
  EXPECT_EQ(&t.str(), &InternedString("count").str());
}

TEST(InternedStringTest, ThreadsGetTheSameStringForATextWhateverTheOrder) {
  // More texts than a thread's cache of recent texts holds, so both paths are exercised.
  constexpr int kTexts = 500, kThreads = 8;
  std::vector<std::vector<const std::string*>> seen(kThreads,
                                                    std::vector<const std::string*>(kTexts));
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([t, &seen] {
      for (int round = 0; round < 3; ++round) {
        for (int i = 0; i < kTexts; ++i) {
          int k = (i * 7 + t * 13) % kTexts;  // each thread its own order
          InternedString s("interned_text_" + std::to_string(k));
          if (round > 0) {
            EXPECT_EQ(seen[t][k], &s.str());
          }
          seen[t][k] = &s.str();
        }
      }
    });
  }
  for (std::thread& th : threads) th.join();
  for (int k = 0; k < kTexts; ++k) {
    EXPECT_EQ(*seen[0][k], "interned_text_" + std::to_string(k));
    for (int t = 1; t < kThreads; ++t) EXPECT_EQ(seen[t][k], seen[0][k]) << k;
  }
}

}  // namespace
}  // namespace lkml
