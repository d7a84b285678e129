// Golden files: compare output with a checked-in expected file; with LKML_UPDATE_GOLDEN=1 in
// the environment, rewrite the expected file instead (then review the diff with git).
#pragma once

#include <string>

namespace lkml::test {

bool updatingGoldens();

/// Fails the current test with a line diff when `actual` differs from the file's contents.
void expectMatchesGolden(const std::string& expected_path, const std::string& actual);

}  // namespace lkml::test
