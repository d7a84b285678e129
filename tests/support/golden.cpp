#include "tests/support/golden.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

namespace lkml::test {

namespace {
std::vector<std::string> splitLines(const std::string& text) {
  std::vector<std::string> lines;
  std::stringstream in(text);
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

// A compact diff: the first differing line with a little context on both sides.
std::string describeDifference(const std::string& expected, const std::string& actual) {
  auto a = splitLines(expected), b = splitLines(actual);
  size_t i = 0;
  while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
  std::ostringstream out;
  out << "first difference at line " << i + 1 << "\n";
  size_t from = i >= 3 ? i - 3 : 0;
  for (size_t k = from; k < i; ++k) out << "  " << a[k] << "\n";
  for (size_t k = i; k < std::min(a.size(), i + 6); ++k) out << "- " << a[k] << "\n";
  for (size_t k = i; k < std::min(b.size(), i + 6); ++k) out << "+ " << b[k] << "\n";
  out << "(rerun with LKML_UPDATE_GOLDEN=1 to accept the new output, then review `git diff`)";
  return out.str();
}
}  // namespace

bool updatingGoldens() {
  const char* env = std::getenv("LKML_UPDATE_GOLDEN");
  return env && *env && std::string(env) != "0";
}

void expectMatchesGolden(const std::string& expected_path, const std::string& actual) {
  if (updatingGoldens()) {
    std::filesystem::create_directories(std::filesystem::path(expected_path).parent_path());
    std::ofstream(expected_path, std::ios::binary) << actual;
    return;
  }
  std::ifstream in(expected_path, std::ios::binary);
  if (!in) {
    ADD_FAILURE() << "missing golden file " << expected_path
                  << " (create it with LKML_UPDATE_GOLDEN=1)";
    return;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string expected = buffer.str();
  if (expected != actual) {
    ADD_FAILURE() << expected_path << " differs:\n" << describeDifference(expected, actual);
  }
}

}  // namespace lkml::test
