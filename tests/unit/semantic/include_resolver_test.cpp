// Include resolution: glob matching, anchors (root, relative, `../`), the short suffixes,
// includes that match nothing or escape the root, model-in-model includes, include order,
// each file once, and include cycles.
#include "semantic/include_resolver.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "semantic/semantic_diagnostics.h"
#include "tests/unit/semantic/semantic_test_util.h"

namespace lkml::semantic {
namespace {

namespace fs = std::filesystem;
using test::TempProject;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

TEST(GlobMatch, StarMatchesWithinOneSegment) {
  EXPECT_TRUE(globMatch("views/*.view.lkml", "views/users.view.lkml"));
  EXPECT_TRUE(globMatch("views/*", "views/users.view.lkml"));
  EXPECT_TRUE(globMatch("views/u*s.view.lkml", "views/users.view.lkml"));
  EXPECT_TRUE(globMatch("*/*base.view.lkml", "a/orders_base.view.lkml"));
  EXPECT_FALSE(globMatch("views/*.view.lkml", "views/sub/users.view.lkml"));
  EXPECT_FALSE(globMatch("*/*base.view.lkml", "a/b/orders_base.view.lkml"));
  EXPECT_FALSE(globMatch("*/*base.view.lkml", "orders_base.view.lkml"));
  EXPECT_FALSE(globMatch("views/*.view.lkml", "views/users.explore.lkml"));
  EXPECT_FALSE(globMatch("views/users.view.lkml", "views/users.view.lkml.bak"));
}

TEST(GlobMatch, DoubleStarMatchesAnyNumberOfFoldersIncludingNone) {
  EXPECT_TRUE(globMatch("**/*.view.lkml", "users.view.lkml"));  // the root folder too
  EXPECT_TRUE(globMatch("**/*.view.lkml", "views/users.view.lkml"));
  EXPECT_TRUE(globMatch("**/*.view.lkml", "a/b/c/users.view.lkml"));
  EXPECT_TRUE(globMatch("views/**/*.view.lkml", "views/users.view.lkml"));
  EXPECT_TRUE(globMatch("views/**/*.view.lkml", "views/x/y/users.view.lkml"));
  EXPECT_FALSE(globMatch("views/**/*.view.lkml", "other/users.view.lkml"));
  EXPECT_FALSE(globMatch("**/*.view.lkml", "a/users.model.lkml"));
  EXPECT_TRUE(globMatch("**/shared/*.lkml", "shared/grants.lkml"));
  EXPECT_TRUE(globMatch("**/shared/*.lkml", "x/shared/grants.lkml"));
}

TEST(GlobMatch, LiteralPathsMatchExactly) {
  EXPECT_TRUE(globMatch("a/b.lkml", "a/b.lkml"));
  EXPECT_FALSE(globMatch("a/b.lkml", "a/c.lkml"));
  EXPECT_FALSE(globMatch("a/b.lkml", "b.lkml"));
  EXPECT_TRUE(globMatch("*", "x.lkml"));
  EXPECT_FALSE(globMatch("*", "d/x.lkml"));
}

// Loads a project and resolves the includes of one model; returns the included paths.
struct Resolved {
  std::vector<std::string> paths;
  std::vector<Diagnostic> diagnostics;
  bool imports = false;
};

Resolved resolve(const TempProject& project, const std::string& model_path, unsigned threads = 1) {
  Resolved out;
  ProjectSources sources;
  DiagnosticBag bag;
  EXPECT_TRUE(loadProject(project.root(), &sources, bag, 1));
  const ProjectFile* model = sources.find(model_path);
  EXPECT_NE(model, nullptr) << model_path;
  if (!model) return out;
  IncludeResult result =
      resolveIncludes(sources, static_cast<size_t>(model - sources.files.data()), bag, threads);
  for (size_t index : result.files) out.paths.push_back(sources.files[index].path);
  out.diagnostics = bag.diagnostics();
  out.imports = result.imports_projects;
  return out;
}

std::vector<std::string> codesAndMessages(const std::vector<Diagnostic>& diagnostics) {
  std::vector<std::string> out;
  for (const auto& d : diagnostics) out.push_back(d.codeName() + ": " + d.message);
  return out;
}

TEST(IncludeResolver, RootAnchoredGlobWithShorthandSuffix) {
  TempProject p({{"models/m.model.lkml", "connection: \"c\"\ninclude: \"/views/*.view\"\n"},
                 {"views/b.view.lkml", "view: b {}\n"},
                 {"views/a.view.lkml", "view: a {}\n"},
                 {"views/a.explore.lkml", "explore: a {}\n"},
                 {"views/sub/c.view.lkml", "view: c {}\n"}});
  Resolved r = resolve(p, "models/m.model.lkml");
  // Model first, then matches sorted by path; the explore file and the subfolder are not matched.
  EXPECT_THAT(r.paths,
              ElementsAre("models/m.model.lkml", "views/a.view.lkml", "views/b.view.lkml"));
  EXPECT_THAT(r.diagnostics, IsEmpty());
}

TEST(IncludeResolver, DoubleStarIncludesTheRootFolder) {
  TempProject p({{"m.model.lkml", "connection: \"c\"\ninclude: \"/**/*.view\"\n"},
                 {"root.view.lkml", "view: root {}\n"},
                 {"a/b/deep.view.lkml", "view: deep {}\n"}});
  Resolved r = resolve(p, "m.model.lkml");
  EXPECT_THAT(r.paths, ElementsAre("m.model.lkml", "a/b/deep.view.lkml", "root.view.lkml"));
}

TEST(IncludeResolver, FullFileNamesAndBareNamesOfGenericFiles) {
  TempProject p(
      {{"m.model.lkml",
        "connection: \"c\"\ninclude: \"/views/users.view.lkml\"\n"
        "include: \"/shared/grants\"\n"},
       {"views/users.view.lkml", "view: users {}\n"},
       {"shared/grants.lkml", "access_grant: g { user_attribute: a allowed_values: [\"x\"] }\n"}});
  Resolved r = resolve(p, "m.model.lkml");
  EXPECT_THAT(r.paths, ElementsAre("m.model.lkml", "views/users.view.lkml", "shared/grants.lkml"));
  EXPECT_THAT(r.diagnostics, IsEmpty());
}

TEST(IncludeResolver, RelativeIncludesStartAtTheIncludingFilesFolder) {
  TempProject p({{"models/m.model.lkml",
                  "connection: \"c\"\ninclude: \"local.view\"\n"
                  "include: \"../views/*.view\"\n"},
                 {"models/local.view.lkml", "view: local {}\n"},
                 {"views/v.view.lkml", "view: v {}\ninclude: \"sibling.view\"\n"},
                 {"views/sibling.view.lkml", "view: sibling {}\n"},
                 {"local.view.lkml", "view: wrong {}\n"}});
  Resolved r = resolve(p, "models/m.model.lkml");
  // `sibling.view` inside views/v.view.lkml is relative to views/; the glob's matches come in
  // path order, so sibling is reached first and v's include of it adds nothing.
  EXPECT_THAT(r.paths, ElementsAre("models/m.model.lkml", "models/local.view.lkml",
                                   "views/sibling.view.lkml", "views/v.view.lkml"));
  EXPECT_THAT(r.diagnostics, IsEmpty());
}

TEST(IncludeResolver, DotDotInsideTheRootIsAllowed) {
  TempProject p({{"models/sub/m.model.lkml",
                  "connection: \"c\"\ninclude: \"../../views/a.view\"\n"
                  "include: \"/models/../views/b.view\"\n"},
                 {"views/a.view.lkml", "view: a {}\n"},
                 {"views/b.view.lkml", "view: b {}\n"}});
  Resolved r = resolve(p, "models/sub/m.model.lkml");
  EXPECT_THAT(r.paths,
              ElementsAre("models/sub/m.model.lkml", "views/a.view.lkml", "views/b.view.lkml"));
  EXPECT_THAT(r.diagnostics, IsEmpty());
}

TEST(IncludeResolver, EscapingTheRootIsAnErrorAndNothingOutsideIsRead) {
  TempProject outside({{"secret.view.lkml", "view: secret {}\n"}});
  std::string name = fs::path(outside.root()).filename().string();
  TempProject p({{"m.model.lkml", "connection: \"c\"\ninclude: \"../" + name +
                                      "/secret.view\"\ninclude: \"/../x.view\"\n"}});
  Resolved r = resolve(p, "m.model.lkml");
  EXPECT_THAT(r.paths, ElementsAre("m.model.lkml"));
  EXPECT_THAT(
      codesAndMessages(r.diagnostics),
      ElementsAre("LKML217: include `../" + name + "/secret.view` points outside the project root",
                  "LKML217: include `/../x.view` points outside the project root"));
  for (const auto& d : r.diagnostics) EXPECT_EQ(d.severity, Severity::Error);
  // The file outside is neither read nor part of the model.
  test::Linted linted = test::lintProject(p);
  ASSERT_NE(linted.model("m"), nullptr);
  EXPECT_EQ(linted.model("m")->findView("secret"), nullptr);
  for (FileId id = 0; id < linted.loaded->sources.sources->size(); ++id) {
    EXPECT_EQ(linted.loaded->sources.sources->file(id).path().find("secret"), std::string::npos);
  }
}

TEST(IncludeResolver, SymlinkOutOfTheRootIsReportedAndNotRead) {
  TempProject outside({{"secret.view.lkml", "view: secret {}\n"}});
  TempProject p({{"m.model.lkml", "connection: \"c\"\ninclude: \"/*.view\"\n"},
                 {"a.view.lkml", "view: a {}\n"}});
  std::error_code ec;
  fs::create_symlink(outside.path("secret.view.lkml"), p.path("link.view.lkml"), ec);
  if (ec) GTEST_SKIP() << "cannot create symlinks here: " << ec.message();
  ProjectSources sources;
  DiagnosticBag bag;
  ASSERT_TRUE(loadProject(p.root(), &sources, bag, 1));
  EXPECT_EQ(sources.find("link.view.lkml"), nullptr);
  ASSERT_EQ(bag.diagnostics().size(), 1u);
  EXPECT_EQ(bag.diagnostics()[0].code, 217);
  EXPECT_THAT(bag.diagnostics()[0].message, HasSubstr("`link.view.lkml` is a symbolic link to"));
  EXPECT_THAT(bag.diagnostics()[0].message, HasSubstr("outside the project root; it is not read"));
}

TEST(IncludeResolver, SymlinkInsideTheRootKeepsItsOwnPath) {
  TempProject p({{"m.model.lkml", "connection: \"c\"\ninclude: \"/link.view\"\n"},
                 {"real/a.view.lkml", "view: a {}\n"}});
  std::error_code ec;
  fs::create_symlink(p.path("real/a.view.lkml"), p.path("link.view.lkml"), ec);
  if (ec) GTEST_SKIP() << "cannot create symlinks here: " << ec.message();
  Resolved r = resolve(p, "m.model.lkml");
  EXPECT_THAT(r.paths, ElementsAre("m.model.lkml", "link.view.lkml"));
  EXPECT_THAT(r.diagnostics, IsEmpty());
}

TEST(IncludeResolver, NoMatchIsAWarning) {
  TempProject p({{"m.model.lkml",
                  "connection: \"c\"\ninclude: \"/views/*.view\"\n"
                  "include: \"/missing.view.lkml\"\n"}});
  Resolved r = resolve(p, "m.model.lkml");
  EXPECT_THAT(codesAndMessages(r.diagnostics),
              ElementsAre("LKML216: include `/views/*.view` does not match any file",
                          "LKML216: include `/missing.view.lkml` does not match any file"));
  for (const auto& d : r.diagnostics) {
    EXPECT_EQ(d.severity, Severity::Warning);
    EXPECT_EQ(d.help,
              "check the path: patterns start at the project root when they begin with "
              "'/', else at the folder of `m.model.lkml`");
  }
}

TEST(IncludeResolver, NoMatchSuggestsTheMisspeltFolder) {
  TempProject p({{"m.model.lkml", "connection: \"c\"\ninclude: \"/view/*.view\"\n"},
                 {"views/users.view.lkml", "view: users {}\n"}});
  Resolved r = resolve(p, "m.model.lkml");
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].code, 216);
  EXPECT_EQ(r.diagnostics[0].help, "did you mean `/views/*.view`?");
}

