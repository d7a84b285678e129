// The Liquid syntax codes (LKML150-169) and how a parse error becomes a Diagnostic.
#pragma once

#include <string>

#include "base/diagnostic.h"

namespace lkml::liquid {

enum class LiquidCode : int {
#define LKML_DIAG(num, sev, slug, summary) slug = num,
#include "liquid/liquid_codes.def"
#undef LKML_DIAG
};

/// Adds LKML150-169 to the diagnostic catalogue (idempotent).
void registerLiquidDiagnosticCodes();

/// A problem in a template, at bytes [begin, end) of the template text.
struct LiquidError {
  LiquidCode code = LiquidCode::liquid_bad_expression;
  std::string message;  // one sentence, quotes the offending text
  std::string hint;     // how to fix it, or ""
  size_t begin = 0;
  size_t end = 0;
};

/// A Diagnostic for `error` at `span` (the caller maps the template offsets into the file).
Diagnostic liquidDiagnostic(const LiquidError& error, Span span);

}  // namespace lkml::liquid
