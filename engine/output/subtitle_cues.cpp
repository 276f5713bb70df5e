#include "output/subtitle_cues.h"

#include <algorithm>
#include <filesystem>
#include <map>

namespace vitrine::output {

namespace {

// ISO 639-1 codes an exhibit's caption files are named with, as the ISO 639-2 codes MP4
// tracks carry (the bibliographic forms FFmpeg's muxer expects where they differ).
constexpr std::pair<const char*, const char*> kLanguageCodes[] = {
    {"en", "eng"}, {"hy", "arm"}, {"az", "aze"}, {"ru", "rus"}, {"ka", "geo"}, {"tr", "tur"}, {"fa", "per"},
    {"de", "ger"}, {"fr", "fre"}, {"es", "spa"}, {"it", "ita"}, {"uk", "ukr"}, {"ar", "ara"}, {"he", "heb"},
};

constexpr const char* kUndetermined = "und";

struct PlacedCue {
    Micros start = 0;
    Micros end = 0;
    std::string text;
};

// Each caption file once, however many items share it, its problems reported once.
const CaptionTrack& trackFor(const std::string& path, std::map<std::string, std::shared_ptr<const CaptionFile>>& tracks,
                             Diagnostics& diagnostics, CaptionCache& files) {
    auto found = tracks.find(path);
    if (found == tracks.end()) {
        found = tracks.emplace(path, files.get(path)).first;
        for (const Diagnostic& problem : found->second->problems) diagnostics.add(problem);
    }
    return found->second->track;
}

}  // namespace

std::vector<SubtitleCue> subtitleCuesFor(const Show& show, Micros from, Micros to, Diagnostics& diagnostics,
                                         CaptionCache& files, CaptionLayer layer) {
    std::map<std::string, std::shared_ptr<const CaptionFile>> tracks;
    std::vector<PlacedCue> placed;  // in document order, which is the stacking order
    for (const Item& item : show.items) {
        const std::string& file = layer == CaptionLayer::First ? item.captions : item.secondCaptions;
        // An audio description's words are not captions (they say what is on screen).
        if (item.kind != ItemKind::Audio || file.empty() || item.description) continue;
        const CaptionTrack& track = trackFor(file, tracks, diagnostics, files);
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

namespace {

// An ISO 639-1 or 639-2 code (or a BCP 47 tag such as "en-CA") as the ISO 639-2 code an MP4
// track carries; "und" when it is neither.
std::string isoTrackLanguage(const std::string& tag) {
    const std::string primary = tag.substr(0, tag.find('-'));
    for (const auto& [two, three] : kLanguageCodes)
        if (primary == two) return three;
    return primary.size() == 3 ? primary : kUndetermined;
}

}  // namespace

std::string captionLanguage(const Show& show, CaptionLayer layer) {
    for (const Item& item : show.items) {
        const std::string& file = layer == CaptionLayer::First ? item.captions : item.secondCaptions;
        if (item.kind != ItemKind::Audio || file.empty() || item.description) continue;
        // testimony.hy.vtt: the extension before the last names the language.
        const std::string code = std::filesystem::path(file).stem().extension().string();
        std::string named = code.size() >= 2 ? isoTrackLanguage(code.substr(1)) : kUndetermined;
        // A first caption file with no language in its name is in the exhibit's own language
        // (the player shows it as such); a second one could be in any.
        if (named == kUndetermined && layer == CaptionLayer::First && !show.languages.empty())
            return isoTrackLanguage(show.languages.front());
        return named;
    }
    return kUndetermined;
}

}  // namespace vitrine::output
