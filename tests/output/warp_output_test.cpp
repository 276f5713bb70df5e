#include <doctest/doctest.h>

#include <SFML/Graphics/Image.hpp>
#include <SFML/Graphics/RectangleShape.hpp>
#include <SFML/Graphics/RenderTexture.hpp>

#include <cmath>

#include "installation/blend.h"
#include "output/warp_output.h"

using namespace vitrine;
using namespace vitrine::output;
namespace inst = vitrine::installation;

namespace {

constexpr unsigned kCanvasW = 400, kCanvasH = 200;

// A canvas of one grey, or grey with a red block; returned as a texture to warp.
sf::Texture makeCanvas(sf::Color fill, std::optional<sf::FloatRect> redBlock = {}) {
    sf::RenderTexture rt;
    REQUIRE(rt.create(kCanvasW, kCanvasH));
    rt.clear(fill);
    if (redBlock) {
        sf::RectangleShape r({redBlock->width, redBlock->height});
        r.setPosition(redBlock->left, redBlock->top);
        r.setFillColor(sf::Color::Red);
        rt.draw(r);
    }
    rt.display();
    sf::Texture t(rt.getTexture());
    t.setSmooth(true);
    return t;
}

sf::Image warp(WarpOutput& w, const sf::Texture& canvas) {
    sf::RenderTexture out;
    auto size = w.targetSize();
    REQUIRE(out.create(size.x, size.y));
    w.draw(canvas, out);
    out.display();
    return out.getTexture().copyToImage();
}

}  // namespace

TEST_CASE("warp output: no installation draws the canvas unchanged") {
    WarpOutput w({}, {kCanvasW, kCanvasH});
    REQUIRE(w.shaderReady());
    auto canvas = makeCanvas(sf::Color(180, 90, 30), sf::FloatRect(0, 0, 40, 20));
    auto img = warp(w, canvas);
    CHECK(img.getSize() == sf::Vector2u(kCanvasW, kCanvasH));
    CHECK(img.getPixel(5, 5) == sf::Color::Red);          // top-left stays top-left (no flip)
    CHECK(img.getPixel(200, 100) == sf::Color(180, 90, 30));
    CHECK(img.getPixel(kCanvasW - 1, kCanvasH - 1) == sf::Color(180, 90, 30));
}

TEST_CASE("warp output: two blended outputs side by side darken their overlap by the ramp") {
    // Canvas 400 wide; each output shows 240 columns, sharing 80 (160..240) at 1:1 scale.
    inst::Output left, right;
    left.id = "left";
    left.width = right.width = 240;
    left.height = right.height = kCanvasH;
    left.canvas = inst::PixelRect{0, 0, 240, kCanvasH};
    right.canvas = inst::PixelRect{160, 0, 240, kCanvasH};
    right.id = "right";
    right.positionX = 240;
    left.blend.right = inst::BlendEdge{80, 2, 2.2};
    right.blend.left = inst::BlendEdge{80, 2, 2.2};
    left.blackLevel = right.blackLevel = 0.1;
    WarpOutput w({left, right}, {kCanvasW, kCanvasH});
    REQUIRE(w.shaderReady());
    CHECK(w.targetSize() == sf::Vector2u(480, kCanvasH));
    auto img = warp(w, makeCanvas(sf::Color::White));
    // Outside the zone, white stays white; black level lifts only blacks (none here).
    CHECK(img.getPixel(50, 100).r == 255);
    // Across the left output's blend zone (its columns 160..240), each column is darker
    // by exactly the ramp the pure code computes (±2 for 8-bit rounding).
    int checked = 0;
    for (int x = 161; x < 240; x += 6) {
        double distanceFromRightEdge = 240 - (x + 0.5);
        double expected = 255 * inst::blendFactor(left.blend.right, distanceFromRightEdge);
        CHECK(std::abs(img.getPixel(x, 100).r - expected) <= 2.0);
        ++checked;
    }
    CHECK(checked == 14);
    // Mid-zone the value is 0.5^(1/2.2) ≈ 73 % of white, and it falls towards the edge.
    CHECK(std::abs(img.getPixel(200, 100).r - 255 * std::pow(0.5, 1 / 2.2)) <= 3.0);
    CHECK(img.getPixel(235, 100).r < img.getPixel(200, 100).r);
    // The right output mirrors it: its column 40 (window 280) is mid-zone too.
    CHECK(std::abs(img.getPixel(280, 100).r - img.getPixel(199, 100).r) <= 3);

    // Black level: a black canvas is lifted outside the zones and not inside them.
    auto dark = warp(w, makeCanvas(sf::Color::Black));
    CHECK(std::abs(dark.getPixel(50, 100).r - 25.5) <= 1.0);
    CHECK(dark.getPixel(200, 100).r == 0);
}

