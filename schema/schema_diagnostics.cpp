#include "schema/schema_diagnostics.h"

#include <mutex>

namespace lkml::schema {

void registerSchemaCodes() {
  static std::once_flag once;
  std::call_once(once, [] {
    registerDiagnosticCodes({
#define LKML_DIAG(num, sev, slug, summary) {num, Severity::sev, #slug, summary},
#include "schema/schema_codes.def"
#undef LKML_DIAG
    });
  });
}

Diagnostic makeSchemaDiagnostic(SchemaCode code, Span span, std::string message) {
  registerSchemaCodes();
  return makeDiagnostic(static_cast<DiagCode>(code), span, std::move(message));
}

}  // namespace lkml::schema
