#pragma once
// loadExhibit() for text held in memory: the studio compiles what the designer is editing
// before it is saved, with the same checks `vitrine check` makes.

#include <filesystem>
#include <string_view>

#include "exhibit/exhibit_loader.h"

namespace vitrine::studio {

/// Loads, validates and compiles `text` as if it were the file `file` (includes and media
/// are resolved against its folder and read from disk).
LoadedExhibit loadExhibitText(std::string_view text, const std::filesystem::path& file);

}  // namespace vitrine::studio