TEST(IncludeResolver, NoMatchSuggestsTheClosestFileForATypo) {
  TempProject p({{"m.model.lkml",
                  "connection: \"c\"\ninclude: \"views/user.view\"\n"
                  "include: \"/vews/orders.view.lkml\"\n"},
                 {"views/users.view.lkml", "view: users {}\n"},
                 {"views/orders.view.lkml", "view: orders {}\n"}});
  Resolved r = resolve(p, "m.model.lkml");
  ASSERT_EQ(r.diagnostics.size(), 2u);
  EXPECT_EQ(r.diagnostics[0].help, "did you mean `/views/users.view`?");
  EXPECT_EQ(r.diagnostics[1].help, "did you mean `/views/orders.view.lkml`?");
  ProjectSources sources;
  DiagnosticBag bag;
  ASSERT_TRUE(loadProject(p.root(), &sources, bag, 1));
  IncludeSuggestion fix = suggestInclude(sources, "m.model.lkml", "/view/*.view");
  EXPECT_EQ(fix.include, "/views/*.view");
  EXPECT_EQ(fix.files.size(), 2u);
  // A relative include from a folder that meant the root: the missing leading '/'.
  EXPECT_EQ(suggestInclude(sources, "models/shop.model.lkml", "views/*.view").include,
            "/views/*.view");
  EXPECT_EQ(suggestInclude(sources, "m.model.lkml", "/nothing_like_it/*.view").include, "");
}

