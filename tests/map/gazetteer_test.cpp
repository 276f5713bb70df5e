#include "map/gazetteer.h"
#include "support/build_paths.h"

#include "map/geojson.h"

#include <doctest/doctest.h>

#include "map/oversized_json.h"

#include <filesystem>
#include <fstream>

#include "map/located_json.h"
#include "media/media_test_files.h"

using namespace vitrine::map;

namespace {

Gazetteer committedPlaces(vitrine::Diagnostics& diagnostics) {
    return Gazetteer::load(vitrine::test::sourceDir() / "assets/maps/places.json",
                           diagnostics);
}

}  // namespace

TEST_CASE("gazetteer: the committed places load and are found by id and by any name") {
    vitrine::Diagnostics diagnostics;
    const Gazetteer places = committedPlaces(diagnostics);
    CHECK(diagnostics.empty());
    for (const char* id : {"baku", "sumgait", "ganja", "stepanakert", "yerevan", "moscow", "armenia",
                           "russia", "europe", "north-america", "nagorno-karabakh"}) {
        INFO(id);
        CHECK(places.find(id).has_value());
    }
    // Every language, any case, old and new names.
    for (const char* name : {"Baku", "BAKU", "Բաքու", "Баку", "баку", "Bakı", "BAKI"}) {
        INFO(name);
        REQUIRE(places.find(name).has_value());
        CHECK(places.find(name)->id == "baku");
    }
    CHECK(places.find("Kirovabad")->id == "ganja");
    CHECK(places.find("gəncə")->id == "ganja");
    CHECK(places.find("ГЯНДЖА")->id == "ganja");
    CHECK(places.find("Khankendi")->id == "stepanakert");
    CHECK(places.find("ԵՐԵՎԱՆ")->id == "yerevan");  // Armenian capitals fold too
    CHECK(places.find("İRƏVAN")->id == "yerevan");   // Azerbaijani dotted capital I
    CHECK(places.find("Sumqayıt")->id == "sumgait");
    CHECK(places.find("Москва")->lonLat == Point2{37.62, 55.75});
    CHECK_FALSE(places.find("Atlantis").has_value());
    CHECK_FALSE(places.find("").has_value());

    const Place ganja = *places.find("ganja");
    CHECK(ganja.displayName("en") == "Kirovabad");
    CHECK(ganja.displayName("ru") == "Кировабад");
    CHECK(ganja.displayName("fr") == "Kirovabad");  // falls back to English
    CHECK(places.find("north-america")->kind == PlaceKind::Region);
    CHECK(places.find("Nagorno-Karabakh")->kind == PlaceKind::Region);
    CHECK(places.find("baku")->kind == PlaceKind::City);
    for (const Place& p : places.places()) {
        INFO(p.id);
        CHECK_FALSE(p.source.empty());
        for (const char* language : {"en", "hy", "ru", "az"}) CHECK(p.names.contains(language));
    }
}

TEST_CASE("gazetteer: suggestions for typos, none for nonsense") {
    vitrine::Diagnostics diagnostics;
    const Gazetteer places = committedPlaces(diagnostics);
    CHECK(places.suggest("Bakku") == std::optional<std::string>("Baku"));
    CHECK(places.suggest("Stepanakret") == std::optional<std::string>("Stepanakert"));
    CHECK(places.suggest("Ереванн") == std::optional<std::string>("Ереван"));
    CHECK_FALSE(places.suggest("Reykjavik").has_value());
}

TEST_CASE("gazetteer: the committed cities lie in the right countries of the committed map") {
    vitrine::Diagnostics diagnostics;
    const Gazetteer places = committedPlaces(diagnostics);
    const GeoCollection map = loadGeoJson(
        vitrine::test::sourceDir() / "assets/maps/caucasus.geojson", diagnostics);
    CHECK(diagnostics.empty());
    auto countryOf = [&](const std::string& placeId) -> std::string {
        const Point2 p = places.find(placeId)->lonLat;
        for (const GeoFeature& f : map.features) {
            for (const Polygon& poly : f.polygons) {
                if (contains(poly, p)) return f.name;
            }
        }
        return "(sea)";
    };
    CHECK(countryOf("baku") == "Azerbaijan");
    CHECK(countryOf("sumgait") == "Azerbaijan");
    CHECK(countryOf("ganja") == "Azerbaijan");
    CHECK(countryOf("stepanakert") == "Azerbaijan");
    CHECK(countryOf("yerevan") == "Armenia");
    CHECK(countryOf("armenia") == "Armenia");
    CHECK(countryOf("azerbaijan") == "Azerbaijan");
}

