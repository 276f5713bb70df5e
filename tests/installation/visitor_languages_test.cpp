// <languages show> and <sign-language> in the installation file: one line each, and a
// wrong value is an error at its attribute that says what the right ones are.

#include <doctest/doctest.h>

#include "base/safe_area.h"
#include "installation/installation.h"

using namespace vitrine;
using namespace vitrine::installation;

namespace {

std::optional<Installation> parse(const std::string& body, Diagnostics& d) {
    return parseInstallation("<installation>\n  " + body + "\n</installation>", "site.xml", d);
}

}  // namespace

TEST_CASE("installation: languages show chooses one both or alternate and defaults to all as before") {
    struct Case {
        const char* value;
        LanguageMode mode;
    };
    for (const Case c : {Case{"one", LanguageMode::One}, Case{"both", LanguageMode::Both},
                         Case{"alternate", LanguageMode::Alternate}, Case{"all", LanguageMode::All}}) {
        Diagnostics d;
        auto inst = parse(std::string("<languages show=\"") + c.value + "\" text=\"en fr\" captions=\"en fr\"/>", d);
        REQUIRE(inst);
        for (const auto& x : d.all()) INFO(formatDiagnostic(x));
        CHECK(d.empty());
        CHECK(inst->languageMode == c.mode);
        CHECK(inst->languages == std::vector<std::string>{"en", "fr"});
        CHECK(inst->captionLanguages == std::vector<std::string>{"en", "fr"});
    }
    Diagnostics d;
    auto inst = parse("<languages audio=\"en hy\"/>", d);
    REQUIRE(inst);
    CHECK(d.empty());
    CHECK(inst->languageMode == LanguageMode::All);
    CHECK(inst->languages == std::vector<std::string>{"en", "hy"});  // audio= as written before text= existed
}

TEST_CASE("installation: a wrong languages show is an error at the attribute naming the right values") {
    Diagnostics d;
    auto inst = parse("<languages text=\"en fr\" show=\"bilingual\"/>", d);
    REQUIRE(inst);
    REQUIRE(d.errorCount() == 1);
    const Diagnostic& e = d.all().front();
    CHECK(e.code == "bad-value");
    CHECK(e.where.line == 2);
    CHECK(e.where.column == 27);  // at show=, not at the element
    CHECK(e.message.find("'bilingual'") != std::string::npos);
    for (const char* mode : {"one", "both", "alternate"}) CHECK(e.hint.find(mode) != std::string::npos);
    CHECK(inst->languageMode == LanguageMode::All);  // the default stays

    Diagnostics one;
    inst = parse("<languages text=\"fr\" show=\"alternate\"/>", one);
    REQUIRE(inst);
    CHECK(one.errorCount() == 0);
    REQUIRE(one.warningCount() == 1);
    CHECK(one.all().front().code == "one-language");

    // A second <languages> without show= keeps the first one's mode; the warning names it
    // (the fuzzer found this crashing on the missing attribute).
    Diagnostics second;
    inst = parse("<languages text=\"en fr\" show=\"both\"/>\n<languages text=\"fr\"/>", second);
    REQUIRE(inst);
    CHECK(second.errorCount() == 0);
    REQUIRE(second.warningCount() >= 1);
    bool named = false;
    for (const auto& w : second.all())
        if (w.code == "one-language") named = w.message.find("show=\"both\"") != std::string::npos;
    CHECK(named);
}

TEST_CASE("installation: the sign-language region is one line with a corner a size and show") {
    Diagnostics d;
    auto inst = parse("<sign-language corner=\"top-left\" size=\"30%\" show=\"false\"/>", d);
    REQUIRE(inst);
    CHECK(d.empty());
    REQUIRE(inst->signLanguage);
    CHECK(inst->signLanguage->corner == Corner::TopLeft);
    CHECK(inst->signLanguage->size.value == doctest::Approx(30));
    CHECK(inst->signLanguage->size.percent);
    CHECK_FALSE(inst->signLanguage->show);

    Diagnostics none;
    inst = parse("", none);
    REQUIRE(inst);
    CHECK_FALSE(inst->signLanguage);  // no element: no inset

    Diagnostics bad;
    inst = parse("<sign-language corner=\"middle\" size=\"80%\" show=\"maybe\"/>", bad);
    REQUIRE(inst);
    CHECK(bad.errorCount() == 3);
    for (const auto& x : bad.all()) CHECK(x.code == "bad-value");
    REQUIRE(inst->signLanguage);
    CHECK(inst->signLanguage->corner == Corner::BottomRight);  // defaults where a value was wrong
    CHECK(inst->signLanguage->size.value == doctest::Approx(22));
}

TEST_CASE("installation: the sign-language inset stands in its corner of the action-safe area, 16 by 9") {
    const PixelSize canvas{1920, 1080};
    const Rect safe = safeArea(canvas, kActionSafeShare);  // 96,54 1728x972
    SignLanguageInset inset;  // bottom-right, 22 %
    Rect r = insetRect(inset, canvas);
    CHECK(r.height == doctest::Approx(1080 * 0.22));
    CHECK(r.width == doctest::Approx(r.height * 16 / 9));
    CHECK(r.x + r.width == doctest::Approx(safe.x + safe.width));
    CHECK(r.y + r.height == doctest::Approx(safe.y + safe.height));
    inset.corner = Corner::TopLeft;
    r = insetRect(inset, canvas);
    CHECK(r.x == doctest::Approx(safe.x));
    CHECK(r.y == doctest::Approx(safe.y));
    inset.corner = Corner::TopRight;
    inset.size = Length{240, false};
    r = insetRect(inset, canvas);
    CHECK(r.height == doctest::Approx(240));
    CHECK(r.x + r.width == doctest::Approx(safe.x + safe.width));
    CHECK(r.y == doctest::Approx(safe.y));
    inset.size = Length{5000, false};  // never wider than the safe area
    r = insetRect(inset, canvas);
    CHECK(r.width <= safe.width + 1e-9);
    CHECK(r.height <= safe.height + 1e-9);
}
