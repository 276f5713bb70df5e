#pragma once
// Where an export stands, told after every frame: what the exporter (engine/player) gives
// and the progress printer (here, below it) shows.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace vitrine::output {

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

}  // namespace vitrine::output
