// Semantic diagnostic codes (semantic_codes.def) as an enum, and their registration with
// the shared code table so renderers and docs know them.
#pragma once

#include "base/diagnostic.h"

namespace lkml::semantic {

enum class SemCode : int {
#define LKML_DIAG(num, sev, slug, summary) slug = num,
#include "semantic/semantic_codes.def"
#undef LKML_DIAG
};

/// Idempotent; called by every semantic entry point.
void registerSemanticCodes();

Diagnostic makeSemDiagnostic(SemCode code, Span span, std::string message);

}  // namespace lkml::semantic
