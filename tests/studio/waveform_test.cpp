#include "studio/waveform.h"

#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "audio/wav_writer.h"
#include "studio/studio_fixture.h"

namespace vitrine::studio {
namespace {

// One second of silence, then one second of a 440 Hz tone at half scale, 48 kHz stereo.
std::filesystem::path writeQuietThenLoud(const std::filesystem::path& folder) {
    auto file = folder / "quiet-then-loud.wav";
    WavWriter wav(file, 48000, 2);
    std::vector<std::int16_t> samples(48000 * 2, 0);
    wav.write(samples.data(), 48000);
    for (int i = 0; i < 48000; ++i)
        samples[2 * i] = samples[2 * i + 1] = static_cast<std::int16_t>(16384 * std::sin(2 * M_PI * 440 * i / 48000.0));
    wav.write(samples.data(), 48000);
    REQUIRE_FALSE(wav.finish());
    return file;
}

}  // namespace

TEST_CASE("waveform: a sound's peaks, one per 20 ms, silent where it is silent") {
    testing::StudioFixture f;
    auto read = readWaveform(writeQuietThenLoud(f.folder));
    REQUIRE(read);
    CHECK(read->bucket == millis(20));
    REQUIRE(read->peaks.size() == 100);
    CHECK(read->peaks[0] == 0.0f);
    CHECK(read->peaks[49] == 0.0f);
    CHECK(read->peaks[50] == doctest::Approx(0.5).epsilon(0.01));
    CHECK(read->peaks[99] == doctest::Approx(0.5).epsilon(0.01));
    CHECK(read->loudest == doctest::Approx(0.5).epsilon(0.01));
    CHECK(read->peakIn(0, seconds(1)) == 0.0f);
    CHECK(read->peakIn(millis(990), millis(1010)) == doctest::Approx(0.5).epsilon(0.01));
    CHECK(read->peakIn(seconds(3), seconds(4)) == 0.0f);

    auto missing = readWaveform(f.folder / "nothing.wav");
    REQUIRE_FALSE(missing);
    CHECK(missing.error().message.find("nothing.wav") != std::string::npos);
}

TEST_CASE("waveform cache: read once in the background, nothing until then, nothing for a bad file") {
    testing::StudioFixture f;
    const std::string file = writeQuietThenLoud(f.folder).string();
    WaveformCache cache;
    auto first = cache.get(file);
    cache.get((f.folder / "nothing.wav").string());
    cache.waitIdle();
    auto ready = cache.get(file);
    REQUIRE(ready);
    CHECK(ready->peaks.size() == 100);
    CHECK(cache.get(file) == ready);  // the same, not read again
    CHECK_FALSE(cache.get((f.folder / "nothing.wav").string()));
    (void)first;
}

}  // namespace vitrine::studio
