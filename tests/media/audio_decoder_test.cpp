#include <doctest/doctest.h>

#include "audio/audio_test_media.h"
#include "media/audio_decoder.h"

namespace vitrine {
namespace {

using test::TempDir;

constexpr double kToneFrequency = 440;
constexpr double kToneAmplitude = 0.5;
constexpr double kToneSeconds = 3;
constexpr Micros kDurationTolerance = millis(50);
// Silence is exactly zero for lossless formats; lossy ones ring a little before an onset.
constexpr double kOnsetThreshold = 0.02;
constexpr std::int64_t kOneMillisecondOfFrames = kMixSampleRate / 1000;

struct Format {
    const char* file;
    const char* options;
};

const Format kFormats[] = {
    {"tone.wav", ""},
    {"tone.flac", ""},
    {"tone.mp3", "-c:a libmp3lame -b:a 128k"},
    {"tone.m4a", "-c:a aac -b:a 128k"},
    {"tone.opus", "-c:a libopus -b:a 96k"},
    {"tone.ogg", "-c:a libvorbis -q:a 4"},
};

}  // namespace

TEST_CASE("AudioDecoder decodes every format to 48 kHz stereo with the right duration and level") {
    TempDir dir;
    for (const Format& format : kFormats) {
        const std::string name = format.file;
        CAPTURE(name);
        const auto path = dir / format.file;
        REQUIRE(test::makeTone(path, kToneFrequency, kToneAmplitude, 0, kToneSeconds, 44100, format.options));

        const std::optional<Micros> probed = probeDuration(path);
        REQUIRE(probed);
        CHECK(std::abs(*probed - seconds(kToneSeconds)) <= kDurationTolerance);

        auto opened = AudioDecoder::open(path);
        REQUIRE_MESSAGE(opened.ok(), opened.error().message);
        const std::vector<float> samples = test::readAll(**opened);
        const auto frames = static_cast<std::int64_t>(samples.size() / kMixChannels);
        CHECK(std::abs(audioFramesDuration(frames) - seconds(kToneSeconds)) <= kDurationTolerance);
        CHECK((*opened)->atEnd());
        CHECK((*opened)->position() == audioFramesDuration(frames));
        // A sine of amplitude a has RMS a/√2; mono spread to stereo loses 3 dB per side.
        const double level = test::rms(samples);
        CHECK(level > 0.1);
        CHECK((*opened)->problem().empty());
    }
}

TEST_CASE("AudioDecoder keeps an onset where it is, from the start and after a seek") {
    TempDir dir;
    for (const Format& format : kFormats) {
        const std::string name = format.file;
        CAPTURE(name);
        const auto path = dir / format.file;
        REQUIRE(test::makeTone(path, kToneFrequency, kToneAmplitude, 1.0, kToneSeconds, 44100, format.options));
        auto opened = AudioDecoder::open(path);
        REQUIRE(opened.ok());
        AudioDecoder& decoder = **opened;

        const std::int64_t fromStart = test::firstLoudFrame(test::readAll(decoder), kOnsetThreshold);
        MESSAGE(name << ": onset from start at frame " << fromStart << " (expected " << kMixSampleRate << ")");
        CHECK(std::abs(fromStart - kMixSampleRate) <= kOneMillisecondOfFrames);

        REQUIRE(decoder.seek(seconds(0.9)));
        CHECK(decoder.position() == seconds(0.9));
        const std::int64_t afterSeek = test::firstLoudFrame(test::readAll(decoder), kOnsetThreshold);
        MESSAGE(name << ": onset after seek to 0.9 s at frame " << afterSeek << " (expected 4800)");
        CHECK(std::abs(afterSeek - kMixSampleRate / 10) <= kOneMillisecondOfFrames);

        // Backwards, into the silence, and forwards past the onset.
        REQUIRE(decoder.seek(seconds(0.5)));
        CHECK(std::abs(test::firstLoudFrame(test::readAll(decoder), kOnsetThreshold) - kMixSampleRate / 2) <=
              kOneMillisecondOfFrames);
        REQUIRE(decoder.seek(seconds(2.0)));
        std::vector<float> tail = test::readAll(decoder);
        CHECK(std::abs(audioFramesDuration(static_cast<std::int64_t>(tail.size() / kMixChannels)) - seconds(1.0)) <=
              kDurationTolerance);
    }
}

TEST_CASE("AudioDecoder seeks sample-exactly in lossless files") {
    TempDir dir;
    const auto path = dir / "tone.flac";
    REQUIRE(test::makeTone(path, kToneFrequency, kToneAmplitude, 1.0, kToneSeconds, 48000));
    auto opened = AudioDecoder::open(path);
    REQUIRE(opened.ok());
    const std::vector<float> all = test::readAll(**opened);
    constexpr std::int64_t kTarget = 60'000;  // 1.25 s: a frame count that is an exact microsecond
    REQUIRE((*opened)->seek(audioFramesDuration(kTarget)));
    std::vector<float> part(1024 * kMixChannels);
    REQUIRE((*opened)->read(part.data(), 1024) == 1024);
    for (std::size_t i = 0; i < part.size(); ++i) {
        REQUIRE(part[i] == doctest::Approx(all[static_cast<std::size_t>(kTarget) * kMixChannels + i]).epsilon(1e-6));
    }
}

TEST_CASE("AudioDecoder reports bad files as values") {
    TempDir dir;
    CHECK(AudioDecoder::open(dir / "missing.mp3").error().kind == ErrorKind::FileNotFound);
    CHECK(AudioDecoder::open(dir.path()).error().kind == ErrorKind::Unreadable);
    test::writeBytes(dir / "empty.wav", {});
    CHECK(AudioDecoder::open(dir / "empty.wav").error().kind == ErrorKind::EmptyFile);
    test::writeBytes(dir / "text.mp3", std::vector<std::uint8_t>(2000, 'x'));
    auto text = AudioDecoder::open(dir / "text.mp3");
    CHECK_FALSE(text.ok());
    CHECK_FALSE(text.error().message.empty());
    REQUIRE(test::makeTestPattern(dir / "picture.png", 16, 16));
    CHECK(AudioDecoder::open(dir / "picture.png").error().kind == ErrorKind::WrongKind);
    CHECK_FALSE(probeDuration(dir / "missing.mp3"));

    // A truncated file decodes what is there and ends.
    const auto whole = dir / "whole.mp3";
    REQUIRE(test::makeTone(whole, kToneFrequency, kToneAmplitude, 0, kToneSeconds, 44100, "-c:a libmp3lame"));
    std::vector<std::uint8_t> bytes = test::readBytes(whole);
    bytes.resize(bytes.size() / 2);
    test::writeBytes(dir / "half.mp3", bytes);
    auto half = AudioDecoder::open(dir / "half.mp3");
    REQUIRE(half.ok());
    const std::vector<float> samples = test::readAll(**half);
    CHECK(samples.size() / kMixChannels < static_cast<std::size_t>(kMixSampleRate * kToneSeconds));
    CHECK((*half)->atEnd());
}

}  // namespace vitrine
