// The template that `vitrine-studio new` writes.

#include <doctest/doctest.h>

#include <filesystem>
#include <regex>

#include "studio/exhibit_template.h"
#include "support/build_paths.h"

using namespace vitrine;

TEST_CASE("studio template: every document it points the designer to exists in the project") {
    const std::string text = studio::exhibitTemplate("A test");
    const std::regex reference(R"(([A-Za-z0-9_./-]+\.(md|xsd)))");
    int references = 0;
    for (auto m = std::sregex_iterator(text.begin(), text.end(), reference); m != std::sregex_iterator(); ++m) {
        CAPTURE(m->str());
        CHECK(std::filesystem::exists(test::sourceDir() / m->str()));
        ++references;
    }
    CHECK(references >= 1);
    CHECK(text.find("docs/") == std::string::npos);
}
