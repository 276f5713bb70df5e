#pragma once
// `vitrine-studio storyboard`: one still per scene on a contact sheet, with the scene's id,
// start and first line of text under each, for a curator's review.

#include <filesystem>

namespace vitrine::studio {

/// Draws the storyboard of `exhibit` into the PNG `output` with `columns` stills a row.
/// Returns the program's exit status (0, 2 for an exhibit that cannot be read, 3 for
/// no display or an unwritable output), having printed why.
int writeStoryboard(const std::filesystem::path& exhibit, const std::filesystem::path& output, int columns);

}  // namespace vitrine::studio
