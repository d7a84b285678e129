// File-system access at the edge of the program: reading files and finding LookML files.
#pragma once

#include <string>
#include <vector>

namespace lkml {

struct ReadResult {
  bool ok = false;
  std::string text;
  std::string error;  // "No such file or directory", ...
};

ReadResult readFile(const std::string& path);

/// Every `*.lkml` file below `dir` (recursively, sorted by path, skipping hidden folders).
/// Returns false and sets `error` when `dir` cannot be listed.
bool findLookmlFiles(const std::string& dir, std::vector<std::string>* files, std::string* error);

}  // namespace lkml
