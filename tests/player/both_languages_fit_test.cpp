// In `both`, a text grown by its second language past its box is set smaller, with the other
// two-language texts of its scene, by one factor, never below kBothFitFloor; a site in one
// language sees the designer's sizes.

#include <doctest/doctest.h>

#include "exhibit/exhibit_loader.h"
#include "player/both_languages_fit.h"
#include "player/language_choice.h"
#include "text/layout_check.h"

using namespace vitrine;
using installation::LanguageMode;

namespace {

// Scene "tight": the body holds one 48 px line (100 px), not the English and French stacked
// (about 117 px), which fit at about 85 %; the heading fits either way. Scene "roomy": the
// pair fits as written. Scene "cramped": the body fits in no language even at the floor.
const char* const kExhibit = R"(<exhibit title="Fit" size="1920x1080" lang="en fr" background="#000000">
  <style id="default" font="serif" size="48" color="#efe6d6"/>
  <style id="heading" size="72"/>
  <scene id="tight" dur="8s">
    <text id="heading" x="10%" y="5%" width="80%" height="300px" style="heading"><p lang="en">Heading</p><p lang="fr">Titre</p></text>
    <text id="body" x="10%" y="50%" width="40%" height="100px"><p lang="en">Short words.</p><p lang="fr">Des mots courts.</p></text>
  </scene>
  <scene id="roomy" dur="8s">
    <text id="roomy-body" x="10%" y="50%" width="40%" height="400px"><p lang="en">Short words.</p><p lang="fr">Des mots courts.</p></text>
  </scene>
  <scene id="cramped" dur="8s">
    <text id="cramped-body" x="10%" y="50%" width="40%" height="30px"><p lang="en">Short words.</p><p lang="fr">Des mots courts.</p></text>
  </scene>
</exhibit>)";

Show compile() {
    auto loaded = loadExhibitFromText(kExhibit, "/exhibits/fit/exhibit.xml");
    REQUIRE(loaded.show);
    return *loaded.show;
}

const text::FontLibrary& fonts() {
    static const text::FontLibrary library(text::bundledFontsDirectory());
    return library;
}

LanguageChoice site(LanguageMode mode) { return {{"en", "fr"}, {}, mode}; }

const Item& item(const Show& show, const std::string& id) {
    for (const Item& i : show.items)
        if (i.id == id) return i;
    FAIL("no item " << id);
    return show.items.front();
}

}  // namespace

TEST_CASE("both languages fit: a text that overflows with its second language fits at no less than the floor") {
    const Show written = compile();
    REQUIRE_FALSE(text::textFits(item(chooseLanguages(written, site(LanguageMode::Both)), "body"), fonts(), written.canvas));
    const Show shown = chooseLanguages(written, site(LanguageMode::Both), fonts());
    const Item& body = item(shown, "body");
    CHECK(text::textFits(body, fonts(), shown.canvas));
    CHECK(body.style.size < 48);
    CHECK(body.style.size >= 48 * kBothFitFloor);
    // The largest size that fits: a size one step up does not.
    Item larger = body;
    larger.style.size *= 1.03;
    for (auto& p : larger.paragraphs)
        if (p.style) p.style->size *= 1.03;
    CHECK_FALSE(text::textFits(larger, fonts(), shown.canvas));
    // The French keeps its share of the English's size.
    REQUIRE(body.paragraphs.size() == 2);
    REQUIRE(body.paragraphs[1].style);
    CHECK(body.paragraphs[1].style->size == doctest::Approx(body.style.size * kSecondLanguageSize));
}

TEST_CASE("both languages fit: the scene's texts are set smaller by one factor so its hierarchy holds") {
    const Show shown = chooseLanguages(compile(), site(LanguageMode::Both), fonts());
    const double factor = item(shown, "body").style.size / 48;
    REQUIRE(factor < 1);
    CHECK(item(shown, "heading").style.size == doctest::Approx(72 * factor));
}

TEST_CASE("both languages fit: a scene whose texts fit keeps the designer's sizes") {
    const Show shown = chooseLanguages(compile(), site(LanguageMode::Both), fonts());
    CHECK(item(shown, "roomy-body").style.size == 48);
}

TEST_CASE("both languages fit: a text that fits at no size from the floor up is set at the floor and still overflows") {
    const Show shown = chooseLanguages(compile(), site(LanguageMode::Both), fonts());
    const Item& cramped = item(shown, "cramped-body");
    CHECK(cramped.style.size == doctest::Approx(48 * kBothFitFloor));
    CHECK_FALSE(text::textFits(cramped, fonts(), shown.canvas));
}

TEST_CASE("both languages fit: a site in one language sees the designer's sizes") {
    const Show written = compile();
    for (const LanguageChoice& choice :
         {site(LanguageMode::One), choiceForLoop(site(LanguageMode::Alternate), 1), defaultLanguages(written)}) {
        const Show plain = chooseLanguages(written, choice);
        const Show fitted = chooseLanguages(written, choice, fonts());
        REQUIRE(plain.items.size() == fitted.items.size());
        for (std::size_t i = 0; i < plain.items.size(); ++i) {
            CHECK(fitted.items[i].style.size == plain.items[i].style.size);
            for (std::size_t p = 0; p < plain.items[i].paragraphs.size(); ++p)
                CHECK(fitted.items[i].paragraphs[p].style.has_value() == plain.items[i].paragraphs[p].style.has_value());
        }
        // The cramped body overflows in one language too: it is the designer's to fix, not shrunk.
        CHECK(item(fitted, "cramped-body").style.size == 48);
    }
}
