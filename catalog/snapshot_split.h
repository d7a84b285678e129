// Splits the text of a catalog snapshot, `{..., "relations": [{...}, ...], ...}`, into the
// document with its relations array emptied and the text of each relation, without parsing
// them (strings and nesting only), so the relations can be parsed on several threads.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lkml::catalog {

struct SplitSnapshot {
  std::string top;                          // the document with `"relations": []`
  std::vector<std::string_view> relations;  // each relation's object, in document order
};

/// nullopt when the layout is anything else (the caller then reads the whole document, which
/// reports what is wrong).
std::optional<SplitSnapshot> splitSnapshot(std::string_view text);

}  // namespace lkml::catalog
