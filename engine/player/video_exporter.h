#pragma once
// Exports a show to an MP4 file: a thin user of the show being played (LiveShow), with its
// clock stepped frame by frame instead of running: the frames its renderer draws off-screen,
// the sound its mixer makes (pulled offline in lockstep with the frames, no sound card), and
// the captions as a subtitle track. The file appears at its destination only when complete.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <SFML/System/Vector2.hpp>

#include "base/error.h"
#include "output/export_progress.h"
#include "render/render_resources.h"
#include "timeline/show.h"

namespace vitrine {

/// What to export and how to encode it.
struct ExportOptions {
    /// The MP4 file to write (replaced when it exists).
    std::filesystem::path path;
    /// The exported range of show time; no `to` means the end of the show. Past the end the
    /// show loops, as the player plays it (the range may cross the loop's seam).
    Micros from = 0;
    std::optional<Micros> to;
    /// Frames per second of the video.
    int fps = 25;
    /// Output size in pixels (both even); {0, 0} means the show's canvas.
    sf::Vector2u size{0, 0};
    /// x264 constant rate factor: lower is better and bigger.
    int crf = 20;
    /// x264 speed preset: slower presets give smaller files at the same quality.
    std::string preset = "medium";
};

using output::ExportProgress;
using output::ExportProgressCallback;

/// Exports `show` (the caller's until this returns) as H.264 + AAC (+ mov_text captions
/// when the show has any) in MP4. Captions, burned in and in the subtitle tracks alike, are
/// read through `resources.captionFiles()`: text given to it stands for its file. Needs an X display for the off-screen renderer. Returns the Error, or nullopt on
/// success; on failure or cancellation nothing is left at `options.path`.
std::optional<Error> exportShow(const Show& show, render::RenderResources& resources, ExportOptions options,
                                const ExportProgressCallback& progress = {});

}  // namespace vitrine
