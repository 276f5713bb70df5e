#include <doctest/doctest.h>

#include <cmath>

#include "script/values.h"

using namespace vitrine;

TEST_CASE("colours in every documented form") {
    CHECK(parseColor("#efe6d6") == Color{0xef, 0xe6, 0xd6, 255});
    CHECK(parseColor("#fff") == Color{255, 255, 255, 255});
    CHECK(parseColor("#00000080") == Color{0, 0, 0, 0x80});
    CHECK(parseColor("rgb(10, 20, 30)") == Color{10, 20, 30, 255});
    CHECK(parseColor("rgba(10,20,30,0.5)") == Color{10, 20, 30, 128});
    CHECK(parseColor("transparent") == Color{0, 0, 0, 0});
    for (const char* bad : {"#ggg", "#12345", "red", "rgb(1,2)", "rgb(300,0,0)", "rgba(1,2,3,2)", ""}) {
        CAPTURE(bad);
        CHECK_FALSE(parseColor(bad));
    }
}

TEST_CASE("lengths resolve against their reference") {
    CHECK(parseLength("120")->resolve(1920) == 120);
    CHECK(parseLength("120px")->resolve(1920) == 120);
    CHECK(parseLength("50%")->resolve(1920) == 960);
    CHECK(parseLength("-10%")->resolve(1000) == -100);
    CHECK_FALSE(parseLength("12em"));
    CHECK_FALSE(parseLength("%"));
    CHECK_FALSE(parseLength("1e400"));
}

TEST_CASE("sizes, booleans, repeats and languages") {
    CHECK(parseSize("1920x1080") == PixelSize{1920, 1080});
    CHECK_FALSE(parseSize("1920*1080"));
    CHECK_FALSE(parseSize("0x10"));
    CHECK_FALSE(parseSize("100000x10"));
    CHECK(parseBool("true") == true);
    CHECK(parseBool("false") == false);
    CHECK_FALSE(parseBool("maybe"));
    CHECK(parseRepeat("3") == 3);
    CHECK(std::isinf(*parseRepeat("indefinite")));
    CHECK_FALSE(parseRepeat("0"));
    CHECK(parseLanguages("en hy")->size() == 2);
    CHECK_FALSE(parseLanguages("en;hy"));
}

TEST_CASE("transitions name a kind, a duration and an easing") {
    auto fade = parseTransition("fade 1.5s");
    REQUIRE(fade);
    CHECK(fade->kind == TransitionSpec::Kind::Fade);
    CHECK(fade->duration == 1'500'000);
    CHECK(parseTransition("crossfade 1s")->kind == TransitionSpec::Kind::Fade);
    CHECK(parseTransition("dip 2s sine-in-out")->kind == TransitionSpec::Kind::Dip);
    CHECK(parseTransition("slide-left 800ms")->kind == TransitionSpec::Kind::SlideLeft);
    CHECK(parseTransition("cut")->kind == TransitionSpec::Kind::Cut);
    CHECK_FALSE(parseTransition("fade"));
    CHECK_FALSE(parseTransition("wipe 1s"));
    CHECK_FALSE(parseTransition("fade -1s"));
    CHECK_FALSE(parseTransition("fade 1s wobbly"));
}

TEST_CASE("a transition over no time is a cut and a signed one is refused") {
    for (const char* zero : {"fade 0s", "dip 0", "slide-left 0ms sine-in", "crossfade +0:00"}) {
        CAPTURE(zero);
        auto t = parseTransition(zero);
        REQUIRE(t);
        CHECK(t->kind == TransitionSpec::Kind::Cut);
        CHECK(t->duration == 0);
    }
    // A duration has no sign: -0s is refused as -1s is (the schema's pattern has no minus).
    CHECK_FALSE(parseTransition("fade -0s"));
    CHECK(parseTransition("fade +1s")->duration == 1'000'000);
}

TEST_CASE("an anchor is the point of its box, as fractions: left or top 0, centre 0.5, right or bottom 1") {
    CHECK(parseAnchor("top-left").x == 0);
    CHECK(parseAnchor("top-left").y == 0);
    CHECK(parseAnchor("bottom-right").x == 1);
    CHECK(parseAnchor("bottom-right").y == 1);
    CHECK(parseAnchor("top").x == 0.5);
    CHECK(parseAnchor("top").y == 0);
    CHECK(parseAnchor("left").y == 0.5);
    CHECK(parseAnchor("center").x == 0.5);
    CHECK(parseAnchor("center").y == 0.5);
}

TEST_CASE("pan-zoom and map views take both arrow spellings") {
    auto pz = parsePanZoom("0,0,100%,100% \xE2\x86\x92 10%,5%,80%,80%");
    REQUIRE(pz);
    CHECK(pz->to.x.value == 10);
    CHECK(pz->to.width.percent);
    CHECK(parsePanZoom("0,0,100%,100% -> 10%,5%,80%,80%"));
    CHECK_FALSE(parsePanZoom("0,0,100%,100%"));
    CHECK_FALSE(parsePanZoom("0,0,0%,100% -> 10%,5%,80%,80%"));
    auto view = parseView("43.5,38.5 -> 51,42.5");
    REQUIRE(view);
    CHECK(view->second.lon == 51);
    CHECK_FALSE(parseLonLat("200,10"));
}

TEST_CASE("language tags are checked by RFC 5646's syntax") {
    for (const char* good : {"en", "hy", "eng", "hy-Latn", "zh-Hant-TW", "es-419", "sl-rozaj-biske", "de-CH-1901",
                             "en-a-bbb-x-a-ccc", "x-museum", "zh-yue-HK", "English"})  // "English": well-formed, not registered
    {
        CAPTURE(good);
        CHECK(isWellFormedLanguageTag(good));
    }
    for (const char* bad : {"", "e", "en_GB", "en-", "-en", "en--GB", "toolonglanguage", "en-a", "en-x", "1en",
                            "en-GB-a-", "x", "fr-ab1"}) {
        CAPTURE(bad);
        CHECK_FALSE(isWellFormedLanguageTag(bad));
    }
    CHECK(parseLanguages("en, hy-Latn ru") == std::vector<std::string>{"en", "hy-Latn", "ru"});
    CHECK_FALSE(parseLanguages("en en_GB"));
}
