#include "text/layout_check.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "base/recent_map.h"
#include "base/safe_area.h"
#include "map/compiled_map.h"
#include "map/map_languages.h"
#include "map/map_state.h"
#include "base/utf8.h"
#include "text/credit_roll.h"
#include "text/item_text.h"
#include "text/layout_check_keys.h"

namespace vitrine::text {
namespace {

// Layout arithmetic rounds to whole pixels: a line this close to an edge is inside it.
constexpr double kTolerancePx = 0.5;

std::string plural(long n, const char* word) { return std::to_string(n) + " " + word + (n == 1 ? "" : "s"); }

std::string codePointName(char32_t c) {
    char hex[16];
    std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(c));
    return hex;
}

// "Noto Serif, Noto Sans, DejaVu Sans": the families a designer can choose from.
std::string bundledFamilies(const FontLibrary& fonts) {
    std::vector<std::string> names;
    for (FontFaceId id = 0; id < fonts.faceCount(); ++id)
        if (std::find(names.begin(), names.end(), fonts.info(id).family) == names.end())
            names.push_back(fonts.info(id).family);
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
}

Rect intersection(const Rect& a, const Rect& b) {
    const double x = std::max(a.x, b.x), y = std::max(a.y, b.y);
    const double right = std::min(a.x + a.width, b.x + b.width), bottom = std::min(a.y + a.height, b.y + b.height);
    return {x, y, std::max(0.0, right - x), std::max(0.0, bottom - y)};
}

bool isRegion(const Item& item, PixelSize canvas) {
    return item.area.x != 0 || item.area.y != 0 || item.area.width != canvas.width || item.area.height != canvas.height;
}

// "past the canvas's right edge by 40 px and its bottom edge by 12 px", or empty when `r`
// lies inside `outer`.
std::string overhang(const Rect& r, const Rect& outer) {
    struct Edge {
        const char* name;
        double by;
    };
    const Edge edges[] = {{"left", outer.x - r.x},
                          {"top", outer.y - r.y},
                          {"right", r.x + r.width - (outer.x + outer.width)},
                          {"bottom", r.y + r.height - (outer.y + outer.height)}};
    std::string out;
    for (const Edge& e : edges) {
        if (e.by <= kTolerancePx) continue;
        out += (out.empty() ? "" : " and its ") + std::string(e.name) + " edge by " +
               std::to_string(static_cast<long>(std::ceil(e.by))) + " px";
    }
    return out;
}

void checkGlyphs(const Item& item, const TextLayout& layout, const FontLibrary& fonts, Diagnostics& out) {
    std::set<char32_t> reported;
    for (const auto& run : layout.runs) {
        for (const auto& g : run.glyphs) {
            if (g.codepoint <= U' ' || fonts.hasGlyph(run.face, g.codepoint) || !reported.insert(g.codepoint).second)
                continue;
            out.warning(item.where, "missing-glyph",
                        "'" + encodeUtf8(std::u32string(1, g.codepoint)) + "' " + codePointName(g.codepoint) +
                            " is in none of the bundled fonts: the projector shows an empty box",
                        "the bundled fonts are " + bundledFamilies(fonts) +
                            "; write it with characters they have, or add a font that has it to assets/fonts");
        }
    }
}

// How many of a laid-out text's lines fall inside the canvas, and inside its box or region
// (and the canvas): what the overflow check reports and what a text fitted in `both` must hold.
struct LinesInside {
    long needed = 0, onCanvas = 0, inLimit = 0;
};

LinesInside linesInside(const Item& item, const TextLayout& layout, const Rect& block, PixelSize canvas) {
    const Rect canvasRect{0, 0, static_cast<double>(canvas.width), static_cast<double>(canvas.height)};
    const Rect limit = intersection(intersection(item.box, item.area), canvasRect);
    LinesInside lines;
    lines.needed = static_cast<long>(layout.lines.size());
    for (const auto& line : layout.lines) {
        const double top = block.y + line.top, bottom = top + line.height;
        lines.onCanvas += top >= -kTolerancePx && bottom <= canvas.height + kTolerancePx;
        lines.inLimit += top >= limit.y - kTolerancePx && bottom <= limit.y + limit.height + kTolerancePx;
    }
    return lines;
}

// Where the lines of a laid-out text fall against its box or region and the canvas.
void checkOverflow(const Item& item, const TextLayout& layout, const Rect& block, PixelSize canvas, Diagnostics& out) {
    const auto [needed, onCanvas, inLimit] = linesInside(item, layout, block, canvas);
    const std::string hint = "shorten the text, give it a smaller style, a wider box or region, or split it over two "
                             "scenes";
    if (onCanvas < needed) {
        out.error(item.where, "text-overflow",
                  "the text needs " + plural(needed, "line") + ", the canvas shows " + std::to_string(onCanvas) + ": " +
                      plural(needed - onCanvas, "line") + (needed - onCanvas == 1 ? " is" : " are") + " cut",
                  hint);
    } else if (inLimit < needed) {
        const char* holder = isRegion(item, canvas) ? "its region" : "its box";
        out.warning(item.where, "text-overflow",
                    "the text needs " + plural(needed, "line") + ", " + holder + " holds " + std::to_string(inLimit) +
                        ": " + plural(needed - inLimit, "line") + (needed - inLimit == 1 ? " runs" : " run") +
                        " past it",
                    hint);
    }
}

void checkRollSpeed(const Item& item, const CreditRoll& roll, Diagnostics& out) {
    const Micros duration = item.activeEnd - item.begin;
    const double speed = roll.linesPerSecond(duration);
    if (speed <= kMaxRollLinesPerSecond) return;
    char figures[96];
    std::snprintf(figures, sizeof figures, "%.1f lines a second", speed);
    const double neededSeconds =
        std::ceil(roll.travel / roll.linePitch / kMaxRollLinesPerSecond / (1 - 2 * kRollHoldShare));
    out.warning(item.where, "credits-too-fast",
                "the credits do not fit and roll at " + std::string(figures) + " through " + formatTime(duration) +
                    "; faster than " + std::to_string(static_cast<int>(kMaxRollLinesPerSecond)) +
                    " line a second is hard to read",
                "give the credits dur=\"" + std::to_string(static_cast<long>(neededSeconds)) +
                    "s\" or more, fewer entries, or a smaller style");
}

// Lines' advance boxes where the player draws them, canvas px.
Rect inkOf(const TextLayout& layout, const Rect& block) {
    bool any = false;
    double left = 0, right = 0;
    for (const auto& line : layout.lines) {
        if (line.width <= 0) continue;
        const double x = line.x, end = line.x + line.width;
        left = any ? std::min(left, x) : x;
        right = any ? std::max(right, end) : end;
        any = true;
    }
    if (!any) return {block.x, block.y, 0, 0};
    return {block.x + left, block.y, right - left, layout.height};
}

void checkTextAlone(const Item& item, const FontLibrary& fonts, PixelSize canvas, Diagnostics& out) {
    const TextLayout layout = layoutItemText(fonts, item);
    if (layout.lines.empty()) return;
    checkGlyphs(item, layout, fonts, out);
    const Rect block = placeTextBlock(item, item.box, textBlockWidth(item), layout.height);
    Rect ink = inkOf(layout, block);
    if (auto roll = creditRoll(item, layout, item.box.height)) {
        checkRollSpeed(item, *roll, out);
        ink.height = item.box.height;  // what rolls is seen only inside the box
    } else {
        const int before = out.errorCount();
        checkOverflow(item, layout, block, canvas, out);
        if (out.errorCount() > before) return;  // lines cut: said once, not again as "outside"
    }
    const Rect canvasRect{0, 0, static_cast<double>(canvas.width), static_cast<double>(canvas.height)};
    if (std::string past = overhang(ink, canvasRect); !past.empty()) {
        out.warning(item.where, "outside-canvas", "the text reaches past the canvas's " + past,
                    "move it (x, y, anchor) or narrow it (width, a smaller style)");
    } else if (std::string unsafe = overhang(ink, safeArea(canvas, kTitleSafeShare)); !unsafe.empty()) {
        out.add({item.where, Severity::Note, "outside-title-safe",
                 "the text lies outside the title-safe area (80 % of the canvas), past its " + unsafe,
                 "a projector's overscan or the wall's frame may cut it: keep text inside the frame the studio's "
                 "View > Safe areas draws"});
    }
}

// A text written in several languages is laid out one language at a time, as a site that
// shows one language shows it: laying all of them out together reported a bilingual text cut
// when each language alone fits, and missed one that fits only beside a shorter language.
// Each finding says which language it is about.
void checkText(const Item& item, const FontLibrary& fonts, PixelSize canvas, const std::string& mainLanguage,
               bool languagesChosen, Diagnostics& out) {
    const auto languages = paragraphsByLanguage(item.paragraphs, mainLanguage);
    if (languages.size() < 2 || languagesChosen) {
        checkTextAlone(item, fonts, canvas, out);
        return;
    }
    for (const auto& paragraphs : languages) {
        const std::string language = paragraphLanguage(paragraphs.front(), mainLanguage);
        Item alone = item;
        alone.paragraphs = paragraphs;
        // The credits' title paragraphs in this language stay its heading.
        alone.headingParagraphs = 0;
        for (int i = 0; i < item.headingParagraphs && i < static_cast<int>(item.paragraphs.size()); ++i)
            alone.headingParagraphs += paragraphLanguage(item.paragraphs[static_cast<std::size_t>(i)], mainLanguage) == language;
        Diagnostics found;
        checkTextAlone(alone, fonts, canvas, found);
        for (Diagnostic d : found.all()) {
            d.message = "in " + language + ", " + d.message;
            out.add(std::move(d));
        }
    }
}

void checkPicture(const Item& item, PixelSize canvas, Diagnostics& out) {
    const Rect canvasRect{0, 0, static_cast<double>(canvas.width), static_cast<double>(canvas.height)};
    if (std::string past = overhang(item.box, canvasRect); !past.empty())
        out.warning(item.where, "outside-canvas", "its box reaches past the canvas's " + past,
                    "move it (x, y, anchor) or make it smaller (width, height); 100% of the canvas is its whole size");
}

// The map is looked at this often through its time: labels come and go with their timing,
// and one that cannot be placed is usually crowded out for seconds, not for one frame.
constexpr Micros kMapSampleStep = kMicrosPerSecond / 2;

// A label in two languages (`both`) as a message quotes it: "Bakou / Baku".
std::string oneLine(std::string label) {
    for (auto at = label.find(kSecondLanguageBreak); at != std::string::npos; at = label.find(kSecondLanguageBreak, at))
        label.replace(at, 1, " / ");
    return label;
}

// Each label never drawn while it shows (its place outside the map's view all that time), and
// each drawn over other labels or marks for want of room, once, at its element. A label whose
// place leaves the view during a flight and comes back, or is seen at some instant, is fine.
void checkMapLabelsAlone(const Item& item, const map::MapScene& scene, const FontLibrary& fonts, Diagnostics& out) {
    map::MapEvaluationContext context;
    context.dataBounds = item.map->dataBounds();
    // Each label is measured at every sample: laid out once per text, size and look instead
    // (the layouts were three quarters of this check's time).
    std::map<std::pair<std::string, LayoutStyle>, std::pair<double, double>> measured;
    context.measure = [&fonts, &measured](const std::string& text, double sizePx, const TextStyle* own) {
        const LayoutStyle style = mapLabelStyle(sizePx, own);  // as the map drawer measures
        auto [it, first] = measured.try_emplace({text, style});
        if (first) {
            const TextLayout l = layoutText(fonts, twoLanguageParagraphs(text, style), style);
            it->second = {l.width, l.height};
        }
        return it->second;
    };
    struct Seen {
        std::string text;
        SourceLocation where;
        bool drawn = false;    // at some instant
        bool overlapped = false;
    };
    std::map<std::pair<int, int>, Seen> labels;  // by the element's line and column, in order
    for (Micros local = 0; local < item.end - item.begin; local += kMapSampleStep) {
        for (const map::LabelState& l : map::evaluateMap(scene, local, item.box, context).labels) {
            auto [it, first] = labels.try_emplace({l.where.line, l.where.column});
            Seen& seen = it->second;
            if (first) seen = Seen{oneLine(l.text), l.where.line > 0 ? l.where : item.where};
            seen.drawn |= l.fit != map::LabelFit::NotPlaced;
            if (l.fit == map::LabelFit::PlacedWithOverlap && !seen.overlapped) {
                seen.overlapped = true;
                // Drawn, where it overlaps least: worth a look, not a fault.
                out.add({seen.where, Severity::Note, "label-overlaps",
                         "the label '" + seen.text + "' overlaps other labels or marks from " + formatTime(local) +
                             ": there is no room clear of them beside its place",
                         "move or shorten it, show it at another time than the labels near it, or widen the map's view"});
            }
        }
    }
    for (const auto& [key, seen] : labels)
        if (!seen.drawn)
            out.warning(seen.where, "label-not-placed",
                        "the label '" + seen.text +
                            "' is never drawn: all the while it shows, the place it names is outside the map's view",
                        "widen the map's view, or show the label when the view reaches its place");
}

// A map's labels as each language's visitors see them (as checkText does for a text): until
// a site's languages are chosen, a map whose labels are translated is checked once per
// language, each finding saying which; afterwards, as it now stands.
void checkMapLabels(const Item& item, const FontLibrary& fonts, const std::string& mainLanguage, bool languagesChosen,
                    Diagnostics& out) {
    if (!item.map) return;
    const std::vector<std::string> languages = map::labelLanguages(item.map->scene, mainLanguage);
    if (languages.size() < 2 || languagesChosen) {
        checkMapLabelsAlone(item, item.map->scene, fonts, out);
        return;
    }
    for (const std::string& language : languages) {
        Diagnostics found;
        checkMapLabelsAlone(item, map::withLabelsIn(item.map->scene, {language}, 1, mainLanguage), fonts, found);
        for (Diagnostic d : found.all()) {
            d.message = "in " + language + ", " + d.message;
            out.add(std::move(d));
        }
    }
}

}  // namespace

