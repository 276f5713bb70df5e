// The site's languages as the player applies them: `alternate` shows loop 1 in the first
// listed language, loop 2 in the next, and switches exactly where the loop begins.

#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "player/player.h"
#include "small_window_options.h"
#include "support/in_memory_files.h"

using namespace vitrine;

namespace {

// One second of one text in two languages: English in red, French in blue.
const char* const kTwoLanguages =
    "<exhibit size=\"320x180\" lang=\"en\" background=\"#000000\" default-transition=\"cut\">"
    "<style id=\"en\" color=\"#ff0000\" size=\"60\"/><style id=\"fr\" color=\"#0000ff\" size=\"60\"/>"
    "<scene id=\"only\" dur=\"1s\"><text x=\"0\" y=\"0\" width=\"100%\" height=\"100%\">"
    "<p lang=\"en\" style=\"en\">HHHHHH</p><p lang=\"fr\" style=\"fr\">HHHHHH</p></text></scene></exhibit>";

// 'R' for a frame with English (red) text alone, 'B' for French (blue) alone, '2' for both,
// '-' for neither.
char languageShown(const sf::Image& picture) {
    int red = 0, blue = 0;
    for (unsigned y = 0; y < picture.getSize().y; ++y)
        for (unsigned x = 0; x < picture.getSize().x; ++x) {
            const sf::Color c = picture.getPixel(x, y);
            if (c.r > 150 && c.b < 60) ++red;
            if (c.b > 150 && c.r < 60) ++blue;
        }
    constexpr int kSome = 50;  // pixels: a few antialiased edges are not a text
    if (red > kSome && blue > kSome) return '2';
    if (red > kSome) return 'R';
    if (blue > kSome) return 'B';
    return '-';
}

// What the real player shows, at 4x (a loop every quarter second of real time), for
// `quitAfter` of real time with the site's `languages`: a languageShown() letter per frame
// and, with `loops`, a '|' where each loop begins (the log and the frames are both told on
// the player's own thread, so they come in the order they happened).
std::string playedFrames(const LanguageChoice& languages, Micros quitAfter, bool loops = false) {
    Diagnostics diagnostics;
    auto show = std::make_shared<const Show>(test::compileText(kTwoLanguages, diagnostics));
    REQUIRE_FALSE(diagnostics.hasErrors());
    render::RenderResources resources;
    std::stop_source stop;
    PlayerOptions options = test::smallWindowOptions(stop.get_token());
    options.speed = 4;
    options.quitAfter = quitAfter;
    options.languages = languages;
    std::string events;
    options.frameShown = [&](const sf::Image& picture) { events += languageShown(picture); };
    Player player(show, resources, options, [&](const std::string& line) {
        if (loops && line.rfind("loop ", 0) == 0) events += '|';
    });
    player.run();
    return events;
}

}  // namespace

TEST_CASE("player: alternate shows each loop in the next language and switches at the loop boundary") {
    LanguageChoice languages;
    languages.text = {"en", "fr"};
    languages.mode = installation::LanguageMode::Alternate;
    // 7.6 s of show, loops 1 to 8 on a quiet machine; the player's start-up (window, fonts)
    // takes from that real time, so a loaded machine sees fewer: four are asked for.
    const std::string events = playedFrames(languages, 1'900'000, true);
    INFO("frames by loop: " << events);
    std::vector<std::string> loops;
    std::string current;
    for (char e : events) {
        if (e == '|') {
            loops.push_back(current);
            current.clear();
        } else if (e != '-') {
            current += e;
        }
    }
    loops.push_back(current);
    REQUIRE(loops.size() >= 4);
    for (std::size_t i = 0; i + 1 < loops.size(); ++i) {  // the last loop may have no frame yet
        const char expected = i % 2 == 0 ? 'R' : 'B';
        REQUIRE_FALSE(loops[i].empty());
        CHECK(loops[i] == std::string(loops[i].size(), expected));
    }
}

TEST_CASE("player: a show given with languages but no alternate keeps them every loop") {
    LanguageChoice languages;
    languages.text = {"fr", "en"};
    languages.mode = installation::LanguageMode::One;
    const std::string frames = playedFrames(languages, 700'000);
    INFO("frames: " << frames);
    REQUIRE(frames.find('B') != std::string::npos);
    CHECK(frames.find_first_not_of("B-") == std::string::npos);
}

TEST_CASE("player: with no site languages a two-language text shows the exhibit's main language only") {
    // No installation, or no <languages>: the choice is empty.
    const std::string frames = playedFrames({}, 700'000);
    INFO("frames: " << frames);
    REQUIRE(frames.find('R') != std::string::npos);
    CHECK(frames.find('2') == std::string::npos);  // never both stacked
    CHECK(frames.find('B') == std::string::npos);
}
