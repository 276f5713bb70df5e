#include <doctest/doctest.h>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <map>
#include <thread>

#include "media/media_test_files.h"
#include "support/build_paths.h"
#include "support/free_port.h"
#include "support/playing_player.h"
#include "support/puppeteer.h"
#include "support/run_command.h"

using namespace vitrine;

namespace {

constexpr double kLoopSeconds = 8;
// The issue's target, the page within 100 ms of the player, is a benchmark figure (printed
// below as p95; `tools/bench visitor-phones` beside it), not a timed test: on a loaded CI
// machine one change can come 300 ms late. What this test holds is that the page follows
// the show: a page that missed a loop or a jump, or never measured its offset, is a second
// or more out (planted: no re-sync on a new generation, 1,870 ms).
constexpr double kTargetMillis = 100;
constexpr double kFollowingMillis = 750;
// After a jump the page learns of it at its next look at the clock (once a second) and
// measures again: changes in that while are the catching up, not the following.
constexpr double kCatchUpMillis = 2000;

// Two rooms of 4 s, each with a sound captioned in English and French, and an audio
// description of the whole loop in both (the French one its own file). Armenian is listed,
// with no text in it, for a language the page has no words for.
void writeExhibit(const test::TempDir& dir) {
    REQUIRE(test::runFfmpeg("-f lavfi -i anullsrc=r=48000:cl=mono -t 4 " + test::quoted(dir / "room.wav")));
    for (const char* described : {"description.wav", "description.fr.wav"})
        REQUIRE(test::runFfmpeg("-f lavfi -i sine=f=330:r=48000 -t 8 " + test::quoted(dir / described)));
    std::ofstream(dir / "exhibit.xml") << R"(<exhibit title="Companion test" size="320x180" lang="en fr hy">
  <audio kind="description" src="description.wav"/>
  <scene id="one" title="First room" dur="4s">
    <text><p lang="en">The river</p><p lang="fr">La rivière</p></text>
    <audio src="room.wav" captions="one.vtt"/>
  </scene>
  <scene id="two" title="Second room" dur="4s">
    <audio src="room.wav" captions="two.vtt"/>
  </scene>
</exhibit>)";
    auto cues = [](const char* a, const char* b) {
        return std::string("WEBVTT\n\n00:00.500 --> 00:01.500\n") + a + "\n\n00:02.000 --> 00:03.500\n" + b + "\n";
    };
    std::ofstream(dir / "one.vtt") << cues("One A", "One B");
    std::ofstream(dir / "one.fr.vtt") << cues("Un A", "Un B");
    std::ofstream(dir / "two.vtt") << cues("Two A", "Two B");
    std::ofstream(dir / "two.fr.vtt") << cues("Deux A", "Deux B");
}

// Where each caption begins in the show, by its text.
const std::map<std::string, double> kCueStarts = {{"One A", 0.5}, {"One B", 2.0}, {"Two A", 4.5}, {"Two B", 6.0},
                                                  {"Un A", 0.5},  {"Un B", 2.0},  {"Deux A", 4.5}, {"Deux B", 6.0}};

// The player's show time at wall instant `at` (ms), from the last /status sample before it.
std::optional<double> playerTimeAt(const nlohmann::json& samples, double at) {
    const nlohmann::json* last = nullptr;
    for (const auto& s : samples)
        if (s["at"].get<double>() <= at) last = &s;
    if (!last || (*last)["state"] != "playing") return std::nullopt;
    return std::fmod((*last)["time"].get<double>() + (at - (*last)["at"].get<double>()) / 1000, kLoopSeconds);
}

double percentile95(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[std::min(v.size() - 1, static_cast<std::size_t>(std::ceil(0.95 * v.size())) - 1)];
}

}  // namespace

