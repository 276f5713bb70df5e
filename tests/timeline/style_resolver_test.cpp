#include <doctest/doctest.h>

#include "support/in_memory_files.h"

using namespace vitrine;
using vitrine::test::compileText;

namespace {

// The one text item of the exhibit's first scene.
const Item& firstText(const Show& s) {
    REQUIRE_FALSE(s.scenes.empty());
    REQUIRE_FALSE(s.scenes[0].items.empty());
    return s.items.at(static_cast<std::size_t>(s.scenes[0].items[0]));
}

const Color kRed{255, 0, 0, 255};

}  // namespace

TEST_CASE("credits use the style named on them over their centred look and no other") {
    Diagnostics d;
    // A style merely called "credits" is a name like any other: it does not apply unasked.
    Show unnamed = compileText("<exhibit><style id=\"credits\" color=\"#ff0000\" size=\"20\"/>"
                               "<credits dur=\"10s\"><entry role=\"Text\">A museum</entry></credits></exhibit>",
                               d);
    const Item& plain = firstText(unnamed);
    CHECK(plain.style.color != kRed);
    CHECK(plain.style.size == 44);
    CHECK(plain.style.align == TextStyle::Align::Center);
    CHECK(plain.style.valign == TextStyle::VAlign::Middle);

    // A named style changes what it sets and keeps the centring it does not mention.
    Show named = compileText("<exhibit><style id=\"roll\" color=\"#ff0000\" size=\"20\"/>"
                             "<credits dur=\"10s\" style=\"roll\"><entry role=\"Text\">A museum</entry></credits></exhibit>",
                             d);
    const Item& styled = firstText(named);
    CHECK(styled.style.color == kRed);
    CHECK(styled.style.size == 20);
    CHECK(styled.style.align == TextStyle::Align::Center);
    CHECK(styled.style.valign == TextStyle::VAlign::Middle);

    // A style that sets the alignment (itself or through its base) does move them.
    Show left = compileText("<exhibit><style id=\"side\" align=\"left\" valign=\"top\"/>"
                            "<style id=\"roll\" base=\"side\" size=\"20\"/>"
                            "<credits dur=\"10s\" style=\"roll\"><entry role=\"Text\">A museum</entry></credits></exhibit>",
                            d);
    CHECK(firstText(left).style.align == TextStyle::Align::Left);
    CHECK(firstText(left).style.valign == TextStyle::VAlign::Top);
    CHECK(d.errorCount() == 0);
}

TEST_CASE("the default style reaches credits and advisories and the advisory style keeps them centred") {
    Diagnostics d;
    Show s = compileText("<exhibit><style id=\"default\" font=\"sans\"/><style id=\"advisory\" size=\"30\"/>"
                         "<advisory dur=\"10s\"><p>Violence is described.</p></advisory>"
                         "<credits dur=\"10s\"><entry>A museum</entry></credits></exhibit>",
                         d);
    REQUIRE(s.scenes.size() == 2);
    const Item& advisory = s.items.at(static_cast<std::size_t>(s.scenes[0].items.at(0)));
    const Item& credits = s.items.at(static_cast<std::size_t>(s.scenes[1].items.at(0)));
    CHECK(advisory.style.font == "sans");
    CHECK(advisory.style.size == 30);
    CHECK(advisory.style.align == TextStyle::Align::Center);
    CHECK(advisory.style.valign == TextStyle::VAlign::Middle);
    CHECK(credits.style.font == "sans");
    CHECK(credits.style.size == 44);
}

TEST_CASE("a paragraph's style applies over its text's style to that paragraph alone") {
    Diagnostics d;
    Show s = compileText("<exhibit><style id=\"caption\" font=\"sans\" size=\"28\"/>"
                         "<style id=\"quote\" italic=\"true\" color=\"#ff0000\" align=\"right\"/>"
                         "<scene dur=\"20s\"><text style=\"caption\"><p>Plain.</p><p style=\"quote\">Quoted.</p></text></scene>"
                         "</exhibit>",
                         d);
    const Item& text = firstText(s);
    REQUIRE(text.paragraphs.size() == 2);
    CHECK_FALSE(text.paragraphs[0].style);
    REQUIRE(text.paragraphs[1].style);
    const TextStyle& quote = *text.paragraphs[1].style;
    CHECK(quote.italic);
    CHECK(quote.color == kRed);
    CHECK(quote.align == TextStyle::Align::Right);
    CHECK(quote.font == "sans");  // from the text's style, which the paragraph's does not change
    CHECK(quote.size == 28);
    CHECK_FALSE(text.style.italic);
    CHECK(d.errorCount() == 0);
}
