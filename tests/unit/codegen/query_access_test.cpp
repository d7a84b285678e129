// Grants and `fields:` lists hold through every reference (issue 13): a field the query names
// may not read a restricted or excluded field through measure `filters`, `list_field`,
// `required_fields`, `html`, `link`, templated filters, `${}` chains or derived tables; every
// view whose table the SQL reads passes its grants; an always_filter cannot be emptied; "did
// you mean" never names what the user may not see; access filters without a user attribute
// are refused with a runnable help line. Each case failed (compiled) before the dependency
// closure (semantic/dependency_closure.h) was checked.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "codegen/query.h"
#include "semantic/explore_scope.h"
#include "tests/unit/codegen/query_test_support.h"

namespace lkml::codegen {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

namespace fs = std::filesystem;

constexpr const char* kModel = R"lkml(
connection: "pg"
include: "/*.view.lkml"
access_grant: pii { user_attribute: level allowed_values: ["admin"] }
access_grant: fin { user_attribute: level allowed_values: ["admin", "finance"] }

explore: orders {
  always_filter: { filters: [orders.status: "complete"] }
  join: customers { relationship: many_to_one sql_on: ${orders.customer_id} = ${customers.id} ;; }
}
explore: recent {
  from: orders
  view_name: orders
  conditionally_filter: { filters: [orders.id: ">100"] unless: [orders.customer_id] }
}
explore: narrow {
  from: orders
  view_name: orders
  fields: [ALL_FIELDS*, -orders.amount, -orders.amount_pick, -customers.email]
  join: customers { relationship: many_to_one sql_on: ${orders.customer_id} = ${customers.id} ;; }
}
explore: joinlist {
  from: orders
  view_name: orders
  join: customers {
    fields: [customers.id, customers.name]
    relationship: many_to_one
    sql_on: ${orders.customer_id} = ${customers.id} ;;
  }
}
explore: vaults {
  join: customers { relationship: many_to_one sql_on: ${vaults.customer_id} = ${customers.id} ;; }
}
explore: customers_v {
  from: customers
  view_name: customers
  join: vaults { relationship: one_to_many sql_on: ${customers.id} = ${vaults.customer_id} ;; }
  join: v_raw { from: vaults relationship: one_to_many sql_on: v_raw.customer_id = customers.id ;; }
  join: v_fk { from: vaults relationship: one_to_one foreign_key: customers.id }
}
explore: vault_totals {}
explore: no_attribute {
  from: orders
  view_name: orders
  access_filter: { field: orders.customer_id }
}
)lkml";

constexpr const char* kViews = R"lkml(
view: orders {
  sql_table_name: shop.orders ;;
  dimension: id { primary_key: yes type: number }
  dimension: customer_id { type: number }
  dimension: status {}
  dimension: amount { type: number required_access_grants: [fin] }
  dimension: amount_plus { type: number sql: ${amount} + 1 ;; }
  dimension: big_flag { type: yesno sql: ${amount_plus} > 100 ;; }
  measure: count { type: count }
  measure: big_count { type: count filters: [amount: ">100"] }
  measure: big_count_chain { type: count filters: [big_flag: "yes"] }
  measure: amounts { type: list list_field: amount }
  measure: distinct_total { type: sum_distinct sql: ${id} ;; sql_distinct_key: ${amount} ;; }
  dimension: status_html { sql: ${status} ;; html: <b>{{ customers.email._value }}</b> ;; }
  dimension: status_link {
    sql: ${status} ;;
    link: { label: "mail" url: "/mail?to={{ customers.email._value | url_encode }}" }
  }
  dimension: needs_email { sql: ${status} ;; required_fields: [customers.email] }
  dimension: cust_domain { sql: ${customers.email_domain} ;; }
  filter: amount_pick { type: number }
  dimension: amount_picked {
    type: yesno
    sql: {% condition amount_pick %} ${id} {% endcondition %} ;;
  }
  filter: id_min { type: number }
  dimension: over_min { type: yesno sql: {% condition id_min %} ${id} {% endcondition %} ;; }
}
view: customers {
  sql_table_name: shop.customers ;;
  dimension: id { primary_key: yes type: number }
  dimension: name {}
  dimension: email { required_access_grants: [pii] }
  dimension: email_domain { sql: split_part(${email}, '@', 2) ;; }
}
view: vaults {
  sql_table_name: shop.vaults ;;
  required_access_grants: [pii]
  dimension: id { primary_key: yes type: number }
  dimension: customer_id { type: number }
}
view: vault_totals {
  derived_table: { sql: SELECT customer_id, COUNT(*) AS n FROM ${vaults.SQL_TABLE_NAME} GROUP BY 1 ;; }
  dimension: customer_id { primary_key: yes type: number }
  dimension: n { type: number }
}
)lkml";

