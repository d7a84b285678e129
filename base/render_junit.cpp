// JUnit XML for CI test reports (GitLab, Jenkins, Azure): one testcase per rule per file; a
// testcase fails when any of its findings is an error, and lists every finding.
#include <map>
#include <tuple>

#include "base/diagnostic_renderer.h"

namespace lkml {
namespace {

std::string xmlEscape(const std::string& text) {
  std::string out;
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        // XML 1.0 forbids most C0 controls even as references: show them as U+FFFD.
        if (u < 0x20 && c != '\n' && c != '\t' && c != '\r') {
          out += "\xEF\xBF\xBD";
        } else {
          out += c;
        }
    }
  }
  return out;
}

}  // namespace

void renderJunit(std::ostream& out, const std::vector<Diagnostic>& diagnostics,
                 const SourceMap& sources, const RenderOptions& /*options*/) {
  struct Case {
    bool failed = false;
    std::string body;
  };
  std::map<std::tuple<std::string, int>, Case> cases;  // (file, code)
  size_t failures = 0;
  for (const Diagnostic& d : diagnostics) {
    ResolvedLocation loc = resolveLocation(sources, d.span, d.path);
    Case& c = cases[{loc.path, d.code}];
    c.failed = c.failed || d.severity == Severity::Error;
    std::string line = loc.path;
    if (loc.line) line += ":" + std::to_string(loc.line) + ":" + std::to_string(loc.column);
    line += ": " + std::string(severityName(d.severity)) + "[" + d.codeName() + "]: " + d.message;
    for (const Label& note : d.notes) line += "\n  note: " + note.message;
    if (!d.help.empty()) line += "\n  help: " + d.help;
    c.body += line + "\n";
  }
  for (const auto& entry : cases) failures += entry.second.failed;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << "<testsuites name=\"lkml\" tests=\"" << cases.size() << "\" failures=\"" << failures
      << "\">\n";
  out << "  <testsuite name=\"lkml lint\" tests=\"" << cases.size() << "\" failures=\"" << failures
      << "\" errors=\"0\">\n";
  for (const auto& [key, c] : cases) {
    const auto& [path, code] = key;
    Diagnostic probe;
    probe.code = code;
    const DiagInfo* info = findDiagnosticCode(code);
    std::string name = probe.codeName() + (info ? std::string(" ") + info->slug : "");
    out << "    <testcase classname=\"" << xmlEscape(path) << "\" name=\"" << xmlEscape(name)
        << "\" file=\"" << xmlEscape(path) << "\">\n";
    if (c.failed) {
      out << "      <failure type=\"" << probe.codeName() << "\" message=\""
          << xmlEscape(info ? info->summary : probe.codeName()) << "\">" << xmlEscape(c.body)
          << "</failure>\n";
    } else {
      out << "      <system-out>" << xmlEscape(c.body) << "</system-out>\n";
    }
    out << "    </testcase>\n";
  }
  out << "  </testsuite>\n</testsuites>\n";
}

}  // namespace lkml
