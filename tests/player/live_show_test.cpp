#include <doctest/doctest.h>

#include <fstream>
#include <memory>
#include <string>

#include "exhibit/exhibit_loader.h"
#include "media/media_test_files.h"
#include "player/live_show.h"

using namespace vitrine;

namespace {
Show showOf(const test::TempDir& dir, const std::string& scenes) {
    std::ofstream(dir / "exhibit.xml") << "<exhibit size=\"320x180\">" + scenes + "</exhibit>";
    auto loaded = loadExhibit(dir / "exhibit.xml");
    REQUIRE(loaded.show);
    return *loaded.show;
}
}  // namespace

TEST_CASE("live show: a show read again goes on from the same scene, at the same offset") {
    test::TempDir dir;
    const Show old = showOf(dir, R"(<scene id="a" dur="10s"/><scene id="b" dur="10s"/><scene id="c" dur="10s"/>)");
    SUBCASE("a scene before it grew: the place moves with its scene") {
        const Show now = showOf(dir, R"(<scene id="a" dur="15s"/><scene id="b" dur="10s"/><scene id="c" dur="10s"/>)");
        CHECK(samePlace(old, now, seconds(12)) == seconds(17));
    }
    SUBCASE("its own scene shrank below the offset: its last moment") {
        const Show now = showOf(dir, R"(<scene id="a" dur="10s"/><scene id="b" dur="1s"/><scene id="c" dur="10s"/>)");
        CHECK(samePlace(old, now, seconds(15)) == seconds(11) - 1);
    }
    SUBCASE("its scene is gone: the same show time, within the new show") {
        const Show now = showOf(dir, R"(<scene id="a" dur="10s"/><scene id="x" dur="5s"/>)");
        CHECK(samePlace(old, now, seconds(12)) == seconds(12));
        CHECK(samePlace(old, now, seconds(25)) == seconds(15) - 1);
    }
}
