#pragma once
// Writes a CaptionTrack as WebVTT text that parseWebVtt reads back to the same cues.

#include <string>

#include "captions/caption_track.h"

namespace vitrine {

/// A timestamp in WebVTT's hours form, "01:02:03.456"; microseconds below a millisecond
/// are rounded to the nearest one (WebVTT counts milliseconds).
std::string formatWebVttTimestamp(Micros t);

/// The whole file: the WEBVTT line (and a Language header when the track has one), then each
/// cue as identifier, timing line with its settings, and its text with <v>, <lang>, <i> and
/// <b> tags around each span. '&', '<' and '>' in text are written as references, and a line
/// that would read as blank is kept, so parsing the result gives back the same cues (times
/// at millisecond precision). Classes, underline and ruby are not in CaptionTrack, so they
/// are not written.
std::string writeWebVtt(const CaptionTrack& track);

}  // namespace vitrine
