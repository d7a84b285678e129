#include "liquid/liquid_diagnostics.h"

#include <mutex>

namespace lkml::liquid {

void registerLiquidDiagnosticCodes() {
  static std::once_flag once;
  std::call_once(once, [] {
    registerDiagnosticCodes({
#define LKML_DIAG(num, sev, slug, summary) {num, Severity::sev, #slug, summary},
#include "liquid/liquid_codes.def"
#undef LKML_DIAG
    });
  });
}

Diagnostic liquidDiagnostic(const LiquidError& error, Span span) {
  registerLiquidDiagnosticCodes();
  Diagnostic d = makeDiagnostic(static_cast<DiagCode>(error.code), span, error.message);
  d.help = error.hint;
  return d;
}

}  // namespace lkml::liquid
