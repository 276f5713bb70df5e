// The style editor's recipes, without a window: the exact text each produces (the
// designer's formatting and comments kept), undo back to the same bytes, and the refusals
// in plain words.

#include "studio/style_edits.h"

#include <doctest/doctest.h>

#include "studio/studio_document.h"
#include "studio/studio_fixture.h"

namespace vitrine::studio {
namespace {

const char* kStyled = R"(<?xml version="1.0" encoding="UTF-8"?>
<exhibit title="Styles" size="1280x720" lang="en">
  <!-- The house styles. -->
  <style id="default" font="serif" size="40" color="#efe6d6"/>
    <style id="caption"   font='sans' size="28" background="#000000cc"/>
  <style id="quote" base="caption" italic="true"/>
  <style id="advisory" size="36"/>
  <style id="unused" size="60"/>
  <advisory title="Before you enter">Words about violence.</advisory>
  <scene id="opening" dur="10s" background="#202020">
    <text x="100" y="100" width="1000" height="200" style="caption">First words</text>
    <text x="100" y="400" width="1000" height="200">Default <p style="quote">A quote</p></text>
  </scene>
</exhibit>
)";

// Makes `recipe` on the fixture's document; the text it leaves, or the error.
struct Edited {
    std::string text;
    std::optional<std::string> error;
    bool undoRestores = false;
};

Edited editStyles(EditRecipe recipe, const char* source = kStyled) {
    testing::StudioFixture f(source);
    StudioDocument doc(f.file);
    REQUIRE(doc.script());
    Edited out;
    if (auto error = doc.edit("style edit", std::move(recipe))) out.error = error->message;
    out.text = doc.text();
    if (!out.error) {
        REQUIRE(doc.undo());
        out.undoRestores = doc.text() == source;
    }
    return out;
}

using testing::replaced;

}  // namespace

TEST_CASE("style edits: setting a style's attribute changes only its value, or adds it after the name") {
    auto set = editStyles(setStyleAttributeRecipe("caption", "font", "serif"));
    REQUIRE_FALSE(set.error);
    CHECK(set.text == replaced(kStyled, "font='sans'", "font='serif'"));
    CHECK(set.undoRestores);
    auto added = editStyles(setStyleAttributeRecipe("quote", "color", "#ffcc00"));
    REQUIRE_FALSE(added.error);
    CHECK(added.text == replaced(kStyled, "<style id=\"quote\"", "<style color=\"#ffcc00\" id=\"quote\""));
    auto missing = editStyles(setStyleAttributeRecipe("nowhere", "size", "30"));
    REQUIRE(missing.error);
    CHECK(*missing.error == "there is no style called 'nowhere'");
}

TEST_CASE("style edits: a new style goes after the last one, indented as it, and needs a free, plain name") {
    auto made = editStyles(newStyleRecipe("title", "caption"));
    REQUIRE_FALSE(made.error);
    CHECK(made.text == replaced(kStyled, "<style id=\"unused\" size=\"60\"/>\n",
                                "<style id=\"unused\" size=\"60\"/>\n  <style id=\"title\" base=\"caption\"/>\n"));
    CHECK(made.undoRestores);
    CHECK(*editStyles(newStyleRecipe("caption")).error == "there is already a style called 'caption'");
    CHECK(editStyles(newStyleRecipe("two words")).error->find("no spaces") != std::string::npos);
    CHECK(editStyles(newStyleRecipe("")).error == "a style needs a name");
    CHECK(*editStyles(newStyleRecipe("x", "nowhere")).error == "there is no style called 'nowhere'");

    // With no style yet, the first goes first in the exhibit, indented as its first element.
    const char* bare = "<exhibit size=\"1280x720\">\n    <scene id=\"a\" dur=\"2s\"/>\n</exhibit>\n";
    auto first = editStyles(newStyleRecipe("body"), bare);
    REQUIRE_FALSE(first.error);
    CHECK(first.text ==
          "<exhibit size=\"1280x720\">\n    <style id=\"body\"/>\n    <scene id=\"a\" dur=\"2s\"/>\n</exhibit>\n");
}

