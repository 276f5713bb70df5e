#include "media/image_cache.h"

#include "media_test_files.h"

#include <doctest/doctest.h>

#include <set>
#include <string>
#include <thread>
#include <vector>

using namespace vitrine;
using vitrine::test::TempDir;

namespace {

// A bound for waits that only matters if the cache is broken: generous so a loaded
// machine never makes a correct cache fail; tests never rely on it elapsing.
constexpr std::chrono::milliseconds kPatience{60'000};

constexpr int kSide = 32;
constexpr std::size_t kImageBytes = std::size_t{kSide} * kSide * RgbaImage::kChannels;

// Makes `count` distinct small PNGs and returns their paths.
std::vector<std::filesystem::path> makeImages(const TempDir& dir, int count) {
    std::vector<std::filesystem::path> paths;
    for (int i = 0; i < count; ++i) {
        const auto path = dir / ("image" + std::to_string(i) + ".png");
        const auto shade = static_cast<std::uint8_t>(i * 20);
        REQUIRE(test::makeSolidImage(path, {shade, 0, 0}, kSide, kSide, "rgb24"));
        paths.push_back(path);
    }
    return paths;
}

}  // namespace

TEST_CASE("image cache: lookup is Pending, then Ready with the decoded image") {
    TempDir dir;
    const auto paths = makeImages(dir, 1);
    ImageCache cache;
    const std::uint64_t before = cache.generation();
    // Nothing was queued before this call, so it cannot be ready yet.
    CHECK(cache.lookup(paths[0]).state == ImageState::Pending);
    const ImageLookup done = cache.waitFor(paths[0], kPatience);
    REQUIRE(done.state == ImageState::Ready);
    REQUIRE(done.image);
    CHECK(done.image->width == kSide);
    CHECK(cache.generation() > before);
    CHECK(cache.readyCount() == 1);
    CHECK(cache.bytesHeld() == kImageBytes);
    // Asking again is answered from memory: same object, no new decode.
    const std::uint64_t generation = cache.generation();
    const ImageLookup again = cache.lookup(paths[0]);
    CHECK(again.state == ImageState::Ready);
    CHECK(again.image == done.image);
    CHECK(cache.pendingCount() == 0);
    CHECK(cache.generation() == generation);
}

TEST_CASE("image cache: decodes asked for while held start only when let go") {
    TempDir dir;
    const auto paths = makeImages(dir, 2);
    ImageCache cache;
    cache.holdNewDecodes();
    CHECK(cache.lookup(paths[0]).state == ImageState::Pending);

    SUBCASE("however long the hold") {
        cache.prefetch(paths[1]);
        // Long enough for two small decodes many times over, had they started.
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        CHECK(cache.generation() == 0);
        CHECK(cache.pendingCount() == 2);
        CHECK(cache.lookup(paths[0]).state == ImageState::Pending);
        cache.startHeldDecodes();
        REQUIRE(cache.waitUntilIdle(kPatience));
        CHECK(cache.readyCount() == 2);
        CHECK(cache.lookup(paths[0]).ready());
        CHECK(cache.lookup(paths[1]).ready());
    }

    SUBCASE("and once let go, start even when the next hold comes at once") {
        // A player running late holds the next frame's decodes microseconds after letting the
        // last frame's go: those must still start, or a slow machine would never show a
        // picture. (When the worker takes the first decode before the second hold, this
        // passes whatever the hold does; it cannot fail wrongly.)
        cache.startHeldDecodes();
        cache.holdNewDecodes();
        // Decodes asked for during this hold wait for its end, even a lookup, which goes to
        // the front of the queue...
        CHECK(cache.lookup(paths[1]).state == ImageState::Pending);
        for (int i = 0; i < 3000 && cache.generation() == 0; ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        CHECK(cache.lookup(paths[0]).ready());
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        CHECK(cache.generation() == 1);
        CHECK(cache.pendingCount() == 1);
        // ...and start once it ends.
        cache.startHeldDecodes();
        REQUIRE(cache.waitUntilIdle(kPatience));
        CHECK(cache.lookup(paths[1]).ready());
    }
}

TEST_CASE("image cache: prefetch decodes ahead, once per path") {
    TempDir dir;
    const auto paths = makeImages(dir, 3);
    ImageCache cache;
    for (int round = 0; round < 5; ++round) {
        for (const auto& path : paths) cache.prefetch(path);
    }
    REQUIRE(cache.waitUntilIdle(kPatience));
    CHECK(cache.readyCount() == 3);
    CHECK(cache.generation() == 3);  // fifteen requests, three decodes
    for (const auto& path : paths) CHECK(cache.lookup(path).ready());
    // Two spellings of one file are one entry.
    cache.prefetch(dir.path() / "." / "image0.png");
    CHECK(cache.pendingCount() == 0);
}

TEST_CASE("image cache: eviction keeps the most recently used within the budget") {
    TempDir dir;
    const auto paths = makeImages(dir, 4);
    ImageCacheOptions options;
    options.workerCount = 1;
    options.memoryBudgetBytes = 2 * kImageBytes;  // room for two
    ImageCache cache(options);

    REQUIRE(cache.waitFor(paths[0], kPatience).ready());
    REQUIRE(cache.waitFor(paths[1], kPatience).ready());
    // Use image 0 again so image 1 becomes the least recently used.
    std::shared_ptr<const RgbaImage> held = cache.lookup(paths[1]).image;
    REQUIRE(cache.lookup(paths[0]).ready());
    REQUIRE(cache.waitFor(paths[2], kPatience).ready());

    CHECK(cache.bytesHeld() <= options.memoryBudgetBytes);
    CHECK(cache.readyCount() == 2);
    const std::uint64_t generation = cache.generation();
    CHECK(cache.lookup(paths[0]).ready());
    CHECK(cache.lookup(paths[2]).ready());
    // Image 1 was evicted, yet the copy a caller still holds is intact.
    REQUIRE(held);
    CHECK(held->width == kSide);
    CHECK(held->bytes() == kImageBytes);
    CHECK(cache.generation() == generation);  // the two lookups above decoded nothing
    // Asking for image 1 again decodes it anew.
    CHECK(cache.lookup(paths[1]).state == ImageState::Pending);
    CHECK(cache.waitFor(paths[1], kPatience).ready());
    CHECK(cache.readyCount() == 2);
    CHECK(cache.bytesHeld() <= options.memoryBudgetBytes);
}

TEST_CASE("image cache: an image larger than the whole budget is still shown") {
    TempDir dir;
    const auto paths = makeImages(dir, 2);
    ImageCacheOptions options;
    options.workerCount = 1;
    options.memoryBudgetBytes = kImageBytes / 2;
    ImageCache cache(options);
    REQUIRE(cache.waitFor(paths[0], kPatience).ready());
    REQUIRE(cache.waitFor(paths[1], kPatience).ready());
    CHECK(cache.readyCount() == 1);
    CHECK(cache.lookup(paths[1]).ready());
    CHECK(cache.bytesHeld() == kImageBytes);
}

TEST_CASE("image cache: a failure is reported once and not decoded again") {
    TempDir dir;
    const auto broken = dir / "broken.jpg";
    const std::string text = "not a photograph";
    test::writeBytes(broken, {text.begin(), text.end()});
    const auto missing = dir / "missing.png";

    ImageCache cache;
    cache.prefetch(broken);
    cache.prefetch(missing);
    const ImageLookup failed = cache.waitFor(broken, kPatience);
    CHECK(failed.state == ImageState::Failed);
    CHECK_FALSE(failed.image);
    REQUIRE(failed.error);
    CHECK(failed.error->message.find("not an image") != std::string::npos);
    CHECK(failed.error->kind == ErrorKind::WrongKind);
    REQUIRE(cache.waitUntilIdle(kPatience));

    // Every frame asks again; each answer is Failed, no new decode runs.
    const std::uint64_t generation = cache.generation();
    for (int frame = 0; frame < 100; ++frame) {
        CHECK(cache.lookup(broken).state == ImageState::Failed);
        cache.prefetch(missing);
    }
    CHECK(cache.generation() == generation);

    std::vector<ImageFailure> failures = cache.takeFailures();
    REQUIRE(failures.size() == 2);
    std::set<std::string> reported;
    for (const ImageFailure& f : failures) {
        reported.insert(f.path.filename().string());
        CHECK_FALSE(f.error.message.empty());
        if (f.path.filename() == "missing.png") {
            CHECK(f.error.kind == ErrorKind::FileNotFound);
            CHECK(f.error.message == "file not found");
        }
    }
    CHECK(reported == std::set<std::string>{"broken.jpg", "missing.png"});
    CHECK(cache.takeFailures().empty());
}

TEST_CASE("image cache: invalidate decodes a replaced file afresh") {
    TempDir dir;
    const auto path = dir / "late.png";
    ImageCache cache;
    CHECK(cache.waitFor(path, kPatience).state == ImageState::Failed);
    CHECK(cache.takeFailures().size() == 1);

    REQUIRE(test::makeSolidImage(path, {10, 20, 30}, kSide, kSide, "rgb24"));
    CHECK(cache.lookup(path).state == ImageState::Failed);  // remembered until told otherwise
    cache.invalidate(path);
    const ImageLookup fixed = cache.waitFor(path, kPatience);
    REQUIRE(fixed.ready());
    CHECK(fixed.image->width == kSide);
    CHECK(cache.takeFailures().empty());
}

TEST_CASE("image cache: each draw size is its own picture, and invalidate forgets them all") {
    TempDir dir;
    const auto paths = makeImages(dir, 1);
    ImageCache cache;
    const ImageDrawSize half{kSide / 2, kSide / 2, false};
    const ImageLookup small = cache.waitFor(paths[0], kPatience, half);
    REQUIRE(small.ready());
    CHECK(small.image->width == kSide / 2);
    const ImageLookup full = cache.waitFor(paths[0], kPatience);
    REQUIRE(full.ready());
    CHECK(full.image->width == kSide);
    CHECK(cache.readyCount() == 2);
    CHECK(cache.lookup(paths[0], half).image == small.image);
    cache.invalidate(paths[0]);
    CHECK(cache.readyCount() == 0);
    CHECK(cache.bytesHeld() == 0);
}

TEST_CASE("image cache: many threads asking at once all get their images") {
    TempDir dir;
    const auto paths = makeImages(dir, 6);
    ImageCacheOptions options;
    options.workerCount = 3;
    options.memoryBudgetBytes = 4 * kImageBytes;  // less than all: eviction runs under contention
    ImageCache cache(options);

    constexpr int kThreads = 8;
    std::vector<int> readyAnswers(kThreads, 0);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (std::size_t i = 0; i < paths.size(); ++i) {
                const auto& path = paths[(i + static_cast<std::size_t>(t)) % paths.size()];
                cache.prefetch(path);
                cache.lookup(path);
                const ImageLookup answer = cache.waitFor(path, kPatience);
                // Eviction may have taken it again between the decode and this answer only if
                // another thread's image arrived in between; then it is Pending, never Failed.
                if (answer.ready() && answer.image->width == kSide) ++readyAnswers[t];
                CHECK(answer.state != ImageState::Failed);
            }
        });
    }
    for (std::thread& thread : threads) thread.join();
    int total = 0;
    for (int count : readyAnswers) total += count;
    CHECK(total > 0);
    REQUIRE(cache.waitUntilIdle(kPatience));
    CHECK(cache.bytesHeld() <= options.memoryBudgetBytes);
    CHECK(cache.readyCount() <= 4);
    CHECK(cache.takeFailures().empty());
}