TEST_CASE("warp output: keystone corners land where the homography says") {
    inst::Output o;
    o.width = kCanvasW;
    o.height = kCanvasH;
    inst::Quad q = {{{60, 20}, {380, 0}, {400, 200}, {20, 170}}};
    o.keystone = q;
    WarpOutput w({o}, {kCanvasW, kCanvasH});
    // A red block at the canvas centre: its centroid in the output must be H(centre).
    auto img = warp(w, makeCanvas(sf::Color(0, 0, 80), sf::FloatRect(190, 90, 20, 20)));
    double sx = 0, sy = 0, n = 0;
    for (unsigned y = 0; y < img.getSize().y; ++y)
        for (unsigned x = 0; x < img.getSize().x; ++x)
            if (img.getPixel(x, y).r > 128) {
                sx += x + 0.5;
                sy += y + 0.5;
                ++n;
            }
    REQUIRE(n > 100);
    auto h = inst::Homography::fromCorners(inst::rectangleCorners(kCanvasW, kCanvasH), q);
    auto expected = h->apply({200, 100});
    CHECK(std::abs(sx / n - expected.x) < 1.5);
    CHECK(std::abs(sy / n - expected.y) < 1.5);
    // Outside the quad is black; just inside each corner is the canvas.
    CHECK(img.getPixel(30, 5) == sf::Color::Black);
    CHECK(img.getPixel(5, 195) == sf::Color::Black);
    CHECK(img.getPixel(64, 26).b > 60);
    CHECK(img.getPixel(375, 6).b > 60);
    CHECK(img.getPixel(26, 166).b > 60);
}

TEST_CASE("warp output: every pixel matches the blend formula, inside and outside the zones") {
    // Zones on all four edges, of widths that do not fall on the mesh's square borders,
    // so squares that straddle a zone's border are drawn with the ramp shader too.
    inst::Output o;
    o.width = kCanvasW;
    o.height = kCanvasH;
    o.blend.left = inst::BlendEdge{37, 2, 2.2};
    o.blend.right = inst::BlendEdge{53, 1.5, 1.8};
    o.blend.top = inst::BlendEdge{21, 3, 2.2};
    o.blend.bottom = inst::BlendEdge{30, 2, 2.4};
    o.blackLevel = 0.1;
    WarpOutput w({o}, {kCanvasW, kCanvasH});
    REQUIRE(w.shaderReady());
    const sf::Color grey(200, 200, 200);
    auto img = warp(w, makeCanvas(grey));
    int worst = 0;
    for (unsigned y = 0; y < kCanvasH; ++y)
        for (unsigned x = 0; x < kCanvasW; ++x) {
            double px = x + 0.5, py = y + 0.5;
            double factor = inst::blendFactorAt(o.blend, px, py, kCanvasW, kCanvasH);
            bool lifted = inst::outsideBlendZones(o.blend, px, py, kCanvasW, kCanvasH);
            double expected = 255 * inst::blendedValue(grey.r / 255.0, factor, o.blackLevel, lifted);
            worst = std::max(worst, static_cast<int>(std::lround(std::abs(img.getPixel(x, y).r - expected))));
        }
    CHECK(worst <= 2);
}

TEST_CASE("warp output: a lone output with no resolution fills the display found, the canvas letterboxed") {
    // A 2:1 canvas on a 300x300 display: 300x150, centred, black above and below.
    Diagnostics diagnostics;
    auto parsed = inst::parseInstallation("<installation><output id=\"main\"/></installation>", "i.xml", diagnostics);
    REQUIRE(parsed);
    WarpOutput w(parsed->outputs, {kCanvasW, kCanvasH}, {300, 300});
    REQUIRE(w.outputs().size() == 1);
    CHECK(w.targetSize() == sf::Vector2u(300, 300));
    const inst::Quad letterbox{inst::Point{0, 75}, inst::Point{300, 75}, inst::Point{300, 225}, inst::Point{0, 225}};
    CHECK(w.uncorrectedCorners(0) == letterbox);  // where calibration starts and resets to
    auto img = warp(w, makeCanvas(sf::Color(180, 90, 30), sf::FloatRect(0, 0, 40, 20)));
    CHECK(img.getPixel(150, 70) == sf::Color::Black);
    CHECK(img.getPixel(150, 230) == sf::Color::Black);
    CHECK(img.getPixel(5, 80) == sf::Color::Red);  // the canvas's top-left corner, whole
    CHECK(img.getPixel(295, 220) == sf::Color(180, 90, 30));
    SUBCASE("with a resolution, or beside another output, it keeps its stated size") {
        auto stated = inst::parseInstallation("<installation><output resolution=\"400x200\"/></installation>", "i.xml",
                                              diagnostics);
        REQUIRE(stated);
        CHECK(WarpOutput(stated->outputs, {kCanvasW, kCanvasH}, {300, 300}).targetSize() == sf::Vector2u(400, 200));
        auto two = inst::parseInstallation("<installation><output/><output position=\"1920,0\"/></installation>",
                                           "i.xml", diagnostics);
        REQUIRE(two);
        CHECK(WarpOutput(two->outputs, {kCanvasW, kCanvasH}, {300, 300}).targetSize() == sf::Vector2u(3840, 1080));
    }
}
