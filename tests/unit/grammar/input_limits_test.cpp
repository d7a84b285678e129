// Hostile and extreme inputs: invalid UTF-8 (LKML105), binary files (LKML106), nesting far past
// the limit (LKML107, no stack overflow), empty files and a 100 MB file.
#include <gtest/gtest.h>

#include <chrono>

#include "grammar/input_checks.h"
#include "tests/unit/grammar/parse_helpers.h"

#if defined(__SANITIZE_ADDRESS__)
#define LKML_TEST_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define LKML_TEST_UNDER_ASAN 1
#endif
#endif

namespace lkml::test {
namespace {

// ---- LKML105 invalid-utf8 -------------------------------------------------------------------

TEST(InvalidUtf8Test, ReportsTheByteOffset) {
  auto p = parseText("view: a { label: \"\xff\" }\n");
  ASSERT_EQ(p->diagnostics().size(), 1u) << p->summary();
  const Diagnostic& d = p->diagnostics()[0];
  EXPECT_EQ(d.code, 105);
  EXPECT_EQ(d.message, "invalid UTF-8 at byte offset 18");
  EXPECT_EQ(d.span.begin, 18u);
  EXPECT_EQ(d.span.end, 19u);
  EXPECT_EQ(d.label, "not a valid UTF-8 sequence");
  EXPECT_EQ(d.help,
            "LookML files must be UTF-8; re-encode the file (e.g. `iconv -f latin1 -t utf-8`)");
  // The file is still parsed: only the encoding is wrong.
  EXPECT_TRUE(p->doc.complete);
  ASSERT_EQ(p->doc.members.size(), 1u);
  EXPECT_EQ(p->member(0).child("label")->value.text, "\xff");
}

TEST(InvalidUtf8Test, OnlyTheFirstBadSequenceIsReported) {
  auto p = parseText("a: \"\xc3\xa9 \xe9t\xe9\"");  // valid é, then latin-1 é twice
  EXPECT_EQ(p->summary(), "LKML105 1:7 invalid UTF-8 at byte offset 7\n");
}

TEST(InvalidUtf8Test, WithSyntaxErrorsBoth) {
  auto p = parseText("a: \xff\nb: {\n");
  EXPECT_EQ(p->summary(),
            "LKML105 1:4 invalid UTF-8 at byte offset 3\n"
            "LKML102 2:4 expected '}' to close `b:` opened at 2:4, found the end of the file\n");
}

TEST(InvalidUtf8Test, FindInvalidUtf8) {
  using grammar::findInvalidUtf8;
  EXPECT_EQ(findInvalidUtf8(""), std::nullopt);
  EXPECT_EQ(findInvalidUtf8("plain ascii that is longer than eight bytes"), std::nullopt);
  EXPECT_EQ(findInvalidUtf8("\xc3\xa9\xe6\x97\xa5\xf0\x9f\x98\x80\xf4\x8f\xbf\xbf"), std::nullopt);
  EXPECT_EQ(findInvalidUtf8("\xef\xbb\xbf"), std::nullopt);
  EXPECT_EQ(findInvalidUtf8("abc\x80"), 3u);               // lone continuation byte
  EXPECT_EQ(findInvalidUtf8("abcdefghij\xc3"), 10u);       // truncated at the end
  EXPECT_EQ(findInvalidUtf8("\xc3(x"), 0u);                // bad continuation
  EXPECT_EQ(findInvalidUtf8("\xc0\xaf"), 0u);              // overlong '/'
  EXPECT_EQ(findInvalidUtf8("\xe0\x80\xaf"), 0u);          // overlong, 3 bytes
  EXPECT_EQ(findInvalidUtf8("\xf0\x80\x80\xaf"), 0u);      // overlong, 4 bytes
  EXPECT_EQ(findInvalidUtf8("ok \xed\xa0\x80"), 3u);       // UTF-16 surrogate
  EXPECT_EQ(findInvalidUtf8("\xf4\x90\x80\x80"), 0u);      // above U+10FFFF
  EXPECT_EQ(findInvalidUtf8("\xf8\x88\x80\x80\x80"), 0u);  // 5-byte form
  EXPECT_EQ(findInvalidUtf8("\xff"), 0u);
  EXPECT_EQ(findInvalidUtf8("12345678\xe6\x97"), 8u);  // after the 8-byte fast path
}

// ---- LKML106 binary-file --------------------------------------------------------------------

TEST(BinaryFileTest, NulByteMeansBinary) {
  auto p = parseText(std::string("view: a\0 {}\n", 12), "views/a.view.lkml");
  ASSERT_EQ(p->diagnostics().size(), 1u);
  const Diagnostic& d = p->diagnostics()[0];
  EXPECT_EQ(d.code, 106);
  EXPECT_EQ(d.message,
            "`views/a.view.lkml` looks like a binary file (it contains NUL bytes), not LookML");
  EXPECT_EQ(d.help, "remove it from the project or rename it so it does not end in .lkml");
  EXPECT_FALSE(d.span.valid());  // about the whole file
  EXPECT_EQ(d.path, "views/a.view.lkml");
  EXPECT_FALSE(p->doc.complete);
  EXPECT_TRUE(p->doc.members.empty());
  EXPECT_TRUE(p->doc.comments.empty());
}

TEST(BinaryFileTest, BinaryWinsOverInvalidUtf8) {
  auto p = parseText(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  EXPECT_EQ(p->summary(),
            "LKML106 `test.lkml` looks like a binary file (it contains NUL bytes), "
            "not LookML\n");
  EXPECT_TRUE(grammar::looksBinary(std::string_view("\0", 1)));
  EXPECT_FALSE(grammar::looksBinary("text"));
  EXPECT_FALSE(grammar::looksBinary(""));
}

// ---- LKML107 nesting-too-deep ---------------------------------------------------------------

TEST(NestingTest, HundredThousandBracesAreRejectedWithoutRecursion) {
  std::string text = "view: a ";
  text.append(100000, '{');
  auto p = parseText(text);
  ASSERT_EQ(p->diagnostics().size(), 1u);
  const Diagnostic& d = p->diagnostics()[0];
  EXPECT_EQ(d.code, 107);
  EXPECT_EQ(d.message, "blocks and lists are nested more than 200 levels deep");
  EXPECT_EQ(d.span.begin, 8u + 200u);  // the 201st '{'
  EXPECT_EQ(d.label, "nesting limit exceeded here");
  EXPECT_EQ(d.help, "LookML never needs this depth; look for unbalanced '{' or '['");
  EXPECT_FALSE(p->doc.complete);
}

TEST(NestingTest, DeepBalancedMixOfBlocksAndLists) {
  std::string text;
  for (int i = 0; i < 100000; ++i) text += i % 2 ? "a: [" : "b: {";
  for (int i = 100000; i-- > 0;) text += i % 2 ? "]" : "}";
  auto p = parseText(text);
  EXPECT_EQ(p->summary(), "LKML107 1:804 blocks and lists are nested more than 200 levels deep\n");
}

TEST(NestingTest, DeepListsOnly) {
  std::string text = "a: " + std::string(100000, '[') + std::string(100000, ']');
  auto p = parseText(text);
  ASSERT_EQ(p->diagnostics().size(), 1u);
  EXPECT_EQ(p->diagnostics()[0].code, 107);
}

TEST(NestingTest, ExactlyAtTheLimitParses) {
  // 200 nested blocks are fine, 201 are not.
  std::string ok, bad;
  for (uint32_t i = 0; i < grammar::kMaxNesting; ++i) ok += "a: {";
  ok += std::string(grammar::kMaxNesting, '}');
  EXPECT_EQ(parseText(ok)->summary(), "");
  for (uint32_t i = 0; i <= grammar::kMaxNesting; ++i) bad += "a: {";
  bad += std::string(grammar::kMaxNesting + 1, '}');
  EXPECT_EQ(parseText(bad)->diagnostics().at(0).code, 107);
}

TEST(NestingTest, ManyUnclosedBelowTheLimit) {
  // 150 unclosed blocks: parsed (recursively, within the limit) and reported once.
  std::string text;
  for (int i = 0; i < 150; ++i) text += "a: {\n";
  auto p = parseText(text);
  EXPECT_EQ(p->summary(),
            "LKML102 150:4 expected '}' to close `a:` opened at 150:4, found the "
            "end of the file\n");
}

// ---- Empty and whitespace-only files --------------------------------------------------------

TEST(EmptyFileTest, NoDiagnostics) {
  for (const char* text : {"", "\n", "   \t\r\n", "#", "# a\n# b\n", "\xef\xbb\xbf"}) {
    auto p = parseText(text);
    EXPECT_EQ(p->summary(), "") << text;
    EXPECT_TRUE(p->doc.complete);
    EXPECT_TRUE(p->doc.members.empty());
  }
}

// ---- A 100 MB file --------------------------------------------------------------------------

std::string bigFile(size_t target_bytes) {
  const std::string view =
      "view: orders_NNNNNN {\n"
      "  sql_table_name: analytics.orders ;;\n"
      "  # a comment\n"
      "  dimension: id {\n"
      "    primary_key: yes\n"
      "    type: number\n"
      "    sql: ${TABLE}.id ;;\n"
      "  }\n"
      "  dimension_group: created {\n"
      "    type: time\n"
      "    timeframes: [raw, date, week, month]\n"
      "    sql: ${TABLE}.created_at ;;\n"
      "  }\n"
      "  measure: total {\n"
      "    type: sum\n"
      "    label: \"Total \\\"amount\\\"\"\n"
      "    filters: [status: \"complete\", id: \">0\"]\n"
      "    sql: ${TABLE}.amount ;;\n"
      "  }\n"
      "}\n";
  std::string text;
  text.reserve(target_bytes + view.size());
  for (size_t i = 0; text.size() < target_bytes; ++i) {
    std::string v = view;
    std::string n = std::to_string(1000000 + i % 1000000).substr(1);
    v.replace(v.find("NNNNNN"), 6, n);
    text += v;
  }
  return text;
}

TEST(LargeFileTest, HundredMegabytesParse) {
#ifdef LKML_TEST_UNDER_ASAN
  const size_t size = 10u << 20;  // ASan makes the parser ~10x slower; keep the suite fast
#else
  const size_t size = 100u << 20;
#endif
  std::string text = bigFile(size);
  const size_t views = text.size() / bigFile(1).size();
  auto start = std::chrono::steady_clock::now();
  auto p = parseText(std::move(text));
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(p->summary(), "");
  ASSERT_EQ(p->doc.members.size(), views);
  EXPECT_EQ(p->doc.comments.size(), views);
  const auto& last = p->doc.members.back();
  EXPECT_EQ(last.key, "view");
  ASSERT_EQ(last.children.size(), 4u);
  EXPECT_EQ(last.child("measure")->child("filters")->items.size(), 2u);
  EXPECT_EQ(p->at(last.key_span.begin), std::to_string(20 * (views - 1) + 1) + ":1");
  RecordProperty("parse_seconds", std::to_string(seconds));
  std::printf("parsed %zu MB in %.2f s\n", p->file->text().size() >> 20, seconds);
}

TEST(LargeFileTest, ManyErrorsStayFast) {
  // Errors everywhere are the slow path (the ANTLR parser with recovery); keep it bounded.
  std::string unit = "view: v { label: } \n";
  std::string text;
#ifdef LKML_TEST_UNDER_ASAN
  const size_t count = 2000;
#else
  const size_t count = 20000;
#endif
  for (size_t i = 0; i < count; ++i) text += unit;
  auto p = parseText(text);
  EXPECT_EQ(p->diagnostics().size(), count);
  EXPECT_EQ(p->doc.members.size(), count);
}

TEST(LargeFileTest, SingleHugeSqlBlock) {
  std::string text = "sql: " + std::string(20u << 20, 'x') + " ;;";
  auto p = parseText(text);
  EXPECT_EQ(p->summary(), "");
  EXPECT_EQ(p->member(0).sql.size(), 20u << 20);
}

TEST(LargeFileTest, SingleHugeUnterminatedString) {
  std::string text = "label: \"" + std::string(20u << 20, 'x');
  auto p = parseText(text);
  EXPECT_EQ(p->summary(),
            "LKML104 1:8 unterminated string: no closing '\"' before the end of "
            "the file\n");
  // The text renderer shortens the very long line.
  EXPECT_LT(p->rendered().size(), 2000u);
}

}  // namespace
}  // namespace lkml::test
