// Runs every lint check (semantic/checks/check_*.cpp) over a compiled project.
#pragma once

#include "base/diagnostic.h"
#include "semantic/project.h"

namespace lkml::semantic {

/// `style_rules`: also run the opt-in style rules (LKML25x); they are skipped otherwise.
void runChecks(const LoadedProject& project, DiagnosticSink& sink, bool style_rules = false);

}  // namespace lkml::semantic
