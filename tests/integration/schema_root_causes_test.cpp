// Root cause first against a real PostgreSQL: `lkml validate sql` skips what lint already
// explains and folds a join that fails because of a failing field into that field's finding;
// `lkml lint --db` folds "no join follows the foreign key" into the missing table of the join
// that would have followed it (semantic/root_causes.h, schema_projects/root_causes).
#include <gtest/gtest.h>

#include <regex>

#include "tests/integration/schema_test_support.h"

namespace lkml::schema::test {
namespace {

int queryCount(const std::string& err) {
  std::smatch m;
  if (std::regex_search(err, m, std::regex("; (\\d+) quer(y|ies)"))) return std::stoi(m[1]);
  return -1;
}

// The notes of a diagnostic that say "follows from this", with their code.
std::vector<std::string> cascade(const nlohmann::json& d) {
  std::vector<std::string> out;
  for (const auto& note : d.value("notes", nlohmann::json::array())) {
    std::string message = note.value("message", "");
    if (message.rfind("follows from this: ", 0) == 0) out.push_back(message);
  }
  return out;
}

class RootCauses : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!db_) db_ = new ScratchDatabase("rootcause", projectDir("root_causes") + "/db.sql");
  }
  static void TearDownTestSuite() {
    delete db_;
    db_ = nullptr;
  }
  std::string project() const { return shellQuote(projectDir("root_causes")); }
  static ScratchDatabase* db_;
};

ScratchDatabase* RootCauses::db_ = nullptr;

// Two typos lint reports (LKML205) are not sent to the database; the join on the failing
// `customer_ref` is that field's cascade, not a finding of its own.
TEST_F(RootCauses, ValidateSqlSkipsLintErrorsAndFoldsTheJoinIntoTheFailingField) {
  ASSERT_TRUE(db_->ok());
  LkmlRun run = runLkml("validate sql " + project() + " --db " + shellQuote(db_->url()) +
                        " --explore orders --format json");
  EXPECT_EQ(run.status, 1) << run.err;
  EXPECT_EQ(run.diagnostics("LKML205").size(), 3u) << run.out;  // lint's, printed first-hand
  EXPECT_TRUE(run.diagnostics("LKML315").empty()) << run.out;
  ASSERT_EQ(run.diagnostics("LKML314").size(), 1u) << run.out;
  EXPECT_EQ(run.total(), 4u) << run.out;
  const nlohmann::json& root = run.json["diagnostics"][0];  // the root of a cascade comes first
  EXPECT_EQ(root.value("code", ""), "LKML314");
  EXPECT_EQ(root.value("line", 0), 8);
  std::vector<std::string> notes = cascade(root);
  ASSERT_EQ(notes.size(), 1u) << root.dump();
  EXPECT_NE(notes[0].find("error[LKML315] the database rejects join `customers`"),
            std::string::npos)
      << notes[0];
  // Neither `status_label` nor `total` reached the database: no LKML314 for them.
  for (const auto& d : run.diagnostics("LKML314")) {
    EXPECT_EQ(d.value("message", "").find("status_label"), std::string::npos);
  }
  EXPECT_NE(run.err.find("not sent to the database, already explained by a lint error above: 2 "
                         "fields, 0 explores"),
            std::string::npos)
      << run.err;
  int queries = queryCount(run.err);
  EXPECT_GT(queries, 1);
  EXPECT_LE(queries, 12) << run.err;
}

// An explore whose join lint already rejects is not validated at all.
TEST_F(RootCauses, ValidateSqlSkipsAnExploreLintExplains) {
  ASSERT_TRUE(db_->ok());
  LkmlRun run = runLkml("validate sql " + project() + " --db " + shellQuote(db_->url()) +
                        " --explore broken_join --format json");
  EXPECT_EQ(run.status, 1) << run.err;
  EXPECT_TRUE(hasDiagnostic(run, "LKML205", "root_causes.model.lkml", 47, 13,
                            "unknown field `broken_join.nope`"))
      << run.out;
  EXPECT_EQ(queryCount(run.err), 0) << run.err;
  EXPECT_NE(run.err.find("0 fields, 1 explore"), std::string::npos) << run.err;
}

// LKML310 of `order_buyers` follows from the missing table of `buyers`, the join on the
// foreign key's column: a note of that LKML301. Other explores' LKML310 stay.
TEST_F(RootCauses, LintFoldsTheForeignKeyFindingIntoTheMissingTable) {
  ASSERT_TRUE(db_->ok());
  LkmlRun run = runLkml("lint " + project() + " --format json --db " + shellQuote(db_->url()));
  EXPECT_EQ(run.status, 1) << run.err;
  std::vector<nlohmann::json> missing = run.diagnostics("LKML301");
  ASSERT_EQ(missing.size(), 1u) << run.out;
  EXPECT_EQ(missing[0].value("line", 0), 23);
  std::vector<std::string> notes = cascade(missing[0]);
  ASSERT_EQ(notes.size(), 1u) << missing[0].dump();
  EXPECT_NE(notes[0].find("info[LKML310] explore `order_buyers`"), std::string::npos) << notes[0];
  for (const auto& d : run.diagnostics("LKML310")) {
    EXPECT_EQ(d.value("message", "").find("order_buyers"), std::string::npos) << d.dump();
  }
  EXPECT_EQ(run.json["diagnostics"][0].value("code", ""), "LKML301");
}

}  // namespace
}  // namespace lkml::schema::test
