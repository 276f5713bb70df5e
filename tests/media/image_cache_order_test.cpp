// Which picture the cache decodes first, and which decode a box is given: what decides
// whether the picture a visitor is looking at appears at once and at the right size.
#include "media/image_cache.h"

#include "media_test_files.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace vitrine;
using vitrine::test::TempDir;

namespace {

constexpr std::chrono::milliseconds kPatience{60'000};  // only elapses if the cache is broken
constexpr int kSide = 32;

std::filesystem::path makeImage(const TempDir& dir, const std::string& name, int width, int height) {
    const auto path = dir / name;
    REQUIRE(test::makeSolidImage(path, {90, 40, 20}, width, height, "rgb24"));
    return path;
}

// The files in the order a one-worker cache decoded them. Files that do not exist fail
// at once and each failure is reported as its decode ends, so the report gives the order.
std::vector<std::string> decodeOrder(ImageCache& cache) {
    cache.startHeldDecodes();
    REQUIRE(cache.waitUntilIdle(kPatience));
    std::vector<std::string> order;
    for (const ImageFailure& f : cache.takeFailures()) order.push_back(f.path.filename().string());
    return order;
}

}  // namespace

TEST_CASE("image cache: a picture the frame on screen asks for is decoded before those only prefetched") {
    TempDir dir;
    ImageCacheOptions options;
    options.workerCount = 1;
    ImageCache cache(options);
    cache.holdNewDecodes();  // nothing starts until all are asked for
    cache.prefetch(dir / "soon.png");

    SUBCASE("when first asked for on screen") {
        CHECK(cache.lookup(dir / "now.png").state == ImageState::Pending);
    }
    SUBCASE("when it was prefetched after the others") {
        cache.prefetch(dir / "now.png");
        CHECK(cache.lookup(dir / "now.png").state == ImageState::Pending);
    }
    CHECK(decodeOrder(cache) == std::vector<std::string>{"now.png", "soon.png"});
}

TEST_CASE("image cache: a box the picture covers and a box it fits inside get their own decodes") {
    TempDir dir;
    const auto wide = makeImage(dir, "wide.png", 2 * kSide, kSide);
    ImageCache cache;
    const ImageLookup fitted = cache.waitFor(wide, kPatience, ImageDrawSize{kSide / 2, kSide / 2, false});
    const ImageLookup covering = cache.waitFor(wide, kPatience, ImageDrawSize{kSide / 2, kSide / 2, true});
    REQUIRE(fitted.ready());
    REQUIRE(covering.ready());
    CHECK(fitted.image->width == kSide / 2);  // 64x32 inside 16x16: 16x8
    CHECK(fitted.image->height == kSide / 4);
    CHECK(covering.image->width == kSide);     // 64x32 over 16x16: 32x16
    CHECK(covering.image->height == kSide / 2);
}
