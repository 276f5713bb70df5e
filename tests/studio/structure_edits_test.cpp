#include "studio/structure_edits.h"

#include <doctest/doctest.h>

#include "studio/studio_document.h"
#include "studio/studio_fixture.h"

namespace vitrine::studio {
namespace {

// Blank lines between the scenes, a comment, a multi-line start tag, a style that uses
// another and an item that uses a style: what a structural edit must keep or keep right.
const char* kExhibit = R"(<?xml version="1.0" encoding="UTF-8"?>
<exhibit title="Structure" size="1280x720" lang="en">
  <style id="default" font="serif" size="40" color="#efe6d6"/>
  <style id="quiet" base="default" color="#b8ad9a"/>

  <scene id="opening" title="Opening" dur="10s">
    <!-- The first words. -->
    <text id="first" style="quiet" x="100" y="100" width="1000" height="200"
          begin="1s" dur="4s">First words</text>
  </scene>

  <scene id="closing" dur="8s">
    <text x="100" y="100" width="1000" height="200">The end</text>
  </scene>

</exhibit>
)";

const std::string kOpening = R"(  <scene id="opening" title="Opening" dur="10s">
    <!-- The first words. -->
    <text id="first" style="quiet" x="100" y="100" width="1000" height="200"
          begin="1s" dur="4s">First words</text>
  </scene>
)";

const std::string kClosing = R"(  <scene id="closing" dur="8s">
    <text x="100" y="100" width="1000" height="200">The end</text>
  </scene>
)";

ElementPath path(std::vector<ElementPath::Step> steps) { return ElementPath{std::move(steps)}; }
const ElementPath kOpeningPath = path({{"scene", 0}});
const ElementPath kClosingPath = path({{"scene", 1}});
const ElementPath kFirstText = path({{"scene", 0}, {"text", 0}});

using testing::replaced;

// Makes `recipe` on the exhibit through the document, as the studio does: the result
// compiles without errors, and undo gives the file back byte for byte. The edited text.
std::string edited(const EditRecipe& recipe) {
    testing::StudioFixture f(kExhibit);
    StudioDocument doc(f.file);
    auto error = doc.edit("structure", recipe);
    INFO((error ? error->message : std::string()));
    REQUIRE_FALSE(error);
    std::string out = doc.text();
    INFO(out);
    CHECK_FALSE(doc.diagnostics().hasErrors());
    REQUIRE(doc.undo());
    CHECK(doc.text() == kExhibit);
    return out;
}

// Why `recipe` is refused (the text unchanged).
std::string refusal(const EditRecipe& recipe) {
    testing::StudioFixture f(kExhibit);
    StudioDocument doc(f.file);
    auto error = doc.edit("structure", recipe);
    CHECK(doc.text() == kExhibit);
    CHECK_FALSE(doc.canUndo());
    return error ? error->message : std::string();
}

// The script of the exhibit, for the functions that read it alone.
struct Loaded {
    testing::StudioFixture fixture{kExhibit};
    StudioDocument doc{fixture.file};
    const Script& script() { return *doc.script(); }
};

}  // namespace

TEST_CASE("structure edits: a fresh id is the name itself when free, else its stem with the next number") {
    CHECK(freshId("intro", {"opening"}) == "intro");
    CHECK(freshId("intro", {"intro"}) == "intro-2");
    CHECK(freshId("intro-2", {"intro", "intro-2"}) == "intro-3");
    CHECK(freshId("intro", {"intro", "intro-2", "intro-3"}) == "intro-4");
    CHECK(freshId("1990", {"1990"}) == "1990-2");
    CHECK(freshId("january-13", {"january-13"}) == "january-13-2");  // a date, not a copy's number
}

TEST_CASE("structure edits: the scenes in playing order, the ids, the styles and what refers to a style") {
    Loaded l;
    auto scenes = sceneElements(l.script());
    REQUIRE(scenes.size() == 2);
    CHECK(scenes[0]->value("id") == "opening");
    CHECK(scenes[1]->value("id") == "closing");
    CHECK(idsIn(l.script(), IdSpace::Element) == std::vector<std::string>{"opening", "first", "closing"});
    CHECK(idsIn(l.script(), IdSpace::Style) == std::vector<std::string>{"default", "quiet"});
    CHECK(styleNames(l.script()) == std::vector<std::string>{"default", "quiet"});
    CHECK(referencesTo(l.script(), "quiet", IdSpace::Style) == std::vector<std::string>{"<text> at line 8"});
    CHECK(referencesTo(l.script(), "default", IdSpace::Style) == std::vector<std::string>{"<style> at line 4"});
    CHECK(referencesTo(l.script(), "quiet", IdSpace::Element).empty());
}

