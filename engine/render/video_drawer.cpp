#include "render/video_drawer.h"

#include <algorithm>
#include <filesystem>

#include "render/placeholder_drawer.h"
#include "timeline/screen_words.h"
#include "render/textured_quad.h"
#include "timeline/show_position.h"

namespace vitrine::render {

VideoDrawer::VideoDrawer(const Show& show, TextDrawer& text, VideoCacheOptions options)
    : show_(show), text_(text), videos_(options) {}

VideoRequest VideoDrawer::requestFor(const Item& item, bool offline) const {
    VideoRequest request;
    request.path = item.src;
    request.options.clipIn = item.clipIn;
    request.options.clipOut = item.clipOut;
    request.options.loop = item.loop;
    request.options.offline = offline;
    return request;
}

bool VideoDrawer::draw(const DrawItem& d, sf::RenderTarget& target, const Viewport& v, const sf::Transform& transform,
                       bool offline) {
    const Item& item = show_.items[d.item];
    Result<VideoSource*> video = videos_.lookup(d.item, requestFor(item, offline));
    if (!video) {
        const std::string& why = video.error().message;
        report("video " + item.src + ": " + why + " (a placeholder is shown)");
        drawPlaceholder(text_, d, target, v, transform,
                        {screenWord(ScreenWord::VideoUnavailable, show_.wordsLanguages), std::filesystem::path(item.src).filename().string(),
                         why});
        return false;
    }
    VideoSource& source = **video;
    auto frame = source.frameAt(d.mediaTime);
    if (std::string damage = source.problem(); !damage.empty())
        report("video " + item.src + ": " + damage + " (the pictures that decode are shown)");
    const bool waiting = !frame || source.catchingUp();
    if (!frame) return waiting;  // not decoded yet: nothing rather than a stall
    Picture& picture = pictures_[d.item];
    if (!show(picture, frame)) return waiting;
    drawTexturedQuad(picture.texture, d.box, Rect{0, 0, 1, 1}, item.fit, d.opacity, target, v, transform);
    return waiting;
}

bool VideoDrawer::show(Picture& picture, const std::shared_ptr<const VideoFrame>& frame) {
    if (frame == picture.shown) return true;
    const RgbaImage& img = frame->image;
    TiledTexture& texture = picture.texture;
    if (texture.tiles.empty()) texture.tiles.push_back(std::make_unique<TextureTile>());
    TextureTile& tile = *texture.tiles.front();
    if (tile.width != img.width || tile.height != img.height) {
        if (!tile.texture.create(static_cast<unsigned>(img.width), static_cast<unsigned>(img.height))) return false;
        tile.texture.setSmooth(true);
        tile.width = texture.width = img.width;
        tile.height = texture.height = img.height;
    }
    tile.texture.update(img.pixels.data());
    picture.shown = frame;
    return true;
}

void VideoDrawer::lookAhead(Micros from, Micros to, bool loop) {
    std::vector<std::pair<int, VideoRequest>> window;
    for (int index : videoItemsNeeded(show_, from, to, loop))
        window.emplace_back(index, requestFor(show_.items[static_cast<std::size_t>(index)], false));
    videos_.lookAhead(window);
    for (const auto& [index, request] : window) {
        // A clip not yet shown whose first frames are decoded: its first picture goes to the
        // GPU now, between frames, rather than within the frame it begins in.
        if (pictures_.count(index) || std::count(onScreen_.begin(), onScreen_.end(), index)) continue;
        VideoSource* source = videos_.held(index);
        if (!source || !source->isOpen() || source->catchingUp()) continue;
        if (auto frame = source->frameAt(request.options.clipIn)) show(pictures_[index], frame);
    }
}

void VideoDrawer::retireUnused(const Frame& frame) {
    onScreen_.clear();
    for (const Layer& layer : frame.layers)
        for (const DrawItem& d : layer.draws)
            if (show_.items[d.item].kind == ItemKind::Video) onScreen_.push_back(d.item);
    for (int item : videos_.retire(onScreen_)) pictures_.erase(item);
}

void VideoDrawer::report(std::string problem) {
    // Once per renderer: a retired video opened again does not repeat its problem.
    if (reported_.insert(problem).second) problems_.push_back(std::move(problem));
}

}  // namespace vitrine::render
