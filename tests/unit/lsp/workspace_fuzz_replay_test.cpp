// The workspace fuzzer's body (tests/fuzz/lsp_workspace_fuzz.h) on seeded random scripts, so
// every ctest run checks incremental == fresh without libFuzzer.
#include <unistd.h>

#include <gtest/gtest.h>

#include <random>

#include "tests/fuzz/lsp_workspace_fuzz.h"

namespace lkml::lsp {
namespace {

TEST(LspWorkspaceFuzzReplay, IncrementalFindingsEqualAFreshLint) {
  std::mt19937 rng(20261204);
  for (int run = 0; run < 150; ++run) {
    std::vector<uint8_t> script(16 + rng() % 240);
    for (uint8_t& b : script) b = static_cast<uint8_t>(rng());
    std::string why;
    ASSERT_TRUE(fuzz::runScript(script.data(), script.size(), &why)) << "run " << run << "\n"
                                                                     << why;
  }
}

}  // namespace
}  // namespace lkml::lsp
