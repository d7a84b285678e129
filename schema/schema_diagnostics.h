// Live-schema diagnostic codes (schema_codes.def) as an enum, and their registration with the
// shared code table so renderers, --rule and the docs know them.
#pragma once

#include <string>

#include "base/diagnostic.h"

namespace lkml::schema {

enum class SchemaCode : int {
#define LKML_DIAG(num, sev, slug, summary) slug = num,
#include "schema/schema_codes.def"
#undef LKML_DIAG
};

/// Idempotent; every schema entry point calls it.
void registerSchemaCodes();

Diagnostic makeSchemaDiagnostic(SchemaCode code, Span span, std::string message);

}  // namespace lkml::schema
