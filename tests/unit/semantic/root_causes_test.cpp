// Root causes first: findings that follow from another finding are folded into it as notes
// (semantic/root_causes.h), whatever is not in a cascade keeps its place.
#include "semantic/root_causes.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/unit/semantic/semantic_test_util.h"

namespace lkml::semantic {
namespace {

using test::Linted;
using test::TempProject;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

// The model includes `/view/*.view` but the folder is `views/`: the join's unknown view
// follows from the include, which becomes an error carrying it.
TEST(RootCauses, UnknownViewsFollowTheBrokenIncludeThatWouldProvideThem) {
  TempProject p({{"m.model.lkml",
                  "connection: \"db\"\ninclude: \"/view/*.view\"\n"
                  "view: orders {\n  sql_table_name: public.orders ;;\n"
                  "  dimension: user_id { type: number sql: ${TABLE}.user_id ;; }\n}\n"
                  "explore: orders {\n  join: users {\n    sql_on: ${orders.user_id} = "
                  "${users.id} ;;\n    relationship: many_to_one\n  }\n}\n"},
                 {"views/users.view.lkml",
                  "view: users {\n  sql_table_name: public.users ;;\n"
                  "  dimension: id { primary_key: yes type: number sql: ${TABLE}.id ;; }\n}\n"}});
  Linted linted = test::lintProject(p);
  ASSERT_EQ(linted.diagnostics.size(), 1u) << linted.text();
  const Diagnostic& root = linted.diagnostics[0];
  EXPECT_EQ(root.code, 216);
  EXPECT_EQ(root.severity, Severity::Error);
  EXPECT_EQ(root.help, "did you mean `/views/*.view`?");
  ASSERT_EQ(root.notes.size(), 1u);
  EXPECT_EQ(root.notes[0].message,
            "follows from this: error[LKML204] unknown view `users` joined as `users` in explore "
            "`orders`");
  Diagnostic at;
  at.span = root.notes[0].span;
  EXPECT_EQ(linted.where(at, p.root()), "m.model.lkml:8:9");
  EXPECT_THAT(linted.text(), HasSubstr("error[LKML216]"));
}

// The same through `lkml lint`: one error, the cascade printed under it as a note, exit 1.
TEST(RootCauses, LintCliPrintsTheCascadeUnderItsRoot) {
  TempProject p(
      {{"m.model.lkml", "connection: \"db\"\ninclude: \"/view/*.view\"\nexplore: users {}\n"},
       {"views/users.view.lkml", "view: users {\n  sql_table_name: public.users ;;\n}\n"}});
  std::string out;
  int status = test::runLkml("lint " + test::quoted(p.root()) + " --color never", &out);
  EXPECT_EQ(status, 1);
  EXPECT_THAT(out, HasSubstr("m.model.lkml:2:10: error[LKML216]: include `/view/*.view` does not "
                             "match any file"));
  EXPECT_THAT(out, HasSubstr("= note: follows from this: error[LKML228] explore `users` has no "
                             "view named `users`"));
  EXPECT_THAT(out, HasSubstr("= help: did you mean `/views/*.view`?"));
  EXPECT_EQ(out.find("error[LKML228]: "), std::string::npos) << out;  // not on its own
}

// No suggestion (the folder name is nothing like `views/`), but the view exists in a project
// file the model does not include: still the include's cascade.
TEST(RootCauses, AViewDefinedInAFileTheModelDoesNotIncludeFollowsTheBrokenInclude) {
  TempProject p(
      {{"m.model.lkml", "connection: \"db\"\ninclude: \"/zzz/*.view\"\nexplore: orders {}\n"},
       {"views/orders.view.lkml", "view: orders {\n  sql_table_name: public.o ;;\n}\n"}});
  Linted linted = test::lintProject(p);
  ASSERT_EQ(linted.diagnostics.size(), 1u) << linted.text();
  EXPECT_EQ(linted.diagnostics[0].code, 216);
  EXPECT_EQ(linted.diagnostics[0].severity, Severity::Error);
  ASSERT_EQ(linted.diagnostics[0].notes.size(), 1u);
  EXPECT_THAT(linted.diagnostics[0].notes[0].message, HasSubstr("`orders`"));
}

// A view that no project file defines is not the include's fault: both stay, the include a
// warning, and the order stays file then line.
TEST(RootCauses, UnrelatedFindingsKeepTheirPlaceAndSeverity) {
  TempProject p(
      {{"m.model.lkml", "connection: \"db\"\ninclude: \"/zzz/*.view\"\nexplore: nowhere {}\n"}});
  Linted linted = test::lintProject(p);
  ASSERT_EQ(linted.count(216), 1u) << linted.text();
  EXPECT_EQ(linted.withCode(216)[0]->severity, Severity::Warning);
  EXPECT_TRUE(linted.withCode(216)[0]->notes.empty());
  EXPECT_GE(linted.diagnostics.size(), 2u);
  EXPECT_EQ(linted.diagnostics[0].code, 216);  // line 2 before line 3
}

// A '}' missing in `dimension: id` makes `dimension: status` a parameter of it (LKML201): the
// unclosed block is the root, the unknown parameter its note.
TEST(RootCauses, UnknownParameterAfterTheBlockMissingItsBraceFollowsTheSyntaxError) {
  TempProject p({{"m.model.lkml", test::modelIncludingAll()},
                 {"orders.view.lkml",
                  "view: orders {\n  dimension: id {\n    type: number\n    sql: ${TABLE}.id ;;\n"
                  "  dimension: status {\n    type: string\n  }\n}\n"}});
  Linted linted = test::lintProject(p);
  ASSERT_EQ(linted.count(102), 1u) << linted.text();
  EXPECT_EQ(linted.count(201), 0u) << linted.text();
  const Diagnostic& root = *linted.withCode(102)[0];
  ASSERT_EQ(root.notes.size(), 2u) << linted.text();
  EXPECT_THAT(root.notes[0].message, HasSubstr("`dimension: id` at 2:3"));
  EXPECT_THAT(root.notes[1].message,
              HasSubstr("follows from this: error[LKML201] unknown parameter `dimension`"));
}

// `Diagnostic::cause` links (set by schema and SQL validation checks): the finding goes under
// its cause, which takes the higher severity and comes first; chains end at the top.
TEST(RootCauses, CauseLinksFoldIntoTheFindingAtThatSpan) {
  auto diag = [](int code, Severity severity, uint32_t begin, const std::string& message) {
    Diagnostic d;
    d.code = code;
    d.severity = severity;
    d.span = Span{1, begin, begin + 3};
    d.message = message;
    return d;
  };
  std::vector<Diagnostic> all = {diag(205, Severity::Warning, 10, "a"),
                                 diag(301, Severity::Warning, 50, "table missing"),
                                 diag(310, Severity::Info, 90, "fk not followed"),
                                 diag(315, Severity::Error, 120, "join fails")};
  all[2].cause = all[1].span;  // 310 follows from 301
  all[3].cause = all[2].span;  // a chain: 315 -> 310 -> 301
  ProjectSources sources;
  groupRootCauses(&all, sources, nullptr);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].code, 301);  // the root of a cascade comes first
  EXPECT_EQ(all[0].severity, Severity::Error);
  ASSERT_EQ(all[0].notes.size(), 2u);
  EXPECT_THAT(all[0].notes[0].message, HasSubstr("LKML310"));
  EXPECT_THAT(all[0].notes[1].message, HasSubstr("LKML315"));
  EXPECT_EQ(all[1].code, 205);
  EXPECT_TRUE(all[1].notes.empty());
}

}  // namespace
}  // namespace lkml::semantic
