#include "base/color_contrast.h"

#include <doctest/doctest.h>

namespace vitrine {

TEST_CASE("colour contrast: WCAG 2 luminance and ratios") {
    const Color black{0, 0, 0, 255}, white{255, 255, 255, 255};
    CHECK(relativeLuminance(black) == doctest::Approx(0.0));
    CHECK(relativeLuminance(white) == doctest::Approx(1.0));
    // Green weighs most, blue least (0.7152, 0.0722).
    CHECK(relativeLuminance({0, 255, 0, 255}) == doctest::Approx(0.7152));
    CHECK(relativeLuminance({0, 0, 255, 255}) == doctest::Approx(0.0722));
    CHECK(contrastRatio(black, white) == doctest::Approx(21.0));
    CHECK(contrastRatio(white, black) == doctest::Approx(21.0));
    CHECK(contrastRatio(white, white) == doctest::Approx(1.0));
    // Reference figures from WebAIM's contrast checker: #767676 on white is 4.54:1, the
    // lightest grey that passes AA; #777777 is 4.48:1 and fails.
    CHECK(contrastRatio({0x76, 0x76, 0x76, 255}, white) == doctest::Approx(4.54).epsilon(0.002));
    CHECK(contrastRatio({0x77, 0x77, 0x77, 255}, white) == doctest::Approx(4.48).epsilon(0.002));
    // Above the 0.03928 knee a channel follows the 2.4 power curve (#404040: 0.0513)...
    CHECK(relativeLuminance({64, 64, 64, 255}) == doctest::Approx(0.05127).epsilon(0.001));
    // ...below it a channel is linear: #0a0a0a against black.
    CHECK(relativeLuminance({10, 10, 10, 255}) == doctest::Approx(10 / 255.0 / 12.92));
}

TEST_CASE("colour contrast: a translucent colour is seen over what is under it") {
    const Color under{0, 0, 0, 255};
    CHECK(composite({255, 255, 255, 255}, under) == Color{255, 255, 255, 255});
    CHECK(composite({255, 255, 255, 0}, under) == under);
    CHECK(composite({255, 255, 255, 128}, under) == Color{128, 128, 128, 255});
    CHECK(composite({0, 0, 0, 0xcc}, {255, 255, 255, 255}) == Color{51, 51, 51, 255});
}

}  // namespace vitrine
