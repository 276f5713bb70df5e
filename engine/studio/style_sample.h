#pragma once
// What the style editor's live preview draws: a style resolved as the show resolves it,
// and a one-scene show holding a sample of text in it, which the preview's own renderer
// draws, so the sample breaks and looks exactly as the style will in the exhibit.

#include <string>
#include <string_view>

#include "script/script.h"
#include "timeline/show.h"

namespace vitrine::studio {

/// The style `id` of `script` with every property decided (its base chain and "default"),
/// lengths against `canvas`, as the compiled show resolves it.
TextStyle resolvedStyle(const Script& script, std::string_view id, PixelSize canvas);

/// The first words the exhibit writes in the style `id` (a sample in the designer's own
/// text), or a pangram when no text uses it.
std::string sampleWords(const Script& script, std::string_view id);

/// A show of one scene on `background`, its one text `words` in `style`, for all of its
/// (long) duration, on a canvas of `size` with a margin of a twentieth of its width.
Show styleSampleShow(const TextStyle& style, Color background, PixelSize size, std::string words);

}  // namespace vitrine::studio
