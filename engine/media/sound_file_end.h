#pragma once
// Where a sound file's own structure says it ends, read from its bytes: a copy or download
// that stopped leaves a file that decodes well from its start, and only the format's own
// bookkeeping (a WAV's data size, a FLAC's sample count and last frame, an Ogg stream's
// end-of-stream page) shows that the rest is missing. FFmpeg takes such a file's length
// from what is there (WAV) or believes the header without looking (FLAC), so the media
// probe asks these instead.

#include <filesystem>
#include <optional>

#include "base/time_value.h"

namespace vitrine {

/// The length a sound's header states, and how much of it the file holds.
struct StatedLength {
    Micros stated = 0, present = 0;
};

/// A WAV's data size from its header, and the part of it the file holds. Nullopt for any
/// other file, or a WAV whose header leaves its size open (a recording's "unknown yet").
std::optional<StatedLength> wavLength(const std::filesystem::path& file);

/// A FLAC's total samples from its STREAMINFO, and where its last whole frame ends (a
/// frame is whole when its CRC-16 matches). Nullopt for any other file, or a FLAC whose
/// STREAMINFO leaves its length open (0 samples: a stream encoded live).
std::optional<StatedLength> flacLength(const std::filesystem::path& file);

/// For an Ogg file (Vorbis, Opus, FLAC in Ogg), whether it ends as every finished one does:
/// with a whole page carrying the end-of-stream flag. Nullopt for any other file.
std::optional<bool> oggEndsWithItsLastPage(const std::filesystem::path& file);

}  // namespace vitrine
