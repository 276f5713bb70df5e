#include "captions/caption_track.h"

#include <algorithm>

namespace vitrine {

std::string CaptionCue::plainText() const {
    std::string text;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i > 0) text += '\n';
        for (const CaptionSpan& span : lines[i]) text += span.text;
    }
    return text;
}

std::vector<const CaptionCue*> CaptionTrack::activeAt(Micros t) const {
    // Cues are sorted by start, so only the prefix that has started can be active.
    auto started = std::upper_bound(cues.begin(), cues.end(), t,
                                     [](Micros time, const CaptionCue& cue) { return time < cue.start; });
    std::vector<const CaptionCue*> active;
    for (auto it = cues.begin(); it != started; ++it)
        if (it->activeAt(t)) active.push_back(&*it);
    return active;
}

void CaptionTrack::sortCues() {
    std::stable_sort(cues.begin(), cues.end(),
                     [](const CaptionCue& a, const CaptionCue& b) { return a.start < b.start; });
}

}  // namespace vitrine
