// `lkml lint` over every project of the shared corpus of real public LookML (skipped when the
// corpus is absent): no crash, valid JSON, and no errors except the known real ones: the LKML224
// findings in the Google Chronicle block (aggregate measures over measures, which Looker's
// validator reports as an error) and one LKML206 in the Segment block (a field the explore
// keeps uses a field it excludes, whose SQL names a view the explore does not join: the query
// of that field fails in Looker too).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/support/test_paths.h"
#include "tests/unit/semantic/semantic_test_util.h"

namespace lkml::semantic {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::vector<std::string> corpusProjects() {
  std::vector<std::string> projects;
  std::string dir = lkml::test::corpusDir();
  if (dir.empty()) return projects;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.is_directory()) projects.push_back(entry.path().filename().string());
  }
  std::sort(projects.begin(), projects.end());
  return projects;
}

const char kChronicle[] = "looker-open-source+block-google-chronicle";
const char kSegment[] = "llooker+segment_marketing_attribution";

// The errors of one corpus project as `path:line:col: LKML2nn message`, the path relative to
// the project.
std::vector<std::string> lintErrors(const std::string& project, int* status) {
  std::string root = lkml::test::corpusDir() + "/" + project;
  std::string out;
  *status = test::runLkml("lint " + test::quoted(root) + " --format json", &out);
  std::vector<std::string> errors;
  nlohmann::json json = nlohmann::json::parse(out, nullptr, false);
  if (json.is_discarded()) {
    ADD_FAILURE() << project << ": lkml printed no valid JSON (exit " << *status << "):\n" << out;
    return errors;
  }
  for (const auto& d : json["diagnostics"]) {
    if (d["severity"] != "error") continue;
    std::string file = d["file"];
    std::string relative =
        fs::path(file).lexically_relative(fs::path(root).lexically_normal()).generic_string();
    std::string where = relative + ":" +
                        (d.contains("line") ? std::to_string(d["line"].get<int>()) + ":" +
                                                  std::to_string(d["column"].get<int>())
                                            : std::string("-"));
    errors.push_back(where + ": " + d["code"].get<std::string>() + " " +
                     d["message"].get<std::string>());
  }
  return errors;
}

class CorpusLint : public ::testing::TestWithParam<std::string> {};

TEST_P(CorpusLint, OnlyKnownErrors) {
  int status = -1;
  std::vector<std::string> errors = lintErrors(GetParam(), &status);
  if (GetParam() == kSegment) {
    // A tier dimension reads a dimension its explore's `fields` list excludes: Looker's
    // validator reports an excluded field as "Unknown or inaccessible field" (error catalog)
    // (LKML237); the excluded dimension also reads a view the explore does not join (LKML206).
    EXPECT_THAT(errors,
                ::testing::UnorderedElementsAre(
                    "_F_session_pg_track_facts.view.lkml:81:10: LKML237 "
                    "`session_pg_trk_facts.session_duration_minutes_tiered` uses "
                    "`session_pg_trk_facts.session_duration_minutes` (sql), which "
                    "explore `session_campaign_mapping` excludes (its `fields` list)",
                    "_F_session_pg_track_facts.view.lkml:76:28: LKML206 "
                    "`${sessions_pg_trk.start_raw}` in "
                    "`session_pg_trk_facts.session_duration_minutes` (excluded by "
                    "`fields`, but used by "
                    "`session_pg_trk_facts.session_duration_minutes_tiered`): view "
                    "`sessions_pg_trk` is not joined in explore `session_campaign_mapping`"));
    EXPECT_EQ(status, 1);
    return;
  }
  if (GetParam() != kChronicle) {
    EXPECT_THAT(errors, IsEmpty());
    EXPECT_EQ(status, 0);
    return;
  }
  const std::string tail = "; measures with Looker aggregations may not reference other measures";
  const std::string custom = "views/custom/ingestion_metric_with_ingestion_stats.view.lkml:";
  const std::string refinement = "views/refinements/ingestion_metrics.view.lkml:";
  EXPECT_THAT(
      errors,
      ElementsAre(custom +
                      "110:16: LKML224 measure `total_entry_number_in_million` of type `sum` "
                      "references measure `total_entry_number`" +
                      tail,
                  custom +
                      "115:16: LKML224 measure `total_entry_number_in_million_for_drill` of "
                      "type `sum` references measure `total_entry_number`" +
                      tail,
                  custom +
                      "160:16: LKML224 measure `total_size_bytes_GB` of type `sum` "
                      "references measure `total_size_bytes`" +
                      tail,
                  custom +
                      "165:16: LKML224 measure `total_size_bytes_GB_for_drill` of type `sum` "
                      "references measure `total_size_bytes`" +
                      tail,
                  refinement +
                      "32:16: LKML224 measure `total_entry_number_in_million` of type "
                      "`sum` references measure `total_entry_number`" +
                      tail,
                  refinement +
                      "37:16: LKML224 measure `total_entry_number_in_million_for_drill` "
                      "of type `sum` references measure `total_entry_number`" +
                      tail));
  EXPECT_EQ(status, 1);
}

INSTANTIATE_TEST_SUITE_P(Projects, CorpusLint, ::testing::ValuesIn(corpusProjects()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(CorpusLint);

TEST(CorpusLintAll, WholeCorpusInOneRun) {
  if (lkml::test::corpusDir().empty()) GTEST_SKIP() << "no corpus at ../shared/lookml-corpus";
  std::string out;
  int status =
      test::runLkml("lint " + test::quoted(lkml::test::corpusDir()) + " --format json", &out);
  EXPECT_EQ(status, 1);  // the Chronicle and Segment errors
  nlohmann::json json = nlohmann::json::parse(out, nullptr, false);
  ASSERT_FALSE(json.is_discarded());
  EXPECT_EQ(json["summary"]["errors"], 8);  // 6 LKML224, Segment LKML237 + LKML206
  for (const auto& d : json["diagnostics"]) {
    if (d["severity"] == "error") {
      EXPECT_TRUE(d["code"] == "LKML224" || d["code"] == "LKML237" || d["code"] == "LKML206")
          << d.dump();
    }
  }
}

}  // namespace
}  // namespace lkml::semantic
