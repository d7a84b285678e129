#include <gmock/gmock.h>

#include "tests/unit/ide/ide_test_support.h"

namespace lkml::ide::test {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::vector<std::string> names(const std::vector<Symbol>& symbols) {
  std::vector<std::string> out;
  for (const Symbol& s : symbols) out.push_back(s.name);
  return out;
}

TEST(DocumentSymbolsTest, ViewsWithFieldsAndSets) {
  IdeProject p{sampleFiles()};
  const std::string v = "views/orders.view.lkml";
  std::vector<Symbol> symbols = documentSymbols(p.project(), v);
  ASSERT_EQ(symbols.size(), 1u);
  EXPECT_EQ(symbols[0].kind, SymbolKind::View);
  EXPECT_EQ(p.slice(symbols[0].selection), "orders");
  EXPECT_EQ(symbols[0].range.begin, 0u);
  EXPECT_THAT(names(symbols[0].children),
              ElementsAre("id", "user_id", "created", "big", "count", "details"));
  EXPECT_EQ(symbols[0].children[2].kind, SymbolKind::DimensionGroup);
  EXPECT_EQ(symbols[0].children[4].kind, SymbolKind::Measure);
  EXPECT_EQ(symbols[0].children[4].detail, "count");
  EXPECT_EQ(symbols[0].children[5].kind, SymbolKind::Set);
  // Refinements are listed with their `+`.
  EXPECT_THAT(names(documentSymbols(p.project(), "views/users.view.lkml")),
              ElementsAre("users", "+users"));
}

TEST(DocumentSymbolsTest, ModelFileHoldsExploresJoinsAndGrants) {
  IdeProject p{sampleFiles()};
  std::vector<Symbol> symbols = documentSymbols(p.project(), "a.model.lkml");
  ASSERT_EQ(symbols.size(), 1u);
  EXPECT_EQ(symbols[0].kind, SymbolKind::Model);
  EXPECT_EQ(symbols[0].name, "a");
  EXPECT_EQ(symbols[0].detail, "db");
  EXPECT_THAT(names(symbols[0].children), ElementsAre("staff", "orders"));
  const Symbol& explore = symbols[0].children[1];
  EXPECT_THAT(names(explore.children), ElementsAre("users", "buyer"));
  EXPECT_EQ(explore.children[1].detail, "from users");
  EXPECT_THAT(documentSymbols(p.project(), "missing.lkml"), IsEmpty());
}

TEST(WorkspaceSymbolsTest, RankedSubstringAndSubsequenceMatches) {
  IdeProject p{sampleFiles()};
  std::vector<Symbol> found = workspaceSymbols(p.project(), "user");
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found[0].name, "users");  // prefix of `users` ranks before `orders.user_id`
  std::vector<std::string> all = names(found);
  EXPECT_NE(std::find(all.begin(), all.end(), "orders.user_id"), all.end());
  EXPECT_THAT(names(workspaceSymbols(p.project(), "ORDcrt")), ElementsAre("orders.created"));
  EXPECT_THAT(workspaceSymbols(p.project(), "zzzz"), IsEmpty());
  EXPECT_GE(workspaceSymbols(p.project(), "").size(), 15u);
}

}  // namespace
}  // namespace lkml::ide::test
