#include <doctest/doctest.h>

#include <sched.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <filesystem>
#include <set>
#include <string>

#include "media/video_source.h"
#include "media/video_test_media.h"

namespace vitrine {
namespace {

// The ids of this process's threads.
std::set<int> threadIds() {
    std::set<int> ids;
    for (const auto& task : std::filesystem::directory_iterator("/proc/self/task"))
        ids.insert(std::stoi(task.path().filename().string()));
    return ids;
}

int numberAt(VideoSource& source, Micros t) {
    auto frame = source.frameAt(t);
    return frame ? test::readFrameNumber(frame->image) : -1;
}

}  // namespace

TEST_CASE("VideoSource follows the clock from its queue, dropping passed frames, and seeks on jumps") {
    test::TempDir dir;
    REQUIRE(test::makeNumberedVideo(dir / "numbered.mp4", 10));
    VideoSourceOptions options;
    options.queueFrames = 8;
    auto opened = VideoSource::open(dir / "numbered.mp4", options);
    REQUIRE_MESSAGE(opened.ok(), opened.error().message);
    VideoSource& source = **opened;
    CHECK(source.width() == 160);

    source.waitForQueued(8);  // frames 0..7 are queued; no wall clock involved
    CHECK(numberAt(source, 0) == 0);
    CHECK(numberAt(source, millis(20)) == 0);   // same frame again: not a repeat, its time is not over
    CHECK(numberAt(source, millis(100)) == 2);  // frame 1 was passed: a drop
    CHECK(source.stats().drops == 1);
    CHECK(source.stats().shown == 2);

    // Forwards by seconds: a jump. The old frame stays on screen until the new one is decoded.
    CHECK(numberAt(source, seconds(5)) == 2);
    source.waitForQueued(8);  // a full queue from the new place on
    CHECK(numberAt(source, seconds(5)) == 125);
    CHECK(numberAt(source, seconds(5.05)) == 126);
    // Backwards: a jump too.
    CHECK(numberAt(source, seconds(1)) == 126);
    source.waitForQueued(8);
    CHECK(numberAt(source, millis(1039)) == 25);
    CHECK(source.stats().seeks == 2);
}

TEST_CASE("VideoSource says it is catching up from a jump until the new place is decoded") {
    test::TempDir dir;
    // One keyframe: reaching 6 s means decoding 150 frames, far longer than the check below.
    REQUIRE(test::makeNumberedVideo(dir / "numbered.mp4", 10, 250));
    auto opened = VideoSource::open(dir / "numbered.mp4");
    REQUIRE_MESSAGE(opened.ok(), opened.error().message);
    VideoSource& source = **opened;
    source.waitForQueued(4);
    CHECK(numberAt(source, 0) == 0);
    CHECK_FALSE(source.catchingUp());
    CHECK(numberAt(source, seconds(6)) == 0);  // a jump: the old frame meanwhile
    CHECK(source.catchingUp());
    source.waitForQueued(4);
    CHECK_FALSE(source.catchingUp());
    CHECK(numberAt(source, seconds(6)) == 150);

    VideoSourceOptions offline;
    offline.offline = true;
    auto exact = VideoSource::open(dir / "numbered.mp4", offline);
    REQUIRE(exact.ok());
    CHECK_FALSE((*exact)->catchingUp());  // frameAt waits for the exact frame itself
}

TEST_CASE("VideoSource pre-decodes across the loop point and wraps without seeking") {
    test::TempDir dir;
    REQUIRE(test::makeNumberedVideo(dir / "numbered.mp4", 4));
    VideoSourceOptions options;
    options.clipIn = seconds(1);
    options.clipOut = seconds(2);
    options.loop = true;
    options.queueFrames = 30;  // the 25 frames of [1 s, 2 s) and 5 of the next lap
    auto opened = VideoSource::open(dir / "numbered.mp4", options);
    REQUIRE(opened.ok());
    VideoSource& source = **opened;
    source.waitForQueued(30);
    CHECK(numberAt(source, seconds(1)) == 25);
    CHECK(numberAt(source, seconds(1.97)) == 49);
    CHECK(numberAt(source, seconds(1.01)) == 25);  // the timeline wrapped: next lap, no seek
    CHECK(numberAt(source, seconds(1.05)) == 26);
    CHECK(source.stats().seeks == 0);
}

TEST_CASE("VideoSource offline mode gives exactly the frame at t") {
    test::TempDir dir;
    REQUIRE(test::makeNumberedVideo(dir / "numbered.mp4", 4));
    VideoSourceOptions options;
    options.offline = true;
    auto opened = VideoSource::open(dir / "numbered.mp4", options);
    REQUIRE(opened.ok());
    for (Micros t : {seconds(3), millis(40), millis(79), millis(80), seconds(2.5), Micros{0}}) {
        CAPTURE(t);
        CHECK(numberAt(**opened, t) == static_cast<int>(t / millis(40)));
    }
    CHECK(VideoSource::open(dir / "missing.mp4").error().kind == ErrorKind::FileNotFound);
}

TEST_CASE("VideoSource opened ahead decodes below the frame loop with its codec threads too") {
    // Decoding ahead beside the render thread on two cores made frames drawn while a clip
    // plays a third slower: every thread that decodes for a source opened ahead must leave
    // the core to the frame being drawn, FFmpeg's frame threads included, yet not be idle
    // class, which any other busy program starves (the clip would stop playing).
    test::TempDir dir;
    REQUIRE(test::makeNumberedVideo(dir / "numbered.mp4", 2));
    const int callerNice = getpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)));
    const std::set<int> before = threadIds();
    VideoSourceOptions options;
    options.codecThreads = 2;
    auto source = VideoSource::openAhead(dir / "numbered.mp4", options);
    source->waitForQueued(1);
    REQUIRE(source->isOpen());
    int started = 0, belowFrames = 0;
    for (int id : threadIds()) {
        if (before.count(id)) continue;
        ++started;
        if (getpriority(PRIO_PROCESS, static_cast<id_t>(id)) > callerNice && sched_getscheduler(id) == SCHED_OTHER)
            ++belowFrames;
    }
    CHECK(started >= 2);  // the source's own thread and at least one of FFmpeg's
    CHECK(belowFrames == started);
}

}  // namespace vitrine
