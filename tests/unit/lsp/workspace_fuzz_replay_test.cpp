// The workspace fuzzer's body (tests/fuzz/lsp_workspace_fuzz.h) on seeded random scripts, so
// every ctest run checks incremental == fresh without libFuzzer.
#include <unistd.h>

#include <gtest/gtest.h>

#include <cstdlib>
#include <random>

#include "tests/fuzz/lsp_workspace_fuzz.h"

namespace lkml::lsp {
namespace {

TEST(LspWorkspaceFuzzReplay, IncrementalFindingsEqualAFreshLint) {
  // LKML_LSP_FUZZ_RUNS=N runs more scripts (and LKML_LSP_FUZZ_SEED another sequence).
  const char* runs_env = std::getenv("LKML_LSP_FUZZ_RUNS");
  const char* seed_env = std::getenv("LKML_LSP_FUZZ_SEED");
  int runs = runs_env ? std::atoi(runs_env) : 150;
  std::mt19937 rng(seed_env ? static_cast<unsigned>(std::atoi(seed_env)) : 20261204u);
  for (int run = 0; run < runs; ++run) {
    std::vector<uint8_t> script(16 + rng() % 240);
    for (uint8_t& b : script) b = static_cast<uint8_t>(rng());
    std::string why;
    ASSERT_TRUE(fuzz::runScript(script.data(), script.size(), &why)) << "run " << run << "\n"
                                                                     << why;
  }
}

// A sequence that once failed at its 126th script: after edits of both model files their file
// numbers no longer followed their paths, and the notes under a root cause came in
// file-number order.
TEST(LspWorkspaceFuzzReplay, RootCauseNotesFollowPathsAfterEdits) {
  std::mt19937 rng(33);
  for (int run = 0; run <= 125; ++run) {
    std::vector<uint8_t> script(16 + rng() % 240);
    for (uint8_t& b : script) b = static_cast<uint8_t>(rng());
    std::string why;
    ASSERT_TRUE(fuzz::runScript(script.data(), script.size(), &why)) << "run " << run << "\n"
                                                                     << why;
  }
}

}  // namespace
}  // namespace lkml::lsp
