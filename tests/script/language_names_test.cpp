#include <doctest/doctest.h>

#include "script/language_names.h"

#include <filesystem>
#include <fstream>

using namespace vitrine;

TEST_CASE("a language's English name gives its shortest code") {
    namespace fs = std::filesystem;
    const fs::path list = fs::temp_directory_path() / "vitrine-iso-639-2-test.json";
    std::ofstream(list) << R"({"639-2": [
        {"alpha_2": "en", "alpha_3": "eng", "name": "English"},
        {"alpha_3": "ace", "name": "Achinese"},
        {"alpha_2": "es", "alpha_3": "spa", "name": "Spanish; Castilian"}]})";
    CHECK(languageCodeNamed("English", list) == "en");
    CHECK(languageCodeNamed("english", list) == "en");
    CHECK(languageCodeNamed("Achinese", list) == "ace");
    CHECK(languageCodeNamed("Castilian", list) == "es");
    CHECK(languageCodeNamed("Klingon", list) == std::nullopt);
    CHECK(languageCodeNamed("English", list.string() + ".missing") == std::nullopt);
    fs::remove(list);
}
