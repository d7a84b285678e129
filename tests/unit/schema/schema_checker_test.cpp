// The catalog checks offline (no server): tables, columns, types, keys proven by the catalog,
// relationships, foreign keys, and what is skipped without a connection.
#include <gtest/gtest.h>

#include "schema/schema_diagnostics.h"
#include "tests/unit/schema/schema_test_util.h"

namespace lkml::schema::test {
namespace {

catalog::Catalog shopCatalog() {
  catalog::Catalog c;
  catalog::Relation users;
  users.schema = "public";
  users.name = "users";
  users.columns = {column("id", 1, "integer", false),
                   column("email", 2, "text"),
                   column("created_at", 3, "timestamp without time zone"),
                   column("is_admin", 4, "boolean"),
                   column("score", 5, "integer"),
                   column("signup_day", 6, "integer"),
                   column("meta", 7, "jsonb")};
  users.primary_key = {"id"};
  users.unique_constraints = {{"email"}};
  catalog::Relation orders;
  orders.schema = "sales";
  orders.name = "orders";
  orders.columns = {column("id", 1, "integer", false), column("user_id", 2, "integer"),
                    column("amount", 3, "numeric(10,2)"), column("status", 4, "text")};
  orders.primary_key = {"id"};
  orders.foreign_keys = {{{"user_id"}, "public", "users", {"id"}}};
  c.relations = {users, orders};
  catalog::sortCatalog(c);
  return c;
}

const char* kViews = R"(
connection: "db"
view: users {
  sql_table_name: public.users ;;
  dimension: id { primary_key: yes type: number sql: ${TABLE}.id ;; }
  dimension: email { sql: ${TABLE}.email ;; }
}
view: orders {
  sql_table_name: sales.orders ;;
  dimension: id { primary_key: yes type: number sql: ${TABLE}.id ;; }
  dimension: user_id { type: number sql: ${TABLE}.user_id ;; }
  measure: total { type: sum sql: ${TABLE}.amount ;; }
}
)";

TEST(SchemaChecker, CleanProjectHasNoFindings) {
  Checked c = checkOffline(std::string(kViews) + R"(
explore: orders {
  join: users { relationship: many_to_one sql_on: ${orders.user_id} = ${users.id} ;; }
})",
                           shopCatalog());
  EXPECT_TRUE(c.lines().empty()) << ::testing::PrintToString(c.lines());
  // users.id as a join key and as a primary key (NULLs count there), orders.id.
  EXPECT_EQ(c.result.stats.keys_proven_by_catalog, 3);
  EXPECT_EQ(c.result.stats.probes_skipped, 0);
}

TEST(SchemaChecker, MissingTableSuggestsANearName) {
  Checked c = checkOffline(R"(
connection: "db"
view: orders { sql_table_name: sales.order ;; dimension: id { sql: ${TABLE}.id ;; } }
view: customers { dimension: id { sql: ${TABLE}.id ;; } }
explore: orders {}
explore: customers {}
)",
                           shopCatalog());
  ASSERT_EQ(c.count(301), 2u) << ::testing::PrintToString(c.lines());
  const Diagnostic* d = c.find(301);
  EXPECT_EQ(c.spanText(*d), "sales.order");
  EXPECT_EQ(d->help, "did you mean `sales.orders`?");
  EXPECT_EQ(c.lines()[1],
            "LKML301: view `customers` has no sql_table_name or derived_table, so it reads "
            "`customers`, which does not exist (searched schema public)");
}

TEST(SchemaChecker, UnqualifiedNamesUseTheSearchPath) {
  Checked c = checkOffline(R"(
connection: "db"
view: users { sql_table_name: USERS ;; dimension: id { sql: ${TABLE}.ID ;; } }
view: orders { sql_table_name: orders ;; }
explore: users {}
explore: orders {}
)",
                           shopCatalog());
  ASSERT_EQ(c.lines().size(), 1u) << ::testing::PrintToString(c.lines());
  EXPECT_EQ(c.find(301)->help, "did you mean `sales.orders`?");
}

TEST(SchemaChecker, MissingColumnPointsAtTheReference) {
  Checked c = checkOffline(R"(
connection: "db"
view: users {
  sql_table_name: public.users ;;
  dimension: mail { sql: lower(${TABLE}.emial) ;; }
  dimension: status { sql: users.statuss ;; }
  dimension: score {}
  dimension: nick {}
}
explore: users {}
)",
                           shopCatalog());
  ASSERT_EQ(c.count(302), 3u) << ::testing::PrintToString(c.lines());
  const Diagnostic& first = c.diagnostics[0];
  EXPECT_EQ(c.spanText(first), "${TABLE}.emial");
  EXPECT_EQ(first.help, "did you mean `${TABLE}.email`?");
  EXPECT_EQ(c.spanText(c.diagnostics[1]), "users.statuss");
  EXPECT_EQ(c.spanText(c.diagnostics[2]), "nick");
}

