// Reduced motion (timeline/reduced_motion.h): a show compiled for visitors whom motion
// makes ill holds its pan-zooms still, fades where it would slide, and cuts where an
// animation would move something; what does not move (opacity, colour) is untouched.
#include <doctest/doctest.h>

#include "support/in_memory_files.h"
#include "timeline/evaluate.h"
#include "timeline/reduced_motion.h"

using namespace vitrine;
using vitrine::test::compileText;

namespace {

Show compiled(const std::string& xml, bool reducedMotion) {
    Diagnostics d;
    CompileOptions options;
    options.reducedMotion = reducedMotion;
    Show show = compileText(xml, d, {}, options);
    REQUIRE_FALSE(d.hasErrors());
    return show;
}

const std::string kPanZoom =
    "<exhibit size=\"1000x500\"><scene id=\"a\" dur=\"10s\">"
    "<image placeholder=\"p\" panzoom=\"10%,10%,50%,50% → 0,0,100%,100%\"/></scene></exhibit>";

Rect panZoomAt(const Show& show, Micros t) {
    auto d = evaluateItem(show, 0, t);
    REQUIRE(d);
    return d->panZoom;
}

bool same(const Rect& a, const Rect& b) { return a.x == b.x && a.y == b.y && a.width == b.width && a.height == b.height; }

}  // namespace

TEST_CASE("reduced motion: a pan-zoom holds its wider framing all through") {
    const Show moving = compiled(kPanZoom, false);
    const Show still = compiled(kPanZoom, true);
    CHECK(still.reducedMotion);
    CHECK_FALSE(moving.reducedMotion);
    const Rect first = panZoomAt(still, 0);
    CHECK(same(first, Rect{0, 0, 1, 1}));  // the end here: the whole picture, wider than the start
    for (Micros t = 0; t < seconds(10); t += 250 * kMicrosPerMillisecond) {
        CAPTURE(t);
        CHECK(same(panZoomAt(still, t), first));
    }
    // Without it the framing moves (what the check above would miss if reduction did nothing).
    CHECK_FALSE(same(panZoomAt(moving, seconds(2)), panZoomAt(moving, seconds(8))));
}

TEST_CASE("reduced motion: a pan-zoom into a detail holds the whole picture it starts from") {
    Item item;
    item.hasPanZoom = true;
    item.panFrom = {0, 0, 1, 1};
    item.panTo = {0.5, 0.5, 0.25, 0.25};
    CHECK(same(stillPanZoom(item), Rect{0, 0, 1, 1}));
    item.panTo = item.panFrom;  // a tie keeps the start
    item.panFrom = {0.1, 0.1, 1, 1};
    CHECK(same(stillPanZoom(item), Rect{0.1, 0.1, 1, 1}));
}

TEST_CASE("reduced motion: slides become fades of the same length, other transitions stay") {
    for (const char* slide : {"slide-left", "slide-right", "slide-up", "slide-down"}) {
        CAPTURE(slide);
        const std::string xml = std::string("<exhibit size=\"1000x500\">"
                                            "<scene id=\"a\" dur=\"10s\"><text>first</text></scene>"
                                            "<scene id=\"b\" dur=\"10s\" transition=\"") +
                                slide + " 2s\"><text>second</text></scene></exhibit>";
        const Show still = compiled(xml, true);
        CHECK(still.scenes.at(1).transitionIn.kind == TransitionSpec::Kind::Fade);
        CHECK(still.scenes.at(1).transitionIn.duration == seconds(2));
        const Frame mid = evaluate(still, seconds(11));
        REQUIRE(mid.layers.size() == 2);
        for (const Layer& layer : mid.layers) {
            CHECK(layer.offsetX == 0);
            CHECK(layer.offsetY == 0);
        }
        CHECK(mid.layers[1].opacity == doctest::Approx(0.5));  // fading in, half way
        CHECK(compiled(xml, false).scenes.at(1).transitionIn.kind != TransitionSpec::Kind::Fade);
    }
    for (const char* kept : {"cut", "fade 2s", "dip 2s"}) {
        CAPTURE(kept);
        TransitionSpec t = *parseTransition(kept);
        CHECK(stillTransition(t).kind == t.kind);
    }
}

TEST_CASE("reduced motion: an animated move is a cut at its middle while opacity and colour still change") {
    const std::string xml =
        "<exhibit size=\"1000x500\"><scene id=\"a\" dur=\"20s\"><text x=\"100\" y=\"100\" width=\"300\" height=\"100\">t"
        "<animate attribute=\"x\" from=\"0\" to=\"400\" begin=\"2s\" dur=\"4s\"/>"
        "<animate attribute=\"opacity\" from=\"0\" to=\"1\" begin=\"0s\" dur=\"2s\"/>"
        "</text></scene></exhibit>";
    const Show still = compiled(xml, true);
    auto xAt = [&](Micros t) { return evaluateItem(still, 0, t)->box.x; };
    CHECK(xAt(seconds(2)) == doctest::Approx(0));
    CHECK(xAt(seconds(3)) == doctest::Approx(0));
    CHECK(xAt(seconds(4) - 1) == doctest::Approx(0));  // its start held until the middle
    CHECK(xAt(seconds(4)) == doctest::Approx(400));    // then its end, frozen after
    CHECK(xAt(seconds(5)) == doctest::Approx(400));
    CHECK(xAt(seconds(15)) == doctest::Approx(400));
    CHECK(evaluateItem(still, 0, seconds(1))->opacity == doctest::Approx(0.5));  // a fade is no motion
    const Show moving = compiled(xml, false);
    CHECK(evaluateItem(moving, 0, seconds(3))->box.x == doctest::Approx(100));
}

TEST_CASE("reduced motion: an animated move with fill remove holds its start then its end and then leaves") {
    const std::string xml =
        "<exhibit size=\"1000x500\"><scene id=\"a\" dur=\"20s\"><text x=\"100\" y=\"100\" width=\"300\" height=\"100\">t"
        "<animate attribute=\"y\" from=\"0\" to=\"400\" begin=\"2s\" dur=\"4s\" fill=\"remove\"/>"
        "</text></scene></exhibit>";
    const Show still = compiled(xml, true);
    auto yAt = [&](Micros t) { return evaluateItem(still, 0, t)->box.y; };
    CHECK(yAt(seconds(1)) == doctest::Approx(100));  // before it: the text's own place
    CHECK(yAt(seconds(3)) == doctest::Approx(0));
    CHECK(yAt(seconds(5)) == doctest::Approx(400));
    CHECK(yAt(seconds(7)) == doctest::Approx(100));  // removed after it, as written
}
