#include "base/file_reader.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

namespace lkml {

namespace fs = std::filesystem;

ReadResult readFile(const std::string& path) {
  ReadResult result;
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    result.error = "is a directory";
    return result;
  }
  std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) {
    result.error = std::strerror(errno);
    return result;
  }
  char buffer[1 << 16];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, file.get())) > 0) result.text.append(buffer, n);
  if (std::ferror(file.get())) {
    result.error = std::strerror(errno);
    return result;
  }
  result.ok = true;
  return result;
}

bool findLookmlFiles(const std::string& dir, std::vector<std::string>* files, std::string* error) {
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    *error = ec.message();
    return false;
  }
  for (auto end = fs::recursive_directory_iterator(); it != end; it.increment(ec)) {
    if (ec) {
      *error = ec.message();
      return false;
    }
    const fs::path& p = it->path();
    std::string name = p.filename().string();
    if (it->is_directory(ec)) {
      if (!name.empty() && name[0] == '.') it.disable_recursion_pending();
      continue;
    }
    if (name.size() > 5 && name.compare(name.size() - 5, 5, ".lkml") == 0) {
      files->push_back(p.string());
    }
  }
  std::sort(files->begin(), files->end());
  return true;
}

}  // namespace lkml
