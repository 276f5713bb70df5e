#include "render/image_draw_size.h"

#include <algorithm>
#include <cmath>

#include "timeline/show_position.h"

namespace vitrine::render {

namespace {
// A pan-zoom rectangle narrower than this share of the picture is treated as this wide, so
// a degenerate rectangle cannot ask for an absurd size (the decoder caps it at the source anyway).
constexpr double kNarrowestPan = 1e-3;
// Products a hair above a whole number (floating-point noise) round down, not up.
constexpr double kSizeRounding = 1e-6;

// The largest scale the item is ever drawn at: scale animations enlarge its box.
double largestScale(const Item& item) {
    double largest = 1;
    for (const Animation& a : item.animations)
        if (a.property == AnimatedProperty::Scale) largest = std::max({largest, a.from[0], a.to[0]});
    return largest;
}

int pixels(double size) { return std::max(1, static_cast<int>(std::ceil(size - kSizeRounding))); }
}  // namespace

ImageDrawSize imageDrawSize(const Item& item, double outputScale) {
    if (item.kind != ItemKind::Image || item.fit == Fit::None || outputScale <= 0 || item.box.width <= 0 ||
        item.box.height <= 0)
        return {};
    double shownWidth = 1, shownHeight = 1;  // shares of the picture shown at once, at the tightest
    if (item.hasPanZoom) {
        shownWidth = std::max(kNarrowestPan, std::min(item.panFrom.width, item.panTo.width));
        shownHeight = std::max(kNarrowestPan, std::min(item.panFrom.height, item.panTo.height));
    }
    const double scale = outputScale * largestScale(item);
    ImageDrawSize size;
    size.width = pixels(item.box.width * scale / shownWidth);
    size.height = pixels(item.box.height * scale / shownHeight);
    // Fill stretches each axis to the box: the larger stretch decides, as with cover.
    size.cover = item.fit == Fit::Cover || item.fit == Fit::Fill;
    return size;
}

void prefetchImages(const Show& show, Micros from, Micros to, bool loop, double outputScale, ImageCache& images) {
    for (int index : imageItemsNeeded(show, from, to, loop)) {
        const Item& item = show.items[index];
        images.prefetch(item.src, imageDrawSize(item, outputScale));
    }
}

}  // namespace vitrine::render
