// Where a machine-applicable fix (Diagnostic::fixes) lands in a file's text: `lkml lint --fix`
// applies the placed edits, JSON/SARIF print them and `lkml lsp` offers them as code actions.
#pragma once

#include <string>

#include <vector>

#include "base/diagnostic.h"
#include "base/source_file.h"

namespace lkml::lint {

/// The edit `fix` makes in `text`, placed: a parameter inserted on a line of its own gets its
/// indentation, a removal that leaves a blank line takes the line. Invalid spans come back
/// with `span.file == kNoFile`.
Fix placeFix(const std::string& text, Fix fix);

/// Places every fix of `diagnostics` in the text of its file (from `files`) and drops those
/// that cannot be placed: what JSON/SARIF print and what an editor's code action applies.
void placeFixes(std::vector<Diagnostic>* diagnostics, const SourceMap& files);

}  // namespace lkml::lint
