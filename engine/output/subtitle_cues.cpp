#include "output/subtitle_cues.h"

#include <algorithm>
#include <map>

namespace vitrine::output {

namespace {

struct PlacedCue {
    Micros start = 0;
    Micros end = 0;
    std::string text;
};

// Each caption file once, however many items share it.
const CaptionTrack& trackFor(const std::string& path, std::map<std::string, CaptionTrack>& tracks,
                             Diagnostics& diagnostics, const FileReader& reader) {
    auto found = tracks.find(path);
    if (found == tracks.end()) found = tracks.emplace(path, loadCaptions(path, diagnostics, reader)).first;
    return found->second;
}

}  // namespace

std::vector<SubtitleCue> subtitleCuesFor(const Show& show, Micros from, Micros to, Diagnostics& diagnostics,
                                         const FileReader& reader) {
    std::map<std::string, CaptionTrack> tracks;
    std::vector<PlacedCue> placed;  // in document order, which is the stacking order
    for (const Item& item : show.items) {
        if (item.kind != ItemKind::Audio || item.captions.empty()) continue;
        const CaptionTrack& track = trackFor(item.captions, tracks, diagnostics, reader);
        // Caption times are times in the media file; the item plays its file from clipIn.
        const Micros offset = item.begin - item.clipIn;
        for (const CaptionCue& cue : track.cues) {
            const Micros start = std::max({cue.start + offset, item.begin, from});
            const Micros end = std::min({cue.end + offset, item.activeEnd, to});
            if (start < end) placed.push_back({start - from, end - from, cue.plainText()});
        }
    }

    // Cut the timeline at every boundary; each piece shows the cues covering it.
    std::vector<Micros> cuts;
    for (const PlacedCue& p : placed) cuts.insert(cuts.end(), {p.start, p.end});
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());

    std::vector<SubtitleCue> flat;
    for (std::size_t i = 0; i + 1 < cuts.size(); ++i) {
        std::string text;
        for (const PlacedCue& p : placed) {
            if (p.start <= cuts[i] && cuts[i] < p.end) text += (text.empty() ? "" : "\n") + p.text;
        }
        if (text.empty()) continue;
        if (!flat.empty() && flat.back().end == cuts[i] && flat.back().text == text) {
            flat.back().end = cuts[i + 1];
        } else {
            flat.push_back({cuts[i], cuts[i + 1], text});
        }
    }
    return flat;
}

}  // namespace vitrine::output