TEST_CASE("visitor page: in headless Chromium on a phone, captions follow the player in two languages across a loop and a jump") {
    const auto script = test::puppeteerScript("tests/visitor/check_visitor_page.js");
    test::TempDir dir;
    writeExhibit(dir);
    const int control = test::freePort(), visitor = test::freePort();
    const std::string token = "companion-token";
    std::ofstream(dir / "installation.xml") << "<installation><control http=\"" << control
                                            << "\" bind=\"127.0.0.1\" token=\"" << token << "\"/>"
                                            << "<visitor-page port=\"" << visitor << "\" bind=\"127.0.0.1\"/></installation>";
    test::PlayingPlayer player(dir / "exhibit.xml", dir / "installation.xml", dir / "player.log");
    REQUIRE(player.pid > 0);
    httplib::Client client("127.0.0.1", control);
    bool up = false;
    for (int i = 0; i < 150 && !up; ++i) {
        auto r = client.Get("/status", httplib::Headers{{"Authorization", "Bearer " + token}});
        up = r && r->status == 200 && nlohmann::json::parse(r->body)["frame"].get<int>() > 0;
        if (!up) std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    REQUIRE_MESSAGE(up, test::readTextFile(dir / "player.log"));

    const auto shots = test::binaryDir() / "visitor-page";  // the screenshots, to look at
    std::filesystem::create_directories(shots);
    const auto run = test::runCommand("timeout 120 node '" + script.string() + "' 'http://127.0.0.1:" +
                                      std::to_string(visitor) + "/' 'http://127.0.0.1:" + std::to_string(control) +
                                      "/' '" + token + "' '" + shots.string() + "' two 2>&1");
    const auto json = run.output.find("{\"");
    const auto seen = nlohmann::json::parse(run.output.substr(json == std::string::npos ? 0 : json), nullptr, false);
    REQUIRE_MESSAGE((!seen.is_discarded() && !seen.contains("error")), run.output.substr(0, 2000));
    CHECK(seen["jump"] == 202);
    const double jumpAt = seen["jumpAt"].get<double>();
    for (const std::string language : {"en", "fr"}) {
        INFO(language);
        const auto& page = seen["pages"][language];
        CHECK(page["languageShown"] == language);
        CHECK(page["title"] == "Companion test");
        CHECK(page["ariaLive"] == "polite");
        CHECK(page["pageWidth"].get<int>() <= 390);
        std::vector<double> lateness;
        int afterJump = 0, afterLoop = 0;
        std::string previous;
        double previousTime = -1;
        for (const auto& change : page["changes"]) {
            const std::string text = change["text"];
            const double at = change["at"].get<double>();
            if (text.empty() || text == previous) {
                previous = text;
                continue;
            }
            previous = text;
            const auto cue = kCueStarts.find(text);
            REQUIRE_MESSAGE(cue != kCueStarts.end(), "a caption not in the language's file: " << text);
            CHECK((language == "fr") == (text.rfind("Un", 0) == 0 || text.rfind("Deux", 0) == 0));
            if (at > jumpAt && at < jumpAt + kCatchUpMillis) continue;
            const auto t = playerTimeAt(seen["samples"], at);
            if (!t) continue;
            double late = (*t - cue->second) * 1000;
            if (late > kLoopSeconds * 500) late -= kLoopSeconds * 1000;
            if (late < -kLoopSeconds * 500) late += kLoopSeconds * 1000;
            MESSAGE(language << " '" << text << "' at player time " << *t << " s: " << late << " ms after the player");
            lateness.push_back(std::abs(late));
            afterJump += at > jumpAt;
            afterLoop += previousTime >= 0 && *t < previousTime;
            previousTime = *t;
        }
        MESSAGE(language << ": " << lateness.size() << " caption changes, p95 " << percentile95(lateness)
                         << " ms (target " << kTargetMillis << "), worst " << (lateness.empty() ? 0 : *std::max_element(lateness.begin(), lateness.end())) << " ms");
        CHECK(lateness.size() >= 6);
        CHECK(afterLoop >= 1);
        CHECK(afterJump >= 2);
        for (double l : lateness) CHECK(l < kFollowingMillis);
    }
    // The French visitor hears the French description where the show is: within 0.5 s of the
    // player's clock, across the loop's seam and after the jump once the page has caught up.
    {
        const auto& fr = seen["pages"]["fr"];
        CHECK(fr["describePressed"] == "true");
        int heard = 0, afterJump = 0;
        double worst = 0;
        for (const auto& a : fr["audio"]) {
            const double at = a["at"].get<double>();
            if (!a["playing"].get<bool>() || (at > jumpAt && at < jumpAt + kCatchUpMillis)) continue;
            CHECK(a["src"] == "/sound/1");  // description.fr.wav, the second sound published
            const auto t = playerTimeAt(seen["samples"], at);
            if (!t) continue;
            double off = std::fmod(std::abs(a["time"].get<double>() - *t), kLoopSeconds);
            off = std::min(off, kLoopSeconds - off);  // either side of the seam
            worst = std::max(worst, off);
            ++heard;
            afterJump += at > jumpAt;
        }
        MESSAGE("description: " << heard << " samples playing, worst " << worst * 1000 << " ms from the player");
        CHECK(heard >= 100);  // most of 20 s at 10 a second
        CHECK(afterJump >= 50);
        CHECK(worst < 0.5);
    }
    // The page's own words follow the visitor's language, and so does <html lang>.
    CHECK(seen["pages"]["fr"]["htmlLang"] == "fr");
    CHECK(seen["pages"]["fr"]["words"] == nlohmann::json{{"language", "Langue"}, {"describe", "Audiodescription"},
                                                         {"captions", "Sous-titres"}, {"still", "Moins d’animation"},
                                                         {"larger", "Texte plus grand"}, {"smaller", "Texte plus petit"}});
    CHECK(seen["pages"]["en"]["htmlLang"] == "en");
    CHECK(seen["pages"]["en"]["words"]["describe"] == "Audio description");
    CHECK(seen["pages"]["en"]["words"]["captions"] == "Captions");
    CHECK(seen["untranslated"] == nlohmann::json{{"lang", "hy"}, {"describe", "Audio description"}, {"captions", "Captions"}});
    CHECK(seen["captionFontAfter"].get<double>() > 1.4 * seen["captionFontBefore"].get<double>());
    CHECK(seen["stillPressed"] == "true");
    CHECK(seen["reducedMotionPressed"] == "true");
    for (const char* shot : {"visitor-en.png", "visitor-fr.png", "visitor-en-larger.png"})
        CHECK(std::filesystem::file_size(shots / shot) > 1000);
}
