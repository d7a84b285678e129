// JSON output of diagnostics (machine-readable, stable field names) and the shared helpers.
#include <nlohmann/json.hpp>

#include "base/diagnostic_renderer.h"
#include "base/version.h"

namespace lkml {

bool parseOutputFormat(const std::string& name, OutputFormat* format) {
  if (name == "text")
    *format = OutputFormat::Text;
  else if (name == "json")
    *format = OutputFormat::Json;
  else if (name == "sarif")
    *format = OutputFormat::Sarif;
  else if (name == "github")
    *format = OutputFormat::Github;
  else if (name == "junit")
    *format = OutputFormat::Junit;
  else if (name == "gitlab")
    *format = OutputFormat::Gitlab;
  else
    return false;
  return true;
}

ResolvedLocation resolveLocation(const SourceMap& sources, Span span, const std::string& path) {
  ResolvedLocation loc;
  const SourceFile* file = span.valid() ? sources.find(span.file) : nullptr;
  if (!file) {
    loc.path = path;
    return loc;
  }
  loc.path = file->path();
  LineCol begin = file->lineCol(span.begin);
  LineCol end = file->lineCol(span.end);
  loc.line = begin.line;
  loc.column = begin.column;
  loc.end_line = end.line;
  loc.end_column = end.column;
  return loc;
}

void renderJson(std::ostream& out, const std::vector<Diagnostic>& diagnostics,
                const SourceMap& sources, const RenderOptions& /*options*/) {
  nlohmann::ordered_json items = nlohmann::ordered_json::array();
  size_t errors = 0, warnings = 0;
  for (const Diagnostic& d : diagnostics) {
    errors += d.severity == Severity::Error;
    warnings += d.severity == Severity::Warning;
    ResolvedLocation loc = resolveLocation(sources, d.span, d.path);
    nlohmann::ordered_json item;
    item["code"] = d.codeName();
    const DiagInfo* info = findDiagnosticCode(d.code);
    item["name"] = info ? info->slug : "";
    item["severity"] = severityName(d.severity);
    item["message"] = d.message;
    item["file"] = loc.path;
    if (loc.line) {
      item["line"] = loc.line;
      item["column"] = loc.column;
      item["end_line"] = loc.end_line;
      item["end_column"] = loc.end_column;
      item["offset"] = d.span.begin;
    }
    if (!d.label.empty()) item["label"] = d.label;
    if (!d.help.empty()) item["help"] = d.help;
    if (!d.fixes.empty()) {  // what `lkml lint --fix` would write: replace the byte range
      nlohmann::ordered_json fixes = nlohmann::ordered_json::array();
      for (const Fix& fix : d.fixes) {
        if (fix.own_line || !fix.span.valid()) continue;
        ResolvedLocation floc = resolveLocation(sources, fix.span, "");
        fixes.push_back({{"file", floc.path},
                         {"offset", fix.span.begin},
                         {"end_offset", fix.span.end},
                         {"replacement", fix.replacement}});
      }
      if (!fixes.empty()) item["fixes"] = std::move(fixes);
    }
    if (!d.notes.empty()) {
      nlohmann::ordered_json notes = nlohmann::ordered_json::array();
      for (const Label& note : d.notes) {
        ResolvedLocation nloc = resolveLocation(sources, note.span, "");
        nlohmann::ordered_json n;
        n["message"] = note.message;
        if (nloc.line) {
          n["file"] = nloc.path;
          n["line"] = nloc.line;
          n["column"] = nloc.column;
        }
        notes.push_back(std::move(n));
      }
      item["notes"] = std::move(notes);
    }
    items.push_back(std::move(item));
  }
  nlohmann::ordered_json root;
  root["version"] = kLkmlVersion;
  root["diagnostics"] = std::move(items);
  root["summary"] = {{"errors", errors}, {"warnings", warnings}};
  out << root.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

void renderDiagnostics(std::ostream& out, OutputFormat format,
                       const std::vector<Diagnostic>& diagnostics, const SourceMap& sources,
                       const RenderOptions& options) {
  switch (format) {
    case OutputFormat::Text:
      renderText(out, diagnostics, sources, options);
      break;
    case OutputFormat::Json:
      renderJson(out, diagnostics, sources, options);
      break;
    case OutputFormat::Sarif:
      renderSarif(out, diagnostics, sources, options);
      break;
    case OutputFormat::Github:
      renderGithub(out, diagnostics, sources, options);
      break;
    case OutputFormat::Junit:
      renderJunit(out, diagnostics, sources, options);
      break;
    case OutputFormat::Gitlab:
      renderGitlab(out, diagnostics, sources, options);
      break;
  }
}

}  // namespace lkml
