#pragma once
// One call from a file on disk to a checked, compiled Show: load, validate, compile,
// look for missing media. Used by `vitrine check`, the player and the studio alike.

#include <filesystem>
#include <optional>
#include <string_view>

#include "diag/diagnostic.h"
#include "script/script.h"
#include "timeline/compile.h"
#include "timeline/show.h"

namespace vitrine {

/// The result of loading an exhibit: the script and show when they could be built,
/// and every diagnostic found on the way.
struct LoadedExhibit {
    std::optional<Script> script;
    std::optional<Show> show;
    Diagnostics diagnostics;
    std::vector<std::string> mediaReferenced;  // every media or caption file named, once each
    std::vector<std::string> mediaMissing;     // those that do not exist
};

/// Loads and checks `file`. A Show is produced whenever the XML parses, even with errors
/// elsewhere, so a player can still play what is good.
LoadedExhibit loadExhibit(const std::filesystem::path& file, const CompileOptions& options = {});

/// The same for text held in memory (what a designer is editing, before it is saved), as
/// if it were the file `file`: includes and media are resolved against its folder.
LoadedExhibit loadExhibitFromText(std::string_view text, const std::filesystem::path& file,
                                  const CompileOptions& options = {});

}  // namespace vitrine
