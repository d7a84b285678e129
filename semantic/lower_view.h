// Lowers a merged `view:` block (extends and refinements already applied) into a View.
#pragma once

#include "grammar/syntax_tree.h"
#include "semantic/lower_context.h"
#include "semantic/model.h"

namespace lkml::semantic {

View lowerView(const syntax::Node& block, LowerContext& ctx);

}  // namespace lkml::semantic
