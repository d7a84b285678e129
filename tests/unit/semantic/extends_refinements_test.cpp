// `extends` and refinements (`view: +name`), merged on syntax nodes before lowering, and the
// rules that pick an explore's base view (from, view_name, the explore's own name).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "tests/unit/semantic/semantic_test_util.h"

namespace lkml::semantic {
namespace {

using test::Linted;
using test::TempProject;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

const std::string kModel = "connection: \"db\"\ninclude: \"/*.view\"\n";

const Field& fieldOf(const Linted& linted, const std::string& view, const std::string& field) {
  static const Field missing;
  const Model* m = linted.model("m");
  const View* v = m ? m->findView(view) : nullptr;
  const Field* f = v ? v->findField(field) : nullptr;
  EXPECT_NE(f, nullptr) << view << "." << field;
  return f ? *f : missing;
}

TEST(Extends, SeveralParentsLaterParentWinsChildWinsOverAll) {
  TempProject p({{"m.model.lkml", kModel}, {"v.view.lkml", R"(
view: p1 {
  extension: required
  sql_table_name: schema.p1 ;;
  label: "P1"
  dimension: id { primary_key: yes sql: ${TABLE}.p1_id ;; }
  dimension: both { sql: 'p1' ;; }
  dimension: only1 { sql: 'one' ;; }
}
view: p2 {
  sql_table_name: schema.p2 ;;
  dimension: both { sql: 'p2' ;; }
  dimension: only2 { sql: 'two' ;; }
}
view: child {
  extends: [p1, p2]
  label: "Child"
  dimension: only2 { sql: 'mine' ;; }
}
)"}});
  Linted linted = test::lintProject(p);
  EXPECT_THAT(linted.messages(), IsEmpty());
  const View* child = linted.model("m")->findView("child");
  ASSERT_NE(child, nullptr);
  EXPECT_EQ(child->sql_table_name.text, "schema.p2");  // later parent wins a conflict
  EXPECT_EQ(child->label, "Child");                    // the child wins every conflict
  EXPECT_EQ(fieldOf(linted, "child", "both").sql.text, "'p2'");
  EXPECT_EQ(fieldOf(linted, "child", "only1").sql.text, "'one'");
  EXPECT_EQ(fieldOf(linted, "child", "only2").sql.text, "'mine'");
  EXPECT_TRUE(fieldOf(linted, "child", "id").primary_key);  // the primary key is inherited
  EXPECT_THAT(child->extends, ElementsAre("p1", "p2"));
  // Field order: first parent's fields, then the second's new ones, then the child's new ones.
  std::vector<std::string> names;
  for (const Field& f : child->fields) names.push_back(f.name);
  EXPECT_THAT(names, ElementsAre("id", "both", "only1", "only2"));
}

TEST(Extends, FieldLevelMergeKeepsTheParentsSqlWhenTheChildSetsHidden) {
  TempProject p({{"m.model.lkml", kModel}, {"v.view.lkml", R"(
view: base {
  dimension: email {
    type: string
    sql: lower(${TABLE}.email) ;;
    label: "E-mail"
    link: { label: "a" url: "https://a" }
  }
}
view: users {
  extends: [base]
  dimension: email { hidden: yes link: { label: "b" url: "https://b" } }
}
)"}});
  Linted linted = test::lintProject(p);
  EXPECT_THAT(linted.messages(), IsEmpty());
  const Field& email = fieldOf(linted, "users", "email");
  EXPECT_TRUE(email.hidden);
  EXPECT_EQ(email.sql.text, "lower(${TABLE}.email)");
  EXPECT_EQ(email.type, "string");
  EXPECT_EQ(email.label, "E-mail");
  EXPECT_FALSE(fieldOf(linted, "base", "email").hidden);
}

TEST(Extends, ListsAreReplacedNotConcatenated) {
  TempProject p({{"m.model.lkml", kModel}, {"v.view.lkml", R"(
view: base {
  dimension_group: created { type: time timeframes: [raw, date, month] sql: ${TABLE}.c ;; }
  dimension: id { primary_key: yes }
  set: detail { fields: [id] }
}
view: child {
  extends: [base]
  dimension_group: created { timeframes: [year] }
  set: detail { fields: [created_year] }
}
)"}});
  Linted linted = test::lintProject(p);
  EXPECT_THAT(linted.messages(), IsEmpty());
  const View* child = linted.model("m")->findView("child");
  ASSERT_NE(child, nullptr);
  EXPECT_NE(child->findField("created_year"), nullptr);
  EXPECT_EQ(child->findField("created_date"), nullptr);
  ASSERT_NE(child->findSet("detail"), nullptr);
  EXPECT_THAT(child->findSet("detail")->fields, ElementsAre("created_year"));
}

TEST(Extends, ExtensionRequiredIsNotInherited) {
  TempProject p({{"m.model.lkml", kModel + R"(
explore: child {}
explore: base_explore { extension: required view_name: child }
explore: concrete { extends: [base_explore] }
)"},
                 {"v.view.lkml", R"(
view: base { extension: required dimension: id { primary_key: yes } }
view: child { extends: [base] }
)"}});
  Linted linted = test::lintProject(p);
  EXPECT_THAT(linted.messages(), IsEmpty());
  const Model* m = linted.model("m");
  EXPECT_TRUE(m->findView("base")->extension_required);
  EXPECT_FALSE(m->findView("child")->extension_required);
  EXPECT_TRUE(m->findExplore("base_explore")->extension_required);
  EXPECT_FALSE(m->findExplore("concrete")->extension_required);
  EXPECT_EQ(m->findExplore("concrete")->view, "child");  // view_name is inherited
  EXPECT_EQ(m->findExplore("concrete")->alias, "child");
}

TEST(Extends, ExtendsOfExtendsAndJoinsMergeByName) {
  TempProject p({{"m.model.lkml", kModel + R"(
explore: base {
  extension: required
  view_name: a
  join: b { sql_on: ${a.id} = ${b.id} ;; relationship: many_to_one type: inner }
}
explore: middle { extends: [base] join: c { sql_on: ${a.id} = ${c.id} ;; relationship: one_to_one } }
explore: last { extends: [middle] label: "Last" join: b { type: left_outer } }
)"},
                 {"v.view.lkml", R"(
view: a { dimension: id { primary_key: yes } }
view: b { dimension: id { primary_key: yes } }
view: c { dimension: id { primary_key: yes } }
)"}});
  Linted linted = test::lintProject(p);
  EXPECT_THAT(linted.messages(), IsEmpty());
  const Explore* last = linted.model("m")->findExplore("last");
  ASSERT_NE(last, nullptr);
  ASSERT_EQ(last->joins.size(), 2u);
  EXPECT_EQ(last->joins[0].name, "b");
  EXPECT_EQ(last->joins[0].type, JoinType::LeftOuter);         // overridden
  EXPECT_EQ(last->joins[0].sql_on.text, "${a.id} = ${b.id}");  // kept
  EXPECT_EQ(last->joins[1].name, "c");
  EXPECT_EQ(last->label, "Last");
}

TEST(Extends, CycleIsAnErrorWithTheChain) {
  TempProject p(
      {{"m.model.lkml", kModel}, {"v.view.lkml", R"(view: a { extends: [b] dimension: x {} }
view: b { extends: [c] }
view: c { extends: [a] }
view: self { extends: [self] }
)"}});
  Linted linted = test::lintProject(p);
  EXPECT_THAT(linted.messages(), ElementsAre("LKML219: view `c` extends itself: a -> b -> c -> a",
                                             "LKML219: view `self` extends itself: self -> self"));
  auto cycles = linted.withCode(219);
  ASSERT_EQ(cycles.size(), 2u);
  EXPECT_EQ(linted.where(*cycles[0], p.root()), "v.view.lkml:3:21");
  EXPECT_EQ(cycles[0]->help, "remove one of the `extends` in the cycle");
  // The views still exist (the cyclic parent is skipped), so nothing cascades.
  EXPECT_NE(linted.model("m")->findView("a")->findField("x"), nullptr);
}

TEST(Extends, ExploreCycle) {
  TempProject p({{"m.model.lkml", kModel + R"(
explore: e1 { extends: [e2] view_name: v }
explore: e2 { extends: [e1] view_name: v }
)"},
                 {"v.view.lkml", "view: v { dimension: id {} }\n"}});
  Linted linted = test::lintProject(p);
  EXPECT_THAT(linted.messages(),
              ElementsAre("LKML219: explore `e2` extends itself: e1 -> e2 -> e1"));
}

TEST(Extends, UnknownParentHasADidYouMean) {
  TempProject p({{"m.model.lkml", kModel + "explore: e { extends: [bse] view_name: users }\n"
                                           "explore: bsae { extension: required }\n"},
                 {"v.view.lkml", "view: base {}\nview: users { extends: [bsae] }\n"}});
  Linted linted = test::lintProject(p);
  EXPECT_THAT(linted.messages(), ElementsAre("LKML204: explore `e` extends unknown explore `bse`",
                                             "LKML204: view `users` extends unknown view `bsae`"));
  EXPECT_EQ(linted.diagnostics[0].help, "did you mean `bsae`?");
  EXPECT_EQ(linted.diagnostics[1].help, "did you mean `base`?");
}

TEST(Extends, ChildReceivesTheParentWithItsRefinements) {
  TempProject p({{"m.model.lkml", kModel},
                 {"a.view.lkml",
                  "view: base { dimension: x { sql: 'orig' ;; } }\n"
                  "view: child { extends: [base] }\n"},
                 {"b.view.lkml", "view: +base { dimension: x { sql: 'refined' ;; } }\n"}});
  Linted linted = test::lintProject(p);
  EXPECT_THAT(linted.messages(), IsEmpty());
  EXPECT_EQ(fieldOf(linted, "child", "x").sql.text, "'refined'");
}

// What lowering made of each view: its settings and every field's, with where they are.
std::string describeViews(const Model& model) {
  std::ostringstream out;
  for (const auto& [name, view] : model.views) {
    if (name.rfind("loop_", 0) == 0) continue;
    out << name << " table=" << view.sql_table_name.text << " label=" << view.label
        << " required=" << view.extension_required << " extends=";
    for (const std::string& parent : view.extends) out << parent << ",";
    out << "\n";
    for (const Field& f : view.fields) {
      out << "  " << f.name << " " << f.type << " sql=" << f.sql.text << " label=" << f.label
          << " hidden=" << f.hidden << " pk=" << f.primary_key << " at " << f.span.file << ":"
          << f.span.begin << "-" << f.span.end << "\n";
    }
  }
  return out.str();
}

// Without anything to report, `extends` is resolved level by level of depth on threads; a
// cycle anywhere in the model sends the whole model down the serial depth-first resolution.
// Both build the same views: chains of four, several parents, refinements of parents and
// children (one adding an `extends`), `extension: required` and `final` not inherited.
TEST(Extends, LevelByLevelBuildsWhatTheSerialResolutionBuilds) {
  std::vector<std::pair<std::string, std::string>> files = {{"m.model.lkml", kModel},
                                                            {"a.view.lkml", R"(
view: root { extension: required sql_table_name: s.root ;; dimension: id { primary_key: yes } }
view: mid { extends: [root] dimension: m { sql: 'mid' ;; } measure: n { type: count } }
view: other { dimension: o { sql: 'other' ;; } dimension: m { sql: 'other_m' ;; } }
view: low { extends: [mid, other] label: "Low" dimension: l { type: number sql: 1 ;; } }
view: leaf { extends: [low] dimension: m { hidden: yes } }
view: leaf2 { extends: [low, root] }
view: lone { dimension: x { sql: 'x' ;; } }
)"},
                                                            {"b.view.lkml", R"(
view: +mid { dimension: m { label: "Refined mid" } final: yes }
view: +lone { extends: [other] }
view: +leaf { dimension: added { sql: 'added' ;; } }
)"}};
  TempProject level, serial;
  for (const auto& [path, text] : files) {
    level.write(path, text);
    serial.write(path, text);
  }
  serial.write("zz.view.lkml",
               "view: loop_a { extends: [loop_b] }\nview: loop_b { extends: [loop_a] }\n");
  Linted by_level = test::lintProject(level);
  Linted by_serial = test::lintProject(serial);
  EXPECT_THAT(by_level.messages(), IsEmpty());
  EXPECT_THAT(by_serial.messages(), ElementsAre(::testing::HasSubstr("LKML219")));
  ASSERT_NE(by_level.model("m"), nullptr);
  ASSERT_NE(by_serial.model("m"), nullptr);
  std::string built = describeViews(*by_level.model("m"));
  EXPECT_EQ(built, describeViews(*by_serial.model("m")));
  EXPECT_THAT(built, ::testing::HasSubstr("leaf table=s.root label=Low required=0"));
  EXPECT_EQ(fieldOf(by_level, "leaf", "m").label, "Refined mid");
  EXPECT_EQ(fieldOf(by_level, "lone", "o").sql.text, "'other'");
}

TEST(Refinements, AppliedInIncludeOrderLaterWins) {
  TempProject p({{"m.model.lkml",
                  "connection: \"db\"\ninclude: \"/views/users.view\"\n"
                  "include: \"/refine/z.lkml\"\ninclude: \"/refine/a.lkml\"\n"},
                 {"views/users.view.lkml",
                  "view: users {\n  label: \"Original\"\n"
                  "  dimension: name { sql: ${TABLE}.name ;; }\n}\n"
                  "view: +users { description: \"same file\" }\n"},
                 {"refine/z.lkml",
                  "view: +users { label: \"Z\" dimension: name { label: \"N1\" } }\n"
                  "view: +users { label: \"Z2\" }\n"},
                 {"refine/a.lkml",
                  "view: +users { label: \"A\" dimension: name { label: \"N2\" } "
                  "dimension: extra {} }\n"}});
  Linted linted = test::lintProject(p);
  EXPECT_THAT(linted.messages(), IsEmpty());
  const View* users = linted.model("m")->findView("users");
  ASSERT_NE(users, nullptr);
  // Include order is z.lkml then a.lkml (not alphabetical): a's refinement comes last and wins.
  EXPECT_EQ(users->label, "A");
  EXPECT_EQ(fieldOf(linted, "users", "name").label, "N2");
  EXPECT_EQ(fieldOf(linted, "users", "name").sql.text, "${TABLE}.name");
  EXPECT_NE(users->findField("extra"), nullptr);
}

TEST(Refinements, ExtendsInARefinementIsAdditive) {
  TempProject p({{"m.model.lkml", kModel}, {"v.view.lkml", R"(
view: b1 { dimension: one {} }
view: b2 { dimension: two {} }
view: b3 { dimension: three {} }
view: users { extends: [b1] }
view: +users { extends: [b2] }
view: +users { extends: [b3] }
view: plain { dimension: own {} }
view: +plain { extends: [b1] }
)"}});
  Linted linted = test::lintProject(p);
  EXPECT_THAT(linted.messages(), IsEmpty());
  const View* users = linted.model("m")->findView("users");
  ASSERT_NE(users, nullptr);
  EXPECT_THAT(users->extends, ElementsAre("b1", "b2", "b3"));
  EXPECT_NE(users->findField("one"), nullptr);
  EXPECT_NE(users->findField("two"), nullptr);
  EXPECT_NE(users->findField("three"), nullptr);
  const View* plain = linted.model("m")->findView("plain");
  EXPECT_NE(plain->findField("one"), nullptr);
  EXPECT_NE(plain->findField("own"), nullptr);
}

TEST(Refinements, RefinementAfterFinalIsAnError) {
  TempProject p({{"m.model.lkml", kModel}, {"v.view.lkml", R"(view: users { dimension: id {} }
view: +users { final: yes label: "Final" }
view: +users { label: "Too late" }
)"}});
  Linted linted = test::lintProject(p);
  EXPECT_THAT(linted.messages(),
              ElementsAre("LKML222: `view: +users` refines an object after a `final: yes` "
                          "refinement"));
  const Diagnostic& d = linted.diagnostics[0];
  EXPECT_EQ(linted.where(d, p.root()), "v.view.lkml:3:7");
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_EQ(d.notes[0].message, "the final refinement is here");
  EXPECT_EQ(linted.model("m")->findView("users")->label, "Final");  // the late one is not applied
}

TEST(Refinements, FinalOnTheLastRefinementIsFine) {
  TempProject p(
      {{"m.model.lkml", kModel + "explore: users {}\nexplore: +users { final: yes }\n"},
       {"v.view.lkml", "view: users { dimension: id {} }\nview: +users { final: yes }\n"}});
  EXPECT_THAT(test::lintProject(p).messages(), IsEmpty());
}

TEST(Refinements, UnknownTargetIsAnError) {
  TempProject p({{"m.model.lkml", kModel + "explore: +nothing { label: \"x\" }\n"},
                 {"v.view.lkml", "view: +usres { label: \"x\" }\nview: users {}\n"}});
  Linted linted = test::lintProject(p);
  EXPECT_THAT(linted.messages(), ElementsAre("LKML221: refinement of unknown explore `nothing`",
                                             "LKML221: refinement of unknown view `usres`"));
  EXPECT_EQ(linted.diagnostics[0].help,
            "define `explore: nothing` in a file this model includes, or include the file that "
            "defines it");
  EXPECT_EQ(linted.diagnostics[1].help, "did you mean `view: +users`?");
}

TEST(Refinements, UnknownTargetIsOnlyAWarningWhenTheModelImportsAProject) {
  TempProject p({{"m.model.lkml", kModel + "include: \"//other/views/*.view\"\n"
                                           "explore: theirs { join: users { sql_on: 1=1 ;; "
                                           "relationship: many_to_one } }\n"},
                 {"v.view.lkml", "view: +their_view { label: \"x\" }\nview: users {}\n"}});
  Linted linted = test::lintProject(p);
  EXPECT_EQ(linted.errors(), 0u) << linted.text();
  EXPECT_EQ(linted.count(221), 1u);
  EXPECT_EQ(linted.count(228), 1u);  // explore `theirs` without a view of that name
  for (const auto& d : linted.diagnostics) EXPECT_EQ(d.severity, Severity::Warning);
}

TEST(Refinements, ExploreRefinementAddsJoinsAndKeepsTheBase) {
  TempProject p({{"m.model.lkml", kModel + R"(
explore: orders { join: users { sql_on: ${orders.user_id} = ${users.id} ;; relationship: many_to_one } }
explore: +orders {
  join: users { type: inner }
  join: items { sql_on: ${orders.id} = ${items.order_id} ;; relationship: one_to_many }
  access_filter: { field: users.id user_attribute: a }
}
explore: +orders { access_filter: { field: orders.id user_attribute: b } }
)"},
                 {"v.view.lkml", R"(
view: orders { dimension: id { primary_key: yes } dimension: user_id {} }
view: users { dimension: id { primary_key: yes } }
view: items { dimension: order_id {} }
)"}});
  Linted linted = test::lintProject(p);
  EXPECT_THAT(linted.messages(), IsEmpty());
  const Explore* orders = linted.model("m")->findExplore("orders");
  ASSERT_NE(orders, nullptr);
  ASSERT_EQ(orders->joins.size(), 2u);
  EXPECT_EQ(orders->joins[0].type, JoinType::Inner);
  EXPECT_EQ(orders->joins[0].sql_on.text, "${orders.user_id} = ${users.id}");
  ASSERT_EQ(orders->access_filters.size(), 2u);  // access_filter is additive
  EXPECT_EQ(orders->access_filters[0].field, "users.id");
  EXPECT_EQ(orders->access_filters[1].field, "orders.id");
}

TEST(ExploreBaseView, FromViewNameAndDefault) {
  TempProject p({{"m.model.lkml", kModel + R"(
explore: orders {}
explore: renamed { from: orders }
explore: legacy { view_name: orders }
explore: both { from: orders view_name: o }
)"},
                 {"v.view.lkml", "view: orders { dimension: id {} }\n"}});
  Linted linted = test::lintProject(p);
  EXPECT_THAT(linted.messages(), IsEmpty());
  const Model* m = linted.model("m");
  auto base = [&](const std::string& name) {
    const Explore* e = m->findExplore(name);
    return e ? e->view + " AS " + e->alias : "(missing)";
  };
  EXPECT_EQ(base("orders"), "orders AS orders");
  EXPECT_EQ(base("renamed"), "orders AS renamed");
  EXPECT_EQ(base("legacy"), "orders AS orders");
  EXPECT_EQ(base("both"), "orders AS o");
}

TEST(ExploreBaseView, MissingViewAndUnknownFrom) {
  TempProject p({{"m.model.lkml", kModel + R"(
explore: ordres {}
explore: x { from: ordres }
explore: y { view_name: nope }
)"},
                 {"v.view.lkml", "view: orders { dimension: id {} }\n"}});
  Linted linted = test::lintProject(p);
  EXPECT_THAT(linted.messages(),
              ElementsAre("LKML228: explore `ordres` has no view named `ordres` and no `from` or "
                          "`view_name`",
                          "LKML204: unknown view `ordres` as the base of explore `x`",
                          "LKML204: unknown view `nope` as the base of explore `y`"));
  EXPECT_EQ(linted.diagnostics[0].help, "add `from: orders`?");
  EXPECT_EQ(linted.diagnostics[1].help, "did you mean `orders`?");
}

TEST(ExploreBaseView, DefaultedBaseViewIsNotInheritedByExtends) {
  // Looker: give the base explore an explicit view_name; a defaulted one names the child.
  TempProject p({{"m.model.lkml", kModel + R"(
explore: orders { extension: required }
explore: orders_ext { extends: [orders] }
)"},
                 {"v.view.lkml", "view: orders { dimension: id {} }\n"}});
  Linted linted = test::lintProject(p);
  EXPECT_THAT(linted.messages(),
              ElementsAre("LKML228: explore `orders_ext` has no view named `orders_ext` and no "
                          "`from` or `view_name`"));
}

TEST(ExploreBaseView, ExtensionRequiredViewCannotBeExplored) {
  TempProject p({{"m.model.lkml", kModel + "explore: base {}\nexplore: ok { from: child }\n"},
                 {"v.view.lkml",
                  "view: base { extension: required dimension: id {} }\n"
                  "view: child { extends: [base] }\n"}});
  Linted linted = test::lintProject(p);
  EXPECT_THAT(linted.messages(),
              ElementsAre("LKML227: view `base` has `extension: required` and cannot be explored "
                          "directly"));
}

}  // namespace
}  // namespace lkml::semantic
