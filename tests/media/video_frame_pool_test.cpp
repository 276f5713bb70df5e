#include "media/video_frame_pool.h"

#include <doctest/doctest.h>

using namespace vitrine;

TEST_CASE("video frame pool: a released frame's buffer is reused, sized for the new frame") {
    VideoFramePool pool(2);
    const std::uint8_t* first = nullptr;
    {
        auto frame = pool.acquire(4, 2);
        CHECK(frame->image.width == 4);
        CHECK(frame->image.pixels.size() == 4u * 2 * RgbaImage::kChannels);
        frame->pts = 123;
        first = frame->image.pixels.data();
        CHECK(pool.idleCount() == 0);
    }
    CHECK(pool.idleCount() == 1);
    auto again = pool.acquire(4, 2);
    CHECK(again->image.pixels.data() == first);
    CHECK(again->pts == 0);  // nothing of the old frame but its buffer
    CHECK(pool.idleCount() == 0);
    auto other = pool.acquire(2, 2);
    CHECK(other->image.pixels.size() == 2u * 2 * RgbaImage::kChannels);
}

TEST_CASE("video frame pool: keeps at most its capacity, and frames may outlive it") {
    std::shared_ptr<VideoFrame> survivor;
    {
        VideoFramePool pool(1);
        auto a = pool.acquire(8, 8), b = pool.acquire(8, 8);
        survivor = pool.acquire(8, 8);
        a.reset();
        b.reset();
        CHECK(pool.idleCount() == 1);
    }
    survivor->image.pixels[0] = 7;  // the pool is gone; releasing must simply free it
    survivor.reset();
    CHECK_FALSE(survivor);
}
