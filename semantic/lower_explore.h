// Lowers a merged `explore:` block (extends and refinements applied) into an Explore.
#pragma once

#include "grammar/syntax_tree.h"
#include "semantic/lower_context.h"
#include "semantic/model.h"

namespace lkml::semantic {

Explore lowerExplore(const syntax::Node& block, LowerContext& ctx);
AccessGrant lowerAccessGrant(const syntax::Node& block, LowerContext& ctx);

}  // namespace lkml::semantic
