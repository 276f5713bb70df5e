// The world gazetteer: countries and GeoNames' towns, found by name ignoring case and
// accents, the largest of one name unless a country is named, and each place in its country.

#include "map/gazetteer.h"
#include "support/build_paths.h"

#include <doctest/doctest.h>

#include "map/topojson.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>

using namespace vitrine::map;

namespace {

std::filesystem::path installed() { return vitrine::test::sourceDir() / "assets/maps/natural-earth"; }

const char* kSample =
    "# kind\tname\tother names\tcountry\tpopulation\tlon\tlat\n"
    "country\tFrance\tFrench Republic\tFR\t0\t2.19\t46.71\n"
    "country\tUnited States of America\tUnited States\tUS\t0\t-99.7\t37.25\n"
    "city\tParis\t\tUS\t24782\t-95.55551\t33.66094\n"
    "city\tParis\t\tFR\t2138551\t2.3488\t48.85341\n"
    "city\tSão Paulo\tSampa\tBR\t10021295\t-46.63611\t-23.5475\n"
    "sea\tCaspian Sea\t\t\t0\t50.5\t42.0\n"
    "city\tBroken\tFR\t1\t2\n"                       // line 8: too few fields
    "city\tFarAway\t\tFR\t0\t200\t10\n"             // line 9: off the globe
    "town\tWrongKind\t\tFR\t0\t2\t10\n";            // line 10: no such kind

}  // namespace

TEST_CASE("world places: lines are read, bad ones reported at their line") {
    vitrine::Diagnostics d;
    const Gazetteer world = Gazetteer::parseWorld(kSample, "world-places.tsv", d);
    CHECK(world.places().size() == 6);
    REQUIRE(d.errorCount() == 3);
    CHECK(d.all()[0].where.line == 8);
    CHECK(d.all()[1].where.line == 9);
    CHECK(d.all()[2].where.line == 10);
    CHECK(d.all()[0].code == "world-places-line");
    REQUIRE(world.find("Caspian Sea"));
    CHECK(world.find("caspian sea")->kind == PlaceKind::Water);
    CHECK(world.find("France")->kind == PlaceKind::Country);
}

TEST_CASE("world places: the largest of one name wins unless a country is named") {
    vitrine::Diagnostics d;
    const Gazetteer world = Gazetteer::parseWorld(kSample, "world-places.tsv", d);
    REQUIRE(world.find("Paris"));
    CHECK(world.find("Paris")->country == "FR");  // listed after the Texan one, but larger
    CHECK(world.find("Paris, US")->country == "US");
    CHECK(world.find("paris,us")->country == "US");
    CHECK(world.find("Paris, United States")->country == "US");
    CHECK(world.find("Paris, France")->country == "FR");
    CHECK_FALSE(world.find("Paris, DE").has_value());
}

TEST_CASE("world places: names match whatever their case and accents, and other names too") {
    vitrine::Diagnostics d;
    const Gazetteer world = Gazetteer::parseWorld(kSample, "world-places.tsv", d);
    for (const char* name : {"São Paulo", "SAO PAULO", "sao paulo", "SÃO PAULO", "Sa\u0303o Paulo", "Sampa"}) {
        INFO(name);
        REQUIRE(world.find(name));
        CHECK(world.find(name)->country == "BR");
    }
    CHECK(matchKey("Créac'h") == matchKey("CREAC'H"));
    CHECK(matchKey("Straße") == "strasse");
    CHECK(matchKey("Łódź") == "lodz");
    CHECK(world.suggest("Sao Pablo") == std::optional<std::string>("São Paulo"));
}

TEST_CASE("world places: a places file asks its fallback only for what it lacks") {
    vitrine::Diagnostics d;
    const Gazetteer world = Gazetteer::parseWorld(kSample, "world-places.tsv", d);
    Gazetteer own = Gazetteer::parse(R"({"places":[{"id":"paris","kind":"city","names":{"en":["Paris"]},
        "lon":1,"lat":2,"source":"test"}]})", "places.json", d);
    int asked = 0;
    own.setFallback([&] {
        ++asked;
        return &world;
    });
    CHECK(own.find("Paris")->lonLat == Point2{1, 2});  // the own file wins
    CHECK(asked == 0);
    CHECK(own.find("São Paulo")->country == "BR");
    CHECK(asked == 1);
    CHECK(own.suggest("Caspain Sea") == std::optional<std::string>("Caspian Sea"));
    CHECK_FALSE(own.find("Nowhereland").has_value());
}

