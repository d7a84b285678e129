#include "semantic/suppressions.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "base/rule_docs.h"
#include "base/suggest.h"

namespace lkml::semantic {

namespace {

struct Suppression {
  int code = 0;
  Span comment;  // the comment that wrote it
  bool used = false;
};

struct FileSuppressions {
  std::map<uint32_t, std::vector<Suppression>> by_line;  // line -> codes disabled on that line
  std::vector<Suppression> whole_file;
};

std::string codeName(int code) {
  Diagnostic probe;
  probe.code = code;
  return probe.codeName();
}

// The codes of `disable=A,B C`; unknown items are reported (LKML120) at the comment.
std::vector<int> parseCodes(std::string_view list, Span comment, std::vector<Diagnostic>* out) {
  std::vector<int> codes;
  size_t i = 0;
  while (i < list.size()) {
    size_t end = list.find_first_of(", \t", i);
    if (end == std::string_view::npos) end = list.size();
    std::string item(list.substr(i, end - i));
    i = end + 1;
    if (item.empty()) continue;
    if (std::optional<int> code = parseRuleName(item)) {
      codes.push_back(*code);
      continue;
    }
    // A word that is neither a code nor a slug-like name ends the list (a trailing remark).
    bool looks_like_rule = item.rfind("LKML", 0) == 0 || item.rfind("lkml", 0) == 0 ||
                           item.find_first_not_of("0123456789") == std::string::npos ||
                           item.find('-') != std::string::npos;
    if (!looks_like_rule) break;
    std::vector<std::string> candidates;
    for (const DiagInfo& info : allDiagnosticCodes()) {
      candidates.push_back(item.rfind("LKML", 0) == 0 ? codeName(info.number) : info.slug);
    }
    std::string guess = closestMatch(item, candidates);
    Diagnostic d = makeDiagnostic(DiagCode::unknown_suppression_code, comment,
                                  "`" + item + "` in this suppression comment is not a lkml rule");
    d.help = "`lkml explain` lists the rules";
    if (!guess.empty()) d.help += "; did you mean `" + guess + "`?";
    out->push_back(std::move(d));
  }
  return codes;
}

FileSuppressions readSuppressions(const ProjectFile& file, std::vector<Diagnostic>* out) {
  FileSuppressions result;
  if (!file.source) return result;
  for (const syntax::Comment& comment : file.doc.comments) {
    std::string_view text = comment.text;
    size_t at = text.find("lkml:");
    if (at == std::string_view::npos) continue;
    std::string_view rest = text.substr(at + 5);
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    bool whole = rest.rfind("disable-file=", 0) == 0;
    if (!whole && rest.rfind("disable=", 0) != 0) continue;
    std::vector<int> codes = parseCodes(rest.substr(rest.find('=') + 1), comment.span, out);
    if (whole) {
      for (int code : codes) result.whole_file.push_back({code, comment.span});
      continue;
    }
    uint32_t line = file.source->lineCol(comment.span.begin).line;
    // A comment after code applies to its own line; a comment on a line of its own applies to
    // the next line.
    std::string_view line_text = file.source->lineText(line);
    size_t line_begin = static_cast<size_t>(line_text.data() - file.source->text().data());
    std::string_view before = line_text.substr(0, comment.span.begin - line_begin);
    bool trailing = before.find_first_not_of(" \t") != std::string_view::npos;
    for (int code : codes)
      result.by_line[trailing ? line : line + 1].push_back({code, comment.span});
  }
  return result;
}

bool consume(std::vector<Suppression>& list, int code) {
  bool hit = false;
  for (Suppression& s : list) {
    if (s.code == code) hit = s.used = true;
  }
  return hit;
}

bool couldFire(int code, const FinalizeOptions& options) {
  if (code >= 300 && code < 400) return options.schema_checked;
  if (code >= 400 && code < 440) return false;  // query codes are not lint findings
  if (code >= 200) return options.semantic_checked;
  return true;
}

}  // namespace

void finalizeDiagnostics(std::vector<Diagnostic>* diagnostics, const ProjectSources* project,
                         const LintConfig& config, const FinalizeOptions& options) {
  std::map<FileId, FileSuppressions> suppressions;
  std::map<FileId, std::string> paths;  // relative to the project root, for overrides/exclude
  std::vector<Diagnostic> comment_findings;
  if (project) {
    for (const ProjectFile& file : project->files) {
      if (!file.source) continue;
      suppressions[file.source->id()] = readSuppressions(file, &comment_findings);
      paths[file.source->id()] = file.path;
    }
  }
  for (Diagnostic& d : comment_findings) diagnostics->push_back(std::move(d));
  auto relativePath = [&](const Diagnostic& d) -> std::string {
    auto it = d.span.valid() ? paths.find(d.span.file) : paths.end();
    return it == paths.end() ? "" : it->second;
  };
  std::vector<Diagnostic> kept;
  std::set<std::tuple<int, FileId, uint32_t, uint32_t, std::string>> seen;
  for (Diagnostic& d : *diagnostics) {
    std::string path = relativePath(d);
    if (!path.empty() && config.isExcluded(path)) continue;
    auto severity = config.severityFor(d.code, d.severity, path);
    if (!severity) continue;
    d.severity = *severity;
    if (!seen.emplace(d.code, d.span.file, d.span.begin, d.span.end, d.message + d.path).second) {
      continue;
    }
    if (d.span.valid() && project) {
      auto it = suppressions.find(d.span.file);
      if (it != suppressions.end()) {
        if (consume(it->second.whole_file, d.code)) continue;
        uint32_t line = project->sources->file(d.span.file).lineCol(d.span.begin).line;
        auto codes = it->second.by_line.find(line);
        if (codes != it->second.by_line.end() && consume(codes->second, d.code)) continue;
      }
    }
    kept.push_back(std::move(d));
  }
  if (options.report_unused_suppressions) {
    for (auto& [file, s] : suppressions) {
      std::string path = paths[file];
      if (config.isExcluded(path)) continue;
      auto report = [&](const Suppression& sup) {
        const DiagInfo* info = findDiagnosticCode(sup.code);
        if (sup.used || !info || !couldFire(sup.code, options)) return;
        if (!config.severityFor(sup.code, info->severity, path)) return;  // rule is off
        auto level = config.severityFor(static_cast<int>(DiagCode::unused_suppression),
                                        Severity::Warning, path);
        if (!level) return;
        std::string slug = info->slug;
        std::replace(slug.begin(), slug.end(), '_', '-');
        Diagnostic d = makeDiagnostic(DiagCode::unused_suppression, sup.comment,
                                      "this comment suppresses " + codeName(sup.code) + " (" +
                                          slug + "), which reports nothing here");
        d.severity = *level;
        d.help = "remove `" + codeName(sup.code) + "` from the comment";
        kept.push_back(std::move(d));
      };
      for (const Suppression& sup : s.whole_file) report(sup);
      for (const auto& [line, list] : s.by_line) {
        for (const Suppression& sup : list) report(sup);
      }
    }
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
