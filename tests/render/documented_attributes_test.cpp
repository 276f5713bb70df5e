// Every attribute the format reference documents does what it says: for each element's
// attributes in the vocabulary (which exhibits/README.md is checked to document, table by
// table), a row renders a small exhibit as `vitrine still` does (LiveShow, off-screen) without
// and with the attribute (or with two values) and checks the difference the reference
// promises: text that moves, a colour in the right place, a brightness about halved, an item
// that appears later. Attributes whose effect is not a picture (a title in scene lists, a
// language, a volume) are checked in the compiled show or the check's diagnostics. An
// attribute with no row fails the test; attributes documented once for many elements
// (timing, layout, appearance, media) have one row, on an element that takes them with the
// same documented meaning. Needs an X display: run under xvfb-run.

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "audio/audio_test_media.h"
#include "exhibit/exhibit_loader.h"
#include "map/compiled_map.h"
#include "map/map_state.h"
#include "media/media_test_files.h"
#include "media/video_test_media.h"
#include "output/offscreen.h"
#include "player/language_choice.h"
#include "player/live_show.h"
#include "render/render_resources.h"
#include "script/vocabulary.h"
#include "support/build_paths.h"

using namespace vitrine;
using vitrine::test::TempDir;

namespace {

constexpr unsigned kWidth = 320, kHeight = 180;  // the canvas, drawn at its own size
constexpr Micros kSecond = kMicrosPerSecond;
const std::string kMaps = map::bundledMapsDirectory().string();

// A rendered exhibit: what compiling it gave and the still at the row's instant.
struct Shot {
    std::shared_ptr<const Show> show;
    Diagnostics diagnostics;
    sf::Image image;

