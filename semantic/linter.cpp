#include "semantic/linter.h"

#include <future>

#include "semantic/checks/checks.h"
#include "semantic/semantic_diagnostics.h"

namespace lkml::semantic {

void runSyntaxChecks(const LoadedProject& project, DiagnosticSink& sink) {
  registerSemanticCodes();
  checks::checkParameters(project, sink);
  checks::checkLiquid(project, sink);
}

void runModelChecks(const LoadedProject& project, DiagnosticSink& sink, bool style_rules) {
  registerSemanticCodes();
  // The check families only read the project; run them on two threads (the machine has two
  // cores) to halve lint time on large projects. The sink is thread-safe. The reference check
  // is the largest, so its halves go one to each thread.
  checks::ReferenceChecker references(project);
  auto second = std::async(std::launch::async, [&] {
    checks::checkModels(project, sink);
    checks::checkViews(project, sink);
    checks::checkAccessGrants(project, sink);
    checks::checkDerivedTables(project, sink);
    checks::checkFieldListReferences(project, sink);
    references.checkViewHalf(sink);
  });
  checks::checkExplores(project, sink);
  references.checkExploreHalf(sink);
  if (style_rules) checks::checkStyle(project, sink);
  second.get();
}

void runChecks(const LoadedProject& project, DiagnosticSink& sink, bool style_rules) {
  auto syntax = std::async(std::launch::async, [&] { runSyntaxChecks(project, sink); });
  runModelChecks(project, sink, style_rules);
  syntax.get();
}

}  // namespace lkml::semantic
