#include "timeline/designer_warnings.h"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <string>

#include "timeline/compile.h"
#include "timeline/text_extraction.h"

namespace vitrine {

namespace fs = std::filesystem;

void warnAboutItem(const Item& item, double readingPace, const std::string& mainLanguage, Diagnostics& diagnostics) {
    if (item.kind == ItemKind::Text) {
        // A visitor reads one language: a text written in several needs the time of its
        // longest one, not of all of them together (a site may show one language alone).
        const auto languages = paragraphsByLanguage(item.paragraphs, mainLanguage);
        int words = 0;
        std::string longest;
        for (const auto& paragraphs : languages) {
            if (int n = wordCount(paragraphs); n > words) {
                words = n;
                longest = paragraphLanguage(paragraphs.front(), mainLanguage);
            }
        }
        const std::string whose = languages.size() > 1 ? "its " + longest + " text of " : "text of ";
        // Rounded up to a tenth of a second: designers type durations, not microseconds.
        constexpr Micros kTenth = kMicrosPerSecond / 10;
        Micros needed = (readingTime(words, readingPace) + kTenth - 1) / kTenth * kTenth;
        Micros shown = item.end - item.begin;
        if (words > 0 && shown < needed) {
            char pace[32];
            std::snprintf(pace, sizeof pace, "%g", readingPace);
            diagnostics.warning(item.where, "reading-time",
                                whose + std::to_string(words) + " words is on screen for " + formatTime(shown) +
                                    ", less than its reading time of " + formatTime(needed),
                                std::string("lengthen it to at least ") + formatTime(needed) + " (" + pace +
                                    " words a minute + 1.5s), or shorten the text");
        }
    }
    bool media = item.kind == ItemKind::Image || item.kind == ItemKind::Video || item.kind == ItemKind::Audio;
    if (media && !item.src.empty() && item.credit.empty())
        diagnostics.warning(item.where, "missing-credit", "media without a credit: " + fs::path(item.src).filename().string(),
                            "add credit=\"who made it, who holds it\"");
    if (item.kind == ItemKind::Audio && (item.role == AudioRole::Speech || item.description) && item.captions.empty() &&
        !item.src.empty())
        diagnostics.warning(item.where, "missing-captions", "audio without captions: " + fs::path(item.src).filename().string(),
                            "add captions=\"file.vtt\" so visitors who cannot hear can read it");
}

void warnAboutScenes(const Show& show, Diagnostics& diagnostics) {
    for (size_t i = 1; i < show.scenes.size(); ++i) {
        if (show.scenes[i].begin < show.scenes[i - 1].end)
            diagnostics.warning(show.scenes[i].where, "scenes-overlap",
                                "scene '" + show.scenes[i].id + "' begins before scene '" +
                                    show.scenes[i - 1].id + "' ends",
                                "scenes play one after another; put them in a <seq>");
    }
}

Micros readingTime(int words, double wordsPerMinute) {
    if (words <= 0 || wordsPerMinute <= 0) return 0;
    return static_cast<Micros>(std::llround(words * 60.0 / wordsPerMinute * kMicrosPerSecond)) + kReadingAllowance;
}

int wordCount(const std::vector<TextParagraph>& paragraphs) {
    int words = 0;
    for (const auto& p : paragraphs) {
        bool inWord = false;
        for (const auto& r : p.runs) {
            for (char c : r.text) {
                bool space = isAsciiSpace(c);
                if (!space && !inWord) ++words;
                inWord = !space;
            }
        }
    }
    return words;
}

}  // namespace vitrine