TEST_CASE("world places: the installed gazetteer finds the world's towns, countries and its famous homonyms") {
    vitrine::Diagnostics d;
    const Gazetteer world = Gazetteer::loadWorld(installed() / "world-places.tsv", d);
    REQUIRE_MESSAGE(world.places().size() > 100000, "run tools/setup to install the map data");
    CHECK(d.empty());
    CHECK(world.find("Paris")->country == "FR");
    CHECK(world.find("Brest")->country == "BY");  // Brest, Belarus is the larger
    CHECK(world.find("Brest, FR")->country == "FR");
    CHECK(world.find("Brest, France")->country == "FR");
    CHECK(world.find("Reykjavik")->country == "IS");  // "Reykjavík" with its accent
    CHECK(world.find("Azerbaijan")->kind == PlaceKind::Country);
    CHECK(world.suggest("Reykjavick").has_value());
}

TEST_CASE("world places: every place of a sample of the gazetteer lies inside its country at 1:10m") {
    vitrine::Diagnostics d;
    const Gazetteer world = Gazetteer::loadWorld(installed() / "world-places.tsv", d);
    const GeoCollection countriesAt10m = loadMapData(installed() / "countries-10m.json", d, "countries");
    REQUIRE_MESSAGE(!countriesAt10m.features.empty(), "run tools/setup to install the map data");
    // The countries by ISO code, through the gazetteer's country entries (named as the map names them).
    std::map<std::string, const GeoFeature*> byCode;
    for (const Place& p : world.places())
        if (p.kind == PlaceKind::Country && !p.country.empty())
            if (const GeoFeature* f = countriesAt10m.find(p.displayName("en"))) byCode.emplace(p.country, f);
    CHECK(byCode.size() > 200);
    // 1:10m is generalised: a coastal town's point may lie off its simplified coast, by up to
    // about 2 km (0.02°); a town in the wrong country is tens of kilometres from it or more.
    constexpr double coastTolerance = 0.02;
    auto nearSegment = [](Point2 p, Point2 a, Point2 b) {
        const double dx = b.x - a.x, dy = b.y - a.y, length2 = dx * dx + dy * dy;
        const double t = length2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / length2, 0.0, 1.0) : 0.0;
        return std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
    };
    auto inside = [&](const GeoFeature& f, Point2 p, double tolerance) {
        for (const Polygon& polygon : f.polygons) {
            if (contains(polygon, p)) return true;
            for (const Ring& ring : polygon.rings)
                for (std::size_t i = 1; i < ring.size(); ++i)
                    if (nearSegment(p, ring[i - 1], ring[i]) <= tolerance) return true;
        }
        return false;
    };
    // Every country's own label point (strictly inside its own feature; a country too small for
    // the 1:10m grid, the Vatican, has none), and every 97th town of 100,000 people or more.
    int countries = 0, towns = 0, sampled = 0;
    for (const Place& p : world.places()) {
        INFO(p.displayName("en") << " (" << p.country << ") at " << p.lonLat.x << "," << p.lonLat.y);
        if (p.kind == PlaceKind::Country) {
            const GeoFeature* own = countriesAt10m.find(p.displayName("en"));
            // Antarctica's ring runs along the antimeridian and the pole, where a planar
            // even-odd test in lon/lat means nothing.
            if (!own || own->polygons.empty() || p.country == "AQ") continue;
            CHECK(inside(*own, p.lonLat, 0));
            ++countries;
        } else if (p.population >= 100000 && sampled++ % 97 == 0) {
            auto country = byCode.find(p.country);
            if (country == byCode.end()) continue;
            CHECK(inside(*country->second, p.lonLat, coastTolerance));
            ++towns;
        }
    }
    CHECK(countries > 240);
    CHECK(towns > 30);
}
