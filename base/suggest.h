// "Did you mean ...?" candidates by edit distance (Damerau-Levenshtein, optimal string
// alignment), as clang's typo correction does.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lkml {

size_t editDistance(std::string_view a, std::string_view b, size_t limit);

/// The closest candidate within a distance proportional to the word's length, or "".
std::string closestMatch(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace lkml
