// How large an image item is ever drawn, and so how large its picture is decoded.

#include <doctest/doctest.h>

#include "media/image_decoder.h"
#include "render/image_draw_size.h"

using namespace vitrine;
using namespace vitrine::render;

namespace {

Item imageIn(double width, double height, Fit fit) {
    Item item;
    item.kind = ItemKind::Image;
    item.src = "scan.jpg";
    item.box = Rect{100, 50, width, height};
    item.fit = fit;
    return item;
}

ImageDecodeOptions drawnAt(ImageDrawSize size) {
    ImageDecodeOptions o;
    o.drawSize = size;
    return o;
}

}  // namespace

TEST_CASE("image draw size: the box at output resolution") {
    Item item = imageIn(960, 540, Fit::Contain);
    ImageDrawSize s = imageDrawSize(item, 1);
    CHECK(s.width == 960);
    CHECK(s.height == 540);
    CHECK_FALSE(s.cover);
    // A 4K output draws it twice as large.
    s = imageDrawSize(item, 2);
    CHECK(s.width == 1920);
    CHECK(s.height == 1080);
    // A fractional scale rounds up, never down.
    s = imageDrawSize(item, 0.7);
    CHECK(s.width == 672);
    CHECK(s.height == 378);
    s = imageDrawSize(imageIn(1000, 333, Fit::Contain), 1.0 / 3);
    CHECK(s.width == 334);
    CHECK(s.height == 111);
}

TEST_CASE("image draw size: divided by the tightest pan-zoom rectangle") {
    Item item = imageIn(1920, 1080, Fit::Cover);
    item.hasPanZoom = true;
    item.panFrom = Rect{0, 0, 1, 1};
    item.panTo = Rect{0.1, 0.1, 0.8, 0.5};
    ImageDrawSize s = imageDrawSize(item, 1);
    CHECK(s.width == 2400);
    CHECK(s.height == 2160);
    CHECK(s.cover);
    // Zooming out (to the larger rectangle) is bounded by where it starts.
    std::swap(item.panFrom, item.panTo);
    CHECK(imageDrawSize(item, 1) == s);
    // A degenerate rectangle asks for a large but finite size.
    item.panTo = Rect{0.5, 0.5, 0, 0};
    s = imageDrawSize(item, 1);
    CHECK(s.width == 1'920'000);
    CHECK(s.height == 1'080'000);
}

TEST_CASE("image draw size: a scale animation enlarges it, fill counts as cover, and none and non-images are full size") {
    Item item = imageIn(400, 300, Fit::Fill);
    Animation grow;
    grow.property = AnimatedProperty::Scale;
    grow.from[0] = 1;
    grow.to[0] = 1.5;
    item.animations.push_back(grow);
    ImageDrawSize s = imageDrawSize(item, 1);
    CHECK(s.width == 600);
    CHECK(s.height == 450);
    CHECK(s.cover);
    CHECK_FALSE(imageDrawSize(imageIn(400, 300, Fit::None), 1).known());
    Item video = imageIn(400, 300, Fit::Contain);
    video.kind = ItemKind::Video;
    CHECK_FALSE(imageDrawSize(video, 1).known());
}

TEST_CASE("image draw size: the decoded size fits or covers it, capped at the source") {
    const ImageSize source{6000, 4000};
    // The arrival benchmark's picture: a 1080p box, cover, zoomed to 80%.
    CHECK(decodedImageSize(source, drawnAt({2400, 1350, true})) == ImageSize{2400, 1600});
    CHECK(decodedImageSize(source, drawnAt({2400, 1350, false})) == ImageSize{2025, 1350});
    // Never enlarged: a box larger than the source keeps the source's pixels.
    CHECK(decodedImageSize(source, drawnAt({12000, 9000, true})) == source);
    CHECK(decodedImageSize(source, drawnAt({7000, 100, true})) == source);
    // Unknown draw size: full size, still within the largest texture.
    CHECK(decodedImageSize(source, {}) == source);
    ImageDecodeOptions small = drawnAt({1'920'000, 1'080'000, true});
    small.maxDimension = 3000;
    CHECK(decodedImageSize(source, small) == ImageSize{3000, 2000});
}
