// Runs every lint check (semantic/checks/check_*.cpp) over a compiled project.
#pragma once

#include "base/diagnostic.h"
#include "semantic/project.h"

namespace lkml::semantic {

void runChecks(const LoadedProject& project, DiagnosticSink& sink);

}  // namespace lkml::semantic
