// Views shared between models (semantic::buildModels): a view with the same definition,
// refinements and `extends` inputs is lowered once and held by every model that includes it,
// and lint reports exactly what compiling each model on its own (buildModel) reports.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "semantic/model_builder.h"
#include "tests/unit/semantic/semantic_test_util.h"

namespace lkml::semantic {
namespace {

using test::Linted;
using test::TempProject;

// Three models over one set of views, with findings made while lowering (bad types and
// timeframes), while resolving (an extends cycle, an unknown parent) and while checking (bad
// references, a view in no explore), a refinement only one model includes, a base view that
// only some models' views extend, and a model that imports another project.
void writeThreeModels(TempProject& p) {
  p.write("manifest.lkml", "project_name: \"three\"\n");
  for (int i = 0; i < 12; ++i) {
    std::string name = "v" + std::to_string(i);
    std::string text = "view: " + name + " {\n  sql_table_name: public." + name + " ;;\n" +
                       "  dimension: id { primary_key: yes type: number }\n";
    if (i % 3 == 0) text += "  dimension: bad_type { type: numbr }\n";
    if (i % 4 == 0) text += "  dimension: bad_ref { sql: ${missing_" + name + "} ;; }\n";
    if (i % 5 == 0) text += "  extends: [base]\n";
    text += "  measure: count { type: count }\n}\n";
    p.write("views/" + name + ".view.lkml", text);
  }
  p.write("views/base.view.lkml",
          "view: base {\n  extension: required\n"
          "  dimension: from_base { sql: ${TABLE}.b ;; }\n"
          "  dimension: base_bad { type: strng }\n}\n"
          "view: loop_a {\n  extends: [loop_b]\n  dimension: a {}\n}\n"
          "view: loop_b {\n  extends: [loop_a]\n  dimension: b {}\n}\n"
          "view: orphan {\n  extends: [nowhere]\n  dimension: o { sql: ${nope} ;; }\n}\n");
  p.write("refinements/v1.view.lkml",
          "view: +v1 {\n  dimension: refined { type: nmber sql: ${id} ;; }\n}\n");
  p.write("a.model.lkml",
          "connection: \"db\"\ninclude: \"/views/*.view.lkml\"\n"
          "explore: v0 {\n  join: v1 {\n    sql_on: ${v0.id} = ${v1.idd} ;;\n"
          "    relationship: many_to_one\n  }\n}\n");
  p.write("b.model.lkml",
          "connection: \"db\"\ninclude: \"/views/*.view.lkml\"\n"
          "include: \"/refinements/*.view.lkml\"\n"
          "explore: v1 {}\nexplore: v2 { join: v5 { sql_on: ${v2.id} = ${v5.id} ;; "
          "relationship: one_to_one } }\n");
  p.write("c.model.lkml",
          "connection: \"db\"\ninclude: \"/views/*.view.lkml\"\n"
          "include: \"//other_project/views/*.view.lkml\"\n"
          "explore: v3 {}\nexplore: ghost {}\n");
}

// The project linted as `lkml lint` does, the models built by `build`.
template <typename Build>
Linted lintWith(const std::string& root, Build build) {
  Linted out;
  DiagnosticBag bag;
  out.loaded = std::make_unique<LoadedProject>();
  EXPECT_TRUE(loadProject(root, &out.loaded->sources, bag, 1));
  Project& project = out.loaded->project;
  project.root = out.loaded->sources.root;
  project.sources = out.loaded->sources.sources;
  project.constants = readConstants(out.loaded->sources);
  build(*out.loaded, bag);
  runChecks(*out.loaded, bag, /*style_rules=*/true, 1);
  out.diagnostics = std::move(bag.diagnostics());
  finalizeDiagnostics(&out.diagnostics, &out.loaded->sources, LintConfig());
  return out;
}

// Each model compiled on its own, as lkml did before views were shared.
Linted lintModelByModel(const std::string& root) {
  return lintWith(root, [](LoadedProject& loaded, DiagnosticSink& sink) {
    for (size_t i = 0; i < loaded.sources.files.size(); ++i) {
      if (loaded.sources.files[i].kind != FileKind::Model) continue;
      loaded.project.models.push_back(
          buildModel(loaded.sources, i, loaded.project.constants, sink, nullptr, 1));
    }
  });
}

Linted lintShared(const std::string& root, unsigned threads) {
  return lintWith(root, [threads](LoadedProject& loaded, DiagnosticSink& sink) {
    loaded.project.models = buildModels(loaded.sources, loaded.project.constants, sink, threads);
  });
}

TEST(SharedViews, ThreeModelsReportWhatEachModelBuiltAloneReports) {
  TempProject p;
  writeThreeModels(p);
  Linted before = lintModelByModel(p.root());
  ASSERT_EQ(before.loaded->project.models.size(), 3u);
  // The findings are really there: lowering, resolving and checking.
  EXPECT_GE(before.count(202), 5u);  // bad types, in shared views and in the refinement
  EXPECT_GE(before.count(205), 3u);  // unknown fields
  EXPECT_GE(before.count(219), 1u);  // the extends cycle
  for (unsigned threads : {1u, 2u, 4u}) {
    Linted after = lintShared(p.root(), threads);
    EXPECT_EQ(after.text(), before.text()) << "threads: " << threads;
    EXPECT_EQ(after.messages(), before.messages()) << "threads: " << threads;
  }
}

TEST(SharedViews, AViewIsLoweredOnceForTheModelsWithTheSameInputs) {
  TempProject p;
  writeThreeModels(p);
  Linted after = lintShared(p.root(), 1);
  const Model* a = after.model("a");
  const Model* b = after.model("b");
  const Model* c = after.model("c");
  ASSERT_TRUE(a && b && c);
  // Same definition, no refinement, same extends: one View.
  EXPECT_EQ(a->findView("v2"), b->findView("v2"));
  EXPECT_EQ(a->findView("v5"), b->findView("v5"));  // extends base in both
  // Only model b includes the refinement of v1: its own View, with the refined field.
  EXPECT_NE(a->findView("v1"), b->findView("v1"));
  EXPECT_EQ(a->findView("v1")->findField("refined"), nullptr);
  EXPECT_NE(b->findView("v1")->findField("refined"), nullptr);
  // Model c imports a project (unknown names are warnings there): not shared with a or b.
  EXPECT_NE(a->findView("v2"), c->findView("v2"));
  // Iterating a model's views gives each name and its (shared) view.
  size_t seen = 0;
  for (const auto& [name, view] : a->views) {
    EXPECT_EQ(&view, a->findView(name));
    ++seen;
  }
  EXPECT_EQ(seen, a->views.size());
}

// A lowering finding of a view every model includes is reported once, not once per model.
TEST(SharedViews, ALoweringFindingOfASharedViewIsReportedOnce) {
  TempProject p;
  p.write("views/v.view.lkml", "view: v {\n  dimension: x { type: numbr }\n}\n");
  for (const char* m : {"m1", "m2", "m3"}) {
    p.write(std::string(m) + ".model.lkml",
            "connection: \"db\"\ninclude: \"/views/*.view.lkml\"\nexplore: v {}\n");
  }
  DiagnosticBag bag;
  auto loaded = loadAndCompile(p.root(), bag, 1);
  ASSERT_TRUE(loaded);
  size_t bad_type = 0;
  for (const Diagnostic& d : bag.diagnostics()) bad_type += d.code == 202;
  EXPECT_EQ(bad_type, 1u);
}

}  // namespace
}  // namespace lkml::semantic