TEST_CASE("structure edits: copy takes the element as written, its own indentation off its later lines") {
    Loaded l;
    auto copied = copyElement(l.doc.text(), l.script(), kFirstText);
    REQUIRE(copied);
    CHECK(*copied == "<text id=\"first\" style=\"quiet\" x=\"100\" y=\"100\" width=\"1000\" height=\"200\"\n"
                     "      begin=\"1s\" dur=\"4s\">First words</text>");
}

TEST_CASE("structure edits: duplicating a scene writes the copy after it, indented alike, with fresh ids") {
    std::string out = edited([](std::string_view text, const Script& script) {
        return duplicateElement(text, script, kOpeningPath);
    });
    std::string copy = replaced(replaced(kOpening, "\"opening\"", "\"opening-2\""), "\"first\"", "\"first-2\"");
    CHECK(out == replaced(kExhibit, kOpening, kOpening + "\n" + copy));
}

TEST_CASE("structure edits: duplicating an item writes the copy on the next line, with a fresh id") {
    std::string out = edited([](std::string_view text, const Script& script) {
        return duplicateElement(text, script, kFirstText);
    });
    const std::string item = "    <text id=\"first\" style=\"quiet\" x=\"100\" y=\"100\" width=\"1000\" height=\"200\"\n"
                             "          begin=\"1s\" dur=\"4s\">First words</text>\n";
    CHECK(out == replaced(kExhibit, item, item + replaced(item, "\"first\"", "\"first-2\"")));
}

TEST_CASE("structure edits: deleting a scene takes its lines and one of the blank lines around it") {
    std::string out = edited([](std::string_view text, const Script& script) {
        return deleteElement(text, script, kClosingPath);
    });
    CHECK(out == replaced(kExhibit, "\n" + kClosing, ""));
    out = edited([](std::string_view text, const Script& script) { return deleteElement(text, script, kFirstText); });
    CHECK(out == replaced(kExhibit,
                          "    <text id=\"first\" style=\"quiet\" x=\"100\" y=\"100\" width=\"1000\" height=\"200\"\n"
                          "          begin=\"1s\" dur=\"4s\">First words</text>\n",
                          ""));
}

TEST_CASE("structure edits: deleting what others refer to is refused, naming them") {
    std::string why = refusal([](std::string_view text, const Script& script) {
        return deleteElement(text, script, path({{"style", 1}}));
    });
    CHECK(why == "cannot delete <style> at line 4: <text> at line 8 (style=\"quiet\") uses it; change that first");
    why = refusal([](std::string_view text, const Script& script) {
        return deleteElement(text, script, path({{"style", 0}}));
    });
    CHECK(why == "cannot delete <style> at line 3: <style> at line 4 (base=\"default\") uses it; change that first");
}

TEST_CASE("structure edits: an item pasted into another scene goes last, at its children's indentation") {
    Loaded l;
    auto copied = copyElement(l.doc.text(), l.script(), kFirstText);
    REQUIRE(copied);
    std::string out = edited([fragment = *copied](std::string_view text, const Script& script) {
        return pasteElement(text, script, kClosingPath, fragment);
    });
    CHECK(out == replaced(kExhibit, "The end</text>\n",
                          "The end</text>\n"
                          "    <text id=\"first-2\" style=\"quiet\" x=\"100\" y=\"100\" width=\"1000\" height=\"200\"\n"
                          "          begin=\"1s\" dur=\"4s\">First words</text>\n"));
}

TEST_CASE("structure edits: a scene pasted while an item is selected goes after that item's scene") {
    Loaded l;
    auto copied = copyElement(l.doc.text(), l.script(), kClosingPath);
    REQUIRE(copied);
    std::string out = edited([fragment = *copied](std::string_view text, const Script& script) {
        return pasteElement(text, script, kFirstText, fragment);
    });
    CHECK(out == replaced(kExhibit, kOpening, kOpening + "\n" + replaced(kClosing, "\"closing\"", "\"closing-2\"")));
}

TEST_CASE("structure edits: pasting into an empty self-closed scene opens it") {
    const std::string empty = "  <scene id=\"empty\" dur=\"5s\"/>\n";
    testing::StudioFixture f(replaced(kExhibit, kClosing, kClosing + empty));
    StudioDocument doc(f.file);
    auto fragment = copyElement(doc.text(), *doc.script(), kFirstText);
    REQUIRE(fragment);
    REQUIRE_FALSE(doc.edit("paste", [&](std::string_view text, const Script& script) {
        return pasteElement(text, script, path({{"scene", 2}}), *fragment);
    }));
    CHECK(doc.text() == replaced(kExhibit, kClosing,
                                 kClosing + "  <scene id=\"empty\" dur=\"5s\">\n"
                                            "    <text id=\"first-2\" style=\"quiet\" x=\"100\" y=\"100\" width=\"1000\" height=\"200\"\n"
                                            "          begin=\"1s\" dur=\"4s\">First words</text>\n"
                                            "  </scene>\n"));
}

