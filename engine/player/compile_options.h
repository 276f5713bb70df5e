#pragma once
// How every program that plays or previews an exhibit compiles it, so the player, `check`
// and the studio agree on the timeline: media durations read from the files, map data and
// place names checked before any frame.

#include "timeline/compile.h"

namespace vitrine {

/// Compile options that read audio and video durations from their files (FFmpeg, each
/// file once until it changes on disk) and check maps. Keep one and reuse it across
/// reloads: it remembers what it read.
CompileOptions mediaAwareOptions();

/// mediaAwareOptions() that also decode every picture, sound and clip the exhibit names
/// (media/media_probe.h), for `vitrine check` and the studio's diagnostics: a file that
/// exists but will not play is an error before the show, not a placeholder on the wall.
/// Each file is decoded once until its size or time changes, so keep one across reloads.
/// (The player does without: it reports a broken file when it meets it, and starts sooner.)
CompileOptions mediaCheckingOptions();

}  // namespace vitrine
