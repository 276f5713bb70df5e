// The Baku 1990 exhibit at a site that shows English and French at once (`both`): laid out as
// that site shows it (texts fitted to their boxes, player/both_languages_fit.h), no text is
// cut by the canvas.

#include <doctest/doctest.h>
#include "support/build_paths.h"

#include <string>

#include "exhibit/exhibit_loader.h"
#include "installation/installation.h"
#include "player/site_check.h"
#include "text/layout_check.h"

using namespace vitrine;

TEST_CASE("baku 1990 in both languages: the site check finds no error") {
    LoadedExhibit exhibit = loadExhibit(vitrine::test::sourceDir() / "exhibits/baku-1990/exhibit.xml");
    REQUIRE(exhibit.show);
    const text::FontLibrary fonts(text::bundledFontsDirectory());
    text::addLayoutProblems(exhibit, fonts);
    Diagnostics parse;
    const auto site = installation::parseInstallation(
        R"(<installation><languages show="both" text="en fr" captions="en fr"/></installation>)", "site.xml", parse);
    REQUIRE(site);
    addSiteProblems(exhibit, *site, fonts);
    std::string found;
    for (const auto& d : exhibit.diagnostics.all()) {
        if (d.severity == Severity::Note) continue;
        found += formatDiagnostic(d) + "\n";
    }
    INFO(found);
    CHECK(exhibit.diagnostics.errorCount() == 0);
}
