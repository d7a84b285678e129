// A '...' literal for warehouses whose strings always take backslash escapes (BigQuery,
// Snowflake): the backslash and every control character are escaped, so a value can neither
// end the literal nor hold a raw newline. The quote is written as `quote` (`\'` or `''`).
#pragma once

#include <string>
#include <string_view>

namespace lkml::codegen {

/// Throws std::invalid_argument for a NUL byte, which neither warehouse can hold.
std::string backslashStringLiteral(std::string_view value, std::string_view quote);

}  // namespace lkml::codegen
