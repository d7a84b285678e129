// docs/diagnostics.md documents every diagnostic code on one page: a `## LKMLnnn slug` section
// per code, with a **Meaning.** paragraph, a bad example, a good example and the message. The
// first tests check the codes registered in lkml::allDiagnosticCodes() (base_tests links only
// lkml_base, so the 1xx codes); EveryCodeOfEveryDefFileIsDocumented reads every *.def file.
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
    EXPECT_TRUE(body.find(std::string("error[") + code + "]") != std::string::npos ||
                body.find(std::string("warning[") + code + "]") != std::string::npos)
        << code << ": the section must quote the message lkml prints";
  }
}

TEST(DiagnosticDocsTest, OneSectionPerRange) {
  std::string text = test::readText(docsPath());
  for (const char* range : {"# 1xx", "# 2xx", "# 3xx", "# 4xx"}) {
    EXPECT_NE(text.find(std::string("\n") + range), std::string::npos) << range;
  }
}

// Every code declared in any *.def file of the source tree (base/diagnostic_codes.def,
// semantic/semantic_codes.def, schema/schema_codes.def, codegen/query_codes.def,
// codegen/filter_codes.def, ...) has exactly one section in docs/diagnostics.md, headed
// `## LKMLnnn slug` with the slug of its .def entry, and the section has a **Meaning.**
// paragraph, a bad example, a good example and the message lkml prints, quoted with its level
// (`error[LKMLnnn]`, `warning[LKMLnnn]` or `info[LKMLnnn]`). Unlike the tests above this reads
// the .def files themselves, so it covers the codes of the stages whose libraries base_tests
// does not link.
TEST(DiagnosticDocsTest, EveryCodeOfEveryDefFileIsDocumented) {
  namespace fs = std::filesystem;
  std::string docs = test::readText(docsPath());
  ASSERT_FALSE(docs.empty()) << docsPath();
  std::map<int, std::string> sections = documentedSections(docs);
  std::map<int, int> headings;  // code -> number of `## LKMLnnn` headings
  std::map<int, std::string> heading_slugs;
  std::regex heading(R"(^#{2,} LKML(\d{3}) ([a-z0-9_-]+)\s*$)");
  std::istringstream in(docs);
  std::string line;
  while (std::getline(in, line)) {
    std::smatch m;
    if (!std::regex_match(line, m, heading)) continue;
    int number = std::stoi(m[1].str());
    ++headings[number];
    heading_slugs[number] = m[2].str();
  }
  // LKML_DIAG(number, severity, slug, summary); the summary may continue on the next line.
  std::regex declared(R"(LKML_DIAG\(\s*(\d{3})\s*,\s*\w+\s*,\s*(\w+)\s*,)");
  size_t codes = 0;
  for (const char* dir : {"base", "grammar", "semantic", "schema", "codegen", "catalog"}) {
    fs::path path = fs::path(test::sourceDir()) / dir;
    if (!fs::is_directory(path)) continue;
    for (const auto& entry : fs::directory_iterator(path)) {
      if (entry.path().extension() != ".def") continue;
      std::string def = entry.path().filename().string();
      std::string text = test::readText(entry.path().string());
      for (std::sregex_iterator it(text.begin(), text.end(), declared), end; it != end; ++it) {
        ++codes;
        int number = std::stoi((*it)[1].str());
        std::string slug = (*it)[2].str();
        for (char& c : slug) {
          if (c == '_') c = '-';
        }
        char code[16];
        std::snprintf(code, sizeof code, "LKML%03d", number);
        std::string where = std::string(code) + " (" + def + ")";
        EXPECT_EQ(headings[number], 1) << where << ": docs/diagnostics.md needs exactly one `## "
                                       << code << " " << slug << "` section";
        if (headings[number] == 0) continue;
        EXPECT_EQ(heading_slugs[number], slug) << where << ": the heading's slug";
        const std::string& body = sections[number];
        EXPECT_NE(body.find("**Meaning.**"), std::string::npos) << where;
        EXPECT_NE(body.find("Bad"), std::string::npos) << where << ": a bad example";
        EXPECT_NE(body.find("Good"), std::string::npos) << where << ": a good example";
        std::string quoted = std::string(code) + "]";
        bool message = false;
        for (const char* level : {"error[", "warning[", "info["}) {
          message |= body.find(level + quoted) != std::string::npos;
        }
        EXPECT_TRUE(message) << where << ": the section must quote the message lkml prints";
      }
    }
  }
  // The five .def files hold 90 codes today; fewer means the scan (or the regex) broke.
  EXPECT_GE(codes, 90u);
}

}  // namespace
}  // namespace lkml