TEST_CASE("gazetteer: bad entries are diagnosed at their line and skipped") {
    const std::string text =
        "{\"places\":[\n"
        "{\"id\":\"a\",\"kind\":\"city\",\"names\":{\"en\":\"Alpha\"},\"lon\":1,\"lat\":2,\"source\":\"test\"},\n"
        "{\"id\":\"b\",\"kind\":\"village\",\"lon\":1,\"lat\":2,\"source\":\"test\"},\n"
        "{\"id\":\"c\",\"kind\":\"city\",\"lon\":200,\"lat\":2,\"source\":\"test\"},\n"
        "{\"id\":\"d\",\"kind\":\"city\",\"names\":{\"en\":[\"Alpha\"]},\"lon\":3,\"lat\":4},\n"
        "{\"id\":\"a\",\"kind\":\"city\",\"lon\":1,\"lat\":2,\"source\":\"test\"}\n"
        "]}";
    vitrine::Diagnostics diagnostics;
    const Gazetteer places = Gazetteer::parse(text, "places.json", diagnostics);
    CHECK(places.places().size() == 2);
    CHECK(places.find("alpha")->id == "a");  // the first holder of a shared name wins
    CHECK(diagnostics.errorCount() == 3);
    CHECK(diagnostics.warningCount() == 2);  // no source; ambiguous name
    for (const auto& d : diagnostics.all()) {
        CHECK(d.where.file == "places.json");
        CHECK(d.where.line >= 3);
    }
    CHECK(diagnostics.all()[0].where.line == 3);
    CHECK(diagnostics.all()[0].code == "gazetteer-kind");
}

TEST_CASE("gazetteer: a places file nested 100,000 levels deep is one error at its line, not a crash") {
    // The places before the deep one still load; the deep value would overflow the stack
    // of anything that walks, copies or frees it.
    std::string text = "{\"places\":[\n"
                       "{\"id\":\"a\",\"kind\":\"city\",\"names\":{\"en\":[\"Alpha\"]},\"lon\":1,\"lat\":2,\"source\":\"t\"},\n"
                       "{\"id\":\"b\",\"note\":";
    text += std::string(100'000, '[') + std::string(100'000, ']') + "}]}";
    vitrine::Diagnostics diagnostics;
    const Gazetteer places = Gazetteer::parse(text, "places.json", diagnostics);
    REQUIRE(diagnostics.errorCount() == 1);
    const vitrine::Diagnostic& d = diagnostics.all()[0];
    CHECK(d.code == "json-too-deep");
    CHECK(d.where.file == "places.json");
    CHECK(d.where.line == 3);
    CHECK(d.message.find(std::to_string(kMaxJsonDepth)) != std::string::npos);
    REQUIRE(places.places().size() == 1);
    CHECK(places.places()[0].id == "a");
}

TEST_CASE("case folding covers the gazetteer's scripts") {
    CHECK(foldCase("ÇŞĞÖÜƏİ") == "çşğöüəi");
    CHECK(foldCase("BAKI") == foldCase("Bakı"));
    CHECK(foldCase("ЁЖИК") == "ёжик");
    CHECK(foldCase("ՀԱՅԱՍՏԱՆ") == "հայաստան");
    CHECK(foldCase("ԵՐԵՎԱՆ") == foldCase("Երևան"));
    CHECK(foldCase("x\xff y") == "x\xff y");  // malformed UTF-8 passes through
}

TEST_CASE("a gazetteer file larger than the limit is one error at the line where the limit falls") {
    vitrine::test::TempDir dir;
    const auto file = dir / "places.json";
    vitrine::test::writeJsonPast(file, kMaxMapFileBytes);
    vitrine::Diagnostics d;
    CHECK(Gazetteer::load(file, d).places().empty());
    REQUIRE(d.all().size() == 1);
    CHECK(d.all()[0].code == "file-too-large");
    CHECK(d.all()[0].where.file == file.string());
    CHECK(d.all()[0].where.line == vitrine::test::lineOfLimit(kMaxMapFileBytes));
}
