#pragma once
// "Did you mean …?" for misspelt names.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vitrine {

/// Levenshtein distance between two ASCII strings, case-insensitive.
int editDistance(std::string_view a, std::string_view b);

/// The candidate closest to `word` if it is close enough to be a likely typo.
std::optional<std::string> closestMatch(std::string_view word, const std::vector<std::string>& candidates);

/// A hint "did you mean 'x'?", or `fallback` when nothing is close.
std::string didYouMean(std::string_view word, const std::vector<std::string>& candidates, std::string fallback = {});

}  // namespace vitrine
