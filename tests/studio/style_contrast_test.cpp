// The style editor's contrast: against the style's own box or the scene it is shown on,
// with WCAG's levels said plainly.

#include "studio/style_contrast.h"

#include <doctest/doctest.h>

#include "studio/studio_document.h"
#include "studio/studio_fixture.h"

namespace vitrine::studio {

TEST_CASE("style contrast: the verdict follows WCAG's thresholds and text size") {
    TextStyle style;
    style.size = 20;
    style.color = {0x76, 0x76, 0x76, 255};  // 4.54:1 on white, the lightest grey passing AA
    ShownBackground white{{255, 255, 255, 255}, "the exhibit's background"};
    StyleContrast c = styleContrast(style, white);
    CHECK(c.ratio == doctest::Approx(4.54).epsilon(0.002));
    CHECK_FALSE(c.warn);
    CHECK(c.verdict == "4.5:1 against the exhibit's background: passes AA; AAA needs 7:1 for text under 24 px");

    style.color = {0x77, 0x77, 0x77, 255};  // 4.48:1: shown as 4.4, never rounded up to a pass
    c = styleContrast(style, white);
    CHECK(c.warn);
    CHECK(formatRatio(c.ratio) == "4.4:1");
    CHECK(c.verdict.find("too faint for text of this size") != std::string::npos);

    style.size = 44;  // large text: the same grey passes AA
    c = styleContrast(style, white);
    CHECK(c.large);
    CHECK(c.warn);
    CHECK(c.verdict.find("passes AA only because this style is large text") != std::string::npos);

    style.color = {0xcc, 0xcc, 0xcc, 255};
    CHECK(styleContrast(style, white).verdict.find("hard to read at any size") != std::string::npos);
    style.color = {0, 0, 0, 255};
    CHECK(styleContrast(style, white).verdict == "21.0:1 against the exhibit's background: passes AAA, the highest level, for text of any size");
}

TEST_CASE("style contrast: large text is 24 px, or 18.66 px in bold") {
    TextStyle style;
    style.size = 23;
    CHECK_FALSE(isLargeText(style));
    style.bold = true;
    CHECK(isLargeText(style));
    style.size = 18;
    CHECK_FALSE(isLargeText(style));
    style.bold = false;
    style.size = 24;
    CHECK(isLargeText(style));
}

TEST_CASE("style contrast: a style's box is measured over what is under it, and text over the box") {
    TextStyle style;
    style.color = {255, 255, 255, 255};
    style.background = {0, 0, 0, 0xcc};  // black at 80 % over a white scene: #333333
    StyleContrast c = styleContrast(style, {{255, 255, 255, 255}, "the background of scene 'a'"});
    CHECK(c.background == Color{51, 51, 51, 255});
    CHECK(c.against == "its own background box over the background of scene 'a'");
    CHECK(c.ratio == doctest::Approx(12.63).epsilon(0.01));
    // Half-transparent text is seen mixed with its background.
    style.background = {0, 0, 0, 255};
    style.color = {255, 255, 255, 128};
    c = styleContrast(style, {{255, 255, 255, 255}, "x"});
    CHECK(c.against == "its own background box");
    CHECK(c.text == Color{128, 128, 128, 255});
}

TEST_CASE("style contrast: the background is the scene's where the style is shown, else the exhibit's") {
    testing::StudioFixture f(R"(<exhibit size="1280x720" background="#102030">
  <style id="caption" color="#ffffff"/>
  <style id="spare" color="#ffffff"/>
  <scene id="first" dur="5s"><text x="0" y="0" width="500" height="100">Plain</text></scene>
  <scene id="light" dur="5s" background="#f0f0f0">
    <text x="0" y="0" width="500" height="100" style="caption">Light</text>
  </scene>
</exhibit>
)");
    StudioDocument doc(f.file);
    REQUIRE(doc.show());
    ShownBackground caption = backgroundWhereShown(*doc.show(), *doc.script(), "caption");
    CHECK(caption.color == Color{0xf0, 0xf0, 0xf0, 255});
    CHECK(caption.description == "the background of scene 'light'");
    ShownBackground spare = backgroundWhereShown(*doc.show(), *doc.script(), "spare");
    CHECK(spare.color == Color{0x10, 0x20, 0x30, 255});
    CHECK(spare.description == "the exhibit's background");
}

}  // namespace vitrine::studio
