// Captions as visitors see them: one language, or two stacked (the first on top).

#include <doctest/doctest.h>

#include <cstdlib>
#include <cmath>

#include "exhibit/exhibit_loader.h"
#include "media/media_test_files.h"
#include "output/offscreen.h"
#include "render/frame_renderer.h"
#include "render/render_resources.h"
#include "timeline/evaluate.h"
#include "support/golden_image.h"

using namespace vitrine;
using vitrine::test::TempDir;

namespace {

const sf::Vector2u kGoldenSize{640, 360};
const sf::Color kScreen{0x80, 0x80, 0x80};  // the scene's colour; caption boxes are far darker
constexpr int kDarkBelow = 60;               // a channel value only a caption box reaches here

std::filesystem::path writeText(const TempDir& dir, const std::string& name, const std::string& text) {
    const auto path = dir / name;
    vitrine::test::writeBytes(path, std::vector<std::uint8_t>(text.begin(), text.end()));
    return path;
}

// A grey scene with a notice at the top and a sound with captions in `captionAttributes`.
std::filesystem::path writeCaptionedShow(const TempDir& dir, const std::string& captionAttributes) {
    REQUIRE(vitrine::test::runFfmpeg("-f lavfi -i anullsrc=r=48000:cl=mono -t 10 " + vitrine::test::quoted(dir / "talk.wav")));
    writeText(dir, "talk.en.vtt",
              "WEBVTT\n\n00:01.000 --> 00:08.000\nThe first language is on top, in the larger upright type,"
              " and it wraps onto a second line.\n");
    writeText(dir, "talk.fr.vtt", "WEBVTT\n\n00:01.000 --> 00:09.000\nLa deuxième langue, en dessous.\n");
    writeText(dir, "broken.vtt", "not a caption file at all\n");
    return writeText(dir, "exhibit.xml",
                     "<exhibit size=\"1920x1080\">"
                     "<style id=\"notice\" font=\"sans\" size=\"36\" align=\"center\" background=\"#2a2620\" padding=\"20\"/>"
                     "<scene dur=\"10s\" background=\"#808080\">"
                     "<text style=\"notice\" x=\"192\" y=\"16\" width=\"1536\" height=\"70\">A notice at the top</text>"
                     "<audio src=\"talk.wav\" role=\"speech\" credit=\"test\" " +
                         captionAttributes +
                         "/>"
                         "</scene></exhibit>");
}

sf::Image renderAt(const std::filesystem::path& xml, Micros t, sf::Vector2u size = kGoldenSize,
                   std::vector<std::string>* problems = nullptr) {
    LoadedExhibit exhibit = loadExhibit(xml);
    REQUIRE(exhibit.show);
    // The check reads caption files: only the one broken on purpose may be an error.
    for (const auto& d : exhibit.diagnostics.all())
        CHECK_MESSAGE((d.severity != Severity::Error || d.where.file.ends_with("broken.vtt")), formatDiagnostic(d));
    render::RenderResources resources;
    render::FrameRenderer renderer(*exhibit.show, resources.text(), resources.textures());
    output::OffscreenRenderer offscreen(renderer, *exhibit.show, size);
    REQUIRE(offscreen.ok());
    sf::Image image = offscreen.renderAt(t);
    if (problems) *problems = offscreen.takeProblems();
    return image;
}

bool isBoxPixel(sf::Color c) { return c.r < kDarkBelow && c.g < kDarkBelow && c.b < kDarkBelow; }

// Vertical runs of rows that hold caption-box pixels, top to bottom, as [first, last] rows.
std::vector<std::pair<unsigned, unsigned>> boxBands(const sf::Image& image, unsigned fromRow) {
    std::vector<std::pair<unsigned, unsigned>> bands;
    for (unsigned y = fromRow; y < image.getSize().y; ++y) {
        bool dark = false;
        for (unsigned x = 0; x < image.getSize().x && !dark; ++x) dark = isBoxPixel(image.getPixel(x, y));
        if (!dark) continue;
        if (!bands.empty() && bands.back().second + 1 == y) bands.back().second = y;
        else bands.push_back({y, y});
    }
    return bands;
}

}  // namespace

