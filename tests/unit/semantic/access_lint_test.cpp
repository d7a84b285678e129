// Lint findings about access: a field an explore exposes that reads a field the explore's
// `fields:` lists exclude (LKML237, at the reference, through every kind of reference the query
// compiler follows); access filters without or with a misspelled user attribute (LKML238);
// access grants without allowed values (LKML202).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/unit/semantic/semantic_test_util.h"

namespace lkml::semantic {
namespace {

using test::TempProject;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

constexpr const char* kViews = R"(view: orders {
  dimension: id { primary_key: yes type: number }
  dimension: customer_id { type: number }
  dimension: amount { type: number }
  dimension: amount_plus { type: number sql: ${amount} + 1 ;; }
  measure: big { type: count filters: [amount: ">1"] }
  measure: amounts { type: list list_field: amount }
  dimension: html_email { sql: ${id} ;; html: {{ customers.email._value }} ;; }
  dimension: needs_email { sql: ${id} ;; required_fields: [customers.email] }
  filter: pick { type: number }
  dimension: picked { type: yesno sql: {% condition pick %} ${id} {% endcondition %} ;; }
}
view: customers {
  dimension: id { primary_key: yes type: number }
  dimension: email {}
}
)";

test::Linted lintWith(const std::string& model_extra, std::unique_ptr<TempProject>* keep) {
  *keep = std::make_unique<TempProject>(std::initializer_list<test::File>{
      {"m.model.lkml", "connection: \"db\"\ninclude: \"/*.view\"\n" + model_extra},
      {"v.view.lkml", kViews}});
  return test::lintProject(**keep);
}

TEST(Check237ExcludedFieldReference, EveryKindOfReference) {
  std::unique_ptr<TempProject> keep;
  test::Linted linted = lintWith(R"(explore: orders {
  fields: [ALL_FIELDS*, -orders.amount, -orders.pick, -customers.email]
  join: customers { sql_on: ${orders.customer_id} = ${customers.id} ;; relationship: many_to_one }
}
)",
                                 &keep);
  EXPECT_THAT(
      linted.messages(),
      ElementsAre("LKML237: `orders.amount_plus` uses `orders.amount` (sql), which explore "
                  "`orders` excludes (its `fields` list)",
                  "LKML237: `orders.big` uses `orders.amount` (filters), which explore `orders` "
                  "excludes (its `fields` list)",
                  "LKML237: `orders.amounts` uses `orders.amount` (list_field), which explore "
                  "`orders` excludes (its `fields` list)",
                  "LKML237: `orders.html_email` uses `customers.email` (html), which explore "
                  "`orders` excludes (its `fields` list)",
                  "LKML237: `orders.needs_email` uses `customers.email` (required_fields), which "
                  "explore `orders` excludes (its `fields` list)",
                  "LKML237: `orders.picked` uses `orders.pick` (templated filter), which explore "
                  "`orders` excludes (its `fields` list)"));
  for (const Diagnostic& d : linted.diagnostics) EXPECT_EQ(d.severity, Severity::Error);
  EXPECT_EQ(linted.where(linted.diagnostics.at(0), keep->root()), "v.view.lkml:5:46");
}

TEST(Check237ExcludedFieldReference, JoinListsAndGood) {
  std::unique_ptr<TempProject> keep;
  test::Linted join = lintWith(R"(explore: orders {
  join: customers {
    sql_on: ${orders.customer_id} = ${customers.id} ;;
    relationship: many_to_one
    fields: [customers.id]
  }
}
)",
                               &keep);
  EXPECT_THAT(join.messages(),
              ElementsAre("LKML237: `orders.html_email` uses `customers.email` (html), which "
                          "explore `orders` excludes (the `fields` list of join `customers`)",
                          "LKML237: `orders.needs_email` uses `customers.email` (required_fields), "
                          "which explore `orders` excludes (the `fields` list of join "
                          "`customers`)"));
  // Join conditions may read excluded fields (`fields: []` joins are joined by their keys),
  // and excluded fields may read each other.
  std::unique_ptr<TempProject> keep_good;
  test::Linted good = lintWith(R"(explore: orders {
  fields: [orders.id, orders.customer_id, orders.picked, orders.pick, orders.amount_plus,
           orders.amount]
  join: customers { sql_on: ${orders.customer_id} = ${customers.id} ;; relationship: many_to_one
                    fields: [] }
}
)",
                               &keep_good);
  EXPECT_THAT(good.messages(), IsEmpty());
}

TEST(Check238InvalidAccessFilter, MissingAndMisspelledAttributes) {
  std::unique_ptr<TempProject> keep;
  test::Linted linted =
      lintWith(R"(access_grant: g { user_attribute: company_id allowed_values: ["1"] }
explore: orders {
  required_access_grants: [g]
  access_filter: { field: orders.customer_id user_attribute: compnay_id }
  access_filter: { field: orders.id }
}
explore: customers { access_filter: { field: customers.id user_attribute: region } }
)",
               &keep);
  EXPECT_THAT(linted.messages(),
              ElementsAre("LKML238: the access_filter on `orders.customer_id` of explore `orders` "
                          "uses user attribute `compnay_id`, which no other LookML of the model "
                          "uses; the model uses `company_id`",
                          "LKML238: the access_filter on `orders.id` of explore `orders` has no "
                          "`user_attribute`"));
  EXPECT_EQ(linted.diagnostics.at(0).help, "did you mean `user_attribute: company_id`?");
  EXPECT_EQ(linted.diagnostics.at(0).severity, Severity::Error);
}

TEST(Check202AccessGrantWithoutAllowedValues, IsAnError) {
  std::unique_ptr<TempProject> keep;
  test::Linted linted = lintWith(
      "access_grant: g { user_attribute: level }\nexplore: orders { "
      "required_access_grants: [g] }\n",
      &keep);
  EXPECT_THAT(linted.messages(),
              ElementsAre("LKML202: access grant `g` has no `allowed_values`: no user passes it"));
  EXPECT_EQ(linted.diagnostics.at(0).severity, Severity::Error);
}

}  // namespace
}  // namespace lkml::semantic
