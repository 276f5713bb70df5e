#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>

#include "base/asset_paths.h"

TEST_CASE("assets are found in the source tree, or where VITRINE_ASSETS says") {
    unsetenv("VITRINE_ASSETS");
    auto found = vitrine::assetsDirectory();
    CHECK(std::filesystem::exists(found / "fonts" / "NotoSerif-Regular.ttf"));
    CHECK(std::filesystem::exists(found / "maps" / "caucasus.geojson"));
    setenv("VITRINE_ASSETS", "/opt/museum/assets", 1);
    CHECK(vitrine::assetsDirectory() == "/opt/museum/assets");
    unsetenv("VITRINE_ASSETS");
}
