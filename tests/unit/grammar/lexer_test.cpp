// The hand-written lexer (grammar/lexer.h): exact token kinds, texts and byte offsets.
#include "grammar/lexer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace lkml::grammar {
namespace {

struct Tok {
  uint16_t type;
  std::string text;
  bool operator==(const Tok& o) const { return type == o.type && text == o.text; }
};

std::ostream& operator<<(std::ostream& out, const Tok& t) {
  return out << "{" << t.type << ", \"" << t.text << "\"}";
}

// Tokens without the final EOF, as (type, text).
std::vector<Tok> tokens(std::string_view text) {
  LexResult r = lex(text);
  EXPECT_FALSE(r.tokens.empty());
  EXPECT_EQ(r.tokens.back().type, kEof);
  EXPECT_EQ(r.tokens.back().begin, text.size());
  EXPECT_EQ(r.tokens.back().end, text.size());
  std::vector<Tok> out;
  for (size_t i = 0; i + 1 < r.tokens.size(); ++i) {
    const RawToken& t = r.tokens[i];
    EXPECT_LT(t.begin, t.end) << "empty token " << i;
    out.push_back({t.type, std::string(text.substr(t.begin, t.end - t.begin))});
  }
  return out;
}

std::vector<std::string> comments(std::string_view text) {
  std::vector<std::string> out;
  for (const RawToken& c : lex(text).comments) {
    EXPECT_EQ(c.type, kComment);
    out.emplace_back(text.substr(c.begin, c.end - c.begin));
  }
  return out;
}

using V = std::vector<Tok>;

TEST(LexerTest, EmptyInputIsOnlyEof) {
  LexResult r = lex("");
  ASSERT_EQ(r.tokens.size(), 1u);
  EXPECT_EQ(r.tokens[0].type, kEof);
  EXPECT_EQ(r.tokens[0].begin, 0u);
  EXPECT_TRUE(r.comments.empty());
  EXPECT_EQ(r.max_depth, 0u);
  EXPECT_EQ(r.too_deep_at, UINT32_MAX);
}

TEST(LexerTest, WhitespaceOnly) { EXPECT_EQ(tokens(" \t\r\n\f \n"), V{}); }

TEST(LexerTest, EveryPunctuationKind) {
  EXPECT_EQ(tokens("{ } [ ] , :"), (V{{kLBrace, "{"},
                                      {kRBrace, "}"},
                                      {kLBracket, "["},
                                      {kRBracket, "]"},
                                      {kComma, ","},
                                      {kColon, ":"}}));
  EXPECT_EQ(tokens("{}[],:"), tokens("{ } [ ] , :"));
}

TEST(LexerTest, PairAndBlock) {
  EXPECT_EQ(tokens("view: orders {\n  label: \"Orders\"\n}"), (V{{kLiteral, "view"},
                                                                 {kColon, ":"},
                                                                 {kLiteral, "orders"},
                                                                 {kLBrace, "{"},
                                                                 {kLiteral, "label"},
                                                                 {kColon, ":"},
                                                                 {kString, "\"Orders\""},
                                                                 {kRBrace, "}"}}));
}

TEST(LexerTest, ByteOffsets) {
  LexResult r = lex("a: \"b\" # c\n");
  ASSERT_EQ(r.tokens.size(), 4u);
  EXPECT_EQ(r.tokens[0].begin, 0u);
  EXPECT_EQ(r.tokens[0].end, 1u);
  EXPECT_EQ(r.tokens[1].begin, 1u);
  EXPECT_EQ(r.tokens[2].begin, 3u);
  EXPECT_EQ(r.tokens[2].end, 6u);
  EXPECT_EQ(r.tokens[3].type, kEof);
  EXPECT_EQ(r.tokens[3].begin, 11u);
  ASSERT_EQ(r.comments.size(), 1u);
  EXPECT_EQ(r.comments[0].begin, 7u);
  EXPECT_EQ(r.comments[0].end, 10u);
}

// ---- Literals -----------------------------------------------------------------------------

TEST(LexerTest, LiteralShapes) {
  for (const char* lit : {"orders",
                          "created_date",
                          "users.id",
                          "detail*",
                          "ALL_FIELDS*",
                          "users.detail*",
                          "-users.email",
                          "+orders",
                          "90",
                          "-10",
                          "0.5",
                          "yes",
                          "KeyB",
                          "America/Los_Angeles",
                          "Etc/GMT+8",
                          "$",
                          "a.b.c*",
                          "~x",
                          "x'y",
                          "\\x",
                          "!=",
                          "<>",
                          ";",
                          "a;b"}) {
    EXPECT_EQ(tokens(std::string("a: ") + lit),
              (V{{kLiteral, "a"}, {kColon, ":"}, {kLiteral, lit}}))
        << lit;
  }
}

TEST(LexerTest, LiteralStopsAtEveryDelimiter) {
  EXPECT_EQ(tokens("a:b"), (V{{kLiteral, "a"}, {kColon, ":"}, {kLiteral, "b"}}));
  EXPECT_EQ(tokens("a{b}"), (V{{kLiteral, "a"}, {kLBrace, "{"}, {kLiteral, "b"}, {kRBrace, "}"}}));
  EXPECT_EQ(tokens("a[b]"),
            (V{{kLiteral, "a"}, {kLBracket, "["}, {kLiteral, "b"}, {kRBracket, "]"}}));
  EXPECT_EQ(tokens("a,b"), (V{{kLiteral, "a"}, {kComma, ","}, {kLiteral, "b"}}));
  EXPECT_EQ(tokens("a\"b\""), (V{{kLiteral, "a"}, {kString, "\"b\""}}));
  EXPECT_EQ(tokens("a#b"), (V{{kLiteral, "a"}}));
  EXPECT_EQ(comments("a#b"), (std::vector<std::string>{"#b"}));
  EXPECT_EQ(tokens("a\tb\fc\rd\ne f"), (V{{kLiteral, "a"},
                                          {kLiteral, "b"},
                                          {kLiteral, "c"},
                                          {kLiteral, "d"},
                                          {kLiteral, "e"},
                                          {kLiteral, "f"}}));
}

TEST(LexerTest, ConstantReferences) {
  EXPECT_EQ(tokens("a: @{schema}"), (V{{kLiteral, "a"}, {kColon, ":"}, {kLiteral, "@{schema}"}}));
  EXPECT_EQ(tokens("a: @{schema}.orders_@{suffix}"),
            (V{{kLiteral, "a"}, {kColon, ":"}, {kLiteral, "@{schema}.orders_@{suffix}"}}));
  // Anything up to the first '}' belongs to the constant, delimiters included.
  EXPECT_EQ(tokens("a: @{x: y, [z] \"q\" #c}w"),
            (V{{kLiteral, "a"}, {kColon, ":"}, {kLiteral, "@{x: y, [z] \"q\" #c}w"}}));
  EXPECT_EQ(tokens("a: @{}"), (V{{kLiteral, "a"}, {kColon, ":"}, {kLiteral, "@{}"}}));
  EXPECT_EQ(tokens("a: @{x}}"),
            (V{{kLiteral, "a"}, {kColon, ":"}, {kLiteral, "@{x}"}, {kRBrace, "}"}}));
  // Without a closing brace '@' is an ordinary character and '{' opens a block.
  EXPECT_EQ(tokens("a: @{x"),
            (V{{kLiteral, "a"}, {kColon, ":"}, {kLiteral, "@"}, {kLBrace, "{"}, {kLiteral, "x"}}));
  EXPECT_EQ(tokens("@"), (V{{kLiteral, "@"}}));
  EXPECT_EQ(tokens("x@y"), (V{{kLiteral, "x@y"}}));
}

// ---- Strings ------------------------------------------------------------------------------

TEST(LexerTest, Strings) {
  EXPECT_EQ(tokens("\"\""), (V{{kString, "\"\""}}));
  EXPECT_EQ(tokens("\"a b: {c} [d], #e\""), (V{{kString, "\"a b: {c} [d], #e\""}}));
  EXPECT_EQ(tokens("\"a\\\"b\""), (V{{kString, "\"a\\\"b\""}}));
  EXPECT_EQ(tokens("\"a\\\\\" x"), (V{{kString, "\"a\\\\\""}, {kLiteral, "x"}}));
  EXPECT_EQ(tokens("\"line1\nline2\""), (V{{kString, "\"line1\nline2\""}}));
  EXPECT_EQ(tokens("\"'single'\""), (V{{kString, "\"'single'\""}}));
  EXPECT_EQ(tokens("\"\\\xc3\xa9\""), (V{{kString, "\"\\\xc3\xa9\""}}));  // escaped é
  EXPECT_TRUE(lex("\"# not a comment\"").comments.empty());
}

TEST(LexerTest, UnterminatedStringIsAnErrorCharThenTokens) {
  EXPECT_EQ(tokens("label: \"abc"),
            (V{{kLiteral, "label"}, {kColon, ":"}, {kErrorChar, "\""}, {kLiteral, "abc"}}));
  EXPECT_EQ(tokens("\"a\\"), (V{{kErrorChar, "\""}, {kLiteral, "a\\"}}));
  EXPECT_EQ(tokens("\""), (V{{kErrorChar, "\""}}));
  EXPECT_EQ(tokens("\"a\\\""), (V{{kErrorChar, "\""}, {kLiteral, "a\\"}, {kErrorChar, "\""}}));
}

// ---- SQL blocks ---------------------------------------------------------------------------

TEST(LexerTest, SqlBlock) {
  EXPECT_EQ(tokens("sql: ${TABLE}.id ;;"),
            (V{{kSqlKey, "sql:"}, {kSqlText, " ${TABLE}.id "}, {kSqlEnd, ";;"}}));
}

TEST(LexerTest, SqlKeyPrefixRule) {
  for (const char* key :
       {"sql", "sql_on", "sql_table_name", "sql_trigger_value", "sqlx", "sql_FOO_9", "html",
        "html_x", "expr", "expression", "expression_custom_filter"}) {
    std::string text = std::string(key) + ": x ;;";
    EXPECT_EQ(tokens(text),
              (V{{kSqlKey, std::string(key) + ":"}, {kSqlText, " x "}, {kSqlEnd, ";;"}}))
        << key;
  }
  // Not a `;;` key: other prefixes, case, characters outside [a-zA-Z0-9_].
  for (const char* key : {"explore", "explore_source", "xsql", "SQL", "Html", "sq", "htm", "exp",
                          "sql.x", "sql-x", "sql*"}) {
    std::string text = std::string(key) + ": x";
    EXPECT_EQ(tokens(text), (V{{kLiteral, key}, {kColon, ":"}, {kLiteral, "x"}})) << key;
  }
}

TEST(LexerTest, SqlKeyAllowsWhitespaceBeforeColon) {
  EXPECT_EQ(tokens("sql : x ;;"), (V{{kSqlKey, "sql :"}, {kSqlText, " x "}, {kSqlEnd, ";;"}}));
  EXPECT_EQ(tokens("sql_on\t\r\n\f :x;;"),
            (V{{kSqlKey, "sql_on\t\r\n\f :"}, {kSqlText, "x"}, {kSqlEnd, ";;"}}));
  // A comment between key and colon ends the key: `sql` is then an ordinary literal.
  EXPECT_EQ(tokens("sql # c\n: x"), (V{{kLiteral, "sql"}, {kColon, ":"}, {kLiteral, "x"}}));
  // A byte order mark is not whitespace.
  EXPECT_EQ(tokens("sql\xef\xbb\xbf: x"), (V{{kLiteral, "sql"}, {kColon, ":"}, {kLiteral, "x"}}));
}

TEST(LexerTest, SqlTextIsOpaque) {
  EXPECT_EQ(tokens("sql: a # b -- c /* d */ \"e\" 'f' {g} [h] , : ;;"),
            (V{{kSqlKey, "sql:"},
               {kSqlText, " a # b -- c /* d */ \"e\" 'f' {g} [h] , : "},
               {kSqlEnd, ";;"}}));
  EXPECT_TRUE(lex("sql: a # b ;;").comments.empty());
  EXPECT_EQ(tokens("html: {% if x._in_query %}<b>{{ value }}</b>{% endif %} ;;"),
            (V{{kSqlKey, "html:"},
               {kSqlText, " {% if x._in_query %}<b>{{ value }}</b>{% endif %} "},
               {kSqlEnd, ";;"}}));
}

TEST(LexerTest, DoubleSemicolonGluedToText) {
  EXPECT_EQ(tokens("sql_on: ${a.id} = ${b.id};;"),
            (V{{kSqlKey, "sql_on:"}, {kSqlText, " ${a.id} = ${b.id}"}, {kSqlEnd, ";;"}}));
  EXPECT_EQ(tokens("sql:x;;type:number"), (V{{kSqlKey, "sql:"},
                                             {kSqlText, "x"},
                                             {kSqlEnd, ";;"},
                                             {kLiteral, "type"},
                                             {kColon, ":"},
                                             {kLiteral, "number"}}));
}

TEST(LexerTest, LoneSemicolonIsSqlText) {
  EXPECT_EQ(tokens("sql: a; b ;;"), (V{{kSqlKey, "sql:"}, {kSqlText, " a; b "}, {kSqlEnd, ";;"}}));
  EXPECT_EQ(tokens("sql: ; ;;"), (V{{kSqlKey, "sql:"}, {kSqlText, " ; "}, {kSqlEnd, ";;"}}));
  EXPECT_EQ(tokens("sql: a;\n;;"), (V{{kSqlKey, "sql:"}, {kSqlText, " a;\n"}, {kSqlEnd, ";;"}}));
}

TEST(LexerTest, EmptySqlHasNoTextToken) {
  EXPECT_EQ(tokens("sql:;;"), (V{{kSqlKey, "sql:"}, {kSqlEnd, ";;"}}));
}

TEST(LexerTest, TripleSemicolonLeavesOneForTheDefaultMode) {
  EXPECT_EQ(tokens("sql: x ;;;"),
            (V{{kSqlKey, "sql:"}, {kSqlText, " x "}, {kSqlEnd, ";;"}, {kLiteral, ";"}}));
}

// Every LookML parser stops at the first `;;`, even inside a quoted SQL string.
TEST(LexerTest, DoubleSemicolonInsideSqlStringStillEndsTheBlock) {
  EXPECT_EQ(
      tokens("sql: ';;' ;;"),
      (V{{kSqlKey, "sql:"}, {kSqlText, " '"}, {kSqlEnd, ";;"}, {kLiteral, "'"}, {kLiteral, ";;"}}));
  EXPECT_EQ(tokens("sql: \";;\" ;;"), (V{{kSqlKey, "sql:"},
                                         {kSqlText, " \""},
                                         {kSqlEnd, ";;"},
                                         {kErrorChar, "\""},
                                         {kLiteral, ";;"}}));
}

TEST(LexerTest, UnterminatedSqlRunsToTheEnd) {
  EXPECT_EQ(tokens("sql: select 1\n}\n"), (V{{kSqlKey, "sql:"}, {kSqlText, " select 1\n}\n"}}));
  EXPECT_EQ(tokens("sql: a;"), (V{{kSqlKey, "sql:"}, {kSqlText, " a;"}}));
  EXPECT_EQ(tokens("sql:"), (V{{kSqlKey, "sql:"}}));
}

TEST(LexerTest, NoSqlModeInsideLists) {
  EXPECT_EQ(tokens("filters: [sql_flag: \"yes\", expr_date: desc]"), (V{{kLiteral, "filters"},
                                                                        {kColon, ":"},
                                                                        {kLBracket, "["},
                                                                        {kLiteral, "sql_flag"},
                                                                        {kColon, ":"},
                                                                        {kString, "\"yes\""},
                                                                        {kComma, ","},
                                                                        {kLiteral, "expr_date"},
                                                                        {kColon, ":"},
                                                                        {kLiteral, "desc"},
                                                                        {kRBracket, "]"}}));
  // Back to SQL mode once every list is closed, including nested ones.
  EXPECT_EQ(tokens("a: [[html: x]] sql: y ;;"), (V{{kLiteral, "a"},
                                                   {kColon, ":"},
                                                   {kLBracket, "["},
                                                   {kLBracket, "["},
                                                   {kLiteral, "html"},
                                                   {kColon, ":"},
                                                   {kLiteral, "x"},
                                                   {kRBracket, "]"},
                                                   {kRBracket, "]"},
                                                   {kSqlKey, "sql:"},
                                                   {kSqlText, " y "},
                                                   {kSqlEnd, ";;"}}));
  // A stray ']' does not make the depth negative.
  EXPECT_EQ(tokens("] sql: y ;;"),
            (V{{kRBracket, "]"}, {kSqlKey, "sql:"}, {kSqlText, " y "}, {kSqlEnd, ";;"}}));
  // Brackets in strings and SQL text do not count.
  EXPECT_EQ(tokens("a: \"[\" sql: [ ;; html: y ;;"), (V{{kLiteral, "a"},
                                                        {kColon, ":"},
                                                        {kString, "\"[\""},
                                                        {kSqlKey, "sql:"},
                                                        {kSqlText, " [ "},
                                                        {kSqlEnd, ";;"},
                                                        {kSqlKey, "html:"},
                                                        {kSqlText, " y "},
                                                        {kSqlEnd, ";;"}}));
}

TEST(LexerTest, SqlModeInsideBlocks) {
  EXPECT_EQ(
      tokens("{sql: x ;;}"),
      (V{{kLBrace, "{"}, {kSqlKey, "sql:"}, {kSqlText, " x "}, {kSqlEnd, ";;"}, {kRBrace, "}"}}));
}

// ---- Comments, BOM, line endings, unicode -------------------------------------------------

TEST(LexerTest, CommentsAreSeparate) {
  std::string text = "# head\nview: x { # open\n  a: b # tail\n}\n#last";
  EXPECT_EQ(comments(text), (std::vector<std::string>{"# head", "# open", "# tail", "#last"}));
  EXPECT_EQ(tokens(text), tokens("view: x {\n a: b\n}"));
  EXPECT_EQ(comments("# crlf\r\n#"), (std::vector<std::string>{"# crlf", "#"}));
  EXPECT_EQ(comments("#a\r#b"), (std::vector<std::string>{"#a", "#b"}));
  EXPECT_EQ(comments("sql: x ;; # after"), (std::vector<std::string>{"# after"}));
  EXPECT_EQ(comments("a: [x, # in list\n y]"), (std::vector<std::string>{"# in list"}));
}

TEST(LexerTest, ByteOrderMarkIsSkipped) {
  LexResult r = lex("\xef\xbb\xbfview: x");
  ASSERT_EQ(r.tokens.size(), 4u);
  EXPECT_EQ(r.tokens[0].begin, 3u);
  EXPECT_EQ(tokens("\xef\xbb\xbfview: x"), (V{{kLiteral, "view"}, {kColon, ":"}, {kLiteral, "x"}}));
  // A BOM elsewhere separates tokens, like whitespace.
  EXPECT_EQ(tokens("a\xef\xbb\xbf\xef\xbb\xbf b"), (V{{kLiteral, "a"}, {kLiteral, "b"}}));
  // ... except inside strings and SQL, where it is data.
  EXPECT_EQ(tokens("\"\xef\xbb\xbf\""), (V{{kString, "\"\xef\xbb\xbf\""}}));
}

TEST(LexerTest, WindowsLineEndings) {
  EXPECT_EQ(tokens("view: x {\r\n  sql: a\r\n b ;;\r\n}\r\n"), (V{{kLiteral, "view"},
                                                                  {kColon, ":"},
                                                                  {kLiteral, "x"},
                                                                  {kLBrace, "{"},
                                                                  {kSqlKey, "sql:"},
                                                                  {kSqlText, " a\r\n b "},
                                                                  {kSqlEnd, ";;"},
                                                                  {kRBrace, "}"}}));
}

TEST(LexerTest, Tabs) {
  EXPECT_EQ(
      tokens("\tview:\tx\t{\t}"),
      (V{{kLiteral, "view"}, {kColon, ":"}, {kLiteral, "x"}, {kLBrace, "{"}, {kRBrace, "}"}}));
}

TEST(LexerTest, Unicode) {
  EXPECT_EQ(tokens("view: caf\xc3\xa9 { label: \"\xe6\x97\xa5\xe6\x9c\xac\" }"),
            (V{{kLiteral, "view"},
               {kColon, ":"},
               {kLiteral, "caf\xc3\xa9"},
               {kLBrace, "{"},
               {kLiteral, "label"},
               {kColon, ":"},
               {kString, "\"\xe6\x97\xa5\xe6\x9c\xac\""},
               {kRBrace, "}"}}));
  EXPECT_EQ(tokens("a: \xf0\x9f\x98\x80,b"), (V{{kLiteral, "a"},
                                                {kColon, ":"},
                                                {kLiteral, "\xf0\x9f\x98\x80"},
                                                {kComma, ","},
                                                {kLiteral, "b"}}));
}

// Bytes that are not UTF-8 never stop a literal and never read past the end.
TEST(LexerTest, InvalidUtf8DoesNotCrash) {
  EXPECT_EQ(tokens("a: \xff\xfe"), (V{{kLiteral, "a"}, {kColon, ":"}, {kLiteral, "\xff\xfe"}}));
  EXPECT_EQ(tokens("\xf0\x9f"), (V{{kLiteral, "\xf0\x9f"}}));
  EXPECT_EQ(tokens("\"\\\xf0"), (V{{kErrorChar, "\""}, {kLiteral, "\\\xf0"}}));
  EXPECT_EQ(tokens("\xef\xbb"), (V{{kLiteral, "\xef\xbb"}}));
}

TEST(LexerTest, NulBytesAreLiteralCharacters) {
  EXPECT_EQ(tokens(std::string("a\0b", 3)), (V{{kLiteral, std::string("a\0b", 3)}}));
}

// ---- Nesting depth ------------------------------------------------------------------------

TEST(LexerTest, TracksNestingDepth) {
  LexResult r = lex("a: { b: [ [ x ] ] c: { } }");
  EXPECT_EQ(r.max_depth, 3u);
  EXPECT_EQ(r.too_deep_at, UINT32_MAX);
  EXPECT_EQ(lex("}}}]]] a: {").max_depth, 1u);
}

TEST(LexerTest, ReportsFirstBracketPastTheLimit) {
  LexResult r = lex("a: { b: { c: [ d ] } } e: {{{", 2);
  EXPECT_EQ(r.max_depth, 3u);
  EXPECT_EQ(r.too_deep_at, 13u);  // the '[' at depth 3
  EXPECT_EQ(lex("{{}}", 2).too_deep_at, UINT32_MAX);
  EXPECT_EQ(lex("{{{", 2).too_deep_at, 2u);
}

}  // namespace
}  // namespace lkml::grammar
