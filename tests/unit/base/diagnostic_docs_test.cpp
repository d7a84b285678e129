// docs/diagnostics.md documents every diagnostic code: a `## LKMLnnn slug` heading per code
// registered in lkml::allDiagnosticCodes(), with a bad example, a good example and the message.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "base/diagnostic.h"
#include "tests/support/test_paths.h"

namespace lkml {
namespace {

std::string docsPath() { return test::sourceDir() + "/docs/diagnostics.md"; }

// Code number -> the text of its section (up to the next heading of the same or higher level).
std::map<int, std::string> documentedSections(const std::string& text) {
  std::map<int, std::string> sections;
  std::regex heading(R"(^(#{2,}) LKML(\d{3}) [a-z0-9_-]+\s*$)");
  std::istringstream in(text);
  std::string line;
  int current = 0;
  size_t level = 0;
  while (std::getline(in, line)) {
    std::smatch m;
    if (std::regex_match(line, m, heading)) {
      current = std::stoi(m[2].str());
      level = m[1].length();
      sections[current];
      continue;
    }
    if (!line.empty() && line[0] == '#') {
      size_t hashes = line.find_first_not_of('#');
      if (hashes != std::string::npos && hashes <= level && line[hashes] == ' ') current = 0;
    }
    if (current) sections[current] += line + "\n";
  }
  return sections;
}

std::string slugHeading(const DiagInfo& info) {
  std::string slug = info.slug;
  for (char& c : slug) {
    if (c == '_') c = '-';
  }
  return slug;
}

TEST(DiagnosticDocsTest, EveryRegisteredCodeHasASection) {
  std::string text = test::readText(docsPath());
  ASSERT_FALSE(text.empty()) << docsPath();
  std::map<int, std::string> sections = documentedSections(text);
  for (const DiagInfo& info : allDiagnosticCodes()) {
    char code[16];
    std::snprintf(code, sizeof code, "LKML%03d", info.number);
    EXPECT_EQ(sections.count(info.number), 1u)
        << "docs/diagnostics.md has no `## " << code << " " << slugHeading(info) << "` section ("
        << info.summary << ")";
  }
}

TEST(DiagnosticDocsTest, HeadingsUseTheSlugOfTheirCode) {
  std::string text = test::readText(docsPath());
  std::regex heading(R"(^#{2,} LKML(\d{3}) ([a-z0-9_-]+)\s*$)");
  std::istringstream in(text);
  std::string line;
  std::set<int> seen;
  while (std::getline(in, line)) {
    std::smatch m;
    if (!std::regex_match(line, m, heading)) continue;
    int number = std::stoi(m[1].str());
    EXPECT_TRUE(seen.insert(number).second) << "two sections for LKML" << number;
    const DiagInfo* info = findDiagnosticCode(number);
    if (!info) continue;  // a later stage's code, registered by its own library
    std::string slug = m[2].str();
    for (char& c : slug) {
      if (c == '_') c = '-';
    }
    EXPECT_EQ(slug, slugHeading(*info)) << line;
  }
}

// The syntax codes (this stage) each show a bad example, a good example and the message.
TEST(DiagnosticDocsTest, SyntaxSectionsHaveExamplesAndMessages) {
  std::map<int, std::string> sections = documentedSections(test::readText(docsPath()));
  for (const DiagInfo& info : allDiagnosticCodes()) {
    if (info.number >= 200) continue;
    const std::string& body = sections[info.number];
    char code[16];
    std::snprintf(code, sizeof code, "LKML%03d", info.number);
    EXPECT_NE(body.find("**Meaning.**"), std::string::npos) << code;
    EXPECT_NE(body.find("Bad"), std::string::npos) << code;
    EXPECT_NE(body.find("Good"), std::string::npos) << code;
    EXPECT_NE(body.find(std::string("error[") + code + "]"), std::string::npos)
        << code << ": the section must quote the message lkml prints";
  }
}

TEST(DiagnosticDocsTest, OneSectionPerRange) {
  std::string text = test::readText(docsPath());
  for (const char* range : {"# 1xx", "# 2xx", "# 3xx", "# 4xx"}) {
    EXPECT_NE(text.find(std::string("\n") + range), std::string::npos) << range;
  }
}

// Every code declared in any *.def file of the source tree, documented in docs/diagnostics.md or
// in a docs/diagnostics-*.md page. Disabled until the 2xx/3xx sections are written (run with
// --gtest_also_run_disabled_tests); the registered-codes test above already covers each stage
// whose library is linked into a test.
TEST(DiagnosticDocsTest, DISABLED_EveryCodeOfEveryDefFileIsDocumented) {
  namespace fs = std::filesystem;
  std::string docs;
  for (const auto& entry : fs::directory_iterator(test::sourceDir() + "/docs")) {
    std::string name = entry.path().filename().string();
    if (name.rfind("diagnostics", 0) == 0 && entry.path().extension() == ".md") {
      docs += test::readText(entry.path().string());
    }
  }
  std::set<int> documented;
  std::regex heading(R"((^|\n)#{2,} LKML(\d{3}))");
  for (std::sregex_iterator it(docs.begin(), docs.end(), heading), end; it != end; ++it) {
    documented.insert(std::stoi((*it)[2].str()));
  }
  std::regex declared(R"(LKML_DIAG\(\s*(\d{3}))");
  for (const char* dir : {"base", "grammar", "semantic", "schema", "codegen", "catalog"}) {
    fs::path path = fs::path(test::sourceDir()) / dir;
    if (!fs::is_directory(path)) continue;
    for (const auto& entry : fs::directory_iterator(path)) {
      if (entry.path().extension() != ".def") continue;
      std::string text = test::readText(entry.path().string());
      for (std::sregex_iterator it(text.begin(), text.end(), declared), end; it != end; ++it) {
        int number = std::stoi((*it)[1].str());
        EXPECT_EQ(documented.count(number), 1u)
            << "LKML" << number << " (" << entry.path().filename().string()
            << ") is not documented";
      }
    }
  }
}

}  // namespace
}  // namespace lkml
