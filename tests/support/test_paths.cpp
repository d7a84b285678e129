#include "tests/support/test_paths.h"

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace lkml::test {

std::string sourceDir() { return LKML_SOURCE_DIR; }
std::string binaryDir() { return LKML_BINARY_DIR; }

std::string lkmlBinary() {
  if (const char* env = std::getenv("LKML_BINARY")) return env;
  return binaryDir() + "/lkml";
}

std::string corpusDir() {
  std::string dir = sourceDir() + "/../shared/lookml-corpus";
  return std::filesystem::is_directory(dir) ? dir : "";
}

std::string readText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot read " << path;
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

int runCommand(const std::string& command, std::string* output, bool merge_stderr) {
  std::string full = command + (merge_stderr ? " 2>&1" : "");
  FILE* pipe = popen(full.c_str(), "r");
  if (!pipe) return -1;
  char buffer[4096];
  size_t n;
  if (output) output->clear();
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) {
    if (output) output->append(buffer, n);
  }
  int status = pclose(pipe);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace lkml::test
