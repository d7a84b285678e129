// The corpus again, each file first rewritten token by token with random whitespace between
// the tokens (a space, a line break or a blank line; always a line break after a comment):
// layouts no real file has, such as comments between a key and its colon or value, lists
// broken at every token, one member per several lines. Formatting each stays safe
// (format_safety.h) and gives the same text for every layout of the same tokens and comment
// lines.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "grammar/lexer.h"
#include "tests/support/test_paths.h"
#include "tests/unit/format/format_safety.h"

namespace lkml::test {
namespace {

namespace fs = std::filesystem;

/// `text` with every run of whitespace between tokens replaced by one picked by `rng`.
std::string relayout(const std::string& text, std::mt19937* rng) {
  grammar::LexResult lexed = grammar::lex(text);
  std::vector<grammar::RawToken> all = lexed.tokens;
  all.pop_back();  // kEof
  all.insert(all.end(), lexed.comments.begin(), lexed.comments.end());
  std::sort(all.begin(), all.end(), [](const grammar::RawToken& a, const grammar::RawToken& b) {
    return a.begin < b.begin;
  });
  static const char* const kSeparators[] = {" ", "\n", "  \n\n  ", "\t", "\n    "};
  std::string out;
  for (size_t i = 0; i < all.size(); ++i) {
    if (i > 0) {
      out += all[i - 1].type == grammar::kComment ? "\n" : kSeparators[(*rng)() % 5];
    }
    out.append(text, all[i].begin, all[i].end - all[i].begin);
  }
  return out;
}

TEST(RelayoutPropertyTest, AnyWhitespaceBetweenTokensFormatsSafely) {
  if (corpusDir().empty()) GTEST_SKIP() << "shared LookML corpus not found";
  std::vector<std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(corpusDir())) {
    if (entry.is_regular_file() && entry.path().extension() == ".lkml") {
      files.push_back(entry.path().string());
    }
  }
  std::sort(files.begin(), files.end());
  ASSERT_GT(files.size(), 300u);
  std::mt19937 rng(20261204);
  size_t checked = 0;
  for (const std::string& path : files) {
    std::string original = readText(path);
    FormatCheck check = checkFormat(relayout(original, &rng), path);
    ASSERT_TRUE(check.ok) << path;
    EXPECT_EQ(check.problems, "") << path;
    ++checked;
  }
  EXPECT_EQ(checked, files.size());
}

TEST(RelayoutPropertyTest, MutatedFilesAreRefusedOrFormattedSafely) {
  // Each corpus file with a few bytes deleted or a piece of LookML punctuation inserted at
  // random: mostly syntax errors (refused, nothing formatted), sometimes valid files of odd
  // shapes (formatted safely). checkFormat reports a refused file that has no syntax error.
  if (corpusDir().empty()) GTEST_SKIP() << "shared LookML corpus not found";
  static const char* const kPieces[] = {"{",  "}",  "[",  "]",      ",",         ":",     "#",
                                        "\"", ";;", "\n", " x: y ", "sql: z ;;", "# c\n", "\\"};
  std::mt19937 rng(4122026);
  size_t refused = 0, formatted = 0;
  for (const auto& entry : fs::recursive_directory_iterator(corpusDir())) {
    if (!entry.is_regular_file() || entry.path().extension() != ".lkml") continue;
    std::string text = readText(entry.path().string());
    if (text.empty()) continue;
    for (int round = 0; round < 3; ++round) {
      std::string mutated = text;
      size_t at = rng() % mutated.size();
      if (rng() % 2) {
        mutated.erase(at, 1 + rng() % 8);
      } else {
        mutated.insert(at, kPieces[rng() % 14]);
      }
      FormatCheck check = checkFormat(mutated, entry.path().string());
      EXPECT_EQ(check.problems, "") << entry.path() << " mutated at " << at;
      ++(check.ok ? formatted : refused);
    }
  }
  EXPECT_GT(refused, 100u);
  EXPECT_GT(formatted, 100u);
}

TEST(RelayoutPropertyTest, CommentsInEveryGapOfOneMember) {
  // A comment after every token of a member with each kind of value.
  std::string text =
      "view: # 1\n v # 2\n { # 3\n dimension # 4\n : # 5\n d # 6\n { # 7\n"
      "type # 8\n : # 9\n string # 10\n sql: x ;; # 11\n tags # 12\n : # 13\n [ # 14\n a # 15\n"
      ", # 16\n b # 17\n : # 18\n \"c\" # 19\n , # 20\n ] # 21\n } # 22\n } # 23\n";
  FormatCheck check = checkFormat(text);
  ASSERT_TRUE(check.ok);
  EXPECT_EQ(check.problems, "") << check.formatted;
}

}  // namespace
}  // namespace lkml::test
