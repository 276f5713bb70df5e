#pragma once
// Where the bundled fonts and map data are: beside an installed program, or in the
// source tree for a build that was never installed.

#include <filesystem>

namespace vitrine {

/// The assets folder: $VITRINE_ASSETS when set; else <program>/../share/vitrine/assets
/// when it exists (an installed package); else the source tree's assets/.
std::filesystem::path assetsDirectory();

}  // namespace vitrine