TEST(IncludeResolver, ImportedProjectsAreSkippedWithAWarning) {
  TempProject p(
      {{"m.model.lkml", "connection: \"c\"\ninclude: \"//shared_project/views/*.view\"\n"}});
  Resolved r = resolve(p, "m.model.lkml");
  EXPECT_TRUE(r.imports);
  EXPECT_THAT(codesAndMessages(r.diagnostics),
              ElementsAre("LKML216: include `//shared_project/views/*.view` names another project; "
                          "lkml cannot check imported projects, so it is skipped"));
  EXPECT_EQ(r.diagnostics[0].severity, Severity::Warning);
}

TEST(IncludeResolver, DashboardsAreRecognisedByTheirShortSuffix) {
  TempProject p({{"m.model.lkml",
                  "connection: \"c\"\ninclude: \"/dashboards/*.dashboard\"\n"
                  "include: \"/dashboards/one.dashboard\"\n"},
                 {"dashboards/one.dashboard.lookml", "- dashboard: one\n  title: One\n"}});
  Resolved r = resolve(p, "m.model.lkml");
  EXPECT_THAT(r.paths, ElementsAre("m.model.lkml", "dashboards/one.dashboard.lookml"));
  EXPECT_THAT(r.diagnostics, IsEmpty());
}

