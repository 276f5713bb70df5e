#include "studio/timing_edits.h"

#include <doctest/doctest.h>

#include "script/script_loader.h"
#include "studio/studio_fixture.h"

namespace vitrine::studio {
namespace {

using testing::kStudioFixture;
using testing::StudioFixture;

// The text `recipe` makes of `text`, or the error it gives, as "error: …".
std::string made(const std::string& text, const EditRecipe& recipe) {
    Diagnostics diagnostics;
    auto script = loadScriptFromText(text, "exhibit.xml", diagnostics, diskFileReader());
    REQUIRE(script);
    auto edit = recipe(text, *script);
    if (!edit) return "error: " + edit.error().message;
    std::string out = text;
    applyEdit(out, *edit);
    return out;
}

// The path of the first `name` element in the first scene.
ElementPath inScene(const std::string& name, int scene = 0) {
    return ElementPath{{{"scene", scene}, {name, 0}}};
}

const char* kMedia = R"(<exhibit size="1280x720">
  <scene id="intro" dur="10s" transition="fade 1.5s">
    <audio src="voice.wav"  in="2s" begin="1s" dur="6s"/>
    <video src="clip.mp4" begin="intro.end+1s"/>
  </scene>
  <scene id="next" dur="4s">
    <text begin="0:01.5" end="0:03">Words</text>
  </scene>
</exhibit>
)";

using testing::replaced;

}  // namespace

TEST_CASE("timing edits: a time is written again in the unit the designer used") {
    CHECK(formatTimeLike("2s", seconds(3.5)) == "3.5s");
    CHECK(formatTimeLike("2s", millis(3040)) == "3.04s");
    CHECK(formatTimeLike("2500ms", millis(3040)) == "3040ms");
    CHECK(formatTimeLike("0:02.5", millis(3540)) == "0:03.54");
    CHECK(formatTimeLike("1:00:00", seconds(3600 + 62.5)) == "1:01:02.5");
    CHECK(formatTimeLike("4", millis(4040)) == "4.04");
    CHECK(formatTimeLike("1min", seconds(90)) == "1.5min");
    CHECK(formatTimeLike("1min", millis(61300)) == "61.3s");  // not "1.02166…min"
    CHECK(formatTimeLike("2s", -seconds(1)) == "-1s");
    CHECK(formatTimeLike("", seconds(75)) == formatTime(seconds(75)));
}

TEST_CASE("timing edits: a syncbase keeps its base and changes its offset") {
    CHECK(*shiftTimeValue("2s", millis(1500)) == "3.5s");
    CHECK(*shiftTimeValue(" 2s ", -seconds(2)) == "0s");
    CHECK(*shiftTimeValue("intro.end+1s", millis(500)) == "intro.end+1.5s");
    CHECK(*shiftTimeValue("intro.end+1s", -seconds(3)) == "intro.end-2s");
    CHECK(*shiftTimeValue("intro.begin-500ms", seconds(1)) == "intro.begin+500ms");
    CHECK(*shiftTimeValue("intro.end", seconds(2)) == "intro.end+2s");
    auto bad = shiftTimeValue("when ready", seconds(1));
    REQUIRE_FALSE(bad);
    CHECK(bad.error().message.find("not a time the studio can move") != std::string::npos);
    CHECK_FALSE(shiftTimeValue("intro.end+", seconds(1)));
    CHECK_FALSE(shiftTimeValue("intro+1s", seconds(1)));
}

TEST_CASE("timing edits: edits of several attributes are one edit, what lies between them kept") {
    std::string text = R"(<text begin="1s" x="5" dur="4s"/>)";
    TextEdit merged = combineEdits(text, {{28, 2, "3s"}, {13, 2, "2s"}});
    CHECK(merged.offset == 13);
    applyEdit(text, merged);
    CHECK(text == R"(<text begin="2s" x="5" dur="3s"/>)");
}

