#pragma once
// What `vitrine check` and the studio say about the caption files an exhibit uses: the
// parsers' problems, and the cues a visitor would see wrongly although the file parses.

#include <filesystem>
#include <functional>
#include <optional>

#include "captions/caption_track.h"
#include "diag/diagnostic.h"
#include "script/script_loader.h"
#include "timeline/show.h"

namespace vitrine {

/// The duration of a sound or clip, nullopt when unknown (CompileOptions::mediaDuration).
using MediaDurationProbe = std::function<std::optional<Micros>(const std::filesystem::path&)>;

/// Warns, at each cue's timing line, about cues written out of order, cues that overlap
/// an earlier one (legal, but they stack on screen), and cues past `soundDuration` (the
/// end of the recording they caption), when it is known.
void checkCaptionCues(const CaptionTrack& track, std::optional<Micros> soundDuration, Diagnostics& diagnostics);

/// Loads every caption file the show's audio and video name (each file once) and reports
/// its problems and checkCaptionCues' warnings, with the sound's duration from
/// `mediaDuration` (may be empty). Files that do not exist are left to the missing-file
/// check.
void checkCaptionFiles(const Show& show, const MediaDurationProbe& mediaDuration, Diagnostics& diagnostics,
                       const FileReader& reader = diskFileReader());

}  // namespace vitrine
