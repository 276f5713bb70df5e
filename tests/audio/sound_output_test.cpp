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
        REQUIRE(tap.finish());
    }
    AudioOpenResult opened = AudioDecoder::open(recording);
    REQUIRE(opened.ok());
    const std::vector<float> mixed = readAll(*opened.decoder);
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

/// The tone's show with a mixer playing it from its start.
struct TonePlaying {
    explicit TonePlaying(const TempDir& dir) : show(toneShow(dir)) { mixer.update({{0, 0, 1.0}}, 0); }
    Show show;
    Mixer mixer{show};
};

/// The root mean square level of a recording made by a tap (a sine at 0.3 gives about 0.21).
double recordedLevel(const std::filesystem::path& recording) {
    AudioOpenResult opened = AudioDecoder::open(recording);
    REQUIRE(opened.ok());
    return rms(readAll(*opened.decoder));
}

}  // namespace

TEST_CASE("NullAudioOutput pulls from the mixer into its tap until stopped") {
    TempDir dir;
    TonePlaying tone(dir);
    const auto recording = dir / "null.wav";
    std::int64_t written = 0;
    {
        WavWriter tap(recording, kMixSampleRate, kMixChannels);
        NullAudioOutput output(tone.mixer, &tap);
        output.play();
        output.waitUntilMixed(static_cast<std::int64_t>(3 * kDefaultAudioPeriodFrames));
        output.stop();
        written = tap.frames();
        REQUIRE(tap.finish());
    }
    CHECK(written >= static_cast<std::int64_t>(3 * kDefaultAudioPeriodFrames));
    CHECK(tone.mixer.framesMixed() == written);
    CHECK(recordedLevel(recording) > 0.1);
}

TEST_CASE("SoundOutput streams the mixer's samples as 48 kHz stereo through SFML") {
    // No sound card in tests: OpenAL's null driver, unless the caller chose another.
    setenv("ALSOFT_DRIVERS", "null", 0);
    TempDir dir;
    TonePlaying tone(dir);
    const auto recording = dir / "stream.wav";
    std::int64_t written = 0;
    {
        WavWriter tap(recording, kMixSampleRate, kMixChannels);
        SoundOutput output(tone.mixer, &tap);
        CHECK(output.getChannelCount() == static_cast<unsigned>(kMixChannels));
        CHECK(output.getSampleRate() == static_cast<unsigned>(kMixSampleRate));
        output.play();
        // SFML queues three periods as it starts; the null driver then plays in real time.
        const auto minimum = static_cast<std::int64_t>(3 * kDefaultAudioPeriodFrames);
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (tone.mixer.framesMixed() < minimum && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        output.stop();
        CHECK(output.getStatus() == sf::SoundSource::Stopped);
        written = tap.frames();
        REQUIRE(tap.finish());
        CHECK(written >= minimum);
    }
    CHECK(tone.mixer.framesMixed() == written);
    CHECK(recordedLevel(recording) > 0.1);
}

}  // namespace vitrine
