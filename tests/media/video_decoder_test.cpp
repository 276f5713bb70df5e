#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "audio/audio_test_media.h"
#include "media/video_decoder.h"
#include "media/video_test_media.h"

namespace vitrine {
namespace {

constexpr int kClipSeconds = 10;
constexpr int kLastFrame = kClipSeconds * test::kNumberedFps - 1;

// The frame shown at t: pts ≤ t < next pts, so floor(t · fps), held at the last frame.
int expectedFrame(Micros t) {
    const auto n = static_cast<int>(t * test::kNumberedFps / kMicrosPerSecond);
    return std::clamp(n, 0, kLastFrame);
}

}  // namespace

TEST_CASE("VideoDecoder gives every frame in order with exact times") {
    test::TempDir dir;
    REQUIRE(test::makeNumberedVideo(dir / "numbered.mp4", kClipSeconds));
    auto opened = VideoDecoder::open(dir / "numbered.mp4");
    REQUIRE_MESSAGE(opened.ok(), opened.error().message);
    VideoDecoder& decoder = **opened;
    CHECK(decoder.width() == test::kNumberedBits * test::kNumberedBlock);
    CHECK(decoder.height() == 32);
    CHECK(decoder.frameRate() == doctest::Approx(25));
    int expected = 0;
    while (auto frame = decoder.next()) {
        REQUIRE(test::readFrameNumber(frame->image) == expected);
        REQUIRE(frame->pts == expected * millis(40));
        REQUIRE(frame->duration == millis(40));
        ++expected;
    }
    CHECK(expected == kLastFrame + 1);
    CHECK(decoder.stats().converted == kLastFrame + 1);
    CHECK(decoder.problem().empty());
}

TEST_CASE("VideoDecoder::frameAt is frame-exact forwards, backwards and past either end") {
    test::TempDir dir;
    REQUIRE(test::makeNumberedVideo(dir / "numbered.mp4", kClipSeconds));
    auto opened = VideoDecoder::open(dir / "numbered.mp4");
    REQUIRE(opened.ok());
    const Micros times[] = {0,           millis(39),  millis(40),   seconds(1),  millis(3999), seconds(4),
                            millis(4001), seconds(9.99), seconds(12), seconds(0.5), millis(1039), millis(1040),
                            seconds(7.3), seconds(2.02), -millis(5),  seconds(6),  millis(5999), millis(6040)};
    for (Micros t : times) {
        CAPTURE(t);
        auto frame = (*opened)->frameAt(t);
        REQUIRE(frame);
        CHECK(test::readFrameNumber(frame->image) == expectedFrame(t));
        CHECK(frame->pts == expectedFrame(t) * millis(40));
    }
    // Stepping at 60 Hz converts each frame once and skips none of the times.
    auto stepper = VideoDecoder::open(dir / "numbered.mp4");
    REQUIRE(stepper.ok());
    constexpr Micros kRenderStep = 16'667;
    for (Micros t = 0; t < seconds(3); t += kRenderStep) {
        REQUIRE(test::readFrameNumber((*stepper)->frameAt(t)->image) == expectedFrame(t));
    }
    CHECK((*stepper)->stats().converted == 75);
}

TEST_CASE("VideoDecoder seeks that skip unreferenced frames give the pixels of a straight decode") {
    // testsrc2 changes every pixel row every frame; -bf 3 gives x264's B-pyramid, so a GOP
    // holds referenced and unreferenced B-frames, the kind a seek passes without decoding.
    constexpr int kFrames = 100, kGop = 50;
    test::TempDir dir;
    const auto clip = dir / "bframes.mp4";
    REQUIRE(test::runFfmpeg("-f lavfi -i testsrc2=size=320x240:rate=25 -frames:v " + std::to_string(kFrames) +
                            " -c:v libx264 -g " + std::to_string(kGop) + " -sc_threshold 0 -bf 3 -pix_fmt yuv420p " +
                            test::quoted(clip)));
    std::vector<std::shared_ptr<const VideoFrame>> straight;
    {
        auto opened = VideoDecoder::open(clip);
        REQUIRE(opened.ok());
        while (auto frame = (*opened)->next()) straight.push_back(frame);
        CHECK((*opened)->stats().discarded == 0);
    }
    REQUIRE(straight.size() == kFrames);
    const Micros frameTime = straight[1]->pts - straight[0]->pts;

    for (int threads : {1, 0}) {  // one codec thread, and the frame threads FFmpeg picks
        CAPTURE(threads);
        auto opened = VideoDecoder::open(clip, threads);
        REQUIRE(opened.ok());
        VideoDecoder& decoder = **opened;
        auto checkFrameAt = [&](int i) {
            CAPTURE(i);
            auto frame = decoder.frameAt(straight[i]->pts + frameTime / 2);
            REQUIRE(frame);
            CHECK(frame->pts == straight[i]->pts);
            CHECK(frame->image.pixels == straight[i]->image.pixels);
        };
        // Backwards, every frame, a little after it starts: each is a seek to its keyframe.
        std::int64_t allFromKeyframes = 0;  // what decoding every picture passed would cost
        for (int i = kFrames - 1; i >= 0; --i) {
            checkFrameAt(i);
            allFromKeyframes += i % kGop + 1;
        }
        CHECK(decoder.stats().discarded > 0);
        CHECK(decoder.stats().decoded < allFromKeyframes);
        // Forwards three frames at a time: decoded on from where it is, without seeking.
        for (int i = 0; i < kFrames; i += 3) checkFrameAt(i);
    }
}

TEST_CASE("VideoDecoder reports bad files as values") {
    test::TempDir dir;
    CHECK(VideoDecoder::open(dir / "missing.mp4").error().kind == ErrorKind::FileNotFound);
    REQUIRE(test::makeTone(dir / "sound.wav", 440, 0.5, 0, 1));
    CHECK(VideoDecoder::open(dir / "sound.wav").error().kind == ErrorKind::WrongKind);
    test::writeBytes(dir / "junk.mp4", std::vector<std::uint8_t>(4096, 0x5a));
    auto junk = VideoDecoder::open(dir / "junk.mp4");
    CHECK_FALSE(junk.ok());
    CHECK_FALSE(junk.error().message.empty());
}

}  // namespace vitrine
