// A compiled map's labels in the languages a site shows (map_languages.cpp).

#include <doctest/doctest.h>

#include "map/map_languages.h"
#include "script/script_loader.h"

using namespace vitrine;
using namespace vitrine::map;

namespace {

const char* const kMap = R"(<exhibit title="t" size="1920x1080" lang="en fr">
<map view="40,37.5 → 51,43.5">
  <marker at="49.87,40.41" label="Baku"><translation lang="fr" label="Bakou"/></marker>
  <marker at="44.5,40.2" label="Yerevan"/>
  <label at="45,40" text="Armenia"><translation lang="fr" text="Arménie"/></label>
  <route from="49.87,40.41" to="44.5,40.2;37.6,55.75" label="Yerevan;Moscow"><translation lang="fr" label="Erevan;Moscou"/></route>
</map>
</exhibit>)";

MapScene compiled() {
    Diagnostics d;
    auto script = loadScriptFromText(kMap, "/tmp/map-languages-test.xml", d, diskFileReader());
    REQUIRE(script);
    const Gazetteer none;
    for (const ScriptNode& c : script->root.children)
        if (c.name == "map") return compileMapScene(c, none, d);
    FAIL("no <map>");
    return {};
}

struct Words {
    std::vector<std::string> markers, labels, routes;
    friend bool operator==(const Words&, const Words&) = default;
};

Words wordsOf(const MapScene& s) {
    Words w;
    for (const auto& m : s.markers) w.markers.push_back(m.label);
    for (const auto& l : s.labels) w.labels.push_back(l.text);
    for (const auto& r : s.routes) w.routes.push_back(r.label);
    return w;
}

}  // namespace

TEST_CASE("map languages: markers, labels and each route's destination keep their translations") {
    const MapScene s = compiled();
    REQUIRE(s.markers.size() == 2);
    REQUIRE(s.routes.size() == 2);
    CHECK(s.markers[0].labelTranslations == Translations{{"fr", "Bakou"}});
    CHECK(s.markers[1].labelTranslations.empty());
    CHECK(s.labels.at(0).textTranslations == Translations{{"fr", "Arménie"}});
    CHECK(s.routes[0].labelTranslations == Translations{{"fr", "Erevan"}});
    CHECK(s.routes[1].labelTranslations == Translations{{"fr", "Moscou"}});
    CHECK(labelLanguages(s, "en") == std::vector<std::string>{"en", "fr"});
}

TEST_CASE("map languages: one language, the written one where a label has no translation") {
    const MapScene s = compiled();
    CHECK(wordsOf(withLabelsIn(s, {"fr"}, 1, "en")) ==
          Words{{"Bakou", "Yerevan"}, {"Arménie"}, {"Erevan", "Moscou"}});
    CHECK(wordsOf(withLabelsIn(s, {"en", "fr"}, 1, "en")) == wordsOf(s));
    CHECK(wordsOf(withLabelsIn(s, {"hy"}, 1, "en")) == wordsOf(s));
}

TEST_CASE("map languages: two languages are one label, the second beneath the first") {
    const MapScene s = compiled();
    const Words both = wordsOf(withLabelsIn(s, {"fr", "en"}, 2, "en"));
    CHECK(both.markers == std::vector<std::string>{"Bakou\nBaku", "Yerevan"});
    CHECK(both.labels == std::vector<std::string>{"Arménie\nArmenia"});
    CHECK(both.routes == std::vector<std::string>{"Erevan\nYerevan", "Moscou\nMoscow"});
    // Every child keeps its place and order: only the words change.
    const MapScene chosen = withLabelsIn(s, {"fr", "en"}, 2, "en");
    REQUIRE(chosen.markers.size() == s.markers.size());
    CHECK(chosen.markers[1].order == s.markers[1].order);
    CHECK(chosen.labels[0].at.x == s.labels[0].at.x);
}
