#pragma once
// Loads a caption file from disk (or any FileReader), choosing WebVTT or SRT.

#include <filesystem>
#include <string_view>

#include "captions/caption_track.h"
#include "diag/diagnostic.h"
#include "script/script_loader.h"

namespace vitrine {

/// The caption formats Vitrine reads.
enum class CaptionFormat { WebVtt, Srt, Unknown };

/// Guesses the format from the text: a "WEBVTT" first line is WebVTT, a "-->" in the
/// first few lines is SRT, anything else Unknown.
CaptionFormat sniffCaptionFormat(std::string_view text);

/// The format for `file`: ".vtt" and ".srt" (any case) by extension, otherwise sniffed
/// from `text`.
CaptionFormat captionFormatFor(const std::filesystem::path& file, std::string_view text);

/// Reads `file` through `reader` and parses it. An unreadable file or one in no known
/// format is one error naming the file and an empty track; problems inside the file are
/// reported by the parser. Never throws on bad input.
CaptionTrack loadCaptions(const std::filesystem::path& file, Diagnostics& diagnostics,
                          const FileReader& reader = diskFileReader());

}  // namespace vitrine
