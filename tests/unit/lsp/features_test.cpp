// The language features of ide/ through the protocol, on a copy of looker/: positions in and
// out in UTF-16, locations as file URIs, symbols nested, completion after `${view.`, rename as
// a WorkspaceEdit (and refused with RequestFailed).
#include <gtest/gtest.h>

#include <filesystem>

#include "tests/support/test_paths.h"
#include "tests/unit/lsp/lsp_test_util.h"
#include "tests/unit/semantic/semantic_test_util.h"

namespace lkml::lsp {
namespace {

namespace fs = std::filesystem;
using semantic::test::TempProject;
using test::doc;
using test::position;
using test::Session;

struct Looker {
  TempProject project;
  Looker() {
    fs::copy(lkml::test::sourceDir() + "/looker", project.root(),
             fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  }
  std::string path(const std::string& rel) const { return project.root() + "/" + rel; }
};

// `    sql_on: ${enrollments.user_id} = ${users.id} ;;` is line 14 (0-based); `id` of
// `${users.id}` starts at character 45.
const uint32_t kSqlOnLine = 14, kUsersIdChar = 45;

TEST(LspFeatures, DefinitionJumpsToTheField) {
  Looker l;
  Session s;
  s.start(l.project.root());
  Json r = s.call(1, "textDocument/definition",
                  Json{{"textDocument", doc(l.path("explores/enrollments.explore.lkml"))},
                       {"position", position(kSqlOnLine, kUsersIdChar)}});
  ASSERT_TRUE(r["result"].is_array());
  ASSERT_FALSE(r["result"].empty()) << r.dump();
  EXPECT_EQ(r["result"][0]["uri"], pathToUri(l.path("views/users.view.lkml")));
  EXPECT_EQ(r["result"][0]["range"]["start"]["line"], 7);  // `dimension: id {`
  EXPECT_EQ(s.stop(), 0);
}

TEST(LspFeatures, ReferencesFindEveryUse) {
  Looker l;
  Session s;
  s.start(l.project.root());
  Json r = s.call(1, "textDocument/references",
                  Json{{"textDocument", doc(l.path("explores/enrollments.explore.lkml"))},
                       {"position", position(kSqlOnLine, kUsersIdChar)},
                       {"context", Json{{"includeDeclaration", true}}}});
  ASSERT_TRUE(r["result"].is_array());
  bool declaration = false, use = false;
  for (const Json& loc : r["result"]) {
    declaration |= loc["uri"] == pathToUri(l.path("views/users.view.lkml"));
    use |= loc["uri"] == pathToUri(l.path("explores/enrollments.explore.lkml")) &&
           loc["range"]["start"] == position(kSqlOnLine, kUsersIdChar);
  }
  EXPECT_TRUE(declaration) << r.dump();
  EXPECT_TRUE(use) << r.dump();
  EXPECT_EQ(s.stop(), 0);
}

TEST(LspFeatures, DocumentAndWorkspaceSymbols) {
  Looker l;
  Session s;
  s.start(l.project.root());
  Json r = s.call(1, "textDocument/documentSymbol",
                  Json{{"textDocument", doc(l.path("views/enrollments.view.lkml"))}});
  ASSERT_EQ(r["result"].size(), 1u) << r.dump();
  const Json& view = r["result"][0];
  EXPECT_EQ(view["name"], "enrollments");
  EXPECT_EQ(view["kind"], 5);
  bool count = false;
  for (const Json& child : view["children"]) count |= child["name"] == "count";
  EXPECT_TRUE(count);
  Json w = s.call(2, "workspace/symbol", Json{{"query", "enrollments_int"}});
  ASSERT_FALSE(w["result"].empty());
  EXPECT_EQ(w["result"][0]["name"], "enrollments_internal");
  EXPECT_EQ(w["result"][0]["location"]["uri"],
            pathToUri(l.path("explores/enrollments.explore.lkml")));
  EXPECT_EQ(s.stop(), 0);
}

TEST(LspFeatures, HoverShowsMarkdown) {
  Looker l;
  Session s;
  s.start(l.project.root());
  Json r = s.call(1, "textDocument/hover",
                  Json{{"textDocument", doc(l.path("explores/enrollments.explore.lkml"))},
                       {"position", position(kSqlOnLine, kUsersIdChar)}});
  ASSERT_TRUE(r["result"].is_object()) << r.dump();
  EXPECT_EQ(r["result"]["contents"]["kind"], "markdown");
  EXPECT_NE(r["result"]["contents"]["value"].get<std::string>().find("User ID"), std::string::npos);
  EXPECT_EQ(r["result"]["range"]["start"], position(kSqlOnLine, kUsersIdChar));
  Json none = s.call(2, "textDocument/hover",
                     Json{{"textDocument", doc(l.path("explores/enrollments.explore.lkml"))},
                          {"position", position(0, 0)}});
  EXPECT_TRUE(none["result"].is_null());
  EXPECT_EQ(s.stop(), 0);
}

TEST(LspFeatures, CompletionOfAFieldAfterAnEdit) {
  Looker l;
  Session s;
  s.start(l.project.root());
  std::string path = l.path("explores/enrollments.explore.lkml");
  s.open(path, lkml::test::readText(path));
  // Type `${users.` in place of `${users.id}` and ask at the end of it.
  s.change(path,
           Json::array(
               {Json{{"range", test::range(kSqlOnLine, kUsersIdChar, kSqlOnLine, kUsersIdChar + 3)},
                     {"text", ""}}}),
           2);
  Json r = s.call(1, "textDocument/completion",
                  Json{{"textDocument", doc(path)},
                       {"position", position(kSqlOnLine, kUsersIdChar)},
                       {"context", Json{{"triggerKind", 2}, {"triggerCharacter", "."}}}});
  ASSERT_TRUE(r["result"]["items"].is_array()) << r.dump();
  bool id = false;
  for (const Json& item : r["result"]["items"]) {
    if (item["label"] == "id") {
      id = true;
      EXPECT_EQ(item["kind"], 5);  // Field
    }
  }
  EXPECT_TRUE(id) << r.dump();
  EXPECT_EQ(s.stop(), 0);
}

TEST(LspFeatures, RenameIsAWorkspaceEditOrARefusal) {
  Looker l;
  Session s;
  s.start(l.project.root());
  std::string explore = l.path("explores/enrollments.explore.lkml");
  Json prepare = s.call(
      1, "textDocument/prepareRename",
      Json{{"textDocument", doc(explore)}, {"position", position(kSqlOnLine, kUsersIdChar + 1)}});
  ASSERT_TRUE(prepare["result"].is_object()) << prepare.dump();
  EXPECT_EQ(prepare["result"]["range"],
            test::range(kSqlOnLine, kUsersIdChar, kSqlOnLine, kUsersIdChar + 2));
  EXPECT_EQ(prepare["result"]["placeholder"], "id");
  Json r = s.call(2, "textDocument/rename",
                  Json{{"textDocument", doc(explore)},
                       {"position", position(kSqlOnLine, kUsersIdChar)},
                       {"newName", "user_id"}});
  ASSERT_TRUE(r["result"].is_object()) << r.dump();
  const Json& changes = r["result"]["changes"];
  ASSERT_TRUE(changes.contains(pathToUri(l.path("views/users.view.lkml")))) << r.dump();
  ASSERT_TRUE(changes.contains(pathToUri(explore)));
  bool at_use = false;
  for (const Json& edit : changes[pathToUri(explore)]) {
    EXPECT_EQ(edit["newText"], "user_id");
    at_use |= edit["range"]["start"] == position(kSqlOnLine, kUsersIdChar);
  }
  EXPECT_TRUE(at_use);
  Json refused = s.call(3, "textDocument/rename",
                        Json{{"textDocument", doc(explore)},
                             {"position", position(kSqlOnLine, kUsersIdChar)},
                             {"newName", "not a name"}});
  EXPECT_EQ(refused["error"]["code"], -32803) << refused.dump();
  EXPECT_FALSE(refused["error"]["message"].get<std::string>().empty());
  EXPECT_EQ(s.stop(), 0);
}

}  // namespace
}  // namespace lkml::lsp
