// Lowers `explore_source:` blocks (native derived tables, data tests) and model-level `test:`
// blocks into the resolved model (explore_source.h).
#pragma once

#include "grammar/syntax_tree.h"
#include "semantic/explore_source.h"
#include "semantic/lower_context.h"

namespace lkml::semantic {

/// `explore_source: name { column: ... filters: ... }`.
ExploreSource lowerExploreSource(const syntax::Node& block, LowerContext& ctx);
/// `derived_table: { explore_source: ... persist_for: ... }`; null without explore_source.
std::shared_ptr<const ExploreSource> lowerNativeDerivedTable(const syntax::Node& derived_table,
                                                             LowerContext& ctx);
/// `test: name { explore_source: ... assert: name { expression: ... ;; } }`.
DataTest lowerDataTest(const syntax::Node& block, LowerContext& ctx);

}  // namespace lkml::semantic
