// The LookML parameters lkml knows for each context (model file, view, field, explore, join).
// Drives LKML201 "unknown parameter" with edit-distance suggestions.
#pragma once

#include <string>
#include <vector>

namespace lkml::semantic {

enum class ParamContext { TopLevel, View, Field, Explore, Join, DerivedTable, AccessGrant };
const char* paramContextName(ParamContext context);

/// Known parameter names of a context (sorted).
const std::vector<std::string>& knownParameters(ParamContext context);
bool isKnownParameter(ParamContext context, const std::string& key);

}  // namespace lkml::semantic
