// `lkml validate sql` against a real PostgreSQL (pg_virtualenv): one LIMIT 0 query per explore
// and access level when clean; bisection names the failing field at its LookML source.
#include <gtest/gtest.h>

#include <regex>

#include "tests/integration/schema_test_support.h"

namespace lkml::schema::test {
namespace {

// "...; N queries" from the summary line on stderr, or -1.
int queryCount(const std::string& err) {
  std::smatch m;
  if (std::regex_search(err, m, std::regex("; (\\d+) quer(y|ies)"))) return std::stoi(m[1]);
  return -1;
}

class ValidateSql : public ::testing::Test {
 protected:
  // Created by the first test (not in SetUpTestSuite, so that without a server every test
  // fails instead of being skipped).
  void SetUp() override {
    if (!db_) db_ = new ScratchDatabase("validate", projectDir("validate_checks") + "/db.sql");
  }
  static void TearDownTestSuite() {
    delete db_;
    db_ = nullptr;
  }
  std::string base() const {
    return "validate sql " + shellQuote(projectDir("validate_checks")) + " --db " +
           shellQuote(db_->url());
  }
  static ScratchDatabase* db_;
};

ScratchDatabase* ValidateSql::db_ = nullptr;

TEST_F(ValidateSql, CleanExploreCostsExactlyOneQuery) {
  ASSERT_TRUE(db_->ok());
  LkmlRun run = runLkml(base() + " --explore customers --format json");
  EXPECT_EQ(run.status, 0) << run.out << run.err;
  EXPECT_EQ(run.total(), 0u) << run.out;
  EXPECT_EQ(queryCount(run.err), 1) << run.err;
}

TEST_F(ValidateSql, BisectionNamesTheOneBadDimension) {
  ASSERT_TRUE(db_->ok());
  LkmlRun run = runLkml(base() + " --explore orders --format json");
  EXPECT_EQ(run.status, 1) << run.err;
  ASSERT_EQ(run.total(), 1u) << run.out;
  EXPECT_TRUE(hasDiagnostic(run, "LKML314", "validate.model.lkml", 20, 10,
                            "the database rejects field `orders.status_shout`: function "
                            "upper_case(text) does not exist"))
      << run.out;
  // Bisection costs a logarithmic number of extra queries, not one per field.
  int queries = queryCount(run.err);
  EXPECT_GT(queries, 1);
  EXPECT_LE(queries, 20) << run.err;
}

TEST_F(ValidateSql, JoinAndExploreFailuresAreNamedOnce) {
  ASSERT_TRUE(db_->ok());
  LkmlRun run =
      runLkml(base() + " --explore customer_orders --explore recent_orders --format json");
  EXPECT_EQ(run.status, 1) << run.err;
  EXPECT_TRUE(hasDiagnostic(run, "LKML315", "validate.model.lkml", 73, 13,
                            "the database rejects join `orders`: every field of it fails: column "
                            "orders.customer_idx does not exist"))
      << run.out;
  EXPECT_TRUE(hasDiagnostic(run, "LKML313", "validate.model.lkml", 78, 10,
                            "the database rejects every query of explore `recent_orders`"))
      << run.out;
  EXPECT_EQ(run.total(), 2u) << run.out;
}

TEST_F(ValidateSql, ConcurrencyDoesNotChangeTheResults) {
  ASSERT_TRUE(db_->ok());
  LkmlRun one = runLkml(base() + " --format json --jobs 1");
  LkmlRun four = runLkml(base() + " --format json --jobs 4");
  EXPECT_EQ(one.status, 1);
  EXPECT_EQ(four.status, 1);
  EXPECT_EQ(one.json["diagnostics"], four.json["diagnostics"]);
  EXPECT_EQ(one.total(), 4u) << one.out;
  EXPECT_EQ(queryCount(one.err), queryCount(four.err));
}

TEST_F(ValidateSql, FieldsLkmlCannotCompileAreSkippedWithAWarning) {
  ASSERT_TRUE(db_->ok());
  LkmlRun run = runLkml(base() + " --explore notes --format json");
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_TRUE(hasDiagnostic(run, "LKML316", "validate.model.lkml", 91, 10,
                            "field `notes.team_label` is not validated: LKML407"))
      << run.out;
  EXPECT_EQ(queryCount(run.err), 1) << run.err;
  LkmlRun with = runLkml(base() + " --explore notes --user-attribute team=core --format json");
  EXPECT_EQ(with.status, 0) << with.err;
  EXPECT_EQ(with.total(), 0u) << with.out;
}

TEST_F(ValidateSql, UnknownExploreIsAUsageError) {
  ASSERT_TRUE(db_->ok());
  LkmlRun run = runLkml(base() + " --explore nope");
  EXPECT_EQ(run.status, 2) << run.err;
}

class ValidateLooker : public ::testing::Test {
 protected:
  void SetUp() override {
    if (db_) return;
    std::string looker = lkml::test::sourceDir() + "/looker";
    dir_ = new ScratchDir("looker-sql");
    {
      std::ofstream sql(dir_->file("db.sql"));
      sql << "\\i " << looker << "/db/schema.sql\n\\i " << looker << "/db/seed.sql\n";
    }
    db_ = new ScratchDatabase("vlooker", dir_->file("db.sql"));
  }
  static void TearDownTestSuite() {
    delete db_;
    delete dir_;
    db_ = nullptr;
    dir_ = nullptr;
  }
  static ScratchDir* dir_;
  static ScratchDatabase* db_;
};

ScratchDir* ValidateLooker::dir_ = nullptr;
ScratchDatabase* ValidateLooker::db_ = nullptr;

TEST_F(ValidateLooker, EveryAccessLevelIsCleanWithOneQueryPerExplore) {
  ASSERT_TRUE(db_->ok());
  LkmlRun run = runLkml("validate sql " + shellQuote(lkml::test::sourceDir() + "/looker") +
                        " --db " + shellQuote(db_->url()) +
                        " --access-level internal --access-level company --access-level client"
                        " --user-attribute company_id=1 --format json");
  EXPECT_EQ(run.status, 0) << run.out << run.err;
  EXPECT_EQ(run.total(), 0u) << run.out;
  // 15 explores x 3 levels; each level sees its own explores and those of the levels below.
  EXPECT_NE(run.err.find("45 explore x access level pairs: 30 validated, 15 not visible"),
            std::string::npos)
      << run.err;
  EXPECT_EQ(queryCount(run.err), 30) << run.err;
}

TEST_F(ValidateLooker, MissingUserAttributeIsReported) {
  ASSERT_TRUE(db_->ok());
  LkmlRun run = runLkml("validate sql " + shellQuote(lkml::test::sourceDir() + "/looker") +
                        " --db " + shellQuote(db_->url()) +
                        " --access-level client --explore enrollments_client --format json");
  EXPECT_EQ(run.status, 1) << run.err;
  auto found = run.diagnostics("LKML317");
  ASSERT_EQ(found.size(), 1u) << run.out;
  EXPECT_NE(found[0].value("message", "").find("company_id"), std::string::npos) << run.out;
  EXPECT_EQ(queryCount(run.err), 0) << run.err;
}

TEST(ValidateDown, UnreachableDatabaseExitsWith3) {
  LkmlRun run = runLkml("validate sql " + shellQuote(projectDir("validate_checks")) +
                        " --db postgresql://u:pw-s3cret@127.0.0.1:1/shop");
  EXPECT_EQ(run.status, 3) << run.err;
  EXPECT_NE(run.err.find("127.0.0.1"), std::string::npos) << run.err;
  EXPECT_EQ(run.err.find("pw-s3cret"), std::string::npos) << run.err;
}

}  // namespace
}  // namespace lkml::schema::test
