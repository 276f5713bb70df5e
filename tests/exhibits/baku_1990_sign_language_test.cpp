// The Baku 1990 exhibit's sign-language slot: no interpreter is recorded, so each scene holds
// a labelled stand-in, seen in the inset where a site enables it and nowhere else.

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "exhibit/exhibit_loader.h"
#include "player/language_choice.h"
#include "player/sign_language_inset.h"
#include "support/build_paths.h"
#include "support/half_size_still.h"

using namespace vitrine;
using test::litPixels;

namespace {

const Show& bakuShow() {
    static const LoadedExhibit loaded = loadExhibit(test::sourceDir() / "exhibits/baku-1990/exhibit.xml");
    REQUIRE(loaded.show);
    return *loaded.show;
}

sf::Image still(const Show& show, Micros at, const std::string& name) {
    return test::halfSizeStill(show, at, "baku-sign-language-stills", name);
}

}  // namespace

TEST_CASE("baku 1990: every scene has its sign-language stand-in") {
    const Show& s = bakuShow();
    int scenes = 0;
    for (const Scene& scene : s.scenes) {
        // The advisory and the credits are not <scene>s: the format gives them no video.
        if (scene.id == "advisory" || scene.id == "credits") continue;
        CAPTURE(scene.id);
        ++scenes;
        int signers = 0;
        for (int index : scene.items) {
            const Item& item = s.items[static_cast<std::size_t>(index)];
            if (!item.signLanguage) continue;
            ++signers;
            CHECK(item.placeholder == "Sign-language video not yet recorded");
            CHECK(item.begin == scene.begin);  // for the whole scene, as an interpreter would sign it
        }
        CHECK(signers == 1);
    }
    CHECK(scenes == 14);
}

TEST_CASE("baku 1990: the sign-language stand-in is drawn only where the site enables the inset") {
    const Show shown = chooseLanguages(bakuShow(), defaultLanguages(bakuShow()));
    // A timeline scene whose text stays clear of the bottom-right corner.
    const Micros at = shown.scenes[static_cast<std::size_t>(shown.sceneById("january-14-18"))].begin + 5 * kMicrosPerSecond;
    const installation::SignLanguageInset inset;  // bottom-right, 22 %, shown
    const Rect region = installation::insetRect(inset, shown.canvas);
    CHECK(litPixels(still(placeSignLanguage(shown, inset), at, "inset-enabled"), region) > 500);
    CHECK(litPixels(still(placeSignLanguage(shown, std::nullopt), at, "inset-not-enabled"), region) == 0);
}
