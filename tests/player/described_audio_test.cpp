// The audio description in the player: its cues are heard only while it plays, its
// words' times are read from its captions for the mixer's ducking, and a site's audio
// language picks its track.
#include <doctest/doctest.h>

#include <fstream>
#include <set>

#include "exhibit/exhibit_loader.h"
#include "media/media_test_files.h"
#include "player/described_audio.h"
#include "player/language_choice.h"

using namespace vitrine;

namespace {

const char* const kExhibit = R"(<exhibit title="Described" lang="en">
  <audio kind="description" src="audio/description.ogg" captions="audio/description.vtt" credit="c"/>
  <scene id="one" dur="10s">
    <audio src="audio/testimony.wav" captions="audio/testimony.vtt" credit="c"/>
  </scene>
</exhibit>)";

Show compile(const std::filesystem::path& file) {
    auto loaded = loadExhibitFromText(kExhibit, file.string());
    REQUIRE(loaded.show);
    REQUIRE(loaded.show->items.size() == 2);
    REQUIRE(loaded.show->items[0].description);
    return *loaded.show;
}

}  // namespace

TEST_CASE("described audio in the player: its cues are left out while it does not play") {
    Show show = compile("/exhibits/test/exhibit.xml");
    const std::vector<AudioCue> cues{{0, seconds(2), 1.0}, {1, seconds(2), 1.0}};
    auto off = heardCues(show, cues, false);
    REQUIRE(off.size() == 1);
    CHECK(off[0].item == 1);
    CHECK(heardCues(show, cues, true).size() == 2);
}

TEST_CASE("described audio in the player: the words' cues are when it speaks") {
    vitrine::test::TempDir dir;
    std::filesystem::create_directories(dir / "audio");
    std::ofstream(dir / "audio/description.vtt") << "WEBVTT\n\ntitle+1s\n00:00:01.000 --> 00:00:03.500\nA title.\n\n"
                                                    "one+4s\n00:00:06.000 --> 00:00:07.000\nA map.\n";
    Show show = compile(dir / "exhibit.xml");
    markSpokenSpans(show);
    using Span = std::pair<Micros, Micros>;
    CHECK(show.items[0].spokenSpans == std::vector<Span>{{seconds(1), seconds(3.5)}, {seconds(6), seconds(7)}});
    CHECK(show.items[1].spokenSpans.empty());  // not a description: never ducks the others
}

TEST_CASE("described audio in the player: the site's audio language picks the track and its words") {
    Show show = compile("/exhibits/test/exhibit.xml");
    std::set<std::string> files{"/exhibits/test/audio/description.fr.ogg", "/exhibits/test/audio/description.fr.vtt",
                                "/exhibits/test/audio/testimony.fr.vtt"};
    auto exists = [&](const std::filesystem::path& p) { return files.count(p.string()) > 0; };
    Show french = chooseLanguages(show, LanguageChoice{{"fr", "en"}, {}}, exists);
    CHECK(french.items[0].src == "/exhibits/test/audio/description.fr.ogg");
    CHECK(french.items[0].captions == "/exhibits/test/audio/description.fr.vtt");
    CHECK(french.items[1].captions == "/exhibits/test/audio/testimony.vtt");  // captions follow the caption languages
    Show english = chooseLanguages(show, LanguageChoice{{"en", "fr"}, {}}, exists);
    CHECK(english.items[0].src == "/exhibits/test/audio/description.ogg");
    Show german = chooseLanguages(show, LanguageChoice{{"de"}, {}}, exists);
    CHECK(german.items[0].src == "/exhibits/test/audio/description.ogg");  // none in German: the one written
}
