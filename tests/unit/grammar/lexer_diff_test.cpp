// Differential test: the hand-written lexer (grammar/lexer.cpp) must emit exactly the tokens
// of the generated ANTLR lexer (grammar/LookMLLexer.g4, the specification), over the whole
// shared corpus and over tricky snippets. Adjacent SQL_TEXT tokens are merged (ANTLR splits SQL
// at ';'); comments are compared as their own stream; offsets are compared in bytes.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "grammar/input_checks.h"
#include "tests/fuzz/token_streams.h"
#include "tests/support/test_paths.h"

// The ANTLR 4.9 C++ runtime leaks a config set for each DFA edge whose closure crosses a lexer
// predicate (our SQL_KEY's bracket-depth check): antlr/antlr4#3364. Only the reference lexer
// used here is affected; keep LeakSanitizer quiet about it in sanitizer builds.
extern "C" const char* __lsan_default_suppressions() {
  return "leak:antlr4::atn::LexerATNSimulator::computeTargetState\n";
}

namespace lkml::test {
namespace {

void expectSameTokens(const std::string& text, const std::string& what) {
  ASSERT_FALSE(grammar::findInvalidUtf8(text).has_value()) << what << ": not valid UTF-8";
  TokenStreams antlr = antlrTokens(text);
  TokenStreams hand = handTokens(text);
  EXPECT_EQ(antlr.lexer_errors, 0u) << what;
  EXPECT_EQ(firstDifference(antlr.tokens, hand.tokens), "") << what;
  EXPECT_EQ(firstDifference(antlr.comments, hand.comments), "") << what << " (comments)";
}

// Inputs where a lexer is most likely to go wrong. Each one is lexed on its own and also
// inside a block and inside a list, where the `;;` key rule is switched off.
const std::vector<std::string>& trickySnippets() {
  static const std::vector<std::string> snippets = {
      "",
      " ",
      "\n\r\n\t\f",
      "view: orders { }",
      "dimension: id { sql: ${TABLE}.id ;; }",
      "sql: a;;",
      "sql:;;",
      "sql: ;;;",
      "sql: a;b;;",
      "sql: a; ;;",
      "sql: a;",
      "sql: ;",
      "sql: ;x",
      "sql: a ; b ; c ;;",
      "sql: 'x;;y' ;;",
      "sql: \"x;;y\" ;;",
      "sql: a\n;\n;\n;;",
      "sql_on: ${a.id} = ${b.id};;",
      "sql : x ;;",
      "sql\t\n :x;;",
      "sql_trigger_value: SELECT 1 ;;",
      "html: <b>{{ value }}</b> ;;",
      "expression: ${a} + 1 ;;",
      "expression_custom_filter: x ;;",
      "htmlx: y ;;",
      "sqlfoo_BAR9: y ;;",
      "sql.x: y",
      "sql-x: y",
      "xsql: y",
      "SQL: y",
      "explore: x { }",
      "explore_source: x { column: c { field: v.f } }",
      "sql # not a comment\n: x ;;",
      "sql: # kept as SQL\n x ;;",
      "sql: x -- comment ;;",
      "sql: /* ;; */ x ;;",
      "sql: unterminated",
      "sql: unterminated ;",
      "filters: [sql_flag: \"yes\", expr_date: desc, html_x: \"1\"]",
      "sorts: [sql: desc]",
      "a: [sql: x ;; ]",
      "a: [[sql: x]] sql: y ;;",
      "a: ] sql: y ;;",
      "a: ]] [ sql: y ;;",
      "a: \"[\" sql: y ;;",
      "a: [ \"]\" sql: y ]",
      "label: \"a # b\"",
      "label: \"esc \\\" quote\"",
      "label: \"esc \\\\\"",
      "label: \"multi\nline\"",
      "label: \"unterminated",
      "label: \"unterminated \\",
      "label: \"\\",
      "\"",
      "\"\"",
      "\"\\\"\"",
      "label: \"\\\u00e9\"",
      "value_format: \"$#,##0.00\"",
      "a: @{constant}",
      "a: x@{constant}y",
      "a: @{with space: and , colon}",
      "a: @{unclosed",
      "a: @{",
      "a: @",
      "a: @@{x}",
      "a: @{}",
      "a: @{\xef\xbb\xbf}",
      "a: @{a}}",
      "sql_table_name: @{schema}.orders ;;",
      "timezone: America/Los_Angeles",
      "fields: [-view.field, ALL_FIELDS*, users.detail*, +x]",
      "view: +orders { }",
      "drill_fields: [set*]",
      "a: -10 b: 0.5 c: 1e9",
      "a: yes b: no",
      "a:b:c",
      "a::",
      "a,b,,c",
      "{{}}[[]]",
      "# only a comment",
      "# comment\r\nview: x {} # trailing\n#",
      "a: x#comment",
      "a: \"x\"#comment",
      "#\r#\n#",
      "\xef\xbb\xbfview: x {}",
      "view: x {}\xef\xbb\xbf",
      "view\xef\xbb\xbf: x",
      "sql\xef\xbb\xbf: x ;;",
      "a: b\xef\xbb\xbf\xef\xbb\xbf c",
      "view: caf\u00e9 { label: \"\u65e5\u672c\u8a9e\" }",
      "dimension: \u00fcber { sql: '\U0001F600' ;; }",
      "a: \U0001F600\U0001F600",
      "label: \"\U0001F600\"",
      "# \U0001F600 comment",
      "a: x\x01y",
      "a: \x7f",
      "a: ~!$%^&*()<>?/\\|'`=",
      "a: 'single'",
      "view: a {\r\n  sql: x ;;\r\n}\r\n",
      "a:\tb\tc:\td",
      "filters: { field: x value: \"y\" }",
      "type : inner",
      "a: \"x\" { }",
      "dimension: x {sql:${TABLE}.x;;type:number}",
  };
  return snippets;
}

TEST(LexerDiffTest, TrickySnippets) {
  for (const std::string& snippet : trickySnippets()) {
    expectSameTokens(snippet, "snippet `" + snippet + "`");
    expectSameTokens("view: v {\n  " + snippet + "\n}\n", "in a block: `" + snippet + "`");
    expectSameTokens("a: [" + snippet + "]\nsql: z ;;", "in a list: `" + snippet + "`");
  }
}

// Every pair of snippets glued together, so each one is also seen in many left contexts.
TEST(LexerDiffTest, SnippetPairs) {
  const auto& snippets = trickySnippets();
  for (size_t i = 0; i < snippets.size(); i += 3) {
    for (size_t j = 0; j < snippets.size(); j += 2) {
      expectSameTokens(snippets[i] + snippets[j],
                       "pair " + std::to_string(i) + "," + std::to_string(j));
      expectSameTokens(snippets[i] + "\n" + snippets[j],
                       "pair with newline " + std::to_string(i) + "," + std::to_string(j));
    }
  }
}

TEST(LexerDiffTest, Corpus) {
  std::string corpus = corpusDir();
  if (corpus.empty()) GTEST_SKIP() << "shared LookML corpus not found";
  size_t files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(corpus)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".lkml") continue;
    ++files;
    std::string path = entry.path().string();
    expectSameTokens(readText(path), path);
  }
  EXPECT_GT(files, 100u);
}

}  // namespace
}  // namespace lkml::test
