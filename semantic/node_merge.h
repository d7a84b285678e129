// Merges LookML blocks for `extends` and refinements (`+name`), on syntax nodes so that every
// parameter, known or not, takes part: scalars and lists are replaced, named sub-blocks
// (fields, joins, sets) are merged parameter by parameter, and the parameters Looker
// documents as additive (link, access_filter, aggregate_table, query, old-style filters,
// and `extends` inside refinements) are appended.
#pragma once

#include "grammar/syntax_tree.h"

namespace lkml::semantic {

enum class MergeMode { Extends, Refinement };

/// Applies `overlay`'s members on top of `base` (both blocks).
void mergeInto(syntax::Node& base, const syntax::Node& overlay, MergeMode mode);
/// The same, moving `overlay`'s members instead of copying them.
void mergeInto(syntax::Node& base, syntax::Node&& overlay, MergeMode mode);

/// The block name without a leading '+' (refinements).
std::string_view objectName(const syntax::Node& block);

}  // namespace lkml::semantic
