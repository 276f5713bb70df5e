#include <doctest/doctest.h>

#include "audio/mixer_test_support.h"

namespace vitrine {
namespace {

using namespace vitrine::test;

constexpr double kInt16Full = 32767.0;
constexpr double kLevelTolerance = 0.02;  // relative, for RMS ratios

std::vector<float> decodeAll(const std::filesystem::path& path) {
    auto opened = AudioDecoder::open(path);
    REQUIRE(opened.ok());
    return readAll(**opened);
}

}  // namespace

TEST_CASE("Mixer sums two cues sample for sample") {
    TempDir dir;
    REQUIRE(makeTone(dir / "a.wav", 440, 0.3, 0, 2, kMixSampleRate));
    REQUIRE(makeTone(dir / "b.wav", 660, 0.3, 0, 2, kMixSampleRate));
    Show show;
    show.items = {audioItem(dir / "a.wav"), audioItem(dir / "b.wav")};
    Mixer mixer(show);
    const auto out = runMixer(mixer, 100, [](Micros t) {
        return std::vector<AudioCue>{{0, t, 1.0}, {1, t, 1.0}};
    });
    const std::vector<float> a = decodeAll(dir / "a.wav");
    const std::vector<float> b = decodeAll(dir / "b.wav");
    int worst = 0;
    for (std::size_t i = 0; i < out.size(); ++i) {
        const int expected = static_cast<int>(std::lrint((a[i] + b[i]) * kInt16Full));
        worst = std::max(worst, std::abs(out[i] - expected));
    }
    CHECK(worst <= 1);
    CHECK(rms(out) > 0.2 * kInt16Full);
    CHECK(mixer.framesMixed() == 100 * static_cast<std::int64_t>(kTestPeriodFrames));
    CHECK(mixer.audioPosition() == seconds(1));
    CHECK(mixer.jumps() == 0);
}

TEST_CASE("Mixer ramps volume changes and stops a cue that disappears, without clicks") {
    TempDir dir;
    REQUIRE(makeTone(dir / "tone.wav", 100, 0.5, 0, 4, kMixSampleRate));
    Show show;
    show.items = {audioItem(dir / "tone.wav")};
    Mixer mixer(show);
    // Full, then a tenth, then full again, then gone; each change is an instant step in the cue.
    const auto out = runMixer(mixer, 200, [](Micros t) {
        if (t >= millis(1500)) return std::vector<AudioCue>{};
        const double volume = (t >= millis(500) && t < millis(1000)) ? 0.1 : 1.0;
        return std::vector<AudioCue>{{0, t, volume}};
    });
    // A 100 Hz sine at 0.5 moves at most 0.5·2π·100/48000 of full scale a sample (≈214);
    // an unramped step to a tenth at a peak would jump ≈14700.
    constexpr int kMaxClickFreeStep = 400;
    const int step = maxStep(out);
    MESSAGE("largest sample-to-sample step: " << step);
    CHECK(step < kMaxClickFreeStep);
    const double full = rms(out, periodFrame(10), periodFrame(50));
    const double tenth = rms(out, periodFrame(60), periodFrame(100));
    CHECK(tenth / full == doctest::Approx(0.1).epsilon(kLevelTolerance));
    CHECK(rms(out, periodFrame(110), periodFrame(150)) / full == doctest::Approx(1.0).epsilon(kLevelTolerance));
    // After the 10 ms fade-out, nothing.
    CHECK(rms(out, periodFrame(151), periodFrame(200)) == 0.0);
    CHECK(mixer.activePlaybacks() == 0);
}

TEST_CASE("Mixer ducks a bed by its factor while speech plays, with ramps") {
    TempDir dir;
    REQUIRE(makeTone(dir / "bed.wav", 200, 0.4, 0, 4, kMixSampleRate));
    REQUIRE(makeTone(dir / "voice.wav", 300, 0.0, 0, 4, kMixSampleRate));  // silent: only the bed is measured
    Show show;
    show.items = {audioItem(dir / "bed.wav", AudioRole::Bed, 0.25), audioItem(dir / "voice.wav", AudioRole::Speech)};
    Mixer mixer(show);
    const auto out = runMixer(mixer, 300, [](Micros t) {
        std::vector<AudioCue> cues{{0, t, 1.0}};
        if (t >= seconds(1) && t < seconds(2)) cues.push_back({1, t - seconds(1), 1.0});
        return cues;
    });
    const double open = rms(out, periodFrame(50), periodFrame(100));
    const double ducked = rms(out, periodFrame(140), periodFrame(200));
    const double released = rms(out, periodFrame(240), periodFrame(300));
    CHECK(ducked / open == doctest::Approx(0.25).epsilon(kLevelTolerance));
    CHECK(released / open == doctest::Approx(1.0).epsilon(kLevelTolerance));
    // Halfway through the 300 ms ramp the bed is between the two levels.
    const double midway = rms(out, periodFrame(114), periodFrame(116));
    CHECK(midway < 0.9 * open);
    CHECK(midway > 0.35 * open);
    CHECK(maxStep(out) < 400);
}

TEST_CASE("Mixer ducks every other sound while an audio description speaks, and only then") {
    TempDir dir;
    REQUIRE(makeTone(dir / "bed.wav", 200, 0.4, 0, 5, kMixSampleRate));
    REQUIRE(makeTone(dir / "testimony.wav", 250, 0.4, 0, 5, kMixSampleRate));
    REQUIRE(makeTone(dir / "description.wav", 300, 0.0, 0, 5, kMixSampleRate));  // silent: the others are measured
    Show show;
    show.items = {audioItem(dir / "bed.wav", AudioRole::Bed, 0.5), audioItem(dir / "testimony.wav", AudioRole::Speech),
                  audioItem(dir / "description.wav", AudioRole::Speech)};
    show.items[2].description = true;
    show.items[2].spokenSpans = {{seconds(1.5), seconds(3)}};  // its words; silence around them
    auto run = [&](std::vector<int> items) {
        Mixer mixer(show);
        return runMixer(mixer, 450, [items](Micros t) {
            std::vector<AudioCue> cues;
            for (int i : items) cues.push_back({i, t, 1.0});
            return cues;
        });
    };
    // The bed, then the testimony, each beside the description for 4.5 s.
    const auto bed = run({0, 2});
    const auto testimony = run({1, 2});
    for (const auto* out : {&bed, &testimony}) {
        const double before = rms(*out, periodFrame(50), periodFrame(100));     // 0.5-1 s: no words yet
        const double during = rms(*out, periodFrame(190), periodFrame(290));    // 1.9-2.9 s: words
        const double after = rms(*out, periodFrame(370), periodFrame(450));     // 3.7-4.5 s: words over
        CHECK(before > 0.1 * kInt16Full);
        CHECK(during / before == doctest::Approx(0.3).epsilon(kLevelTolerance));
        CHECK(after / before == doctest::Approx(1.0).epsilon(kLevelTolerance));
        // Down by the first word: the ramp starts a ramp's length before it.
        CHECK(rms(*out, periodFrame(150), periodFrame(155)) / before < 0.35);
        CHECK(maxStep(*out) < 400);
    }
}

TEST_CASE("Mixer re-seeks a playback when its cue jumps") {
    TempDir dir;
    REQUIRE(makeTone(dir / "late.wav", 1000, 0.5, 2.0, 4, kMixSampleRate));
    Show show;
    show.items = {audioItem(dir / "late.wav")};
    Mixer mixer(show);
    // Plays from 0 for half a second, then the timeline jumps to media time 1.9 s.
    const auto out = runMixer(mixer, 100, [](Micros t) {
        const Micros media = t < millis(500) ? t : seconds(1.9) + (t - millis(500));
        return std::vector<AudioCue>{{0, media, 1.0}};
    });
    CHECK(mixer.jumps() == 1);
    const std::int64_t onset = firstLoudFrame(out, 0.02 * kInt16Full);
    const std::int64_t expected = static_cast<std::int64_t>(periodFrame(50)) + kMixSampleRate / 10;
    MESSAGE("onset after the jump at frame " << onset << ", expected " << expected);
    CHECK(std::abs(onset - expected) <= kMixSampleRate / 1000);
}

TEST_CASE("Mixer follows a small drift without seeking and loops an item seamlessly") {
    TempDir dir;
    REQUIRE(makeTone(dir / "loop.wav", 500, 0.5, 0.25, 1, kMixSampleRate));
    Show show;
    show.items = {audioItem(dir / "loop.wav")};
    show.items[0].loop = true;
    show.items[0].clipIn = 0;
    show.items[0].clipOut = millis(500);
    Mixer mixer(show);
    // The cue runs 20 ms behind the mix (as a frame clock may): within tolerance, no seek.
    const auto out = runMixer(mixer, 120, [](Micros t) {
        return std::vector<AudioCue>{{0, std::max<Micros>(t - millis(20), 0) % millis(500), 1.0}};
    });
    CHECK(mixer.jumps() == 0);
    // Silent [0, 0.25), tone [0.25, 0.5), silent again after the wrap at 0.5 s.
    CHECK(rms(out, 0, periodFrame(24)) == 0.0);
    CHECK(rms(out, periodFrame(26), periodFrame(49)) > 0.2 * kInt16Full);  // a 0.5 sine, mono spread at -3 dB: 0.25
    CHECK(rms(out, periodFrame(51), periodFrame(74)) == 0.0);
    CHECK(rms(out, periodFrame(76), periodFrame(99)) > 0.2 * kInt16Full);  // a 0.5 sine, mono spread at -3 dB: 0.25
}

TEST_CASE("Mixer reports a missing sound once and keeps mixing the others") {
    TempDir dir;
    REQUIRE(makeTone(dir / "ok.wav", 440, 0.3, 0, 1, kMixSampleRate));
    Show show;
    show.items = {audioItem(dir / "missing.ogg"), audioItem(dir / "ok.wav")};
    Mixer mixer(show);
    const auto out = runMixer(mixer, 20, [](Micros t) {
        return std::vector<AudioCue>{{0, t, 1.0}, {1, t, 1.0}, {7, t, 1.0}};  // 7: no such item
    });
    const std::vector<MixerProblem> problems = mixer.takeProblems();
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].item == 0);
    CHECK(problems[0].message == "sound " + (dir / "missing.ogg").string() + ": file not found (silence instead)");
    CHECK(mixer.takeProblems().empty());
    CHECK(rms(out) > 0.1 * kInt16Full);
}

