#include "cli/lint_fix.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <tuple>

namespace lkml::cli {

namespace {

std::vector<std::string> splitLines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string::npos) {
      lines.push_back(text.substr(start));
      break;
    }
    lines.push_back(text.substr(start, nl + 1 - start));
    start = nl + 1;
  }
  return lines;
}

}  // namespace

std::string applyFixes(const std::string& text, std::vector<Fix> fixes, size_t* applied) {
  *applied = 0;
  std::vector<Fix> placed;
  for (const Fix& fix : fixes) {
    Fix at = placeFix(text, fix);
    if (at.span.valid()) placed.push_back(at);
  }
  auto key = [](const Fix& f) { return std::tie(f.span.begin, f.span.end, f.replacement); };
  std::sort(placed.begin(), placed.end(),
            [&](const Fix& a, const Fix& b) { return key(a) < key(b); });
  placed.erase(std::unique(placed.begin(), placed.end(),
                           [&](const Fix& a, const Fix& b) { return key(a) == key(b); }),
               placed.end());  // the same edit found twice (a view in several explores)
  // Edits that touch each other disagree (say, one reference checked in two views offering
  // different suggestions): neither is certain, so neither is applied.
  std::vector<bool> conflict(placed.size(), false);
  for (size_t i = 0; i + 1 < placed.size(); ++i) {
    const Fix& a = placed[i];
    const Fix& b = placed[i + 1];
    bool insertions_at_one_point =
        a.span.begin == a.span.end && b.span.begin == b.span.end && a.span.begin == b.span.begin;
    if (b.span.begin < a.span.end || insertions_at_one_point) conflict[i] = conflict[i + 1] = true;
  }
  std::string out;
  size_t cursor = 0;
  for (size_t i = 0; i < placed.size(); ++i) {
    const Fix& fix = placed[i];
    if (conflict[i] || fix.span.begin < cursor) continue;
    out.append(text, cursor, fix.span.begin - cursor);
    out += fix.replacement;
    cursor = fix.span.end;
    ++*applied;
  }
  out.append(text, cursor, std::string::npos);
  return out;
}

bool writeFileAtomically(const std::string& path, const std::string& text, std::string* error) {
  namespace fs = std::filesystem;
  std::string temp = path + ".lkml-fix.tmp";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) {
      *error = std::strerror(errno);
      std::error_code ignored;
      fs::remove(temp, ignored);
      return false;
    }
  }
  std::error_code ec;
  fs::permissions(temp, fs::status(path, ec).permissions(), ec);
  fs::rename(temp, path, ec);
  if (ec) {
    *error = ec.message();
    std::error_code ignored;
    fs::remove(temp, ignored);
    return false;
  }
  return true;
}

std::string unifiedDiff(const std::string& path, const std::string& before,
                        const std::string& after) {
  if (before == after) return "";
  std::vector<std::string> a = splitLines(before), b = splitLines(after);
  // Common head and tail first: fixes are local, so the part left to compare is small.
  size_t head = 0;
  while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
  size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head &&
         a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) {
    ++tail;
  }
  size_t n = a.size() - head - tail, m = b.size() - head - tail;
  // Each line of the middle: ' ' kept, '-' removed, '+' added (LCS when small enough, else
  // everything removed then added: still a correct diff).
  std::vector<std::pair<char, std::string>> ops;
  for (size_t i = 0; i < head; ++i) ops.push_back({' ', a[i]});
  if (n * m <= 4'000'000) {
    std::vector<std::vector<uint32_t>> lcs(n + 1, std::vector<uint32_t>(m + 1, 0));
    for (size_t i = n; i-- > 0;) {
      for (size_t j = m; j-- > 0;) {
        lcs[i][j] = a[head + i] == b[head + j] ? lcs[i + 1][j + 1] + 1
                                               : std::max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    size_t i = 0, j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[head + i] == b[head + j]) {
        ops.push_back({' ', a[head + i]});
        ++i, ++j;
      } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
        ops.push_back({'-', a[head + i++]});  // removals first, as diff -u prints them
      } else {
        ops.push_back({'+', b[head + j++]});
      }
    }
  } else {
    for (size_t i = 0; i < n; ++i) ops.push_back({'-', a[head + i]});
    for (size_t j = 0; j < m; ++j) ops.push_back({'+', b[head + j]});
  }
  for (size_t i = a.size() - tail; i < a.size(); ++i) ops.push_back({' ', a[i]});

  std::ostringstream out;
  // `a/` and `b/` for a relative path, as `git diff` writes (apply with `patch -p1`).
  bool absolute = !path.empty() && path.front() == '/';
  out << "--- " << (absolute ? "" : "a/") << path << "\n+++ " << (absolute ? "" : "b/") << path
      << "\n";
  const size_t context = 3;
  size_t k = 0;
  while (k < ops.size()) {
    if (ops[k].first == ' ') {
      ++k;
      continue;
    }
    // A hunk: from `context` lines before this change to `context` after the last change
    // closer than 2 * context to the previous one.
    size_t start = k >= context ? k - context : 0;
    size_t end = k;
    size_t gap = 0;
    for (size_t j = k; j < ops.size(); ++j) {
      if (ops[j].first != ' ') {
        end = j + 1;
        gap = 0;
      } else if (++gap > 2 * context) {
        break;
      }
    }
    size_t stop = std::min(ops.size(), end + context);
    size_t a_line = 1, b_line = 1;
    for (size_t j = 0; j < start; ++j) {
      a_line += ops[j].first != '+';
      b_line += ops[j].first != '-';
    }
    size_t a_count = 0, b_count = 0;
    for (size_t j = start; j < stop; ++j) {
      a_count += ops[j].first != '+';
      b_count += ops[j].first != '-';
    }
    out << "@@ -" << (a_count ? a_line : a_line - 1) << "," << a_count << " +"
        << (b_count ? b_line : b_line - 1) << "," << b_count << " @@\n";
    for (size_t j = start; j < stop; ++j) {
      out << ops[j].first << ops[j].second;
      if (ops[j].second.empty() || ops[j].second.back() != '\n') {
        out << "\n\\ No newline at end of file\n";
      }
    }
    k = stop;
  }
  return out.str();
}

}  // namespace lkml::cli
