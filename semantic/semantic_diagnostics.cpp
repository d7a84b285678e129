#include "semantic/semantic_diagnostics.h"

#include <mutex>

#include "liquid/liquid_diagnostics.h"

namespace lkml::semantic {

void registerSemanticCodes() {
  // The Liquid syntax codes (LKML150-169) are reported by lint too, and may be configured.
  liquid::registerLiquidDiagnosticCodes();
  static std::once_flag once;
  std::call_once(once, [] {
    registerDiagnosticCodes({
#define LKML_DIAG(num, sev, slug, summary) {num, Severity::sev, #slug, summary},
#include "semantic/semantic_codes.def"
#undef LKML_DIAG
    });
  });
}

Diagnostic makeSemDiagnostic(SemCode code, Span span, std::string message) {
  registerSemanticCodes();
  return makeDiagnostic(static_cast<DiagCode>(code), span, std::move(message));
}

}  // namespace lkml::semantic
