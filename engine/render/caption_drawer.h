#pragma once
// Draws the captions of the sounds playing in a frame: a band near the bottom of the
// canvas, over everything, legible from a distance. With a second caption file on a
// sound, its language is stacked below the first in a smaller, quieter style.

#include <SFML/Graphics/RenderTarget.hpp>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "captions/caption_cache.h"
#include "captions/caption_track.h"
#include "render/text_drawer.h"
#include "render/viewport.h"
#include "timeline/frame.h"
#include "timeline/show.h"

namespace vitrine::render {

/// Draws captions for one Show; caption files are looked up the first time they are needed,
/// in `files` when given (shared across renderers, so a new show reads none again), and
/// again when text is given to `files` for a file (CaptionCache::setText).
class CaptionDrawer {
public:
    CaptionDrawer(const Show& show, TextDrawer& text, CaptionCache* files = nullptr);

    /// Draws the captions active in `frame` onto `target`, placed in the canvas by `v`.
    void draw(const Frame& frame, sf::RenderTarget& target, const Viewport& v);

    /// Problems met reading caption files, each reported once.
    std::vector<std::string> takeProblems();

private:
    const CaptionTrack* trackFor(const std::string& file);

    const Show& show_;
    TextDrawer& text_;
    CaptionCache ownFiles_;  // when no shared cache is given
    CaptionCache& files_;
    // By file, as first looked up (no look at the disk each frame), until the cache is given
    // other text for a file (the studio's unsaved cue edits).
    std::map<std::string, std::shared_ptr<const CaptionFile>> tracks_;
    std::uint64_t givenSeen_ = 0;
    std::vector<std::string> problems_;
};

}  // namespace vitrine::render
