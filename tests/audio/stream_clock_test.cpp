#include <doctest/doctest.h>

#include <vector>

#include "audio/mixer.h"
#include "audio/sfml_stream_model.h"
#include "audio/sound_output.h"

namespace vitrine {

using namespace vitrine::test;

namespace {
constexpr std::int64_t kPeriod = static_cast<std::int64_t>(kDefaultAudioPeriodFrames);
constexpr Micros kThirtyDays = 30LL * 24 * 3600 * kMicrosPerSecond;
}  // namespace

TEST_CASE("The sound card's clock counts every frame, from the first and after a month of play") {
    auto checkEveryFrame = [](StreamClock& clock, SfmlStreamModel& stream, std::int64_t from) {
        // Three periods frame by frame: every buffer boundary of the queue is crossed.
        int wrong = 0;
        for (std::int64_t frame = from; frame < from + 3 * kPeriod; ++frame) {
            stream.playTo(frame);
            if (clock.played(audioFramesIn(stream.reportedOffset())) != frame) ++wrong;
        }
        return wrong;
    };
    {
        StreamClock clock(kPeriod);
        SfmlStreamModel stream(clock, kPeriod);
        CHECK(checkEveryFrame(clock, stream, 0) == 0);
    }
    // A stream that has played for 30 days (its buffers handed over one by one would take
    // seconds of test).
    const std::int64_t monthBuffers = audioFramesIn(kThirtyDays) / kPeriod;
    const std::int64_t month = monthBuffers * kPeriod;
    StreamClock clock(kPeriod, monthBuffers);
    SfmlStreamModel stream(clock, kPeriod);
    CHECK(clock.played(audioFramesIn(stream.reportedOffset())) == month);
    CHECK(checkEveryFrame(clock, stream, month + 5) == 0);

    // Read while SFML's streaming thread sleeps with two buffers played, between its
    // unqueueing them and its refilling them: exact at every step.
    auto read = [&] { return clock.played(audioFramesIn(stream.reportedOffset())); };
    const std::int64_t head = (month + 5 + 3 * kPeriod - 1) / kPeriod * kPeriod;  // first queued frame
    const std::int64_t later = head + 2 * kPeriod + 17;
    stream.deviceTo(later);
    CHECK(read() == later);
    stream.unqueueOnly();
    CHECK(read() == later);
    stream.unqueueOnly();
    CHECK(read() == later);
    stream.refill();
    CHECK(read() == later);
}

TEST_CASE("The audio clock started at 30 days reports show time exact to the microsecond as samples advance") {
    // The player says the show is 30 days in as the speakers reach a frame; from there each
    // frame played adds exactly its 1e6/48000 us: start + frames * 1e6 / rate in integers.
    Show show;
    Mixer mixer(show);
    StreamClock clock(kPeriod);
    SfmlStreamModel stream(clock, kPeriod);
    std::vector<std::int16_t> buffer(kDefaultAudioPeriodFrames * kMixChannels);
    for (int i = 0; i < 20; ++i) mixer.mix(buffer.data(), kDefaultAudioPeriodFrames);  // the output's lead
    const std::int64_t start = 12345;
    stream.playTo(start);
    mixer.update({}, kThirtyDays, clock.played(audioFramesIn(stream.reportedOffset())));
    mixer.mix(buffer.data(), kDefaultAudioPeriodFrames);  // takes the update

    int wrong = 0;
    Micros worst = 0;
    for (std::int64_t k = 0; k <= 10 * kMixSampleRate; k += 7) {  // ten seconds, every 7th frame
        stream.playTo(start + k);
        const Micros heard = mixer.showTimeAtFrame(clock.played(audioFramesIn(stream.reportedOffset())));
        const Micros exact = kThirtyDays + k * kMicrosPerSecond / kMixSampleRate;  // floor of the exact time
        const Micros off = heard - exact;
        worst = std::max(worst, off < 0 ? -off : off);
        if (off < 0 || off > 1) ++wrong;  // the exact time rounded to the microsecond
    }
    MESSAGE("worst error at 30 days: " << worst << " us");
    CHECK(wrong == 0);
}

}  // namespace vitrine