    const Item& item(const std::string& id) const {
        for (const Item& i : show->items)
            if (i.id == id) return i;
        FAIL("no item " << id);
        return show->items.front();
    }
    bool reported(const std::string& code) const {
        for (const Diagnostic& d : diagnostics.all())
            if (d.code == code) return true;
        return false;
    }
};

struct Area {
    int x = 0, y = 0, w = int(kWidth), h = int(kHeight);
};
const Area kAll{};

int lightness(sf::Color c) { return std::max({c.r, c.g, c.b}); }

// Pixels in `a` brighter than the black canvas: text, marks, pictures.
int ink(const sf::Image& image, Area a = kAll, int threshold = 60) {
    int n = 0;
    for (int y = a.y; y < a.y + a.h; ++y)
        for (int x = a.x; x < a.x + a.w; ++x) n += lightness(image.getPixel(unsigned(x), unsigned(y))) > threshold;
    return n;
}

// Pixels in `a` close to `c` (each channel within `tolerance`).
int near(const sf::Image& image, sf::Color c, Area a = kAll, int tolerance = 60) {
    int n = 0;
    for (int y = a.y; y < a.y + a.h; ++y)
        for (int x = a.x; x < a.x + a.w; ++x) {
            sf::Color p = image.getPixel(unsigned(x), unsigned(y));
            n += std::abs(p.r - c.r) <= tolerance && std::abs(p.g - c.g) <= tolerance && std::abs(p.b - c.b) <= tolerance;
        }
    return n;
}

double brightness(const sf::Image& image, Area a = kAll) {
    double sum = 0;
    for (int y = a.y; y < a.y + a.h; ++y)
        for (int x = a.x; x < a.x + a.w; ++x) {
            sf::Color p = image.getPixel(unsigned(x), unsigned(y));
            sum += p.r + p.g + p.b;
        }
    return sum;
}

struct Point {
    double x = 0, y = 0;
};
// The centre of the ink.
Point centroid(const sf::Image& image) {
    double sx = 0, sy = 0, n = 0;
    for (unsigned y = 0; y < kHeight; ++y)
        for (unsigned x = 0; x < kWidth; ++x)
            if (lightness(image.getPixel(x, y)) > 60) sx += x, sy += y, ++n;
    REQUIRE_MESSAGE(n > 0, "nothing drawn");
    return {sx / n, sy / n};
}
// The ink's height: first to last row with ink.
int inkHeight(const sf::Image& image) {
    int top = -1, bottom = -1;
    for (unsigned y = 0; y < kHeight; ++y)
        if (ink(image, {0, int(y), int(kWidth), 1}) > 0) {
            if (top < 0) top = int(y);
            bottom = int(y);
        }
    return top < 0 ? 0 : bottom - top + 1;
}
int inkWidth(const sf::Image& image) {
    int left = -1, right = -1;
    for (unsigned x = 0; x < kWidth; ++x)
        if (ink(image, {int(x), 0, 1, int(kHeight)}) > 0) {
            if (left < 0) left = int(x);
            right = int(x);
        }
    return left < 0 ? 0 : right - left + 1;
}
bool differ(const sf::Image& a, const sf::Image& b, Area area = kAll) {
    int changed = 0;
    for (int y = area.y; y < area.y + area.h; ++y)
        for (int x = area.x; x < area.x + area.w; ++x) {
            sf::Color p = a.getPixel(unsigned(x), unsigned(y)), q = b.getPixel(unsigned(x), unsigned(y));
            changed += std::abs(p.r - q.r) + std::abs(p.g - q.g) + std::abs(p.b - q.b) > 30;
        }
    return changed > 20;
}

const sf::Color kRed(255, 0, 0);

using Check = std::function<void(const Shot& without, const Shot& with)>;

struct Row {
    std::string element, attribute;
    std::string without, with;  // two whole exhibits
    Micros at = kSecond;
    Check check;
};

// An exhibit of the test's size around `inside`, with `head` (styles, regions) first.
std::string exhibit(const std::string& inside, const std::string& head = "", const std::string& attributes = "") {
    return "<exhibit size=\"320x180\" lang=\"en\"" + attributes + ">\n<style id=\"default\" size=\"24\"/>\n" + head +
           "\n" + inside + "\n</exhibit>\n";
}
std::string scene(const std::string& body, const std::string& attributes = " dur=\"10s\"") {
    return "<scene id=\"s\"" + attributes + ">" + body + "</scene>";
}
// A text on the canvas, as `<text ATTRIBUTES>Words</text>` in a scene.
std::string text(const std::string& attributes, const std::string& words = "Words here") {
    return exhibit(scene("<text id=\"t\"" + attributes + ">" + words + "</text>"));
}
std::string styled(const std::string& styleAttributes, const std::string& words = "Words here",
                   const std::string& textAttributes = "") {
    return exhibit(scene("<text id=\"t\" style=\"x\"" + textAttributes + ">" + words + "</text>"),
                   "<style id=\"x\"" + styleAttributes + "/>");
}
const std::string kLong = "Many words that wrap onto several lines in a narrow box";
std::string map(const std::string& attributes, const std::string& children = "", const std::string& head = "",
                const std::string& view = "40,37.5 → 51,43.5") {
    return exhibit(scene("<map id=\"m\" src=\"" + kMaps + "/caucasus.geojson\" view=\"" + view + "\"" + attributes + ">" +
                         children + "</map>"),
                   head);
}
// The pixels around lon,lat on the shot's map as it first shows (the canvas is drawn at its size).
Area around(const Shot& shot, double lon, double lat, int half = 6) {
    for (const Item& i : shot.show->items)
        if (i.kind == ItemKind::Map && i.map) {
            const map::MapState state = map::evaluateMap(i.map->scene, 0, i.box);
            const map::Point2 p = map::canvasAt(i.map->scene, state, {lon, lat});
            return {int(p.x) - half, int(p.y) - half, 2 * half, 2 * half};
        }
    FAIL("no map");
    return {};
}

void appearsLater(const Shot& a, const Shot& b) {
    CHECK(ink(a.image) > 50);
    CHECK(ink(b.image) < ink(a.image) / 10);
}
void movedRight(const Shot& a, const Shot& b) { CHECK(centroid(b.image).x > centroid(a.image).x + 40); }
void movedDown(const Shot& a, const Shot& b) { CHECK(centroid(b.image).y > centroid(a.image).y + 30); }
void turnedRed(const Shot& a, const Shot& b) {
    CHECK(near(a.image, kRed) < 5);
    CHECK(near(b.image, kRed) > 40);
}
void aboutHalf(const Shot& a, const Shot& b) {
    const double ratio = brightness(b.image) / brightness(a.image);
    CHECK(ratio > 0.35);
    CHECK(ratio < 0.65);
}
void pictureChanged(const Shot& a, const Shot& b) { CHECK(differ(a.image, b.image)); }
Check warns(const std::string& code) {
    return [code](const Shot& a, const Shot& b) {
        CHECK_FALSE(a.reported(code));
        CHECK(b.reported(code));
    };
}

std::vector<Row> rows() {
    const std::string red = "#ff0000";
    std::vector<Row> r;
    auto add = [&](std::string e, std::string a, std::string without, std::string with, Micros at, Check c) {
        r.push_back({std::move(e), std::move(a), std::move(without), std::move(with), at, std::move(c)});
    };

    // ---- <exhibit> -----------------------------------------------------------------------
    add("exhibit", "title", exhibit(scene("")), exhibit(scene(""), "", " title=\"River\""), 0,
        [](const Shot& a, const Shot& b) { CHECK(a.show->title.empty()); CHECK(b.show->title == "River"); });
    add("exhibit", "size", exhibit(scene("")), "<exhibit size=\"320x90\">" + scene("") + "</exhibit>", 0,
        [](const Shot& a, const Shot& b) { CHECK(a.show->canvas.height == 180); CHECK(b.show->canvas.height == 90); });
    add("exhibit", "lang", "<exhibit size=\"320x180\">" + scene("") + "</exhibit>",
        "<exhibit size=\"320x180\" lang=\"hy en\">" + scene("") + "</exhibit>", 0,
        [](const Shot&, const Shot& b) { CHECK(b.show->languages == std::vector<std::string>{"hy", "en"}); });
    add("exhibit", "version", exhibit(scene(""), "", " version=\"1\""), exhibit(scene(""), "", " version=\"2\""), 0,
        warns("out-of-range"));
    add("exhibit", "default-dur", exhibit(scene("", "")), exhibit(scene("", ""), "", " default-dur=\"3s\""), 0,
        [](const Shot& a, const Shot& b) { CHECK(a.show->duration == 8 * kSecond); CHECK(b.show->duration == 3 * kSecond); });
    {
        // Half-way through a one-second fade from a red scene to a black one.
        const std::string scenes = "<scene id=\"a\" dur=\"2s\" background=\"#ff0000\"/><scene id=\"b\" dur=\"2s\"/>";
        add("exhibit", "default-transition", exhibit(scenes), exhibit(scenes, "", " default-transition=\"fade 1s\""),
            2 * kSecond + kSecond / 2, [](const Shot& a, const Shot& b) {
                CHECK(near(a.image, sf::Color::Black, kAll, 10) > 50000);
                CHECK(near(b.image, sf::Color(128, 0, 0), kAll, 40) > 50000);
            });
    }
    add("exhibit", "reading-pace", text(" dur=\"10s\"", "Eleven words that a visitor reads at an ordinary pace here"),
        exhibit(scene("<text dur=\"10s\">Eleven words that a visitor reads at an ordinary pace here</text>"), "",
                " reading-pace=\"60\""),
        kSecond, warns("reading-time"));
    add("exhibit", "background", "<exhibit size=\"320x180\"><scene id=\"s\" dur=\"5s\"/></exhibit>",
        "<exhibit size=\"320x180\" background=\"#ff0000\"><scene id=\"s\" dur=\"5s\"/></exhibit>", kSecond,
        [](const Shot& a, const Shot& b) { CHECK(near(a.image, kRed) == 0); CHECK(near(b.image, kRed) > 50000); });

    // ---- <include> ----------------------------------------------------------------------------
    add("include", "src", exhibit(scene("")), exhibit("<include src=\"part.xml\"/>"), kSecond,
        [](const Shot& a, const Shot& b) { CHECK(ink(a.image) == 0); CHECK(ink(b.image) > 50); });

    // ---- <style> ------------------------------------------------------------------------------
    add("style", "id", text(""), styled(" color=\"#ff0000\""), kSecond, turnedRed);
    add("style", "base", exhibit(scene("<text style=\"y\">Words here</text>"), "<style id=\"x\" color=\"#ff0000\"/><style id=\"y\"/>"),
        exhibit(scene("<text style=\"y\">Words here</text>"), "<style id=\"x\" color=\"#ff0000\"/><style id=\"y\" base=\"x\"/>"),
        kSecond, turnedRed);
    add("style", "font", styled(" font=\"serif\""), styled(" font=\"sans\""), kSecond, pictureChanged);
    add("style", "size", styled(" size=\"16\""), styled(" size=\"32\""), kSecond,
        [](const Shot& a, const Shot& b) { CHECK(inkHeight(b.image) > inkHeight(a.image) * 3 / 2); });
    add("style", "color", styled(""), styled(" color=\"#ff0000\""), kSecond, turnedRed);
    add("style", "weight", styled(""), styled(" weight=\"bold\""), kSecond,
        [](const Shot& a, const Shot& b) { CHECK(ink(b.image) > ink(a.image) * 11 / 10); });
    add("style", "italic", styled(""), styled(" italic=\"true\""), kSecond, pictureChanged);
    add("style", "line-height", styled("", "One<br/>Two"), styled(" line-height=\"2.5\"", "One<br/>Two"), kSecond,
        [](const Shot& a, const Shot& b) { CHECK(inkHeight(b.image) > inkHeight(a.image) + 15); });
    add("style", "align", styled(""), styled(" align=\"center\""), kSecond, movedRight);
    add("style", "valign", styled(""), styled(" valign=\"middle\""), kSecond, movedDown);
    add("style", "max-width", styled("", kLong), styled(" max-width=\"40%\"", kLong), kSecond,
        [](const Shot& a, const Shot& b) {
            CHECK(inkWidth(b.image) <= int(kWidth) * 2 / 5 + 2);
            CHECK(inkHeight(b.image) > inkHeight(a.image));
        });
    add("style", "background", styled(""), styled(" background=\"#ff0000\""), kSecond, turnedRed);
    add("style", "padding", styled(" background=\"#ff0000\""), styled(" background=\"#ff0000\" padding=\"16\""), kSecond,
        [](const Shot& a, const Shot& b) { CHECK(near(b.image, kRed) > near(a.image, kRed) + 1000); });
    {
        // On a grey scene a shadow darkens the grey beside the glyphs.
        const std::string grey = " dur=\"10s\" background=\"#808080\"";
        add("style", "shadow", exhibit(scene("<text style=\"x\">Words</text>", grey), "<style id=\"x\"/>"),
            exhibit(scene("<text style=\"x\">Words</text>", grey), "<style id=\"x\" shadow=\"#000000\"/>"), kSecond,
            [](const Shot& a, const Shot& b) {
                CHECK(near(b.image, sf::Color(40, 40, 40), kAll, 40) > near(a.image, sf::Color(40, 40, 40), kAll, 40) + 30);
            });
    }

    // ---- <region> -----------------------------------------------------------------------------
    auto inRegion = [&](const std::string& region) {
        return exhibit(scene("<text region=\"r\" style=\"c\">Words</text>"),
                       "<style id=\"c\" align=\"center\" valign=\"middle\"/>" + region);
    };
    add("region", "id", exhibit(scene("<text>Words</text>")), inRegion("<region id=\"r\" x=\"50%\"/>"), kSecond, movedRight);
    add("region", "x", inRegion("<region id=\"r\"/>"), inRegion("<region id=\"r\" x=\"50%\"/>"), kSecond, movedRight);
    add("region", "y", inRegion("<region id=\"r\"/>"), inRegion("<region id=\"r\" y=\"50%\"/>"), kSecond, movedDown);
    add("region", "width", inRegion("<region id=\"r\"/>"), inRegion("<region id=\"r\" width=\"50%\"/>"), kSecond,
        [](const Shot& a, const Shot& b) { CHECK(centroid(b.image).x < centroid(a.image).x - 40); });
    add("region", "height", inRegion("<region id=\"r\"/>"), inRegion("<region id=\"r\" height=\"40%\"/>"), kSecond,
        [](const Shot& a, const Shot& b) { CHECK(centroid(b.image).y < centroid(a.image).y - 30); });

    // ---- timing, on a <text> (the reference documents them once for every timed element) ------
    add("text", "id", text(""), exhibit(scene("<text id=\"u\">Words here</text>")), kSecond,
        [](const Shot& a, const Shot& b) { CHECK(a.show->items[0].id == "t"); CHECK(b.show->items[0].id == "u"); });
    add("text", "begin", text(""), text(" begin=\"2s\""), kSecond, appearsLater);
    add("text", "dur", text(" dur=\"3s\""), text(" dur=\"1s\""), 2 * kSecond, appearsLater);
    add("text", "end", text(" end=\"3s\""), text(" end=\"1s\""), 2 * kSecond, appearsLater);
    add("text", "fill", text(" dur=\"1s\" fill=\"freeze\""), text(" dur=\"1s\""), 2 * kSecond, appearsLater);
    add("text", "repeat", exhibit(scene("<text dur=\"1s\" repeat=\"3\">Words</text>")),
        exhibit(scene("<text dur=\"1s\">Words</text>")), 2 * kSecond + kSecond / 2, appearsLater);
    // ---- layout and appearance, on a <text> -----------------------------------------------------
    add("text", "x", text(""), text(" x=\"50%\""), kSecond, movedRight);
    add("text", "y", text(""), text(" y=\"50%\""), kSecond, movedDown);
    add("text", "width", text("", kLong), text(" width=\"40%\"", kLong), kSecond,
        [](const Shot& a, const Shot& b) { CHECK(inkHeight(b.image) > inkHeight(a.image) + 20); });
    add("text", "height", styled(" valign=\"bottom\""), styled(" valign=\"bottom\"", "Words here", " height=\"40%\""), kSecond,
        [](const Shot& a, const Shot& b) { CHECK(centroid(b.image).y < centroid(a.image).y - 40); });
    add("text", "anchor", text(" width=\"50%\" height=\"50%\""), text(" width=\"50%\" height=\"50%\" anchor=\"bottom-right\""),
        kSecond, [](const Shot& a, const Shot& b) { movedRight(a, b); movedDown(a, b); });
    add("text", "region", exhibit(scene("<text>Words</text>"), "<region id=\"r\" x=\"50%\" y=\"50%\"/>"),
        exhibit(scene("<text region=\"r\">Words</text>"), "<region id=\"r\" x=\"50%\" y=\"50%\"/>"), kSecond,
        [](const Shot& a, const Shot& b) { movedRight(a, b); movedDown(a, b); });
    add("text", "opacity", text(""), text(" opacity=\"0.5\""), kSecond, aboutHalf);
    add("text", "fade", text(""), text(" fade=\"2s\""), kSecond, aboutHalf);
    add("text", "fade-in", text(""), text(" fade-in=\"2s\""), kSecond, aboutHalf);
    add("text", "fade-out", text(" dur=\"4s\""), text(" dur=\"4s\" fade-out=\"2s\""), 3 * kSecond, aboutHalf);
    add("text", "style", text(""), styled(" color=\"#ff0000\""), kSecond, turnedRed);
    add("text", "lang", text(""), text(" lang=\"hy\""), kSecond,
        [](const Shot&, const Shot& b) { CHECK(b.item("t").paragraphs.at(0).runs.at(0).lang == "hy"); });

    // ---- <seq>, <par>, <scene> -------------------------------------------------------------------
    add("scene", "title", exhibit(scene("")), exhibit(scene("", " dur=\"2s\" title=\"Harbour\"")), 0,
        [](const Shot& a, const Shot& b) { CHECK(a.show->scenes[0].title.empty()); CHECK(b.show->scenes[0].title == "Harbour"); });
    {
        const std::string scenes = "<scene id=\"a\" dur=\"2s\" background=\"#ff0000\"/><scene id=\"b\" dur=\"2s\"";
        add("scene", "transition", exhibit(scenes + "/>"), exhibit(scenes + " transition=\"fade 1s\"/>"),
            2 * kSecond + kSecond / 2, [](const Shot& a, const Shot& b) {
                CHECK(near(a.image, sf::Color::Black, kAll, 10) > 50000);
                CHECK(near(b.image, sf::Color(128, 0, 0), kAll, 40) > 50000);
            });
    }
    add("scene", "background", exhibit(scene("")), exhibit(scene("", " dur=\"10s\" background=\"#ff0000\"")), kSecond,
        turnedRed);

    // ---- <advisory>, <credits>, <entry> --------------------------------------------------------------
    add("advisory", "title", exhibit("<advisory dur=\"5s\"><p>Violence.</p></advisory>"),
        exhibit("<advisory dur=\"5s\" title=\"Advisory\"><p>Violence.</p></advisory>"), kSecond,
        [](const Shot& a, const Shot& b) { CHECK(inkHeight(b.image) > inkHeight(a.image) + 15); });
    add("advisory", "style", exhibit("<advisory dur=\"5s\"><p>Violence.</p></advisory>", "<style id=\"x\" color=\"#ff0000\"/>"),
        exhibit("<advisory dur=\"5s\" style=\"x\"><p>Violence.</p></advisory>", "<style id=\"x\" color=\"#ff0000\"/>"), kSecond,
        [](const Shot& a, const Shot& b) {
            turnedRed(a, b);
            CHECK(std::abs(centroid(b.image).x - kWidth / 2.0) < 10);  // still centred
            CHECK(std::abs(centroid(b.image).y - kHeight / 2.0) < 10);
        });
    {
        const std::string two = "<scene id=\"a\" dur=\"2s\" background=\"#ff0000\"/>";
        add("advisory", "transition", exhibit(two + "<advisory dur=\"5s\"><p>Violence.</p></advisory>"),
            exhibit(two + "<advisory dur=\"5s\" transition=\"fade 1s\"><p>Violence.</p></advisory>"),
            2 * kSecond + kSecond / 2, [](const Shot& a, const Shot& b) {
                CHECK(near(a.image, kRed, kAll, 40) == 0);
                CHECK(near(b.image, sf::Color(128, 0, 0), kAll, 40) > 30000);
            });
        add("credits", "transition", exhibit(two + "<credits dur=\"5s\"><entry>A museum</entry></credits>"),
            exhibit(two + "<credits dur=\"5s\" transition=\"fade 1s\"><entry>A museum</entry></credits>"),
            2 * kSecond + kSecond / 2, [](const Shot& a, const Shot& b) {
                CHECK(near(a.image, kRed, kAll, 40) == 0);
                CHECK(near(b.image, sf::Color(128, 0, 0), kAll, 40) > 30000);
            });
    }
    add("credits", "title", exhibit("<credits dur=\"5s\"><entry>A museum</entry></credits>"),
        exhibit("<credits dur=\"5s\" title=\"Credits\"><entry>A museum</entry></credits>"), kSecond,
        [](const Shot& a, const Shot& b) { CHECK(inkHeight(b.image) > inkHeight(a.image) + 15); });
    add("credits", "style", exhibit("<credits dur=\"5s\"><entry>A museum</entry></credits>", "<style id=\"credits\" color=\"#ff0000\"/>"),
        exhibit("<credits dur=\"5s\" style=\"credits\"><entry>A museum</entry></credits>", "<style id=\"credits\" color=\"#ff0000\"/>"),
        kSecond, [](const Shot& a, const Shot& b) {
            turnedRed(a, b);  // a style called "credits" applies only when named
            CHECK(std::abs(centroid(a.image).x - kWidth / 2.0) < 10);
            CHECK(std::abs(centroid(b.image).x - kWidth / 2.0) < 10);  // and keeps the centring
            CHECK(std::abs(centroid(b.image).y - kHeight / 2.0) < 10);
        });
    add("entry", "role", exhibit("<credits dur=\"5s\"><entry>A museum</entry></credits>"),
        exhibit("<credits dur=\"5s\"><entry role=\"Text\">A museum</entry></credits>"), kSecond,
        [](const Shot& a, const Shot& b) { CHECK(inkHeight(b.image) > inkHeight(a.image) + 15); });

    // ---- <credits> <entry> ----
    add("entry", "lang", exhibit("<credits id=\"c\" dur=\"5s\"><entry role=\"Text\">Words</entry></credits>"),
        exhibit("<credits id=\"c\" dur=\"5s\"><entry lang=\"hy\" role=\"Text\">Words</entry></credits>"),
        kSecond, [](const Shot& a, const Shot& b) {
            auto languages = [](const Shot& s) {
                std::vector<std::string> found;
                for (const Item& i : s.show->items)
                    for (const auto& p : i.paragraphs) found.push_back(p.lang);
                return found;
            };
            const auto inA = languages(a), inB = languages(b);
            CHECK(std::count(inA.begin(), inA.end(), "hy") == 0);
            CHECK(std::count(inB.begin(), inB.end(), "hy") >= 1);
        });
    // ---- <p>, <span> ------------------------------------------------------------------------------
    add("p", "lang", text("", "<p>Words</p>"), text("", "<p lang=\"hy\">Words</p>"), kSecond,
        [](const Shot&, const Shot& b) { CHECK(b.item("t").paragraphs.at(0).lang == "hy"); });
    add("p", "style", exhibit(scene("<text><p>First</p><p>Second</p></text>"), "<style id=\"q\" color=\"#ff0000\"/>"),
        exhibit(scene("<text><p>First</p><p style=\"q\">Second</p></text>"), "<style id=\"q\" color=\"#ff0000\"/>"), kSecond,
        [](const Shot& a, const Shot& b) {
            turnedRed(a, b);
            CHECK(near(b.image, kRed, {0, 0, int(kWidth), 30}) == 0);  // the first paragraph keeps the text's colour
            CHECK(near(b.image, kRed, {0, 30, int(kWidth), 60}) > 40);
        });
    add("span", "lang", text("", "A <span>word</span>"), text("", "A <span lang=\"hy\">word</span>"), kSecond,
        [](const Shot&, const Shot& b) { CHECK(b.item("t").paragraphs.at(0).runs.at(1).lang == "hy"); });

    // ---- <image> and the media attributes ---------------------------------------------------------
    auto image = [&](const std::string& attributes) {
        return exhibit(scene("<image id=\"i\" credit=\"c\"" + attributes + "/>"));
    };
    add("image", "src", image(" src=\"red.ppm\""), image(" src=\"halves.ppm\""), kSecond,
        [](const Shot& a, const Shot& b) {
            CHECK(near(a.image, kRed, {200, 0, 120, 180}) > 10000);
            CHECK(near(b.image, sf::Color(0, 0, 255), {200, 0, 120, 180}) > 10000);
        });
    add("image", "credit", exhibit(scene("<image src=\"red.ppm\"/>")), image(" src=\"red.ppm\""), kSecond,
        [](const Shot& a, const Shot& b) { CHECK(a.reported("missing-credit")); CHECK_FALSE(b.reported("missing-credit")); });
    add("image", "source", image(" src=\"red.ppm\""), image(" src=\"red.ppm\" source=\"Archive\""), kSecond,
        [](const Shot&, const Shot& b) { CHECK(b.item("i").source == "Archive"); });
    // A 2:1 picture in the whole 16:9 canvas: contain leaves bars above and below, cover fills.
    add("image", "fit", image(" src=\"halves.ppm\""), image(" src=\"halves.ppm\" fit=\"cover\""), kSecond,
        [](const Shot& a, const Shot& b) {
            CHECK(ink(a.image, {0, 0, int(kWidth), 8}) == 0);
            CHECK(ink(b.image, {0, 0, int(kWidth), 8}) > 2000);
        });
    add("image", "panzoom", image(" src=\"halves.ppm\" fit=\"fill\""),
        image(" src=\"halves.ppm\" fit=\"fill\" panzoom=\"50%,0,50%,100% → 50%,0,50%,100%\""), kSecond,
        [](const Shot& a, const Shot& b) {
            CHECK(near(a.image, kRed, {0, 0, 150, 180}) > 20000);
            CHECK(near(b.image, sf::Color(0, 0, 255), {0, 0, 150, 180}) > 20000);  // the right half fills the box
        });
    add("image", "panzoom-easing", image(" src=\"halves.ppm\" fit=\"fill\" dur=\"4s\" panzoom=\"0,0,50%,100% → 50%,0,50%,100%\" panzoom-easing=\"linear\""),
        image(" src=\"halves.ppm\" fit=\"fill\" dur=\"4s\" panzoom=\"0,0,50%,100% → 50%,0,50%,100%\" panzoom-easing=\"expo-in\""),
        kSecond, [](const Shot& a, const Shot& b) {
            // A quarter of the way: linear has moved a quarter, expo-in hardly at all.
            CHECK(near(a.image, sf::Color(0, 0, 255), kAll, 60) > near(b.image, sf::Color(0, 0, 255), kAll, 60) + 5000);
        });
    add("image", "placeholder", exhibit(scene("")), exhibit(scene("<image placeholder=\"A photograph\"/>")), kSecond,
        [](const Shot& a, const Shot& b) { CHECK(ink(a.image) == 0); CHECK(ink(b.image, kAll, 20) > 1000); });

    // ---- <video> ---------------------------------------------------------------------------------
    auto video = [&](const std::string& attributes, const std::string& sceneAttributes = " dur=\"10s\"") {
        return exhibit(scene("<video id=\"v\" src=\"clip.mp4\" credit=\"c\"" + attributes + "/>", sceneAttributes));
    };
    add("video", "fit", video(""), video(" fit=\"fill\""), kSecond / 2, pictureChanged);
    add("video", "in", video(""), video(" in=\"1s\""), kSecond / 4, pictureChanged);
    add("video", "out", video(""), video(" out=\"1s\""), kSecond + kSecond / 2, appearsLater);
    add("video", "loop", video(" out=\"1s\" dur=\"3s\""), video(" out=\"1s\" dur=\"3s\" loop=\"true\""),
        kSecond + kSecond / 2, pictureChanged);
    add("video", "volume", video(""), video(" volume=\"0.25\""), 0,
        [](const Shot& a, const Shot& b) { CHECK(a.item("v").volume == 1); CHECK(b.item("v").volume == 0.25); });
    add("video", "captions", video(""), video(" captions=\"one.vtt\""), kSecond / 2,
        [](const Shot& a, const Shot& b) { CHECK(ink(b.image, {0, 120, int(kWidth), 60}) > ink(a.image, {0, 120, int(kWidth), 60}) + 50); });
    add("video", "second-captions", video(" captions=\"one.vtt\""), video(" captions=\"one.vtt\" second-captions=\"two.vtt\""),
        kSecond / 2, [](const Shot& a, const Shot& b) { CHECK(differ(a.image, b.image, {0, 90, int(kWidth), 90})); });
    // A sign-language video is the installation's to show, in its region: compiled as a video
    // like any other, placed (or left out) by placeSignLanguage, whose drawing is tested in
    // tests/player/sign_language_inset_test.cpp; `vitrine still` leaves it out (tests/app).
    add("video", "kind", video(""), video(" kind=\"sign-language\""), kSecond / 2, [](const Shot& a, const Shot& b) {
        CHECK(ink(a.image) > 1000);
        CHECK(b.item("v").kind == ItemKind::Video);
        CHECK_FALSE(b.reported("bad-value"));
    });
    add("video", "placeholder", exhibit(scene("<video id=\"v\" kind=\"sign-language\" src=\"clip.mp4\" credit=\"c\"/>")),
        exhibit(scene("<video id=\"v\" kind=\"sign-language\" placeholder=\"An interpreter\"/>")), 0,
        [](const Shot& a, const Shot& b) {
            CHECK(a.item("v").placeholder.empty());
            CHECK(b.item("v").placeholder == "An interpreter");
            CHECK(b.item("v").src.empty());
        });

    // ---- <audio> ---------------------------------------------------------------------------------
    auto audio = [&](const std::string& attributes) {
        return exhibit(scene("<audio id=\"a\" src=\"tone.wav\" credit=\"c\" captions=\"one.vtt\"" + attributes + "/>"));
    };
    auto field = [](std::function<double(const Item&)> get, double without, double with) {
        return Check([get, without, with](const Shot& a, const Shot& b) {
            CHECK(get(a.item("a")) == doctest::Approx(without));
            CHECK(get(b.item("a")) == doctest::Approx(with));
        });
    };
    add("audio", "volume", audio(""), audio(" volume=\"0.5\""), 0, field([](const Item& i) { return i.volume; }, 1, 0.5));
    add("audio", "fade-in", audio(""), audio(" fade-in=\"2s\""), 0, field([](const Item& i) { return double(i.fadeIn); }, 0, 2e6));
    add("audio", "fade-out", audio(""), audio(" fade-out=\"2s\""), 0, field([](const Item& i) { return double(i.fadeOut); }, 0, 2e6));
    add("audio", "captions", exhibit(scene("<audio src=\"tone.wav\" credit=\"c\" role=\"effect\"/>")), audio(""), kSecond / 2,
        [](const Shot& a, const Shot& b) { CHECK(ink(a.image) == 0); CHECK(ink(b.image, {0, 120, int(kWidth), 60}) > 50); });
    add("audio", "second-captions", audio(""), audio(" second-captions=\"two.vtt\""), kSecond / 2,
        [](const Shot& a, const Shot& b) { CHECK(differ(a.image, b.image)); });
    add("audio", "role", exhibit(scene("<audio src=\"tone.wav\" credit=\"c\"/>")),
        exhibit(scene("<audio src=\"tone.wav\" credit=\"c\" role=\"bed\"/>")), 0, [](const Shot& a, const Shot& b) {
            CHECK(a.reported("missing-captions"));  // speech needs captions; a bed does not
            CHECK_FALSE(b.reported("missing-captions"));
        });
    add("audio", "duck", audio(" role=\"bed\""), audio(" role=\"bed\" duck=\"0.3\""), 0,
        field([](const Item& i) { return i.duck; }, 1, 0.3));
    add("audio", "in", audio(""), audio(" in=\"1s\""), 0, field([](const Item& i) { return double(i.clipIn); }, 0, 1e6));
    // An audio description's words are heard, not shown: its captions are not drawn.
    add("audio", "kind", audio(""), audio(" kind=\"description\""), kSecond / 2, [](const Shot& a, const Shot& b) {
        CHECK_FALSE(a.item("a").description);
        CHECK(b.item("a").description);
        CHECK(ink(a.image, {0, 120, int(kWidth), 60}) > 50);
        CHECK(ink(b.image, {0, 120, int(kWidth), 60}) == 0);
    });

    // ---- <map> -----------------------------------------------------------------------------------
    add("visitor-code", "style", exhibit(scene("<visitor-code width=\"60%\"/>")),
        exhibit(scene("<visitor-code width=\"60%\" style=\"x\"/>"), "<style id=\"x\" color=\"" + red + "\"/>"), kSecond,
        turnedRed);
    add("map", "src", exhibit(scene("<map view=\"40,37.5 → 51,43.5\"/>")), map(""), kSecond, pictureChanged);
    add("map", "view", map(""), map("", "", "", "44,39 → 47,41"), kSecond, pictureChanged);
    add("map", "projection", map(""), map(" projection=\"mercator\""), kSecond, pictureChanged);
    add("map", "credit", map(""), map(" credit=\"Natural Earth\""), kSecond,
        [](const Shot& a, const Shot& b) { CHECK(differ(a.image, b.image, {160, 150, 160, 30})); });
    add("map", "source", map(""), map(" source=\"naturalearthdata.com\""), kSecond,
        [](const Shot&, const Shot& b) { CHECK(b.item("m").source == "naturalearthdata.com"); });

    // ---- map children -------------------------------------------------------------------------------
    add("marker", "at", map("", "<marker at=\"42,42\" color=\"#ff0000\"/>"), map("", "<marker at=\"48,39\" color=\"#ff0000\"/>"),
        kSecond, [](const Shot& a, const Shot& b) {
            CHECK(near(a.image, kRed, around(a, 42, 42)) > 3);
            CHECK(near(b.image, kRed, around(b, 48, 39)) > 3);
            CHECK(near(b.image, kRed, around(b, 42, 42)) == 0);
        });
    add("marker", "begin", map("", "<marker at=\"45,40\" color=\"#ff0000\"/>"),
        map("", "<marker at=\"45,40\" color=\"#ff0000\" begin=\"3s\"/>"), 2 * kSecond,
        [](const Shot& a, const Shot& b) { CHECK(near(a.image, kRed, around(a, 45, 40)) > 3); CHECK(near(b.image, kRed, around(b, 45, 40)) == 0); });
    add("marker", "label", map("", "<marker at=\"45,40\"/>"), map("", "<marker at=\"45,40\" label=\"Place\"/>"), kSecond,
        [](const Shot& a, const Shot& b) { CHECK(differ(a.image, b.image, around(b, 45, 40, 40))); });
    add("marker", "shape", map("", "<marker at=\"45,40\" color=\"#ff0000\"/>"),
        map("", "<marker at=\"45,40\" color=\"#ff0000\" shape=\"ring\"/>"), kSecond,
        [](const Shot& a, const Shot& b) { CHECK(differ(a.image, b.image, around(b, 45, 40, 8))); });
    add("marker", "color", map("", "<marker at=\"45,40\"/>"), map("", "<marker at=\"45,40\" color=\"#ff0000\"/>"), kSecond,
        [](const Shot& a, const Shot& b) { CHECK(near(a.image, kRed, around(a, 45, 40)) == 0); CHECK(near(b.image, kRed, around(b, 45, 40)) > 3); });
    add("label", "at", map("", "<label at=\"43,42\" text=\"Place\"/>"), map("", "<label at=\"48,39\" text=\"Place\"/>"), kSecond,
        [](const Shot& a, const Shot& b) { CHECK(differ(a.image, b.image, around(b, 48, 39, 20))); });
    add("label", "text", map("", "<label at=\"45,40\" text=\"A\"/>"), map("", "<label at=\"45,40\" text=\"Armenia\"/>"), kSecond,
        [](const Shot& a, const Shot& b) { CHECK(differ(a.image, b.image, around(b, 45, 40, 30))); });
    add("label", "style", map("", "<label at=\"45,40\" text=\"Place\"/>", "<style id=\"x\" color=\"#ff0000\"/>"),
        map("", "<label at=\"45,40\" text=\"Place\" style=\"x\"/>", "<style id=\"x\" color=\"#ff0000\"/>"), kSecond,
        [](const Shot& a, const Shot& b) { CHECK(near(a.image, kRed, around(a, 45, 40, 30)) == 0); CHECK(near(b.image, kRed, around(b, 45, 40, 30)) > 10); });
    add("fly", "to", map("", "<fly to=\"42,42\" zoom=\"2\" dur=\"2s\"/>"), map("", "<fly to=\"48,39\" zoom=\"2\" dur=\"2s\"/>"),
        3 * kSecond, pictureChanged);
    add("fly", "zoom", map("", "<fly to=\"45,40\" zoom=\"1\" dur=\"2s\"/>"), map("", "<fly to=\"45,40\" zoom=\"4\" dur=\"2s\"/>"),
        3 * kSecond, pictureChanged);
    add("fly", "easing", map("", "<fly to=\"48,39\" zoom=\"3\" dur=\"4s\" easing=\"linear\"/>"),
        map("", "<fly to=\"48,39\" zoom=\"3\" dur=\"4s\" easing=\"expo-in\"/>"), kSecond, pictureChanged);
    add("view", "box", map("", "<view box=\"40,37.5 → 51,43.5\" begin=\"1s\"/>"), map("", "<view box=\"44,39 → 47,41\" begin=\"1s\"/>"),
        2 * kSecond, pictureChanged);
    add("highlight", "feature", map("", "<highlight feature=\"Georgia\" color=\"#ff0000\"/>"),
        map("", "<highlight feature=\"Armenia\" color=\"#ff0000\"/>"), 2 * kSecond,
        [](const Shot& a, const Shot& b) { CHECK(near(b.image, kRed, around(b, 45, 40.2, 10), 90) > near(a.image, kRed, around(a, 45, 40.2, 10), 90) + 50); });
    add("highlight", "color", map("", "<highlight feature=\"Armenia\"/>"), map("", "<highlight feature=\"Armenia\" color=\"#ff0000\"/>"),
        2 * kSecond, [](const Shot& a, const Shot& b) { CHECK(near(b.image, kRed, around(b, 45, 40.2, 10), 90) > near(a.image, kRed, around(a, 45, 40.2, 10), 90) + 50); });
    auto route = [&](const std::string& attributes) { return map("", "<route" + attributes + "/>"); };
    add("route", "from", route(" from=\"42,42\" to=\"48,39\" color=\"#ff0000\" dur=\"1s\""),
        route(" from=\"42,38\" to=\"48,39\" color=\"#ff0000\" dur=\"1s\""), 2 * kSecond,
        [](const Shot& a, const Shot& b) { CHECK(near(a.image, kRed, around(a, 42.4, 41.8, 10)) > near(b.image, kRed, around(b, 42.4, 41.8, 10)) + 3); });
    add("route", "to", route(" from=\"45,40\" to=\"42,42\" color=\"#ff0000\" dur=\"1s\""),
        route(" from=\"45,40\" to=\"42,42;48,42\" color=\"#ff0000\" dur=\"1s\""), 2 * kSecond,
        [](const Shot& a, const Shot& b) { CHECK(near(b.image, kRed) > near(a.image, kRed) + 20); });
    add("route", "via", route(" from=\"45,40\" to=\"48,42\" color=\"#ff0000\" dur=\"1s\""),
        route(" from=\"45,40\" via=\"42,42\" to=\"48,42\" color=\"#ff0000\" dur=\"1s\""), 2 * kSecond,
        [](const Shot& a, const Shot& b) { CHECK(near(b.image, kRed, around(b, 42, 42, 10)) > near(a.image, kRed, around(a, 42, 42, 10)) + 3); });
    add("route", "legs", route(" from=\"42,42\" to=\"48,39\" color=\"#ff0000\" dur=\"1s\""),
        route(" from=\"42,42\" to=\"48,39\" color=\"#ff0000\" dur=\"1s\" legs=\"straight\""), 2 * kSecond,
        [](const Shot& a, const Shot& b) { CHECK(differ(a.image, b.image)); });
    add("route", "color", route(" from=\"42,42\" to=\"48,39\" dur=\"1s\""), route(" from=\"42,42\" to=\"48,39\" color=\"#ff0000\" dur=\"1s\""),
        2 * kSecond, turnedRed);
    add("route", "width", route(" from=\"42,42\" to=\"48,39\" color=\"#ff0000\" width=\"1\" dur=\"1s\""),
        route(" from=\"42,42\" to=\"48,39\" color=\"#ff0000\" width=\"8\" dur=\"1s\""), 2 * kSecond,
        [](const Shot& a, const Shot& b) { CHECK(near(b.image, kRed) > near(a.image, kRed) * 2); });
    add("route", "label", route(" from=\"42,42\" to=\"48,39\" dur=\"1s\""), route(" from=\"42,42\" to=\"48,39\" dur=\"1s\" label=\"Here\""),
        3 * kSecond, [](const Shot& a, const Shot& b) { CHECK(differ(a.image, b.image, around(b, 48, 39, 40))); });
    // ---- <translation> ---------------------------------------------------------------------------
    // An exhibit in English and French; a site showing French (chooseLanguages) draws the
    // translation where the English was, and nothing changes where no site chooses.
    auto bilingual = [](std::string xml) { return xml.replace(xml.find("lang=\"en\""), 9, "lang=\"en fr\""); };
    auto inFrench = [](const Shot& s) { return chooseLanguages(*s.show, {{"fr"}, {}, installation::LanguageMode::One}); };
    auto mapWords = [](const Show& show) {
        std::vector<std::string> words;
        for (const Item& i : show.items)
            if (i.map) {
                for (const auto& m : i.map->scene.markers) words.push_back(m.label);
                for (const auto& l : i.map->scene.labels) words.push_back(l.text);
                for (const auto& r : i.map->scene.routes) words.push_back(r.label);
            }
        return words;
    };
    add("translation", "lang", bilingual(map("", "<marker at=\"45,40\" label=\"Baku\"/>")),
        bilingual(map("", "<marker at=\"45,40\" label=\"Baku\"><translation lang=\"fr\" label=\"Bakou\"/></marker>")),
        kSecond, [=](const Shot& a, const Shot& b) {
            CHECK(mapWords(inFrench(a)) == std::vector<std::string>{"Baku"});
            CHECK(mapWords(inFrench(b)) == std::vector<std::string>{"Bakou"});
            CHECK(mapWords(*b.show) == std::vector<std::string>{"Baku"});
        });
    add("translation", "text", bilingual(map("", "<label at=\"45,40\" text=\"Armenia\"/>")),
        bilingual(map("", "<label at=\"45,40\" text=\"Armenia\"><translation lang=\"fr\" text=\"Arménie\"/></label>")),
        kSecond, [=](const Shot&, const Shot& b) { CHECK(mapWords(inFrench(b)) == std::vector<std::string>{"Arménie"}); });
    add("translation", "label", bilingual(route(" from=\"42,42\" to=\"48,39\" dur=\"1s\" label=\"Here\"")),
        bilingual(map("", "<route from=\"42,42\" to=\"48,39\" dur=\"1s\" label=\"Here\"><translation lang=\"fr\" label=\"Ici\"/></route>")),
        kSecond, [=](const Shot&, const Shot& b) { CHECK(mapWords(inFrench(b)) == std::vector<std::string>{"Ici"}); });
    add("translation", "placeholder", bilingual(exhibit(scene("<image id=\"i\" placeholder=\"A photograph\"/>"))),
        bilingual(exhibit(scene("<image id=\"i\" placeholder=\"A photograph\"><translation lang=\"fr\" placeholder=\"Une photographie\"/></image>"))),
        kSecond, [=](const Shot& a, const Shot& b) {
            CHECK(inFrench(a).items.at(0).placeholder == "A photograph");
            CHECK(inFrench(b).items.at(0).placeholder == "Une photographie");
        });
    add("scalebar", "position", map("", "<scalebar color=\"#ff0000\"/>"), map("", "<scalebar color=\"#ff0000\" position=\"top-right\"/>"),
        2 * kSecond, [](const Shot& a, const Shot& b) {
            CHECK(near(a.image, kRed, {0, 90, 160, 90}) > 10);
            CHECK(near(b.image, kRed, {160, 0, 160, 90}) > 10);
            CHECK(near(b.image, kRed, {0, 90, 160, 90}) == 0);
        });
    add("scalebar", "max-width", map("", "<scalebar color=\"#ff0000\" max-width=\"600\"/>"),
        map("", "<scalebar color=\"#ff0000\" max-width=\"120\"/>"), 2 * kSecond,
        [](const Shot& a, const Shot& b) { CHECK(near(a.image, kRed) > near(b.image, kRed) + 10); });
    add("scalebar", "units", map("", "<scalebar color=\"#ff0000\"/>"), map("", "<scalebar color=\"#ff0000\" units=\"mi\"/>"),
        2 * kSecond, pictureChanged);
    add("scalebar", "color", map("", "<scalebar/>"), map("", "<scalebar color=\"#ff0000\"/>"), 2 * kSecond, turnedRed);
    add("graticule", "step", map("", "<graticule color=\"#ff0000\" opacity=\"1\" step=\"5\"/>"),
        map("", "<graticule color=\"#ff0000\" opacity=\"1\" step=\"1\"/>"), 2 * kSecond,
        [](const Shot& a, const Shot& b) { CHECK(near(b.image, kRed, kAll, 90) > near(a.image, kRed, kAll, 90) * 2); });
    add("graticule", "color", map("", "<graticule step=\"1\" opacity=\"1\"/>"), map("", "<graticule step=\"1\" opacity=\"1\" color=\"#ff0000\"/>"),
        2 * kSecond, [](const Shot& a, const Shot& b) { CHECK(near(b.image, kRed, kAll, 90) > near(a.image, kRed, kAll, 90) + 100); });
    add("graticule", "width", map("", "<graticule step=\"1\" opacity=\"1\" color=\"#ff0000\"/>"),
        map("", "<graticule step=\"1\" opacity=\"1\" color=\"#ff0000\" width=\"4\"/>"), 2 * kSecond,
        [](const Shot& a, const Shot& b) { CHECK(near(b.image, kRed, kAll, 90) > near(a.image, kRed, kAll, 90) * 3 / 2); });
    add("graticule", "opacity", map("", "<graticule step=\"1\" color=\"#ff0000\" opacity=\"0.2\"/>"),
        map("", "<graticule step=\"1\" color=\"#ff0000\" opacity=\"1\"/>"), 2 * kSecond,
        [](const Shot& a, const Shot& b) { CHECK(near(b.image, kRed, kAll, 90) > near(a.image, kRed, kAll, 90) + 100); });
    // <layer>: a made-up square and line (tests/fixtures/maps/test-boundary.geojson), and
    // Natural Earth's lakes (Van, Urmia, Sevan in this view).
    const std::string boundary = (vitrine::test::sourceDir() / "tests" / "fixtures" / "maps" / "test-boundary.geojson").string();
    auto layer = [&](const std::string& attributes) { return map("", "<layer" + attributes + "/>"); };
    add("layer", "src", map(""), layer(" src=\"" + boundary + "\" color=\"#ff0000\" width=\"4\""), 2 * kSecond, turnedRed);
    add("layer", "data", layer(" data=\"rivers\" fill-color=\"#ff0000\""), layer(" data=\"lakes\" fill-color=\"#ff0000\""),
        2 * kSecond, [](const Shot& a, const Shot& b) { CHECK(near(b.image, kRed) > near(a.image, kRed) + 40); });
    add("layer", "color", layer(" src=\"" + boundary + "\" width=\"4\""), layer(" src=\"" + boundary + "\" width=\"4\" color=\"#ff0000\""),
        2 * kSecond, turnedRed);
    add("layer", "width", layer(" src=\"" + boundary + "\" color=\"#ff0000\""),
        layer(" src=\"" + boundary + "\" color=\"#ff0000\" width=\"6\""), 2 * kSecond,
        [](const Shot& a, const Shot& b) { CHECK(near(b.image, kRed, kAll, 90) > near(a.image, kRed, kAll, 90) * 3 / 2); });
    add("layer", "fill-color", layer(" src=\"" + boundary + "\""), layer(" src=\"" + boundary + "\" fill-color=\"#ff0000\""),
        2 * kSecond, turnedRed);
    add("layer", "opacity", layer(" src=\"" + boundary + "\" color=\"#ff0000\" width=\"4\" opacity=\"0.2\""),
        layer(" src=\"" + boundary + "\" color=\"#ff0000\" width=\"4\" opacity=\"1\""), 2 * kSecond,
        [](const Shot& a, const Shot& b) { CHECK(near(b.image, kRed, kAll, 90) > near(a.image, kRed, kAll, 90) + 20); });

    // ---- <animate> ---------------------------------------------------------------------------------
    auto animated = [&](const std::string& animate) {
        return exhibit(scene("<text>Words here<animate" + animate + "/></text>"));
    };
    add("animate", "attribute", animated(" attribute=\"opacity\" from=\"1\" to=\"1\" dur=\"2s\""),
        animated(" attribute=\"x\" from=\"0\" to=\"50%\" dur=\"2s\""), 2 * kSecond, movedRight);
    add("animate", "from", animated(" attribute=\"x\" from=\"0\" to=\"0\" dur=\"2s\""),
        animated(" attribute=\"x\" from=\"50%\" to=\"0\" dur=\"2s\""), kSecond, movedRight);
    add("animate", "to", animated(" attribute=\"x\" from=\"0\" to=\"0\" dur=\"2s\""),
        animated(" attribute=\"x\" from=\"0\" to=\"50%\" dur=\"2s\""), 2 * kSecond, movedRight);
    add("animate", "fill", animated(" attribute=\"x\" from=\"0\" to=\"50%\" dur=\"1s\" fill=\"remove\""),
        animated(" attribute=\"x\" from=\"0\" to=\"50%\" dur=\"1s\""), 2 * kSecond, movedRight);
    add("animate", "easing", animated(" attribute=\"x\" from=\"0\" to=\"50%\" dur=\"4s\""),
        animated(" attribute=\"x\" from=\"0\" to=\"50%\" dur=\"4s\" easing=\"expo-out\""), kSecond, movedRight);
    add("animate", "begin", animated(" attribute=\"x\" from=\"0\" to=\"50%\" dur=\"1s\" begin=\"2s\""),
        animated(" attribute=\"x\" from=\"0\" to=\"50%\" dur=\"1s\""), 2 * kSecond, movedRight);
    add("animate", "repeat", animated(" attribute=\"x\" from=\"0\" to=\"50%\" dur=\"1s\" fill=\"remove\""),
        animated(" attribute=\"x\" from=\"0\" to=\"50%\" dur=\"1s\" fill=\"remove\" repeat=\"3\""), kSecond * 3 / 2, movedRight);
    return r;
}

// An attribute's documented meaning, to find the row of one documented once for many elements.
std::string meaning(const Vocabulary& v, const std::string& element, const std::string& attribute) {
    const ElementSpec* e = v.element(element);
    const AttributeSpec* a = e ? e->attribute(attribute) : nullptr;
    return a ? a->doc : std::string();
}

struct Media {
    TempDir dir;
    Media() {
        using vitrine::test::Rgb;
        vitrine::test::writePpm(dir / "red.ppm", 64, 36, [](int, int) { return Rgb{255, 0, 0}; });
        vitrine::test::writePpm(dir / "halves.ppm", 128, 64, [](int x, int) { return x < 64 ? Rgb{255, 0, 0} : Rgb{0, 0, 255}; });
        REQUIRE(vitrine::test::makeNumberedVideo(dir / "clip.mp4", 2));
        REQUIRE(vitrine::test::makeTone(dir / "tone.wav", 440, 0.5, 0, 3));
        write("one.vtt", "WEBVTT\n\n00:00.000 --> 00:05.000\nSpoken words\n");
        write("two.vtt", "WEBVTT\n\n00:00.000 --> 00:05.000\nOther words\n");
        write("part.xml", "<fragment><scene id=\"p\" dur=\"5s\"><text>Included words</text></scene></fragment>");
    }
    void write(const std::string& name, const std::string& content) {
        vitrine::test::writeBytes(dir / name, std::vector<std::uint8_t>(content.begin(), content.end()));
    }
};

}  // namespace

