// The site's languages applied to the words the designer wrote as attributes (map labels,
// placeholders) and to the engine's own words: the same items, other words.

#include <doctest/doctest.h>

#include "exhibit/exhibit_loader.h"
#include "map/compiled_map.h"
#include "player/language_choice.h"

using namespace vitrine;
using installation::LanguageMode;

namespace {

const char* const kExhibit = R"(<exhibit title="Words" lang="en fr">
  <scene id="one" dur="10s">
    <map id="m" view="40,37.5 → 51,43.5">
      <marker at="49.87,40.41" label="Baku"><translation lang="fr" label="Bakou"/></marker>
      <label at="45,40" text="Armenia"><translation lang="fr" text="Arménie"/></label>
    </map>
    <image id="photo" placeholder="Photograph: Baku, 1990">
      <translation lang="fr" placeholder="Photographie : Bakou, 1990"/>
    </image>
    <image id="untranslated" placeholder="Photograph: a street"/>
  </scene>
</exhibit>)";

const Show& compiled() {
    static const Show show = [] {
        auto loaded = loadExhibitFromText(kExhibit, "/exhibits/test/exhibit.xml", map::withMaps());
        REQUIRE(loaded.show);
        return *loaded.show;
    }();
    return show;
}

const Item& item(const Show& show, const std::string& id) {
    for (const Item& i : show.items)
        if (i.id == id) return i;
    FAIL("no item " << id);
    return show.items.front();
}

struct Words {
    std::string marker, label, placeholder, untranslated;
    std::vector<std::string> engine;
    friend bool operator==(const Words&, const Words&) = default;
};

Words wordsOf(const Show& show) {
    const Item& m = item(show, "m");
    REQUIRE(m.map);
    return {m.map->scene.markers.at(0).label, m.map->scene.labels.at(0).text, item(show, "photo").placeholder,
            item(show, "untranslated").placeholder, show.wordsLanguages};
}

LanguageChoice site(std::vector<std::string> text, LanguageMode mode) {
    LanguageChoice choice;
    choice.text = std::move(text);
    choice.mode = mode;
    return choice;
}

}  // namespace

TEST_CASE("language choice words: a site showing French shows the map labels and placeholders in French") {
    const Words fr = wordsOf(chooseLanguages(compiled(), site({"fr"}, LanguageMode::One)));
    CHECK(fr == Words{"Bakou", "Arménie", "Photographie : Bakou, 1990", "Photograph: a street", {"fr"}});
    const Words en = wordsOf(chooseLanguages(compiled(), site({"en", "fr"}, LanguageMode::One)));
    CHECK(en == Words{"Baku", "Armenia", "Photograph: Baku, 1990", "Photograph: a street", {"en"}});
}

TEST_CASE("language choice words: both languages are one label and one placeholder, the second beneath") {
    const Show chosen = chooseLanguages(compiled(), site({"fr", "en"}, LanguageMode::Both));
    CHECK(wordsOf(chosen) == Words{"Bakou\nBaku", "Arménie\nArmenia", "Photographie : Bakou, 1990\nPhotograph: Baku, 1990",
                                   "Photograph: a street", {"fr", "en"}});
    // One compiled item per element: the studio maps items to lines by index.
    CHECK(chosen.items.size() == compiled().items.size());
}

TEST_CASE("language choice words: alternate loops take turns and no site choice is the main language") {
    const LanguageChoice alternate = site({"en", "fr"}, LanguageMode::Alternate);
    CHECK(wordsOf(chooseLanguages(compiled(), choiceForLoop(alternate, 0))).marker == "Baku");
    CHECK(wordsOf(chooseLanguages(compiled(), choiceForLoop(alternate, 1))).marker == "Bakou");
    CHECK(wordsOf(chooseLanguages(compiled(), choiceForLoop(alternate, 1))).engine == std::vector<std::string>{"fr"});
    const Words main = wordsOf(inMainLanguage(compiled()));
    CHECK(main == Words{"Baku", "Armenia", "Photograph: Baku, 1990", "Photograph: a street", {"en"}});
}

TEST_CASE("language choice words: a language the exhibit is not written in leaves the words as written") {
    const Words hy = wordsOf(chooseLanguages(compiled(), site({"hy"}, LanguageMode::One)));
    CHECK(hy == Words{"Baku", "Armenia", "Photograph: Baku, 1990", "Photograph: a street", {"en"}});
    // The compiled map itself is left as it was: another loop may choose otherwise.
    CHECK(wordsOf(compiled()).marker == "Baku");
}
