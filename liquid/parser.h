// Parses a Liquid template (Shopify Liquid plus Looker's tags) into a Template. The scanner
// splits the text into text, `{{ }}` and `{% %}` pieces (applying `{%-`/`-%}` whitespace
// control, `raw` and `comment`); markup.cpp parses expressions; blocks are built with an
// explicit stack, at most kMaxNesting deep. Never throws on any input.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "liquid/ast.h"
#include "liquid/liquid_diagnostics.h"

namespace lkml::liquid {

/// True when `text` contains anything Liquid would interpret (`{{` or `{%`).
bool hasLiquid(std::string_view text);

/// The template, or the first error (with its offsets in `text`).
struct ParseResult {
  Template tmpl;
  std::optional<LiquidError> error;
  bool ok() const { return !error.has_value(); }
};
ParseResult parseTemplate(std::string_view text);

/// The filters lkml implements, with their argument counts.
bool isKnownFilter(std::string_view name, size_t* min_args, size_t* max_args);

}  // namespace lkml::liquid
