#include "cli/changed_lines.h"

#include <cstdio>
#include <filesystem>

namespace lkml::cli {

namespace fs = std::filesystem;

namespace {

std::string shellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

bool run(const std::string& command, std::string* out) {
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return false;
  char buffer[8192];
  size_t n;
  out->clear();
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) out->append(buffer, n);
  return pclose(pipe) == 0;
}

}  // namespace

bool ChangedLines::contains(const std::string& path, uint32_t line) const {
  auto it = files.find(path);
  if (it == files.end()) return false;
  if (line == 0) return true;  // a finding about the whole file
  for (const auto& [first, last] : it->second) {
    if (line >= first && line <= last) return true;
  }
  return false;
}

bool changedLinesSince(const std::string& ref, const std::string& dir, ChangedLines* out,
                       std::string* error) {
  std::string top;
  std::error_code ec;
  std::string where = fs::is_directory(dir, ec) ? dir : fs::path(dir).parent_path().string();
  if (where.empty()) where = ".";
  if (!run("git -C " + shellQuote(where) + " rev-parse --show-toplevel 2>/dev/null", &top)) {
    *error = "--diff-base needs a git work tree; `" + dir + "` is not in one";
    return false;
  }
  while (!top.empty() && (top.back() == '\n' || top.back() == '\r')) top.pop_back();
  if (ref.empty() || ref[0] == '-') {
    *error = "--diff-base: `" + ref + "` is not a revision";
    return false;
  }
  std::string diff;
  if (!run("git -C " + shellQuote(top) + " diff --no-color --no-ext-diff --unified=0 " +
               shellQuote(ref) + " -- 2>/dev/null",
           &diff)) {
    *error = "--diff-base: git cannot diff against `" + ref + "` (unknown revision?)";
    return false;
  }
  std::string current;
  size_t i = 0;
  while (i < diff.size()) {
    size_t eol = diff.find('\n', i);
    if (eol == std::string::npos) eol = diff.size();
    std::string line = diff.substr(i, eol - i);
    i = eol + 1;
    if (line.rfind("+++ ", 0) == 0) {
      std::string path = line.substr(4);
      if (path == "/dev/null") {
        current.clear();
        continue;
      }
      if (path.rfind("b/", 0) == 0) path = path.substr(2);
      current = fs::weakly_canonical(fs::path(top) / path, ec).string();
      out->files[current];
    } else if (line.rfind("@@ ", 0) == 0 && !current.empty()) {
      // @@ -a,b +c,d @@: lines c .. c+d-1 of the new text (d = 0: a pure deletion).
      size_t plus = line.find(" +");
      if (plus == std::string::npos) continue;
      unsigned long first = std::strtoul(line.c_str() + plus + 2, nullptr, 10);
      unsigned long count = 1;
      size_t comma = line.find(',', plus);
      size_t space = line.find(' ', plus + 2);
      if (comma != std::string::npos && comma < space) {
        count = std::strtoul(line.c_str() + comma + 1, nullptr, 10);
      }
      // A deletion changes the lines around it: count the line after it.
      if (count == 0) count = 1;
      out->files[current].push_back(
          {static_cast<uint32_t>(first), static_cast<uint32_t>(first + count - 1)});
    }
  }
  return true;
}

}  // namespace lkml::cli
