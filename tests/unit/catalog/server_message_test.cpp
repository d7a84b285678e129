#include "catalog/server_message.h"

#include <gtest/gtest.h>

#include "catalog/database_error.h"

namespace lkml::catalog {
namespace {

TEST(ServerMessageTest, SplitsPrimaryMessageAndDetail) {
  ServerMessage m = parseServerMessage(
      "ERROR:  column \"nme\" does not exist\nLINE 1: SELECT nme FROM t\n               ^\n"
      "HINT:  Perhaps you meant to reference the column \"t.name\".\n",
      "SELECT nme FROM t");
  EXPECT_EQ(m.primary, "column \"nme\" does not exist");
  EXPECT_EQ(m.detail, "HINT:  Perhaps you meant to reference the column \"t.name\".");
  EXPECT_EQ(m.position, 8);
}

TEST(ServerMessageTest, PositionOnALaterLine) {
  std::string sql = "SELECT *\r\nFROM nosuch";
  ServerMessage m = parseServerMessage(
      "ERROR:  relation \"nosuch\" does not exist\nLINE 2: FROM nosuch\n             ^\n", sql);
  EXPECT_EQ(m.position, 16);  // "SELECT *\r\n" is 10 characters
}

TEST(ServerMessageTest, PositionInALineCutOnTheLeft) {
  std::string sql =
      "SELECT column_00, column_01, column_02, column_03, column_04, column_05, column_06, "
      "column_07, column_08, column_09, column_10, column_11 FROM t WHERE nosuch = 1";
  ServerMessage m = parseServerMessage(
      "ERROR:  column \"nosuch\" does not exist\n"
      "LINE 1: ..._08, column_09, column_10, column_11 FROM t WHERE nosuch = 1\n"
      "                                                             ^\n",
      sql);
  EXPECT_EQ(m.position, static_cast<int>(sql.find("nosuch")) + 1);
}

TEST(ServerMessageTest, PositionInALineCutOnBothSides) {
  std::string sql = "SELECT a,\n  " + std::string(30, 'x') + " + " + std::string(30, 'y') +
                    " + nosuch_column_here + " + std::string(40, 'z');
  ServerMessage m = parseServerMessage(
      "ERROR:  column \"nosuch_column_here\" does not exist\n"
      "LINE 2: ...xxxxxxxxxxxxxx + yyyyyyyyyyyyyyyyyyyyyyyyyyyyyy + nosuch_col...\n"
      "                                                             ^\n",
      sql);
  EXPECT_EQ(m.position, static_cast<int>(sql.find("nosuch")) + 1);
}

TEST(ServerMessageTest, PositionCountsCharactersNotBytes) {
  std::string sql = "SELECT 'é' AS e, nosuch";
  ServerMessage m = parseServerMessage(
      "ERROR:  column \"nosuch\" does not exist\nLINE 1: SELECT 'é' AS e, nosuch\n"
      "                         ^\n",
      sql);
  EXPECT_EQ(m.position, 18);
  EXPECT_EQ(byteOffsetOfPosition(sql, m.position), sql.find("nosuch"));
}

TEST(ServerMessageTest, NoCursorMeansNoPosition) {
  ServerMessage m =
      parseServerMessage("ERROR:  canceling statement due to statement timeout\n", "SELECT 1");
  EXPECT_EQ(m.primary, "canceling statement due to statement timeout");
  EXPECT_EQ(m.position, 0);
  EXPECT_EQ(m.detail, "");
}

TEST(ServerMessageTest, CursorForAnotherTextGivesNoPosition) {
  ServerMessage m = parseServerMessage(
      "ERROR:  x\nLINE 1: SELECT something else\n               ^\n", "SELECT 1");
  EXPECT_EQ(m.position, 0);
}

TEST(ServerMessageTest, SingleLineAndScrub) {
  EXPECT_EQ(singleLine("connection failed: refused\n\tIs the server running?\n"),
            "connection failed: refused Is the server running?");
  EXPECT_EQ(scrubSecret("password hunter2 and hunter2", "hunter2"),
            "password ******** and ********");
  EXPECT_EQ(scrubSecret("nothing", ""), "nothing");
}

TEST(DatabaseErrorTest, KindNamesAndByteOffsets) {
  EXPECT_STREQ(databaseErrorKindName(DatabaseError::Kind::Unreachable), "unreachable");
  EXPECT_STREQ(databaseErrorKindName(DatabaseError::Kind::Timeout), "timeout");
  EXPECT_STREQ(databaseErrorKindName(DatabaseError::Kind::Query), "query");
  EXPECT_EQ(byteOffsetOfPosition("abc", 1), 0u);
  EXPECT_EQ(byteOffsetOfPosition("abc", 4), 3u);
  EXPECT_EQ(byteOffsetOfPosition("äb", 2), 2u);
}

}  // namespace
}  // namespace lkml::catalog
