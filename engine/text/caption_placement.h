#pragma once
// Which caption lines are on screen and where they stand: a band near the bottom of the
// canvas, the first language's block above the second's (a sound's second captions). One
// definition for the renderer, which draws them (render/caption_drawer), and for `vitrine
// check --installation`, which warns where the sign-language inset would cover them
// (player/site_check), so the check and the projector cannot disagree.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "base/geometry.h"
#include "base/values.h"
#include "captions/caption_track.h"
#include "text/text_layout.h"
#include "timeline/frame.h"
#include "timeline/show.h"

namespace vitrine::text {

/// The caption lines on screen in a frame, by language, and the cues they come from.
struct ActiveCaptions {
    std::vector<Paragraph> first, second;
    std::vector<const CaptionCue*> firstCues, secondCues;
};

/// The parsed caption file at a path; nullptr when it cannot be used.
using CaptionTrackLookup = std::function<const CaptionTrack*(const std::string& file)>;

/// The captions of the sounds playing in `frame` (an audio description's words are heard,
/// not shown): every sound's active cues, in the order of the frame's sounds.
ActiveCaptions activeCaptions(const Show& show, const Frame& frame, const CaptionTrackLookup& trackFor);

/// How a caption block is set on `canvas`: the first language, or the second (smaller, italic).
LayoutStyle captionLayoutStyle(const PixelSize& canvas, bool second);

/// A caption block placed: the rectangle of its text (top-left = the layout's origin, canvas
/// px) and the padding of the box drawn around it.
struct PlacedCaption {
    Rect text;
    double padding = 0;
};

/// The box drawn behind a block placed at `place` whose text is `layout` (at the canvas's
/// size): its lines' extent, centred in the band, grown by the padding (as TextDrawer draws a
/// text background). What covers the scene, and what an inset would cover.
Rect captionBox(const PlacedCaption& place, const TextLayout& layout);

struct CaptionPlaces {
    std::optional<PlacedCaption> first, second;
};

/// Where the blocks whose laid-out heights (canvas px) are given stand, stacked from the
/// band's bottom up: the second (when given) lowest, the first a small gap above it.
CaptionPlaces placeCaptions(const PixelSize& canvas, std::optional<double> firstHeight, std::optional<double> secondHeight);

}  // namespace vitrine::text
