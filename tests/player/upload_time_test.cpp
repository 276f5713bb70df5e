// How long the player uploads pictures once a frame is on screen.

#include <doctest/doctest.h>

#include "player/player.h"

using namespace std::chrono_literals;
using vitrine::uploadTimeBetweenFrames;

TEST_CASE("uploads between frames use the time left before the next, less a margin, within a cap") {
    CHECK(uploadTimeBetweenFrames(12ms) == 4ms);   // a quick frame: the cap
    CHECK(uploadTimeBetweenFrames(3ms) == 2ms);    // what is left, less the margin
    CHECK(uploadTimeBetweenFrames(500us) == 0us);  // inside the margin: none
    CHECK(uploadTimeBetweenFrames(-5ms) == 0us);   // late already: none (the store still makes one step)
}
