// The map library's places: the exhibit's own file, then the bundled one, then the world
// gazetteer, read only when a name is found in neither of the others, and once.

#include "map/map_library.h"
#include "support/build_paths.h"

#include <doctest/doctest.h>

#include "media/media_test_files.h"

#include <string>
#include <vector>

using namespace vitrine::map;
using vitrine::test::TempDir;

namespace {

std::filesystem::path mapsDir() { return vitrine::test::sourceDir() / "assets/maps"; }

void writeText(const std::filesystem::path& path, const std::string& text) {
    vitrine::test::writeBytes(path, std::vector<std::uint8_t>(text.begin(), text.end()));
}

}  // namespace

TEST_CASE("map library: the exhibit's own places win over the bundled ones and the world's") {
    TempDir dir;
    writeText(dir / "places.json", R"({"places":[
  {"id":"paris","kind":"city","names":{"en":["Paris"]},"lon":10,"lat":20,"source":"test"},
  {"id":"caspian","kind":"sea","names":{"en":["Caspian Sea"]},"lon":50.5,"lat":42,"source":"test"}]})");
    MapLibrary library;
    auto places = library.places(dir / "places.json", mapsDir());
    CHECK(places->problems.empty());
    CHECK(places->places.find("Paris")->lonLat == Point2{10, 20});  // the own file's
    CHECK(places->places.find("caspian sea")->kind == PlaceKind::Water);
    CHECK(places->places.find("Baku")->id == "baku");  // the bundled file's
    const int beforeWorld = library.filesRead();
    CHECK(beforeWorld == 2);  // the own and the bundled files: the world is not read yet
    auto brest = places->places.find("Brest, FR");
    REQUIRE_MESSAGE(brest, "run tools/setup to install the map data");
    CHECK(brest->country == "FR");
    CHECK(library.filesRead() == beforeWorld + 1);
    // Another map of the same exhibit reads nothing again.
    auto again = library.places(dir / "places.json", mapsDir());
    CHECK(again->places.find("Reykjavik").has_value());
    CHECK(library.filesRead() == beforeWorld + 1);
}

TEST_CASE("map library: without an own places file the bundled and world places serve") {
    TempDir dir;
    MapLibrary library;
    auto places = library.places(dir / "places.json", mapsDir());
    CHECK(places->places.find("Kirovabad")->id == "ganja");
    CHECK(places->places.find("Paris").has_value());
}
