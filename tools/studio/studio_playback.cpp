// The preview's show: the live show made from the document (and replaced when it changes),
// its clock, speed and sound, and its picture drawn when something changed.

#include "studio_app.h"

#include <algorithm>

#include "render/image_draw_size.h"
#include "studio/preview_languages.h"
#include "text/font_library.h"
#include "timeline/evaluate.h"
#include "transport_panel.h"

namespace vitrine::studio {
namespace {

constexpr Micros kLookahead = 10 * kMicrosPerSecond;  // images decoded ahead of the playhead
constexpr Micros kLookbehind = 3 * kMicrosPerSecond;  // and behind it, where a scrub back lands

}  // namespace

// The document's show as the preview draws it: in the languages View ▸ Languages chose (the
// exhibit's main language until then), paragraphs removed inside texts but no item, so
// indices still map to lines.
std::shared_ptr<const Show> StudioApp::previewedShow() const {
    return std::make_shared<const Show>(inPreviewLanguages(*doc_.show(), doc_.previewLanguages()));
}

bool StudioApp::choosePreviewLanguages(const std::string& words) {
    if (!doc_.show()) return false;
    const auto languages = parsePreviewLanguages(words, *doc_.show());
    if (!languages) {
        std::string known;
        for (const auto& code : doc_.show()->languages) known += code + ", ";
        setStatus("Languages: '" + words + "' is not one of this exhibit's: " + known + "both or main", true);
        return false;
    }
    // Not an edit: the document compiles its show again (its layout warnings follow) and the
    // preview replaces its show at the playhead, as after an edit; nothing reaches the file.
    doc_.setPreviewLanguages(*languages);
    setStatus("The preview's languages changed; the file did not (the status bar's left names them)");
    return true;
}

std::string StudioApp::previewLanguagesLabel() const {
    return doc_.show() ? describePreview(doc_.previewLanguages(), *doc_.show()) : std::string();
}

void StudioApp::ensureLive() {
    if (!doc_.show()) return;
    if (!resources_) {
        int maxDimension = render::RenderResources::maxImageDimensionFor(doc_.show()->canvas);
        resources_ = std::make_unique<render::RenderResources>(text::bundledFontsDirectory(), maxDimension);
    }
    if (live_ && liveGeneration_ == doc_.showGeneration()) return feedCaptions();
    if (!live_) {
        LiveShow::Options options;
        options.audio = audioDevice_;
        live_ = std::make_unique<LiveShow>(previewedShow(), *resources_, options);
        live_->clock().setRate(kSpeeds[speedIndex_]);
    } else {
        live_->replace(previewedShow());
    }
    // The studio keeps its own place across an edit: the document says where it is.
    live_->jump(t_);
    liveGeneration_ = doc_.showGeneration();
    previewDirty_ = true;
    feedCaptions();
}

void StudioApp::renderPreview() {
    ensureLive();
    if (!live_) return;
    const Show& show = live_->show();
    render::FrameRenderer& renderer = live_->renderer();
    const sf::Vector2u canvasSize(static_cast<unsigned>(show.canvas.width), static_cast<unsigned>(show.canvas.height));
    sf::RenderTexture* canvas = preview_.canvas(canvasSize);
    if (!canvas) return;
    if (canvasSize != previewSize_) {
        previewSize_ = canvasSize;
        previewDirty_ = true;
    }
    // Images decode on worker threads: draw again when one has arrived.
    std::uint64_t images = resources_->images().stats().generation;
    if (images != imagesSeen_) previewDirty_ = true;
    imagesSeen_ = images;
    if (!previewDirty_) return;
    render::prefetchImages(show, std::max<Micros>(0, t_ - kLookbehind), t_ + kLookahead, false,
                           renderer.viewportFor(canvasSize).scale, resources_->images());
    mapTool_.showFraming(doc_, renderer);
    Frame frame = evaluate(show, t_);
    selectTool_.applyPreview(frame);  // an item being dragged is drawn where the pointer has it
    renderer.render(frame, *canvas);
    canvas->display();
    // A video still decoding towards t, or a picture still decoding or uploading (after a
    // scrub while paused nothing else redraws): draw again until it is there.
    previewDirty_ = renderer.waitingForMedia();
}

void StudioApp::updateAudio() {
    if (!live_) return;
    // Sound only while playing at normal speed: at other speeds the mixer would chase the
    // clock in audible jumps.
    const bool audible = playing() && speedIndex_ == kNormalSpeed;
    if (!audible) {
        live_->audio().update({}, t_, true);
        return;
    }
    live_->audio().update(evaluate(live_->show(), t_).audio, t_, false);
    for (const auto& problem : live_->audio().takeProblems()) setStatus("Sound: " + problem.message, true);
}

bool StudioApp::playing() const { return live_ && !live_->clock().paused(); }

void StudioApp::setPlaying(bool on) {
    if (!live_) return;
    if (on) live_->clock().resume();
    else live_->clock().pause();
}

void StudioApp::setSpeed(int index) {
    speedIndex_ = index;
    if (live_) live_->clock().setRate(kSpeeds[index]);
}

void StudioApp::seek(Micros t) {
    if (!doc_.show()) return;
    t_ = std::clamp<Micros>(t, 0, std::max<Micros>(0, doc_.show()->duration - 1));
    if (live_) live_->jump(t_);
    previewDirty_ = true;
}

}  // namespace vitrine::studio
