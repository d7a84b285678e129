#include "codegen/compile_context.h"

#include <mutex>

namespace lkml::codegen {

void registerQueryDiagnosticCodes() {
  static std::once_flag once;
  std::call_once(once, [] {
    registerDiagnosticCodes({
#define LKML_DIAG(num, sev, slug, summary) {num, Severity::sev, #slug, summary},
#include "codegen/query_codes.def"
#undef LKML_DIAG
    });
  });
}

void CompileContext::error(QueryCode code, const std::string& message, const std::string& help,
                           Span span) {
  registerQueryDiagnosticCodes();
  addError(static_cast<int>(code), message, help, span);
}

void CompileContext::error(FilterCode code, const std::string& message, const std::string& help) {
  registerFilterDiagnosticCodes();
  addError(static_cast<int>(code), message, help, {});
}

void CompileContext::addError(int code, const std::string& message, const std::string& help,
                              Span span) {
  for (const Diagnostic& d : errors) {
    if (d.message == message) return;  // the second pass meets the same problems again
  }
  Diagnostic d = makeDiagnostic(static_cast<DiagCode>(code), span, message);
  d.help = help;
  errors.push_back(std::move(d));
}

}  // namespace lkml::codegen
