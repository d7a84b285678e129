// Lowering to the model: dimension_group expansion (timeframes, duration intervals), field
// defaults, constants, and field lists (ALL_FIELDS*, sets, exclusions).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "semantic/field_list.h"
#include "semantic/sql_references.h"
#include "tests/unit/semantic/semantic_test_util.h"

namespace lkml::semantic {
namespace {

using test::Linted;
using test::TempProject;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

const std::string kModel = "connection: \"db\"\ninclude: \"/*.view\"\n";

std::vector<std::string> fieldNames(const View& view) {
  std::vector<std::string> names;
  for (const Field& f : view.fields) names.push_back(f.name);
  return names;
}

TEST(DimensionGroup, TimeframesExpandToGroupUnderscoreTimeframe) {
  TempProject p({{"m.model.lkml", kModel}, {"v.view.lkml", R"(view: v {
  dimension_group: created {
    type: time
    timeframes: [raw, date, week, month_name, hour3, day_of_week_index, fiscal_year]
    sql: ${TABLE}.created_at ;;
    datatype: date
    convert_tz: no
  }
})"}});
  Linted linted = test::lintProject(p);
  EXPECT_THAT(linted.messages(), IsEmpty());
  const View& v = *linted.model("m")->findView("v");
  EXPECT_THAT(fieldNames(v),
              ElementsAre("created_raw", "created_date", "created_week", "created_month_name",
                          "created_hour3", "created_day_of_week_index", "created_fiscal_year"));
  for (const Field& f : v.fields) {
    EXPECT_EQ(f.group, "created");
    EXPECT_EQ(f.type, "time");
    EXPECT_EQ(f.kind, FieldKind::Dimension);
    EXPECT_EQ(f.datatype, "date");
    EXPECT_FALSE(f.convert_tz);
    EXPECT_EQ(f.sql.text, "${TABLE}.created_at");
  }
  EXPECT_EQ(v.findField("created_hour3")->timeframe, "hour3");
  EXPECT_TRUE(v.hasGroup("created"));
  EXPECT_EQ(v.findField("created"), nullptr);
}

TEST(DimensionGroup, DefaultTypeAndTimeframes) {
  TempProject p({{"m.model.lkml", kModel},
                 {"v.view.lkml", "view: v { dimension_group: at { sql: ${TABLE}.at ;; } }\n"}});
  Linted linted = test::lintProject(p);
  EXPECT_THAT(linted.messages(), IsEmpty());
  // Without `timeframes:` Looker creates every timeframe it documents, in its order.
  std::vector<std::string> names = fieldNames(*linted.model("m")->findView("v"));
  ASSERT_EQ(names.size(), 57u);
  EXPECT_THAT(std::vector<std::string>(names.begin(), names.begin() + 8),
              ElementsAre("at_raw", "at_time", "at_time_of_day", "at_date", "at_week", "at_month",
                          "at_quarter", "at_year"));
  EXPECT_EQ(names.back(), "at_yesno");
}

TEST(DimensionGroup, DurationIntervalsArePluralPrefixes) {
  TempProject p({{"m.model.lkml", kModel}, {"v.view.lkml", R"(view: v {
  dimension_group: enrolled {
    type: duration
    intervals: [day, hour, week]
    sql_start: ${TABLE}.start ;;
    sql_end: ${TABLE}.end ;;
  }
  dimension_group: open { type: duration sql_start: ${TABLE}.a ;; sql_end: ${TABLE}.b ;; }
})"}});
  Linted linted = test::lintProject(p);
  EXPECT_THAT(linted.messages(), IsEmpty());
  const View& v = *linted.model("m")->findView("v");
  EXPECT_THAT(fieldNames(v),
              ElementsAre("days_enrolled", "hours_enrolled", "weeks_enrolled", "seconds_open",
                          "minutes_open", "hours_open", "days_open", "weeks_open", "months_open",
                          "quarters_open", "years_open"));
  const Field* days = v.findField("days_enrolled");
  ASSERT_NE(days, nullptr);
  EXPECT_EQ(days->interval, "day");
  EXPECT_EQ(days->type, "duration");
  EXPECT_EQ(days->group, "enrolled");
  EXPECT_EQ(days->details().sql_start.text, "${TABLE}.start");
  EXPECT_EQ(days->details().sql_end.text, "${TABLE}.end");
}

TEST(DimensionGroup, InvalidTimeframeIntervalAndTypeAreReported) {
  TempProject p({{"m.model.lkml", kModel}, {"v.view.lkml", R"(view: v {
  dimension_group: a { type: time timeframes: [date, mnth] sql: x ;; }
  dimension_group: b { type: duration intervals: [days] sql_start: x ;; sql_end: y ;; }
  dimension_group: c { type: tme sql: x ;; }
})"}});
  Linted linted = test::lintProject(p);
  EXPECT_THAT(linted.messages(),
              ElementsAre("LKML202: invalid value `mnth` for a timeframe",
                          "LKML202: invalid value `days` for a duration interval",
                          "LKML202: invalid value `tme` for a dimension_group type"));
  EXPECT_EQ(linted.diagnostics[0].help, "did you mean `month`?");
  EXPECT_EQ(linted.diagnostics[1].help, "did you mean `day`?");
  EXPECT_EQ(linted.diagnostics[2].help, "did you mean `time`?");
  // The valid timeframes are still created.
  EXPECT_THAT(fieldNames(*linted.model("m")->findView("v")), ElementsAre("a_date"));
}

TEST(DimensionGroup, AGroupReservesItsFieldNames) {
  TempProject p({{"m.model.lkml", kModel},
                 {"v.view.lkml",
                  "view: v {\n  dimension_group: created { timeframes: [date] "
                  "sql: x ;; }\n  dimension: created_date {}\n}\n"}});
  Linted linted = test::lintProject(p);
  EXPECT_THAT(linted.messages(),
              ElementsAre("LKML203: field `created_date` is defined more than once in view `v`"));
}

TEST(FieldDefaults, TypesAndSql) {
  TempProject p({{"m.model.lkml", kModel}, {"v.view.lkml", R"(view: v {
  dimension: name {}
  measure: n {}
  filter: f {}
  parameter: p { allowed_value: { value: "a" } allowed_value: { value: "b" } default_value: "a" }
  measure: d { type: count_distinct }
})"}});
  Linted linted = test::lintProject(p);
  EXPECT_THAT(linted.messages(), IsEmpty());
  const View& v = *linted.model("m")->findView("v");
  EXPECT_EQ(v.findField("name")->type, "string");
  EXPECT_EQ(v.findField("name")->sql.text, "${TABLE}.name");
  EXPECT_TRUE(v.findField("name")->sql_defaulted);
  EXPECT_EQ(v.findField("n")->type, "count");  // a measure without type or sql counts
  EXPECT_EQ(v.findField("n")->kind, FieldKind::Measure);
  EXPECT_FALSE(v.findField("n")->sql.present());
  EXPECT_EQ(v.findField("f")->kind, FieldKind::Filter);
  EXPECT_EQ(v.findField("f")->type, "string");
  EXPECT_EQ(v.findField("p")->kind, FieldKind::Parameter);
  EXPECT_THAT(v.findField("p")->details().allowed_values, ElementsAre("a", "b"));
  EXPECT_EQ(v.findField("p")->details().default_value, "a");
  EXPECT_EQ(v.findField("d")->type, "count_distinct");  // no sql: distinct primary keys
}

TEST(FieldDefaults, AggregateMeasureWithoutSqlReadsItsOwnColumn) {
  TempProject p({{"m.model.lkml", kModel}, {"v.view.lkml", R"(view: v {
  dimension: id { primary_key: yes }
  measure: revenue { type: sum }
  measure: top_price { type: max }
  measure: c { type: count }
  measure: l { type: list list_field: id }
})"}});
  Linted linted = test::lintProject(p);
  EXPECT_THAT(linted.messages(), IsEmpty());
  const View& v = *linted.model("m")->findView("v");
  EXPECT_EQ(v.findField("revenue")->sql.text, "${TABLE}.revenue");
  EXPECT_TRUE(v.findField("revenue")->sql_defaulted);
  EXPECT_EQ(v.findField("top_price")->sql.text, "${TABLE}.top_price");
  EXPECT_FALSE(v.findField("c")->sql.present());  // counts rows
  EXPECT_FALSE(v.findField("l")->sql.present());  // reads list_field
}

TEST(FieldDefaults, TimeGroupWithoutSqlReadsTheColumnOfItsGroupName) {
  TempProject p({{"m.model.lkml", kModel}, {"v.view.lkml", R"(view: v {
  dimension: id { primary_key: yes }
  dimension_group: slot_activity_period { type: time datatype: timestamp timeframes: [raw, date] }
  dimension_group: stay { type: duration sql_start: ${TABLE}.a ;; sql_end: ${TABLE}.b ;; intervals: [day] }
})"}});
  Linted linted = test::lintProject(p);
  EXPECT_THAT(linted.messages(), IsEmpty());
  const View& v = *linted.model("m")->findView("v");
  for (const char* name : {"slot_activity_period_raw", "slot_activity_period_date"}) {
    ASSERT_NE(v.findField(name), nullptr) << name;
    EXPECT_EQ(v.findField(name)->sql.text, "${TABLE}.slot_activity_period") << name;
    EXPECT_TRUE(v.findField(name)->sql_defaulted) << name;
  }
  // A duration reads sql_start and sql_end; it has no column of its own to default to.
  ASSERT_NE(v.findField("days_stay"), nullptr);
  EXPECT_FALSE(v.findField("days_stay")->sql.present());
  EXPECT_FALSE(v.findField("days_stay")->sql_defaulted);
}

TEST(FieldDefaults, TimeGroupWithoutTimeframesGetsEveryDocumentedTimeframe) {
  TempProject p({{"m.model.lkml", std::string(kModel) + "fiscal_month_offset: -3\n"},
                 {"v.view.lkml",
                  "view: v {\n  dimension_group: created { type: time sql: x ;; }\n"
                  "}\n"}});
  Linted linted = test::lintProject(p);
  EXPECT_THAT(linted.messages(), IsEmpty());
  const View& v = *linted.model("m")->findView("v");
  for (const char* name : {"created_raw", "created_time", "created_minute15", "created_hour6",
                           "created_millisecond250", "created_microsecond", "created_fiscal_year",
                           "created_fiscal_quarter_of_year", "created_day_of_week_index",
                           "created_yesno", "created_week_of_year", "created_month_name"}) {
    EXPECT_NE(v.findField(name), nullptr) << name;
  }
  EXPECT_EQ(v.findField("created_hour5"), nullptr);
  EXPECT_EQ(linted.model("m")->fiscal_month_offset, -3);
}

TEST(FieldDefaults, CaseLocationAndUncompiledParametersAreRead) {
  TempProject p({{"m.model.lkml", kModel}, {"v.view.lkml", R"(view: v {
  dimension: size {
    case: {
      when: { sql: ${TABLE}.n < 10 ;; label: "small" }
      when: { sql: ${TABLE}.n >= 10 ;; label: "large" }
      else: "unknown"
    }
  }
  dimension: place { type: location sql_latitude: ${TABLE}.lat ;; sql_longitude: ${TABLE}.lon ;; }
  measure: total { type: sum_distinct sql: ${TABLE}.x ;; sql_distinct_key: ${TABLE}.id ;; precision: 2 }
})"}});
  Linted linted = test::lintProject(p);
  const View& v = *linted.model("m")->findView("v");
  const auto& size = v.findField("size")->details();
  ASSERT_EQ(size.case_whens.size(), 2u);
  EXPECT_EQ(size.case_whens[1].label, "large");
  EXPECT_EQ(size.case_whens[0].sql.text, "${TABLE}.n < 10");
  EXPECT_TRUE(size.has_case_else);
  EXPECT_EQ(size.case_else, "unknown");
  EXPECT_EQ(v.findField("place")->details().sql_longitude.text, "${TABLE}.lon");
  ASSERT_EQ(v.findField("total")->details().uncompiled_parameters.size(), 1u);
  EXPECT_EQ(v.findField("total")->details().uncompiled_parameters[0].first, "precision");
}

TEST(FieldDefaults, MeasureWithSqlButNoTypeIsAStringMeasure) {
  // Looker's documented default measure type is `string`: the SQL is used as written. Compiling
  // it as a count would silently return row counts.
  TempProject p({{"m.model.lkml", kModel}, {"v.view.lkml", R"(view: v {
  dimension: id { primary_key: yes }
  measure: total { type: sum sql: ${TABLE}.amount ;; }
  measure: latest { sql: MAX(${TABLE}.created_at) ;; }
  measure: ratio { sql: ${total} / NULLIF(${rows}, 0) ;; }
  measure: rows {}
})"}});
  Linted linted = test::lintProject(p);
  EXPECT_THAT(linted.messages(), IsEmpty());  // no LKML224: `ratio` is not an aggregate
  const View& v = *linted.model("m")->findView("v");
  EXPECT_EQ(v.findField("latest")->type, "string");
  EXPECT_EQ(v.findField("ratio")->type, "string");
  EXPECT_EQ(v.findField("rows")->type, "count");
}

TEST(FieldDefaults, MeasureFiltersBothSyntaxes) {
  TempProject p({{"m.model.lkml", kModel}, {"v.view.lkml", R"(view: v {
  dimension: status {}
  dimension: region {}
  measure: a { type: count filters: [status: "complete", region: "-EU"] }
  measure: b { type: count filters: { field: status value: "open" } filters: { field: region value: "EU" } }
})"}});
  Linted linted = test::lintProject(p);
  EXPECT_THAT(linted.messages(), IsEmpty());
  const View& v = *linted.model("m")->findView("v");
  auto filters = [&](const std::string& name) {
    std::vector<std::string> out;
    for (const auto& f : v.findField(name)->filters) out.push_back(f.field + "=" + f.expression);
    return out;
  };
  EXPECT_THAT(filters("a"), ElementsAre("status=complete", "region=-EU"));
  EXPECT_THAT(filters("b"), ElementsAre("status=open", "region=EU"));
}

TEST(Constants, ExpandedInSqlAndStrings) {
  TempProject p({{"manifest.lkml",
                  "project_name: \"p\"\nconstant: schema { value: \"analytics\" }\n"
                  "constant: label { value: \"Users\" }\n"},
                 {"m.model.lkml", kModel},
                 {"v.view.lkml",
                  "view: v {\n  sql_table_name: @{schema}.users ;;\n"
                  "  label: \"@{label}\"\n  dimension: x { sql: @{nope} ;; }\n}\n"}});
  Linted linted = test::lintProject(p);
  EXPECT_THAT(linted.messages(), ElementsAre("LKML225: unknown constant `@{nope}`"));
  EXPECT_EQ(linted.where(linted.diagnostics[0], p.root()), "v.view.lkml:4:23");
  EXPECT_EQ(linted.diagnostics[0].help,
            "define it in manifest.lkml: constant: nope { value: \"...\" }");
  const View& v = *linted.model("m")->findView("v");
  EXPECT_EQ(v.sql_table_name.text, "analytics.users");
  EXPECT_EQ(v.label, "Users");
}

TEST(SqlReferences, KindsAndOffsets) {
  std::string sql = "${TABLE}.a + ${b} + ${ v.c } + ${v.SQL_TABLE_NAME} + ${EXTENDED}";
  auto refs = findSqlReferences(sql);
  ASSERT_EQ(refs.size(), 5u);
  EXPECT_EQ(refs[0].kind, SqlReference::Kind::Table);
  EXPECT_EQ(refs[1].kind, SqlReference::Kind::Field);
  EXPECT_EQ(refs[1].field, "b");
  EXPECT_EQ(sql.substr(refs[1].begin, refs[1].end - refs[1].begin), "${b}");
  EXPECT_EQ(refs[2].kind, SqlReference::Kind::ViewField);
  EXPECT_EQ(refs[2].view, "v");
  EXPECT_EQ(refs[2].field, "c");
  EXPECT_EQ(refs[3].kind, SqlReference::Kind::SqlTableName);
  EXPECT_EQ(refs[4].kind, SqlReference::Kind::Extended);
}

TEST(SqlReferences, Liquid) {
  std::string sql =
      "{% condition f %} x {% endcondition %} AND {% parameter v.p %} = "
      "'{{ _user_attributes['region'] }}' {{ other }}";
  auto refs = findLiquidReferences(sql);
  ASSERT_EQ(refs.size(), 3u);
  EXPECT_EQ(refs[0].kind, LiquidReference::Kind::Condition);
  EXPECT_EQ(refs[0].name, "f");
  EXPECT_EQ(refs[0].inner, "x");
  EXPECT_EQ(refs[1].kind, LiquidReference::Kind::Parameter);
  EXPECT_EQ(refs[1].name, "v.p");
  EXPECT_EQ(refs[2].kind, LiquidReference::Kind::UserAttribute);
  EXPECT_EQ(refs[2].name, "region");
}

// Field lists are evaluated in an explore's scope.
class FieldLists : public ::testing::Test {
 protected:
  void SetUp() override {
    project_ = std::make_unique<TempProject>(
        std::initializer_list<test::File>{{"m.model.lkml", kModel + R"(
explore: orders {
  join: users { sql_on: ${orders.user_id} = ${users.id} ;; relationship: many_to_one }
}
)"},
                                          {"v.view.lkml", R"(
view: orders {
  dimension: id { primary_key: yes }
  dimension: user_id {}
  measure: count {}
  set: basics { fields: [id, count] }
  set: nested { fields: [basics*, -count, user_id] }
  set: loop { fields: [loop*, id] }
}
view: users {
  dimension: id { primary_key: yes }
  dimension: name {}
  dimension: email {}
  set: detail { fields: [id, name] }
}
)"}});
    linted_ = test::lintProject(*project_);
    ASSERT_THAT(linted_.messages(), IsEmpty());
    model_ = linted_.model("m");
    scope_ = std::make_unique<ExploreScope>(*model_, *model_->findExplore("orders"));
  }

  std::vector<std::string> resolve(const std::vector<std::string>& items,
                                   const std::string& default_alias = "",
                                   std::vector<std::string>* problems = nullptr) {
    std::vector<FieldListProblem> found;
    auto names = resolveFieldList(*scope_, items, default_alias, &found);
    if (problems) {
      for (const auto& p : found) {
        problems->push_back(p.message + (p.suggestion.empty() ? "" : " -> " + p.suggestion));
      }
    } else {
      EXPECT_TRUE(found.empty()) << found[0].message;
    }
    return {names.begin(), names.end()};
  }

  std::unique_ptr<TempProject> project_;
  Linted linted_;
  const Model* model_ = nullptr;
  std::unique_ptr<ExploreScope> scope_;
};

TEST_F(FieldLists, AllFieldsOfTheExploreAndOfOneView) {
  EXPECT_THAT(resolve({"ALL_FIELDS*"}), ElementsAre("orders.count", "orders.id", "orders.user_id",
                                                    "users.email", "users.id", "users.name"));
  EXPECT_THAT(resolve({"users.ALL_FIELDS*"}), ElementsAre("users.email", "users.id", "users.name"));
  EXPECT_THAT(resolve({"ALL_FIELDS*"}, "users"),
              ElementsAre("users.email", "users.id", "users.name"));
}

TEST_F(FieldLists, ExclusionsAndOnlyExclusions) {
  EXPECT_THAT(resolve({"ALL_FIELDS*", "-users.email", "-orders.count"}),
              ElementsAre("orders.id", "orders.user_id", "users.id", "users.name"));
  // A list of only exclusions means everything except them.
  EXPECT_THAT(resolve({"-users.email"}, "users"), ElementsAre("users.id", "users.name"));
  // Exclusions win regardless of order.
  EXPECT_THAT(resolve({"-users.name", "users.ALL_FIELDS*"}),
              ElementsAre("users.email", "users.id"));
}

TEST_F(FieldLists, EmptyListMeansNoField) {
  // `fields: []` on a join hides all its fields (the join stays usable in conditions).
  EXPECT_THAT(resolve({}, "users"), IsEmpty());
  EXPECT_THAT(resolve({}), IsEmpty());
}

TEST_F(FieldLists, SetsNestedSetsAndSelfReference) {
  EXPECT_THAT(resolve({"users.detail*"}), ElementsAre("users.id", "users.name"));
  EXPECT_THAT(resolve({"detail*", "email"}, "users"),
              ElementsAre("users.email", "users.id", "users.name"));
  EXPECT_THAT(resolve({"orders.nested*"}), ElementsAre("orders.id", "orders.user_id"));
  EXPECT_THAT(resolve({"orders.loop*"}), ElementsAre("orders.id"));
}

TEST_F(FieldLists, ProblemsNameTheItemWithASuggestion) {
  std::vector<std::string> problems;
  resolve({"users.nme", "users.detial*", "usres.id", "orders.id", "id"}, "", &problems);
  EXPECT_THAT(problems, ElementsAre("unknown field `users.nme` -> users.name",
                                    "unknown set `detial` in view `users` -> detail",
                                    "unknown view `usres` in `usres.id` -> users",
                                    "unknown view `` in `id`"));
}

}  // namespace
}  // namespace lkml::semantic

namespace lkml::semantic {
namespace {

// A field name without a view in always_filter, conditionally_filter (and its `unless`) and
// access_filter names the base view's field, as in Looker: lowered to `alias.field` so lint
// and the query compiler resolve it alike.
TEST(ExploreFilters, BareFieldNamesResolveAgainstTheBaseView) {
  TempProject p({{"m.model.lkml", kModel + R"(explore: orders_x {
  view_name: orders
  always_filter: { filters: [status: "complete"] }
  conditionally_filter: { filters: [orders.created_date: "7 days"] unless: [id] }
  access_filter: { field: user_id user_attribute: user_id }
  access_filter: { field: orders.status user_attribute: status }
}
)"},
                 {"v.view.lkml", R"(view: orders {
  dimension: id { primary_key: yes type: number }
  dimension: status {}
  dimension: user_id { type: number }
  dimension_group: created { type: time timeframes: [date] }
})"}});
  Linted linted = test::lintProject(p);
  EXPECT_EQ(linted.errors(), 0u) << linted.text();
  const Explore& e = *linted.model("m")->findExplore("orders_x");
  EXPECT_EQ(e.always_filter.at(0).field, "orders.status");
  EXPECT_EQ(e.conditionally_filter.at(0).field, "orders.created_date");
  EXPECT_THAT(e.conditionally_filter_unless, ElementsAre("orders.id"));
  EXPECT_EQ(e.access_filters.at(0).field, "orders.user_id");
  EXPECT_EQ(e.access_filters.at(1).field, "orders.status");
}

// The model's connection may come from a file it includes, when the model file has none.
TEST(ModelSettings, ConnectionFromAnIncludedFile) {
  TempProject p({{"m.model.lkml", "include: \"/settings.lkml\"\ninclude: \"/*.view\"\n"},
                 {"own.model.lkml",
                  "connection: \"own\"\ninclude: \"/settings.lkml\"\ninclude: \"/*.view\"\n"},
                 {"settings.lkml", "connection: \"shared\"\n"},
                 {"v.view.lkml", "view: v { dimension: id { primary_key: yes } }\n"}});
  Linted linted = test::lintProject(p);
  EXPECT_EQ(linted.count(226), 0u) << linted.text();
  EXPECT_EQ(linted.model("m")->connection, "shared");
  EXPECT_EQ(linted.model("own")->connection, "own");

  TempProject none({{"m.model.lkml", "include: \"/*.view\"\n"},
                    {"v.view.lkml", "view: v { dimension: id { primary_key: yes } }\n"}});
  EXPECT_EQ(test::lintProject(none).count(226), 1u);
}

}  // namespace
}  // namespace lkml::semantic
