#include "player/site_check.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "base/time_value.h"
#include "player/language_choice.h"
#include "player/sign_language_inset.h"
#include "text/item_text.h"
#include "text/layout_check.h"

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

// Where each text's lines stand, against the inset, while both are on screen.
void addInsetCovers(const Show& shown, const installation::SignLanguageInset& inset,
                    const text::FontLibrary& fonts, Diagnostics& out) {
    const Rect region = installation::insetRect(inset, shown.canvas);
    for (int index : signLanguageVideos(shown)) {
        const Item& video = shown.items[static_cast<std::size_t>(index)];
        for (const Item& item : shown.items) {
            if (item.kind != ItemKind::Text || item.paragraphs.empty()) continue;
            const Micros from = std::max(item.begin, video.begin), to = std::min(item.end, video.end);
            if (from >= to) continue;
            const text::TextLayout layout = text::layoutItemText(fonts, item);
            const double width = text::textBlockWidth(item);
            const Rect block = text::placeTextBlock(item, item.box, width, layout.height);
            if (!overlaps(block, region)) continue;
            char where[96];
            std::snprintf(where, sizeof where, "%.0f,%.0f %.0fx%.0f px", region.x, region.y, region.width, region.height);
            out.warning(item.where, "inset-covers-text",
                        "the sign-language inset covers this text from " + formatClock(from) + " to " + formatClock(to),
                        std::string("the installation's <sign-language> region is ") + where +
                            ": move the text out of that corner, or choose another corner or a smaller size there");
        }
    }
}

}  // namespace

void addSiteProblems(LoadedExhibit& exhibit, const installation::Installation& site, const text::FontLibrary& fonts) {
    if (!exhibit.show) return;
    const Diagnostics asWritten = exhibit.diagnostics;
    for (const LanguageChoice& choice : choicesOf(site)) {
        const Show shown =
            placeSignLanguage(chooseLanguages(*exhibit.show, withDefaultText(choice, *exhibit.show)), site.signLanguage);
        Diagnostics found;
        text::checkLayout(shown, fonts, found);
        if (site.signLanguage && site.signLanguage->show)
            addInsetCovers(shown, *site.signLanguage, fonts, found);
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
