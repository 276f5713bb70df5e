#include "text/caption_placement.h"

#include <algorithm>

namespace vitrine::text {
namespace {

// Captions: a band near the bottom, legible from a distance.
constexpr double kCaptionWidthFraction = 0.72;
constexpr double kCaptionBottomFraction = 0.9;
constexpr double kCaptionSizeFraction = 0.039;  // 42 px on a 1080-line canvas
constexpr double kCaptionMinSize = 28;
constexpr float kCaptionLineHeight = 1.3f;
constexpr double kCaptionPaddingFraction = 0.4;  // of the text size, around the text
// The second language: a little smaller and italic, so a glance tells the two apart.
constexpr double kSecondSizeFactor = 0.85;
constexpr double kSecondMinSize = 24;
constexpr double kStackGapFraction = 0.25;  // of the first language's size, between the boxes

double firstSize(const PixelSize& canvas) { return std::max(kCaptionMinSize, canvas.height * kCaptionSizeFraction); }

// A second language alone (its cue ends later) keeps its own size, so it does not jump in
// size when the first language's cue ends.
double secondSize(const PixelSize& canvas) { return std::max(kSecondMinSize, firstSize(canvas) * kSecondSizeFactor); }

void appendActiveLines(const CaptionTrack& track, Micros mediaTime, std::vector<Paragraph>& lines,
                       std::vector<const CaptionCue*>& cues) {
    for (const CaptionCue* c : track.activeAt(mediaTime)) {
        cues.push_back(c);
        for (const auto& line : c->lines) {
            Paragraph p;
            for (const auto& span : line) p.spans.push_back(Span{span.text, span.bold, span.italic, span.lang});
            lines.push_back(std::move(p));
        }
    }
}

}  // namespace

ActiveCaptions activeCaptions(const Show& show, const Frame& frame, const CaptionTrackLookup& trackFor) {
    ActiveCaptions out;
    for (const AudioCue& cue : frame.audio) {
        const Item& item = show.items[static_cast<std::size_t>(cue.item)];
        // An audio description's words say what is on screen: drawn, they would repeat it.
        if (item.description) continue;
        if (!item.captions.empty())
            if (const CaptionTrack* track = trackFor(item.captions))
                appendActiveLines(*track, cue.mediaTime, out.first, out.firstCues);
        if (!item.secondCaptions.empty())
            if (const CaptionTrack* track = trackFor(item.secondCaptions))
                appendActiveLines(*track, cue.mediaTime, out.second, out.secondCues);
    }
    return out;
}

LayoutStyle captionLayoutStyle(const PixelSize& canvas, bool second) {
    LayoutStyle style;
    style.family = "sans";
    style.sizePx = static_cast<float>(second ? secondSize(canvas) : firstSize(canvas));
    style.italic = second;
    style.align = LayoutStyle::Align::Center;
    style.maxWidthPx = static_cast<float>(canvas.width * kCaptionWidthFraction);
    style.lineHeight = kCaptionLineHeight;
    style.paragraphSpacing = 0;
    return style;
}

CaptionPlaces placeCaptions(const PixelSize& canvas, std::optional<double> firstHeight, std::optional<double> secondHeight) {
    const double width = canvas.width * kCaptionWidthFraction;
    const double x = (canvas.width - width) / 2;
    const double firstPadding = firstSize(canvas) * kCaptionPaddingFraction;
    const double secondPadding = secondSize(canvas) * kCaptionPaddingFraction;
    // Stacked from the bottom up: each box ends a small gap above the next, so the two
    // languages read as two blocks and their translucent boxes never overlap.
    double bottom = canvas.height * kCaptionBottomFraction;  // of the lowest block's text
    CaptionPlaces places;
    if (secondHeight) {
        places.second = PlacedCaption{{x, bottom - *secondHeight, width, *secondHeight}, secondPadding};
        bottom = places.second->text.y - secondPadding - firstSize(canvas) * kStackGapFraction - firstPadding;
    }
    if (firstHeight) places.first = PlacedCaption{{x, bottom - *firstHeight, width, *firstHeight}, firstPadding};
    return places;
}

Rect captionBox(const PlacedCaption& place, const TextLayout& layout) {
    double left = 0, right = 0;
    bool any = false;
    for (const LineBox& line : layout.lines) {
        if (line.width <= 0) continue;
        left = any ? std::min<double>(left, line.x) : line.x;
        right = any ? std::max<double>(right, line.x + line.width) : line.x + line.width;
        any = true;
    }
    const double p = place.padding;
    return {place.text.x + left - p, place.text.y - p, right - left + 2 * p, place.text.height + 2 * p};
}

}  // namespace vitrine::text
