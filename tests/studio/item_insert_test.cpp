// Inserting items without a window: where they go, the exact text written (indented as the
// siblings, nothing else changed), undo back to the same bytes, and the show it compiles to.

#include <doctest/doctest.h>

#include <SFML/Graphics/Image.hpp>

#include <filesystem>

#include "exhibit/exhibit_loader.h"
#include "studio/item_insert.h"
#include "studio/studio_document.h"
#include "studio/studio_fixture.h"
#include "support/build_paths.h"

namespace vitrine::studio {
namespace {

// `text` with `inserted` put right after the first occurrence of `after`.
std::string insertedAfter(std::string text, const std::string& after, const std::string& inserted) {
    auto at = text.find(after);
    REQUIRE(at != std::string::npos);
    return text.insert(at + after.size(), inserted);
}

int countDiagnostics(const Diagnostics& diagnostics, const std::string& code) {
    int n = 0;
    for (const auto& d : diagnostics.all())
        if (d.code == code) ++n;
    return n;
}

void writePicture(const std::filesystem::path& file) {
    sf::Image image;
    image.create(64, 48, sf::Color(120, 90, 60));
    REQUIRE(image.saveToFile(file.string()));
}

}  // namespace

TEST_CASE("insert: a picture goes last in the scene, indented as its siblings, and undo restores every byte") {
    testing::StudioFixture f;
    std::filesystem::create_directories(f.folder / "pictures");
    writePicture(f.folder / "pictures" / "harbour.png");
    StudioDocument doc(f.file);
    REQUIRE(doc.show());
    const std::string before = doc.text();
    const int closing = doc.show()->sceneById("closing");

    auto target = insertTarget(*doc.show(), {}, doc.show()->scenes[closing].begin + 2'000'000, std::nullopt, std::nullopt);
    REQUIRE(target);
    CHECK(target->scene == closing);
    CHECK(target->begin == 2'000'000);
    REQUIRE_FALSE(insertItem(doc, *target, {InsertKind::Image, "pictures/harbour.png", "", std::nullopt}));

    CHECK(doc.text() == insertedAfter(before, "The end</text>\n",
                                      "    <image src=\"pictures/harbour.png\" fit=\"contain\" begin=\"2s\"/>\n"));
    // The new item is in the show, in that scene, from 2s into it, over the whole canvas; it is selected.
    const Show& show = *doc.show();
    REQUIRE(doc.selection().kind == Selection::Kind::Item);
    const Item& item = show.items[doc.selection().index];
    CHECK(item.kind == ItemKind::Image);
    CHECK(item.scene == closing);
    CHECK(item.begin == show.scenes[closing].begin + 2'000'000);
    CHECK(item.box.width == doctest::Approx(1280));
    CHECK(item.box.height == doctest::Approx(720));
    // Nothing is wrong but the credit the designer must give.
    CHECK(doc.diagnostics().errorCount() == 0);
    CHECK(countDiagnostics(doc.diagnostics(), "missing-credit") == 1);

    REQUIRE(doc.undo());
    CHECK(doc.text() == before);
    REQUIRE(doc.redo());
    CHECK(doc.text().find("<image src=\"pictures/harbour.png\"") != std::string::npos);
}

TEST_CASE("insert: a text in the default style goes into the selected scene at the playhead and checks clean") {
    testing::StudioFixture f;
    StudioDocument doc(f.file);
    REQUIRE(doc.show());
    const std::string before = doc.text();
    const int warningsBefore = static_cast<int>(doc.diagnostics().all().size());
    const int opening = doc.show()->sceneById("opening");
    doc.selectScene(opening);

    auto target = insertTarget(*doc.show(), doc.selection(), 3'500'000, std::nullopt, std::nullopt);
    REQUIRE(target);
    REQUIRE_FALSE(insertItem(doc, *target, {InsertKind::Text, "Fishermen & <their> boats", "", std::nullopt}));
    CHECK(doc.text() == insertedAfter(before, "Second words</text>\n",
                                      "    <text x=\"10%\" y=\"35%\" width=\"80%\" height=\"30%\" begin=\"3.5s\">"
                                      "Fishermen &amp; &lt;their&gt; boats</text>\n"));
    const Item& item = doc.show()->items[doc.selection().index];
    CHECK(item.kind == ItemKind::Text);
    CHECK(item.style.size == doctest::Approx(40));  // the exhibit's default style
    CHECK(static_cast<int>(doc.diagnostics().all().size()) == warningsBefore);
}

TEST_CASE("insert: a sound takes its caption file, a dropped picture is placed at the drop inside the canvas") {
    NewItem sound = newItem({InsertKind::Audio, "audio/voice.wav", "audio/voice.vtt", std::nullopt}, 0, {1920, 1080});
    CHECK(sound.xml() == "<audio src=\"audio/voice.wav\" captions=\"audio/voice.vtt\"/>");
    NewItem map = newItem({InsertKind::Map, "maps/region.geojson", "", std::nullopt}, 1'250'000, {1920, 1080});
    CHECK(map.xml() == "<map src=\"maps/region.geojson\" begin=\"1.25s\"/>");

    InsertRequest drop{InsertKind::Image, "a.jpg", "", CanvasPoint{960, 540}};
    CHECK(newItem(drop, 0, {1920, 1080}).xml() ==
          "<image src=\"a.jpg\" fit=\"contain\" x=\"480\" y=\"270\" width=\"960\" height=\"540\"/>");
    drop.place = CanvasPoint{1900, 20};  // near the top-right corner: the box stays on the canvas
    CHECK(newItem(drop, 0, {1920, 1080}).xml() ==
          "<image src=\"a.jpg\" fit=\"contain\" x=\"960\" y=\"0\" width=\"960\" height=\"540\"/>");
}

TEST_CASE("insert: where it goes: a named scene, the selection's scene, the playhead's, and when it begins") {
    testing::StudioFixture f;
    StudioDocument doc(f.file);
    const Show& show = *doc.show();
    const int opening = show.sceneById("opening"), closing = show.sceneById("closing");
    const Micros inClosing = show.scenes[closing].begin + 1'000'000;

    auto named = insertTarget(show, {}, inClosing, std::string("opening"), std::nullopt);
    REQUIRE(named);
    CHECK(named->scene == opening);
    CHECK(named->begin == 0);  // the playhead is in another scene
    auto at = insertTarget(show, {}, inClosing, std::nullopt, 4'000'000);
    REQUIRE(at);
    CHECK(at->scene == closing);
    CHECK(at->begin == 4'000'000);
    auto selectedScene = insertTarget(show, {Selection::Kind::Scene, opening}, inClosing, std::nullopt, std::nullopt);
    REQUIRE(selectedScene);
    CHECK(selectedScene->scene == opening);
    CHECK(selectedScene->begin == 0);
    // A selected item does not choose the scene: the playhead has moved on to another.
    auto itemSelected = insertTarget(show, {Selection::Kind::Item, show.scenes[opening].items[0]}, inClosing,
                                     std::nullopt, std::nullopt);
    REQUIRE(itemSelected);
    CHECK(itemSelected->scene == closing);
    CHECK(itemSelected->begin == 1'000'000);
    CHECK_FALSE(insertTarget(show, {}, 0, std::string("nowhere"), std::nullopt));
    CHECK_FALSE(insertTarget(show, {}, show.duration + 1'000'000, std::nullopt, std::nullopt));
}

TEST_CASE("insert: the scene's own layout is followed: self-closing, on one line, empty, tab-indented, nested") {
    auto check = [](const std::string& text, const std::string& expected) {
        auto loaded = loadExhibitFromText(text, "inline.xml");
        REQUIRE(loaded.script);
        ElementPath scene{{{"scene", 0}}};
        auto edit = insertChildEdit(text, *loaded.script, scene, NewItem{"image", {{"src", "a.png"}}, ""});
        REQUIRE(edit);
        std::string out = text;
        applyEdit(out, *edit);
        CHECK(out == expected);
    };
    check("<exhibit>\n  <scene id=\"a\" dur=\"5s\"/>\n</exhibit>\n",
          "<exhibit>\n  <scene id=\"a\" dur=\"5s\">\n    <image src=\"a.png\"/>\n  </scene>\n</exhibit>\n");
    check("<exhibit>\n  <scene id=\"a\" dur=\"5s\"><text>Hi</text></scene>\n</exhibit>\n",
          "<exhibit>\n  <scene id=\"a\" dur=\"5s\"><text>Hi</text>\n    <image src=\"a.png\"/>\n  </scene>\n</exhibit>\n");
    check("<exhibit>\n\t<scene id=\"a\" dur=\"5s\">\n\t</scene>\n</exhibit>\n",
          "<exhibit>\n\t<scene id=\"a\" dur=\"5s\">\n\t\t<image src=\"a.png\"/>\n\t</scene>\n</exhibit>\n");
    // A comment holding an end tag, and a <par> inside: the scene's own end tag is found.
    check("<exhibit>\n<scene id=\"a\" dur=\"5s\">\n      <!-- </scene> -->\n      <par><text>Hi</text></par>\n</scene>\n"
          "<scene id=\"b\" dur=\"5s\"/>\n</exhibit>\n",
          "<exhibit>\n<scene id=\"a\" dur=\"5s\">\n      <!-- </scene> -->\n      <par><text>Hi</text></par>\n"
          "      <image src=\"a.png\"/>\n</scene>\n<scene id=\"b\" dur=\"5s\"/>\n</exhibit>\n");
}

TEST_CASE("insert: an element's span counts same-named elements nested inside it") {
    std::string text = "<exhibit>\n  <par>\n    <par><text>x</text></par>\n  </par>\n</exhibit>\n";
    auto span = elementSpan(text, {"", 2, 3}, "par");
    REQUIRE(span);
    CHECK(text.substr(span->closeBegin, span->end - span->closeBegin) == "</par>");
    CHECK(text.substr(span->closeBegin - 2, 2) == "  ");  // the outer one's, at the start of line 4
    CHECK(lineOf(text, span->closeBegin) == 4);
}

TEST_CASE("insert: the words of an insert action: the subject, then 'at TIME' and 'in SCENE' from the end") {
    auto words = parseInsertWords("Waiting at the station at 2.5s in closing");
    REQUIRE(words);
    CHECK(words->subject == "Waiting at the station");
    CHECK(words->at == 2'500'000);
    CHECK(words->scene == "closing");
    auto reversed = parseInsertWords("pictures/a.jpg in opening at 1s");
    REQUIRE(reversed);
    CHECK(reversed->subject == "pictures/a.jpg");
    CHECK(reversed->at == 1'000'000);
    CHECK(reversed->scene == "opening");
    // A text ending "in WORD" names a scene: the action then says there is no such scene.
    auto trailing = parseInsertWords("Live in Baku");
    REQUIRE(trailing);
    CHECK(trailing->subject == "Live");
    CHECK(trailing->scene == "Baku");
    CHECK_FALSE(parseInsertWords("at 2s"));  // nothing to insert
    CHECK_FALSE(parseInsertWords("a.jpg at soon"));
}

TEST_CASE("insert: into an advisory or a broken file, nothing changes and the reason is given") {
    testing::StudioFixture f(R"(<exhibit size="1280x720">
  <advisory id="advisory" dur="10s"><p>Violence is described.</p></advisory>
  <scene id="a" dur="5s"/>
</exhibit>
)");
    StudioDocument doc(f.file);
    REQUIRE(doc.show());
    const std::string before = doc.text();
    auto error = insertItem(doc, {doc.show()->sceneById("advisory"), 0}, {InsertKind::Text, "Hello", "", std::nullopt});
    REQUIRE(error);
    CHECK(error->message.find("advisory") != std::string::npos);
    CHECK(doc.text() == before);
    CHECK_FALSE(doc.canUndo());
}

}  // namespace vitrine::studio
