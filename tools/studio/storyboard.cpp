#include "storyboard.h"

#include <SFML/Graphics/Font.hpp>
#include <SFML/Graphics/RectangleShape.hpp>
#include <SFML/Graphics/RenderTexture.hpp>
#include <SFML/Graphics/Sprite.hpp>
#include <SFML/Graphics/Text.hpp>

#include <cstdio>
#include <cstdlib>

#include "output/offscreen.h"
#include "player/language_choice.h"
#include "player/live_show.h"
#include "studio/storyboard_layout.h"
#include "studio/studio_document.h"
#include "text/font_library.h"
#include "base/time_value.h"

namespace vitrine::studio {
namespace {

constexpr unsigned kTitlePixels = 30;
constexpr unsigned kCaptionPixels = 19;
constexpr float kCaptionLineHeight = 27;
const sf::Color kSheetBackground(24, 26, 30);
const sf::Color kFrameColour(58, 62, 70);
const sf::Color kIdColour(226, 170, 84);
const sf::Color kTextColour(226, 228, 232);
const sf::Color kDimColour(150, 155, 165);

sf::String utf8(const std::string& s) { return sf::String::fromUtf8(s.begin(), s.end()); }

void drawLine(sf::RenderTarget& target, const sf::Font& font, const std::string& s, unsigned pixels, sf::Color c,
              float x, float y, float maxWidth) {
    sf::Text text(utf8(s), font, pixels);
    text.setFillColor(c);
    // Shorten a line that would run into the next cell.
    std::string shown = s;
    while (text.getLocalBounds().width > maxWidth && shown.size() > 4) {
        shown.pop_back();
        while (!shown.empty() && (static_cast<unsigned char>(shown.back()) & 0xC0) == 0x80) shown.pop_back();
        if (!shown.empty()) shown.pop_back();
        text.setString(utf8(shown + "…"));
    }
    text.setPosition(x, y);
    target.draw(text);
}

}  // namespace

std::optional<Error> drawStoryboard(const Show& show, render::RenderResources& resources, const std::string& title,
                                    const std::filesystem::path& output, int columns, const StoryboardProgress& progress) {
    StoryboardLayout layout = storyboardLayoutFor(show.canvas, columns);
    int stills = static_cast<int>(show.scenes.size());
    // Drawn as every program draws a show: by the show being played, silent, its clock unused.
    LiveShow live(borrowedShow(show), resources, LiveShow::Options{});
    output::OffscreenRenderer still(live.renderer(), live.show(),
                                    {static_cast<unsigned>(layout.stillWidth), static_cast<unsigned>(layout.stillHeight)});
    sf::RenderTexture sheet;
    sf::Font font;
    if (!still.ok() || !sheet.create(layout.width(), layout.height(stills)) ||
        !font.loadFromFile((text::bundledFontsDirectory() / "DejaVuSans.ttf").string())) {
        return Error{"cannot create an off-screen surface for the storyboard"};
    }
    sheet.clear(kSheetBackground);
    const float margin = static_cast<float>(layout.margin);
    drawLine(sheet, font, show.title.empty() ? title : show.title, kTitlePixels, kTextColour,
             margin, margin * 0.6f, static_cast<float>(layout.width()) - 2 * margin);
    std::string summary = std::to_string(stills) + " scenes, " + formatTime(show.duration, TimePrecision::Tenths);
    drawLine(sheet, font, summary, kCaptionPixels, kDimColour, margin, margin * 0.6f + kTitlePixels + 6,
             static_cast<float>(layout.width()));

    auto captions = storyboardCaptions(show);
    for (int i = 0; i < stills; ++i) {
        sf::Texture texture;
        texture.loadFromImage(still.renderAt(storyboardInstant(show, static_cast<int>(i))));
        float x = static_cast<float>(layout.stillX(i)), y = static_cast<float>(layout.stillY(i));
        sf::RectangleShape frame({static_cast<float>(layout.stillWidth), static_cast<float>(layout.stillHeight)});
        frame.setPosition(x, y);
        frame.setOutlineThickness(1);
        frame.setOutlineColor(kFrameColour);
        frame.setFillColor(sf::Color::Transparent);
        sf::Sprite sprite(texture);
        sprite.setPosition(x, y);
        sheet.draw(sprite);
        sheet.draw(frame);
        float ty = y + static_cast<float>(layout.stillHeight) + 8;
        float width = static_cast<float>(layout.stillWidth);
        drawLine(sheet, font, std::to_string(i + 1) + "  " + captions[i].id, kCaptionPixels, kIdColour, x, ty, width);
        drawLine(sheet, font, "starts " + captions[i].start, kCaptionPixels, kDimColour, x, ty + kCaptionLineHeight,
                 width);
        drawLine(sheet, font, captions[i].firstLine, kCaptionPixels, kTextColour, x, ty + 2 * kCaptionLineHeight, width);
        if (progress && !progress(i + 1, stills)) return Error{"cancelled"};
    }
    sheet.display();
    for (const auto& f : resources.images().takeFailures())
        std::fprintf(stderr, "vitrine-studio: image %s: %s (a placeholder is shown)\n", f.path.c_str(),
                     f.error.message.c_str());
    return output::savePngAtomically(sheet.getTexture().copyToImage(), output);
}

int writeStoryboard(const std::filesystem::path& exhibit, const std::filesystem::path& output, int columns) {
    StudioDocument doc(exhibit);
    if (!doc.show()) {
        for (const auto& d : doc.diagnostics().all()) std::fprintf(stderr, "%s\n", formatDiagnostic(d).c_str());
        if (!doc.loadError().empty()) std::fprintf(stderr, "vitrine-studio: %s\n", doc.loadError().c_str());
        return 2;
    }
    const char* display = std::getenv("DISPLAY");
    if (!display || !*display) {
        std::fprintf(stderr, "vitrine-studio: no display: drawing needs an X server (run under xvfb-run -a)\n");
        return 3;
    }
    // No site chooses its languages: the exhibit's main language, not every one stacked.
    const Show show = inMainLanguage(*doc.show());
    render::RenderResources resources(text::bundledFontsDirectory(),
                                      render::RenderResources::maxImageDimensionFor(show.canvas));
    if (auto error = drawStoryboard(show, resources, exhibit.filename().string(), output, columns)) {
        std::fprintf(stderr, "vitrine-studio: %s\n", error->message.c_str());
        return 3;
    }
    StoryboardLayout layout = storyboardLayoutFor(show.canvas, columns);
    int stills = static_cast<int>(show.scenes.size());
    std::printf("%s: %d scenes, %dx%d\n", output.c_str(), stills, layout.width(), layout.height(stills));
    return 0;
}

}  // namespace vitrine::studio
