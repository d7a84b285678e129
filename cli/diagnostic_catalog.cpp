#include "cli/diagnostic_catalog.h"

#include "codegen/compile_context.h"
#include "codegen/filter_expression.h"
#include "schema/schema_diagnostics.h"
#include "semantic/semantic_diagnostics.h"

namespace lkml::cli {

void registerAllDiagnosticCodes() {
  semantic::registerSemanticCodes();
  schema::registerSchemaCodes();
  codegen::registerQueryDiagnosticCodes();
  codegen::registerFilterDiagnosticCodes();
}

}  // namespace lkml::cli
