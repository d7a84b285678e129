#include "semantic/suppressions.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace lkml::semantic {

namespace {

struct FileSuppressions {
  std::map<uint32_t, std::set<int>> by_line;  // line -> codes disabled on that line
  std::set<int> whole_file;
};

std::set<int> parseCodes(std::string_view list) {
  std::set<int> codes;
  size_t i = 0;
  while (i < list.size()) {
    size_t end = list.find_first_of(", \t", i);
    if (end == std::string_view::npos) end = list.size();
    std::string_view item = list.substr(i, end - i);
    if (item.rfind("LKML", 0) == 0) item.remove_prefix(4);
    if (!item.empty() && item.size() <= 3 &&
        std::all_of(item.begin(), item.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      codes.insert(std::stoi(std::string(item)));
    }
    i = end + 1;
  }
  return codes;
}

FileSuppressions readSuppressions(const ProjectFile& file) {
  FileSuppressions out;
  if (!file.source) return out;
  for (const syntax::Comment& comment : file.doc.comments) {
    std::string_view text = comment.text;
    size_t at = text.find("lkml:");
    if (at == std::string_view::npos) continue;
    std::string_view rest = text.substr(at + 5);
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    bool whole = rest.rfind("disable-file=", 0) == 0;
    if (!whole && rest.rfind("disable=", 0) != 0) continue;
    std::set<int> codes = parseCodes(rest.substr(rest.find('=') + 1));
    if (whole) {
      out.whole_file.insert(codes.begin(), codes.end());
      continue;
    }
    uint32_t line = file.source->lineCol(comment.span.begin).line;
    // A comment after code applies to its own line; a comment on a line of its own applies to
    // the next line.
    std::string_view line_text = file.source->lineText(line);
    size_t line_begin = static_cast<size_t>(line_text.data() - file.source->text().data());
    std::string_view before = line_text.substr(0, comment.span.begin - line_begin);
    bool trailing = before.find_first_not_of(" \t") != std::string_view::npos;
    out.by_line[trailing ? line : line + 1].insert(codes.begin(), codes.end());
  }
  return out;
}

}  // namespace

void finalizeDiagnostics(std::vector<Diagnostic>* diagnostics, const ProjectSources* project,
                         const LintConfig& config) {
  std::map<FileId, FileSuppressions> suppressions;
  if (project) {
    for (const ProjectFile& file : project->files) {
      if (file.source) suppressions[file.source->id()] = readSuppressions(file);
    }
  }
  std::vector<Diagnostic> kept;
  std::set<std::tuple<int, FileId, uint32_t, uint32_t, std::string>> seen;
  for (Diagnostic& d : *diagnostics) {
    auto severity = config.severityFor(d.code, d.severity);
    if (!severity) continue;
    d.severity = *severity;
    if (!seen.emplace(d.code, d.span.file, d.span.begin, d.span.end, d.message + d.path).second) {
      continue;
    }
    if (d.span.valid() && project) {
      auto it = suppressions.find(d.span.file);
      if (it != suppressions.end()) {
        if (it->second.whole_file.count(d.code)) continue;
        uint32_t line = project->sources->file(d.span.file).lineCol(d.span.begin).line;
        auto codes = it->second.by_line.find(line);
        if (codes != it->second.by_line.end() && codes->second.count(d.code)) continue;
      }
    }
    kept.push_back(std::move(d));
  }
  // The message breaks ties: checks run on several threads, so findings at one place may
  // arrive in any order, and the first of them becomes the finding, the others its notes.
  std::stable_sort(kept.begin(), kept.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.span.file, a.path, a.span.begin, a.code, a.message) <
           std::tie(b.span.file, b.path, b.span.begin, b.code, b.message);
  });
  // One finding per place: the same problem seen from several explores (a join of a base
  // explore that three explores extend, a view used in several explores) is reported once,
  // the other messages kept as notes.
  std::vector<Diagnostic> merged;
  std::map<std::tuple<int, FileId, uint32_t, uint32_t, std::string, Severity>, size_t> first;
  for (Diagnostic& d : kept) {
    if (d.span.valid()) {
      auto key = std::make_tuple(d.code, d.span.file, d.span.begin, d.span.end, d.help, d.severity);
      auto [it, inserted] = first.emplace(key, merged.size());
      if (!inserted) {
        merged[it->second].notes.push_back({Span{}, "also: " + d.message});
        continue;
      }
    }
    merged.push_back(std::move(d));
  }
  *diagnostics = std::move(merged);
}

}  // namespace lkml::semantic
