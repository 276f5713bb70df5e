#pragma once
// The installation's settings for visitors who read or sign rather than read English alone:
// how a site shows two languages (<languages show="one|both|alternate">) and where the
// exhibit's sign-language video is inset (<sign-language corner size show>). Values and
// their parsing only; installation.cpp reads the elements, the player applies them.

#include <optional>
#include <string_view>

#include "base/geometry.h"
#include "base/values.h"

namespace vitrine::installation {

/// How the text languages the site lists are shown.
enum class LanguageMode {
    All,        // every listed language a text has, alike, as written (the default: as before show)
    One,        // the first listed language that a text has
    Both,       // the first two at once, the second in a quieter style; captions stacked
    Alternate,  // one language per loop, in the order listed: loop 1 the first, loop 2 the next…
};

/// "all", "one", "both", "alternate"; nullopt for anything else.
std::optional<LanguageMode> parseLanguageMode(std::string_view text);

/// The word parseLanguageMode reads for `mode`.
std::string_view languageModeName(LanguageMode mode);

enum class Corner { TopLeft, TopRight, BottomLeft, BottomRight };

/// "top-left", "top-right", "bottom-left", "bottom-right"; nullopt for anything else.
std::optional<Corner> parseCorner(std::string_view text);

/// The region the site reserves for the exhibit's sign-language video.
struct SignLanguageInset {
    Corner corner = Corner::BottomRight;
    Length size{22, true};  // the inset's height: a share of the canvas's height, or px
    bool show = true;       // false: the region is kept in the file but no inset is drawn
};

/// The inset is this wide for its height: sign-language interpreters are filmed 16:9.
inline constexpr double kInsetAspect = 16.0 / 9.0;

/// Where the inset stands on `canvas` (canvas px): in its corner of the action-safe area,
/// so a projector's overscan or the wall's frame does not cut the signer's hands.
Rect insetRect(const SignLanguageInset& inset, PixelSize canvas);

}  // namespace vitrine::installation
