// Video items through the renderer as the player draws them: opened ahead by uploadAhead(),
// retired once neither on screen nor due soon.

#include <doctest/doctest.h>

#include <SFML/Graphics/RenderTexture.hpp>

#include <chrono>
#include <fstream>
#include <functional>
#include <thread>

#include "exhibit/exhibit_loader.h"
#include "media/media_test_files.h"
#include "media/video_decoder.h"
#include "render/frame_renderer.h"
#include "render/render_resources.h"
#include "timeline/evaluate.h"

using namespace vitrine;

namespace {

// A one-second clip of one colour (#3366cc) and an exhibit of `clips` one-second scenes
// showing it, each item a video of its own, then a second of text.
LoadedExhibit clipsExhibit(const test::TempDir& dir, int clips) {
    REQUIRE(test::runFfmpeg("-f lavfi -i color=c=0x3366cc:size=160x90:rate=25 -t 1 -c:v libx264 -pix_fmt yuv420p " +
                            test::quoted(dir / "clip.mp4")));
    std::string xml = "<exhibit size=\"320x180\"><scene id=\"intro\" dur=\"1s\"><text>before</text></scene>";
    for (int i = 0; i < clips; ++i)
        xml += "<scene id=\"c" + std::to_string(i) + "\" dur=\"1s\"><video src=\"clip.mp4\" credit=\"test\"/></scene>";
    xml += "<scene id=\"end\" dur=\"1s\"><text>after</text></scene></exhibit>";
    std::ofstream(dir / "exhibit.xml") << xml;
    LoadedExhibit e = loadExhibit(dir / "exhibit.xml");
    REQUIRE(e.show);
    return e;
}

bool eventually(const std::function<bool()>& done) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (!done()) {
        if (std::chrono::steady_clock::now() > deadline) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return true;
}

constexpr Micros kAhead = kMicrosPerSecond;
constexpr std::chrono::microseconds kUploadTime{4000};

}  // namespace

TEST_CASE("the renderer closes the decoders of videos that have left the screen and the look-ahead window") {
    test::TempDir dir;
    LoadedExhibit e = clipsExhibit(dir, 6);
    render::RenderResources resources;
    sf::RenderTexture target;
    REQUIRE(target.create(320, 180));
    const int before = VideoDecoder::openCount();
    {
        render::FrameRenderer renderer(*e.show, resources.text(), resources.textures());
        int most = 0;
        for (Micros t = 0; t < e.show->duration; t += 100'000) {
            renderer.render(evaluate(*e.show, t), target, render::MediaWait::BetweenFrames);
            renderer.uploadAhead(t, t + kAhead, false, target.getSize(), kUploadTime);
            most = std::max(most, VideoDecoder::openCount() - before);
        }
        INFO("most decoders open at once: " << most);
        // One clip on screen and those of the next second ahead (closing lags a little):
        // never all six.
        CHECK(most <= 4);
        // The last scene has no video and nothing is due: every decoder closes.
        CHECK(eventually([&] { return VideoDecoder::openCount() == before; }));
    }
    CHECK(VideoDecoder::openCount() == before);
}

TEST_CASE("a clip opened ahead shows its first picture on its first frame") {
    test::TempDir dir;
    LoadedExhibit e = clipsExhibit(dir, 1);
    render::RenderResources resources;
    sf::RenderTexture target;
    REQUIRE(target.create(320, 180));
    render::FrameRenderer renderer(*e.show, resources.text(), resources.textures());
    const Micros before = 500'000, begins = kMicrosPerSecond;
    renderer.render(evaluate(*e.show, before), target, render::MediaWait::BetweenFrames);
    // Half a second between frames, as a player's look-ahead has before the clip begins.
    for (int i = 0; i < 25; ++i) {
        renderer.uploadAhead(before, before + kAhead, false, target.getSize(), kUploadTime);
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    renderer.render(evaluate(*e.show, begins), target, render::MediaWait::BetweenFrames);
    CHECK_FALSE(renderer.waitingForMedia());
    target.display();
    const sf::Color centre = target.getTexture().copyToImage().getPixel(160, 90);
    INFO("centre " << int(centre.r) << "," << int(centre.g) << "," << int(centre.b));
    CHECK(std::abs(centre.r - 0x33) <= 12);
    CHECK(std::abs(centre.g - 0x66) <= 12);
    CHECK(std::abs(centre.b - 0xcc) <= 12);
}
