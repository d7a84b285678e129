// Registers LKML440-449 with the diagnostic catalogue and turns FilterErrors into Diagnostics.
#include <algorithm>
#include <mutex>

#include "codegen/filter_expression.h"

namespace lkml::codegen {
namespace {

const bool kRegisteredAtStartup = (registerFilterDiagnosticCodes(), true);

}  // namespace

void registerFilterDiagnosticCodes() {
  static std::once_flag once;
  std::call_once(once, [] {
    registerDiagnosticCodes({
#define LKML_DIAG(num, sev, slug, summary) {num, Severity::sev, #slug, summary},
#include "codegen/filter_codes.def"
#undef LKML_DIAG
    });
  });
}

Diagnostic filterDiagnostic(const FilterError& error, Span expression) {
  registerFilterDiagnosticCodes();
  (void)kRegisteredAtStartup;
  Diagnostic d;
  d.code = static_cast<int>(error.code);
  const DiagInfo* info = findDiagnosticCode(d.code);
  d.severity = info ? info->severity : Severity::Error;
  d.message = error.message;
  d.help = error.hint;
  if (expression.valid()) {
    const uint32_t at = expression.begin + static_cast<uint32_t>(error.offset);
    d.span = Span{expression.file, std::min(at, expression.end),
                  std::min(at + 1, std::max(expression.end, at))};
    d.label = "invalid filter expression";
  }
  return d;
}

}  // namespace lkml::codegen
