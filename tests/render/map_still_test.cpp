// The still part of a map as a frame draws it (fill chunks in view, at the level of detail
// its scale needs) against the same frame drawn from every chunk at full detail. Needs an X
// display: run under xvfb-run -a -s "-screen 0 1920x1080x24 -noreset".

#include <doctest/doctest.h>

#include <SFML/Graphics/RenderTexture.hpp>

#include "exhibit/exhibit_loader.h"
#include "map/compiled_map.h"
#include "map/layer_levels.h"
#include "media/media_test_files.h"
#include "render/map_drawer.h"
#include "render/render_resources.h"
#include "support/build_paths.h"
#include "support/golden_image.h"
#include "timeline/evaluate.h"

using namespace vitrine;
using vitrine::test::TempDir;

namespace {

const sf::Vector2u kSize{960, 540};

// Pixels of `a` and `b` that differ, and those that moved: differ from every pixel next to
// them in the other frame too. A coast within half a pixel of its data only differs (its
// edge pixel flips); a chunk left out or a coast a pixel off moves.
struct Difference {
    int differing = 0, moved = 0;
};

Difference compare(const sf::Image& a, const sf::Image& b) {
    // Close: a border's feathered edge shifted by a fraction of a pixel changes a pixel by
    // part of the border's contrast with the land (about 60 levels).
    constexpr int kMovedDelta = 40;
    auto closeAt = [&](const sf::Image& other, sf::Color c, unsigned x, unsigned y) {
        for (unsigned oy = y > 0 ? y - 1 : 0; oy <= std::min(y + 1, kSize.y - 1); ++oy)
            for (unsigned ox = x > 0 ? x - 1 : 0; ox <= std::min(x + 1, kSize.x - 1); ++ox)
                if (vitrine::test::channelDelta(c, other.getPixel(ox, oy)) <= kMovedDelta) return true;
        return false;
    };
    Difference d;
    for (unsigned y = 0; y < kSize.y; ++y)
        for (unsigned x = 0; x < kSize.x; ++x) {
            if (vitrine::test::channelDelta(a.getPixel(x, y), b.getPixel(x, y)) <= 8) continue;
            ++d.differing;
            d.moved += !closeAt(b, a.getPixel(x, y), x, y) || !closeAt(a, b.getPixel(x, y), x, y);
        }
    return d;
}

}  // namespace

TEST_CASE("a flight's frames drawn from the chunks in view at their level of detail match the full data") {
    // The South Caucasus flying out to a quarter of the globe over the 1:10m world.
    TempDir dir;
    const std::string body = "<exhibit title=\"Map\" size=\"1920x1080\">\n<scene id=\"s\" dur=\"30s\">\n"
                             "<map view=\"40,37.5 → 51,43.5\" projection=\"lambert\">"
                             "<fly to=\"46,40.5\" zoom=\"0.1\" begin=\"0s\" dur=\"8s\"/></map>\n</scene>\n</exhibit>\n";
    vitrine::test::writeBytes(dir / "exhibit.xml", std::vector<std::uint8_t>(body.begin(), body.end()));
    LoadedExhibit exhibit = loadExhibit(dir / "exhibit.xml");
    REQUIRE(exhibit.show);
    const Show& show = *exhibit.show;
    int index = -1;
    for (std::size_t i = 0; i < show.items.size(); ++i)
        if (show.items[i].kind == ItemKind::Map) index = static_cast<int>(i);
    REQUIRE(index >= 0);
    const Item& item = show.items[index];
    REQUIRE(item.map);
    REQUIRE(item.map->base);
    REQUIRE_MESSAGE(item.map->base->levels.size() >= 2, "run tools/setup to install the 1:10m world");

    render::RenderResources resources;
    const render::Viewport v = render::Viewport::fit(show.canvas.width, show.canvas.height, kSize.x, kSize.y);
    auto drawAt = [&](render::MapDrawer& drawer, Micros t) {
        sf::RenderTexture rt;
        REQUIRE(rt.create(kSize.x, kSize.y));
        auto d = evaluateItem(show, index, t);
        REQUIRE(d);
        rt.clear(sf::Color::Black);
        drawer.draw(item, *d, rt, v);
        rt.display();
        return rt.getTexture().copyToImage();
    };
    render::MapDrawer drawn(resources.text()), full(resources.text());
    drawn.keepStillPictures = full.keepStillPictures = false;
    full.fullDetail = true;
    for (Micros t : {Micros(0), 8 * kMicrosPerSecond}) {
        CAPTURE(t);
        const map::MapState s = drawn.stateFor(item, *evaluateItem(show, index, t), v);
        const map::LayerLevel* level = map::levelFor(*item.map->base, 1 / (s.pixelsPerUnit * v.scale));
        // Close, the finest level or the data as it is, few chunks in view; far, a coarse level.
        if (t == 0) CHECK((!level || level->tolerance <= 500));
        else CHECK((level && level->tolerance >= 2000));
        const Difference d = compare(drawAt(drawn, t), drawAt(full, t));
        MESSAGE("level " << (level ? level->tolerance : 0) << " m: differing pixels " << d.differing << ", moved "
                         << d.moved);
        CHECK(d.moved <= int(kSize.x * kSize.y / 2000));  // a few, where a simplified coast meets a corner
        // A coast within half a pixel flips few pixels (none close, 56 far of 518,400 measured;
        // a level one step too coarse flips 1,466 close), the borders drawn over it hide the rest.
        CHECK(d.differing <= int(kSize.x * kSize.y / 2000));
    }
}
