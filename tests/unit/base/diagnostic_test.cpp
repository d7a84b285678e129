// Diagnostic, the code registry (diagnostic_codes.def) and DiagnosticBag.
#include "base/diagnostic.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <set>
#include <thread>

#include "base/diagnostic_renderer.h"

namespace lkml {
namespace {

TEST(DiagnosticCodesTest, RegistryIsSortedUniqueAndComplete) {
  const auto& codes = allDiagnosticCodes();
  ASSERT_FALSE(codes.empty());
  std::set<int> numbers;
  std::set<std::string> slugs;
  for (size_t i = 0; i < codes.size(); ++i) {
    EXPECT_TRUE(numbers.insert(codes[i].number).second) << "duplicate " << codes[i].number;
    EXPECT_TRUE(slugs.insert(codes[i].slug).second) << "duplicate slug " << codes[i].slug;
    if (i > 0) {
      EXPECT_LT(codes[i - 1].number, codes[i].number);
    }
    EXPECT_GE(codes[i].number, 100);
    EXPECT_LT(codes[i].number, 1000);
    EXPECT_NE(std::string(codes[i].summary), "");
  }
  for (int n : {101, 102, 103, 104, 105, 106, 107, 108, 109, 111}) {
    EXPECT_EQ(numbers.count(n), 1u) << n;
  }
}

TEST(DiagnosticCodesTest, EnumMatchesTheDefFile) {
  EXPECT_EQ(static_cast<int>(DiagCode::unexpected_token), 101);
  EXPECT_EQ(static_cast<int>(DiagCode::unclosed_block), 102);
  EXPECT_EQ(static_cast<int>(DiagCode::unterminated_sql), 103);
  EXPECT_EQ(static_cast<int>(DiagCode::unterminated_string), 104);
  EXPECT_EQ(static_cast<int>(DiagCode::invalid_utf8), 105);
  EXPECT_EQ(static_cast<int>(DiagCode::binary_file), 106);
  EXPECT_EQ(static_cast<int>(DiagCode::nesting_too_deep), 107);
  EXPECT_EQ(static_cast<int>(DiagCode::missing_value), 108);
  EXPECT_EQ(static_cast<int>(DiagCode::unreadable_file), 109);
  EXPECT_EQ(static_cast<int>(DiagCode::unexpected_close), 111);
}

TEST(DiagnosticCodesTest, FindDiagnosticCode) {
  const DiagInfo* info = findDiagnosticCode(102);
  ASSERT_NE(info, nullptr);
  EXPECT_STREQ(info->slug, "unclosed_block");
  EXPECT_STREQ(info->summary, "block or list not closed");
  EXPECT_EQ(info->severity, Severity::Error);
  EXPECT_EQ(findDiagnosticCode(110), nullptr);
  EXPECT_EQ(findDiagnosticCode(0), nullptr);
}

// Registering changes the process-wide registry, so it runs in a child process (a death test)
// and leaves this process's registry untouched for the documentation test.
void registerTestCodesAndCheck() {
  registerDiagnosticCodes({{998, Severity::Warning, "test_only_b", "second test code"},
                           {997, Severity::Info, "test_only_a", "first test code"},
                           {101, Severity::Warning, "not_replaced", "existing codes win"}});
  registerDiagnosticCodes({{997, Severity::Error, "again", "ignored"}});
  const DiagInfo* a = findDiagnosticCode(997);
  if (!a || std::string(a->slug) != "test_only_a" || a->severity != Severity::Info) std::exit(1);
  if (std::string(findDiagnosticCode(101)->slug) != "unexpected_token") std::exit(2);
  const auto& codes = allDiagnosticCodes();
  for (size_t i = 1; i < codes.size(); ++i) {
    if (codes[i - 1].number >= codes[i].number) std::exit(3);
  }
  // makeDiagnostic takes the registered default severity.
  if (makeDiagnostic(static_cast<DiagCode>(998), {}, "m").severity != Severity::Warning) {
    std::exit(4);
  }
  std::exit(0);
}

TEST(DiagnosticCodesTest, RegisterAddsOnceAndKeepsOrder) {
  EXPECT_EXIT(registerTestCodesAndCheck(), testing::ExitedWithCode(0), "");
  EXPECT_EQ(findDiagnosticCode(997), nullptr);  // only the child registered it
}

TEST(DiagnosticTest, CodeName) {
  Diagnostic d;
  d.code = 101;
  EXPECT_EQ(d.codeName(), "LKML101");
  d.code = 7;
  EXPECT_EQ(d.codeName(), "LKML007");
  d.code = 4012;
  EXPECT_EQ(d.codeName(), "LKML4012");
}

TEST(DiagnosticTest, MakeDiagnostic) {
  Span span{2, 5, 9};
  Diagnostic d = makeDiagnostic(DiagCode::missing_value, span, "expected a value");
  EXPECT_EQ(d.code, 108);
  EXPECT_EQ(d.severity, Severity::Error);
  EXPECT_EQ(d.span.file, 2u);
  EXPECT_EQ(d.span.begin, 5u);
  EXPECT_EQ(d.span.end, 9u);
  EXPECT_EQ(d.message, "expected a value");
  EXPECT_TRUE(d.label.empty());
  EXPECT_TRUE(d.help.empty());
  EXPECT_TRUE(d.notes.empty());
  EXPECT_TRUE(d.path.empty());
  // An unknown code defaults to an error.
  EXPECT_EQ(makeDiagnostic(static_cast<DiagCode>(990), {}, "x").severity, Severity::Error);
}

TEST(DiagnosticTest, SeverityNames) {
  EXPECT_STREQ(severityName(Severity::Error), "error");
  EXPECT_STREQ(severityName(Severity::Warning), "warning");
  EXPECT_STREQ(severityName(Severity::Info), "info");
}

Diagnostic diag(FileId file, uint32_t begin, int code, Severity severity = Severity::Error,
                std::string path = "") {
  Diagnostic d;
  d.span = {file, begin, begin + 1};
  d.code = code;
  d.severity = severity;
  d.path = std::move(path);
  d.message = std::to_string(file) + ":" + std::to_string(begin) + ":" + std::to_string(code);
  return d;
}

TEST(DiagnosticBagTest, CountsBySeverity) {
  DiagnosticBag bag;
  EXPECT_FALSE(bag.hasErrors());
  EXPECT_EQ(bag.errorCount(), 0u);
  bag.report(diag(0, 0, 201, Severity::Warning));
  bag.report(diag(0, 1, 202, Severity::Info));
  EXPECT_FALSE(bag.hasErrors());
  EXPECT_EQ(bag.warningCount(), 1u);
  bag.report(diag(0, 2, 101));
  EXPECT_TRUE(bag.hasErrors());
  EXPECT_EQ(bag.errorCount(), 1u);
  EXPECT_EQ(bag.diagnostics().size(), 3u);
}

TEST(DiagnosticBagTest, SortByFileThenPositionThenCode) {
  DiagnosticBag bag;
  bag.report(diag(1, 5, 101));
  bag.report(diag(0, 9, 103));
  bag.report(diag(0, 9, 102));
  bag.report(diag(0, 2, 111));
  bag.report(diag(1, 0, 101));
  bag.sort();
  std::vector<std::string> order;
  for (const auto& d : bag.diagnostics()) order.push_back(d.message);
  EXPECT_EQ(order,
            (std::vector<std::string>{"0:2:111", "0:9:102", "0:9:103", "1:0:101", "1:5:101"}));
}

TEST(DiagnosticBagTest, SortIsStableForEqualKeys) {
  DiagnosticBag bag;
  for (int i = 0; i < 20; ++i) {
    Diagnostic d = diag(0, 4, 101);
    d.message = std::to_string(i);
    bag.report(std::move(d));
  }
  bag.sort();
  for (int i = 0; i < 20; ++i) EXPECT_EQ(bag.diagnostics()[i].message, std::to_string(i));
}

TEST(DiagnosticBagTest, FileLevelDiagnosticsSortByPath) {
  DiagnosticBag bag;
  Diagnostic b = makeDiagnostic(DiagCode::unreadable_file, {}, "b");
  b.path = "b.lkml";
  Diagnostic a = makeDiagnostic(DiagCode::unreadable_file, {}, "a");
  a.path = "a.lkml";
  bag.report(std::move(b));
  bag.report(std::move(a));
  bag.report(diag(0, 0, 101));
  bag.sort();
  EXPECT_EQ(bag.diagnostics()[0].message, "0:0:101");  // files with spans first (id < kNoFile)
  EXPECT_EQ(bag.diagnostics()[1].message, "a");
  EXPECT_EQ(bag.diagnostics()[2].message, "b");
}

TEST(DiagnosticBagTest, Append) {
  DiagnosticBag a, b;
  a.report(diag(0, 0, 101));
  b.report(diag(0, 1, 102));
  b.report(diag(0, 2, 103, Severity::Warning));
  a.append(std::move(b));
  EXPECT_EQ(a.diagnostics().size(), 3u);
  EXPECT_EQ(a.errorCount(), 2u);
  EXPECT_TRUE(b.diagnostics().empty());  // NOLINT(bugprone-use-after-move): append empties it
}

TEST(DiagnosticBagTest, ThreadSafeReport) {
  DiagnosticBag bag;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&bag, t] {
      for (int i = 0; i < 500; ++i) bag.report(diag(t, i, 101));
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(bag.diagnostics().size(), 2000u);
  EXPECT_EQ(bag.errorCount(), 2000u);
}

TEST(OutputFormatTest, Parse) {
  OutputFormat f = OutputFormat::Text;
  EXPECT_TRUE(parseOutputFormat("json", &f));
  EXPECT_EQ(f, OutputFormat::Json);
  EXPECT_TRUE(parseOutputFormat("sarif", &f));
  EXPECT_EQ(f, OutputFormat::Sarif);
  EXPECT_TRUE(parseOutputFormat("github", &f));
  EXPECT_EQ(f, OutputFormat::Github);
  EXPECT_TRUE(parseOutputFormat("text", &f));
  EXPECT_EQ(f, OutputFormat::Text);
  EXPECT_FALSE(parseOutputFormat("JSON", &f));
  EXPECT_FALSE(parseOutputFormat("", &f));
  EXPECT_FALSE(parseOutputFormat("xml", &f));
  EXPECT_EQ(f, OutputFormat::Text);  // unchanged on failure
}

TEST(ResolveLocationTest, SpanAndPathFallback) {
  SourceMap sources;
  sources.add("a.lkml", "ab\n\xc3\xa9x\n");
  ResolvedLocation loc = resolveLocation(sources, {0, 3, 6}, "ignored");
  EXPECT_EQ(loc.path, "a.lkml");
  EXPECT_EQ(loc.line, 2u);
  EXPECT_EQ(loc.column, 1u);
  EXPECT_EQ(loc.end_line, 2u);
  EXPECT_EQ(loc.end_column, 3u);  // é counts once
  ResolvedLocation none = resolveLocation(sources, {}, "dir/x.lkml");
  EXPECT_EQ(none.path, "dir/x.lkml");
  EXPECT_EQ(none.line, 0u);
  ResolvedLocation unknown_file = resolveLocation(sources, {5, 0, 1}, "p");
  EXPECT_EQ(unknown_file.path, "p");
  EXPECT_EQ(unknown_file.line, 0u);
}

}  // namespace
}  // namespace lkml
