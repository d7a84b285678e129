#include "catalog/identifier.h"

#include <gtest/gtest.h>

namespace lkml::catalog {
namespace {

using Parts = std::vector<std::string>;

TEST(QuoteIdentifierTest, AlwaysQuotesAndDoublesQuotes) {
  EXPECT_EQ(quoteIdentifier("orders"), "\"orders\"");
  EXPECT_EQ(quoteIdentifier("Mixed Case"), "\"Mixed Case\"");
  EXPECT_EQ(quoteIdentifier("a\"b"), "\"a\"\"b\"");
  EXPECT_EQ(quoteQualifiedName("Sales", "order items"), "\"Sales\".\"order items\"");
}

TEST(FormatIdentifierTest, QuotesOnlyWhenPostgresNeedsIt) {
  EXPECT_EQ(formatIdentifier("order_items"), "order_items");
  EXPECT_EQ(formatIdentifier("_x1"), "_x1");
  EXPECT_EQ(formatIdentifier("Orders"), "\"Orders\"");
  EXPECT_EQ(formatIdentifier("order items"), "\"order items\"");
  EXPECT_EQ(formatIdentifier("1st"), "\"1st\"");
  EXPECT_EQ(formatIdentifier("cost$"), "\"cost$\"");
  EXPECT_EQ(formatIdentifier(""), "\"\"");
}

TEST(FormatIdentifierTest, QuotesReservedButNotUnreservedKeywords) {
  EXPECT_EQ(formatIdentifier("user"), "\"user\"");
  EXPECT_EQ(formatIdentifier("order"), "\"order\"");
  EXPECT_EQ(formatIdentifier("all"), "\"all\"");            // first in the sorted list
  EXPECT_EQ(formatIdentifier("xmltable"), "\"xmltable\"");  // last in the sorted list
  EXPECT_EQ(formatIdentifier("left"), "\"left\"");          // type_func_name keyword
  EXPECT_EQ(formatIdentifier("integer"), "\"integer\"");    // col_name keyword
  EXPECT_EQ(formatIdentifier("name"), "name");              // unreserved
  EXPECT_EQ(formatIdentifier("users"), "users");
}

TEST(ParseQualifiedNameTest, FoldsUnquotedPartsToLowerCase) {
  EXPECT_EQ(parseQualifiedName("Public.Orders"), Parts({"public", "orders"}));
  EXPECT_EQ(parseQualifiedName("ORDERS"), Parts({"orders"}));
  EXPECT_EQ(parseQualifiedName("db.Sales.Orders"), Parts({"db", "sales", "orders"}));
}

TEST(ParseQualifiedNameTest, KeepsQuotedPartsExactly) {
  EXPECT_EQ(parseQualifiedName("\"Sales\".\"Order Items\""), Parts({"Sales", "Order Items"}));
  EXPECT_EQ(parseQualifiedName("sales.\"Orders\""), Parts({"sales", "Orders"}));
  EXPECT_EQ(parseQualifiedName("\"a\"\"b\""), Parts({"a\"b"}));
  EXPECT_EQ(parseQualifiedName("\"with.dot\""), Parts({"with.dot"}));
}

TEST(ParseQualifiedNameTest, AllowsWhitespaceAroundParts) {
  EXPECT_EQ(parseQualifiedName("  public . orders\n"), Parts({"public", "orders"}));
}

TEST(ParseQualifiedNameTest, KeepsNonAsciiLettersAsTheyAre) {
  EXPECT_EQ(parseQualifiedName("Bestellungen_Ü"), Parts({"bestellungen_Ü"}));
}

TEST(ParseQualifiedNameTest, RejectsWhatIsNotAName) {
  for (const char* text :
       {"", "a.", ".a", "a..b", "\"open", "\"\"", "a b", "(SELECT 1)", "1abc", "a-b", "\"x\"y"}) {
    EXPECT_FALSE(parseQualifiedName(text).has_value()) << text;
  }
}

}  // namespace
}  // namespace lkml::catalog
