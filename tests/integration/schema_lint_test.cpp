// `lkml lint --db / --schema` against a real PostgreSQL (pg_virtualenv): deliberately broken
// projects under schema_projects/, the sample project looker/ (clean), a snapshot that gives
// the same results offline, connection mapping, and a database that is down (exit 3).
#include <gtest/gtest.h>

#include "tests/integration/schema_test_support.h"

namespace lkml::schema::test {
namespace {

// One database and one lint run per project, shared by the tests (keeps the suite fast).
class SchemaLint : public ::testing::Test {
 protected:
  // Created by the first test (not in SetUpTestSuite, so that without a server every test
  // fails instead of being skipped).
  void SetUp() override {
    if (catalog_db_) return;
    catalog_db_ = new ScratchDatabase("catalog", projectDir("catalog_checks") + "/db.sql");
    data_db_ = new ScratchDatabase("data", projectDir("data_checks") + "/db.sql");
    if (catalog_db_->ok()) {
      catalog_live_ = new LkmlRun(runLkml("lint " + shellQuote(projectDir("catalog_checks")) +
                                          " --format json --db " + shellQuote(catalog_db_->url())));
    }
    if (data_db_->ok()) {
      data_live_ = new LkmlRun(runLkml("lint " + shellQuote(projectDir("data_checks")) +
                                       " --format json --db " + shellQuote(data_db_->url())));
    }
  }
  static void TearDownTestSuite() {
    delete catalog_live_;
    delete data_live_;
    delete catalog_db_;
    delete data_db_;
    catalog_live_ = data_live_ = nullptr;
    catalog_db_ = data_db_ = nullptr;
  }

