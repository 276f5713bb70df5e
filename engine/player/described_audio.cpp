#include "player/described_audio.h"

#include <algorithm>

#include "captions/caption_loader.h"

namespace vitrine {

void markSpokenSpans(Show& show) {
    for (auto& item : show.items) {
        if (!item.description || item.captions.empty()) continue;
        Diagnostics ignored;  // `vitrine check` reports a bad caption file; here it only means no spans
        const CaptionTrack track = loadCaptions(item.captions, ignored);
        item.spokenSpans.clear();
        for (const auto& cue : track.cues) item.spokenSpans.emplace_back(cue.start, cue.end);
    }
}

std::vector<AudioCue> heardCues(const Show& show, std::vector<AudioCue> cues, bool describing) {
    if (!describing)
        std::erase_if(cues, [&](const AudioCue& cue) {
            return cue.item >= 0 && static_cast<std::size_t>(cue.item) < show.items.size() &&
                   show.items[static_cast<std::size_t>(cue.item)].description;
        });
    return cues;
}

}  // namespace vitrine
