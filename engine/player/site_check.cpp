#include "player/site_check.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "base/time_value.h"
#include "player/language_choice.h"
#include "player/sign_language_inset.h"
#include "text/caption_placement.h"
#include "text/item_text.h"
#include "text/layout_check.h"
#include "timeline/evaluate.h"

namespace vitrine {

namespace {

using installation::LanguageMode;

// The choices the site plays with: one per language when they alternate, else its one.
std::vector<LanguageChoice> choicesOf(const installation::Installation& site) {
    LanguageChoice choice;
    choice.text = site.languages;
    choice.captions = site.captionLanguages;
    choice.mode = site.languageMode;
    if (choice.mode != LanguageMode::Alternate) return {choice};
    std::vector<LanguageChoice> loops;
    for (int loop = 0; loop < static_cast<int>(site.languages.size()); ++loop) loops.push_back(choiceForLoop(choice, loop));
    return loops;
}

std::string describe(const LanguageChoice& choice) {
    if (choice.text.empty()) return "";
    switch (choice.mode) {
        case LanguageMode::Both:
            return choice.text.size() > 1 ? "in " + choice.text[0] + " and " + choice.text[1] : "in " + choice.text[0];
        case LanguageMode::One:
        case LanguageMode::Alternate: return "in " + choice.text.front();
        case LanguageMode::All: break;
    }
    std::string all;
    for (const auto& l : choice.text) all += (all.empty() ? "" : " ") + l;
    return "in " + all;
}

bool sameProblem(const Diagnostic& a, const Diagnostic& b) {
    return a.where.file == b.where.file && a.where.line == b.where.line && a.where.column == b.where.column &&
           a.code == b.code && a.message == b.message;
}

std::string insetHint(const Rect& region) {
    char where[96];
    std::snprintf(where, sizeof where, "%.0f,%.0f %.0fx%.0f px", region.x, region.y, region.width, region.height);
    return std::string("the installation's <sign-language> region is ") + where +
           ": move the text out of that corner, or choose another corner or a smaller size there";
}

// Where each text's lines stand, against the inset, while both are on screen.
void addInsetCoversText(const Show& shown, const Item& video, const Rect& region, const text::FontLibrary& fonts,
                        Diagnostics& out) {
    for (const Item& item : shown.items) {
        if (item.kind != ItemKind::Text || item.paragraphs.empty()) continue;
        const Micros from = std::max(item.begin, video.begin), to = std::min(item.end, video.end);
        if (from >= to) continue;
        const text::TextLayout layout = text::layoutItemText(fonts, item);
        const double width = text::textBlockWidth(item);
        const Rect block = text::placeTextBlock(item, item.box, width, layout.height);
        if (!overlaps(block, region)) continue;
        out.warning(item.where, "inset-covers-text",
                    "the sign-language inset covers this text from " + formatClock(from) + " to " + formatClock(to),
                    insetHint(region));
    }
}

// Where each caption cue stands, against the inset, while both are on screen: the captions
// on screen at each instant a cue of a captioned sound comes or goes, laid out and placed as
// the renderer places them (text/caption_placement), so a cue pushed up by the second
// language's is seen where it is drawn.
void addInsetCoversCaptions(const Show& shown, const Item& video, const Rect& region, const text::FontLibrary& fonts,
                            CaptionCache& files, Diagnostics& out) {
    std::map<std::string, std::shared_ptr<const CaptionFile>> read;  // kept while their cues are pointed at
    const auto trackFor = [&](const std::string& file) -> const CaptionTrack* {
        auto& kept = read[file];
        if (!kept) kept = files.get(file);
        return kept->unusable ? nullptr : &kept->track;
    };
    std::set<const CaptionCue*> warned;
    for (std::size_t index = 0; index < shown.items.size(); ++index) {
        const Item& sound = shown.items[index];
        if (sound.description || (sound.captions.empty() && sound.secondCaptions.empty())) continue;
        const Micros from = std::max(sound.begin, video.begin), to = std::min(sound.end, video.end);
        if (from >= to) continue;
        // The sound's media time at `from`; its cues come and go at their times from there.
        const Frame start = evaluate(shown, from);
        const auto heard = std::find_if(start.audio.begin(), start.audio.end(),
                                        [&](const AudioCue& a) { return a.item == static_cast<int>(index); });
        if (heard == start.audio.end()) continue;
        const auto showTime = [&](Micros mediaTime) { return from + (mediaTime - heard->mediaTime); };
        std::set<Micros> instants{from};
        for (const std::string& file : {sound.captions, sound.secondCaptions}) {
            const CaptionTrack* track = file.empty() ? nullptr : trackFor(file);
            if (!track) continue;
            for (const CaptionCue& cue : track->cues)
                for (Micros t : {showTime(cue.start), showTime(cue.end)})
                    if (t >= from && t < to) instants.insert(t);
        }
        for (Micros t : instants) {
            const text::ActiveCaptions active = text::activeCaptions(shown, evaluate(shown, t), trackFor);
            const text::TextLayout first =
                text::layoutText(fonts, active.first, text::captionLayoutStyle(shown.canvas, false));
            const text::TextLayout second =
                text::layoutText(fonts, active.second, text::captionLayoutStyle(shown.canvas, true));
            const auto heightOf = [](const std::vector<text::Paragraph>& lines, const text::TextLayout& l) {
                return lines.empty() ? std::nullopt : std::optional<double>(l.height);
            };
            const text::CaptionPlaces places = text::placeCaptions(shown.canvas, heightOf(active.first, first),
                                                                   heightOf(active.second, second));
            const auto warn = [&](const std::optional<text::PlacedCaption>& place, const text::TextLayout& layout,
                                  const std::vector<const CaptionCue*>& cues) {
                if (!place || !overlaps(text::captionBox(*place, layout), region)) return;
                for (const CaptionCue* cue : cues) {
                    if (!warned.insert(cue).second) continue;
                    const Micros cueFrom = std::max(from, showTime(cue->start)), cueTo = std::min(to, showTime(cue->end));
                    out.warning(cue->where, "inset-covers-text",
                                "the sign-language inset covers this caption from " + formatClock(cueFrom) + " to " +
                                    formatClock(cueTo),
                                insetHint(region));
                }
            };
            warn(places.first, first, active.firstCues);
            warn(places.second, second, active.secondCues);
        }
    }
}

void addInsetCovers(const Show& shown, const installation::SignLanguageInset& inset, const text::FontLibrary& fonts,
                    CaptionCache& captions, Diagnostics& out) {
    const Rect region = installation::insetRect(inset, shown.canvas);
    for (int index : signLanguageVideos(shown)) {
        const Item& video = shown.items[static_cast<std::size_t>(index)];
        addInsetCoversText(shown, video, region, fonts, out);
        addInsetCoversCaptions(shown, video, region, fonts, captions, out);
    }
}

}  // namespace

void addSiteProblems(LoadedExhibit& exhibit, const installation::Installation& site, const text::FontLibrary& fonts,
                     CaptionCache* captions) {
    if (!exhibit.show) return;
    CaptionCache ownCaptions;
    const Diagnostics asWritten = exhibit.diagnostics;
    for (const LanguageChoice& choice : choicesOf(site)) {
        const Show shown =
            placeSignLanguage(chooseLanguages(*exhibit.show, withDefaultText(choice, *exhibit.show), fonts), site.signLanguage);
        Diagnostics found;
        text::checkLayout(shown, fonts, found);
        if (site.signLanguage && site.signLanguage->show)
            addInsetCovers(shown, *site.signLanguage, fonts, captions ? *captions : ownCaptions, found);
        for (Diagnostic d : found.all()) {
            const bool known = std::any_of(asWritten.all().begin(), asWritten.all().end(),
                                           [&](const Diagnostic& w) { return sameProblem(w, d); });
            if (known) continue;
            const std::string languages = describe(choice);
            d.message += languages.empty() ? " (as this site shows it)" : " (as this site shows it, " + languages + ")";
            if (std::none_of(exhibit.diagnostics.all().begin(), exhibit.diagnostics.all().end(),
                             [&](const Diagnostic& w) { return sameProblem(w, d); }))
                exhibit.diagnostics.add(std::move(d));
        }
    }
    // A <visitor-code> draws the site's visitors' page address, and nothing at a site without
    // one: a blank where the designer meant a code, which only this check can see.
    const bool hasPage = site.visitorPage && !site.visitorPage->address.empty();
    for (const Item& item : exhibit.show->items)
        if (item.kind == ItemKind::VisitorCode && !hasPage)
            exhibit.diagnostics.warning(item.where, "visitor-code-without-page",
                                        "this <visitor-code> has no page to point at: it draws nothing at this site",
                                        "give the installation a <visitor-page port=\"8090\" address=\"http://…/\"/>, "
                                        "or take the <visitor-code> out");
    exhibit.diagnostics.sortByLocation();
}

}  // namespace vitrine