TEST(IncludeResolver, ModelIncludedByAModelIsAWarningAndMerged) {
  TempProject p({{"a.model.lkml", "connection: \"c\"\ninclude: \"/shared.model\"\n"},
                 {"shared.model.lkml", "connection: \"c\"\ninclude: \"/v.view\"\n"},
                 {"v.view.lkml", "view: v {}\n"}});
  Resolved r = resolve(p, "a.model.lkml");
  EXPECT_THAT(r.paths, ElementsAre("a.model.lkml", "shared.model.lkml", "v.view.lkml"));
  EXPECT_THAT(codesAndMessages(r.diagnostics),
              ElementsAre("LKML218: model file `shared.model.lkml` is included by `a.model.lkml`; "
                          "Looker documents that models are not included, lkml merges its views, "
                          "explores and grants"));
  EXPECT_EQ(r.diagnostics[0].severity, Severity::Warning);
  // A model including itself through a glob is no finding.
  TempProject self({{"a.model.lkml", "connection: \"c\"\ninclude: \"/*.model\"\n"}});
  Resolved s = resolve(self, "a.model.lkml");
  EXPECT_THAT(s.paths, ElementsAre("a.model.lkml"));
  EXPECT_THAT(s.diagnostics, IsEmpty());
}

TEST(IncludeResolver, OrderIsDepthFirstInSourceOrderAndEachFileOnce) {
  TempProject p({{"m.model.lkml",
                  "connection: \"c\"\ninclude: \"/z.lkml\"\n"
                  "include: \"/a.lkml\"\ninclude: \"/*.lkml\"\n"
                  "include: \"/z.lkml\"\n"},
                 {"z.lkml", "include: \"/y.lkml\"\n"},
                 {"y.lkml", "# y\n"},
                 {"a.lkml", "# a\n"},
                 {"b.lkml", "# b\n"}});
  Resolved r = resolve(p, "m.model.lkml");
  EXPECT_THAT(r.paths, ElementsAre("m.model.lkml", "z.lkml", "y.lkml", "a.lkml", "b.lkml"));
  EXPECT_THAT(r.diagnostics, IsEmpty());
}

