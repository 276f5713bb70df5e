#include <doctest/doctest.h>

#include <chrono>
#include <functional>
#include <thread>

#include "media/video_cache.h"
#include "media/video_test_media.h"

namespace vitrine {
namespace {

// Waits up to thirty seconds for `done`: sources open and close on their own threads, which
// run below normal priority: on a two-core machine at load 25 an open can take over five seconds.
bool eventually(const std::function<bool()>& done) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (!done()) {
        if (std::chrono::steady_clock::now() > deadline) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return true;
}

VideoRequest request(const std::filesystem::path& path, Micros clipIn = 0) {
    VideoRequest r;
    r.path = path;
    r.options.clipIn = clipIn;
    return r;
}

bool isOpen(VideoCache& cache, int item) {
    VideoSource* source = cache.held(item);
    return source && source->isOpen();
}

}  // namespace

TEST_CASE("VideoCache closes the decoders of the videos it retires, keeping those on screen or in the window") {
    test::TempDir dir;
    REQUIRE(test::makeNumberedVideo(dir / "numbered.mp4", 2));
    const int before = VideoDecoder::openCount();
    {
        VideoCache cache;
        for (int item = 0; item < 4; ++item) CHECK(cache.lookup(item, request(dir / "numbered.mp4")).ok());
        REQUIRE(eventually([&] { return VideoDecoder::openCount() == before + 4; }));
        cache.lookAhead({{2, request(dir / "numbered.mp4")}});
        const std::vector<int> retired = cache.retire({1});
        CHECK(retired == std::vector<int>{0, 3});
        CHECK(cache.heldCount() == 2);
        // Their threads close the files: the retiring frame does not wait for them.
        CHECK(eventually([&] { return VideoDecoder::openCount() == before + 2; }));
        cache.lookAhead({});
        CHECK(cache.retire({}) == std::vector<int>{1, 2});
        CHECK(eventually([&] { return VideoDecoder::openCount() == before; }));
    }
    CHECK(VideoDecoder::openCount() == before);
}

TEST_CASE("VideoCache opens the window ahead in turn, first needed first, within its budget") {
    test::TempDir dir;
    REQUIRE(test::makeNumberedVideo(dir / "numbered.mp4", 2));
    const std::vector<std::pair<int, VideoRequest>> window = {{7, request(dir / "numbered.mp4")},
                                                              {3, request(dir / "numbered.mp4")},
                                                              {5, request(dir / "numbered.mp4")}};
    SUBCASE("one open at a time, in the window's order") {
        VideoCache cache;
        cache.lookAhead(window);
        CHECK(cache.heldCount() == 1);
        CHECK(cache.held(7));
        REQUIRE(eventually([&] { return isOpen(cache, 7); }));
        cache.lookAhead(window);
        CHECK(cache.held(3));
        REQUIRE(eventually([&] { return isOpen(cache, 3); }));
        cache.lookAhead(window);
        CHECK(cache.heldCount() == 3);
    }
    SUBCASE("none beyond the budget") {
        VideoCacheOptions options;
        options.memoryBudgetBytes = 1;  // the first video alone exceeds it
        VideoCache cache(options);
        cache.lookAhead(window);
        REQUIRE(eventually([&] { return isOpen(cache, 7); }));
        CHECK(cache.bytesHeld() >= std::size_t{160} * 32 * 4);
        cache.lookAhead(window);
        CHECK(cache.heldCount() == 1);
        // On screen, a video opens whatever the budget.
        CHECK(cache.lookup(5, request(dir / "numbered.mp4")).ok());
        CHECK(cache.heldCount() == 2);
    }
}

TEST_CASE("VideoCache: a video opened ahead has its first frame decoded before its item begins") {
    test::TempDir dir;
    REQUIRE(test::makeNumberedVideo(dir / "numbered.mp4", 3));
    VideoCache cache;
    cache.lookAhead({{0, request(dir / "numbered.mp4", seconds(1))}});
    VideoSource* source = cache.held(0);
    REQUIRE(source);
    REQUIRE(eventually([&] { return source->isOpen() && !source->catchingUp(); }));
    // The item begins: its first frame is there on the first ask, without a wait.
    auto frame = cache.lookup(0, request(dir / "numbered.mp4", seconds(1))).value()->frameAt(seconds(1));
    REQUIRE(frame);
    CHECK(test::readFrameNumber(frame->image) == test::kNumberedFps);
}

TEST_CASE("VideoCache: a file that cannot be opened ahead says why, and has no source") {
    test::TempDir dir;
    test::writeBytes(dir / "noise.mp4", std::vector<std::uint8_t>(4000, 0x5a));
    VideoCache cache;
    cache.lookAhead({{0, request(dir / "noise.mp4")}});
    REQUIRE(cache.held(0));
    CHECK(eventually([&] { return cache.held(0)->openError().has_value(); }));
    Result<VideoSource*> lookup = cache.lookup(0, request(dir / "noise.mp4"));
    REQUIRE_FALSE(lookup.ok());
    CHECK(lookup.error().message.find("not a media file") != std::string::npos);
    CHECK(lookup.error().kind == ErrorKind::WrongKind);  // the kind comes through the decode thread too
}

}  // namespace vitrine
