// Which picture the cache decodes first, which it keeps, and which decode a box is given:
// what decides whether the picture a visitor looks at appears at once and at the right size.
#include "media/image_cache.h"

#include "media_test_files.h"

#include <doctest/doctest.h>

#include <string>
#include <thread>
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

TEST_CASE("image cache: a picture prefetched again, because it is due again soon, is kept over older ones") {
    TempDir dir;
    const auto first = makeImage(dir, "first.png", kSide, kSide);
    const auto second = makeImage(dir, "second.png", kSide, kSide);
    const auto third = makeImage(dir, "third.png", kSide, kSide);
    ImageCacheOptions options;
    options.workerCount = 1;
    options.memoryBudgetBytes = 2 * std::size_t{kSide} * kSide * RgbaImage::kChannels;  // room for two
    ImageCache cache(options);
    REQUIRE(cache.waitFor(first, kPatience).ready());
    REQUIRE(cache.waitFor(second, kPatience).ready());
    cache.prefetch(first);  // the show needs it again: now the most recently wanted
    REQUIRE(cache.waitFor(third, kPatience).ready());
    const std::uint64_t generation = cache.generation();
    CHECK(cache.lookup(first).ready());
    CHECK_FALSE(cache.lookup(second).ready());  // the one evicted
    CHECK(cache.generation() == generation);
}

TEST_CASE("image cache: a worker busy when a hold begins takes nothing new until the hold ends") {
    TempDir dir;
    // A detailed 24-megapixel scan: its decode takes long enough to be still running when
    // the hold below begins, microseconds after the worker may have taken it.
    const auto large = dir / "large.jpg";
    REQUIRE(test::makeTestPattern(large, 6000, 4000));
    ImageCacheOptions options;
    options.workerCount = 1;
    ImageCache cache(options);
    cache.holdNewDecodes();
    CHECK(cache.lookup(large).state == ImageState::Pending);
    cache.prefetch(dir / "next.png");  // missing: its decode would be reported at once
    // Let both go and hold again at once, as a frame loop does: the one worker takes the
    // large picture (before or after the hold began), and the second must wait.
    cache.startHeldDecodes();
    cache.holdNewDecodes();
    REQUIRE(cache.waitFor(large, kPatience).ready());
    std::this_thread::sleep_for(std::chrono::milliseconds(300));  // time for a wrong start
    CHECK(cache.takeFailures().empty());
    CHECK(cache.pendingCount() == 1);
    cache.startHeldDecodes();
    REQUIRE(cache.waitUntilIdle(kPatience));
    CHECK(cache.takeFailures().size() == 1);
}

TEST_CASE("image cache: a picture decoded from a file that changed meanwhile is not shown") {
    TempDir dir;
    const auto scan = dir / "scan.jpg";
    REQUIRE(test::makeTestPattern(scan, 6000, 4000));  // long to decode
    ImageCacheOptions options;
    options.workerCount = 1;
    ImageCache cache(options);
    cache.holdNewDecodes();
    cache.prefetch(dir / "missing.png");
    cache.prefetch(scan);
    cache.startHeldDecodes();
    // The worker reports the missing file and takes the scan without letting go of the
    // cache in between: once the report shows, the scan is being decoded.
    for (int i = 0; i < 60'000 && cache.generation() == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    REQUIRE(cache.generation() >= 1);
    // The designer saves a new version (written aside and renamed over, as editors do).
    const auto edited = dir / "edited.jpg";
    REQUIRE(test::makeTestPattern(edited, kSide, kSide));
    std::filesystem::rename(edited, scan);
    cache.invalidate(scan);
    const ImageLookup shown = cache.waitFor(scan, kPatience);
    REQUIRE(shown.ready());
    CHECK(shown.image->width == kSide);
    REQUIRE(cache.waitUntilIdle(kPatience));
    CHECK(cache.readyCount() == 1);
    CHECK(cache.bytesHeld() == std::size_t{kSide} * kSide * RgbaImage::kChannels);
}
