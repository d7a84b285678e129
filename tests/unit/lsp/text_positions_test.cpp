// LSP positions and byte offsets in both encodings, clamped at every edge; file URIs.
#include "lsp/text_positions.h"

#include <gtest/gtest.h>

namespace lkml::lsp {
namespace {

const auto kUtf16 = PositionEncoding::Utf16;
const auto kUtf8 = PositionEncoding::Utf8;

TEST(LspPositions, Utf16CountsSurrogatePairsAsTwoUnits) {
  std::string text =
      "a\xF0\x9F\x98\x80"
      "b\n\xC3\xA9x";  // a😀b / éx
  LineIndex lines(text);
  EXPECT_EQ(lines.offsetOf({0, 3}, kUtf16), 5u);  // after the emoji
  EXPECT_EQ(lines.offsetOf({0, 2}, kUtf16), 1u);  // inside the pair: before it
  EXPECT_EQ(lines.positionOf(5, kUtf16).character, 3u);
  EXPECT_EQ(lines.offsetOf({1, 1}, kUtf16), 9u);  // after é (2 bytes)
  EXPECT_EQ(lines.positionOf(9, kUtf16).line, 1u);
  EXPECT_EQ(lines.positionOf(9, kUtf8).character, 2u);
}

TEST(LspPositions, Utf8OffsetsNeverSplitASequence) {
  std::string text = "\xC3\xA9x";
  LineIndex lines(text);
  EXPECT_EQ(lines.offsetOf({0, 1}, kUtf8), 0u);
  EXPECT_EQ(lines.offsetOf({0, 2}, kUtf8), 2u);
}

TEST(LspPositions, PositionsPastTheEndAreClamped) {
  std::string text = "ab\r\ncd";
  LineIndex lines(text);
  EXPECT_EQ(lines.offsetOf({0, 99}, kUtf16), 2u);  // before "\r\n"
  EXPECT_EQ(lines.offsetOf({7, 0}, kUtf16), 6u);
  EXPECT_EQ(lines.offsetOf({1, 99}, kUtf8), 6u);
  EXPECT_EQ(lines.positionOf(999, kUtf16).line, 1u);
  EXPECT_EQ(lines.positionOf(999, kUtf16).character, 2u);
  LineIndex empty("");
  EXPECT_EQ(empty.offsetOf({3, 3}, kUtf16), 0u);
  EXPECT_EQ(empty.positionOf(5, kUtf8).line, 0u);
}

TEST(LspPositions, FileUrisRoundTrip) {
  EXPECT_EQ(uriToPath("file:///a%20b/c%C3%A9.lkml"), "/a b/c\xC3\xA9.lkml");
  EXPECT_EQ(uriToPath("file://localhost/x"), "/x");
  EXPECT_EQ(uriToPath("untitled:Untitled-1"), "");
  EXPECT_EQ(uriToPath("file:///a%00b"), "");
  EXPECT_EQ(uriToPath("file:///a%zz"), "/a%zz");
  EXPECT_EQ(pathToUri("/a b/c\xC3\xA9.lkml"), "file:///a%20b/c%C3%A9.lkml");
  EXPECT_EQ(uriToPath(pathToUri("/x/#y?.lkml")), "/x/#y?.lkml");
}

}  // namespace
}  // namespace lkml::lsp
