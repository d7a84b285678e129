// `lkml lsp` at the protocol level (lsp::Server in process, over pipes): the lifecycle, text
// synchronisation in UTF-16 and UTF-8, diagnostics equal to `lkml lint`'s, code actions,
// watched files, and errors for every kind of bad input.
#include <gtest/gtest.h>

#include <sstream>

#include <filesystem>
#include <fstream>

#include "tests/unit/lsp/lsp_test_util.h"
#include "tests/unit/semantic/semantic_test_util.h"

namespace lkml::lsp {
namespace {

using semantic::test::TempProject;
using test::doc;
using test::position;
using test::range;
using test::Session;

const char* kModel = R"(connection: "db"
include: "/views/*.view"
explore: orders {
  join: users {
    type: left_outer
    relationship: many_to_one
    sql_on: ${orders.user_id} = ${users.id} ;;
  }
}
)";

const char* kOrders = R"(view: orders {
  sql_table_name: public.orders ;;
  dimension: id {
    primary_key: yes
    type: number
    sql: ${TABLE}.id ;;
  }
  dimension: user_id {
    type: number
    sql: ${TABLE}.user_id ;;
  }
  measure: count {
    type: count
  }
}
)";

const char* kUsers = R"(view: users {
  sql_table_name: public.users ;;
  dimension: id {
    primary_key: yes
    type: number
    sql: ${TABLE}.id ;;
  }
}
)";

// Line 8 (0-based) of kOrders is "    type: number": the typo makes it `typ`.
std::string ordersWithTypo() {
  std::string text = kOrders;
  text.replace(text.find("    type: number\n    sql: ${TABLE}.user_id"), 8, "    typ");
  return text;
}

struct Fixture {
  TempProject project{{"manifest.lkml", "project_name: \"p\"\n"},
                      {"m.model.lkml", kModel},
                      {"views/orders.view.lkml", kOrders},
                      {"views/users.view.lkml", kUsers}};
  std::string path(const std::string& rel) const { return project.root() + "/" + rel; }
};

TEST(LspServer, InitializeAdvertisesIncrementalSyncInUtf16) {
  Fixture f;
  Session s;
  Json r = s.start(f.project.root());
  const Json& caps = r["result"]["capabilities"];
  EXPECT_EQ(caps["positionEncoding"], "utf-16");
  EXPECT_EQ(caps["textDocumentSync"]["change"], 2);
  EXPECT_EQ(caps["textDocumentSync"]["openClose"], true);
  EXPECT_EQ(caps["completionProvider"]["triggerCharacters"], Json::array({"{", ".", ":"}));
  EXPECT_EQ(caps["codeActionProvider"]["codeActionKinds"], Json::array({"quickfix"}));
  EXPECT_EQ(r["result"]["serverInfo"]["name"], "lkml");
  EXPECT_EQ(s.stop(), 0);
}

TEST(LspServer, NegotiatesUtf8WhenTheClientOffersIt) {
  Fixture f;
  Session s;
  Json r =
      s.start(f.project.root(),
              Json{{"general", Json{{"positionEncodings", Json::array({"utf-8", "utf-16"})}}}});
  EXPECT_EQ(r["result"]["capabilities"]["positionEncoding"], "utf-8");
  EXPECT_EQ(s.stop(), 0);
}

TEST(LspServer, RequestsBeforeInitializeAndAfterShutdownAreRefused) {
  Fixture f;
  Session s;
  Json early = s.call(1, "workspace/symbol", Json{{"query", ""}});
  EXPECT_EQ(early["error"]["code"], -32002);
  s.start(f.project.root());
  Json again = s.call(2, "initialize", Json{{"capabilities", Json::object()}});
  EXPECT_EQ(again["error"]["code"], -32600);
  s.call(3, "shutdown");
  Json late = s.call(4, "workspace/symbol", Json{{"query", ""}});
  EXPECT_EQ(late["error"]["code"], -32600);
  s.notify("exit");
  EXPECT_EQ(s.finish(), 0);
}

