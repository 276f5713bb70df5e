#include <doctest/doctest.h>

#include <SFML/Graphics/Image.hpp>
#include <SFML/Graphics/RenderTexture.hpp>

#include "output/test_pattern.h"

using namespace vitrine::output;

namespace {
sf::Image draw(TestPattern kind) {
    sf::RenderTexture rt;
    REQUIRE(rt.create(480, 270));
    drawTestPattern(kind, rt);
    rt.display();
    return rt.getTexture().copyToImage();
}
}  // namespace

TEST_CASE("test patterns: each draws what it is named for") {
    CHECK(draw(TestPattern::White).getPixel(100, 100) == sf::Color::White);
    CHECK(draw(TestPattern::Black).getPixel(100, 100) == sf::Color::Black);
    auto grid = draw(TestPattern::Grid);
    CHECK(grid.getPixel(120, 60) == sf::Color::White);  // on a grid line
    CHECK(grid.getPixel(60, 20) == sf::Color::Black);   // inside a cell
    CHECK(grid.getPixel(479, 135) == sf::Color::White); // the far border is drawn
    auto bars = draw(TestPattern::ColourBars);
    CHECK(bars.getPixel(10, 10) == sf::Color(191, 191, 191));
    CHECK(bars.getPixel(480 / 8 + 10, 10) == sf::Color(191, 191, 0));
    CHECK(bars.getPixel(470, 10) == sf::Color::Black);
    CHECK(bars.getPixel(5, 260) == sf::Color::Black);   // grey ramp starts black
    CHECK(bars.getPixel(475, 260) == sf::Color::White); // and ends white
    auto focus = draw(TestPattern::Focus);
    int lit = 0;
    for (unsigned x = 0; x < 480; ++x) lit += focus.getPixel(x, 135).r > 100;
    CHECK(lit > 10);
    CHECK(parseTestPattern("colour-bars") == TestPattern::ColourBars);
    CHECK_FALSE(parseTestPattern("plaid"));
}
