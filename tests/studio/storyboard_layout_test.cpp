// What a storyboard writes under each scene's still.

#include <doctest/doctest.h>

#include "studio/storyboard_layout.h"
#include "support/in_memory_files.h"

using namespace vitrine;
using namespace vitrine::test;

TEST_CASE("storyboard: a scene with a title is captioned with its title, one without by its first words") {
    Diagnostics diagnostics;
    const Show show = compileText("<exhibit><scene id=\"a\" title=\"The lists\" dur=\"5s\"><text>They came with lists.</text>"
                                  "</scene><scene id=\"b\" dur=\"5s\"><text>By the late 1980s</text></scene></exhibit>",
                                  diagnostics);
    auto captions = studio::storyboardCaptions(show);
    REQUIRE(captions.size() == 2);
    CHECK(captions[0].firstLine == "The lists");
    CHECK(captions[1].firstLine == "By the late 1980s");
    CHECK(captions[1].start == "5s");
}