TEST(LspServer, ExitWithoutShutdownExitsWithOne) {
  Fixture f;
  Session s;
  s.start(f.project.root());
  s.notify("exit");
  EXPECT_EQ(s.finish(), 1);
}

TEST(LspServer, EndOfInputWithoutExitEndsTheServer) {
  Session s;
  s.raw(test::frame(R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{}})"));
  Json r = s.waitFor([](const Json& m) { return m.contains("id"); });
  EXPECT_TRUE(r.contains("result"));
  EXPECT_EQ(s.finish(), 1);
}

TEST(LspServer, MalformedMessagesGetErrorsAndTheServerCarriesOn) {
  Fixture f;
  Session s;
  s.start(f.project.root());
  s.raw(test::frame("{not json"));
  Json parse_error = s.waitFor([](const Json& m) { return m.contains("error"); });
  EXPECT_EQ(parse_error["error"]["code"], -32700);
  EXPECT_TRUE(parse_error["id"].is_null());
  s.raw("X-Header: 1\r\n\r\n");  // no Content-Length
  Json header_error = s.waitFor([](const Json& m) { return m.contains("error"); });
  EXPECT_EQ(header_error["error"]["code"], -32700);
  s.raw(test::frame("[1,2,3]"));
  EXPECT_EQ(s.waitFor([](const Json& m) { return m.contains("error"); })["error"]["code"], -32600);
  s.raw(test::frame(std::string(2000, '[') + std::string(2000, ']')));
  EXPECT_EQ(s.waitFor([](const Json& m) { return m.contains("error"); })["error"]["code"], -32700);
  Json unknown = s.call(5, "textDocument/semanticTokens/full", Json{{"textDocument", doc("/x")}});
  EXPECT_EQ(unknown["error"]["code"], -32601);
  Json bad_params = s.call(6, "textDocument/hover",
                           Json{{"textDocument", doc(f.path("views/orders.view.lkml"))},
                                {"position", Json{{"line", "one"}, {"character", 0}}}});
  EXPECT_EQ(bad_params["error"]["code"], -32602);
  Json no_params = s.call(7, "textDocument/definition", Json::array());
  EXPECT_EQ(no_params["error"]["code"], -32602);
  // Invalid UTF-8 inside a JSON string (a raw 0xFF byte): replaced, the document still linted.
  std::string text = ordersWithTypo();
  std::string body =
      Json{{"jsonrpc", "2.0"},
           {"method", "textDocument/didOpen"},
           {"params",
            Json{{"textDocument", Json{{"uri", pathToUri(f.path("views/orders.view.lkml"))},
                                       {"languageId", "lookml"},
                                       {"version", 1},
                                       {"text", text}}}}}}
          .dump();
  body.replace(body.find("view: orders"), 1, "\xFF\xFE");
  s.raw(test::frame(body));
  Json diagnostics = s.diagnostics(f.path("views/orders.view.lkml"));
  ASSERT_TRUE(diagnostics.is_array());
  EXPECT_FALSE(diagnostics.empty());
  EXPECT_EQ(s.stop(), 0);
}

TEST(LspServer, DiagnosticsAreTheOnesLintPrints) {
  Fixture f;
  f.project.write("views/orders.view.lkml", ordersWithTypo());
  std::string lint_output;
  semantic::test::runLkml("lint --format json " + semantic::test::quoted(f.project.root()),
                          &lint_output);
  Json lint = Json::parse(lint_output)["diagnostics"];
  ASSERT_EQ(lint.size(), 1u);
  f.project.write("views/orders.view.lkml", kOrders);  // the typo is only in the editor now

  Session s;
  s.start(f.project.root());
  s.open(f.path("views/orders.view.lkml"), ordersWithTypo());
  Json got = s.diagnostics(f.path("views/orders.view.lkml"));
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0]["code"], lint[0]["code"]);
  EXPECT_EQ(got[0]["source"], "lkml");
  EXPECT_EQ(got[0]["severity"], 1);
  EXPECT_EQ(got[0]["message"], lint[0]["message"].get<std::string>() +
                                   "\nhelp: " + lint[0]["help"].get<std::string>());
  EXPECT_EQ(got[0]["range"]["start"],
            position(lint[0]["line"].get<uint32_t>() - 1, lint[0]["column"].get<uint32_t>() - 1));
  EXPECT_EQ(got[0]["range"]["end"], position(lint[0]["end_line"].get<uint32_t>() - 1,
                                             lint[0]["end_column"].get<uint32_t>() - 1));
  EXPECT_EQ(s.stop(), 0);
}

