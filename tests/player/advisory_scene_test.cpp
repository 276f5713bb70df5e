#include <doctest/doctest.h>

#include "exhibit/exhibit_loader.h"
#include "player/advisory_scene.h"

using namespace vitrine;

TEST_CASE("advisory scene: found by the element it was written as, wherever it sits") {
    auto loaded = loadExhibitFromText(R"(<exhibit title="A" lang="en">
  <scene id="title" dur="8s"><text>Title</text></scene>
  <advisory id="warning" dur="12s"><p>The following describes violence.</p></advisory>
  <scene id="body" dur="30s"><text>Body</text></scene>
</exhibit>)",
                                      "/exhibits/a/exhibit.xml");
    REQUIRE(loaded.show);
    REQUIRE(loaded.script);
    CHECK(advisoryStart(*loaded.script, *loaded.show) == 8 * kMicrosPerSecond);

    auto none = loadExhibitFromText(R"(<exhibit title="B"><scene id="advisory" dur="5s"><text>Not one</text></scene></exhibit>)",
                                    "/exhibits/b/exhibit.xml");
    REQUIRE(none.show);
    CHECK_FALSE(advisoryStart(*none.script, *none.show).has_value());  // a scene merely called "advisory" is not one
}
