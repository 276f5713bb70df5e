#pragma once
// Draws video items: each item's current frame as a texture, a placeholder for a file that
// cannot be played. Videos are opened and decoded ahead (lookAhead), held within a budget
// and retired once neither on screen nor due soon (VideoCache), as images are.

#include <SFML/Graphics/RenderTarget.hpp>

#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "media/video_cache.h"
#include "render/text_drawer.h"
#include "render/texture_store.h"
#include "render/viewport.h"
#include "timeline/frame.h"
#include "timeline/show.h"

namespace vitrine::render {

/// The video items of one show, on one render thread.
class VideoDrawer {
public:
    VideoDrawer(const Show& show, TextDrawer& text, VideoCacheOptions options = {});

    /// Draws `d` (a video item) at its media time; offline (stills, exports) waits for the
    /// exact frame, otherwise it draws what is decoded. True when that is not yet the frame
    /// that belongs there (opening, or still decoding after a seek): a paused preview draws again.
    bool draw(const DrawItem& d, sf::RenderTarget& target, const Viewport& v, const sf::Transform& transform,
              bool offline);

    /// The video items visible in [from, to] (wrapping when `loop`) are opened and decoded
    /// ahead, in turn and within the budget; the first picture of one about to begin goes to
    /// the GPU now, so its first frame shows it without waiting. Call between frames.
    void lookAhead(Micros from, Micros to, bool loop);

    /// Closes the videos neither in `frame` nor in the last look-ahead window, with their
    /// textures. Call after each frame is drawn.
    void retireUnused(const Frame& frame);

    /// Problems met (a file that cannot be opened, damage while decoding), each once.
    std::vector<std::string> takeProblems() { return std::exchange(problems_, {}); }

    /// Videos held (open, opening or failed).
    std::size_t heldCount() const { return videos_.heldCount(); }

private:
    // The texture showing an item's current frame.
    struct Picture {
        TiledTexture texture;  // one tile, updated with each new frame
        std::shared_ptr<const VideoFrame> shown;
    };
    VideoRequest requestFor(const Item& item, bool offline) const;
    bool show(Picture& picture, const std::shared_ptr<const VideoFrame>& frame);  // false when no texture
    void report(std::string problem);

    const Show& show_;
    TextDrawer& text_;
    VideoCache videos_;
    std::map<int, Picture> pictures_;  // by item
    std::vector<int> onScreen_;        // video items of the last frame: drawn, not looked ahead for
    std::set<std::string> reported_;
    std::vector<std::string> problems_;
};

}  // namespace vitrine::render
