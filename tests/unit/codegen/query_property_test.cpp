// Property 1: for random queries on looker/ at every access level, the compiler either refuses
// the query (no SQL) or produces SQL that never mentions a column or field the user's grants
// forbid, and always carries the row filter of explores with an access_filter.
// Property 2 (indirect references): on random projects whose fields reach each other through
// `${}` chains, measure `filters`, `list_field` and a derived table reading another view's
// `${v.SQL_TABLE_NAME}`, with random field and view grants and a random explore `fields` list,
// a query compiles exactly when an independent walk of the generator's own reference graph
// finds no restricted field, restricted view or excluded referenced field; and compiled SQL
// never names a restricted column or table.
// Deterministic: a fixed seed; a failure prints the query to reproduce it with `lkml sql`.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
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

// ---- property 2: indirect references ---------------------------------------------------

struct GenField {
  std::string view, name;
  bool measure = false;
  bool restricted = false;
  bool excluded = false;
  std::vector<size_t> uses;  // indexes of the fields it reads
};

struct GenProject {
  std::vector<std::string> views = {"v0", "v1", "v2", "v3"};  // v3 is derived from v4
  std::map<std::string, bool> view_restricted;
  std::vector<GenField> fields;
  std::string model, view_text;
};

// Four views in one explore (v1-v3 joined one_to_one on id), v3 a derived table over v4 (not
// joined); dimensions read later dimensions (so there are no cycles), measures read dimensions
// through sql, filters or list_field.
GenProject generate(std::mt19937& rng) {
  auto chance = [&](int percent) {
    return std::uniform_int_distribution<int>(0, 99)(rng) < percent;
  };
  GenProject p;
  for (const char* v : {"v0", "v1", "v2", "v3", "v4"}) p.view_restricted[v] = chance(15);
  const int kDims = 6, kMeasures = 3;
  for (const std::string& v : p.views) {
    for (int i = 0; i < kDims; ++i) {
      GenField f;
      f.view = v;
      f.name = "d" + std::to_string(i);
      f.restricted = i > 0 && chance(15);
      f.excluded = i > 0 && chance(12);
      p.fields.push_back(f);
    }
  }
  size_t dims = p.fields.size();
  for (size_t i = 0; i < dims; ++i) {
    if (p.fields[i].name == "d0") continue;  // the key: read by joins, reads nothing
    for (size_t j = i + 1; j < dims; ++j) {
      if (p.fields[j].name != "d0" && chance(12)) p.fields[i].uses.push_back(j);
    }
  }
  std::vector<std::string> kinds;
  for (const std::string& v : p.views) {
    for (int m = 0; m < kMeasures; ++m) {
      GenField f;
      f.view = v;
      f.name = "m" + std::to_string(m);
      f.measure = true;
      f.restricted = chance(10);
      f.excluded = chance(10);
      // A dimension of the same view (filters, list_field) or of any view (sql).
      size_t own =
          (&v - &p.views[0]) * kDims + std::uniform_int_distribution<int>(1, kDims - 1)(rng);
      size_t any = std::uniform_int_distribution<size_t>(0, dims - 1)(rng);
      int kind = std::uniform_int_distribution<int>(0, 2)(rng);
      f.uses.push_back(kind == 0 ? any : own);
      kinds.push_back(kind == 0 ? "sql" : kind == 1 ? "filters" : "list_field");
      p.fields.push_back(f);
    }
  }
  auto ref = [&](size_t j) { return "${" + p.fields[j].view + "." + p.fields[j].name + "}"; };
  std::string views;
  size_t measure_index = 0;
  for (const std::string& v : p.views) {
    views += "view: " + v + " {\n";
    if (v == "v3") {
      views += "  derived_table: { sql: SELECT * FROM ${v4.SQL_TABLE_NAME} ;; }\n";
    } else {
      views += "  sql_table_name: t_" + v + " ;;\n";
    }
    if (p.view_restricted[v]) views += "  required_access_grants: [g]\n";
    for (size_t i = 0; i < p.fields.size(); ++i) {
      const GenField& f = p.fields[i];
      if (f.view != v) continue;
      std::string grants = f.restricted ? " required_access_grants: [g]" : "";
      if (!f.measure) {
        std::string sql =
            "${TABLE}." + std::string(f.restricted ? "secret_" : "c_") + f.view + "_" + f.name;
        for (size_t j : f.uses) sql += " + " + ref(j);
        views += "  dimension: " + f.name + " { type: number" +
                 (f.name == "d0" ? " primary_key: yes" : "") + " sql: " + sql + " ;;" + grants +
                 " }\n";
        continue;
      }
      const GenField& target = p.fields[f.uses[0]];
      const std::string& kind = kinds[measure_index++];
      if (kind == "sql") {
        views += "  measure: " + f.name + " { type: sum sql: " + ref(f.uses[0]) + " ;;" + grants +
                 " }\n";
      } else if (kind == "filters") {
        views += "  measure: " + f.name + " { type: count filters: [" + target.name + ": \">1\"]" +
                 grants + " }\n";
      } else {
        views +=
            "  measure: " + f.name + " { type: list list_field: " + target.name + grants + " }\n";
      }
    }
    views += "}\n";
  }
  views += "view: v4 {\n  sql_table_name: t_v4 ;;\n";
  if (p.view_restricted["v4"]) views += "  required_access_grants: [g]\n";
  views += "  dimension: d0 { type: number primary_key: yes }\n}\n";
  std::string list = "ALL_FIELDS*";
  for (const GenField& f : p.fields) {
    if (f.excluded) list += ", -" + f.view + "." + f.name;
  }
  p.model =
      "connection: \"pg\"\ninclude: \"/*.view.lkml\"\n"
      "access_grant: g { user_attribute: level allowed_values: [\"admin\"] }\n"
      "explore: v0 {\n  fields: [" +
      list + "]\n";
  for (const char* v : {"v1", "v2", "v3"}) {
    p.model += std::string("  join: ") + v + " { relationship: one_to_one sql_on: ${v0.d0} = ${" +
               v + ".d0} ;; }\n";
  }
  p.model += "}\n";
  p.view_text = views;
  return p;
}

