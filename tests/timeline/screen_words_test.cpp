#include <doctest/doctest.h>

#include "timeline/screen_words.h"

using namespace vitrine;

TEST_CASE("screen words: the engine's own words in English and French, other languages in English") {
    CHECK(screenWord(ScreenWord::PhotographToBeSupplied, {"en"}) == "PHOTOGRAPH TO BE SUPPLIED");
    CHECK(screenWord(ScreenWord::PhotographToBeSupplied, {"fr"}) == "PHOTOGRAPHIE À FOURNIR");
    CHECK(screenWord(ScreenWord::VideoUnavailable, {"fr-CA"}) == "VIDÉO INDISPONIBLE");
    CHECK(screenWord(ScreenWord::VideoUnavailable, {"hy"}) == "VIDEO UNAVAILABLE");
    CHECK(screenWord(ScreenWord::ImageUnavailable, {}) == "IMAGE UNAVAILABLE");
    // French typography: a no-break space before the colon.
    CHECK(screenWord(ScreenWord::Credit, {"fr"}, "Archive") == "Crédit\u00a0: Archive");
    CHECK(screenWord(ScreenWord::Credit, {"en"}, "Archive") == "Credit: Archive");
}

TEST_CASE("screen words: in two languages the second follows the break, beneath the first") {
    CHECK(screenWord(ScreenWord::PhotographToBeSupplied, {"fr", "en"}) ==
          "PHOTOGRAPHIE À FOURNIR\nPHOTOGRAPH TO BE SUPPLIED");
    CHECK(screenWord(ScreenWord::SignLanguageToBeReplaced, {"en", "fr"}) ==
          "To be replaced by the recorded interpreter\nÀ remplacer par l’interprète enregistré");
}