TEST(LspServer, IncrementalEditThatFixesTheTypoClearsTheDiagnostics) {
  Fixture f;
  Session s;
  s.start(f.project.root());
  std::string path = f.path("views/orders.view.lkml");
  s.open(path, ordersWithTypo());
  EXPECT_EQ(s.diagnostics(path).size(), 1u);
  s.change(path, Json::array({Json{{"range", range(8, 4, 8, 7)}, {"text", "type"}}}), 2);
  EXPECT_EQ(s.diagnostics(path), Json::array());
  // And back: a half-typed block is a syntax error in this file only.
  s.change(path,
           Json::array({Json{{"range", range(12, 0, 12, 0)}, {"text", "  dimension: x {\n"}}}), 3);
  Json broken = s.diagnostics(path);
  ASSERT_FALSE(broken.empty());
  EXPECT_EQ(broken[0]["code"].get<std::string>().substr(0, 5), "LKML1");
  EXPECT_EQ(s.stop(), 0);
}

TEST(LspServer, AnEditThatKeepsTheFileShapeIsAnsweredFirst) {
  Fixture f;
  std::ostringstream log;
  ServerOptions options;
  options.log = &log;
  {
    Session s(options);
    s.start(f.project.root());
    std::string path = f.path("views/orders.view.lkml");
    s.open(path, kOrders);
    // A typo inside the view: the file's own findings are published before the project is
    // checked whole, and equal what lint prints.
    s.change(path, Json::array({Json{{"range", range(8, 4, 8, 8)}, {"text", "typ"}}}), 2);
    Json first = s.diagnostics(path);
    ASSERT_EQ(first.size(), 1u);
    EXPECT_EQ(first[0]["code"], "LKML201");
    EXPECT_EQ(s.stop(), 0);
  }
  EXPECT_NE(log.str().find("edited files answered first"), std::string::npos) << log.str();
}

TEST(LspServer, PositionsCountUtf16CodeUnitsOrBytesWhenUtf8IsNegotiated) {
  for (bool utf8 : {false, true}) {
    Fixture f;
    Session s;
    Json caps = utf8 ? Json{{"general", Json{{"positionEncodings", Json::array({"utf-8"})}}}}
                     : Json::object();
    s.start(f.project.root(), caps);
    std::string path = f.path("views/orders.view.lkml");
    std::string text = kOrders;
    // Two characters above U+FFFF before the typo on its line: 4 UTF-16 units, 8 bytes.
    text.replace(text.find("    type: number\n    sql: ${TABLE}.user_id"), 8,
                 "    label: \"\xF0\x9F\x98\x80\xF0\x9F\x98\x80\" typ");
    s.open(path, text);
    Json got = s.diagnostics(path);
    ASSERT_EQ(got.size(), 1u);
    uint32_t start = utf8 ? 4 + 7 + 1 + 8 + 1 + 1 : 4 + 7 + 1 + 4 + 1 + 1;
    EXPECT_EQ(got[0]["range"], range(8, start, 8, start + 3)) << (utf8 ? "utf-8" : "utf-16");
    // An edit addressed in the same units lands on the typo.
    s.change(path, Json::array({Json{{"range", range(8, start, 8, start + 3)}, {"text", "type"}}}),
             2);
    EXPECT_EQ(s.diagnostics(path), Json::array());
    EXPECT_EQ(s.stop(), 0);
  }
}

