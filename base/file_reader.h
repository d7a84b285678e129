// File-system access at the edge of the program: reading files and finding LookML files.
#pragma once

#include <string>
#include <vector>

namespace lkml {

struct ReadResult {
  bool ok = false;
  bool not_regular = false;  // refused by readRegularFile: a FIFO, socket or device
  std::string text;
  std::string error;  // "No such file or directory", "is a FIFO, not a regular file", ...
};

/// Reads a file the user named (a regular file, or a pipe such as `<(git show ...)`).
ReadResult readFile(const std::string& path);

/// Reads a file found in a project (or named by one): only regular files, or symbolic links
/// to them. A FIFO, socket or device is refused without blocking (`not_regular`): opening a
/// FIFO for reading would wait forever for a writer, a device could never end.
ReadResult readRegularFile(const std::string& path);

/// "a FIFO", "a socket", "a character device", ... for a file that is not regular; "" if it
/// is regular or cannot be examined. Follows symbolic links.
std::string nonRegularKind(const std::string& path);

/// Every `*.lkml` file below `dir` (recursively, sorted by path, skipping hidden folders).
/// Returns false and sets `error` when `dir` cannot be listed.
bool findLookmlFiles(const std::string& dir, std::vector<std::string>* files, std::string* error);

}  // namespace lkml
