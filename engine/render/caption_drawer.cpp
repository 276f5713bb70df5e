#include "render/caption_drawer.h"

#include "text/caption_placement.h"

namespace vitrine::render {
namespace {

// Light text on a dark box (contrast well above 7:1); the second language a shade warmer, so
// a glance tells the two apart, still far above 7:1 on the box. Sizes and places are
// text/caption_placement's, shared with `vitrine check`.
const sf::Color kCaptionColour{0xf6, 0xf1, 0xe8, 255};
const sf::Color kCaptionBox{0x08, 0x08, 0x08, 0xd0};
const sf::Color kSecondColour{0xe6, 0xd9, 0xbf, 255};

// The letterbox offset (whole pixels) is added after placement, so glyphs stay on the pixel grid.
sf::Transform letterboxed(const Viewport& v) {
    sf::Transform t;
    t.translate(static_cast<float>(v.offsetX), static_cast<float>(v.offsetY));
    return t;
}

}  // namespace

CaptionDrawer::CaptionDrawer(const Show& show, TextDrawer& text, CaptionCache* files)
    : show_(show), text_(text), ownFiles_(files ? 1 : CaptionCache::kDefaultCapacity), files_(files ? *files : ownFiles_) {}

const CaptionTrack* CaptionDrawer::trackFor(const std::string& file) {
    if (files_.givenChanges() != givenSeen_) {
        tracks_.clear();
        givenSeen_ = files_.givenChanges();
    }
    auto found = tracks_.find(file);
    if (found == tracks_.end()) {
        auto read = files_.get(file);
        for (const auto& problem : read->problems) problems_.push_back(formatDiagnostic(problem));
        found = tracks_.emplace(file, std::move(read)).first;
    }
    return found->second->unusable ? nullptr : &found->second->track;
}

void CaptionDrawer::draw(const Frame& frame, sf::RenderTarget& target, const Viewport& v) {
    // The visitor who cannot hear reads what is said; with two languages, each reads
    // their own without hunting for it: the first language always on top.
    const text::ActiveCaptions active =
        text::activeCaptions(show_, frame, [this](const std::string& file) { return trackFor(file); });
    if (active.first.empty() && active.second.empty()) return;

    const auto scale = static_cast<float>(v.scale);
    std::shared_ptr<const text::TextLayout> first, second;
    std::optional<double> firstHeight, secondHeight;  // canvas px
    if (!active.first.empty()) {
        first = text_.keptLayout(active.first, text::captionLayoutStyle(show_.canvas, false), scale);
        firstHeight = first->height / v.scale;
    }
    if (!active.second.empty()) {
        second = text_.keptLayout(active.second, text::captionLayoutStyle(show_.canvas, true), scale);
        secondHeight = second->height / v.scale;
    }
    const text::CaptionPlaces places = text::placeCaptions(show_.canvas, firstHeight, secondHeight);
    const auto drawBlock = [&](const text::TextLayout& layout, const text::PlacedCaption& place, sf::Color colour) {
        TextDrawOptions o;
        o.position = {static_cast<float>(place.text.x), static_cast<float>(place.text.y)};
        o.scale = scale;
        o.color = colour;
        o.background = TextBackground{static_cast<float>(place.padding), kCaptionBox};
        o.transform = letterboxed(v);
        text_.draw(target, layout, o);
    };
    if (second) drawBlock(*second, *places.second, kSecondColour);
    if (first) drawBlock(*first, *places.first, kCaptionColour);
}

std::vector<std::string> CaptionDrawer::takeProblems() {
    std::vector<std::string> out;
    out.swap(problems_);
    return out;
}

}  // namespace vitrine::render
