#include <doctest/doctest.h>

#include "media/media_test_files.h"
#include "render/qr_code.h"
#include "support/run_command.h"

using namespace vitrine;

namespace {
// What zbarimg (zbar-tools, installed by tools/setup) reads in a picture: the decoder a
// phone's camera app would be, run on the drawn image.
std::string decoded(const sf::Image& image, const test::TempDir& dir) {
    const auto png = dir / "code.png";
    REQUIRE(image.saveToFile(png.string()));
    return test::runCommand("zbarimg --raw -q " + test::quoted(png) + " 2>/dev/null").output;
}
}  // namespace

TEST_CASE("qr code: the drawn code of the visitors' address decodes to that address") {
    REQUIRE_MESSAGE(std::system("zbarimg --version >/dev/null 2>&1") == 0, "zbarimg missing: run tools/setup");
    test::TempDir dir;
    for (const std::string address : {"http://vitrine.local:8090/", "http://10.0.0.5:8090/#fr",
                                      "https://museum.example.org/exhibits/baku-1990/companion?lang=en"}) {
        INFO(address);
        auto modules = render::encodeQr(address);
        REQUIRE(modules);
        CHECK(modules->size >= 21);  // version 1 is 21 modules a side
        CHECK(decoded(render::qrImage(*modules, 6), dir) == address + "\n");
    }
    CHECK_FALSE(render::encodeQr(""));
}

TEST_CASE("qr code: drawn with its quiet zone, black on white, whole modules") {
    auto modules = render::encodeQr("http://vitrine.local:8090/");
    REQUIRE(modules);
    const sf::Image image = render::qrImage(*modules, 5);
    CHECK(image.getSize().x == static_cast<unsigned>(modules->size + 8) * 5);
    for (unsigned i = 0; i < 4 * 5; ++i) {
        CHECK(image.getPixel(i, i) == sf::Color::White);  // the quiet zone
        CHECK(image.getPixel(image.getSize().x - 1 - i, i) == sf::Color::White);
    }
    // The finder pattern's dark corner module, at (0, 0) of the code.
    CHECK(modules->at(0, 0));
    CHECK(image.getPixel(20, 20) == sf::Color::Black);
    CHECK(image.getPixel(24, 24) == sf::Color::Black);
}
