#pragma once
// Whether a picture, sound or clip that exists will play, found by decoding it with the
// decoders the player uses, so that `vitrine check` and the studio say before the show what
// the player would otherwise discover on the wall (a placeholder, or silence): an empty or
// cut-short file, text named .jpg, an MP4 whose recording never finished, a picture over
// the pixel limit. FFmpeg's own log lines are kept with the decode (FfmpegLogCapture),
// never printed; what the designer reads is a reason in plain words.

#include <filesystem>
#include <optional>

#include "diag/diagnostic.h"

namespace vitrine {

/// How the exhibit uses the file: the kind of stream it must hold.
enum class MediaUse { Picture, Sound, Clip };

/// The error a file that exists gets when it will not play as `use` (its code, the reason
/// and a hint; `where` left for the caller, which knows the attribute), or nullopt when it
/// plays. Pictures are decoded whole, with the player's pixel limit; sounds and clips are
/// opened and their first frames decoded. A clip without sound is fine.
std::optional<Diagnostic> probeMedia(const std::filesystem::path& file, MediaUse use);

}  // namespace vitrine