TEST_CASE("every documented attribute has a row that renders what the reference promises") {
    const Vocabulary vocabulary;
    const std::vector<Row> table = rows();

    // Every attribute of the reference has a row: its own, or that of an attribute it shares
    // a documented meaning with (timing, layout, appearance and media are documented once).
    for (const ElementSpec& e : vocabulary.elements())
        for (const AttributeSpec& a : e.attributes) {
            const bool covered = std::any_of(table.begin(), table.end(), [&](const Row& r) {
                return r.attribute == a.name && (r.element == e.name || meaning(vocabulary, r.element, a.name) == a.doc);
            });
            CHECK_MESSAGE(covered, "no row renders <" << e.name << " " << a.name << ">");
        }
    for (const Row& r : table) {
        CAPTURE(r.element);
        CAPTURE(r.attribute);
        CHECK_MESSAGE(!meaning(vocabulary, r.element, r.attribute).empty(), "a row for an attribute the format does not have");
    }

    Media media;
    render::RenderResources resources;
    auto library = std::make_shared<map::MapLibrary>();
    CompileOptions options = map::withMaps(CompileOptions{}, library);
    options.visitorAddress = "http://vitrine.local:8090/";  // as at a site with a visitors' page
    auto shoot = [&](const std::string& xml, Micros at) {
        Shot shot;
        LoadedExhibit loaded = loadExhibitFromText(xml, media.dir / "exhibit.xml", options);
        shot.diagnostics = loaded.diagnostics;
        REQUIRE(loaded.show);
        shot.show = std::make_shared<const Show>(std::move(*loaded.show));
        LiveShow live(shot.show, resources, {});
        output::OffscreenRenderer still(live.renderer(), live.show(), {kWidth, kHeight});
        REQUIRE(still.ok());
        shot.image = still.renderAt(at);
        return shot;
    };
    for (const Row& r : table) {
        CAPTURE(r.element);
        CAPTURE(r.attribute);
        const Shot without = shoot(r.without, r.at), with = shoot(r.with, r.at);
        for (const Shot* s : {&without, &with})
            for (const Diagnostic& d : s->diagnostics.all())
                if (d.severity == Severity::Error && !s->reported("out-of-range")) FAIL_CHECK(formatDiagnostic(d));
        r.check(without, with);
    }
}