// Thousands of files each including `/views/*.view` follow that pattern once (a pattern
// followed to its end adds nothing when followed again), and globs matched on threads give
// the same files in the same order.
TEST(IncludeResolver, APatternFollowedAgainAddsNothingWhateverTheThreads) {
  TempProject p;
  p.write("m.model.lkml", "connection: \"c\"\ninclude: \"/e/*.explore\"\n");
  p.write("other.model.lkml", "connection: \"c\"\n");
  for (const char* e : {"a", "b", "c"}) {
    p.write(std::string("e/") + e + ".explore.lkml",
            "include: \"/v/*.view\"\ninclude: \"/*.model\"\nexplore: " + std::string(e) + " {}\n");
  }
  // A view that includes the explores back, while the first explore's views are followed.
  p.write("v/a_back.view.lkml", "include: \"/e/*.explore\"\nview: back {}\n");
  for (int i = 0; i < 600; ++i) {
    p.write("v/v" + std::to_string(1000 + i) + ".view.lkml",
            "view: v" + std::to_string(i) + " {}\n");
  }
  Resolved one = resolve(p, "m.model.lkml", 1);
  ASSERT_EQ(one.paths.size(), 1u + 3 + 601 + 1);
  EXPECT_EQ(std::set<std::string>(one.paths.begin(), one.paths.end()).size(), one.paths.size());
  EXPECT_EQ(one.paths[1], "e/a.explore.lkml");
  EXPECT_EQ(one.paths[2], "v/a_back.view.lkml");
  EXPECT_EQ(one.paths[3], "e/b.explore.lkml");  // reached through the view, depth first
  EXPECT_THAT(codesAndMessages(one.diagnostics),
              ElementsAre(HasSubstr("LKML218: model file `other.model.lkml`")));
  for (unsigned threads : {2u, 4u}) {
    Resolved many = resolve(p, "m.model.lkml", threads);
    EXPECT_EQ(many.paths, one.paths) << threads;
    EXPECT_EQ(codesAndMessages(many.diagnostics), codesAndMessages(one.diagnostics)) << threads;
  }
}

TEST(IncludeResolver, CyclesAreHarmless) {
  TempProject p({{"m.model.lkml", "connection: \"c\"\ninclude: \"/a.view\"\n"},
                 {"a.view.lkml", "include: \"/b.view\"\nview: a {}\n"},
                 {"b.view.lkml", "include: \"/a.view\"\ninclude: \"/b.view\"\nview: b {}\n"}});
  Resolved r = resolve(p, "m.model.lkml");
  EXPECT_THAT(r.paths, ElementsAre("m.model.lkml", "a.view.lkml", "b.view.lkml"));
  EXPECT_THAT(r.diagnostics, IsEmpty());
}

TEST(IncludeResolver, ManifestIsNeverIncluded) {
  TempProject p({{"m.model.lkml", "connection: \"c\"\ninclude: \"/*.lkml\"\n"},
                 {"manifest.lkml", "project_name: \"p\"\n"},
                 {"g.lkml", "# generic\n"}});
  Resolved r = resolve(p, "m.model.lkml");
  EXPECT_THAT(r.paths, ElementsAre("m.model.lkml", "g.lkml"));
}

TEST(IncludeResolver, ObjectsOfFilesNotIncludedStayOutOfTheModel) {
  TempProject p(
      {{"m.model.lkml", "connection: \"c\"\ninclude: \"/views/a.view\"\n"},
       {"views/a.view.lkml", "view: a { dimension: x {} }\n"},
       {"views/b.view.lkml", "view: b { dimension: x {} }\nview: +a { label: \"B\" }\n"}});
  auto linted = test::lintProject(p);
  const Model* m = linted.model("m");
  ASSERT_NE(m, nullptr);
  EXPECT_NE(m->findView("a"), nullptr);
  EXPECT_EQ(m->findView("b"), nullptr);
  EXPECT_EQ(m->findView("a")->label, "");  // the refinement in b.view.lkml is not applied
}

}  // namespace
}  // namespace lkml::semantic
