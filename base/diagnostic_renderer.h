// Renderers for diagnostics: compiler-style text, JSON, SARIF 2.1.0 and GitHub Actions
// workflow commands. Only renderers know about colour, TTYs and output formats.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "base/source_file.h"

namespace lkml {

enum class OutputFormat { Text, Json, Sarif, Github, Junit, Gitlab };
/// Parses "text", "json", "sarif", "github", "junit" or "gitlab"; false for anything else.
bool parseOutputFormat(const std::string& name, OutputFormat* format);

struct RenderOptions {
  bool color = false;
  std::string tool_version;
};

/// Resolved location of a diagnostic: the file path and 1-based line/column range.
struct ResolvedLocation {
  std::string path;
  uint32_t line = 0, column = 0, end_line = 0, end_column = 0;  // 0 = unknown
};
ResolvedLocation resolveLocation(const SourceMap& sources, Span span, const std::string& path);

void renderText(std::ostream& out, const std::vector<Diagnostic>& diagnostics,
                const SourceMap& sources, const RenderOptions& options);
void renderJson(std::ostream& out, const std::vector<Diagnostic>& diagnostics,
                const SourceMap& sources, const RenderOptions& options);
void renderSarif(std::ostream& out, const std::vector<Diagnostic>& diagnostics,
                 const SourceMap& sources, const RenderOptions& options);
void renderGithub(std::ostream& out, const std::vector<Diagnostic>& diagnostics,
                  const SourceMap& sources, const RenderOptions& options);

void renderJunit(std::ostream& out, const std::vector<Diagnostic>& diagnostics,
                 const SourceMap& sources, const RenderOptions& options);
void renderGitlab(std::ostream& out, const std::vector<Diagnostic>& diagnostics,
                  const SourceMap& sources, const RenderOptions& options);

void renderDiagnostics(std::ostream& out, OutputFormat format,
                       const std::vector<Diagnostic>& diagnostics, const SourceMap& sources,
                       const RenderOptions& options);

}  // namespace lkml
