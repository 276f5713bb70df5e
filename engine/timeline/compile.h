#pragma once
// Script → Show: places every element at absolute times and resolves styles and layout.

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <optional>

#include "diag/diagnostic.h"
#include "script/script.h"
#include "timeline/show.h"

namespace vitrine {

/// A style by name applied over `start` (StyleResolver::resolveOver): how the compiler hands
/// the exhibit's styles to what it compiles through a hook (a map's <label style>).
using StyleOver = std::function<TextStyle(const TextStyle& start, std::string_view name, const SourceLocation& where)>;

/// What the compiler may ask about the world. Everything is optional, so compiling
/// stays a pure function of its inputs in tests.
struct CompileOptions {
    /// Duration of an audio or video file, for media without dur; nullopt when unknown.
    std::function<std::optional<Micros>(const std::filesystem::path&)> mediaDuration;
    /// Overrides the exhibit's reading pace (words a minute) for warnings; 0 = use the exhibit's.
    double readingPace = 0;
    /// Compiles a <map> element (its data file `src`, resolved; its labels' styles from
    /// `styles`) against map data and the gazetteer: map::withMaps. Called once per element;
    /// its problems are the check's. Empty leaves Item::map null. A hook, so the timeline
    /// reads no files.
    std::function<std::shared_ptr<const map::CompiledMap>(const ScriptNode& mapElement, const std::string& src,
                                                          const StyleOver& styles, Diagnostics&)>
        compileMap;
    /// The error a picture, sound or clip that exists gets when it will not play, found by
    /// decoding it as the player would (mediaCheckingOptions), its `where` left to the check;
    /// nullopt when it plays. Empty: media files are only looked for. Used by the exhibit
    /// check, not the compiler: a hook, so the layers below the decoders can ask.
    std::function<std::optional<Diagnostic>(const std::filesystem::path&, ItemKind)> probeMedia;
    /// For visitors whom motion makes ill (an installation's <motion reduced="true">): the
    /// show is compiled without motion (timeline/reduced_motion.h) and says so
    /// (Show::reducedMotion) to what draws credits and maps.
    bool reducedMotion = false;
    /// The installation's visitors' page address (<visitor-page address>), which a
    /// <visitor-code> shows as a QR code; "" (no page, or the exhibit alone): it shows nothing.
    std::string visitorAddress;
};

/// Built-in defaults of the format.
inline constexpr Micros kDefaultDuration = 8 * kMicrosPerSecond;
inline constexpr double kDefaultReadingPace = 130;  // words a minute, a calm reading speed
inline constexpr Micros kReadingAllowance = 1'500'000;  // time to find the text before reading it

/// Compiles a validated script. Timing problems (negative durations, end before begin)
/// and designer warnings (reading time, missing credits or captions) go to `diagnostics`;
/// the Show is always produced, with bad values replaced by defaults.
Show compileShow(const Script& script, Diagnostics& diagnostics, const CompileOptions& options = {});

/// Reading time for `words` words at `wordsPerMinute`, plus the allowance.
Micros readingTime(int words, double wordsPerMinute);

/// Counts words in the item's text.
int wordCount(const std::vector<TextParagraph>& paragraphs);

}  // namespace vitrine
