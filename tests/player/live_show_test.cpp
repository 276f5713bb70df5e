#include <doctest/doctest.h>

#include <SFML/Graphics/RenderTexture.hpp>

#include <fstream>
#include <memory>
#include <string>

#include "exhibit/exhibit_loader.h"
#include "media/media_test_files.h"
#include "player/live_show.h"
#include "timeline/evaluate.h"

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

namespace {
// A text of the layout test's scene: where it is, how wide, anything else, and its words.
struct TextSpec {
    int y = 10;
    int width = 300;
    std::string style = "plain";
    std::string words;
};

std::string sceneOf(const std::vector<TextSpec>& texts) {
    // The same style but for one attribute each: what the layout depends on, or not (colour).
    std::string scene = R"(<style id="plain" size="16"/><style id="red" base="plain" color="#ff0000"/>)"
                        R"(<style id="bold" base="plain" weight="bold"/><style id="large" base="plain" size="18"/>)"
                        R"(<scene id="a" dur="10s">)";
    for (const TextSpec& t : texts)
        scene += R"(<text style=")" + t.style + R"(" x="10" y=")" + std::to_string(t.y) + R"(" width=")" +
                 std::to_string(t.width) + R"(" height="40">)" + t.words + "</text>";
    return scene + "</scene>";
}
}  // namespace

TEST_CASE("live show: a replace after an edit lays out again only the text the edit changed") {
    test::TempDir dir;
    render::RenderResources resources;
    sf::RenderTexture target;
    REQUIRE(target.create(320, 180));
    LiveShow::Options options;
    options.audio = AudioDevice::Off;
    const std::vector<TextSpec> texts{
        {10, 300, "plain", "First words"}, {60, 300, "plain", "Second words"}, {110, 300, "plain", "Third words"}};
    LiveShow live(std::make_shared<Show>(showOf(dir, sceneOf(texts))), resources, options);
    // Each edited show drawn as the studio's preview draws it after a replace: its first frame.
    auto layoutsAfter = [&](int index, auto edit) {
        std::vector<TextSpec> edited = texts;
        edit(edited[static_cast<std::size_t>(index)]);
        const std::size_t before = resources.text().layoutsMade();
        live.replace(std::make_shared<Show>(showOf(dir, sceneOf(edited))));
        live.renderer().render(evaluate(live.show(), seconds(1)), target);
        return resources.text().layoutsMade() - before;
    };
    live.renderer().render(evaluate(live.show(), seconds(1)), target);
    CHECK(resources.text().layoutsMade() == 3);

    // A text moved, or coloured, is set in the same lines: nothing is laid out again.
    CHECK(layoutsAfter(1, [](TextSpec& t) { t.y += 5; }) == 0);
    CHECK(layoutsAfter(2, [](TextSpec& t) { t.style = "red"; }) == 0);
    // A text made narrower, bolder, larger or reworded: that one text, and only it.
    CHECK(layoutsAfter(1, [](TextSpec& t) { t.width = 200; }) == 1);
    CHECK(layoutsAfter(0, [](TextSpec& t) { t.style = "bold"; }) == 1);
    CHECK(layoutsAfter(0, [](TextSpec& t) { t.style = "large"; }) == 1);
    CHECK(layoutsAfter(2, [](TextSpec& t) { t.words = "Third word"; }) == 1);
    // The show as it was at first: its layouts are still kept.
    CHECK(layoutsAfter(0, [](TextSpec&) {}) == 0);
}
