// Schema checks on the shared corpus of real BigQuery blocks (skipped without the corpus):
// each covered block has a hand-written BigQuery INFORMATION_SCHEMA export of the public tables
// it reads (tests/corpus/schemas/<block>/), imported with `lkml schema import --from bigquery`;
// `lint --schema --dialect bigquery` finds only the known findings, and a column planted into a
// temporary copy of the block is caught at its file:line. Also: the dialect sniff (LKML290)
// warns once per BigQuery block, and never with --dialect.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/support/test_paths.h"
#include "tests/unit/semantic/semantic_test_util.h"

namespace lkml::cli {
namespace {

namespace fs = std::filesystem;
std::string shellQuoted(const std::string& s) { return semantic::test::quoted(s); }
using semantic::test::runLkml;

struct Plant {
  std::string file;      // relative to the block
  std::string original;  // replaced (first occurrence) ...
  std::string planted;   // ... by this
};

struct CoveredBlock {
  std::string name;
  std::vector<std::string> known;  // LKML3xx errors of the unmodified block, as file:line: code
  std::vector<Plant> plants;
};

// The GA360 export schema (the public google_analytics_sample) has no session-level
// customVariables (only hits.customVariables): the block's `custom_variables` dimension names a
// column the table does not have.
const std::vector<CoveredBlock>& coveredBlocks() {
  static const std::vector<CoveredBlock> blocks = {
      {"llooker+ga_360_new",
       {"Google_Analytics/Sessions/ga_sessions.view.lkml:296: LKML302"},
       {{"Google_Analytics/Sessions/ga_sessions.view.lkml", "${TABLE}.channelGrouping ;;",
         "${TABLE}.channelGrupping ;;"},
        {"Google_Analytics/totals.view.lkml", "${TABLE}.totals.visits;;",
         "${TABLE}.totals.vists;;"}}},
  };
  return blocks;
}

class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "lkml-corpus-schema-XXXXXX").string();
    path_ = mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// The block's snapshot: its export files imported into `dir`/lkml-schema.json.
std::string importSnapshot(const std::string& block, const std::string& dir) {
  std::string files;
  fs::path schemas = fs::path(test::sourceDir()) / "tests/corpus/schemas" / block;
  std::vector<std::string> paths;
  for (const auto& entry : fs::directory_iterator(schemas)) paths.push_back(entry.path().string());
  std::sort(paths.begin(), paths.end());
  for (const std::string& p : paths) files += " " + shellQuoted(p);
  std::string out = dir + "/lkml-schema.json";
  std::string output;
  int status =
      runLkml("schema import --from bigquery" + files + " -o " + shellQuoted(out), &output, true);
  EXPECT_EQ(status, 0) << output;
  return out;
}

// Schema-check errors (LKML3xx) as `file:line: code`, the file relative to `root`.
std::vector<std::string> schemaErrors(const std::string& root, const std::string& snapshot) {
  std::string out;
  runLkml("lint " + shellQuoted(root) + " --schema " + shellQuoted(snapshot) +
              " --dialect bigquery --format json",
          &out);
  std::vector<std::string> errors;
  nlohmann::json json = nlohmann::json::parse(out, nullptr, false);
  if (json.is_discarded()) {
    ADD_FAILURE() << "no JSON from lkml lint:\n" << out;
    return errors;
  }
  for (const auto& d : json["diagnostics"]) {
    std::string code = d["code"];
    if (d["severity"] != "error" || code.compare(0, 5, "LKML3") != 0) continue;
    std::string file = fs::path(std::string(d["file"]))
                           .lexically_relative(fs::path(root).lexically_normal())
                           .generic_string();
    errors.push_back(file + ":" + std::to_string(d["line"].get<int>()) + ": " + code);
  }
  return errors;
}

int lineOf(const std::string& text, size_t offset) {
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + offset, '\n'));
}

TEST(CorpusSchema, CoveredBlocksAreCleanAndPlantedColumnsAreCaught) {
  if (test::corpusDir().empty()) GTEST_SKIP() << "no shared corpus";
  for (const CoveredBlock& block : coveredBlocks()) {
    SCOPED_TRACE(block.name);
    TempDir dir;
    std::string snapshot = importSnapshot(block.name, dir.path());
    std::string root = test::corpusDir() + "/" + block.name;
    EXPECT_THAT(schemaErrors(root, snapshot), ::testing::UnorderedElementsAreArray(block.known));
    for (const Plant& plant : block.plants) {
      SCOPED_TRACE(plant.planted);
      std::string copy = dir.path() + "/copy";
      fs::remove_all(copy);
      fs::copy(root, copy, fs::copy_options::recursive);
      std::string path = copy + "/" + plant.file;
      std::string text = test::readText(path);
      size_t at = text.find(plant.original);
      ASSERT_NE(at, std::string::npos) << plant.original << " not in " << plant.file;
      text.replace(at, plant.original.size(), plant.planted);
      std::ofstream(path, std::ios::binary) << text;
      std::vector<std::string> expected = block.known;
      expected.push_back(plant.file + ":" + std::to_string(lineOf(text, at)) + ": LKML302");
      EXPECT_THAT(schemaErrors(copy, snapshot), ::testing::UnorderedElementsAreArray(expected));
    }
  }
}

// Every corpus block is BigQuery except keboola-git, whose SQL (quoted upper-case names) is
// valid PostgreSQL and says nothing else: one LKML290 each, none with --dialect.
TEST(CorpusSchema, DialectSniffWarnsOncePerBigQueryBlock) {
  if (test::corpusDir().empty()) GTEST_SKIP() << "no shared corpus";
  for (const auto& entry : fs::directory_iterator(test::corpusDir())) {
    if (!entry.is_directory()) continue;
    std::string name = entry.path().filename().string();
    SCOPED_TRACE(name);
    for (bool with_flag : {false, true}) {
      std::string out;
      runLkml("lint " + shellQuoted(entry.path().string()) + " --format json" +
                  (with_flag ? " --dialect bigquery" : ""),
              &out);
      nlohmann::json json = nlohmann::json::parse(out, nullptr, false);
      ASSERT_FALSE(json.is_discarded()) << out;
      int warnings = 0;
      for (const auto& d : json["diagnostics"]) {
        if (d["code"] == "LKML290") {
          ++warnings;
          EXPECT_EQ(d["severity"], "warning");
          EXPECT_TRUE(d.contains("line"));
        }
      }
      int expected = with_flag || name == "looker-open-source+block-keboola-git" ? 0 : 1;
      EXPECT_EQ(warnings, expected);
    }
  }
}

}  // namespace
}  // namespace lkml::cli