const test::Attributes kAdmin = {{"level", "admin"}};
const test::Attributes kFinance = {{"level", "finance"}};
const test::Attributes kUser = {{"level", "user"}};

class QueryAccessTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    project_ = new test::TempProjectUnderTest(
        "lkml_query_access_test", {{"shop.model.lkml", kModel}, {"all.view.lkml", kViews}});
  }
  static void TearDownTestSuite() { delete project_; }

  static test::Outcome compile(const std::string& explore, const std::vector<std::string>& fields,
                               const test::Attributes& attributes,
                               const std::vector<QueryFilter>& filters = {}) {
    EXPECT_TRUE(project_->project) << "fixture project did not load";
    Query query;
    query.explore = explore;
    query.fields = fields;
    query.filters = filters;
    return test::compileOn(*project_->project, query, attributes);
  }

  static test::TempProjectUnderTest* project_;
};

test::TempProjectUnderTest* QueryAccessTest::project_ = nullptr;

// Item 1: measure filters, list_field and sql_distinct_key read a restricted field.
TEST_F(QueryAccessTest, MeasureFiltersAndListFieldNeedTheGrantsOfWhatTheyRead) {
  for (const char* measure : {"orders.big_count", "orders.amounts", "orders.distinct_total"}) {
    test::Outcome out = compile("orders", {"orders.id", measure}, kUser);
    EXPECT_FALSE(out.ok) << measure << "\n" << out.sql;
    EXPECT_TRUE(out.sql.empty()) << measure;
    EXPECT_THAT(out.errors, HasSubstr("LKML404: access denied: field `orders.amount` requires "
                                      "access grant `fin`"))
        << measure;
    EXPECT_THAT(out.errors, HasSubstr(std::string("it is referenced by `") + measure + "`"));
    EXPECT_TRUE(compile("orders", {"orders.id", measure}, kFinance).ok) << measure;
  }
  test::Outcome chain = compile("orders", {"orders.big_count_chain"}, kUser);
  EXPECT_FALSE(chain.ok);
  EXPECT_THAT(chain.errors,
              HasSubstr("`orders.big_count_chain` uses `orders.big_flag` (filters), which uses "
                        "`orders.amount_plus` (sql), which uses `orders.amount` (sql)"));
  EXPECT_TRUE(compile("orders", {"orders.count", "orders.status"}, kUser).ok);
}

// `lkml fields --access-level` lists a field only when everything it reads is the user's too.
TEST_F(QueryAccessTest, UserMaySeeFollowsTheClosure) {
  const semantic::Model& model = project_->project->project.models.at(0);
  auto may = [&](const std::string& explore, const std::string& alias, const std::string& field,
                 const test::Attributes& attributes) {
    const semantic::Explore* e = model.findExplore(explore);
    const semantic::ExploreScope scope(model, *e);
    return userMaySee(model, *e, alias, *scope.findField(alias, field), UserContext{attributes});
  };
  EXPECT_FALSE(may("orders", "orders", "big_count", kUser));
  EXPECT_TRUE(may("orders", "orders", "big_count", kFinance));
  EXPECT_TRUE(may("orders", "orders", "count", kUser));
  EXPECT_FALSE(may("narrow", "orders", "amount_plus", kAdmin));
  EXPECT_FALSE(may("vaults", "customers", "name", kUser));
  EXPECT_TRUE(may("vaults", "customers", "name", kAdmin));
}

