#pragma once
// `vitrine-studio storyboard`: one still per scene on a contact sheet, with the scene's id,
// start and first line of text under each, for a curator's review.

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "base/error.h"
#include "render/render_resources.h"
#include "timeline/show.h"

namespace vitrine::studio {

/// Draws the storyboard of `exhibit` into the PNG `output` with `columns` stills a row.
/// Returns the program's exit status (0, 2 for an exhibit that cannot be read, 3 for
/// no display or an unwritable output), having printed why.
int writeStoryboard(const std::filesystem::path& exhibit, const std::filesystem::path& output, int columns);

/// Called after each still with how many are drawn and how many in all; false cancels.
using StoryboardProgress = std::function<bool(int done, int total)>;

/// Draws the storyboard of `show` (titled `title` when it has none) with `resources` into the
/// PNG `output`, written atomically, on the calling thread's own GL context (the studio's
/// export runs it in a process of its own). Returns the Error saying why it could not, or nullopt.
std::optional<Error> drawStoryboard(const Show& show, render::RenderResources& resources, const std::string& title,
                                    const std::filesystem::path& output, int columns,
                                    const StoryboardProgress& progress = {});

}  // namespace vitrine::studio
