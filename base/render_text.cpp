// Compiler-style text: `path:line:col: error[LKML101]: message`, the source line, a caret
// underline with its label, then notes and help (clang/rustc layout).
#include <algorithm>

#include "base/diagnostic_renderer.h"

namespace lkml {
namespace {

const char* severityColor(Severity severity) {
  switch (severity) {
    case Severity::Error:
      return "\x1b[1;31m";
    case Severity::Warning:
      return "\x1b[1;33m";
    case Severity::Info:
      return "\x1b[1;36m";
  }
  return "";
}

struct Palette {
  explicit Palette(bool on) : enabled(on) {}
  const char* bold() const { return enabled ? "\x1b[1m" : ""; }
  const char* blue() const { return enabled ? "\x1b[1;34m" : ""; }
  const char* green() const { return enabled ? "\x1b[1;32m" : ""; }
  const char* reset() const { return enabled ? "\x1b[0m" : ""; }
  const char* severity(Severity s) const { return enabled ? severityColor(s) : ""; }
  bool enabled;
};

// Display width of a byte range, counting code points and expanding nothing (tabs count 1).
uint32_t displayWidth(std::string_view text) {
  uint32_t width = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++width;
  }
  return width;
}

void printSnippet(std::ostream& out, const SourceMap& sources, Span span, const std::string& label,
                  const Palette& palette, const char* mark_color) {
  const SourceFile* file = sources.find(span.file);
  if (!file) return;
  LineCol start = file->lineCol(span.begin);
  std::string_view line = file->lineText(start.line);
  // Keep very long lines (minified SQL, 100 MB single-line files) readable.
  constexpr size_t kMaxShown = 200;
  std::string_view shown = line.substr(0, std::min(line.size(), kMaxShown));
  std::string gutter = std::to_string(start.line);
  std::string pad(gutter.size(), ' ');
  out << palette.blue() << pad << " |" << palette.reset() << "\n";
  out << palette.blue() << gutter << " |" << palette.reset() << " ";
  for (char c : shown) out << (c == '\t' ? ' ' : c);
  if (shown.size() < line.size()) out << " ...";
  out << "\n";
  uint32_t line_begin = static_cast<uint32_t>(line.data() - file->text().data());
  uint32_t caret_from = start.column - 1;
  uint32_t span_end_in_line = std::min<uint32_t>(span.end, line_begin + line.size());
  uint32_t width = 1;
  if (span_end_in_line > span.begin) {
    width = displayWidth(file->text().substr(span.begin, span_end_in_line - span.begin));
  }
  width = std::max<uint32_t>(1, std::min<uint32_t>(width, kMaxShown));
  caret_from = std::min<uint32_t>(caret_from, kMaxShown);
  out << palette.blue() << pad << " |" << palette.reset() << " " << std::string(caret_from, ' ')
      << mark_color << std::string(width, '^');
  if (!label.empty()) out << " " << label;
  out << palette.reset() << "\n";
}

}  // namespace

void renderText(std::ostream& out, const std::vector<Diagnostic>& diagnostics,
                const SourceMap& sources, const RenderOptions& options) {
  Palette palette(options.color);
  for (const Diagnostic& d : diagnostics) {
    ResolvedLocation loc = resolveLocation(sources, d.span, d.path);
    out << palette.bold() << loc.path;
    if (loc.line) out << ":" << loc.line << ":" << loc.column;
    out << ": " << palette.reset() << palette.severity(d.severity) << severityName(d.severity)
        << "[" << d.codeName() << "]" << palette.reset() << palette.bold() << ": " << d.message
        << palette.reset() << "\n";
    if (d.span.valid()) {
      printSnippet(out, sources, d.span, d.label, palette, palette.severity(d.severity));
    }
    for (const Label& note : d.notes) {
      ResolvedLocation nloc = resolveLocation(sources, note.span, "");
      out << palette.blue() << "   = " << palette.reset() << palette.bold() << "note"
          << palette.reset() << ": " << note.message;
      if (nloc.line) out << " (" << nloc.path << ":" << nloc.line << ":" << nloc.column << ")";
      out << "\n";
    }
    if (!d.help.empty()) {
      out << palette.blue() << "   = " << palette.reset() << palette.green() << "help"
          << palette.reset() << ": " << d.help << "\n";
    }
    // Every finding ends with its rule's slug, the name `lkml explain`, `--ignore` and
    // suppression comments take (as clang ends a warning with its -W flag).
    if (const DiagInfo* info = findDiagnosticCode(d.code)) {
      std::string slug = info->slug;
      std::replace(slug.begin(), slug.end(), '_', '-');
      out << palette.blue() << "   = " << palette.reset() << "rule: " << slug << "\n";
    }
  }
}

}  // namespace lkml
