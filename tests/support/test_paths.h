// Where tests find their inputs: the source tree, the build tree, the lkml binary and the
// shared corpus of real public LookML (../shared/lookml-corpus beside the project root).
#pragma once

#include <string>

namespace lkml::test {

std::string sourceDir();
std::string binaryDir();
/// Path of the built `lkml` executable.
std::string lkmlBinary();
/// The shared corpus directory, or "" when it is not present.
std::string corpusDir();
/// Reads a whole file; fails the current test when it cannot.
std::string readText(const std::string& path);

/// Runs a shell command, capturing stdout (and stderr when `merge_stderr`); returns the exit code.
int runCommand(const std::string& command, std::string* output, bool merge_stderr = false);

}  // namespace lkml::test
