// Inputs found by the fuzzers (tests/fuzz) and by reviewing the goldens, kept as regressions.
// Each one is parsed, rendered in every format and dumped both ways, as parse_fuzzer does.
#include <gtest/gtest.h>

#include <sstream>

#include "grammar/lexer.h"
#include "grammar/tree_dump.h"
#include "tests/unit/grammar/parse_helpers.h"

namespace lkml::test {
namespace {

// What parse_fuzzer does with every input; returns the tree dump.
std::string parseRenderAndDump(const std::string& input) {
  auto p = parseText(input);
  for (auto format :
       {OutputFormat::Text, OutputFormat::Json, OutputFormat::Sarif, OutputFormat::Github}) {
    std::ostringstream out;
    EXPECT_NO_THROW(renderDiagnostics(out, format, p->diagnostics(), *p->sources, {}));
  }
  std::ostringstream tree;
  EXPECT_NO_THROW(grammar::dumpTree(tree, p->doc));
  EXPECT_NO_THROW(
      grammar::toLkmlJson(p->doc).dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
  return tree.str();
}

// parse_fuzzer crash: dumpTree threw nlohmann::json type_error 316 (uncaught, so `lkml dump`
// aborted) on invalid UTF-8 inside SQL text. Fixed: tree_dump.cpp quotes with U+FFFD.
TEST(FuzzRegressionTest, TreeDumpOfInvalidUtf8InSql) {
  std::string input = "view: a {\r\n\tsql: x\xf1\xf1\xf1\xf1\xf1\xf1\r\n ;;\r\n}\r\n";
  std::string tree = parseRenderAndDump(input);
  EXPECT_NE(tree.find("sql: sql \"x\xef\xbf\xbd"), std::string::npos) << tree;
}

TEST(FuzzRegressionTest, TreeDumpOfInvalidUtf8InComment) {
  std::string tree = parseRenderAndDump("# \xff\n");
  EXPECT_EQ(tree, "comment \"# \xef\xbf\xbd\" @1:1-1:4\n");
}

// Found reviewing the error_invalid_utf8 golden: a Latin-1 byte that looks like a UTF-8 lead
// byte (E9 = "é") made the lexer skip the next two bytes as its "continuation", swallowing
// the " {" of `view: café {` and misparsing the rest of the file. Fixed in lexer.cpp.
TEST(FuzzRegressionTest, LatinOneLeadByteDoesNotSwallowDelimiters) {
  auto p = parseText("view: caf\xe9 {\n  label: \"Caf\xe9\"\n}\n");
  EXPECT_EQ(p->summary(), "LKML105 1:10 invalid UTF-8 at byte offset 9\n");
  ASSERT_EQ(p->doc.members.size(), 1u);
  EXPECT_EQ(p->member(0).value.text, "caf\xe9");
  EXPECT_EQ(p->member(0).child("label")->value.text, "Caf\xe9");
}

TEST(FuzzRegressionTest, TruncatedSequencesNeverSwallowDelimiters) {
  // Every lead byte followed by each ASCII delimiter: the delimiter is its own token.
  for (unsigned lead : {0xC3u, 0xE6u, 0xF0u, 0xF4u}) {
    for (char delimiter : std::string(" \t\n:{}[],\"#")) {
      std::string text = "a";
      text += static_cast<char>(lead);
      text += delimiter;
      text += "b";
      grammar::LexResult r = grammar::lex(text);
      ASSERT_GE(r.tokens.size(), 2u);
      EXPECT_EQ(r.tokens[0].end, 2u) << std::hex << lead << " " << delimiter;
    }
  }
  // Inside a string, a backslash before a bad lead byte escapes that byte only.
  auto p = parseText("label: \"\\\xe9\" x: y");
  EXPECT_EQ(p->doc.members.size(), 2u);
}

// Error recovery must not loop or lose the rest of the file on these shapes.
TEST(FuzzRegressionTest, RecoveryShapes) {
  for (const char* input : {
           "a: [x: y: z] b: 1",
           "a: [[[[ x ]",
           "view: a { \"k\": { b: [ } c: 1 }",
           "view: a { ] ] ] }",
           "a: } } } b: 1",
           "{ } [ ] : , \"",
           "view: a { sql: x ;; ;; ;; }",
           "a: [x, sql: y ;; ]",
           "a: b: c: d: e",
           "\"\" \"\" \"\"",
       }) {
    auto p = parseText(input);
    EXPECT_FALSE(p->diagnostics().empty()) << input;
    EXPECT_FALSE(p->doc.complete) << input;
    parseRenderAndDump(input);
  }
}

}  // namespace
}  // namespace lkml::test
