#pragma once
// "Did you mean …?" for misspelt names: elements, attributes, ids, values and file paths.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vitrine {

/// Edit distance between two ASCII strings, case-insensitive: insertions, deletions,
/// substitutions and swaps of two adjacent letters each count as one change (optimal
/// string alignment, the restricted Damerau–Levenshtein distance), since "txet" for
/// "text" is one slip of the fingers, not two.
int editDistance(std::string_view a, std::string_view b);

/// The candidate closest to `word` if it is close enough to be a likely typo.
std::optional<std::string> closestMatch(std::string_view word, const std::vector<std::string>& candidates);

/// A hint "did you mean 'x'?", or `fallback` when nothing is close.
std::string didYouMean(std::string_view word, const std::vector<std::string>& candidates, std::string fallback = {});

/// For a file that does not exist: the path of a file in the same folder whose name is a
/// likely typo of it (same name in another case, another extension, a letter off), as
/// `missing` writes it with only the file name changed; nullopt when none is close.
std::optional<std::string> closestExistingFile(const std::filesystem::path& missing);

}  // namespace vitrine
