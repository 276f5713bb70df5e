#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "captions/caption_check.h"
#include "captions/webvtt_parser.h"
#include "media/media_test_files.h"

using namespace vitrine;

namespace {

// The codes of `d`'s problems with their line:col, e.g. "caption-overlap@7:1".
std::vector<std::string> found(const Diagnostics& d) {
    std::vector<std::string> out;
    for (const auto& p : d.all())
        out.push_back(p.code + "@" + std::to_string(p.where.line) + ":" + std::to_string(p.where.column));
    return out;
}

std::vector<std::string> cueWarnings(const std::string& vtt, std::optional<Micros> soundDuration = std::nullopt) {
    Diagnostics parsing;
    CaptionTrack track = parseWebVtt(vtt, "t.vtt", parsing);
    REQUIRE(parsing.empty());
    Diagnostics d;
    checkCaptionCues(track, soundDuration, d);
    return found(d);
}

}  // namespace

TEST_CASE("caption check: cues in order, apart and within their sound are clean") {
    const std::string vtt = "WEBVTT\n\n00:01.000 --> 00:03.000\nOne\n\n00:03.000 --> 00:05.000\nTwo\n";
    CHECK(cueWarnings(vtt, 5 * kMicrosPerSecond).empty());
}

TEST_CASE("caption check: a cue written before an earlier one is out of order") {
    const std::string vtt =
        "WEBVTT\n\n00:05.000 --> 00:06.000\nLater\n\n00:01.000 --> 00:02.000\nEarlier\n";
    CHECK(cueWarnings(vtt) == std::vector<std::string>{"caption-out-of-order@6:1"});
}

TEST_CASE("caption check: overlapping cues are warned at the later one, touching ones are not") {
    const std::string vtt = "WEBVTT\n\n"
                            "00:01.000 --> 00:08.000\nLong\n\n"   // line 3
                            "00:02.000 --> 00:03.000\nInside\n\n" // line 6: overlaps line 3
                            "00:08.000 --> 00:09.000\nAfter\n";   // line 9: starts as line 3 ends
    Diagnostics parsing;
    CaptionTrack track = parseWebVtt(vtt, "t.vtt", parsing);
    Diagnostics d;
    checkCaptionCues(track, std::nullopt, d);
    REQUIRE(found(d) == std::vector<std::string>{"caption-overlap@6:1"});
    CHECK(d.all()[0].message.find("line 3") != std::string::npos);
}

TEST_CASE("caption check: a cue past the end of its sound is cut short or never shown") {
    const std::string vtt = "WEBVTT\n\n00:01.000 --> 00:04.000\nIn time\n\n"
                            "00:04.000 --> 00:06.000\nCut\n\n00:07.000 --> 00:08.000\nNever\n";
    Diagnostics parsing;
    CaptionTrack track = parseWebVtt(vtt, "t.vtt", parsing);
    Diagnostics d;
    checkCaptionCues(track, 5 * kMicrosPerSecond, d);
    REQUIRE(found(d) == std::vector<std::string>{"caption-past-end@6:1", "caption-past-end@9:1"});
    CHECK(d.all()[0].message.find("cut short") != std::string::npos);
    CHECK(d.all()[1].message.find("never shown") != std::string::npos);
    CHECK(cueWarnings(vtt).empty());  // no duration known: nothing to compare with
}

TEST_CASE("caption check: every caption file of the show's sounds is read once, with its sound's duration") {
    test::TempDir dir;
    const auto vtt = dir / "voice.vtt";
    const std::string text = "WEBVTT\n\n00:01,000 --> 00:02.000\nComma\n\n00:03.000 --> 00:12.000\nLong\n";
    test::writeBytes(vtt, std::vector<std::uint8_t>(text.begin(), text.end()));
    Show show;
    for (int i = 0; i < 2; ++i) {
        Item sound;
        sound.kind = ItemKind::Audio;
        sound.src = (dir / "voice.opus").string();
        sound.captions = vtt.string();
        show.items.push_back(sound);
    }
    show.items[1].secondCaptions = (dir / "missing.vtt").string();  // left to the missing-file check
    std::vector<std::filesystem::path> probed;
    MediaDurationProbe probe = [&](const std::filesystem::path& p) {
        probed.push_back(p);
        return std::optional<Micros>(10 * kMicrosPerSecond);
    };
    Diagnostics d;
    checkCaptionFiles(show, probe, d);
    CHECK(found(d) == std::vector<std::string>{"caption-bad-timing@3:6", "caption-past-end@6:1"});
    CHECK(probed.size() == 1);
    CHECK(d.all()[0].where.file == vtt.string());
}
