// The incremental project: an edit re-parses only the edited file and rebuilds only the
// models that include it, and the findings equal those of a fresh load of the same texts.
#include "lsp/project_state.h"

#include <gtest/gtest.h>

#include "lsp/protocol_convert.h"
#include "tests/unit/semantic/semantic_test_util.h"

namespace lkml::lsp {
namespace {

using semantic::test::TempProject;

// Findings as comparable text: file, position, code, message (FileIds differ between runs).
std::vector<std::string> findings(const ProjectState& state) {
  std::vector<std::string> out;
  for (const Diagnostic& d : state.diagnostics()) {
    std::string line = diagnosticFile(d, state.files()) + ":" + std::to_string(d.span.begin) +
                       ": " + d.codeName() + " " + d.message;
    for (const Label& note : d.notes) line += " | " + note.message;
    out.push_back(line);
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(LspProjectState, AnEditRebuildsOnlyTheModelsThatIncludeTheFile) {
  TempProject project(
      {{"manifest.lkml", "project_name: \"p\"\n"},
       {"a.model.lkml", "connection: \"db\"\ninclude: \"/a/*.view\"\nexplore: a {}\n"},
       {"b.model.lkml", "connection: \"db\"\ninclude: \"/b/*.view\"\nexplore: b {}\n"},
       {"a/a.view.lkml", "view: a {\n  sql_table_name: t ;;\n}\n"},
       {"b/b.view.lkml", "view: b {\n  sql_table_name: t ;;\n}\n"}});
  ProjectState state(project.root());
  ProjectState::UpdateStats first = state.update(1);
  EXPECT_TRUE(first.full);
  EXPECT_EQ(first.models_built, 2u);
  state.setText("a/a.view.lkml",
                "view: a {\n  sql_table_name: t ;;\n  dimension: x { typ: string }\n}\n");
  ProjectState::UpdateStats edit = state.update(1);
  EXPECT_FALSE(edit.full);
  EXPECT_EQ(edit.files_parsed, 1u);
  EXPECT_EQ(edit.models_built, 1u);
  std::vector<std::string> incremental = findings(state);
  ASSERT_FALSE(incremental.empty());
  EXPECT_NE(incremental.front().find("LKML201"), std::string::npos);

  // The same texts loaded from scratch give the same findings.
  ProjectState fresh(project.root());
  fresh.setText("a/a.view.lkml",
                "view: a {\n  sql_table_name: t ;;\n  dimension: x { typ: string }\n}\n");
  fresh.update(1);
  EXPECT_EQ(incremental, findings(fresh));

  // An unchanged text parses nothing; a file no model includes rebuilds no model.
  state.setText("a/a.view.lkml",
                "view: a {\n  sql_table_name: t ;;\n  dimension: x { typ: string }\n}\n");
  EXPECT_EQ(state.update(1).files_parsed, 0u);
  project.write("c/c.view.lkml", "view: c {}\n");
  state.diskChanged("c/c.view.lkml");
  EXPECT_TRUE(state.update(1).full);  // a new file can match any include
  state.setText("c/c.view.lkml", "view: c { }\n");
  ProjectState::UpdateStats unused = state.update(1);
  EXPECT_EQ(unused.files_parsed, 1u);
  EXPECT_EQ(unused.models_built, 0u);
}

TEST(LspProjectState, ALongSessionStartsOverSoOldTextsAreFreed) {
  TempProject project({{"manifest.lkml", "project_name: \"p\"\n"},
                       {"m.model.lkml", "connection: \"db\"\ninclude: \"/*.view\"\n"},
                       {"a.view.lkml", "view: a {\n  sql_table_name: t ;;\n}\n"}});
  ProjectState state(project.root());
  state.update(1);
  size_t full = 0;
  for (int i = 0; i < 600; ++i) {
    state.setText("a.view.lkml", "view: a {\n  sql_table_name: t" + std::to_string(i) + " ;;\n}\n");
    full += state.update(1).full;
    ASSERT_LE(state.files().size(), 2 * 3 + 256 + 2u);
  }
  EXPECT_GE(full, 2u);
  EXPECT_TRUE(state.diagnostics().empty());
}

TEST(LspProjectState, LkmlJsonRulesAndSuppressionsApply) {
  TempProject project(
      {{"manifest.lkml", "project_name: \"p\"\n"},
       {"m.model.lkml", "connection: \"db\"\ninclude: \"/*.view\"\nexplore: a {}\n"},
       {"a.view.lkml", "view: a {\n  sql_table_name: t ;;\n  dimension: x { typ: string }\n}\n"},
       {"lkml.json", "{\"rules\": {\"LKML201\": \"warning\"}}"}});
  ProjectState state(project.root());
  state.update(1);
  ASSERT_EQ(state.diagnostics().size(), 1u);
  EXPECT_EQ(state.diagnostics()[0].severity, Severity::Warning);
  state.setText("a.view.lkml",
                "view: a {\n  sql_table_name: t ;;\n  # lkml: disable=LKML201\n  dimension: x { "
                "typ: string }\n}\n");
  state.update(1);
  EXPECT_TRUE(state.diagnostics().empty());
  project.write("lkml.json", "{\"rules\": {\"LKML201\": \"off\"}}");
  state.diskChanged("lkml.json");
  state.update(1);
  // The suppression is now unused (LKML121), the rule off.
  for (const Diagnostic& d : state.diagnostics()) EXPECT_NE(d.code, 201);
}

TEST(LspProjectState, TheEditedFileIsAnsweredFirstWhenItsShapeIsKept) {
  const std::string orders =
      "view: orders {\n  sql_table_name: t ;;\n  dimension: id { primary_key: yes }\n"
      "  dimension: user_id {}\n}\n";
  TempProject project(
      {{"manifest.lkml", "project_name: \"p\"\n"},
       {"a.model.lkml",
        "connection: \"db\"\ninclude: \"/views/*.view\"\nexplore: orders {\n  join: users {\n"
        "    relationship: many_to_one\n    sql_on: ${orders.user_id} = ${users.id} ;;\n  }\n}\n"},
       {"views/orders.view.lkml", orders},
       {"views/users.view.lkml",
        "view: users {\n  sql_table_name: u ;;\n  dimension: id { primary_key: yes }\n}\n"}});
  ProjectState state(project.root());
  state.update(1);
  ASSERT_TRUE(state.diagnostics().empty()) << findings(state).front();

  // A typo inside the view keeps the file's shape: the file is patched and checked first, and
  // its findings are those of the full update.
  std::string typo = orders;
  typo.replace(typo.find("dimension: user_id {}"), 21,
               "dimension: user_id {}\n  measure: n { type: sum sql: ${user_idd} ;; }");
  state.setText("views/orders.view.lkml", typo);
  ASSERT_TRUE(state.edited());
  ProjectState::QuickStats quick = state.updateEditedFiles(1);
  EXPECT_EQ(quick.files_patched, 1u);
  ASSERT_EQ(state.quickFiles().size(), 1u);
  std::vector<std::string> first;
  for (const Diagnostic& d : state.quickDiagnostics()) first.push_back(d.codeName());
  EXPECT_EQ(first, std::vector<std::string>{"LKML205"});
  EXPECT_TRUE(state.dirty());  // the whole project's checks are still to run
  state.update(1);
  std::vector<std::string> full;
  for (const Diagnostic& d : state.diagnostics()) full.push_back(d.codeName());
  EXPECT_EQ(full, first);

  // A new view in the file changes its shape: nothing is answered early.
  state.setText("views/orders.view.lkml", typo + "view: more {}\n");
  EXPECT_EQ(state.updateEditedFiles(1).files_patched, 0u);
  EXPECT_TRUE(state.quickFiles().empty());
  state.update(1);
  EXPECT_FALSE(state.dirty());
}

}  // namespace
}  // namespace lkml::lsp
