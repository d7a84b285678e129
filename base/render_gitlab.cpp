// GitLab Code Quality report (a JSON array of issues, `artifacts: reports: codequality`).
// The fingerprint is stable across runs and line moves: code, file, message and the text of
// the flagged source, hashed (FNV-1a, 64 bit), so GitLab can tell new findings from old ones.
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>

#include "base/diagnostic_renderer.h"

namespace lkml {
namespace {

const char* gitlabSeverity(Severity severity) {
  switch (severity) {
    case Severity::Error:
      return "major";
    case Severity::Warning:
      return "minor";
    case Severity::Info:
      return "info";
  }
  return "major";
}

std::string fingerprint(const std::string& text) {
  uint64_t hash = 1469598103934665603ull;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(hash));
  return buffer;
}

}  // namespace

void renderGitlab(std::ostream& out, const std::vector<Diagnostic>& diagnostics,
                  const SourceMap& sources, const RenderOptions& /*options*/) {
  nlohmann::ordered_json issues = nlohmann::ordered_json::array();
  std::map<std::string, int> repeats;  // identical findings get distinct fingerprints
  for (const Diagnostic& d : diagnostics) {
    ResolvedLocation loc = resolveLocation(sources, d.span, d.path);
    std::string flagged;
    if (const SourceFile* file = d.span.valid() ? sources.find(d.span.file) : nullptr) {
      flagged = std::string(file->text().substr(d.span.begin, d.span.end - d.span.begin));
    }
    std::string key = d.codeName() + "\n" + loc.path + "\n" + d.message + "\n" + flagged;
    int n = repeats[key]++;
    if (n) key += "\n" + std::to_string(n);
    std::string description = d.message;
    if (!d.help.empty()) description += " (help: " + d.help + ")";
    nlohmann::ordered_json issue;
    issue["type"] = "issue";
    issue["check_name"] = d.codeName();
    issue["description"] = description;
    issue["severity"] = gitlabSeverity(d.severity);
    issue["fingerprint"] = fingerprint(key);
    issue["location"] = {{"path", loc.path}, {"lines", {{"begin", loc.line ? loc.line : 1}}}};
    issues.push_back(std::move(issue));
  }
  out << issues.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

}  // namespace lkml