TEST_CASE("golden: two caption languages stacked, the first on top, clear of a notice at the top") {
    TempDir dir;
    auto xml = writeCaptionedShow(dir, "captions=\"talk.en.vtt\" second-captions=\"talk.fr.vtt\"");
    sf::Image image = renderAt(xml, seconds(4));
    if (const char* still = std::getenv("VITRINE_CAPTION_STILL")) renderAt(xml, seconds(4), {1920, 1080}).saveToFile(still);

    // Two separate boxes in the lower part of the picture; the first language's (two
    // lines) is taller and above the second's (one line).
    auto bands = boxBands(image, image.getSize().y / 2);
    REQUIRE(bands.size() == 2);
    CHECK(bands[0].second + 1 < bands[1].first);
    CHECK(bands[0].second - bands[0].first > bands[1].second - bands[1].first);
    CHECK(bands[1].second < image.getSize().y);

    // Nothing of the captions reaches the notice at the top: that area is the same as in
    // the frame without captions.
    sf::Image uncaptioned = renderAt(writeCaptionedShow(dir, ""), seconds(4));
    for (unsigned y = 0; y < image.getSize().y / 2; ++y)
        for (unsigned x = 0; x < image.getSize().x; ++x)
            REQUIRE(image.getPixel(x, y) == uncaptioned.getPixel(x, y));

    std::string mismatch = vitrine::test::matchGolden(image, "captions-two-languages");
    CHECK_MESSAGE(mismatch.empty(), mismatch);
}

TEST_CASE("one caption language is one box, the second language alone keeps its place at the bottom") {
    TempDir dir;
    auto xml = writeCaptionedShow(dir, "captions=\"talk.en.vtt\" second-captions=\"talk.fr.vtt\"");
    // At 8.5 s the first language's cue has ended and the second's has not.
    sf::Image both = renderAt(xml, seconds(4));
    sf::Image secondOnly = renderAt(xml, seconds(8.5));
    auto bothBands = boxBands(both, both.getSize().y / 2);
    auto secondBands = boxBands(secondOnly, secondOnly.getSize().y / 2);
    REQUIRE(bothBands.size() == 2);
    REQUIRE(secondBands.size() == 1);
    CHECK(secondBands[0] == bothBands[1]);

    sf::Image firstOnly = renderAt(writeCaptionedShow(dir, "captions=\"talk.en.vtt\""), seconds(4));
    auto firstBands = boxBands(firstOnly, firstOnly.getSize().y / 2);
    REQUIRE(firstBands.size() == 1);
    // Alone, the first language sits at the bottom of the band, where the stack ends.
    CHECK(std::abs(static_cast<int>(firstBands[0].second) - static_cast<int>(bothBands[1].second)) <= 2);
}

TEST_CASE("a second caption file that cannot be read is reported once and the first language still shows") {
    TempDir dir;
    auto xml = writeCaptionedShow(dir, "captions=\"talk.en.vtt\" second-captions=\"broken.vtt\"");
    // `vitrine check` names it; a player given the file anyway still shows the first language.
    CHECK(loadExhibit(xml).diagnostics.errorCount() == 1);
    std::vector<std::string> problems;
    sf::Image image = renderAt(xml, seconds(4), kGoldenSize, &problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].find("broken.vtt") != std::string::npos);
    CHECK(boxBands(image, image.getSize().y / 2).size() == 1);
}

TEST_CASE("renderers that share their resources read a caption file once between them") {
    TempDir dir;
    auto xml = writeCaptionedShow(dir, "captions=\"talk.en.vtt\"");
    LoadedExhibit exhibit = loadExhibit(xml);
    REQUIRE(exhibit.show);
    render::RenderResources resources;
    sf::RenderTexture target;
    REQUIRE(target.create(kGoldenSize.x, kGoldenSize.y));
    // As after each edit: a new renderer for the show, drawn at a moment with captions.
    for (int edit = 0; edit < 3; ++edit) {
        render::FrameRenderer renderer(*exhibit.show, resources);
        renderer.render(evaluate(*exhibit.show, seconds(4)), target);
        target.display();
        CHECK(renderer.takeProblems().empty());
    }
    CHECK(resources.captionFiles().reads() == 1);
    CHECK(boxBands(target.getTexture().copyToImage(), kGoldenSize.y / 2).size() == 1);  // and drawn from it
}
