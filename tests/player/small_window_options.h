#pragma once
// Player options for tests that play in a window: 320x180, no sound, ended by `stop`.

#include <stop_token>
#include <utility>

#include "player/player.h"

namespace vitrine::test {

inline PlayerOptions smallWindowOptions(std::stop_token stop, int frameRate = 30) {
    PlayerOptions options;
    options.window.fullscreen = false;
    options.window.width = 320;
    options.window.height = 180;
    options.audio = AudioDevice::Off;
    options.frameRate = frameRate;
    options.stop = std::move(stop);
    return options;
}

}  // namespace vitrine::test