TEST_CASE("image cache: destruction with queued and running work joins cleanly") {
    TempDir dir;
    const auto originals = makeImages(dir, 1);
    constexpr int kCopies = 40;
    std::vector<std::filesystem::path> paths;
    for (int i = 0; i < kCopies; ++i) {
        paths.push_back(dir / ("copy" + std::to_string(i) + ".png"));
        std::filesystem::copy_file(originals[0], paths.back());
    }
    constexpr int kAbsent = 10;
    for (int round = 0; round < 3; ++round) {
        ImageCacheOptions options;
        options.workerCount = 2;
        ImageCache cache(options);
        for (const auto& path : paths) cache.prefetch(path);
        for (int i = 0; i < kAbsent; ++i) cache.prefetch(dir / ("absent" + std::to_string(i) + ".png"));
        // Every request is either still pending or finished, whatever the workers' progress.
        const ImageCacheStats stats = cache.stats();
        CHECK(stats.pendingCount + stats.generation == kCopies + kAbsent);
        // Destroyed here, most work still queued and some decoding: must return, not hang or crash.
    }
}

TEST_CASE("image cache: a picture needed on screen now is decoded before queued prefetches") {
    // One worker decodes in queue order, and a missing file's failure is recorded the moment
    // its decode ends, so the order of the failures is the order of the decodes.
    TempDir dir;
    std::vector<std::filesystem::path> ahead;
    for (int i = 0; i < 3; ++i) ahead.push_back(dir / ("ahead" + std::to_string(i) + ".png"));
    const auto onScreen = dir / "on-screen.png";
    ImageCacheOptions oneWorker;
    oneWorker.workerCount = 1;
    ImageCache cache(oneWorker);
    // Held, the worker starts nothing, so every prefetch is still queued at the lookup.
    cache.holdNewDecodes();
    for (const auto& path : ahead) cache.prefetch(path);
    std::vector<std::filesystem::path> expected;

    SUBCASE("a picture not asked for before") {
        CHECK(cache.lookup(onScreen).state == ImageState::Pending);
        expected = {onScreen, ahead[0], ahead[1], ahead[2]};
    }
    SUBCASE("a picture already queued as the last prefetch") {
        CHECK(cache.lookup(ahead[2]).state == ImageState::Pending);
        expected = {ahead[2], ahead[0], ahead[1]};
    }
    cache.startHeldDecodes();
    REQUIRE(cache.waitUntilIdle(kPatience));
    std::vector<std::filesystem::path> decoded;
    for (const auto& failure : cache.takeFailures()) decoded.push_back(failure.path);
    CHECK(decoded == expected);
}