// Item 2: a field the explore's fields list excludes is not read through any reference.
TEST_F(QueryAccessTest, FieldsListExclusionHoldsThroughEveryReference) {
  struct Case {
    const char* field;
    const char* chain;
  };
  const Case cases[] = {
      {"orders.amount_plus", "`orders.amount_plus` uses `orders.amount` (sql)"},
      {"orders.big_count", "`orders.big_count` uses `orders.amount` (filters)"},
      {"orders.amounts", "`orders.amounts` uses `orders.amount` (list_field)"},
      {"orders.needs_email", "`orders.needs_email` uses `customers.email` (required_fields)"},
      {"orders.status_html", "`orders.status_html` uses `customers.email` (html)"},
      {"orders.status_link", "`orders.status_link` uses `customers.email` (link)"},
      {"orders.amount_picked",
       "`orders.amount_picked` uses `orders.amount_pick` (templated "
       "filter)"},
      {"orders.cust_domain",
       "`orders.cust_domain` uses `customers.email_domain` (sql), which uses `customers.email` "
       "(sql)"},
  };
  for (const Case& c : cases) {
    test::Outcome out = compile("narrow", {c.field}, kAdmin, {{"orders.status", "complete"}});
    EXPECT_FALSE(out.ok) << c.field << "\n" << out.sql;
    EXPECT_THAT(out.errors, HasSubstr(std::string("LKML403: ") + c.chain +
                                      ", which explore `narrow` excludes (its `fields` list)"))
        << c.field;
    // The same field compiles where nothing is excluded.
    EXPECT_TRUE(compile("orders", {c.field}, kAdmin).ok) << c.field;
  }
  EXPECT_TRUE(compile("narrow", {"orders.status", "orders.count", "customers.name"}, kAdmin).ok);
  test::Outcome join = compile("joinlist", {"orders.cust_domain"}, kAdmin);
  EXPECT_FALSE(join.ok);
  EXPECT_THAT(join.errors, HasSubstr("which explore `joinlist` excludes (the `fields` list of "
                                     "join `customers`)"));
  EXPECT_TRUE(compile("joinlist", {"orders.status", "customers.name"}, kAdmin).ok);
}

// Item 3: the base view's grants hold when only joined fields are selected; every view whose
// table is read passes its grants however it is joined or read.
TEST_F(QueryAccessTest, EveryViewReadPassesItsGrants) {
  test::Outcome base = compile("vaults", {"customers.name"}, kUser);
  EXPECT_FALSE(base.ok) << base.sql;
  EXPECT_THAT(base.errors, HasSubstr("LKML420: access denied: the query reads view `vaults` (the "
                                     "base view of explore `vaults`)"));
  EXPECT_TRUE(compile("vaults", {"customers.name"}, kAdmin).ok);
  for (const char* field : {"vaults.customer_id", "v_raw.id", "v_fk.id"}) {
    test::Outcome out = compile("customers_v", {"customers.name", field}, kUser);
    EXPECT_FALSE(out.ok) << field << "\n" << out.sql;
    EXPECT_THAT(out.errors, HasSubstr("requires access grant `pii`")) << field;
    EXPECT_TRUE(compile("customers_v", {"customers.name", field}, kAdmin).ok) << field;
  }
  EXPECT_TRUE(compile("customers_v", {"customers.name"}, kUser).ok);
  test::Outcome derived = compile("vault_totals", {"vault_totals.n"}, kUser);
  EXPECT_FALSE(derived.ok) << derived.sql;
  EXPECT_THAT(derived.errors, HasSubstr("LKML420: access denied: the query reads view `vaults` "
                                        "(through `${vaults.SQL_TABLE_NAME}`)"));
  EXPECT_TRUE(compile("vault_totals", {"vault_totals.n"}, kAdmin).ok);
}