// The oracle: walks the generator's graph (not the compiler's) from the selected fields.
bool oracleAllows(const GenProject& p, const std::vector<size_t>& selected, bool admin,
                  std::string* why) {
  std::set<std::string> views_read = {"v0"};
  std::vector<std::pair<size_t, bool>> todo;  // (field, is a root)
  for (size_t s : selected) todo.emplace_back(s, true);
  std::set<size_t> seen;
  while (!todo.empty()) {
    auto [i, root] = todo.back();
    todo.pop_back();
    const GenField& f = p.fields[i];
    if (f.excluded) {
      *why = f.view + "." + f.name + " is excluded";
      return false;
    }
    if (!admin && f.restricted) {
      *why = f.view + "." + f.name + " is restricted";
      return false;
    }
    if (!seen.insert(i).second) continue;
    views_read.insert(f.view);
    for (size_t j : f.uses) todo.emplace_back(j, false);
  }
  if (views_read.count("v3")) views_read.insert("v4");
  for (const std::string& v : views_read) {
    if (!admin && p.view_restricted.at(v)) {
      *why = "view " + v + " is restricted";
      return false;
    }
  }
  return true;
}

TEST(QueryProperty, IndirectReferencesNeverReachWhatTheUserMayNotRead) {
  std::mt19937 rng(20261204);
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("lkml_access_property_" + std::to_string(getpid()));
  int allowed = 0, refused = 0;
  for (int project_index = 0; project_index < 40; ++project_index) {
    GenProject gen = generate(rng);
    fs::remove_all(dir);
    fs::create_directories(dir);
    std::ofstream(dir / "gen.model.lkml") << gen.model;
    std::ofstream(dir / "gen.view.lkml") << gen.view_text;
    test::ProjectUnderTest project = test::loadProject(dir.string());
    ASSERT_TRUE(project.project);
    ASSERT_TRUE(project.errors.empty()) << test::renderErrors(project.errors) << gen.view_text;
    for (int q = 0; q < 25; ++q) {
      Query query;
      query.explore = "v0";
      std::vector<size_t> selected;
      int count = std::uniform_int_distribution<int>(1, 3)(rng);
      for (int k = 0; k < count; ++k) {
        size_t i = std::uniform_int_distribution<size_t>(0, gen.fields.size() - 1)(rng);
        selected.push_back(i);
        query.fields.push_back(gen.fields[i].view + "." + gen.fields[i].name);
      }
      for (bool admin : {false, true}) {
        test::Attributes user = {{"level", admin ? "admin" : "user"}};
        test::Outcome out = test::compileOn(*project.project, query, user);
        std::string why;
        bool expected = oracleAllows(gen, selected, admin, &why);
        std::string what = std::string(admin ? "admin" : "user") + ", fields";
        for (const auto& f : query.fields) what += " " + f;
        EXPECT_EQ(out.ok, expected)
            << what << ": oracle says " << (why.empty() ? "ok" : why) << "\n"
            << out.errors << "\n"
            << gen.model << gen.view_text;
        (out.ok ? allowed : refused)++;
        // `lkml fields` lists a field the fields lists keep exactly when a query of it alone
        // compiles.
        const semantic::Model& model = project.project->project.models.at(0);
        const semantic::Explore& explore = *model.findExplore("v0");
        for (size_t i : selected) {
          std::string ignored;
          EXPECT_EQ(
              !gen.fields[i].excluded &&
                  userMaySee(model, explore, gen.fields[i].view,
                             *model.findView(gen.fields[i].view)->findField(gen.fields[i].name),
                             UserContext{user}),
              oracleAllows(gen, {i}, admin, &ignored))
              << what << ": userMaySee of " << gen.fields[i].view << "." << gen.fields[i].name;
        }
        if (!out.ok || admin) continue;
        EXPECT_EQ(out.sql.find("secret_"), std::string::npos) << what << "\n" << out.sql;
        for (const auto& [view, restricted] : gen.view_restricted) {
          if (restricted) {
            EXPECT_EQ(out.sql.find("t_" + view), std::string::npos) << what << "\n" << out.sql;
          }
        }
      }
    }
  }
  std::error_code ec;
  fs::remove_all(dir, ec);
  // Not vacuous: both outcomes occur often.
  EXPECT_GT(allowed, 300);
  EXPECT_GT(refused, 300);
  std::printf("indirect references: accepted %d, refused %d\n", allowed, refused);
}

}  // namespace
}  // namespace lkml::codegen
