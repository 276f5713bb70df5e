#include "visitor/published_text.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>
#include <utility>

#include "captions/caption_loader.h"
#include "player/language_choice.h"

namespace vitrine::visitor {

namespace {

double seconds(Micros t) { return static_cast<double>(t) / kMicrosPerSecond; }

std::string paragraphText(const TextParagraph& p) {
    std::string text;
    for (const auto& run : p.runs) text += run.text;
    return text;
}

nlohmann::json sceneJson(const Show& show, const Scene& scene) {
    nlohmann::json text = nlohmann::json::object();
    for (int index : scene.items) {
        const Item& item = show.items[index];
        if (item.kind != ItemKind::Text) continue;
        for (const auto& p : item.paragraphs) {
            std::string words = paragraphText(p);
            if (!words.empty()) text[paragraphLanguage(p, show)].push_back(std::move(words));
        }
    }
    return {{"id", scene.id}, {"title", scene.title}, {"begin", seconds(scene.begin)}, {"end", seconds(scene.end)},
            {"text", std::move(text)}};
}

// One sound's cues in show time: a cue is at its time in the sound's file, which starts
// playing `clipIn` into the file at the item's begin; what falls outside the item is unheard.
void addCues(const Item& item, const CaptionTrack& track, nlohmann::json& into) {
    for (const auto& cue : track.cues) {
        const Micros start = std::max(item.begin, item.begin + cue.start - item.clipIn);
        const Micros end = std::min(item.activeEnd, item.begin + cue.end - item.clipIn);
        if (end <= start) continue;
        into.push_back({{"start", seconds(start)}, {"end", seconds(end)}, {"text", cue.plainText()}});
    }
}

nlohmann::json captionsJson(const Show& show, const CaptionReader& read) {
    nlohmann::json captions = nlohmann::json::object();
    for (const auto& language : show.languages) {
        nlohmann::json cues = nlohmann::json::array();
        for (const auto& item : show.items) {
            // The first caption file and the second one: either may be in this language.
            std::set<std::filesystem::path> files;
            for (const auto* written : {&item.captions, &item.secondCaptions})
                if (!written->empty()) files.insert(captionFileFor(*written, language, show));
            for (const auto& file : files)
                if (auto track = read(file)) addCues(item, *track, cues);
        }
        if (cues.empty()) continue;
        std::stable_sort(cues.begin(), cues.end(),
                         [](const nlohmann::json& a, const nlohmann::json& b) { return a["start"] < b["start"]; });
        captions[language] = std::move(cues);
    }
    return captions;
}

}  // namespace

std::optional<CaptionTrack> readCaptionFile(const std::filesystem::path& file) {
    if (!isRegularFile(file)) return std::nullopt;
    Diagnostics ignored;  // `vitrine check` reports a caption file's problems; the page shows what parses
    return loadCaptions(file, ignored);
}

bool isRegularFile(const std::filesystem::path& file) {
    std::error_code ec;
    return std::filesystem::is_regular_file(file, ec);
}

PublishedText publishText(const Show& show, const CaptionReader& read, const SoundExists& exists) {
    PublishedText published;
    nlohmann::json scenes = nlohmann::json::array();
    for (const auto& scene : show.scenes) scenes.push_back(sceneJson(show, scene));
    // Each language's tracks: its own file where there is one, else the one written. A file
    // two languages share is served once, under one number.
    nlohmann::json description = nlohmann::json::object();
    auto soundNumber = [&](const std::filesystem::path& file) {
        auto found = std::find(published.sounds.begin(), published.sounds.end(), file);
        if (found != published.sounds.end()) return found - published.sounds.begin();
        published.sounds.push_back(file);
        return static_cast<std::ptrdiff_t>(published.sounds.size() - 1);
    };
    for (const auto& item : show.items) {
        if (!item.description || item.kind != ItemKind::Audio || item.src.empty()) continue;
        for (const auto& language : show.languages) {
            std::filesystem::path file = captionFileFor(item.src, language, show);
            if (!exists(file)) file = item.src;
            description[language].push_back({{"src", "/sound/" + std::to_string(soundNumber(file))},
                                             {"begin", seconds(item.begin)},
                                             {"end", seconds(item.activeEnd)},
                                             {"in", seconds(item.clipIn)}});
        }
    }
    const nlohmann::json text = {{"title", show.title},         {"languages", show.languages},
                                 {"duration", seconds(show.duration)}, {"scenes", std::move(scenes)},
                                 {"captions", captionsJson(show, read)}, {"description", std::move(description)}};
    // A designer's text that is not valid UTF-8 is served with replacement characters, not refused.
    published.json = text.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return published;
}

}  // namespace vitrine::visitor