TEST_CASE("style edits: who uses a style, in plain words") {
    testing::StudioFixture f(kStyled);
    StudioDocument doc(f.file);
    REQUIRE(doc.script());
    auto caption = styleUses(*doc.script(), "caption");
    REQUIRE(caption.size() == 2);
    CHECK(describeUses(caption) == "<style id=\"quote\"> at line 6 (its base), <text> at line 11");
    CHECK(describeUses(caption, 1) == "<style id=\"quote\"> at line 6 (its base) and 1 more");
    auto advisory = styleUses(*doc.script(), "advisory");
    REQUIRE(advisory.size() == 1);
    CHECK(describeUses(advisory) == "<advisory> at line 9 (by its name)");
    CHECK(styleUses(*doc.script(), "quote").size() == 1);  // the <p> inside the second text
    CHECK(styleUses(*doc.script(), "unused").empty());
    // A style called "credits" is a name like any other: credits that name no style do not use it.
    testing::StudioFixture credits(R"(<exhibit><style id="credits" size="30"/><credits dur="5s"><entry>A museum</entry></credits></exhibit>)");
    StudioDocument creditsDoc(credits.file);
    REQUIRE(creditsDoc.script());
    CHECK(styleUses(*creditsDoc.script(), "credits").empty());
    CHECK(styleIds(*doc.script()) == std::vector<std::string>{"default", "caption", "quote", "advisory", "unused"});
}

TEST_CASE("style edits: renaming a style renames every reference, as one edit undone byte for byte") {
    auto renamed = editStyles(renameStyleRecipe("caption", "subtitle"));
    REQUIRE_FALSE(renamed.error);
    std::string expected = replaced(kStyled, "id=\"caption\"", "id=\"subtitle\"");
    expected = replaced(expected, "base=\"caption\"", "base=\"subtitle\"");
    expected = replaced(expected, "style=\"caption\"", "style=\"subtitle\"");
    CHECK(renamed.text == expected);
    CHECK(renamed.undoRestores);

    // An advisory that took the style by its name names the new one, so it looks the same.
    auto advisory = editStyles(renameStyleRecipe("advisory", "warning"));
    REQUIRE_FALSE(advisory.error);
    expected = replaced(kStyled, "id=\"advisory\"", "id=\"warning\"");
    expected = replaced(expected, "<advisory title", "<advisory style=\"warning\" title");
    CHECK(advisory.text == expected);

    CHECK(*editStyles(renameStyleRecipe("caption", "quote")).error == "there is already a style called 'quote'");
    CHECK(editStyles(renameStyleRecipe("default", "body")).error->find("'default'") != std::string::npos);
}

TEST_CASE("style edits: deleting removes the style's line, and refuses while anything uses it, saying who") {
    auto gone = editStyles(deleteStyleRecipe("unused"));
    REQUIRE_FALSE(gone.error);
    CHECK(gone.text == replaced(kStyled, "  <style id=\"unused\" size=\"60\"/>\n", ""));
    CHECK(gone.undoRestores);
    auto used = editStyles(deleteStyleRecipe("caption"));
    REQUIRE(used.error);
    CHECK(*used.error ==
          "'caption' is used by <style id=\"quote\"> at line 6 (its base), <text> at line 11; give them another style first");
    CHECK(used.text == kStyled);
    CHECK(editStyles(deleteStyleRecipe("default")).error->find("cannot be deleted") != std::string::npos);
}

TEST_CASE("style edits: combined edits keep the text between their spans") {
    std::string text = "a-b-c-d";
    TextEdit combined = combineEdits(text, {{6, 1, "DD"}, {0, 1, "A"}, {4, 1, "C"}});
    CHECK(combined.offset == 0u);
    CHECK(combined.length == 7u);
    TextEdit back = applyEdit(text, combined);
    CHECK(text == "A-b-C-DD");
    applyEdit(text, back);
    CHECK(text == "a-b-c-d");
}

}  // namespace vitrine::studio
