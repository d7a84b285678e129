// semantic::SyntaxRelease: a one-shot lint frees the contents of each file's top-level blocks
// while the models are built (SyntaxAfterModels::TopLevel). The findings and the models must be
// exactly those of a lint that keeps the trees: on projects with `extends`, refinements, several
// views per file (whose names sort far apart), several models, more models than one batch,
// cycles, and on every project of the shared corpus, the sample project and the examples.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "semantic/syntax_release.h"
#include "tests/unit/semantic/semantic_test_util.h"

namespace lkml::semantic {
namespace {

namespace fs = std::filesystem;
using test::Linted;
using test::TempProject;

// The project linted as `lkml lint` does when it releases the trees: the syntax-level checks
// first, then the models, then the model checks.
Linted lintWith(const std::string& root, SyntaxAfterModels syntax, unsigned threads) {
  Linted out;
  DiagnosticBag bag;
  out.loaded = std::make_unique<LoadedProject>();
  EXPECT_TRUE(loadProject(root, &out.loaded->sources, bag, threads));
  runSyntaxChecks(*out.loaded, bag, threads);
  compileModels(*out.loaded, bag, threads, nullptr, syntax);
  runModelChecks(*out.loaded, bag, /*style_rules=*/true, threads);
  out.diagnostics = std::move(bag.diagnostics());
  finalizeDiagnostics(&out.diagnostics, &out.loaded->sources, LintConfig());
  groupRootCauses(&out.diagnostics, out.loaded->sources, &out.loaded->project);
  return out;
}

void digestText(std::ostream& out, const char* what, const SourceText& t) {
  out << " " << what << "=[" << t.text << "]@" << t.span.begin << "-" << t.span.end;
}

// What the models say, field by field: a view lowered from a freed block would lose fields,
// parameters or SQL.
std::string modelDigest(const Project& project) {
  std::ostringstream out;
  for (const Model& model : project.models) {
    out << "model " << model.name << " files=" << model.files.size() << "\n";
    for (const auto& [name, view] : model.views) {
      out << " view " << name << " file=" << view.file << " span=" << view.span.begin << "-"
          << view.span.end << " extends=" << view.extends.size()
          << " refinements=" << view.refinements.size() << " sets=" << view.sets.size();
      digestText(out, "table", view.sql_table_name);
      digestText(out, "derived", view.derived_table_sql);
      out << "\n";
      for (const Field& f : view.fields) {
        out << "  " << fieldKindName(f.kind) << " " << f.name << " type=" << f.type
            << " label=" << std::string(f.label) << " group=" << std::string(f.group)
            << " timeframe=" << std::string(f.timeframe) << " pk=" << f.primary_key
            << " hidden=" << f.hidden << " filters=" << f.filters.size()
            << " drill=" << f.drill_fields.size() << " tiers=" << f.details().tiers.size()
            << " html=" << f.details().html.text;
        digestText(out, "sql", f.sql);
        out << "\n";
      }
    }
    for (const Explore& e : model.explores) {
      out << " explore " << e.name << " view=" << e.view << " fields=" << e.fields.size();
      for (const Join& j : e.joins) {
        out << " join " << j.name << ":" << j.view;
        digestText(out, "on", j.sql_on);
      }
      out << "\n";
    }
    out << " grants=" << model.access_grants.size() << " tests=" << model.tests.size() << "\n";
  }
  return out.str();
}

// Files whose nested syntax was freed, and files that have blocks at all.
std::pair<size_t, size_t> releasedFiles(const LoadedProject& loaded) {
  size_t released = 0, with_blocks = 0;
  for (const ProjectFile& file : loaded.sources.files) {
    released += file.doc.nested_released;
    with_blocks += std::any_of(file.doc.members.begin(), file.doc.members.end(),
                               [](const syntax::Node& m) { return m.isBlock(); });
  }
  return {released, with_blocks};
}

// Compares a releasing lint with a keeping one on 1 and 2 threads; returns the released one.
void expectSameAsKept(const std::string& root, const std::string& label) {
  Linted kept = lintWith(root, SyntaxAfterModels::Keep, 1);
  EXPECT_EQ(releasedFiles(*kept.loaded).first, 0u) << label;
  for (unsigned threads : {1u, 2u}) {
    Linted released = lintWith(root, SyntaxAfterModels::TopLevel, threads);
    EXPECT_EQ(released.text(), kept.text()) << label << ", threads: " << threads;
    EXPECT_EQ(modelDigest(released.loaded->project), modelDigest(kept.loaded->project))
        << label << ", threads: " << threads;
  }
}

// Views whose files hold three views each, the names sorting far apart (`a_i`, `m_i`, `z_i`),
// a base most views extend, a refinement file refining views across the alphabet, explores,
// and findings from lowering (bad types), resolving (an unknown parent) and checking (bad
// references).
void writeWideProject(TempProject& p, int files, int models) {
  p.write("manifest.lkml", "project_name: \"wide\"\n");
  p.write("views/base.view.lkml",
          "view: base {\n  extension: required\n  dimension: from_base { sql: ${TABLE}.b ;; }\n"
          "  dimension_group: created { type: time timeframes: [date, month] sql: ${TABLE}.c ;; "
          "}\n}\n");
  std::string refinements;
  for (int i = 0; i < files; ++i) {
    std::string n = std::to_string(i);
    std::string text;
    for (const char* prefix : {"a_", "m_", "z_"}) {
      std::string name = prefix + n;
      text += "view: " + name + " {\n  sql_table_name: public." + name + " ;;\n";
      if (i % 2 == 0) text += "  extends: [base]\n";
      if (i % 50 == 7) text += "  extends: [nowhere]\n";
      text += "  dimension: id { primary_key: yes type: number }\n";
      text += "  dimension: name { type: string sql: ${TABLE}.name ;; label: \"Name\" }\n";
      if (i % 9 == 0) text += "  dimension: bad_type { type: numbr }\n";
      if (i % 11 == 0) text += "  dimension: bad_ref { sql: ${missing} ;; }\n";
      text += "  measure: total { type: sum sql: ${id} ;; drill_fields: [id, name] }\n}\n";
    }
    p.write("views/v" + n + ".view.lkml", text);
    if (i % 4 == 0) {
      refinements += "view: +a_" + n + " {\n  dimension: refined { type: string }\n}\n";
      refinements += "view: +z_" + n + " {\n  dimension: refined_z { type: strin }\n}\n";
    }
  }
  p.write("refinements/all.view.lkml", refinements);
  p.write("late/late.view.lkml",
          "view: +m_1 {\n  dimension: late { type: numbr }\n}\n"
          "view: +base {\n  dimension: late_base { sql: ${TABLE}.l ;; }\n}\n");
  std::string explores;
  for (int i = 0; i < files; i += 3) {
    std::string n = std::to_string(i);
    explores += "explore: a_" + n + " {\n  join: z_" + n + " {\n    sql_on: ${a_" + n +
                ".id} = ${z_" + n + ".id} ;;\n    relationship: many_to_one\n  }\n}\n";
  }
  p.write("explores/all.explore.lkml", explores);
  for (int m = 0; m < models; ++m) {
    std::string model = "connection: \"db\"\ninclude: \"/views/*.view.lkml\"\n";
    if (m % 2 == 0) model += "include: \"/refinements/*.view.lkml\"\n";
    if (m == 0) model += "include: \"/explores/*.explore.lkml\"\n";
    // The last model's own refinement: views lowered anew in the last batch.
    if (m > 0 && m == models - 1) model += "include: \"/late/*.view.lkml\"\n";
    p.write("m" + std::to_string(m) + ".model.lkml", model);
  }
}

TEST(SyntaxRelease, ReleasedTreesGiveTheFindingsAndModelsOfKeptTrees) {
  TempProject p;
  writeWideProject(p, 300, 2);  // 900 views: several chunks of lowering
  Linted released = lintWith(p.root(), SyntaxAfterModels::TopLevel, 1);
  // The findings are really there, and every file with blocks was released.
  EXPECT_GE(released.count(202), 30u);  // bad types, in views and in the refinements
  EXPECT_GE(released.count(205), 10u);  // bad references
  auto [freed, with_blocks] = releasedFiles(*released.loaded);
  EXPECT_EQ(freed, with_blocks);
  EXPECT_GT(freed, 300u);
  // The top level stays: the names the root causes and `lkml lint FILE` read.
  for (const ProjectFile& file : released.loaded->sources.files) {
    for (const syntax::Node& member : file.doc.members) {
      if (!member.isBlock()) continue;
      EXPECT_TRUE(member.children.empty()) << file.path;
      EXPECT_TRUE(member.value.present()) << file.path;
    }
  }
  expectSameAsKept(p.root(), "wide");
}

TEST(SyntaxRelease, MoreModelsThanOneBatchReleaseInTheLastBatch) {
  TempProject p;
  writeWideProject(p, 40, 9);  // models are drafted 4 at a time on one thread
  expectSameAsKept(p.root(), "nine models");
  Linted released = lintWith(p.root(), SyntaxAfterModels::TopLevel, 1);
  EXPECT_EQ(released.loaded->project.models.size(), 9u);
  // The last model lowers its own `m_1` and every view that extends the refined `base`.
  const Model* last = released.model("m8");
  ASSERT_TRUE(last);
  ASSERT_TRUE(last->findView("m_1"));
  EXPECT_TRUE(last->findView("m_1")->findField("late"));
  ASSERT_TRUE(last->findView("a_0"));
  EXPECT_TRUE(last->findView("a_0")->findField("late_base"));
  EXPECT_GT(releasedFiles(*released.loaded).first, 40u);
}

TEST(SyntaxRelease, AnExtendsCycleKeepsTheTrees) {
  TempProject p;
  writeWideProject(p, 20, 1);
  p.write("views/loop.view.lkml",
          "view: loop_a {\n  extends: [loop_b]\n  dimension: a {}\n}\n"
          "view: loop_b {\n  extends: [loop_a]\n  dimension: b {}\n}\n");
  Linted released = lintWith(p.root(), SyntaxAfterModels::TopLevel, 1);
  EXPECT_GE(released.count(219), 1u);  // the cycle is reported
  // Its blocks are resolved once, in full, and kept: nothing is freed.
  EXPECT_EQ(releasedFiles(*released.loaded).first, 0u);
  expectSameAsKept(p.root(), "cycle");
}

// A lint runs the syntax-level checks beside the model building: nothing is freed before they
// are done (compileModels calls `readers_done` once, before the first block is freed).
TEST(SyntaxRelease, NothingIsFreedBeforeTheReadersAreDone) {
  TempProject p;
  writeWideProject(p, 30, 1);
  DiagnosticBag bag;
  LoadedProject loaded;
  ASSERT_TRUE(loadProject(p.root(), &loaded.sources, bag, 1));
  int calls = 0;
  size_t freed_when_called = SIZE_MAX;
  compileModels(loaded, bag, 1, nullptr, SyntaxAfterModels::TopLevel, [&] {
    ++calls;
    freed_when_called = releasedFiles(loaded).first;
  });
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(freed_when_called, 0u);
  EXPECT_GT(releasedFiles(loaded).first, 30u);
  // Keeping the trees never calls it.
  LoadedProject kept;
  ASSERT_TRUE(loadProject(p.root(), &kept.sources, bag, 1));
  compileModels(kept, bag, 1, nullptr, SyntaxAfterModels::Keep, [&] { ++calls; });
  EXPECT_EQ(calls, 1);
}

// `lkml lint` frees the trees beside its syntax-level checks: their findings (LKML201 unknown
// parameter, LKML231 duplicate parameter) are all there, on one thread and on several, and a
// baseline (which reads below the top level) still names each finding's object.
TEST(SyntaxRelease, LintKeepsTheSyntaxLevelFindings) {
  TempProject p;
  writeWideProject(p, 300, 1);
  std::string views;
  for (int i = 0; i < 40; ++i) {
    std::string n = std::to_string(i);
    views += "view: s_" + n + " {\n  sql_table_name: t ;;\n  dimension: d { typo_param: x }\n" +
             "  dimension: e { label: \"a\" label: \"b\" }\n}\n";
  }
  p.write("views/syntax.view.lkml", views);
  std::string one, two;
  EXPECT_EQ(test::runLkml("lint " + test::quoted(p.root()) + " --format json -j 1", &one), 1);
  EXPECT_EQ(test::runLkml("lint " + test::quoted(p.root()) + " --format json -j 2", &two), 1);
  EXPECT_EQ(one, two);
  auto count = [](const std::string& out, const std::string& code) {
    size_t n = 0;
    for (size_t at = out.find(code); at != std::string::npos; at = out.find(code, at + 1)) ++n;
    return n;
  };
  EXPECT_EQ(count(one, "\"LKML201\""), 40u);
  EXPECT_EQ(count(one, "\"LKML231\""), 40u);
  std::string baseline = p.path("baseline.json"), out;
  test::runLkml("lint " + test::quoted(p.root()) + " --write-baseline " + test::quoted(baseline),
                &out);
  EXPECT_THAT(lkml::test::readText(baseline), ::testing::HasSubstr("view:s_7/dimension:d"));
}

std::vector<std::string> realProjects() {
  std::vector<std::string> roots = {lkml::test::sourceDir() + "/looker"};
  for (const auto& entry : fs::directory_iterator(lkml::test::sourceDir() + "/examples")) {
    if (entry.is_directory()) roots.push_back(entry.path().string());
  }
  if (!lkml::test::corpusDir().empty()) {
    for (const auto& entry : fs::directory_iterator(lkml::test::corpusDir())) {
      if (entry.is_directory()) roots.push_back(entry.path().string());
    }
  }
  std::sort(roots.begin(), roots.end());
  return roots;
}

TEST(SyntaxRelease, RealProjectsGiveTheSameFindingsAndModels) {
  size_t projects = 0;
  for (const std::string& root : realProjects()) {
    expectSameAsKept(root, root);
    ++projects;
  }
  EXPECT_GE(projects, 5u);
}

}  // namespace
}  // namespace lkml::semantic
