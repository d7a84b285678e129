// Lint-time check of the Looker filter expressions written in LookML: measure `filters`,
// explore `always_filter` and `conditionally_filter`. Each is parsed for the type of the field
// it filters, exactly as `lkml sql` would parse it, so a filter that would make every query of
// the explore fail is reported by `lkml lint` with its LKML440-449 code and a caret.
#pragma once

#include "base/diagnostic.h"
#include "semantic/model.h"

namespace lkml::codegen {

/// Reports the filter expressions of `project` that do not parse. Expressions with Liquid
/// (`{{ }}`, `{% %}`) are skipped: their value is only known per user. Runs on up to `threads`
/// threads (0: all cores); the findings and their order do not depend on it.
void checkFilterExpressions(const semantic::Project& project, DiagnosticSink& sink,
                            unsigned threads = 1);

}  // namespace lkml::codegen
