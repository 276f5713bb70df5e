// View ▸ Languages: the studio previews a bilingual exhibit in one of its languages, both, or
// its main language, with the player's own language choice, and never loses an item.

#include "studio/preview_languages.h"

#include <doctest/doctest.h>

#include "exhibit/exhibit_loader.h"

using namespace vitrine;
using namespace vitrine::studio;

namespace {

const char* const kBilingual = R"(<exhibit title="Two languages" lang="en fr">
  <scene id="one" dur="10s">
    <text id="welcome" width="40%"><p lang="en">Welcome</p><p lang="fr">Bienvenue</p></text>
    <text id="plain">Written once</text>
    <image id="picture" src="images/missing.png"/>
  </scene>
</exhibit>)";

Show compile(const std::string& xml) {
    auto loaded = loadExhibitFromText(xml, "/exhibits/test/exhibit.xml");
    REQUIRE(loaded.show);
    return *loaded.show;
}

int itemById(const Show& show, const std::string& id) {
    for (std::size_t i = 0; i < show.items.size(); ++i)
        if (show.items[i].id == id) return static_cast<int>(i);
    FAIL("no item " << id);
    return -1;
}

// The words of item `id`'s paragraphs, in order.
std::vector<std::string> wordsOf(const Show& show, const std::string& id) {
    std::vector<std::string> out;
    for (const auto& p : show.items[static_cast<std::size_t>(itemById(show, id))].paragraphs) {
        std::string words;
        for (const auto& run : p.runs) words += run.text;
        out.push_back(words);
    }
    return out;
}

PreviewLanguages parsed(const std::string& words, const Show& show) {
    auto languages = parsePreviewLanguages(words, show);
    REQUIRE(languages);
    return *languages;
}

}  // namespace

TEST_CASE("preview languages: the menu offers each language alone then both then the main language") {
    const Show show = compile(kBilingual);
    CHECK(previewLanguageChoices(show) ==
          std::vector<std::string>{"English", "French", "Both (en + fr)", "As the exhibit's main language"});
    // An exhibit in one language has no "Both".
    const Show english = compile(R"(<exhibit lang="en"><scene id="s" dur="1s"/></exhibit>)");
    CHECK(previewLanguageChoices(english) == std::vector<std::string>{"English", "As the exhibit's main language"});
    CHECK_FALSE(parsePreviewLanguages("both", english));
}

TEST_CASE("preview languages: each label and script word reads back as its choice") {
    const Show show = compile(kBilingual);
    for (const auto& label : previewLanguageChoices(show)) {
        const PreviewLanguages languages = parsed(label, show);
        CHECK(parsed(previewLanguagesWord(languages), show) == languages);
    }
    CHECK(parsed("fr", show) == PreviewLanguages{PreviewLanguages::Kind::One, "fr"});
    CHECK(parsed("French", show) == PreviewLanguages{PreviewLanguages::Kind::One, "fr"});
    CHECK(parsed("both", show).kind == PreviewLanguages::Kind::Both);
    CHECK(parsed("main", show) == PreviewLanguages{});
    CHECK_FALSE(parsePreviewLanguages("hy", show));  // not one of the exhibit's
    CHECK_FALSE(parsePreviewLanguages("", show));
}

TEST_CASE("preview languages: the window names what the preview shows") {
    const Show show = compile(kBilingual);
    CHECK(describePreview(parsed("fr", show), show) == "Preview: French");
    CHECK(describePreview(parsed("both", show), show) == "Preview: English + French");
    CHECK(describePreview(PreviewLanguages{}, show) == "Preview: English (main language)");
}

TEST_CASE("preview languages: the previewed paragraphs follow the choice and every item stays where it was") {
    const Show show = compile(kBilingual);
    const Show french = inPreviewLanguages(show, parsed("fr", show));
    CHECK(wordsOf(french, "welcome") == std::vector<std::string>{"Bienvenue"});
    const Show both = inPreviewLanguages(show, parsed("both", show));
    CHECK(wordsOf(both, "welcome") == std::vector<std::string>{"Welcome", "Bienvenue"});
    // The second language is the quieter one, as a site's both mode draws it.
    const auto& second = both.items[static_cast<std::size_t>(itemById(both, "welcome"))].paragraphs[1];
    REQUIRE(second.style);
    CHECK(second.style->size < both.items[static_cast<std::size_t>(itemById(both, "welcome"))].style.size);
    const Show main = inPreviewLanguages(show, PreviewLanguages{});
    CHECK(wordsOf(main, "welcome") == std::vector<std::string>{"Welcome"});
    // Languages never remove an item: the timeline and the script's lines map by index.
    for (const Show* shown : {&french, &both, &main}) {
        REQUIRE(shown->items.size() >= show.items.size());
        for (std::size_t i = 0; i < show.items.size(); ++i) {
            CHECK(shown->items[i].id == show.items[i].id);
            CHECK(shown->items[i].where.line == show.items[i].where.line);
        }
        CHECK(wordsOf(*shown, "plain") == std::vector<std::string>{"Written once"});
    }
}
