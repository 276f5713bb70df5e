#include <doctest/doctest.h>

#include <cstdio>
#include <memory>

#include "audio/wav_writer.h"
#include "audio/audio_test_media.h"

namespace vitrine {
namespace {

// The number sox's soxi reads from the header: what other tools will believe.
std::string soxiSamples(const std::filesystem::path& path) {
    const std::string command = "soxi -s " + test::quoted(path) + " 2>/dev/null";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    if (!pipe) return {};
    char line[64] = {};
    if (!fgets(line, sizeof line, pipe.get())) return {};
    std::string text = line;
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    return text;
}

}  // namespace

TEST_CASE("WavWriter writes exactly the samples given, under a header others read, and appears only when done") {
    test::TempDir dir;
    const auto path = dir / "out.wav";
    std::vector<std::int16_t> samples(2 * 1000);
    for (std::size_t i = 0; i < samples.size(); ++i) samples[i] = static_cast<std::int16_t>(i * 7 - 5000);
    {
        WavWriter writer(path, kMixSampleRate, kMixChannels);
        REQUIRE(writer.good());
        writer.write(samples.data(), 600);
        writer.write(samples.data() + 1200, 400);
        CHECK(writer.frames() == 1000);
        CHECK_FALSE(std::filesystem::exists(path));  // still being written
        CHECK_FALSE(writer.finish());
    }
    REQUIRE(std::filesystem::exists(path));
    CHECK(std::filesystem::file_size(path) == 44 + samples.size() * 2);
    CHECK(soxiSamples(path) == "1000");
    auto opened = AudioDecoder::open(path);
    REQUIRE(opened.ok());
    const std::vector<float> back = test::readAll(**opened);
    REQUIRE(back.size() == samples.size());
    for (std::size_t i = 0; i < samples.size(); ++i) {
        REQUIRE(std::lrint(back[i] * 32768.0f) == samples[i]);
    }
    // Nothing left behind but the file itself.
    CHECK(std::distance(std::filesystem::directory_iterator(dir.path()), std::filesystem::directory_iterator()) == 1);
}

TEST_CASE("WavWriter reports a folder it cannot write to") {
    WavWriter writer("/nonexistent-folder/out.wav", kMixSampleRate, kMixChannels);
    CHECK_FALSE(writer.good());
    std::optional<Error> error = writer.finish();
    REQUIRE(error);
    CHECK(error->message.find("/nonexistent-folder/out.wav") != std::string::npos);
    CHECK(writer.finish()->message == error->message);  // asked again, the same answer
}

}  // namespace vitrine