TEST_CASE("structure edits: a new scene comes after the selected one, with a fresh id and the duration given") {
    std::string out = edited([](std::string_view text, const Script& script) {
        return newScene(text, script, kOpeningPath, 10 * kMicrosPerSecond);
    });
    CHECK(out == replaced(kExhibit, kOpening,
                          kOpening + "\n  <scene id=\"scene-3\" title=\"New scene\" dur=\"10s\">\n  </scene>\n"));
    out = edited([](std::string_view text, const Script& script) {
        return newScene(text, script, std::nullopt, 6 * kMicrosPerSecond);
    });
    CHECK(out == replaced(kExhibit, kClosing,
                          kClosing + "\n  <scene id=\"scene-3\" title=\"New scene\" dur=\"6s\">\n  </scene>\n"));
}

TEST_CASE("structure edits: moving a scene earlier or later moves its lines whole") {
    const std::string swapped = replaced(replaced(kExhibit, kOpening, "@@"), kClosing, kOpening);
    const std::string expected = replaced(swapped, "@@", kClosing);
    CHECK(edited([](std::string_view text, const Script& script) { return moveScene(text, script, kClosingPath, 0); }) ==
          expected);
    CHECK(edited([](std::string_view text, const Script& script) { return moveScene(text, script, kOpeningPath, 1); }) ==
          expected);
    CHECK(refusal([](std::string_view text, const Script& script) { return moveScene(text, script, kOpeningPath, 0); }) ==
          "the scene is already in place 1");
    CHECK(refusal([](std::string_view text, const Script& script) { return moveScene(text, script, kOpeningPath, 2); }) ==
          "there is no place 3 among the 2 scenes");
}

TEST_CASE("structure edits: a moved scene takes the comment above it, and goes above the comment of the scene it passes") {
    const std::string commented = replaced(kExhibit, kClosing, "  <!-- The end. -->\n" + kClosing);
    const std::string openingNoted = replaced(commented, kOpening, "  <!-- The start. -->\n" + kOpening);
    testing::StudioFixture f(openingNoted);
    StudioDocument doc(f.file);
    REQUIRE_FALSE(doc.edit("move", [](std::string_view text, const Script& script) {
        return moveScene(text, script, kClosingPath, 0);
    }));
    std::string expected = replaced(replaced(kExhibit, kOpening, "@@"), kClosing, "  <!-- The start. -->\n" + kOpening);
    CHECK(doc.text() == replaced(expected, "@@", "  <!-- The end. -->\n" + kClosing));
    REQUIRE(doc.undo());
    CHECK(doc.text() == openingNoted);
}

TEST_CASE("structure edits: renaming an id renames what refers to it, and refuses a name taken or malformed") {
    auto rename = [](ElementPath target, std::string to) {
        return [target, to](std::string_view text, const Script& script) { return renameId(text, script, target, to); };
    };
    CHECK(edited(rename(path({{"style", 1}}), "hushed")) ==
          replaced(replaced(kExhibit, "id=\"quiet\"", "id=\"hushed\""), "style=\"quiet\"", "style=\"hushed\""));
    CHECK(edited(rename(path({{"style", 0}}), "plain")) ==
          replaced(replaced(kExhibit, "id=\"default\"", "id=\"plain\""), "base=\"default\"", "base=\"plain\""));
    CHECK(edited(rename(kOpeningPath, "intro")) == replaced(kExhibit, "id=\"opening\"", "id=\"intro\""));
    CHECK(refusal(rename(kOpeningPath, "closing")) == "\"closing\" is already the id of <scene> at line 12");
    CHECK(refusal(rename(kOpeningPath, "two words")) ==
          "\"two words\" cannot be an id: use letters, digits and '-', without spaces");
    CHECK(refusal(rename(path({{"scene", 1}, {"text", 0}}), "x")) == "<text> at line 13 has no id to rename");
}

TEST_CASE("structure edits: styles, regions and the rest keep their ids apart, as the validator does") {
    // A scene may take a style's name; the style's users are not the scene's.
    auto rename = [](std::string_view text, const Script& script) { return renameId(text, script, kOpeningPath, "quiet"); };
    CHECK(edited(rename) == replaced(kExhibit, "id=\"opening\"", "id=\"quiet\""));
    // A scene copied beside a style of its name keeps the name when no scene has it.
    testing::StudioFixture f(replaced(kExhibit, "id=\"quiet\"", "id=\"closing-2\""));
    f.write(replaced(f.read(), "style=\"quiet\"", "style=\"closing-2\""));
    StudioDocument doc(f.file);
    REQUIRE_FALSE(doc.edit("duplicate", [](std::string_view text, const Script& script) {
        return duplicateElement(text, script, kClosingPath);
    }));
    CHECK(doc.text().find("<scene id=\"closing-2\" dur=\"8s\">") != std::string::npos);
    CHECK_FALSE(doc.diagnostics().hasErrors());
}

}  // namespace vitrine::studio
