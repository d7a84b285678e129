// The values a LookML parameter accepts where they are a fixed vocabulary (field types by
// block, relationship, join type, yes/no switches), for completion.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lkml::ide {

/// Allowed values of `key` inside a block with key `block` (`dimension`, `join`, ...); empty
/// when the parameter takes names or free text.
std::vector<std::string> parameterValues(std::string_view block, std::string_view key);

}  // namespace lkml::ide
