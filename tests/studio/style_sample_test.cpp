// The style editor's live preview: the style resolved as the show resolves it, in the
// designer's own words, on a show the preview's renderer draws.

#include "studio/style_sample.h"

#include <doctest/doctest.h>

#include "studio/studio_document.h"
#include "studio/studio_fixture.h"
#include "timeline/evaluate.h"

namespace vitrine::studio {

TEST_CASE("style sample: resolved through its base and default, in the first words written in it") {
    testing::StudioFixture f(R"(<exhibit size="1280x720">
  <style id="default" size="40" color="#efe6d6"/>
  <style id="caption" font="sans" background="#000000cc" padding="16"/>
  <style id="quote" base="caption" italic="true" size="5%"/>
  <scene id="a" dur="5s">
    <text x="0" y="0" width="500" height="100" style="quote">Every   word
      as written</text>
  </scene>
</exhibit>
)");
    StudioDocument doc(f.file);
    REQUIRE(doc.script());
    TextStyle quote = resolvedStyle(*doc.script(), "quote", {1280, 720});
    CHECK(quote.font == "sans");                    // from caption
    CHECK(quote.color == Color{0xef, 0xe6, 0xd6, 255});  // from default
    CHECK(quote.italic);
    CHECK(quote.size == doctest::Approx(36));  // 5 % of the canvas's height
    CHECK(quote.padding == doctest::Approx(16));
    // The same as the compiled show's item in that style.
    CHECK(doc.show()->items[0].style.size == doctest::Approx(quote.size));
    CHECK(sampleWords(*doc.script(), "quote") == "Every word as written");
    CHECK(sampleWords(*doc.script(), "caption").find("quick brown fox") != std::string::npos);

    Show sample = styleSampleShow(quote, {32, 32, 32, 255}, {640, 180}, "Words");
    Frame frame = evaluate(sample, sample.duration / 2);
    REQUIRE(frame.layers.size() == 1);
    REQUIRE(frame.layers[0].draws.size() == 1);
    const Item& item = sample.items[frame.layers[0].draws[0].item];
    CHECK(item.style.italic);
    CHECK(item.box.x == doctest::Approx(32));
    CHECK(item.paragraphs[0].runs[0].text == "Words");
}

}  // namespace vitrine::studio
