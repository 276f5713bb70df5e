#include "captions/caption_check.h"

#include <algorithm>
#include <set>
#include <system_error>

#include "captions/caption_loader.h"

namespace vitrine {
namespace {

SourceLocation timingLine(const CaptionCue& cue) { return {cue.where.file, cue.where.line, 1}; }

std::string span(const CaptionCue& cue) { return formatClock(cue.start) + " --> " + formatClock(cue.end); }

// The parsers sort cues by start; the timing lines' numbers give back the file's order.
void warnOutOfOrder(const CaptionTrack& track, Diagnostics& diagnostics) {
    std::vector<const CaptionCue*> inFile;
    for (const CaptionCue& cue : track.cues) inFile.push_back(&cue);
    std::stable_sort(inFile.begin(), inFile.end(),
                     [](const CaptionCue* a, const CaptionCue* b) { return a->where.line < b->where.line; });
    for (std::size_t i = 1; i < inFile.size(); ++i) {
        const CaptionCue& previous = *inFile[i - 1];
        if (inFile[i]->start >= previous.start) continue;
        diagnostics.warning(timingLine(*inFile[i]), "caption-out-of-order",
                            "this cue starts (" + formatClock(inFile[i]->start) + ") before the cue above it (line " +
                                std::to_string(previous.where.line) + ", " + formatClock(previous.start) + ")",
                            "write the cues in the order they are spoken; a file out of order is usually a "
                            "mistyped time");
    }
}

// Overlapping cues are legal in WebVTT, but both show at once, stacked: rarely meant.
void warnOverlaps(const CaptionTrack& track, Diagnostics& diagnostics) {
    const CaptionCue* latest = nullptr;  // of the cues so far, the one that ends last
    for (const CaptionCue& cue : track.cues) {
        if (latest && cue.start < latest->end)
            diagnostics.warning(timingLine(cue), "caption-overlap",
                                "this cue (" + span(cue) + ") overlaps the cue at line " +
                                    std::to_string(latest->where.line) + " (" + span(*latest) +
                                    "); both are shown at once, one above the other",
                                "end the earlier cue at or before " + formatClock(cue.start));
        if (!latest || cue.end > latest->end) latest = &cue;
    }
}

void warnPastEnd(const CaptionTrack& track, Micros soundDuration, Diagnostics& diagnostics) {
    for (const CaptionCue& cue : track.cues) {
        if (cue.end <= soundDuration) continue;
        const bool never = cue.start >= soundDuration;
        diagnostics.warning(timingLine(cue), "caption-past-end",
                            "this cue (" + span(cue) + ") " + (never ? "starts after" : "ends after") +
                                " the end of its sound (" + formatClock(soundDuration) + ")" +
                                (never ? ", so it is never shown" : ", so it is cut short"),
                            "check the times against the recording, and that captions= names this "
                            "recording's captions");
    }
}

}  // namespace

void checkCaptionCues(const CaptionTrack& track, std::optional<Micros> soundDuration, Diagnostics& diagnostics) {
    warnOutOfOrder(track, diagnostics);
    warnOverlaps(track, diagnostics);
    if (soundDuration) warnPastEnd(track, *soundDuration, diagnostics);
}

void checkCaptionFiles(const Show& show, const MediaDurationProbe& mediaDuration, Diagnostics& diagnostics,
                       const FileReader& reader) {
    std::set<std::string> checked;
    auto check = [&](const std::string& captions, const Item& item) {
        if (captions.empty() || !checked.insert(captions).second) return;
        std::error_code ec;
        if (!std::filesystem::is_regular_file(captions, ec)) return;  // reported as a missing file
        CaptionTrack track = loadCaptions(captions, diagnostics, reader);
        std::optional<Micros> duration;
        if (mediaDuration && !item.src.empty()) duration = mediaDuration(item.src);
        checkCaptionCues(track, duration, diagnostics);
    };
    for (const Item& item : show.items) {
        if (item.kind != ItemKind::Audio && item.kind != ItemKind::Video) continue;
        check(item.captions, item);
        check(item.secondCaptions, item);
    }
}

}  // namespace vitrine
