// `lkml fmt`'s library: one canonical layout for LookML (docs/formatting.md), written from the
// syntax tree and its comments. Formatting never changes what the file means (the same tree,
// the same comments in the same order) and is idempotent; the corpus test proves both.
#pragma once

#include <cstdint>
#include <string>

#include "base/diagnostic.h"
#include "base/source_file.h"
#include "grammar/syntax_tree.h"

namespace lkml::format {

struct FormatOptions {
  uint32_t indent_width = 2;
  /// A list that would make its line longer than this (in characters) gets one item per line.
  uint32_t max_width = 100;
};

/// The canonical text of `doc`, which must be complete (parsed without syntax errors) and
/// whose file must still be alive. Works with an explicit stack: no recursion on nesting.
std::string formatDocument(const syntax::Document& doc, const FormatOptions& options = {});

struct FormatResult {
  bool ok = false;   // false: the file has syntax errors (reported to the sink), text is empty
  std::string text;  // the formatted file
};

/// Parses `file` and formats it. Every diagnostic of the parse goes to `sink`; a file with a
/// syntax error is not formatted (a guess at its layout could move code across the error).
FormatResult formatFile(const SourceFile& file, DiagnosticSink& sink,
                        const FormatOptions& options = {});

}  // namespace lkml::format
