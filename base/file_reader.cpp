#include "base/file_reader.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace lkml {

namespace fs = std::filesystem;

ReadResult readFile(const std::string& path) {
  ReadResult result;
  // open + fstat + read into a string of the right size: one copy, no stdio buffer (a project
  // has thousands of small files, read on several threads).
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    result.error = std::strerror(errno);
    return result;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    result.error = std::strerror(errno);
    ::close(fd);
    return result;
  }
  if (S_ISDIR(st.st_mode)) {
    result.error = "is a directory";
    ::close(fd);
    return result;
  }
  // Regular files are read in one go; pipes and devices report size 0 and grow as they come.
  size_t capacity = S_ISREG(st.st_mode) ? static_cast<size_t>(st.st_size) + 1 : 1 << 16;
  size_t size = 0;
  result.text.resize(capacity);
  for (;;) {
    if (size == result.text.size()) result.text.resize(result.text.size() * 2);
    ssize_t n = ::read(fd, &result.text[size], result.text.size() - size);
    if (n < 0) {
      if (errno == EINTR) continue;
      result.error = std::strerror(errno);
      result.text.clear();
      ::close(fd);
      return result;
    }
    if (n == 0) break;
    size += static_cast<size_t>(n);
  }
  ::close(fd);
  result.text.resize(size);
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
