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

}  // namespace vitrine