  static ScratchDatabase* catalog_db_;
  static ScratchDatabase* data_db_;
  static LkmlRun* catalog_live_;
  static LkmlRun* data_live_;
};

ScratchDatabase* SchemaLint::catalog_db_ = nullptr;
ScratchDatabase* SchemaLint::data_db_ = nullptr;
LkmlRun* SchemaLint::catalog_live_ = nullptr;
LkmlRun* SchemaLint::data_live_ = nullptr;

TEST_F(SchemaLint, MissingTablesAndColumnsWithSuggestions) {
  ASSERT_NE(catalog_live_, nullptr) << "no database";
  const LkmlRun& run = *catalog_live_;
  EXPECT_EQ(run.status, 1) << run.err;
  EXPECT_TRUE(hasDiagnostic(run, "LKML301", "views/refunds.view.lkml", 2, 19,
                            "relation `sales.refund` does not exist"))
      << run.out;
  auto missing = run.diagnostics("LKML301");
  ASSERT_FALSE(missing.empty());
  bool suggested = false;
  for (const auto& d : missing) suggested |= d.value("help", "") == "did you mean `sales.refunds`?";
  EXPECT_TRUE(suggested) << run.out;
  EXPECT_TRUE(hasDiagnostic(run, "LKML301", "views/products.view.lkml", 15, 7,
                            "view `product_reviews` has no sql_table_name"))
      << run.out;
  EXPECT_TRUE(hasDiagnostic(run, "LKML302", "views/customers.view.lkml", 11, 10,
                            "column `nme` does not exist in table sales.customers"))
      << run.out;
  for (const auto& d : run.diagnostics("LKML302")) {
    if (d.value("line", 0) == 11) {
      EXPECT_EQ(d.value("help", ""), "did you mean `${TABLE}.name`?");
    }
  }
  EXPECT_TRUE(hasDiagnostic(run, "LKML302", "views/order_items.view.lkml", 22, 10,
                            "column `quantiy` does not exist"))
      << run.out;
  EXPECT_TRUE(hasDiagnostic(run, "LKML302", "views/products.view.lkml", 12, 14,
                            "dimension `colour` has no `sql`"))
      << run.out;
}

TEST_F(SchemaLint, FieldTypesAgainstColumnTypes) {
  ASSERT_NE(catalog_live_, nullptr) << "no database";
  const LkmlRun& run = *catalog_live_;
  EXPECT_TRUE(hasDiagnostic(run, "LKML303", "views/orders.view.lkml", 17, 10,
                            "dimension `status` (type: number) reads column `status` of table "
                            "sales.orders, which is `text`"))
      << run.out;
  EXPECT_TRUE(hasDiagnostic(run, "LKML303", "views/orders.view.lkml", 23, 10,
                            "dimension_group `created` (type: time) reads column `created_epoch`"))
      << run.out;
  EXPECT_TRUE(hasDiagnostic(run, "LKML303", "views/customers.view.lkml", 16, 10,
                            "it needs a boolean expression"))
      << run.out;
  EXPECT_TRUE(hasDiagnostic(run, "LKML303", "views/order_items.view.lkml", 27, 10,
                            "measure `total_price` (type: sum)"))
      << run.out;
  // uuid under type: number: uncertain, so a warning.
  auto uncertain = run.diagnostics("LKML304");
  ASSERT_EQ(uncertain.size(), 1u) << run.out;
  EXPECT_EQ(uncertain[0].value("severity", ""), "warning");
  EXPECT_EQ(uncertain[0].value("line", 0), 21);
}

TEST_F(SchemaLint, CatalogProvenKeysAndForeignKeys) {
  ASSERT_NE(catalog_live_, nullptr) << "no database";
  const LkmlRun& run = *catalog_live_;
  EXPECT_TRUE(hasDiagnostic(run, "LKML308", "models/shop.model.lkml", 18, 41,
                            "decided by the primary key (id) of table sales.products"))
      << run.out;
  EXPECT_TRUE(hasDiagnostic(run, "LKML310", "models/shop.model.lkml", 15, 10,
                            "foreign key sales.order_items (order_id) references sales.orders"))
      << run.out;
  EXPECT_EQ(run.total(), 12u) << run.out;
  EXPECT_NE(run.err.find("catalog read in 3 queries"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find(" 0 data probes"), std::string::npos) << run.err;
}

TEST_F(SchemaLint, SnapshotReproducesTheLiveResultsOffline) {
  ASSERT_NE(catalog_live_, nullptr) << "no database";
  ScratchDir dir("snapshot");
  std::string snapshot = dir.file("lkml-schema.json");
  LkmlRun dump = runLkml("schema dump --db " + shellQuote(catalog_db_->url()) +
                         " --schema-name sales -o " + shellQuote(snapshot));
  ASSERT_EQ(dump.status, 0) << dump.err;
  EXPECT_NE(dump.err.find("5 relations"), std::string::npos) << dump.err;
  EXPECT_NE(dump.err.find("in 3 queries"), std::string::npos) << dump.err;
  LkmlRun offline = runLkml("lint " + shellQuote(projectDir("catalog_checks")) +
                            " --format json --schema " + shellQuote(snapshot));
  EXPECT_EQ(offline.status, catalog_live_->status) << offline.err;
  EXPECT_EQ(offline.json["diagnostics"], catalog_live_->json["diagnostics"]);
  EXPECT_NE(offline.err.find("schema checks (snapshot)"), std::string::npos) << offline.err;
}

TEST_F(SchemaLint, RelationshipsDecidedByTheData) {
  ASSERT_NE(data_live_, nullptr) << "no database";
  const LkmlRun& run = *data_live_;
  EXPECT_EQ(run.status, 1) << run.err;
  // many_to_one on a key that is not unique in the joined table.
  EXPECT_TRUE(hasDiagnostic(run, "LKML307", "models/data.model.lkml", 7, 36,
                            "join `accounts` is declared `relationship: many_to_one`, which needs "
                            "the joined side's key to be unique, but `accounts.id` is not unique "
                            "in table public.accounts: key (2) occurs in 2 rows (decided by the "
                            "data"))
      << run.out;
  // one_to_many whose explore side is not unique; one_to_one with a non-unique joined side.
  EXPECT_TRUE(hasDiagnostic(run, "LKML307", "models/data.model.lkml", 18, 13,
                            "needs the explore side's key to be unique, but `accounts.id`"))
      << run.out;
  EXPECT_TRUE(hasDiagnostic(run, "LKML307", "models/data.model.lkml", 22, 34,
                            "`relationship: one_to_one`, which needs the joined side's key to be "
                            "unique, but `regions.code` is not unique in table public.regions: key "
                            "(eu) occurs in 2 rows"))
      << run.out;
  for (const auto& d : run.diagnostics("LKML307")) {
    EXPECT_NE(d.value("help", "").find("many_to_many"), std::string::npos) << d.dump();
  }
  // owners.account_id is unique in the data: its many_to_one join is fine.
  EXPECT_EQ(run.diagnostics("LKML307").size(), 3u) << run.out;
}

TEST_F(SchemaLint, NonUniquePrimaryKeyWithASample) {
  ASSERT_NE(data_live_, nullptr) << "no database";
  EXPECT_TRUE(hasDiagnostic(*data_live_, "LKML309", "views/tables.view.lkml", 7, 10,
                            "primary key `accounts.id` is not unique in table public.accounts: "
                            "key (2) occurs in 2 rows (decided by the data"))
      << data_live_->out;
  EXPECT_EQ(data_live_->diagnostics("LKML309").size(), 1u) << data_live_->out;
}

TEST_F(SchemaLint, DerivedTables) {
  ASSERT_NE(data_live_, nullptr) << "no database";
  const LkmlRun& run = *data_live_;
  // Broken SQL: the database's message, at the offending word inside the sql block.
  EXPECT_TRUE(hasDiagnostic(run, "LKML305", "views/derived.view.lkml", 34, 33,
                            "the database rejects the SQL of derived table `broken_totals`: "
                            "column \"amout\" does not exist"))
      << run.out;
  // Columns learnt from the probe (SELECT * FROM (...) LIMIT 0), nested derived tables as CTEs.
  EXPECT_TRUE(hasDiagnostic(run, "LKML302", "views/derived.view.lkml", 16, 10,
                            "column `totl` does not exist in derived table `account_totals`"))
      << run.out;
  EXPECT_EQ(run.total(), 6u) << run.out;
}

TEST_F(SchemaLint, DataProbesAreSkippedOfflineWithOneInfo) {
  ASSERT_NE(data_db_, nullptr);
  ASSERT_TRUE(data_db_->ok());
  ScratchDir dir("snapshot");
  LkmlRun dump = runLkml("schema dump --db " + shellQuote(data_db_->url()) + " -o " +
                         shellQuote(dir.file("s.json")));
  ASSERT_EQ(dump.status, 0) << dump.err;
  LkmlRun offline = runLkml("lint " + shellQuote(projectDir("data_checks")) +
                            " --format json --schema " + shellQuote(dir.file("s.json")));
  EXPECT_EQ(offline.status, 0) << offline.out;
  ASSERT_EQ(offline.total(), 1u) << offline.out;
  auto info = offline.diagnostics("LKML311");
  ASSERT_EQ(info.size(), 1u) << offline.out;
  EXPECT_EQ(info[0].value("severity", ""), "info");
  EXPECT_NE(info[0].value("message", "").find("data probes skipped"), std::string::npos);
}

TEST_F(SchemaLint, ConnectionNamesMapToDatabases) {
  ASSERT_NE(data_live_, nullptr) << "no database";
  // --db is unreachable; the model's `connection: "warehouse"` is mapped to the real one.
  LkmlRun run = runLkml("lint " + shellQuote(projectDir("data_checks")) +
                        " --format json --db postgresql://127.0.0.1:1/nowhere --connection " +
                        shellQuote("warehouse=" + data_db_->url()));
  EXPECT_EQ(run.status, 1) << run.err;
  EXPECT_EQ(run.total(), data_live_->total());
  // Without a URL, --db falls back to LKML_DATABASE_URL.
  LkmlRun env = runLkml("lint " + shellQuote(projectDir("data_checks")) + " --format json --db",
                        "LKML_DATABASE_URL=" + shellQuote(data_db_->url()));
  EXPECT_EQ(env.status, 1) << env.err;
  EXPECT_EQ(env.json["diagnostics"], data_live_->json["diagnostics"]);
}

TEST_F(SchemaLint, SlowProbeIsReportedAsNotVerified) {
  ScratchDatabase db("slow", projectDir("slow_probe") + "/db.sql");
  ASSERT_TRUE(db.ok());
  LkmlRun run = runLkml("lint " + shellQuote(projectDir("slow_probe")) + " --format json --db " +
                        shellQuote(db.url()) + " --statement-timeout 0.3");
  EXPECT_EQ(run.status, 0) << run.out << run.err;
  auto found = run.diagnostics("LKML312");
  ASSERT_EQ(found.size(), 1u) << run.out;
  EXPECT_NE(found[0].value("message", "").find("timed out after 300 ms"), std::string::npos)
      << run.out;
}

TEST(SchemaLintLooker, SampleProjectIsCleanAgainstItsOwnSchema) {
  std::string looker = lkml::test::sourceDir() + "/looker";
  ScratchDir dir("looker-sql");
  {
    std::ofstream sql(dir.file("db.sql"));
    sql << "\\i " << looker << "/db/schema.sql\n\\i " << looker << "/db/seed.sql\n";
  }
  ScratchDatabase db("looker", dir.file("db.sql"));
  ASSERT_TRUE(db.ok());
  LkmlRun run =
      runLkml("lint " + shellQuote(looker) + " --format json --db " + shellQuote(db.url()));
  EXPECT_EQ(run.status, 0) << run.out << run.err;
  EXPECT_EQ(run.total(), 0u) << run.out;
}

TEST(SchemaLintDown, UnreachableDatabaseExitsWith3WithoutThePassword) {
  LkmlRun run = runLkml("lint " + shellQuote(projectDir("catalog_checks")) +
                        " --db postgresql://looker:s3cr3t-pw@127.0.0.1:1/warehouse");
  EXPECT_EQ(run.status, 3) << run.err;
  EXPECT_NE(run.err.find("127.0.0.1"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("port 1"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("warehouse"), std::string::npos) << run.err;
  EXPECT_EQ(run.err.find("s3cr3t-pw"), std::string::npos) << run.err;
  EXPECT_EQ(run.out.find("s3cr3t-pw"), std::string::npos) << run.out;

  LkmlRun dump = runLkml("schema dump --db postgresql://looker:s3cr3t-pw@127.0.0.1:1/warehouse");
  EXPECT_EQ(dump.status, 3) << dump.err;
  EXPECT_EQ(dump.err.find("s3cr3t-pw"), std::string::npos) << dump.err;
}

TEST_F(SchemaLint, CatalogReadTimeoutExitsWith3) {
  ASSERT_NE(catalog_live_, nullptr) << "no database";
  // 1 ms is far below what the three catalog queries need.
  LkmlRun run = runLkml("lint " + shellQuote(projectDir("catalog_checks")) + " --db " +
                        shellQuote(catalog_db_->url()) + " --statement-timeout 0.001");
  EXPECT_EQ(run.status, 3) << run.err;
  EXPECT_NE(run.err.find("database timeout"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find(catalog_db_->name()), std::string::npos) << run.err;
}

TEST(SchemaLintUsage, BadOptionsAreUsageErrors) {
  LkmlRun both = runLkml("lint " + shellQuote(projectDir("catalog_checks")) +
                         " --db postgresql:///x --schema y.json");
  EXPECT_EQ(both.status, 2) << both.err;
  LkmlRun missing = runLkml("lint " + shellQuote(projectDir("catalog_checks")) +
                            " --schema /nonexistent/lkml-schema.json");
  EXPECT_EQ(missing.status, 2) << missing.err;
  LkmlRun mapping =
      runLkml("lint " + shellQuote(projectDir("catalog_checks")) + " --connection nourl");
  EXPECT_EQ(mapping.status, 2) << mapping.err;
}

}  // namespace
}  // namespace lkml::schema::test
