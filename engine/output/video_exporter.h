#pragma once
// Exports a show to an MP4 file: the frames the player shows (drawn off-screen by the same
// renderer), the sound the mixer makes (run offline in lockstep with the frames), and the
// captions as a subtitle track. The file appears at its destination only when complete.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <SFML/System/Vector2.hpp>

#include "render/render_resources.h"
#include "timeline/show.h"

namespace vitrine::output {

/// What to export and how to encode it.
struct ExportOptions {
    /// The MP4 file to write (replaced when it exists).
    std::filesystem::path path;
    /// The exported range of show time; `to` < 0 means the end of the show. Past the end the
    /// show loops, as the player plays it (the range may cross the loop's seam).
    Micros from = 0;
    Micros to = -1;
    /// Frames per second of the video.
    int fps = 25;
    /// Output size in pixels (both even); {0, 0} means the show's canvas.
    sf::Vector2u size{0, 0};
    /// x264 constant rate factor: lower is better and bigger.
    int crf = 20;
    /// x264 speed preset: slower presets give smaller files at the same quality.
    std::string preset = "medium";
};

/// Where an export stands, given to the progress callback after every frame.
struct ExportProgress {
    std::int64_t frame = 0;   // frames encoded so far
    std::int64_t frames = 0;  // frames in all
    /// Problems found since the last call (a sound that cannot be played, a bad caption
    /// file), each reported once; the export goes on without them.
    std::vector<std::string> problems;
};

/// Called after each frame; returning false cancels the export.
using ExportProgressCallback = std::function<bool(const ExportProgress&)>;

/// Exports `show` as H.264 + AAC (+ mov_text captions when the show has any) in MP4.
/// Needs an X display for the off-screen renderer. Returns an error message, or nullopt on
/// success; on failure or cancellation nothing is left at `options.path`.
std::optional<std::string> exportShow(const Show& show, render::RenderResources& resources, ExportOptions options,
                                      const ExportProgressCallback& progress = {});

}  // namespace vitrine::output
