#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>

#include "captions/caption_check.h"
#include "captions/webvtt_parser.h"
#include "studio/caption_tapper.h"
#include "studio/studio_fixture.h"

namespace vitrine::studio {
namespace {

constexpr Micros kAudioEnd = seconds(20);

CaptionTapper plainTapper(const char* text) {
    return CaptionTapper(captionLinesFromText(text, "lines.txt"), CaptionLinesOrigin::PlainText, kAudioEnd);
}

void writeFile(const std::filesystem::path& file, const std::string& text) {
    std::ofstream(file, std::ios::binary) << text;
}

std::string readFile(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

const char* kTimedFile =
    "WEBVTT\n"
    "\n"
    "NOTE Translated by the museum; keep this note.\n"
    "\n"
    "first\n"
    "00:00:01.000 --> 00:00:02.000 line:-3 align:start\n"
    "<v Ruben>We lived on <i>Basin</i> street.</v>\n"
    "\n"
    "00:00:02.500 --> 00:00:04.000 position:40%\n"
    "<c.loud>The noise</c> came at night.\n"
    "\n"
    "00:00:05.000 --> 00:00:06.000\n"
    "Then silence.\n";

}  // namespace

TEST_CASE("caption tapper: each line starts at its tap and ends a gap before the next") {
    CaptionTapper tapper = plainTapper("One\n\n  Two  \nThree\n");
    REQUIRE(tapper.lineCount() == 3);
    CHECK(tapper.line(1).plainText() == "Two");
    CHECK(tapper.tap(seconds(1.0004)));  // rounded to the millisecond
    CHECK(tapper.tap(seconds(3)));
    CHECK(tapper.tap(seconds(7.5)));
    CHECK(tapper.complete());
    CHECK_FALSE(tapper.tap(seconds(9)));  // no line left

    CaptionTrack track = tapper.result();
    REQUIRE(track.cues.size() == 3);
    CHECK(track.cues[0].start == seconds(1));
    CHECK(track.cues[0].end == seconds(3) - kCaptionGap);
    CHECK(track.cues[1].start == seconds(3));
    CHECK(track.cues[1].end == seconds(7.5) - kCaptionGap);
    CHECK(track.cues[2].start == seconds(7.5));
    CHECK(track.cues[2].end == kAudioEnd);  // never ended: lasts to the end of the sound
    CHECK(track.cues[2].plainText() == "Three");
}

TEST_CASE("caption tapper: the end key ends a line early, a tap that comes too soon is refused") {
    CaptionTapper tapper = plainTapper("One\nTwo\nThree\n");
    CHECK_FALSE(tapper.endLine(seconds(1)));  // nothing started
    CHECK(tapper.tap(seconds(1)));
    CHECK_FALSE(tapper.tap(seconds(1) + kShortestCaption / 2));  // a double tap
    CHECK_FALSE(tapper.endLine(seconds(1.1)));
    CHECK(tapper.endLine(seconds(2.5)));
    CHECK(tapper.currentLineEnded());
    CHECK_FALSE(tapper.endLine(seconds(2.6)));  // ended already
    CHECK_FALSE(tapper.tap(seconds(2.4)));      // before the end
    CHECK(tapper.tap(seconds(6)));
    CHECK(tapper.tap(seconds(8)));
    CHECK(tapper.endLine(seconds(9)));

    CaptionTrack track = tapper.result();
    REQUIRE(track.cues.size() == 3);
    CHECK(track.cues[0].end == seconds(2.5));  // as ended, no gap taken off
    CHECK(track.cues[1].start == seconds(6));
    CHECK(track.cues[1].end == seconds(8) - kCaptionGap);
    CHECK(track.cues[2].end == seconds(9));
}

TEST_CASE("caption tapper: undo takes back the last end, then the taps, one at a time") {
    CaptionTapper tapper = plainTapper("One\nTwo\n");
    CHECK_FALSE(tapper.undo());
    tapper.tap(seconds(1));
    tapper.tap(seconds(3));
    tapper.endLine(seconds(4));
    CHECK(tapper.undo());  // the end
    CHECK(tapper.tappedCount() == 2);
    CHECK_FALSE(tapper.currentLineEnded());
    CHECK(tapper.undo());  // the second tap: line one is open again
    CHECK(tapper.tappedCount() == 1);
    CHECK(tapper.result().cues.size() == 1);  // untimed text lines are not written
    CHECK(tapper.result().cues[0].end == kAudioEnd);
    CHECK_FALSE(tapper.canSave());
    CHECK(tapper.tap(seconds(2)));  // tapped again, earlier than before
    CHECK(tapper.result().cues[0].end == seconds(2) - kCaptionGap);
    CHECK(tapper.canSave());
}

TEST_CASE("caption tapper: retiming a WebVTT file keeps its notes, ids, voices, settings and markup") {
    testing::StudioFixture f;
    auto vtt = f.folder / "testimony.vtt";
    writeFile(vtt, kTimedFile);
    Diagnostics diagnostics;
    auto tapper = loadCaptionTapper(vtt, kAudioEnd, diagnostics);
    REQUIRE(tapper);
    CHECK(diagnostics.empty());
    CHECK(tapper->origin() == CaptionLinesOrigin::WebVtt);
    REQUIRE(tapper->lineCount() == 3);
    tapper->tap(seconds(1.25));
    tapper->tap(seconds(3.5));  // the third line is not tapped: it keeps its times, and this one ends before it
    CHECK(tapper->canSave());
    REQUIRE_FALSE(tapper->save(vtt));

    std::string saved = readFile(vtt);
    CHECK(saved ==
          "WEBVTT\n"
          "\n"
          "NOTE Translated by the museum; keep this note.\n"
          "\n"
          "first\n"
          "00:00:01.250 --> 00:00:03.420 line:-3 align:start\n"
          "<v Ruben>We lived on <i>Basin</i> street.</v>\n"
          "\n"
          "00:00:03.500 --> 00:00:04.920 position:40%\n"
          "<c.loud>The noise</c> came at night.\n"
          "\n"
          "00:00:05.000 --> 00:00:06.000\n"
          "Then silence.\n");
    // Parsing what was saved gives the model's result: the same text, voices and settings.
    Diagnostics reread;
    CaptionTrack again = parseWebVtt(saved, vtt.string(), reread);
    CHECK(reread.empty());
    CaptionTrack expected = tapper->result();
    REQUIRE(again.cues.size() == expected.cues.size());
    for (std::size_t i = 0; i < again.cues.size(); ++i) {
        CHECK(again.cues[i].start == expected.cues[i].start);
        CHECK(again.cues[i].end == expected.cues[i].end);
        CHECK(again.cues[i].lines == expected.cues[i].lines);
        CHECK(again.cues[i].voice == expected.cues[i].voice);
        CHECK(again.cues[i].line == expected.cues[i].line);
        CHECK(again.cues[i].align == expected.cues[i].align);
        CHECK(again.cues[i].position == expected.cues[i].position);
    }
    CHECK(again.cues[0].voice == "Ruben");
    CHECK(again.cues[0].id == "first");
}

TEST_CASE("caption tapper: lines from a .txt beside the missing .vtt become a new WebVTT file") {
    testing::StudioFixture f;
    auto vtt = f.folder / "testimony.vtt";
    writeFile(f.folder / "testimony.txt", "\xEF\xBB\xBFWe lived on Basin street.\r\n\r\nThe noise <came> at night & then\r\n");
    Diagnostics diagnostics;
    auto tapper = loadCaptionTapper(vtt, kAudioEnd, diagnostics);
    REQUIRE(tapper);
    CHECK(tapper->origin() == CaptionLinesOrigin::PlainText);
    REQUIRE(tapper->lineCount() == 2);
    tapper->tap(seconds(0.5));
    CHECK(tapper->save(vtt));  // a line would be lost: refused
    CHECK_FALSE(std::filesystem::exists(vtt));
    tapper->tap(seconds(2));
    tapper->endLine(seconds(4));
    REQUIRE_FALSE(tapper->save(vtt));

    Diagnostics reread;
    CaptionTrack saved = parseWebVtt(readFile(vtt), vtt.string(), reread);
    CHECK(reread.empty());
    REQUIRE(saved.cues.size() == 2);
    CHECK(saved.cues[0].start == seconds(0.5));
    CHECK(saved.cues[0].end == seconds(2) - kCaptionGap);
    CHECK(saved.cues[1].plainText() == "The noise <came> at night & then");
    CHECK(saved.cues[1].end == seconds(4));
}

TEST_CASE("caption tapper: an SRT beside the missing .vtt supplies the lines with their styles") {
    testing::StudioFixture f;
    writeFile(f.folder / "testimony.srt", "1\n00:00:01,000 --> 00:00:02,000\n<i>Basin</i> street\n\n"
                                          "2\n00:00:03,000 --> 00:00:04,000\nAt night\n");
    Diagnostics diagnostics;
    auto tapper = loadCaptionTapper(f.folder / "testimony.vtt", kAudioEnd, diagnostics);
    REQUIRE(tapper);
    CHECK(tapper->origin() == CaptionLinesOrigin::Srt);
    tapper->tap(seconds(1.5));
    std::string text = tapper->webVtt();
    CHECK(text.find("1\n00:00:01.500 --> 00:00:02.920\n<i>Basin</i> street\n") != std::string::npos);
    CHECK(text.find("00:00:03.000 --> 00:00:04.000\nAt night\n") != std::string::npos);
}

TEST_CASE("caption tapper: a caption file that does not parse is refused with its file and line") {
    testing::StudioFixture f;
    auto vtt = f.folder / "broken.vtt";
    writeFile(vtt, "WEBVTT\n\n00:01.000 --> 00:02.000\nfine\n\n00:03.000 -> 00:04.000\nbad arrow\n");
    Diagnostics diagnostics;
    CHECK_FALSE(loadCaptionTapper(vtt, kAudioEnd, diagnostics));
    REQUIRE(diagnostics.hasErrors());
    bool named = false;
    for (const auto& d : diagnostics.all())
        if (d.code == "caption-timing-refused") {
            named = true;
            CHECK(d.where.file == vtt.string());
            CHECK(d.where.line == 6);
            CHECK(d.message.find("broken.vtt line 6") != std::string::npos);
        }
    CHECK(named);
    CHECK(readFile(vtt).find("bad arrow") != std::string::npos);  // untouched

    Diagnostics missing;
    CHECK_FALSE(loadCaptionTapper(f.folder / "nothing.vtt", kAudioEnd, missing));
    REQUIRE(missing.all().size() == 1);
    CHECK(missing.all()[0].message.find("nothing.txt") != std::string::npos);

    Diagnostics notVtt;
    CHECK_FALSE(loadCaptionTapper(f.folder / "x.srt", kAudioEnd, notVtt));
    CHECK(notVtt.hasErrors());

    writeFile(f.folder / "garbage.vtt", std::string("\0\xff\xfe garbage", 11));
    Diagnostics garbage;
    CHECK_FALSE(loadCaptionTapper(f.folder / "garbage.vtt", kAudioEnd, garbage));
    CHECK(garbage.hasErrors());
}

TEST_CASE("caption tapper: an interrupted save leaves the old caption file whole") {
    testing::StudioFixture f;
    auto vtt = f.folder / "testimony.vtt";
    writeFile(vtt, kTimedFile);
    Diagnostics diagnostics;
    auto tapper = loadCaptionTapper(vtt, kAudioEnd, diagnostics);
    REQUIRE(tapper);
    tapper->tap(seconds(1.25));
    for (SaveStep failing : {SaveStep::Open, SaveStep::Write, SaveStep::Flush, SaveStep::Sync, SaveStep::Close,
                             SaveStep::Rename}) {
        CAPTURE(saveStepName(failing));
        CHECK(tapper->save(vtt, UntimedLines::KeepTimes, [&](SaveStep step) { return step == failing; }));
        CHECK(readFile(vtt) == kTimedFile);
    }
    REQUIRE_FALSE(tapper->save(vtt));
    CHECK(readFile(vtt).find("00:00:01.250 --> ") != std::string::npos);
}

TEST_CASE("caption tapper: settings at their limits stay exactly as written when a file is retimed") {
    testing::StudioFixture f;
    auto vtt = f.folder / "limits.vtt";
    const std::string far = " position:100% line:100% size:100% align:end";
    const std::string near = " line:0% position:0%,line-left size:0% align:start";
    const std::string lineNumbers = " line:0 align:left vertical:rl";
    writeFile(vtt, "WEBVTT\n\n00:00:01.000 --> 00:00:02.000" + far + "\nfar\n\n00:00:03.000 --> 00:00:04.000" +
                       near + "\nnear\n\n00:00:05.000 --> 00:00:06.000" + lineNumbers + "\ntop\n");
    Diagnostics diagnostics;
    auto tapper = loadCaptionTapper(vtt, kAudioEnd, diagnostics);
    REQUIRE(tapper);
    REQUIRE(tapper->lineCount() == 3);
    const CaptionTrack before = tapper->result();
    CHECK(tapper->tap(seconds(1.5)));
    CHECK(tapper->tap(seconds(3.5)));
    CHECK(tapper->tap(seconds(5.5)));
    REQUIRE_FALSE(tapper->save(vtt));

    const std::string saved = readFile(vtt);
    CHECK(saved == "WEBVTT\n\n00:00:01.500 --> 00:00:03.420" + far + "\nfar\n\n00:00:03.500 --> 00:00:05.420" + near +
                       "\nnear\n\n00:00:05.500 --> 00:00:20.000" + lineNumbers + "\ntop\n");
    Diagnostics reread;
    CaptionTrack again = parseWebVtt(saved, vtt.string(), reread);
    CHECK(reread.empty());
    REQUIRE(again.cues.size() == before.cues.size());
    for (std::size_t i = 0; i < again.cues.size(); ++i) {
        CAPTURE(i);
        CHECK(again.cues[i].line == before.cues[i].line);
        CHECK(again.cues[i].lineUnit == before.cues[i].lineUnit);
        CHECK(again.cues[i].position == before.cues[i].position);
        CHECK(again.cues[i].positionAlign == before.cues[i].positionAlign);
        CHECK(again.cues[i].size == before.cues[i].size);
        CHECK(again.cues[i].align == before.cues[i].align);
        CHECK(again.cues[i].vertical == before.cues[i].vertical);
    }
    CHECK(again.cues[0].position == 100.0);
    CHECK(again.cues[1].size == 0.0);
}

TEST_CASE("caption tapper: retiming 3 lines of 4 never writes a 4th cue that starts before the 3rd") {
    testing::StudioFixture f;
    auto vtt = f.folder / "testimony.vtt";
    const std::string original =
        "WEBVTT\n\n"
        "00:00:01.000 --> 00:00:02.000\nOne\n\n"
        "00:00:02.500 --> 00:00:04.000\nTwo\n\n"
        "00:00:05.000 --> 00:00:06.000 align:start\nThree\n\n"
        "00:00:07.000 --> 00:00:08.000\nFour\n";
    writeFile(vtt, original);
    Diagnostics diagnostics;
    auto tapper = loadCaptionTapper(vtt, kAudioEnd, diagnostics);
    REQUIRE(tapper);
    CHECK_FALSE(tapper->untimedLinesClash());  // nothing tapped: the file as it was
    CHECK(tapper->tap(seconds(1)));
    CHECK(tapper->tap(seconds(4)));
    CHECK_FALSE(tapper->untimedLinesClash());  // line 2 ends before line 3's old start
    CHECK(tapper->tap(seconds(8.5)));  // after line 4's old start (7 s)

    // Kept, line 4 (7 s) would start before line 3 (8.5 s) and overlap line 2 (4-8.42 s).
    auto clash = tapper->untimedLinesClash();
    REQUIRE(clash);
    CHECK(clash->find("3 of 4 lines timed: line 4 would start at 0:07.000, before line 3 ends") == 0);
    auto refused = tapper->save(vtt);
    REQUIRE(refused);
    CHECK(refused->message.find("move the untimed lines after line 3") != std::string::npos);
    CHECK(readFile(vtt) == original);  // nothing written
    // The project's caption checker sees what keeping the times would write.
    Diagnostics kept = tapper->check(vtt.string());
    auto has = [](const Diagnostics& d, const char* code) {
        return std::any_of(d.all().begin(), d.all().end(), [&](const Diagnostic& x) { return x.code == code; });
    };
    CHECK(has(kept, "caption-out-of-order"));
    CHECK(has(kept, "caption-overlap"));

    // Moved: line 3, never ended, keeps its old length (1 s); line 4 follows a gap after it,
    // keeping its length; in order, nothing overlapping, every other byte kept.
    CHECK(tapper->check(vtt.string(), UntimedLines::MoveAfterLastTapped).empty());
    REQUIRE_FALSE(tapper->save(vtt, UntimedLines::MoveAfterLastTapped));
    const std::string saved = readFile(vtt);
    CHECK(saved ==
          "WEBVTT\n\n"
          "00:00:01.000 --> 00:00:03.920\nOne\n\n"
          "00:00:04.000 --> 00:00:08.420\nTwo\n\n"
          "00:00:08.500 --> 00:00:09.500 align:start\nThree\n\n"
          "00:00:09.580 --> 00:00:10.580\nFour\n");
    Diagnostics reread;
    CaptionTrack again = parseWebVtt(saved, vtt.string(), reread);
    checkCaptionCues(again, kAudioEnd, reread);
    CHECK(reread.empty());
}

TEST_CASE("caption tapper: moved lines end at the sound's end, and the check says which are never shown") {
    testing::StudioFixture f;
    auto vtt = f.folder / "short.vtt";
    writeFile(vtt, "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nOne\n\n00:00:03.000 --> 00:00:05.000\nTwo\n\n"
                   "00:00:06.000 --> 00:00:07.000\nThree\n");
    Diagnostics diagnostics;
    auto tapper = loadCaptionTapper(vtt, seconds(9), diagnostics);  // the sound ends at 9 s
    REQUIRE(tapper);
    CHECK(tapper->tap(seconds(6.5)));  // line 1, after line 2's old start
    REQUIRE(tapper->untimedLinesClash());
    CaptionTrack moved = tapper->result(UntimedLines::MoveAfterLastTapped);
    REQUIRE(moved.cues.size() == 3);
    CHECK(moved.cues[0].end == seconds(7.5));
    CHECK(moved.cues[1].start == seconds(7.58));
    CHECK(moved.cues[1].end == seconds(9));  // 2 s long, cut at the sound's end
    CHECK(moved.cues[2].start == seconds(9.08));  // no room left: past the end, and said so
    Diagnostics found = tapper->check(vtt.string(), UntimedLines::MoveAfterLastTapped);
    REQUIRE(found.all().size() == 1);
    CHECK(found.all()[0].code == "caption-past-end");
    CHECK(found.all()[0].where.line == 9);
    CHECK(found.all()[0].message.find("never shown") != std::string::npos);
}

TEST_CASE("caption tapper: cues that overlapped before the retime are saved as they were, and the check says so") {
    testing::StudioFixture f;
    auto vtt = f.folder / "stacked.vtt";
    writeFile(vtt, "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nOne\n\n00:00:03.000 --> 00:00:05.000\nTwo\n\n"
                   "00:00:04.000 --> 00:00:06.000\nThree\n");
    Diagnostics diagnostics;
    auto tapper = loadCaptionTapper(vtt, kAudioEnd, diagnostics);
    REQUIRE(tapper);
    CHECK(tapper->tap(seconds(1.5)));
    CHECK_FALSE(tapper->untimedLinesClash());
    Diagnostics found = tapper->check(vtt.string());
    REQUIRE(found.all().size() == 1);
    CHECK(found.all()[0].code == "caption-overlap");
    CHECK(found.all()[0].where.line == 9);
    REQUIRE_FALSE(tapper->save(vtt));
}

}  // namespace vitrine::studio
