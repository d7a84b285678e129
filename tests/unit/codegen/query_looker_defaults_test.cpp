// Query compilation where Looker fills in what the LookML leaves out: a `*_distinct` measure
// without `sql_distinct_key` uses the view's primary key, and field names without a view in an
// explore's access_filter / always_filter / conditionally_filter mean the base view's field.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "tests/unit/codegen/query_test_support.h"

namespace lkml::codegen {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

const char kProject[] = R"lkml(connection: "db"
view: orders {
  sql_table_name: shop.orders ;;
  dimension: id { primary_key: yes type: number }
  dimension: company_id { type: number }
  dimension: status {}
  dimension: shipping { type: number }
  measure: total_shipping { type: sum_distinct sql: ${shipping} ;; }
  measure: keyed_shipping { type: sum_distinct sql: ${shipping} ;; sql_distinct_key: ${status} ;; }
  measure: count { type: count }
}
view: notes {
  sql_table_name: shop.notes ;;
  dimension: body {}
  measure: avg_len { type: average_distinct sql: LENGTH(${body}) ;; }
}
explore: orders {
  access_filter: { field: company_id user_attribute: company }
  always_filter: { filters: [status: "-cancelled"] }
  conditionally_filter: { filters: [shipping: ">0"] unless: [id] }
}
explore: notes {}
)lkml";

class QueryLookerDefaults : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    project_ = new test::TempProjectUnderTest("lkml_query_looker_defaults",
                                              {{"shop.model.lkml", kProject}});
  }
  static void TearDownTestSuite() { delete project_; }
  static test::Outcome compile(const std::string& explore, const std::vector<std::string>& fields,
                               const std::vector<QueryFilter>& filters = {}) {
    EXPECT_TRUE(project_->project);
    EXPECT_EQ(test::renderErrors(project_->errors), "");
    Query query;
    query.explore = explore;
    query.fields = fields;
    query.filters = filters;
    return test::compileOn(*project_->project, query, {{"company", "7"}});
  }
  static test::TempProjectUnderTest* project_;
};

test::TempProjectUnderTest* QueryLookerDefaults::project_ = nullptr;

TEST_F(QueryLookerDefaults, DistinctMeasureWithoutKeyUsesThePrimaryKey) {
  test::Outcome fallback = compile("orders", {"orders.total_shipping"});
  ASSERT_TRUE(fallback.ok) << fallback.errors;
  test::Outcome keyed = compile("orders", {"orders.keyed_shipping"});
  ASSERT_TRUE(keyed.ok) << keyed.errors;
  // The same symmetric sum as with `sql_distinct_key: ${status}`, keyed by the primary key.
  auto replaceAll = [](std::string text, const std::string& from, const std::string& to) {
    for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at)) {
      text.replace(at, from.size(), to);
      at += to.size();
    }
    return text;
  };
  std::string expected = replaceAll(keyed.sql, "keyed_shipping", "total_shipping");
  ASSERT_THAT(expected, HasSubstr("CAST(orders.status AS VARCHAR)"));
  expected = replaceAll(expected, "CAST(orders.status AS VARCHAR)", "CAST(orders.id AS VARCHAR)");
  EXPECT_EQ(fallback.sql, expected);
}

TEST_F(QueryLookerDefaults, DistinctMeasureWithoutKeyOrPrimaryKeyIsRefused) {
  test::Outcome out = compile("notes", {"notes.avg_len"});
  EXPECT_FALSE(out.ok);
  EXPECT_THAT(out.errors, HasSubstr("LKML406: measure `notes.avg_len` has no `sql_distinct_key`, "
                                    "but view `notes` has no primary key"));
}

TEST_F(QueryLookerDefaults, BareFieldNamesInExploreFiltersMeanTheBaseView) {
  test::Outcome out = compile("orders", {"orders.count"});
  ASSERT_TRUE(out.ok) << out.errors;
  EXPECT_THAT(out.sql, HasSubstr("orders.company_id = 7"));
  EXPECT_THAT(out.sql, HasSubstr("'cancelled'"));
  EXPECT_THAT(out.sql, HasSubstr("orders.shipping > 0"));
  // `unless: [id]`: a query filter on orders.id lifts the conditionally_filter.
  test::Outcome unless = compile("orders", {"orders.count"}, {{"orders.id", "5"}});
  ASSERT_TRUE(unless.ok) << unless.errors;
  EXPECT_THAT(unless.sql, Not(HasSubstr("orders.shipping > 0")));
}

}  // namespace
}  // namespace lkml::codegen
