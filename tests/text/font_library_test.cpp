#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>

#include "text/font_library.h"

using namespace vitrine::text;

namespace {
const FontLibrary& bundled() {
    static const FontLibrary fonts(bundledFontsDirectory());
    return fonts;
}
std::string stemFor(std::string_view family, bool bold, bool italic, char32_t c) {
    const FontFaceId id = bundled().faceFor(family, bold, italic, c);
    return id < 0 ? std::string("<none>") : bundled().info(id).stem;
}
}  // namespace

TEST_CASE("font_library: loads the bundled fonts without diagnostics") {
    CHECK(bundled().diagnostics().empty());
    CHECK(bundled().faceCount() == 13);
    CHECK(bundled().knowsFamily("serif"));
    CHECK(bundled().knowsFamily("Noto Sans"));
    CHECK(bundled().knowsFamily("notoserif-bolditalic"));
    CHECK_FALSE(bundled().knowsFamily("Comic Sans"));
}

TEST_CASE("font_library: serif covers Azerbaijani and Cyrillic itself") {
    for (char32_t c : std::u32string(U"əƏıİşŞğĞçöüБакуЖщЁ")) {
        CAPTURE(static_cast<std::uint32_t>(c));
        CHECK(stemFor("serif", false, false, c) == "NotoSerif-Regular");
        CHECK(stemFor("serif", true, true, c) == "NotoSerif-BoldItalic");
    }
}

TEST_CASE("font_library: Armenian letters fall back to the Armenian face of the same design") {
    for (char32_t c : std::u32string(U"ԲաքուՀայաստանև")) {
        CAPTURE(static_cast<std::uint32_t>(c));
        CHECK(stemFor("serif", false, false, c) == "NotoSerifArmenian-Regular");
        CHECK(stemFor("serif", true, false, c) == "NotoSerifArmenian-Bold");
        // No Armenian italic exists: weight is kept, the slant is dropped, never synthesised.
        CHECK(stemFor("serif", true, true, c) == "NotoSerifArmenian-Bold");
        CHECK(stemFor("sans", false, false, c) == "NotoSansArmenian-Regular");
    }
    CHECK(stemFor("serif", false, false, U'a') == "NotoSerif-Regular");
    CHECK(stemFor("sans", false, true, U'a') == "NotoSans-Italic");
}

TEST_CASE("font_library: unknown families resolve as serif, stems name one face") {
    CHECK(stemFor("No Such Font", false, false, U'x') == "NotoSerif-Regular");
    CHECK(stemFor("NotoSans-Bold", false, false, U'x') == "NotoSans-Bold");
    CHECK(stemFor("DejaVuSans", false, false, U'x') == "DejaVuSans");
}

TEST_CASE("font_library: the fallback chain ends with DejaVu Sans before unrelated faces") {
    const auto chain = bundled().fallbackChain("serif", false, false);
    REQUIRE(chain.size() == 13);
    CHECK(bundled().info(chain[0]).stem == "NotoSerif-Regular");
    CHECK(bundled().info(chain[1]).stem == "NotoSerifArmenian-Regular");
    CHECK(bundled().info(chain[2]).stem == "DejaVuSans");
    // A character only DejaVu has (a box-drawing line) is found there.
    const FontFaceId box = bundled().faceFor("serif", false, false, U'\u2500');
    CHECK(bundled().hasGlyph(box, U'\u2500'));
}

TEST_CASE("font_library: advances are whole pixels and scale with size") {
    const FontFaceId serif = bundled().faceFor("serif", false, false, U'M');
    const float at44 = bundled().advance(serif, U'M', 44);
    const float at88 = bundled().advance(serif, U'M', 88);
    CHECK(at44 > 30);
    CHECK(at44 == doctest::Approx(std::round(at44)));
    CHECK(at88 == doctest::Approx(2 * at44).epsilon(0.05));
    const LineMetrics m = bundled().lineMetrics(serif, 44);
    CHECK(m.ascent > 40);
    CHECK(m.descent > 5);
    CHECK(m.lineSpacing >= m.ascent + m.descent - 1);
}

TEST_CASE("font_library: a missing directory is a diagnostic, not a crash") {
    const FontLibrary empty(std::filesystem::path("/nonexistent/vitrine-fonts"));
    CHECK(empty.faceCount() == 0);
    CHECK(empty.diagnostics().hasErrors());
    CHECK(empty.fallbackChain("serif", false, false).empty());
    CHECK(empty.faceFor("serif", false, false, U'a') == -1);
}
