// The only public entry to the parser: LookML bytes in, lkml syntax tree and LKML1xx
// diagnostics out. Never throws on user input; never recurses deeper than kMaxNesting.
#pragma once

#include <vector>

#include "base/diagnostic.h"
#include "base/source_file.h"
#include "grammar/syntax_tree.h"

namespace lkml::grammar {

/// Blocks and lists may nest this deep (real LookML stays below 10).
inline constexpr uint32_t kMaxNesting = 200;

/// Parses one file. Syntax errors are reported to `sink`; the tree holds what could be parsed.
syntax::Document parse(const SourceFile& file, DiagnosticSink& sink);

/// Parses many files on `threads` threads (0 = hardware concurrency). Result i is files[i].
std::vector<syntax::Document> parseAll(const std::vector<const SourceFile*>& files,
                                       DiagnosticSink& sink, unsigned threads = 0);

}  // namespace lkml::grammar
