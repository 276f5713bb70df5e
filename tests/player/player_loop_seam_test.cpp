#include <doctest/doctest.h>

#include <memory>
#include <vector>

#include "player/player.h"
#include "small_window_options.h"
#include "support/in_memory_files.h"

using namespace vitrine;

TEST_CASE("player: when the show loops, the credits fade into the first scene as any scene change") {
    // Red, then blue credits, with a fade of 1.5 s, at four times real time: the wrap comes
    // after a second of play. Purple is the two scenes together: after the credits have been
    // seen alone, the frames just after the wrap must be purple again, not black or red.
    Diagnostics diagnostics;
    auto show = std::make_shared<const Show>(test::compileText(
        "<exhibit size=\"320x180\" background=\"#000000\" default-transition=\"fade 1.5s\">"
        "<scene id=\"opening\" dur=\"2s\" background=\"#ff0000\"/>"
        "<scene id=\"credits\" dur=\"2s\" background=\"#0000ff\"/></exhibit>",
        diagnostics));
    REQUIRE_FALSE(diagnostics.hasErrors());
    render::RenderResources resources;
    std::stop_source stop;
    PlayerOptions options = test::smallWindowOptions(stop.get_token());
    options.speed = 4;
    std::vector<sf::Color> centres;
    options.frameShown = [&](const sf::Image& picture) {
        centres.push_back(picture.getPixel(picture.getSize().x / 2, picture.getSize().y / 2));
    };
    options.quitAfter = 1'600'000;  // the wrap and the fade after it, in real time
    Player player(show, resources, options, [](const std::string&) {});
    player.run();

    // From the credits alone to the first scene alone: a blend of the two, whose red and
    // blue add up to full brightness all the way (a cut would go through black, or red alone).
    const auto credits = std::find_if(centres.begin(), centres.end(), [](sf::Color c) { return c.b > 250 && c.r < 5; });
    REQUIRE(credits != centres.end());
    const auto wrap = std::find_if(credits, centres.end(), [](sf::Color c) { return c.b < 250; });
    const auto opening = std::find_if(wrap, centres.end(), [](sf::Color c) { return c.r > 250; });
    REQUIRE(wrap != centres.end());
    int purple = 0;
    int dark = 0;
    for (auto c = wrap; c != opening; ++c) {
        if (c->r > 40 && c->b > 40) ++purple;
        if (c->r + c->b < 200) ++dark;
    }
    INFO("first frame after the credits: " << int(wrap->r) << "," << int(wrap->g) << "," << int(wrap->b));
    CHECK(purple >= 3);
    CHECK(dark == 0);
}
