#include <doctest/doctest.h>

#include "script/translations.h"

using namespace vitrine;

namespace {
const Translations kFrenchAndGerman{{"fr", "Arménie"}, {"de", "Armenien"}};
}

TEST_CASE("translations: the site's first listed language the words are written in") {
    CHECK(shownTexts("Armenia", kFrenchAndGerman, "en", {"fr", "en"}, 1) == std::vector<std::string>{"Arménie"});
    CHECK(shownTexts("Armenia", kFrenchAndGerman, "en", {"en", "fr"}, 1) == std::vector<std::string>{"Armenia"});
    // Not written in the first listed: the next listed one.
    CHECK(shownTexts("Armenia", kFrenchAndGerman, "en", {"hy", "de"}, 1) == std::vector<std::string>{"Armenien"});
}

TEST_CASE("translations: two languages in the site's order") {
    CHECK(shownTexts("Armenia", kFrenchAndGerman, "en", {"fr", "en"}, 2) ==
          std::vector<std::string>{"Arménie", "Armenia"});
    CHECK(shownTexts("Armenia", kFrenchAndGerman, "en", {"en", "hy", "de", "fr"}, 2) ==
          std::vector<std::string>{"Armenia", "Armenien"});
    // A language listed twice is shown once.
    CHECK(shownTexts("Armenia", kFrenchAndGerman, "en", {"fr", "fr"}, 2) == std::vector<std::string>{"Arménie"});
}

TEST_CASE("translations: none of the site's languages keeps the words as written") {
    CHECK(shownTexts("Armenia", kFrenchAndGerman, "en", {"hy"}, 1) == std::vector<std::string>{"Armenia"});
    CHECK(shownTexts("Armenia", kFrenchAndGerman, "en", {}, 2) == std::vector<std::string>{"Armenia"});
    CHECK(shownTexts("Armenia", {}, "en", {"fr"}, 1) == std::vector<std::string>{"Armenia"});
}

TEST_CASE("translations: the languages written are the main one then the translations'") {
    CHECK(writtenLanguages(kFrenchAndGerman, "en") == std::vector<std::string>{"en", "fr", "de"});
    CHECK(writtenLanguages({}, "en") == std::vector<std::string>{"en"});
}
