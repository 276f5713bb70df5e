#include "base/safe_area.h"

#include <doctest/doctest.h>

namespace vitrine {

TEST_CASE("safe areas: the broadcast ones, centred") {
    CHECK(safeArea({1920, 1080}, kTitleSafeShare) == Rect{192, 108, 1536, 864});
    CHECK(safeArea({1920, 1080}, kActionSafeShare) == Rect{96, 54, 1728, 972});
}

}  // namespace vitrine
