#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <thread>

#include "audio/mixer_test_support.h"
#include "audio/sound_output.h"
#include "support/in_memory_files.h"
#include "timeline/evaluate.h"

namespace vitrine {

using namespace vitrine::test;

TEST_CASE("A beep written at 3 s in an exhibit is heard at 3.000 s in the mixed output") {
    TempDir dir;
    const auto beep = dir / "beep.wav";
    REQUIRE(makeTone(beep, 1000, 0.5, 0, 0.5, 44100));
    Diagnostics diagnostics;
    const Show show = compileText("<exhibit><scene dur=\"5s\"><audio id=\"beep\" src=\"" + beep.string() +
                                      "\" role=\"effect\" begin=\"3s\" dur=\"0.5s\"/></scene></exhibit>",
                                  diagnostics);
    REQUIRE(show.items.size() == 1);
    REQUIRE(show.items[0].kind == ItemKind::Audio);

    const auto recording = dir / "mix.wav";
    {
        Mixer mixer(show);
        WavWriter tap(recording, kMixSampleRate, kMixChannels);
        std::vector<std::int16_t> buffer(kTestPeriodFrames * kMixChannels);
        for (Micros t = 0; t < show.duration; t += kTestPeriod) {
            mixer.update(evaluate(show, t).audio, t);
            mixer.mix(buffer.data(), kTestPeriodFrames);
            tap.write(buffer.data(), kTestPeriodFrames);
        }
        REQUIRE_FALSE(tap.finish());
    }
    auto opened = AudioDecoder::open(recording);
    REQUIRE(opened.ok());
    const std::vector<float> mixed = readAll(**opened);
    CHECK(audioFramesDuration(static_cast<std::int64_t>(mixed.size() / kMixChannels)) == seconds(5));
    const std::int64_t onset = firstLoudFrame(mixed, 0.02);
    const Micros heardAt = audioFramesDuration(onset);
    MESSAGE("beep heard at " << heardAt << " us");
    CHECK(std::llabs(heardAt - seconds(3)) <= millis(10));
    // And it ends with its item, half a second later (plus the 10 ms fade-out).
    CHECK(rms(mixed, static_cast<std::size_t>(audioFramesIn(seconds(3.52))), SIZE_MAX) == 0.0);
}

namespace {

/// A show of one item: a 440 Hz tone at 0.3, 2 s long, made in `dir`.
Show toneShow(const TempDir& dir) {
    REQUIRE(makeTone(dir / "tone.wav", 440, 0.3, 0, 2, kMixSampleRate));
    Show show;
    show.items = {audioItem(dir / "tone.wav")};
    return show;
}

/// The tone's show with a mixer playing it from its start, and a tap for an output to
/// record what it pulls from the mixer.
struct ToneRecording {
    ToneRecording() { mixer.update({{0, 0, 1.0}}, 0); }

    /// Closes the tap; the root mean square level of what it recorded (a sine at 0.3 gives
    /// about 0.21, silence 0).
    double level() {
        REQUIRE_FALSE(tap.finish());
        auto opened = AudioDecoder::open(file);
        REQUIRE(opened.ok());
        return rms(readAll(**opened));
    }

    TempDir dir;
    Show show = toneShow(dir);
    Mixer mixer{show};
    std::filesystem::path file = dir / "output.wav";
    WavWriter tap{file, kMixSampleRate, kMixChannels};
};

constexpr auto kThreePeriods = static_cast<std::int64_t>(3 * kDefaultAudioPeriodFrames);

}  // namespace

TEST_CASE("NullAudioOutput pulls from the mixer into its tap until stopped") {
    ToneRecording tone;
    {
        NullAudioOutput output(tone.mixer, &tone.tap);
        output.play();
        output.waitUntilMixed(kThreePeriods);
        output.stop();
    }
    CHECK(tone.tap.frames() >= kThreePeriods);
    CHECK(tone.mixer.framesMixed() == tone.tap.frames());
    CHECK(tone.level() > 0.1);
}

TEST_CASE("SoundOutput streams the mixer's samples as 48 kHz stereo through SFML") {
    // No sound card in tests: OpenAL's null driver, unless the caller chose another.
    setenv("ALSOFT_DRIVERS", "null", 0);
    ToneRecording tone;
    {
        SoundOutput output(tone.mixer, &tone.tap);
        CHECK(output.getChannelCount() == static_cast<unsigned>(kMixChannels));
        CHECK(output.getSampleRate() == static_cast<unsigned>(kMixSampleRate));
        output.play();
        // SFML queues three periods as it starts; the null driver then plays in real time.
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (tone.mixer.framesMixed() < kThreePeriods && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        output.stop();
        CHECK(output.getStatus() == sf::SoundSource::Stopped);
    }
    CHECK(tone.tap.frames() >= kThreePeriods);
    CHECK(tone.mixer.framesMixed() == tone.tap.frames());
    CHECK(tone.level() > 0.1);
}

TEST_CASE("SoundOutput counts the frames played through SFML, steadily, with its marks in the stream") {
    // Every buffer is handed to SFML with a mark (stream_clock.h); this checks, through
    // SFML and OpenAL's null driver, that the count read back never runs backwards nor
    // ahead of what was mixed, and goes on past the first buffers refilled.
    setenv("ALSOFT_DRIVERS", "null", 0);
    ToneRecording tone;
    SoundOutput output(tone.mixer, &tone.tap);
    output.play();
    const std::int64_t period = static_cast<std::int64_t>(kDefaultAudioPeriodFrames);
    std::int64_t last = 0;
    int backwards = 0;
    int ahead = 0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (last < 6 * period && std::chrono::steady_clock::now() < deadline) {
        const std::int64_t played = output.playedFrames();
        if (played < last) ++backwards;
        if (played > tone.mixer.framesMixed()) ++ahead;
        last = std::max(last, played);
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    output.stop();
    CHECK(backwards == 0);
    CHECK(ahead == 0);
    CHECK(last >= 6 * period);
}

}  // namespace vitrine
