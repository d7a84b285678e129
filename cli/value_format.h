// Looker's value formats for display (`lkml query --format table|csv`): `value_format`
// (Excel-style: `$#,##0.00`, `0.0%`, `#,##0`, `0.00,,"M"`) and the built-in
// `value_format_name`s (`usd`, `decimal_2`, `percent_1`, `id`, ...). Rounding is decimal, half
// away from zero, on the database's text (no binary floating point), as Looker rounds.
#pragma once

#include <optional>
#include <string>

namespace lkml::cli {

/// The Excel-style format a built-in `value_format_name` stands for; nullopt for other names.
std::optional<std::string> builtinValueFormat(const std::string& name);

/// `value` formatted with the Excel-style `format`; nullopt when the value is not a number
/// (it is shown as it is) or the format uses what lkml does not render (`[...]` conditions and
/// colours, `E+` exponents, dates), so a value is never shown wrong.
std::optional<std::string> applyValueFormat(const std::string& value, const std::string& format);

}  // namespace lkml::cli
