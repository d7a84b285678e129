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

namespace {

const char* kindOf(mode_t mode) {
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISDIR(mode)) return "a directory";
  return S_ISREG(mode) ? "" : "not a regular file";
}

ReadResult read(const std::string& path, bool regular_only) {
  ReadResult result;
  struct stat st {};
  // Never even opened: opening a device can have effects of its own.
  if (regular_only && ::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode) &&
      !S_ISDIR(st.st_mode)) {
    result.not_regular = true;
    result.error = std::string("is ") + kindOf(st.st_mode) + ", not a regular file";
    return result;
  }
  // open + fstat + read into a string of the right size: one copy, no stdio buffer (a project
  // has thousands of small files, read on several threads). O_NONBLOCK makes opening a FIFO
  // return at once (a blocking open waits for a writer); fstat then refuses it, so a file
  // swapped for a FIFO after the directory walk cannot hang us either.
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | (regular_only ? O_NONBLOCK : 0));
  if (fd < 0) {
    result.error = std::strerror(errno);
    return result;
  }
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
  if (regular_only && !S_ISREG(st.st_mode)) {
    result.not_regular = true;
    result.error = std::string("is ") + kindOf(st.st_mode) + ", not a regular file";
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

}  // namespace

ReadResult readFile(const std::string& path) { return read(path, false); }

ReadResult readRegularFile(const std::string& path) { return read(path, true); }

std::string nonRegularKind(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return "";
  return kindOf(st.st_mode);
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
