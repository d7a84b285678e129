// Maps dialect names from models and the command line to Dialect instances.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "codegen/sql_dialect.h"

namespace lkml::codegen {

/// The dialect called `name` (case-insensitive; "postgres" and "postgresql" are the same), or
/// nullptr. Instances live for the whole program.
const Dialect* findDialect(std::string_view name);

/// Canonical names of every dialect, sorted ("postgres").
std::vector<std::string> dialectNames();

/// "unknown dialect `x`; expected postgres" (with "did you mean" when a name is close).
std::string unknownDialectMessage(std::string_view name);

}  // namespace lkml::codegen
