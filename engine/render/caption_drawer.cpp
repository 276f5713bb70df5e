#include "render/caption_drawer.h"

#include <algorithm>
#include <iterator>


namespace vitrine::render {
namespace {

// Captions: a band near the bottom, light text on a dark box (contrast well above 7:1).
constexpr double kCaptionWidthFraction = 0.72;
constexpr double kCaptionBottomFraction = 0.9;
constexpr double kCaptionSizeFraction = 0.039;  // 42 px on a 1080-line canvas
constexpr double kCaptionMinSize = 28;
constexpr float kCaptionLineHeight = 1.3f;
constexpr float kCaptionPaddingFraction = 0.4f;  // of the text size, around the text
const sf::Color kCaptionColour{0xf6, 0xf1, 0xe8, 255};
const sf::Color kCaptionBox{0x08, 0x08, 0x08, 0xd0};
// The second language: a little smaller, italic and a shade warmer, so a glance tells the
// two apart; still far above 7:1 on the box.
constexpr float kSecondSizeFactor = 0.85f;
constexpr float kSecondMinSize = 24;
const sf::Color kSecondColour{0xe6, 0xd9, 0xbf, 255};
constexpr double kStackGapFraction = 0.25;  // of the first language's size, between the boxes

// The lines of the cues of `track` on screen at `mediaTime`, appended to `lines`.
void appendActiveLines(const CaptionTrack& track, Micros mediaTime, std::vector<text::Paragraph>& lines) {
    for (const CaptionCue* c : track.activeAt(mediaTime)) {
        for (const auto& line : c->lines) {
            text::Paragraph p;
            for (const auto& span : line) p.spans.push_back(text::Span{span.text, span.bold, span.italic, span.lang});
            lines.push_back(std::move(p));
        }
    }
}

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

std::shared_ptr<const text::TextLayout> CaptionDrawer::layoutBlock(const std::vector<text::Paragraph>& lines,
                                                                   float sizePx, bool italic, const Viewport& v) {
    text::LayoutStyle style;
    style.family = "sans";
    style.sizePx = sizePx;
    style.italic = italic;
    style.align = text::LayoutStyle::Align::Center;
    style.maxWidthPx = static_cast<float>(show_.canvas.width * kCaptionWidthFraction);
    style.lineHeight = kCaptionLineHeight;
    style.paragraphSpacing = 0;
    return text_.keptLayout(lines, style, static_cast<float>(v.scale));
}

void CaptionDrawer::draw(const Frame& frame, sf::RenderTarget& target, const Viewport& v) {
    // The visitor who cannot hear reads what is said; with two languages, each reads
    // their own without hunting for it: the first language always on top.
    std::vector<text::Paragraph> first, second;
    for (const AudioCue& cue : frame.audio) {
        const Item& item = show_.items[cue.item];
        // An audio description's words say what is on screen: drawn, they would repeat it.
        if (item.description) continue;
        if (!item.captions.empty())
            if (const CaptionTrack* track = trackFor(item.captions)) appendActiveLines(*track, cue.mediaTime, first);
        if (!item.secondCaptions.empty())
            if (const CaptionTrack* track = trackFor(item.secondCaptions)) appendActiveLines(*track, cue.mediaTime, second);
    }
    if (first.empty() && second.empty()) return;

    const float firstSize = static_cast<float>(std::max(kCaptionMinSize, show_.canvas.height * kCaptionSizeFraction));
    // A second language alone (its cue ends later) keeps its own style, so it does not
    // jump in size when the first language's cue ends.
    const float secondSize = std::max(kSecondMinSize, firstSize * kSecondSizeFactor);
    struct Block {
        std::shared_ptr<const text::TextLayout> layout;
        float padding;
        sf::Color colour;
    };
    std::vector<Block> blocks;  // top to bottom
    if (!first.empty()) blocks.push_back({layoutBlock(first, firstSize, false, v), firstSize * kCaptionPaddingFraction, kCaptionColour});
    if (!second.empty())
        blocks.push_back({layoutBlock(second, secondSize, true, v), secondSize * kCaptionPaddingFraction, kSecondColour});

    // Stacked from the bottom up: each box ends a small gap above the next, so the two
    // languages read as two blocks and their translucent boxes never overlap.
    const double width = show_.canvas.width * kCaptionWidthFraction;
    const double gap = firstSize * kStackGapFraction;
    double bottom = show_.canvas.height * kCaptionBottomFraction;  // of the text, in canvas px
    for (auto block = blocks.rbegin(); block != blocks.rend(); ++block) {
        double top = bottom - block->layout->height / v.scale;
        TextDrawOptions o;
        o.position = {static_cast<float>((show_.canvas.width - width) / 2), static_cast<float>(top)};
        o.scale = static_cast<float>(v.scale);
        o.color = block->colour;
        o.background = TextBackground{block->padding, kCaptionBox};
        o.transform = letterboxed(v);
        text_.draw(target, *block->layout, o);
        if (std::next(block) != blocks.rend()) bottom = top - block->padding - gap - std::next(block)->padding;
    }
}

std::vector<std::string> CaptionDrawer::takeProblems() {
    std::vector<std::string> out;
    out.swap(problems_);
    return out;
}

}  // namespace vitrine::render