TEST(LspServer, CodeActionOffersTheFixLintApplies) {
  Fixture f;
  Session s;
  s.start(f.project.root());
  std::string path = f.path("views/orders.view.lkml");
  s.open(path, ordersWithTypo());
  s.diagnostics(path);
  Json r = s.call(7, "textDocument/codeAction",
                  Json{{"textDocument", doc(path)},
                       {"range", range(8, 5, 8, 5)},
                       {"context", Json{{"diagnostics", Json::array()}}}});
  ASSERT_EQ(r["result"].size(), 1u);
  const Json& action = r["result"][0];
  EXPECT_EQ(action["kind"], "quickfix");
  EXPECT_EQ(action["diagnostics"][0]["code"], "LKML201");
  const Json& edits = action["edit"]["changes"][pathToUri(path)];
  ASSERT_EQ(edits.size(), 1u);
  EXPECT_EQ(edits[0]["range"], range(8, 4, 8, 7));
  EXPECT_EQ(edits[0]["newText"], "type");
  // Nothing to fix elsewhere in the file; `only` without quickfix gives nothing.
  Json elsewhere = s.call(8, "textDocument/codeAction",
                          Json{{"textDocument", doc(path)},
                               {"range", range(1, 0, 1, 0)},
                               {"context", Json{{"diagnostics", Json::array()}}}});
  EXPECT_EQ(elsewhere["result"], Json::array());
  Json refactor = s.call(
      9, "textDocument/codeAction",
      Json{{"textDocument", doc(path)},
           {"range", range(8, 5, 8, 5)},
           {"context", Json{{"diagnostics", Json::array()}, {"only", Json::array({"refactor"})}}}});
  EXPECT_EQ(refactor["result"], Json::array());
  EXPECT_EQ(s.stop(), 0);
}

TEST(LspServer, RegistersTheFileWatcherWhenTheClientAllowsIt) {
  Fixture f;
  Session s;
  s.start(
      f.project.root(),
      Json{{"workspace", Json{{"didChangeWatchedFiles", Json{{"dynamicRegistration", true}}}}}});
  Json reg =
      s.waitFor([](const Json& m) { return m.value("method", "") == "client/registerCapability"; });
  ASSERT_FALSE(reg.is_null());
  const Json& registration = reg["params"]["registrations"][0];
  EXPECT_EQ(registration["method"], "workspace/didChangeWatchedFiles");
  EXPECT_EQ(registration["registerOptions"]["watchers"][0]["globPattern"], "**/*.lkml");
  // The client's answer is a response without a method: accepted silently.
  s.raw(test::frame(Json{{"jsonrpc", "2.0"}, {"id", reg["id"]}, {"result", nullptr}}.dump()));
  EXPECT_EQ(s.stop(), 0);
}

TEST(LspServer, FilesCreatedAndDeletedOnDiskAreFollowed) {
  Fixture f;
  std::string model = std::string(kModel) + "explore: customers {}\n";
  f.project.write("m.model.lkml", model);
  Session s;
  s.start(f.project.root());
  std::string model_path = f.path("m.model.lkml");
  Json before = s.diagnostics(model_path);
  ASSERT_FALSE(before.empty());  // no view `customers`
  f.project.write("views/customers.view.lkml",
                  "view: customers {\n  sql_table_name: public.c ;;\n  dimension: id {\n"
                  "    primary_key: yes\n    type: number\n    sql: ${TABLE}.id ;;\n  }\n}\n");
  s.notify(
      "workspace/didChangeWatchedFiles",
      Json{{"changes", Json::array({Json{{"uri", pathToUri(f.path("views/customers.view.lkml"))},
                                         {"type", 1}}})}});
  EXPECT_EQ(s.diagnostics(model_path), Json::array());
  std::filesystem::remove(f.path("views/customers.view.lkml"));
  s.notify(
      "workspace/didChangeWatchedFiles",
      Json{{"changes", Json::array({Json{{"uri", pathToUri(f.path("views/customers.view.lkml"))},
                                         {"type", 3}}})}});
  EXPECT_FALSE(s.diagnostics(model_path).empty());
  EXPECT_EQ(s.stop(), 0);
}

