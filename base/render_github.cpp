// GitHub Actions workflow commands: `::error file=F,line=L,col=C,title=LKML101::message`.
#include "base/diagnostic_renderer.h"

namespace lkml {
namespace {

// Escaping rules of the Actions toolkit (issueCommand): data escapes %, CR, LF; property
// values additionally escape ':' and ','.
std::string escapeData(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '%')
      out += "%25";
    else if (c == '\r')
      out += "%0D";
    else if (c == '\n')
      out += "%0A";
    else
      out += c;
  }
  return out;
}

std::string escapeProperty(const std::string& text) {
  std::string out;
  for (char c : escapeData(text)) {
    if (c == ':')
      out += "%3A";
    else if (c == ',')
      out += "%2C";
    else
      out += c;
  }
  return out;
}

const char* commandName(Severity severity) {
  switch (severity) {
    case Severity::Error:
      return "error";
    case Severity::Warning:
      return "warning";
    case Severity::Info:
      return "notice";
  }
  return "error";
}

}  // namespace

void renderGithub(std::ostream& out, const std::vector<Diagnostic>& diagnostics,
                  const SourceMap& sources, const RenderOptions& /*options*/) {
  for (const Diagnostic& d : diagnostics) {
    ResolvedLocation loc = resolveLocation(sources, d.span, d.path);
    out << "::" << commandName(d.severity) << " file=" << escapeProperty(loc.path);
    if (loc.line) {
      out << ",line=" << loc.line << ",col=" << loc.column << ",endLine=" << loc.end_line
          << ",endColumn=" << loc.end_column;
    }
    out << ",title=" << escapeProperty(d.codeName()) << "::";
    std::string text = d.message;
    // Notes (`also in explore ...`, related places) stay: the annotation is all a reviewer sees.
    for (const Label& note : d.notes) {
      ResolvedLocation nloc = resolveLocation(sources, note.span, "");
      text += "\nnote: " + note.message;
      if (nloc.line) {
        text += " (" + nloc.path + ":" + std::to_string(nloc.line) + ":" +
                std::to_string(nloc.column) + ")";
      }
    }
    if (!d.help.empty()) text += "\nhelp: " + d.help;
    out << escapeData(text) << "\n";
  }
}

}  // namespace lkml
