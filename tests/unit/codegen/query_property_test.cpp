// Property: for random queries on looker/ at every access level, the compiler either refuses
// the query (no SQL) or produces SQL that never mentions a column or field the user's grants
// forbid, and always carries the row filter of explores with an access_filter.
// Deterministic: a fixed seed; a failure prints the query to reproduce it with `lkml sql`.
#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <random>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "semantic/explore_scope.h"
#include "tests/unit/codegen/query_test_support.h"

namespace lkml::codegen {
namespace {

struct Level {
  const char* name;
  test::Attributes attributes;
  std::vector<std::string> forbidden;  // `view.column` / `view.field` the user may never touch
  std::string company;                 // the company_id attribute
};

const std::vector<Level>& levels() {
  static const std::vector<Level> kLevels = {
      {"internal", {{"access_level", "internal"}, {"company_id", "2"}}, {}, "2"},
      {"company",
       {{"access_level", "company"}, {"company_id", "2"}},
       {"companies.plan", "courses.price", "courses.total_price", "courses.average_price"},
       "2"},
      {"client",
       {{"access_level", "client"}, {"company_id", "3"}},
       {"companies.plan", "courses.price", "courses.total_price", "courses.average_price",
        "users.email", "users.last_name", "users.full_name"},
       "3"},
  };
  return kLevels;
}

// SQL without its string literals and quoted identifiers (which are returned separately), so
// column references can be scanned without false hits inside values.
std::string codeOnly(const std::string& sql, std::vector<std::string>* quoted) {
  std::string code;
  for (size_t i = 0; i < sql.size(); ++i) {
    char c = sql[i];
    if (c == '\'' || c == '"') {
      std::string text;
      size_t j = i + 1;
      for (; j < sql.size(); ++j) {
        if (sql[j] == c) {
          if (j + 1 < sql.size() && sql[j + 1] == c) {
            text += c;
            ++j;
            continue;
          }
          break;
        }
        text += sql[j];
      }
      if (c == '"') quoted->push_back(text);
      code += c == '"' ? " \"\" " : " '' ";
      i = j;
    } else {
      code += c;
    }
  }
  return code;
}

std::set<std::string> columnReferences(const std::string& code) {
  static const std::regex kRef(R"(\b([A-Za-z_][A-Za-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_]*)\b)");
  std::set<std::string> refs;
  for (auto it = std::sregex_iterator(code.begin(), code.end(), kRef); it != std::sregex_iterator();
       ++it) {
    refs.insert((*it)[1].str() + "." + (*it)[2].str());
  }
  return refs;
}

std::string sampleExpression(const semantic::Field& field, std::mt19937& rng) {
  static const std::map<std::string, std::vector<std::string>> kByType = {
      {"string", {"a%", "-NULL", "x' OR '1'='1", "Data,Sales"}},
      {"number", {">1", "[1,100)", "NOT NULL", "1, 2, 3"}},
      {"yesno", {"Yes", "No"}},
      {"date", {"2024", "before 2024-06-01", "2023-01-01 to 2024-01-01"}},
  };
  std::string kind = "string";
  if (field.type == "yesno") kind = "yesno";
  if (!field.timeframe.empty()) {
    kind = "date";
  } else if (field.type == "number" || field.isMeasure() || !field.interval.empty()) {
    kind = "number";
  }
  const auto& options = kByType.at(kind);
  return options[std::uniform_int_distribution<size_t>(0, options.size() - 1)(rng)];
}

TEST(QueryProperty, NeverLeaksForbiddenColumnsAndAlwaysFiltersRows) {
  const semantic::LoadedProject& project = test::lookerProject();
  const semantic::Model* model = project.project.findModel("ti");
  ASSERT_NE(model, nullptr);
  std::vector<const semantic::Explore*> explores;
  for (const auto& e : model->explores) {
    if (!e.extension_required) explores.push_back(&e);
  }
  ASSERT_EQ(explores.size(), 15u);

  std::mt19937 rng(20241231);
  std::map<std::string, int> accepted, refused;
  for (int iteration = 0; iteration < 600; ++iteration) {
    const semantic::Explore& explore =
        *explores[std::uniform_int_distribution<size_t>(0, explores.size() - 1)(rng)];
    semantic::ExploreScope scope(*model, explore);
    std::vector<std::pair<std::string, const semantic::Field*>> pool;
    for (const auto& entry : scope.entries()) {
      for (const auto& field : entry.view->fields) {
        if (field.kind == semantic::FieldKind::Dimension ||
            field.kind == semantic::FieldKind::Measure) {
          pool.emplace_back(entry.alias + "." + field.name, &field);
        }
      }
    }
    Query query;
    query.model = "ti";
    query.explore = explore.name;
    int count = std::uniform_int_distribution<int>(1, 5)(rng);
    auto pick = [&] {
      return pool[std::uniform_int_distribution<size_t>(0, pool.size() - 1)(rng)];
    };
    for (int k = 0; k < count; ++k) query.fields.push_back(pick().first);
    if (std::uniform_int_distribution<int>(0, 2)(rng) == 0) {
      auto [name, field] = pick();
      query.filters.push_back({name, sampleExpression(*field, rng)});
    }
    if (std::uniform_int_distribution<int>(0, 3)(rng) == 0) {
      query.sorts.push_back({query.fields.front(), true});
    }
    for (const Level& level : levels()) {
      test::Outcome out = test::compileOn(project, query, level.attributes);
      std::string what =
          std::string("level ") + level.name + ", explore " + explore.name + ", fields";
      for (const auto& f : query.fields) what += " " + f;
      for (const auto& f : query.filters) what += ", filter " + f.field + "=" + f.expression;
      if (!out.ok) {
        ++refused[level.name];
        EXPECT_TRUE(out.sql.empty()) << what;
        EXPECT_FALSE(out.errors.empty()) << what;
        continue;
      }
      ++accepted[level.name];
      std::vector<std::string> quoted;
      std::string code = codeOnly(out.sql, &quoted);
      std::set<std::string> refs = columnReferences(code);
      for (const std::string& forbidden : level.forbidden) {
        EXPECT_EQ(refs.count(forbidden), 0u) << what << " references " << forbidden << ":\n"
                                             << out.sql;
        for (const std::string& q : quoted) EXPECT_NE(q, forbidden) << what << "\n" << out.sql;
        for (const std::string& c : out.columns) EXPECT_NE(c, forbidden) << what;
        for (const auto& f : query.filters) EXPECT_NE(f.field, forbidden) << what;
      }
      // Every selected field passes the user's grants (explore, join, view, field).
      for (const std::string& name : out.columns) {
        std::string alias, field_name;
        ASSERT_TRUE(semantic::ExploreScope::splitName(name, &alias, &field_name));
        UserContext user{level.attributes};
        EXPECT_TRUE(userMaySee(*model, explore, alias, *scope.findField(alias, field_name), user))
            << what << ": " << name;
      }
      // Explores with an access_filter always carry the user's company in WHERE.
      if (!explore.access_filters.empty()) {
        std::string target = explore.access_filters.front().field;
        EXPECT_NE(out.sql.find("(" + target + " = " + level.company + ")"), std::string::npos)
            << what << "\n"
            << out.sql;
      }
      // Only the explore's aliases appear as table references.
      for (const std::string& ref : refs) {
        std::string alias = ref.substr(0, ref.find('.'));
        if (alias == "public") continue;  // sql_table_name
        EXPECT_NE(scope.find(alias), nullptr) << what << ": unknown alias in " << ref;
      }
    }
  }
  for (const Level& level : levels()) {
    // The property must not hold vacuously: every level compiles many queries, and the
    // restricted levels are refused many others.
    EXPECT_GT(accepted[level.name], 100) << level.name;
    if (!level.forbidden.empty()) {
      EXPECT_GT(refused[level.name], 100) << level.name;
    }
    std::printf("%-8s accepted %d, refused %d\n", level.name, accepted[level.name],
                refused[level.name]);
  }
}

}  // namespace
}  // namespace lkml::codegen
