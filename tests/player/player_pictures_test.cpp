#include <doctest/doctest.h>

#include <chrono>
#include <fstream>
#include <memory>
#include <thread>

#include "exhibit/exhibit_loader.h"
#include "media/media_test_files.h"
#include "player/player.h"
#include "small_window_options.h"

using namespace vitrine;

namespace {

struct PictureSeen {
    std::size_t decoded = 0;      // pictures the image cache holds
    std::size_t bytesOnGpu = 0;   // what the texture store holds
};

// Plays a one-picture show in a window until the picture is decoded and half a second
// more, so uploads between frames have had their turn; or for a minute, when it never is.
PictureSeen playUntilPictureArrives(const Show& show, int frameRate) {
    render::RenderResources resources;
    std::stop_source stop;
    Player player(std::make_shared<const Show>(show), resources, test::smallWindowOptions(stop.get_token(), frameRate),
                  [](const std::string&) {});
    std::jthread watcher([&] {
        for (int i = 0; i < 3000 && resources.images().readyCount() == 0; ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
        stop.request_stop();
    });
    player.run();
    watcher.join();  // a jthread: joined too if run() throws
    return {resources.images().readyCount(), resources.textures().bytesHeld()};
}

}  // namespace

// The player holds new decodes while it draws a frame and starts them once the frame is on
// screen: a player that held them and never let go would show no picture at all. (Whether
// decodes really wait for the frame is the image cache's tests' to show.)
TEST_CASE("player: a picture is decoded and uploaded as it plays, at an easy pace and with every frame late") {
    test::TempDir dir;
    REQUIRE(test::makeSolidImage(dir / "red.png", {255, 0, 0}, 64, 36, "rgb24"));
    std::ofstream(dir / "exhibit.xml") << "<exhibit size=\"320x180\"><scene dur=\"60s\">"
                                          "<image src=\"red.png\" credit=\"test\" fit=\"fill\"/></scene></exhibit>";
    auto loaded = loadExhibit(dir / "exhibit.xml");
    REQUIRE(loaded.show);
    // At 1000 frames a second every frame is late, so the loop holds decodes again at once
    // after letting them go; they must start all the same.
    for (int frameRate : {30, 1000}) {
        CAPTURE(frameRate);
        const PictureSeen seen = playUntilPictureArrives(*loaded.show, frameRate);
        CHECK(seen.decoded == 1);
        CHECK(seen.bytesOnGpu > 0);
    }
}