TEST_CASE("timing edits: moving a chip changes begin only, in its unit, formatting kept") {
    const std::string text = kStudioFixture;
    ElementPath first = inScene("text");
    CHECK(made(text, timingRecipe(first, TimingDrag::Move, millis(1500), seconds(4))) ==
          replaced(text, R"(begin="1s"  dur = '4s')", R"(begin="2.5s"  dur = '4s')"));
    // Never before the parent's start: the chip stops there.
    CHECK(made(text, timingRecipe(first, TimingDrag::Move, -seconds(3), seconds(4))) ==
          replaced(text, R"(begin="1s")", R"(begin="0s")"));
    // Without a begin, one is written.
    ElementPath closing = inScene("text", 1);
    CHECK(made(text, timingRecipe(closing, TimingDrag::Move, seconds(1), seconds(6))) ==
          replaced(text, R"(<text x="100" y="100" width="1000" height="200" dur="6s">)",
                   R"(<text begin="1s" x="100" y="100" width="1000" height="200" dur="6s">)"));
    CHECK(made(text, timingRecipe(closing, TimingDrag::Move, -seconds(1), seconds(6))).starts_with("error: "));
}

TEST_CASE("timing edits: a moved element written with end moves its end too, on the same clock") {
    const std::string text = kMedia;
    CHECK(made(text, timingRecipe(inScene("text", 1), TimingDrag::Move, millis(500), millis(1500))) ==
          replaced(text, R"(begin="0:01.5" end="0:03")", R"(begin="0:02" end="0:03.5")"));
}

TEST_CASE("timing edits: a syncbase begin is moved by its offset") {
    const std::string text = kMedia;
    CHECK(made(text, timingRecipe(inScene("video"), TimingDrag::Move, -seconds(2), seconds(5))) ==
          replaced(text, R"(begin="intro.end+1s")", R"(begin="intro.end-1s")"));
}

TEST_CASE("timing edits: trimming the start moves begin and shortens dur, media start later in the file") {
    const std::string text = kStudioFixture;
    CHECK(made(text, timingRecipe(inScene("text"), TimingDrag::TrimStart, seconds(1), seconds(4))) ==
          replaced(text, R"(begin="1s"  dur = '4s')", R"(begin="2s"  dur = '3s')"));
    CHECK(made(text, timingRecipe(inScene("text"), TimingDrag::TrimStart, seconds(4), seconds(4))).starts_with("error: "));

    const std::string media = kMedia;
    CHECK(made(media, timingRecipe(inScene("audio"), TimingDrag::TrimStart, millis(500), seconds(6))) ==
          replaced(media, R"(in="2s" begin="1s" dur="6s")", R"(in="2.5s" begin="1.5s" dur="5.5s")"));
    // Not before the file's start: in="2s" allows two seconds back, begin="1s" one.
    CHECK(made(media, timingRecipe(inScene("audio"), TimingDrag::TrimStart, -seconds(5), seconds(6))) ==
          replaced(media, R"(in="2s" begin="1s" dur="6s")", R"(in="1s" begin="0s" dur="7s")"));
    // Written with end: begin moves, end stays.
    CHECK(made(media, timingRecipe(inScene("text", 1), TimingDrag::TrimStart, millis(500), millis(1500))) ==
          replaced(media, R"(begin="0:01.5")", R"(begin="0:02")"));
}

TEST_CASE("timing edits: trimming the end changes dur, or end when that is written, or writes a dur") {
    const std::string text = kStudioFixture;
    CHECK(made(text, timingRecipe(inScene("text"), TimingDrag::TrimEnd, seconds(1), seconds(4))) ==
          replaced(text, R"(dur = '4s')", R"(dur = '5s')"));
    CHECK(made(text, timingRecipe(inScene("text"), TimingDrag::TrimEnd, -seconds(4), seconds(4))).starts_with("error: "));
    // The second <text> lasts until its scene ends (5 s): a dur is written.
    CHECK(made(text, timingRecipe(ElementPath{{{"scene", 0}, {"text", 1}}}, TimingDrag::TrimEnd, -seconds(2), seconds(5))) ==
          replaced(text, R"(<text x="100" y="400")", R"(<text dur="3s" x="100" y="400")"));
    const std::string media = kMedia;
    CHECK(made(media, timingRecipe(inScene("text", 1), TimingDrag::TrimEnd, millis(250), millis(1500))) ==
          replaced(media, R"(end="0:03")", R"(end="0:03.25")"));
}

