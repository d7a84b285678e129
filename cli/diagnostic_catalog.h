// Every stage's diagnostic codes, registered once, for commands that name rules before any
// stage ran (`lkml explain`, `--select`, baselines).
#pragma once

namespace lkml::cli {

void registerAllDiagnosticCodes();

}  // namespace lkml::cli
