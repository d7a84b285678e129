// Where a completion is asked for, read from the tokens before the cursor (grammar::lex never
// fails), so half-typed text that does not parse still has a context: the blocks the cursor
// is in, and whether it is at a parameter name, a parameter value, a list item or a `${`.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lkml::ide {

struct OpenBlock {
  std::string key;   // `view`, `dimension`, `explore`, `join`, ...
  std::string name;  // without a refinement's `+`; "" for anonymous blocks
};

struct CompletionContext {
  enum class Where { None, SqlReference, ParameterName, ParameterValue, ListItem };
  Where where = Where::None;
  std::vector<OpenBlock> blocks;  // outermost first
  std::string key;                // ParameterValue, ListItem: the parameter
  std::string qualifier;          // `orders` in `${orders.st|` or `[orders.st|`; "" when none
  std::string word;               // the identifier characters right before the cursor
  uint32_t word_begin = 0;        // where `word` starts (the range a completion replaces)

  /// The name of the innermost open block with `key`, or "".
  std::string enclosing(std::string_view block_key) const;
};

CompletionContext completionContext(std::string_view text, uint32_t offset);

}  // namespace lkml::ide
