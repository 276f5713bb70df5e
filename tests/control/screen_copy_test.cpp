#include <doctest/doctest.h>

#include <chrono>
#include <thread>
#include <vector>

#include <SFML/Graphics/Image.hpp>

#include "control/screen_copy.h"

using namespace vitrine::control;

namespace {

// Waits (bounded) for the encoder thread to publish a picture.
std::string waitForPng(ScreenCopy& copy) {
    for (int i = 0; i < 500; ++i) {
        if (auto png = copy.png(); !png.empty()) return png;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return {};
}

}  // namespace

TEST_CASE("screen copy: copies only while someone looks, every few seconds, as a 480 px PNG") {
    std::int64_t now = 1'000'000;
    ScreenCopy copy([&now] { return now; });
    CHECK_FALSE(copy.due());  // nobody has asked: the frame loop never pays for a copy
    CHECK(copy.png().empty());
    CHECK(copy.due());        // asked: the next frame is copied
    std::vector<std::uint8_t> red(1920 * 1080 * 4, 0);
    for (std::size_t i = 0; i < red.size(); i += 4) red[i] = 200, red[i + 3] = 255;
    copy.offer(red.data(), 1920, 1080);
    CHECK_FALSE(copy.due());  // just copied
    const std::string png = waitForPng(copy);
    REQUIRE_FALSE(png.empty());
    sf::Image decoded;
    REQUIRE(decoded.loadFromMemory(png.data(), png.size()));
    CHECK(decoded.getSize() == sf::Vector2u(480, 270));
    CHECK(decoded.getPixel(240, 135) == sf::Color(200, 0, 0));
    now += ScreenCopy::kEvery;
    CHECK(copy.due());        // a few seconds on, again
    now += ScreenCopy::kWatchedFor + 1;
    CHECK_FALSE(copy.due());  // nobody asked for half a minute: copies stop
}
