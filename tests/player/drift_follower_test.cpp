#include <doctest/doctest.h>

#include <chrono>
#include <vector>

#include "audio/mixer.h"
#include "audio/sfml_stream_model.h"
#include "audio/sound_output.h"
#include "player/drift_follower.h"
#include "player/play_clock.h"
#include "timeline/show_position.h"

namespace vitrine {

using namespace vitrine::test;

TEST_CASE("The drift follower sees no drift where there is none after 30 days of play") {
    // A minute of 60 Hz frames, 30 days into the show, with a sound card that has streamed
    // for those 30 days and plays exactly in time with the show clock: the chain the player
    // runs (speakers' frames read from the stream, the mixer's show time at them, the
    // follower) must find nothing to correct, not chase the rounding of a month-long count.
    constexpr Micros kThirtyDays = 30LL * 24 * 3600 * kMicrosPerSecond;
    constexpr std::int64_t kPeriod = static_cast<std::int64_t>(kDefaultAudioPeriodFrames);
    Show show;
    show.duration = seconds(7 * 60);

    std::chrono::steady_clock::time_point now{};
    PlayClock clock([&] { return now; });
    clock.seek(kThirtyDays);
    clock.resume();

    StreamClock streamClock(kPeriod, audioFramesIn(kThirtyDays) / kPeriod);
    SfmlStreamModel stream(streamClock, kPeriod);
    const std::int64_t streamStart = streamClock.handed() * kPeriod;  // frame the mixer starts at
    Mixer mixer(show);
    std::vector<std::int16_t> buffer(kDefaultAudioPeriodFrames * kMixChannels);

    int measured = 0;
    int nudges = 0;
    Micros worst = 0;
    for (int frame = 0; frame < 60 * 60; ++frame) {
        const Micros elapsed = frame * Micros{16'667};
        now = std::chrono::steady_clock::time_point{} + std::chrono::microseconds(elapsed);
        stream.playTo(streamStart + elapsed * kMixSampleRate / kMicrosPerSecond);
        const std::int64_t heard = streamClock.played(audioFramesIn(stream.reportedOffset())) - streamStart;
        while (mixer.framesMixed() < heard + kNullOutputQueuedPeriods * kPeriod)
            mixer.mix(buffer.data(), kDefaultAudioPeriodFrames);
        if (auto step = followAudio(show, clock.position(), kThirtyDays, mixer.showTimeAtFrame(heard))) {
            ++measured;
            worst = std::max(worst, step->drift < 0 ? -step->drift : step->drift);
            if (step->nudge != 0) {
                ++nudges;
                clock.nudge(step->nudge);
            }
        }
        mixer.update({}, wrapTime(show, clock.position()), heard);
    }
    MESSAGE(measured << " measurements, worst drift " << worst << " us, " << nudges << " nudges");
    CHECK(measured > 3000);
    CHECK(worst <= audioFramesDuration(1));  // the speakers are counted in whole frames
    CHECK(nudges == 0);
}

}  // namespace vitrine