// Item 5: an always_filter can be changed, not removed; templated filter values must parse.
TEST_F(QueryAccessTest, AlwaysFilterCannotBeEmptiedAndTemplatedValuesMustParse) {
  for (const char* empty : {"", "  "}) {
    test::Outcome out = compile("orders", {"orders.id"}, kAdmin, {{"orders.status", empty}});
    EXPECT_FALSE(out.ok) << out.sql;
    EXPECT_THAT(out.errors, HasSubstr("LKML421: explore `orders` always filters `orders.status`"));
    EXPECT_THAT(out.errors, HasSubstr("--filter 'orders.status=complete'"));
  }
  EXPECT_TRUE(compile("orders", {"orders.id"}, kAdmin, {{"orders.status", "-complete"}}).ok);
  for (const char* field : {"orders.id", "orders.customer_id"}) {
    test::Outcome blank = compile("recent", {"orders.status"}, kAdmin, {{field, " "}});
    EXPECT_FALSE(blank.ok) << field << "\n" << blank.sql;
    EXPECT_THAT(blank.errors, HasSubstr("LKML421: explore `recent` has a conditionally_filter"));
    EXPECT_TRUE(compile("recent", {"orders.status"}, kAdmin, {{field, "5"}}).ok) << field;
  }
  test::Outcome unfiltered = compile("recent", {"orders.status"}, kAdmin);
  ASSERT_TRUE(unfiltered.ok) << unfiltered.errors;
  EXPECT_THAT(unfiltered.sql, HasSubstr("WHERE (orders.id > 100)"));
  test::Outcome bad = compile("orders", {"orders.over_min"}, kAdmin, {{"orders.id_min", "abc"}});
  EXPECT_FALSE(bad.ok) << bad.sql;
  EXPECT_THAT(bad.errors, HasSubstr("invalid value for templated filter `orders.id_min`"));
  test::Outcome good = compile("orders", {"orders.over_min"}, kAdmin, {{"orders.id_min", ">5"}});
  ASSERT_TRUE(good.ok) << good.errors;
  EXPECT_THAT(good.sql, HasSubstr("orders.id) > 5"));
}

// Item 6: suggestions only name fields and views this user may use in this explore.
TEST_F(QueryAccessTest, SuggestionsNeverNameHiddenFields) {
  test::Outcome restricted = compile("orders", {"customers.emai"}, kUser);
  EXPECT_FALSE(restricted.ok);
  EXPECT_THAT(restricted.errors, Not(HasSubstr("customers.email`")));
  test::Outcome admin = compile("orders", {"customers.emai"}, kAdmin);
  EXPECT_THAT(admin.errors, HasSubstr("did you mean `customers.email`?"));
  test::Outcome excluded = compile("narrow", {"orders.amoun"}, kAdmin);
  EXPECT_THAT(excluded.errors, Not(HasSubstr("orders.amount`")));
  test::Outcome view = compile("customers_v", {"vault.id"}, kUser);
  EXPECT_THAT(view.errors, Not(HasSubstr("vaults.id")));
  EXPECT_THAT(compile("customers_v", {"vault.id"}, kAdmin).errors,
              HasSubstr("did you mean `vaults.id`?"));
}

// Item 7: an access_filter without user_attribute is refused, naming it, with a valid help.
TEST_F(QueryAccessTest, AccessFilterWithoutAttributeIsRefusedWithAValidHelp) {
  test::Outcome out = compile("no_attribute", {"orders.id"}, kAdmin);
  EXPECT_FALSE(out.ok) << out.sql;
  EXPECT_THAT(out.errors, HasSubstr("LKML407: access denied: the access_filter on "
                                    "`orders.customer_id` of explore `no_attribute` names no "
                                    "user_attribute"));
  EXPECT_THAT(out.errors, Not(HasSubstr("--user-attribute =")));
}

// A 50,000-deep `${}` chain ending in a restricted field: refused without exhausting the stack.
TEST(QueryAccessDeep, LongReferenceChainsAreWalkedWithoutRecursion) {
  constexpr int kDepth = 50000;
  fs::path dir = fs::temp_directory_path() / ("lkml_query_access_deep_" + std::to_string(getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "deep.model.lkml")
      << "connection: \"pg\"\ninclude: \"/*.view.lkml\"\n"
         "access_grant: pii { user_attribute: level allowed_values: [\"admin\"] }\n"
         "explore: deep {}\n";
  {
    std::ofstream view(dir / "deep.view.lkml");
    view << "view: deep {\n";
    for (int i = 0; i < kDepth; ++i) {
      view << "  dimension: d" << i << " { sql: ${d" << i + 1 << "} ;; }\n";
    }
    view << "  dimension: d" << kDepth << " { required_access_grants: [pii] }\n}\n";
  }
  test::ProjectUnderTest project = test::loadProject(dir.string());
  ASSERT_TRUE(project.project);
  Query query;
  query.explore = "deep";
  query.fields = {"deep.d0"};
  test::Outcome out = test::compileOn(*project.project, query, kUser);
  EXPECT_FALSE(out.ok);
  EXPECT_THAT(out.errors, HasSubstr("access denied: field `deep.d" + std::to_string(kDepth) +
                                    "` requires access grant `pii`"));
  std::error_code ec;
  fs::remove_all(dir, ec);
}

}  // namespace
}  // namespace lkml::codegen