TEST_CASE("Mixer scales the whole mix by the master gain, ramped") {
    TempDir dir;
    REQUIRE(makeTone(dir / "a.wav", 440, 0.5, 0, 2, kMixSampleRate));
    Show show;
    show.items = {audioItem(dir / "a.wav")};
    auto cues = [](Micros t) { return std::vector<AudioCue>{{0, t, 1.0}}; };
    Mixer full(show);
    const auto reference = runMixer(full, 100, cues);
    Mixer quiet(show);
    quiet.setMasterGain(0.25);
    const auto out = runMixer(quiet, 100, cues);
    // After the ramp (10 ms: the first period) every sample is a quarter of the full mix.
    int worst = 0;
    for (std::size_t i = periodFrame(2) * kMixChannels; i < out.size(); ++i)
        worst = std::max(worst, std::abs(out[i] - static_cast<int>(std::lrint(reference[i] * 0.25))));
    CHECK(worst <= 1);
    CHECK(rms(out) < 0.3 * rms(reference));
    CHECK(maxStep(out) <= maxStep(reference));  // no click while ramping down
}

TEST_CASE("Mixer anchors show time where the speakers are, so an output's buffering is not drift") {
    TempDir dir;
    REQUIRE(makeTone(dir / "late.wav", 1000, 0.5, 1.0, 2, kMixSampleRate));
    Show show;
    show.items = {audioItem(dir / "late.wav")};
    Mixer mixer(show);
    constexpr int kQueued = 3;  // periods an output mixes ahead of its speakers, as SFML does
    constexpr int kPeriods = 150;
    std::vector<std::int16_t> out(periodFrame(kPeriods) * kMixChannels);
    for (int p = 0; p < kPeriods; ++p) {
        if (p >= kQueued) {
            const int heard = p - kQueued;  // the period at the speakers while period p is mixed
            const Micros t = heard * kTestPeriod;
            mixer.update({{0, t, 1.0}}, t, static_cast<std::int64_t>(periodFrame(heard)));
        }
        mixer.mix(out.data() + periodFrame(p) * kMixChannels, kTestPeriodFrames);
    }
    CHECK(mixer.jumps() == 0);
    // The speakers' frame at show time 1.2 s reads back as 1.2 s, not 30 ms early...
    CHECK(mixer.showTimeAtFrame(static_cast<std::int64_t>(periodFrame(120))) == seconds(1.2));
    // ...and the tone that starts 1.0 s into the file is in the output at 1.0 s.
    const std::int64_t onset = firstLoudFrame(out, 0.02 * kInt16Full);
    MESSAGE("tone heard at frame " << onset << ", expected " << kMixSampleRate);
    CHECK(std::abs(onset - kMixSampleRate) <= kMixSampleRate / 1000);
}

TEST_CASE("Mixer says nothing of a video without sound, and names the file of a sound it cannot play") {
    TempDir dir;
    // Archival film is mostly silent: a video with no audio stream is normal, not a problem.
    REQUIRE(runFfmpeg("-f lavfi -i testsrc2=size=64x36:rate=25 -t 1 -pix_fmt yuv420p " + quoted(dir / "silent.mp4")));
    writeBytes(dir / "broken.wav", std::vector<std::uint8_t>(3000, 0x5a));
    Show show;
    Item film;
    film.kind = ItemKind::Video;
    film.src = (dir / "silent.mp4").string();
    show.items = {film, audioItem(dir / "broken.wav")};
    Mixer mixer(show);
    runMixer(mixer, 20, [](Micros t) { return std::vector<AudioCue>{{0, t, 1.0}, {1, t, 1.0}}; });
    const std::vector<MixerProblem> problems = mixer.takeProblems();
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].item == 1);
    CHECK(problems[0].message.rfind("sound " + (dir / "broken.wav").string() + ": ", 0) == 0);
    CHECK(problems[0].message.find("(silence instead)") != std::string::npos);
}

}  // namespace vitrine
