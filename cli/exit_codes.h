// Process exit codes; stable, scripts and CI depend on them.
#pragma once

namespace lkml::cli {
inline constexpr int kExitOk = 0;        // no errors
inline constexpr int kExitFindings = 1;  // errors found (lint), query refused
inline constexpr int kExitUsage = 2;     // usage or I/O error
inline constexpr int kExitDatabase = 3;  // database unreachable or timed out
}  // namespace lkml::cli
