#pragma once
// The installation's sign-language region applied to a compiled show, as the languages are
// (language_choice.h): the exhibit's <video kind="sign-language"> is drawn in the corner the
// site reserves, over the rest of its scene, or not at all. Done once on the Show, so the
// renderer draws a video as any other, synchronised to the show.

#include <optional>
#include <vector>

#include "installation/visitor_languages.h"
#include "timeline/show.h"

namespace vitrine {

/// The items of `show` compiled from a <video kind="sign-language">.
std::vector<int> signLanguageVideos(const Show& show);

/// `show` with the site's region applied to each sign-language video:
/// - with a region shown (<sign-language show="true">), the video fills the inset
///   (installation::insetRect, fitted inside it), drawn last in its scene (over the other
///   layers, when it is outside every scene), without motion and with its own sound silent:
///   the interpreter is seen, the exhibit's sound is what is heard;
/// - with none, or show="false", it is not drawn, looked ahead for or heard.
Show placeSignLanguage(Show show, const std::optional<installation::SignLanguageInset>& inset);

}  // namespace vitrine
