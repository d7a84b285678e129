// `lkml fmt` on every .lkml file of the shared corpus (../shared/lookml-corpus), looker/ and
// examples/: idempotent, the same meaning (dump --json and the tree digest), the same comments
// in the same order; and the same file with a syntax error appended is refused.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/support/test_paths.h"
#include "tests/unit/format/format_safety.h"

namespace lkml::test {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> lkmlFilesUnder(const std::string& dir) {
  std::vector<std::string> files;
  if (dir.empty() || !fs::is_directory(dir)) return files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".lkml") {
      files.push_back(entry.path().string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

struct Tally {
  size_t files = 0, changed = 0, comments = 0, refused_broken = 0;
};

void checkTree(const std::vector<std::string>& files, Tally* tally) {
  for (const std::string& path : files) {
    std::string text = readText(path);
    FormatCheck check = checkFormat(text, path);
    ASSERT_TRUE(check.ok) << path;
    EXPECT_EQ(check.problems, "") << path;
    ++tally->files;
    if (check.formatted != text) ++tally->changed;
    tally->comments += check.comments;
    // The same file broken at its end: refused, nothing formatted.
    FormatCheck broken = checkFormat(text + "\nview: broken {\n", path);
    EXPECT_FALSE(broken.ok) << path;
    EXPECT_EQ(broken.formatted, "") << path;
    tally->refused_broken += !broken.ok;
  }
}

TEST(CorpusFormatTest, SharedCorpusIsSafe) {
  if (corpusDir().empty()) GTEST_SKIP() << "shared LookML corpus not found";
  std::vector<std::string> files = lkmlFilesUnder(corpusDir());
  ASSERT_GT(files.size(), 300u);
  Tally tally;
  checkTree(files, &tally);
  EXPECT_EQ(tally.files, files.size());
  EXPECT_EQ(tally.refused_broken, files.size());
  std::cout << "corpus: " << tally.files << " files checked, " << tally.changed
            << " changed by fmt, " << tally.comments
            << " comments kept; all idempotent and meaning-equal\n";
}

TEST(CorpusFormatTest, LookerAndExamplesAreSafe) {
  std::vector<std::string> files = lkmlFilesUnder(sourceDir() + "/looker");
  std::vector<std::string> examples = lkmlFilesUnder(sourceDir() + "/examples");
  files.insert(files.end(), examples.begin(), examples.end());
  ASSERT_GT(files.size(), 10u);
  Tally tally;
  checkTree(files, &tally);
  EXPECT_EQ(tally.files, files.size());
  std::cout << "looker/ + examples/: " << tally.files << " files checked, " << tally.changed
            << " changed by fmt, " << tally.comments << " comments kept\n";
}

}  // namespace
}  // namespace lkml::test