TEST(LspServer, FileDeletedWhileOpenAndOutOfRangeEditsNeverCrash) {
  Fixture f;
  Session s;
  s.start(f.project.root());
  std::string path = f.path("views/users.view.lkml");
  s.open(path, kUsers);
  std::filesystem::remove(path);
  s.notify("workspace/didChangeWatchedFiles",
           Json{{"changes", Json::array({Json{{"uri", pathToUri(path)}, {"type", 3}}})}});
  // Positions past the end, negative and reversed ranges are clamped.
  s.change(path,
           Json::array({Json{{"range", range(1000, 1000, 2000, 5)}, {"text", "\n# tail"}},
                        Json{{"range", Json{{"start", Json{{"line", -3}, {"character", -1}}},
                                            {"end", position(0, 0)}}},
                             {"text", "# head\n"}},
                        Json{{"range", range(2, 10, 1, 0)}, {"text", ""}}}),
           2);
  Json sync = s.call(3, "workspace/symbol", Json{{"query", ""}});
  EXPECT_TRUE(sync.contains("result"));
  s.notify("textDocument/didClose", Json{{"textDocument", doc(path)}});
  // The join to `users` now has no view: the model reports it (perhaps already after the
  // edits broke the view; an unchanged list is not sent again).
  s.call(4, "workspace/symbol", Json{{"query", ""}});
  Json model = s.lastDiagnostics(f.path("m.model.lkml"));
  ASSERT_TRUE(model.is_array());
  EXPECT_FALSE(model.empty());
  // A change to a document never opened is ignored.
  s.change(f.path("views/none.view.lkml"), Json::array({Json{{"text", "view: x {}"}}}), 1);
  EXPECT_EQ(s.stop(), 0);
}

TEST(LspServer, WorkspaceFoldersAddedAndRemoved) {
  Fixture f;
  Fixture other;
  other.project.write("views/orders.view.lkml", ordersWithTypo());
  Session s;
  s.start(f.project.root());
  std::string path = other.path("views/orders.view.lkml");
  Json folder{{"uri", pathToUri(other.project.root())}, {"name", "other"}};
  s.notify("workspace/didChangeWorkspaceFolders",
           Json{{"event", Json{{"added", Json::array({folder})}, {"removed", Json::array()}}}});
  EXPECT_EQ(s.diagnostics(path).size(), 1u);  // from disk: the file was never opened
  s.notify("workspace/didChangeWorkspaceFolders",
           Json{{"event", Json{{"added", Json::array()}, {"removed", Json::array({folder})}}}});
  EXPECT_EQ(s.diagnostics(path), Json::array());
  // didSave changes nothing; $/ notifications need no answer.
  s.notify("textDocument/didSave", Json{{"textDocument", doc(path)}});
  s.notify("$/cancelRequest", Json{{"id", 3}});
  EXPECT_TRUE(s.call(5, "workspace/symbol", Json{{"query", "orders"}}).contains("result"));
  EXPECT_EQ(s.stop(), 0);
}

TEST(LspServer, ADocumentInNoProjectIsOnlyParsed) {
  TempProject loose({{"notes/x.view.lkml", "view: x {\n"}});
  Session s;
  s.start(loose.root() + "/elsewhere");
  std::string path = loose.root() + "/notes/x.view.lkml";
  s.open(path, "view: x {\n");
  Json got = s.diagnostics(path);
  ASSERT_GE(got.size(), 2u);
  bool syntax = false, skipped = false;
  for (const Json& d : got) {
    syntax |= d["code"].get<std::string>().substr(0, 5) == "LKML1" && d["code"] != "LKML122";
    skipped |= d["code"] == "LKML122";
  }
  EXPECT_TRUE(syntax);
  EXPECT_TRUE(skipped);
  s.notify("textDocument/didClose", Json{{"textDocument", doc(path)}});
  EXPECT_EQ(s.diagnostics(path), Json::array());
  EXPECT_EQ(s.stop(), 0);
}

}  // namespace
}  // namespace lkml::lsp
