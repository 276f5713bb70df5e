#pragma once
// Draws the captions of the sounds playing in a frame: a band near the bottom of the
// canvas, over everything, legible from a distance. With a second caption file on a
// sound, its language is stacked below the first in a smaller, quieter style.

#include <SFML/Graphics/RenderTarget.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "captions/caption_track.h"
#include "render/text_drawer.h"
#include "render/viewport.h"
#include "timeline/frame.h"
#include "timeline/show.h"

namespace vitrine::render {

/// Draws captions for one Show; caption files are read the first time they are needed.
class CaptionDrawer {
public:
    CaptionDrawer(const Show& show, TextDrawer& text);

    /// Draws the captions active in `frame` onto `target`, placed in the canvas by `v`.
    void draw(const Frame& frame, sf::RenderTarget& target, const Viewport& v);

    /// Draws caption file `file` from `track` instead of reading it: the studio's edited
    /// text, shown before it is saved.
    void useTrack(const std::string& file, CaptionTrack track) { tracks_[file] = std::move(track); }

    /// Problems met reading caption files, each reported once.
    std::vector<std::string> takeProblems();

private:
    const CaptionTrack* trackFor(const std::string& file);
    text::TextLayout layoutBlock(const std::vector<text::Paragraph>& lines, float sizePx, bool italic,
                                 const Viewport& v) const;

    const Show& show_;
    TextDrawer& text_;
    std::map<std::string, std::optional<CaptionTrack>> tracks_;  // by file; nullopt: unusable
    std::vector<std::string> problems_;
};

}  // namespace vitrine::render
