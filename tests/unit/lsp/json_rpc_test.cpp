// The framing and parsing of JSON-RPC messages: every malformed input gives an error value.
#include "lsp/json_rpc.h"

#include <gtest/gtest.h>

#include <sstream>

namespace lkml::lsp {
namespace {

TEST(LspJsonRpc, SanitizeUtf8ReplacesEveryIllFormedSequence) {
  EXPECT_EQ(sanitizeUtf8("plain é \xF0\x9F\x98\x80"), "plain é \xF0\x9F\x98\x80");
  EXPECT_EQ(sanitizeUtf8("a\xFFz"), "a\xEF\xBF\xBDz");
  EXPECT_EQ(sanitizeUtf8("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong '/'
  EXPECT_EQ(sanitizeUtf8("\xED\xA0\x80"),
            "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");                         // a surrogate
  EXPECT_EQ(sanitizeUtf8("\xF4\x90\x80\x80").substr(0, 3), "\xEF\xBF\xBD");  // > U+10FFFF
  EXPECT_EQ(sanitizeUtf8("end\xE2\x82"), "end\xEF\xBF\xBD\xEF\xBF\xBD");     // truncated
}

TEST(LspJsonRpc, ReadsFramesWithAnyHeaderOrderAndCase) {
  std::istringstream in(
      "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length: 2\r\n\r\n{}"
      "Content-Length:  3\n\n[1]");
  Frame a = readFrame(in);
  ASSERT_EQ(a.status, Frame::Status::Message);
  EXPECT_EQ(a.body, "{}");
  Frame b = readFrame(in);
  ASSERT_EQ(b.status, Frame::Status::Message);
  EXPECT_EQ(b.body, "[1]");
  EXPECT_EQ(readFrame(in).status, Frame::Status::EndOfStream);
}

TEST(LspJsonRpc, BadHeadersAndShortBodiesAreReported) {
  std::istringstream no_length("Foo: bar\r\n\r\nContent-Length: 2\r\n\r\n{}");
  Frame bad = readFrame(no_length);
  EXPECT_EQ(bad.status, Frame::Status::BadHeader);
  EXPECT_EQ(readFrame(no_length).body, "{}");  // the next message is still found
  std::istringstream not_number("Content-Length: -5\r\n\r\n");
  EXPECT_EQ(readFrame(not_number).status, Frame::Status::BadHeader);
  std::istringstream huge("Content-Length: 99999999999\r\n\r\n");
  EXPECT_NE(readFrame(huge).status, Frame::Status::Message);
  std::istringstream short_body("Content-Length: 10\r\n\r\n{}");
  EXPECT_EQ(readFrame(short_body).status, Frame::Status::EndOfStream);
}

TEST(LspJsonRpc, ParseMessageAnswersWithTheRightError) {
  EXPECT_TRUE(parseMessage(R"({"jsonrpc":"2.0","method":"x"})").ok);
  Parsed bad = parseMessage("{");
  EXPECT_FALSE(bad.ok);
  EXPECT_EQ(bad.message["error"]["code"], kParseError);
  EXPECT_EQ(parseMessage("3").message["error"]["code"], kInvalidRequest);
  EXPECT_EQ(parseMessage(std::string(100000, '[')).message["error"]["code"], kParseError);
  // Brackets inside strings do not count as nesting.
  EXPECT_TRUE(parseMessage("{\"a\":\"" + std::string(2000, '[') + "\"}").ok);
  Parsed utf = parseMessage("{\"a\":\"\xFF\"}");
  ASSERT_TRUE(utf.ok);
  EXPECT_EQ(utf.message["a"], "\xEF\xBF\xBD");
}

TEST(LspJsonRpc, WriteFrameNeverThrowsOnBadUtf8) {
  std::ostringstream out;
  writeFrame(out, Json{{"message", std::string("bad \xFF byte")}});
  EXPECT_NE(out.str().find("Content-Length: "), std::string::npos);
  EXPECT_NE(out.str().find("\xEF\xBF\xBD"), std::string::npos);
}

}  // namespace
}  // namespace lkml::lsp
