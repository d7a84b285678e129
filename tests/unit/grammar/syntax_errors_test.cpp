// LKML1xx syntax diagnostics: every code triggered, with its exact message, location, label
// and help; several errors per file through recovery.
#include <gtest/gtest.h>

#include "tests/unit/grammar/parse_helpers.h"

namespace lkml::test {
namespace {

// One input and every diagnostic it must produce, as "LKMLnnn line:col message" lines.
struct Case {
  const char* name;
  std::string input;
  std::string expected;
};

void PrintTo(const Case& c, std::ostream* out) { *out << c.name; }

class SyntaxErrorTest : public testing::TestWithParam<Case> {};

TEST_P(SyntaxErrorTest, ReportsExactly) {
  const Case& c = GetParam();
  auto p = parseText(c.input);
  EXPECT_EQ(p->summary(), c.expected) << "input:\n" << c.input << "\nrendered:\n" << p->rendered();
  EXPECT_EQ(p->doc.complete, c.expected.empty());
  for (const Diagnostic& d : p->diagnostics()) {
    EXPECT_EQ(d.severity, Severity::Error);
    EXPECT_TRUE(d.span.valid() || !d.path.empty());
    EXPECT_LE(d.span.end, c.input.size());
    EXPECT_EQ(d.message.back() == '.', false) << "messages have no trailing period";
  }
}

const Case kCases[] = {
    // ---- LKML101 unexpected-token
    {"missing_colon_in_block", "view: a {\n  foo bar\n}\n",
     "LKML101 2:7 expected ':', found `bar`\n"},
    {"missing_colon_top_level_deletes_key", "a: 1\nfoo\nb: 2\n",
     "LKML101 3:1 unexpected `b`; expected ':'\n"},
    {"stray_string_top_level", "a: \"x\" \"y\"\n",
     "LKML101 1:8 unexpected `\"y\"` at the top level; expected a parameter (`key: value`)\n"},
    {"stray_colon_top_level", ": x\n",
     "LKML101 1:1 unexpected `:` at the top level; expected a parameter (`key: value`)\n"
     "LKML101 2:1 expected ':', found the end of the file\n"},
    {"key_without_colon_at_end", "a", "LKML101 1:2 expected ':', found the end of the file\n"},
    {"string_as_key_in_block", "view: a {\n  \"quoted\": 1\n}\n",
     "LKML101 2:3 unexpected `\"quoted\"`; expected a parameter (`key: value`) or '}'\n"},
    {"stray_bracket_in_block", "view: a {\n  ]\n  b: 1\n}\n",
     "LKML101 2:3 unexpected `]`; expected a parameter (`key: value`) or '}'\n"},
    {"colon_in_list", "a: [x: y: z]\n", "LKML101 1:9 expected ']' or ',', found `:`\n"},
    {"missing_comma_in_list", "c: [a b]\n", "LKML101 1:7 unexpected `b`; expected ']' or ','\n"},
    {"two_leading_commas_in_list", "b: [,,]\n",
     "LKML101 1:6 unexpected `,`; expected ']', a quoted string or a name or value\n"},
    {"nested_list", "view: x {\n  label: [\"a\", [\"b\"]]\n}\n",
     "LKML101 2:16 expected ']' or ',', found `[`\n"},
    {"long_token_is_shortened", "a: \"x\" \"0123456789012345678901234567890123456789xyz\"\n",
     "LKML101 1:8 unexpected `\"012345678901234567890123456789012345...` at the top level; "
     "expected a parameter (`key: value`)\n"},
    // ---- LKML102 unclosed-block
    {"unclosed_block_names_innermost", "view: a {\n  dimension: b {\n    type: number\n",
     "LKML102 2:16 expected '}' to close `dimension: b` opened at 2:16, found the end of the "
     "file\n"},
    {"unclosed_outer_block", "view: a {\n  dimension: b {\n  }\n",
     "LKML102 1:9 expected '}' to close `view: a` opened at 1:9, found the end of the file\n"},
    {"unclosed_anonymous_block", "derived_table: {\n  sql: x ;;\n",
     "LKML102 1:16 expected '}' to close `derived_table:` opened at 1:16, found the end of the "
     "file\n"},
    {"unclosed_quoted_block", "view: \"my view\" {\n",
     "LKML102 1:17 expected '}' to close `view: \"my view\"` opened at 1:17, found the end of the "
     "file\n"},
    {"unclosed_list", "a: [x, y\n",
     "LKML102 1:4 expected ']' to close `a:` opened at 1:4, found the end of the file\n"},
    {"unclosed_list_at_eof", "a: [",
     "LKML102 1:4 expected ']' to close `a:` opened at 1:4, found the end of the file\n"},
    {"unclosed_list_after_comma", "view: a {\n  b: {\n    c: [1,\n",
     "LKML102 3:8 expected ']' to close `c:` opened at 3:8, found the end of the file\n"},
    // ---- LKML103 unterminated-sql
    {"unterminated_sql", "view: a {\n  sql_table_name: foo\n}\n",
     "LKML103 2:3 unterminated SQL block: `sql_table_name` has no ';;' before the end of the "
     "file\n"},
    {"unterminated_sql_after_good_one", "view: a {\n  sql: x ;;\n  html : y ;\n}\n",
     "LKML103 3:3 unterminated SQL block: `html` has no ';;' before the end of the file\n"},
    {"unterminated_empty_sql",
     "sql:", "LKML103 1:1 unterminated SQL block: `sql` has no ';;' before the end of the file\n"},
    // ---- LKML104 unterminated-string
    {"unterminated_string", "view: a {\n  label: \"abc\n}\n",
     "LKML104 2:10 unterminated string: no closing '\"' before the end of the file\n"},
    {"unterminated_string_escaped_quote", "label: \"abc\\\"",
     "LKML104 1:8 unterminated string: no closing '\"' before the end of the file\n"},
    // `;;` inside a quoted SQL string ends the block; the closing quote then starts a string.
    {"double_semicolon_in_sql_string", "view: a {\n  sql: x = \";;\" ;;\n}\n",
     "LKML104 2:15 unterminated string: no closing '\"' before the end of the file\n"},
    // ---- LKML107 nesting-too-deep (more in input_limits_test.cpp)
    {"nesting_too_deep", std::string(201, '{'),
     "LKML107 1:201 blocks and lists are nested more than 200 levels deep\n"},
    // ---- LKML108 missing-value
    {"missing_value_before_brace", "view: a {\n  label: \n}\n",
     "LKML108 3:1 expected a value after `label:`, found `}`\n"},
    {"missing_value_at_eof",
     "a:", "LKML108 1:3 expected a value after `a:`, found the end of the file\n"},
    {"missing_value_before_bracket", "a: ]\n",
     "LKML108 1:4 expected a value after `a:`, found `]`\n"},
    // `a: : b` is a doubled colon (LKML115, a warning: tests/unit/grammar/parser_test.cpp);
    // a third colon is an error.
    {"missing_value_before_colon", "view: v {\n  a: : : b\n}\n",
     "LKML108 2:8 expected a value after `a:`, found `:`\n"},
    // ---- LKML111 unexpected-close
    {"extra_closing_brace", "view: a {\n}\n}\n",
     "LKML111 3:1 unexpected `}`: there is no open block or list to close\n"},
    {"extra_closing_bracket", "a: [x]]\n",
     "LKML111 1:7 unexpected `]`: there is no open block or list to close\n"},
    {"extra_brace_then_more", "view: a { dimension: b { sql: 1 ;; } } }\nview: c {}\n",
     "LKML111 1:40 unexpected `}`: there is no open block or list to close\n"},
};

INSTANTIATE_TEST_SUITE_P(Codes, SyntaxErrorTest, testing::ValuesIn(kCases),
                         [](const testing::TestParamInfo<Case>& info) {
                           return std::string(info.param.name);
                         });

// ---- Several errors in one file: recovery resumes at the next member -----------------------

TEST(SyntaxRecoveryTest, ErrorsInSeveralBlocks) {
  auto p = parseText(
      "view: a {\n"
      "  dimension: x {\n"
      "    type: \n"
      "  }\n"
      "  measure: y { type: count }\n"
      "}\n"
      "view: b {\n"
      "  label \"x\"\n"
      "}\n");
  EXPECT_EQ(p->summary(),
            "LKML108 4:3 expected a value after `type:`, found `}`\n"
            "LKML101 8:9 expected ':', found `\"x\"`\n");
  // What parsed around the errors is kept.
  ASSERT_EQ(p->doc.members.size(), 2u);
  const auto& a = p->member(0);
  EXPECT_EQ(a.value.text, "a");
  ASSERT_NE(a.child("measure"), nullptr);
  EXPECT_EQ(a.child("measure")->child("type")->value.text, "count");
  EXPECT_EQ(p->member(1).value.text, "b");
  EXPECT_FALSE(p->doc.complete);
}

TEST(SyntaxRecoveryTest, ErrorsInSeveralTopLevelMembers) {
  auto p = parseText("a: }\nb: 2\nc: ]\nd: [x y]\ne: 5\n");
  EXPECT_EQ(p->summary(),
            "LKML108 1:4 expected a value after `a:`, found `}`\n"
            "LKML108 3:4 expected a value after `c:`, found `]`\n"
            "LKML101 4:7 unexpected `y`; expected ']' or ','\n");
  std::vector<std::string> keys;
  for (const auto& m : p->doc.members) keys.emplace_back(m.key);
  EXPECT_EQ(keys, (std::vector<std::string>{"b", "d", "e"}));
}

TEST(SyntaxRecoveryTest, ListErrorsDoNotSwallowTheRestOfTheFile) {
  auto p = parseText("a: [x: y: z]\nb: [,,]\nc: [a b]\nd: 1\n");
  EXPECT_EQ(p->summary(),
            "LKML101 1:9 expected ']' or ',', found `:`\n"
            "LKML101 2:6 unexpected `,`; expected ']', a quoted string or a name or value\n"
            "LKML101 3:7 unexpected `b`; expected ']' or ','\n");
  ASSERT_FALSE(p->doc.members.empty());
  EXPECT_EQ(p->doc.members.back().key, "d");
}

TEST(SyntaxRecoveryTest, ValidFileAfterAnErrorIsNotAffected) {
  // A file with one error reports just that error, however long the rest is.
  std::string text = "view: broken { label: }\n";
  for (int i = 0; i < 50; ++i) {
    text += "view: v" + std::to_string(i) + " {\n  dimension: d { sql: ${TABLE}.d ;; }\n}\n";
  }
  auto p = parseText(text);
  EXPECT_EQ(p->summary(), "LKML108 1:23 expected a value after `label:`, found `}`\n");
  EXPECT_EQ(p->doc.members.size(), 51u);
}

// ---- Labels and help texts ------------------------------------------------------------------

const Diagnostic& only(const Parsed& p) {
  EXPECT_EQ(p.diagnostics().size(), 1u) << p.summary();
  return p.diagnostics().at(0);
}

TEST(SyntaxDiagnosticDetailsTest, UnexpectedTokenInBlock) {
  auto p = parseText("view: a {\n  foo bar\n}\n");
  const Diagnostic& d = only(*p);
  EXPECT_EQ(d.code, 101);
  EXPECT_EQ(d.codeName(), "LKML101");
  EXPECT_EQ(p->text(d.span), "bar");
  EXPECT_EQ(d.label, "in `view: a`");
  EXPECT_EQ(d.help, "parameters are written `key: value`; is a ':' missing?");
  EXPECT_EQ(d.path, "");
}

TEST(SyntaxDiagnosticDetailsTest, UnexpectedColonHelp) {
  auto p = parseText("a: [x: y: z]\n");
  const Diagnostic& d = p->diagnostics().at(0);
  EXPECT_EQ(d.help, "a key is a single name such as `sql_on`; quote values that contain ':'");
}

TEST(SyntaxDiagnosticDetailsTest, UnclosedBlock) {
  auto p = parseText("view: users {\n  label: \"x\"\n");
  const Diagnostic& d = only(*p);
  EXPECT_EQ(d.code, 102);
  EXPECT_EQ(d.message,
            "expected '}' to close `view: users` opened at 1:13, found the end of the file");
  EXPECT_EQ(p->text(d.span), "{");
  EXPECT_EQ(d.label, "this block is never closed");
  EXPECT_EQ(d.help, "add '}' where the block ends");
}

// A '}' forgotten in `dimension: b` is taken by `dimension: c`; the file ends inside
// `view: a`. The line of `dimension: c` returns to the indentation of `dimension: b` while
// still inside it: that block is the one pointed at.
TEST(SyntaxDiagnosticDetailsTest, UnclosedBlockPointsAtTheBlockIndentationSuspects) {
  auto p = parseText(
      "view: a {\n  dimension: b {\n    type: number\n    sql: ${TABLE}.b ;;\n"
      "  dimension: c {\n    type: string\n  }\n}\n");
  const Diagnostic& d = only(*p);
  EXPECT_EQ(d.code, 102);
  EXPECT_EQ(d.message, "expected '}' to close `view: a` opened at 1:9, found the end of the file");
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_EQ(d.notes[0].message,
            "this block may be missing its '}': `dimension: b` at 2:3, the line at 5:3 returns "
            "to its indentation");
  EXPECT_EQ(p->text(d.notes[0].span), "dimension");
  EXPECT_EQ(d.help, "add '}' before line 5 to close `dimension: b`");
}

// Without indentation (everything at column 1) nothing can be told: the generic help stays.
TEST(SyntaxDiagnosticDetailsTest, UnclosedBlockWithoutIndentationHasNoSuspect) {
  auto p = parseText("view: a {\ndimension: b {\ntype: number\ndimension: c {\n}\n}\n");
  const Diagnostic& d = only(*p);
  EXPECT_EQ(d.code, 102);
  EXPECT_TRUE(d.notes.empty());
  EXPECT_EQ(d.help, "add '}' where the block ends");
}

// SQL on several lines and a `;;` at column 1 are not a return to the indentation.
TEST(SyntaxDiagnosticDetailsTest, UnclosedBlockIgnoresSqlLines) {
  auto p = parseText("view: a {\n  derived_table: {\n    sql:\nSELECT 1\n;;\n  }\n");
  const Diagnostic& d = only(*p);
  EXPECT_EQ(d.code, 102);
  EXPECT_TRUE(d.notes.empty());
}

TEST(SyntaxDiagnosticDetailsTest, UnclosedList) {
  auto p = parseText("fields: [a,\n  b\n");
  const Diagnostic& d = only(*p);
  EXPECT_EQ(d.code, 102);
  EXPECT_EQ(p->text(d.span), "[");
  EXPECT_EQ(d.label, "this list is never closed");
  EXPECT_EQ(d.help, "add ']' where the list ends");
}

TEST(SyntaxDiagnosticDetailsTest, UnterminatedSql) {
  auto p = parseText("view: a {\n  sql_on : ${a.id} = ${b.id}\n}\n");
  const Diagnostic& d = only(*p);
  EXPECT_EQ(d.code, 103);
  EXPECT_EQ(p->text(d.span), "sql_on :");  // the key token, colon included
  EXPECT_EQ(d.label, "this SQL block is never closed");
  EXPECT_EQ(d.help, "add ';;' after the SQL of `sql_on`");
}

TEST(SyntaxDiagnosticDetailsTest, UnterminatedString) {
  auto p = parseText("label: \"abc\n");
  const Diagnostic& d = only(*p);
  EXPECT_EQ(d.code, 104);
  EXPECT_EQ(p->text(d.span), "\"");
  EXPECT_EQ(d.label, "string starts here");
  EXPECT_EQ(d.help, "add the closing '\"' (write \\\" for a quote inside the string)");
}

TEST(SyntaxDiagnosticDetailsTest, MissingValue) {
  auto p = parseText("view: a {\n  label: \n}\n");
  const Diagnostic& d = only(*p);
  EXPECT_EQ(d.code, 108);
  EXPECT_EQ(p->text(d.span), "}");
  EXPECT_EQ(d.label, "expected a value here");
  EXPECT_EQ(d.help, "write `label: value`, `label: name { ... }` or `label: [...]`");
}

TEST(SyntaxDiagnosticDetailsTest, MissingValueAtEndOfFileHasAnEmptySpanAtTheEnd) {
  auto p = parseText("a:");
  const Diagnostic& d = only(*p);
  EXPECT_EQ(d.span.begin, 2u);
  EXPECT_EQ(d.span.end, 2u);
}

TEST(SyntaxDiagnosticDetailsTest, UnexpectedClose) {
  auto p = parseText("view: a {\n}\n}\n");
  const Diagnostic& d = only(*p);
  EXPECT_EQ(d.code, 111);
  EXPECT_EQ(p->text(d.span), "}");
  EXPECT_EQ(d.help, "remove it, or look for an extra closing bracket above");
}

}  // namespace
}  // namespace lkml::test
