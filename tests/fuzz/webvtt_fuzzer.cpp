// libFuzzer target: any bytes as a WebVTT caption file must never crash the parser or the
// caption check (cue order, overlap, past the end of its sound).

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "base/time_value.h"
#include "captions/caption_check.h"
#include "captions/webvtt_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    vitrine::Diagnostics diagnostics;
    const vitrine::CaptionTrack track = vitrine::parseWebVtt(text, "fuzz.vtt", diagnostics);
    vitrine::checkCaptionCues(track, vitrine::Micros{60'000'000}, diagnostics);
    for (const auto& cue : track.cues) (void)cue.plainText();
    return 0;
}