TEST(SchemaChecker, FieldTypesAgainstColumnTypes) {
  Checked c = checkOffline(R"(
connection: "db"
view: users {
  sql_table_name: public.users ;;
  dimension: email_number { type: number sql: ${TABLE}.email ;; }
  dimension: admin { type: yesno sql: ${TABLE}.is_admin ;; }
  dimension: scored { type: yesno sql: ${TABLE}.score ;; }
  dimension: positive { type: yesno sql: ${TABLE}.score > 0 ;; }
  dimension_group: created { type: time timeframes: [raw, date] sql: ${TABLE}.created_at ;; }
  dimension_group: signup { type: time timeframes: [date] sql: ${TABLE}.signup_day ;; }
  dimension_group: signup_epoch { type: time timeframes: [date] datatype: epoch sql: ${TABLE}.signup_day ;; }
  dimension_group: since { type: duration intervals: [day] sql_start: ${created_raw} ;; sql_end: ${TABLE}.email ;; }
  dimension: meta_number { type: number sql: ${TABLE}.meta ;; }
  measure: total_email { type: sum sql: ${TABLE}.email ;; }
  measure: max_admin { type: max sql: ${admin} ;; }
  measure: avg_score { type: average sql: ${TABLE}.score ;; }
}
explore: users {}
)",
                           shopCatalog());
  auto lines = c.lines();
  ASSERT_EQ(c.count(303), 5u) << ::testing::PrintToString(lines);
  ASSERT_EQ(c.count(304), 1u) << ::testing::PrintToString(lines);
  EXPECT_EQ(lines[0],
            "LKML303: dimension `email_number` (type: number) reads column `email` of table "
            "public.users, which is `text`; it needs a numeric column");
  EXPECT_EQ(lines[1],
            "LKML303: dimension `scored` (type: yesno) reads column `score` of table public.users, "
            "which is `integer`; it needs a boolean expression");
  EXPECT_NE(lines[2].find("dimension_group `signup` (type: time) reads column `signup_day`"),
            std::string::npos);
  EXPECT_NE(c.diagnostics[2].help.find("datatype: epoch"), std::string::npos);
  EXPECT_NE(lines[3].find("dimension_group `since` (type: duration) reads column `email`"),
            std::string::npos);
  EXPECT_NE(lines[4].find("LKML304: dimension `meta_number`"), std::string::npos);
  EXPECT_NE(lines[5].find("measure `total_email` (type: sum)"), std::string::npos);
}

TEST(SchemaChecker, RelationshipsProvenByTheCatalog) {
  Checked c = checkOffline(std::string(kViews) + R"(
explore: orders {
  join: users { relationship: many_to_many sql_on: ${orders.user_id} = ${users.id} ;; }
}
explore: users {
  join: orders { relationship: one_to_many sql_on: ${users.id} = ${orders.user_id} ;; }
}
)",
                           shopCatalog());
  ASSERT_EQ(c.lines().size(), 1u) << ::testing::PrintToString(c.lines());
  const Diagnostic& d = c.diagnostics[0];
  EXPECT_EQ(d.code, 308);
  EXPECT_EQ(c.spanText(d), "${users.id}");
  EXPECT_NE(d.message.find("decided by the primary key (id) of table public.users"),
            std::string::npos);
}

TEST(SchemaChecker, UndecidableKeysAreSkippedOfflineWithOneInfo) {
  Checked c = checkOffline(std::string(kViews) + R"(
explore: users {
  join: orders { relationship: many_to_one sql_on: ${users.id} = ${orders.user_id} ;; }
}
view: by_email { sql_table_name: public.users ;; dimension: email { primary_key: yes sql: ${TABLE}.email ;; } }
explore: by_email {}
)",
                           shopCatalog());
  ASSERT_EQ(c.lines().size(), 1u) << ::testing::PrintToString(c.lines());
  EXPECT_EQ(c.diagnostics[0].code, 311);
  EXPECT_EQ(c.result.stats.probes_skipped, 2);  // orders.user_id; email (nullable UNIQUE)
}

TEST(SchemaChecker, ForeignKeyWithoutJoinIsInfo) {
  Checked c = checkOffline(std::string(kViews) + "explore: orders {}\n", shopCatalog());
  ASSERT_EQ(c.lines().size(), 1u) << ::testing::PrintToString(c.lines());
  EXPECT_EQ(c.diagnostics[0].severity, Severity::Info);
  EXPECT_EQ(c.lines()[0],
            "LKML310: explore `orders`: foreign key sales.orders (user_id) references "
            "public.users (id), but no join follows it");
}

TEST(SchemaChecker, ForeignKeyJoinsMatchTheirForeignKey) {
  Checked c = checkOffline(std::string(kViews) + R"(
explore: orders {
  join: users { relationship: many_to_one foreign_key: user_id }
}
)",
                           shopCatalog());
  EXPECT_TRUE(c.lines().empty()) << ::testing::PrintToString(c.lines());
}

TEST(SchemaChecker, TemplatedTablesAndDerivedTablesOfflineAreNotGuessed) {
  Checked c = checkOffline(R"(
connection: "db"
view: t { sql_table_name: {{ _user_attributes['schema'] }}.users ;; dimension: x { sql: ${TABLE}.x ;; } }
view: d { derived_table: { sql: SELECT 1 AS a ;; } dimension: b { sql: ${TABLE}.b ;; } }
view: l { derived_table: { sql: SELECT {{ 'x' }} AS a ;; } }
explore: t {}
explore: d {}
explore: l {}
)",
                           shopCatalog());
  auto lines = c.lines();
  ASSERT_EQ(lines.size(), 2u) << ::testing::PrintToString(lines);
  EXPECT_EQ(c.count(306), 1u);  // Liquid output in l
  EXPECT_EQ(c.count(311), 1u);  // d needs the database
}

TEST(SchemaChecker, CodesAreRegisteredWithSeverities) {
  registerSchemaCodes();
  const DiagInfo* info = findDiagnosticCode(307);
  ASSERT_NE(info, nullptr);
  EXPECT_EQ(std::string(info->slug), "relationship_mismatch");
  EXPECT_EQ(findDiagnosticCode(304)->severity, Severity::Warning);
  EXPECT_EQ(findDiagnosticCode(310)->severity, Severity::Info);
}

}  // namespace
}  // namespace lkml::schema::test
