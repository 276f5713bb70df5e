#include "player/closed_wait.h"

#include <algorithm>

namespace vitrine {

std::chrono::microseconds closedSleep(std::optional<Micros> venueQuietLimit, std::optional<Micros> untilQuit) {
    std::chrono::microseconds sleep = kLongestClosedSleep;
    for (const auto& limit : {venueQuietLimit, untilQuit})
        if (limit) sleep = std::min(sleep, std::chrono::microseconds(*limit));
    return std::max(sleep, std::chrono::microseconds{0});
}

}  // namespace vitrine