TEST_CASE("timing edits: a transition's length changes inside its attribute, its kind kept") {
    const std::string media = kMedia;
    CHECK(made(media, transitionLengthRecipe(ElementPath{{{"scene", 0}}}, millis(500))) ==
          replaced(media, R"(transition="fade 1.5s")", R"(transition="fade 2s")"));
    std::string error = made(media, transitionLengthRecipe(ElementPath{{{"scene", 1}}}, millis(500)));
    CHECK(error.find("default-transition") != std::string::npos);
    CHECK(made(media, transitionLengthRecipe(ElementPath{{{"scene", 0}}}, -seconds(2))).starts_with("error: "));
}

TEST_CASE("timing edits: a move through the document is one undoable edit") {
    StudioFixture f;
    StudioDocument doc(f.file);
    REQUIRE(doc.show());
    CHECK_FALSE(doc.edit("trim", timingRecipe(inScene("text"), TimingDrag::TrimStart, seconds(1), seconds(4))));
    CHECK(doc.text() == replaced(kStudioFixture, R"(begin="1s"  dur = '4s')", R"(begin="2s"  dur = '3s')"));
    CHECK(doc.show()->items[0].begin == seconds(2));
    CHECK(doc.show()->items[0].end == seconds(5));
    REQUIRE(doc.undo());
    CHECK(doc.text() == kStudioFixture);
}

}  // namespace vitrine::studio

namespace vitrine::studio {

TEST_CASE("timing edits: dragging a map's marker, a transition's edge and a scene's end edits their own elements") {
    const char* show = R"(<exhibit size="1280x720">
  <scene id="places" dur="12s" transition="fade 1.5s">
    <map view="43.5,38.5 → 51,42.5">
      <marker at="49.87,40.41" label="Baku" begin="2s"/>
    </map>
  </scene>
  <scene id="after" dur="4s" transition="dip 1s">
    <text>Words</text>
  </scene>
</exhibit>
)";
    StudioFixture f(show);
    StudioDocument doc(f.file);
    REQUIRE(doc.show());
    TimelineLayout layout = layoutTimeline(doc);
    auto chip = [&](ChipKind kind, int index) {
        for (const Chip& c : layout.chips)
            if (c.kind == kind && c.target.index == index) return c;
        FAIL("no such chip");
        return Chip{};
    };
    std::string expected = show;
    CHECK_FALSE(dragChip(doc, chip(ChipKind::MapChild, 0), ChipPart::Body, seconds(3)));
    expected = replaced(expected, R"(label="Baku" begin="2s")", R"(label="Baku" begin="5s")");
    CHECK(doc.text() == expected);
    CHECK_FALSE(dragChip(doc, chip(ChipKind::Transition, 1), ChipPart::EndEdge, millis(500)));
    expected = replaced(expected, R"(transition="dip 1s")", R"(transition="dip 1.5s")");
    CHECK(doc.text() == expected);
    CHECK_FALSE(dragChip(doc, chip(ChipKind::Scene, 0), ChipPart::EndEdge, -seconds(2)));
    expected = replaced(expected, R"(<scene id="places" dur="12s")", R"(<scene id="places" dur="10s")");
    CHECK(doc.text() == expected);
    // A scene's body follows the scene before it: refused, with why.
    auto refused = dragChip(doc, chip(ChipKind::Scene, 1), ChipPart::Body, seconds(1));
    REQUIRE(refused);
    CHECK(refused->message.find("follows the one before it") != std::string::npos);
    CHECK(doc.undoDescription() == "trimmed the end of <scene> at line 2 -2s");
    CHECK(doc.text() == expected);
}

}  // namespace vitrine::studio
