// SourceFile and SourceMap: slicing, line/column in code points, line text with CRLF.
#include "base/source_file.h"

#include <gtest/gtest.h>

#include <string>

namespace lkml {
namespace {

std::string lc(const SourceFile& f, uint32_t offset) {
  LineCol p = f.lineCol(offset);
  return std::to_string(p.line) + ":" + std::to_string(p.column);
}

TEST(SourceFileTest, Accessors) {
  SourceFile f(7, "views/a.view.lkml", "view: a {}");
  EXPECT_EQ(f.id(), 7u);
  EXPECT_EQ(f.path(), "views/a.view.lkml");
  EXPECT_EQ(f.text(), "view: a {}");
}

TEST(SourceFileTest, Slice) {
  SourceFile f(0, "f", "hello world");
  EXPECT_EQ(f.slice({0, 0, 5}), "hello");
  EXPECT_EQ(f.slice({0, 6, 11}), "world");
  EXPECT_EQ(f.slice({0, 3, 3}), "");
  EXPECT_EQ(f.slice({0, 6, 100}), "world");  // clamped
  EXPECT_EQ(f.slice({0, 11, 11}), "");
  EXPECT_EQ(f.slice({0, 12, 20}), "");  // past the end
}

TEST(SourceFileTest, LineColAscii) {
  SourceFile f(0, "f", "ab\ncd\n\nef");
  EXPECT_EQ(lc(f, 0), "1:1");
  EXPECT_EQ(lc(f, 1), "1:2");
  EXPECT_EQ(lc(f, 2), "1:3");  // the '\n' itself
  EXPECT_EQ(lc(f, 3), "2:1");
  EXPECT_EQ(lc(f, 6), "3:1");
  EXPECT_EQ(lc(f, 7), "4:1");
  EXPECT_EQ(lc(f, 9), "4:3");   // end of file
  EXPECT_EQ(lc(f, 99), "4:3");  // clamped to the end
  EXPECT_EQ(f.lineCount(), 4u);
}

TEST(SourceFileTest, LineColCountsCodePoints) {
  // é = 2 bytes, 日 = 3 bytes, 😀 = 4 bytes.
  SourceFile f(0, "f", "\xc3\xa9x\n\xe6\x97\xa5\xf0\x9f\x98\x80y");
  EXPECT_EQ(lc(f, 2), "1:2");  // after é
  EXPECT_EQ(lc(f, 3), "1:3");  // the newline
  EXPECT_EQ(lc(f, 4), "2:1");
  EXPECT_EQ(lc(f, 7), "2:2");   // after 日
  EXPECT_EQ(lc(f, 11), "2:3");  // after 😀
  EXPECT_EQ(lc(f, 12), "2:4");
  // An offset inside a multi-byte character counts the character once.
  EXPECT_EQ(lc(f, 5), "2:2");
}

TEST(SourceFileTest, LineColCrlfAndLoneCr) {
  SourceFile f(0, "f", "a\r\nb\rc\r\n");
  EXPECT_EQ(lc(f, 1), "1:2");  // '\r' belongs to line 1
  EXPECT_EQ(lc(f, 3), "2:1");
  EXPECT_EQ(lc(f, 5), "2:3");  // a lone '\r' does not end a line
  EXPECT_EQ(f.lineCount(), 3u);
}

TEST(SourceFileTest, TabsAreOneColumn) {
  SourceFile f(0, "f", "\t\tx");
  EXPECT_EQ(lc(f, 2), "1:3");
}

TEST(SourceFileTest, LineText) {
  SourceFile f(0, "f", "first\r\nsecond\n\nlast");
  EXPECT_EQ(f.lineText(1), "first");  // without "\r\n"
  EXPECT_EQ(f.lineText(2), "second");
  EXPECT_EQ(f.lineText(3), "");
  EXPECT_EQ(f.lineText(4), "last");
  EXPECT_EQ(f.lineText(0), "");
  EXPECT_EQ(f.lineText(5), "");
}

TEST(SourceFileTest, LineTextTrailingNewlineMakesAnEmptyLastLine) {
  SourceFile f(0, "f", "a\r\n");
  EXPECT_EQ(f.lineCount(), 2u);
  EXPECT_EQ(f.lineText(1), "a");
  EXPECT_EQ(f.lineText(2), "");
}

TEST(SourceFileTest, EmptyFile) {
  SourceFile f(0, "f", "");
  EXPECT_EQ(f.lineCount(), 1u);
  EXPECT_EQ(lc(f, 0), "1:1");
  EXPECT_EQ(f.lineText(1), "");
  EXPECT_EQ(f.slice({0, 0, 0}), "");
}

TEST(SourceFileTest, ManyLines) {
  std::string text;
  for (int i = 0; i < 10000; ++i) text += "line " + std::to_string(i) + "\n";
  SourceFile f(0, "f", text);
  EXPECT_EQ(f.lineCount(), 10001u);
  EXPECT_EQ(f.lineText(5001), "line 5000");
  uint32_t offset = static_cast<uint32_t>(text.find("line 9999"));
  EXPECT_EQ(lc(f, offset + 5), "10000:6");
}

TEST(SourceMapTest, AddAndFind) {
  SourceMap map;
  EXPECT_EQ(map.size(), 0u);
  EXPECT_EQ(map.find(0), nullptr);
  const SourceFile& a = map.add("a.lkml", "a: 1");
  const SourceFile& b = map.add("b.lkml", "b: 2");
  EXPECT_EQ(a.id(), 0u);
  EXPECT_EQ(b.id(), 1u);
  EXPECT_EQ(map.size(), 2u);
  EXPECT_EQ(&map.file(1), &b);
  EXPECT_EQ(map.find(0), &a);
  EXPECT_EQ(map.find(2), nullptr);
  EXPECT_EQ(map.find(kNoFile), nullptr);
}

TEST(SourceMapTest, ReferencesStayValidWhenFilesAreAdded) {
  SourceMap map;
  const SourceFile& first = map.add("first.lkml", "x");
  std::string_view text = first.text();
  for (int i = 0; i < 1000; ++i) map.add("f" + std::to_string(i), std::string(100, 'y'));
  EXPECT_EQ(&map.file(0), &first);
  EXPECT_EQ(text.data(), map.file(0).text().data());
  EXPECT_EQ(first.path(), "first.lkml");
}

TEST(SpanTest, ValidityAndSize) {
  Span none;
  EXPECT_FALSE(none.valid());
  EXPECT_EQ(none.file, kNoFile);
  Span s{3, 10, 14};
  EXPECT_TRUE(s.valid());
  EXPECT_EQ(s.size(), 4u);
}

}  // namespace
}  // namespace lkml