struct LayoutFindings::Kept {
    explicit Kept(std::size_t capacity) : capacity(capacity), texts(capacity), maps(capacity) {}
    std::size_t capacity;
    const FontLibrary* fonts = nullptr;  // what the kept findings were measured with
    RecentMap<TextCheckInput, std::vector<Diagnostic>> texts;  // at their text's element
    RecentMap<MapCheckInput, std::vector<Diagnostic>> maps;    // relativeTo() their map's element
    int checked = 0, reused = 0;
};

LayoutFindings::LayoutFindings(std::size_t capacity) : kept_(std::make_unique<Kept>(capacity)) {}
LayoutFindings::~LayoutFindings() = default;
int LayoutFindings::itemsChecked() const { return kept_->checked; }
int LayoutFindings::itemsReused() const { return kept_->reused; }

namespace {

void checkPictureOrMap(const Item& item, const FontLibrary& fonts, const Show& show, Diagnostics& out) {
    checkPicture(item, show.canvas, out);
    checkMapLabels(item, fonts, show.languages.empty() ? std::string() : show.languages.front(), show.languagesChosen, out);
}

// Every item's findings, with `kept` those it holds for items as they are (`script` names
// the maps' elements); the rest checked and kept.
void checkItems(const Show& show, const Script* script, const FontLibrary& fonts, Diagnostics& out,
                LayoutFindings::Kept* kept) {
    if (fonts.faceCount() == 0) return;  // nothing to measure with: the font library has said why
    if (kept && kept->fonts != &fonts) {
        const int checked = kept->checked, reused = kept->reused;
        *kept = LayoutFindings::Kept(kept->capacity);  // other fonts measure otherwise
        kept->fonts = &fonts;
        kept->checked = checked;
        kept->reused = reused;
    }
    ScriptParts parts;
    if (kept && script) collectParts(script->root, parts);
    // Found again, or checked and kept: `findings` at their element, as relativeTo() it.
    auto keptOr = [&](auto& store, auto input, const Item& item, auto check) {
        if (const std::vector<Diagnostic>* found = store.find(input)) {
            ++kept->reused;
            for (Diagnostic d : *found) {
                d.where = placedAt(d.where, item.where);
                out.add(std::move(d));
            }
            return;
        }
        ++kept->checked;
        Diagnostics fresh;
        check(fresh);
        std::vector<Diagnostic> relative = fresh.all();
        for (Diagnostic& d : relative) d.where = relativeTo(d.where, item.where);
        store.put(std::move(input), std::move(relative));
        out.append(fresh);
    };
    for (const Item& item : show.items) {
        switch (item.kind) {
            case ItemKind::Text: {
                const std::string mainLanguage = show.languages.empty() ? std::string() : show.languages.front();
                auto check = [&](Diagnostics& d) { checkText(item, fonts, show.canvas, mainLanguage, show.languagesChosen, d); };
                if (kept) keptOr(kept->texts, textCheckInput(item, show.canvas, mainLanguage), item, check);
                else check(out);
                break;
            }
            case ItemKind::Image:
            case ItemKind::Video:
            case ItemKind::Map: {
                auto check = [&](Diagnostics& d) { checkPictureOrMap(item, fonts, show, d); };
                auto element = parts.maps.find({item.where.file, item.where.line, item.where.column});
                if (!kept || !item.map || element == parts.maps.end()) {
                    check(out);  // a picture is quick to check; a map without its element cannot be kept
                    break;
                }
                MapCheckInput input = mapCheckInput(item, *element->second, parts.styles);
                // The written labels' language, and whether they are checked per language.
                input.source += "|" + (show.languages.empty() ? std::string() : show.languages.front()) +
                                (show.languagesChosen ? "|chosen" : "|written");
                keptOr(kept->maps, std::move(input), item, check);
                break;
            }
            case ItemKind::Audio:
            case ItemKind::VisitorCode: break;  // a code and one short line, sized by the renderer
        }
    }
}

}  // namespace

bool textFits(const Item& item, const FontLibrary& fonts, PixelSize canvas) {
    const TextLayout layout = layoutItemText(fonts, item);
    const Rect block = placeTextBlock(item, item.box, textBlockWidth(item), layout.height);
    const LinesInside lines = linesInside(item, layout, block, canvas);
    return lines.inLimit == lines.needed;
}

void checkLayout(const Show& show, const FontLibrary& fonts, Diagnostics& out) {
    checkItems(show, nullptr, fonts, out, nullptr);
}

void addLayoutProblems(LoadedExhibit& exhibit, const FontLibrary& fonts, LayoutFindings* kept) {
    if (!exhibit.show) return;
    checkItems(*exhibit.show, exhibit.script ? &*exhibit.script : nullptr, fonts, exhibit.diagnostics,
               kept ? kept->kept_.get() : nullptr);
    exhibit.diagnostics.sortByLocation();
}

}  // namespace vitrine::text
