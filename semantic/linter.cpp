#include "semantic/linter.h"

#include "semantic/checks/checks.h"
#include "semantic/semantic_diagnostics.h"

namespace lkml::semantic {

void runChecks(const LoadedProject& project, DiagnosticSink& sink, bool style_rules) {
  registerSemanticCodes();
  checks::checkParameters(project, sink);
  checks::checkModels(project, sink);
  checks::checkViews(project, sink);
  checks::checkExplores(project, sink);
  checks::checkReferences(project, sink);
  checks::checkAccessGrants(project, sink);
  if (style_rules) checks::checkStyle(project, sink);
}

}  // namespace lkml::semantic
