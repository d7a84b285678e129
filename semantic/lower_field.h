// Lowers field blocks (dimension, dimension_group, measure, filter, parameter) of a merged
// view into Fields; a time dimension_group becomes one Field per timeframe
// (`created_date`, ...), a duration group one per interval (`days_enrolled`, ...).
#pragma once

#include <vector>

#include "grammar/syntax_tree.h"
#include "semantic/lower_context.h"
#include "semantic/model.h"

namespace lkml::semantic {

bool isFieldKey(std::string_view key);

void lowerField(const syntax::Node& block, const std::string& view_name, LowerContext& ctx,
                std::vector<Field>* out);

}  // namespace lkml::semantic
