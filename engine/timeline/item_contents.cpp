#include "timeline/item_contents.h"

#include <algorithm>

#include "timeline/animation_reader.h"
#include "timeline/text_extraction.h"

namespace vitrine {
namespace {

// Centred text in advisories and credits keeps a calm margin from the canvas edges.
constexpr double kCentredMarginFraction = 0.15;

// Pan-zoom rectangles are fractions of the image; px are read against a nominal 100% = 1.
Rect normalised(const LengthRect& r) {
    auto f = [](const Length& l) { return l.percent ? l.value / 100.0 : l.value; };
    return Rect{f(r.x), f(r.y), f(r.width), f(r.height)};
}

}  // namespace

ItemContents::ItemContents(const ElementsById& styles, const ElementsById& regions, PixelSize canvas,
                           const CompileOptions& options, Diagnostics& diagnostics)
    : styleElements_(styles),
      canvas_(canvas),
      options_(options),
      diagnostics_(diagnostics),
      styles_(styles, canvas, diagnostics),
      layout_(regions) {}

void ItemContents::fill(Item& item, const ScriptNode& n, const Rect& area) {
    item.area = layout_.area(n, area);
    item.box = BoxLayout::box(n, item.area);
    if (auto o = parseNumber(n.view("opacity"))) item.opacity = std::clamp(*o, 0.0, 1.0);
    Micros fade = parseTimeValue(n.view("fade")).value_or(0);
    item.fadeIn = parseTimeValue(n.view("fade-in")).value_or(fade);
    item.fadeOut = parseTimeValue(n.view("fade-out")).value_or(fade);
    item.credit = n.value("credit");
    item.source = n.value("source");
    // Texts (most of any exhibit) have none of the media attributes: do not look for them.
    if (item.kind != ItemKind::Text) fillMedia(item, n);
    if (item.kind == ItemKind::Text) {
        item.style = styles_.resolve(n.view("style"), n.where);
        collectParagraphs(n, item.paragraphs, paragraphStyler(item.style));
    }
    if (item.kind == ItemKind::Map) item.map = compiledMap(n, item.src);
    if (item.kind == ItemKind::VisitorCode) fillVisitorCode(item, n);
    if (item.kind == ItemKind::Image && item.src.empty() && item.placeholder.empty())
        diagnostics_.error(n.where, "missing-attribute", "<image> needs src or placeholder",
                           "name the file, or write placeholder=\"what belongs here\"");
    // A sign-language video not yet recorded may stand in as a labelled placeholder.
    item.signLanguage = item.kind == ItemKind::Video && n.view("kind") == "sign-language";
    const bool standIn = item.signLanguage && !item.placeholder.empty();
    if ((item.kind == ItemKind::Video || item.kind == ItemKind::Audio) && item.src.empty() && !standIn)
        diagnostics_.error(n.where, "missing-attribute", "<" + std::string(n.name) + "> needs src",
                           item.signLanguage ? "or, for a sign-language video not yet recorded, placeholder=\"what belongs here\""
                                             : std::string());
    for (const auto& c : n.children)
        if (c.tag == Tag::Animate)
            if (auto a = readAnimation(c, item.end - item.begin, canvas_, diagnostics_)) item.animations.push_back(*a);
}

void ItemContents::fillCentredText(Item& item, const ScriptNode& n) {
    // Their own look is the default style, centred; a style they name is applied over it,
    // so it keeps the centring unless it sets align or valign. An advisory names the
    // style "advisory" when there is one (documented); a style called "credits" is just
    // a name: it once applied to credits unasked, and any style dropped their centring.
    TextStyle centred = styles_.resolve("", n.where);
    centred.align = TextStyle::Align::Center;
    centred.valign = TextStyle::VAlign::Middle;
    const bool advisoryStyle = n.tag == Tag::Advisory && styleElements_.count("advisory");
    item.style = styles_.resolveOver(centred, n.view("style", advisoryStyle ? "advisory" : ""), n.where);
    double mx = canvas_.width * kCentredMarginFraction, my = canvas_.height * kCentredMarginFraction;
    item.box = Rect{mx, my, canvas_.width - 2 * mx, canvas_.height - 2 * my};
    if (std::string title = n.value("title"); !title.empty())
        item.paragraphs.push_back(TextParagraph{{TextRun{title, true, false, {}}}, {}});
    if (n.tag == Tag::Credits) {
        item.rolls = true;
        item.headingParagraphs = static_cast<int>(item.paragraphs.size());
        for (const auto& entry : n.children) {
            if (entry.tag != Tag::Entry) continue;
            TextParagraph para;
            // An entry's lang is its paragraph's, so a site that shows one language keeps the
            // credits' entries in it, as it keeps a text's <p lang> (player/language_choice.h).
            para.lang = entry.value("lang");
            if (std::string role = entry.value("role"); !role.empty())
                para.runs.push_back(TextRun{role + "\n", false, true, para.lang});
            appendRuns(entry, para, false, false, para.lang);
            trimParagraph(para);
            item.paragraphs.push_back(std::move(para));
        }
    } else {
        collectParagraphs(n, item.paragraphs, paragraphStyler(item.style));
    }
}

// What a visitor types: the address without its scheme and closing slash (a phone's browser
// adds "http://" back), so the line under the code stays short and large.
std::string shortVisitorAddress(std::string_view address) {
    if (auto scheme = address.find("://"); scheme != std::string_view::npos) address.remove_prefix(scheme + 3);
    if (!address.empty() && address.back() == '/') address.remove_suffix(1);
    return std::string(address);
}

void ItemContents::fillVisitorCode(Item& item, const ScriptNode& n) {
    item.visitorAddress = options_.visitorAddress;
    item.style = styles_.resolve(n.view("style"), n.where);
    item.style.align = TextStyle::Align::Center;  // under the code, which is centred in the box
    if (!item.visitorAddress.empty())
        item.paragraphs.push_back(TextParagraph{{TextRun{shortVisitorAddress(item.visitorAddress), false, false, {}}}, {}});
}

// A <p style> is applied over its text's style.
ParagraphStyler ItemContents::paragraphStyler(const TextStyle& textStyle) {
    return [this, &textStyle](const ScriptNode& p) -> std::optional<TextStyle> {
        std::string_view name = p.view("style");
        if (name.empty()) return std::nullopt;
        return styles_.resolveOver(textStyle, name, p.where);
    };
}

void ItemContents::fillMedia(Item& item, const ScriptNode& n) {
    if (std::string src = n.value("src"); !src.empty()) item.src = resolveElementPath(n, src).string();
    if (std::string cap = n.value("captions"); !cap.empty()) item.captions = resolveElementPath(n, cap).string();
    if (std::string cap = n.value("second-captions"); !cap.empty())
        item.secondCaptions = resolveElementPath(n, cap).string();
    item.clipIn = parseTimeValue(n.view("in")).value_or(0);
    if (auto out = parseTimeValue(n.view("out"))) item.clipOut = *out;
    if (const ScriptAttribute* in = n.attribute("in"); in && item.clipOut && *item.clipOut <= item.clipIn)
        diagnostics_.error(in->where, "out-before-in", "the clip's out point is not after its in point");
    item.loop = parseBool(n.view("loop")).value_or(false);
    if (auto v = parseNumber(n.view("volume"))) item.volume = std::clamp(*v, 0.0, 1.0);
    if (auto d = parseNumber(n.view("duck"))) item.duck = std::clamp(*d, 0.0, 1.0);
    std::string_view role = n.view("role", "speech");
    item.role = role == "bed" ? AudioRole::Bed : role == "effect" ? AudioRole::Effect : AudioRole::Speech;
    item.description = isDescription(n);
    std::string_view fit = n.view("fit", "contain");
    item.fit = fit == "cover" ? Fit::Cover : fit == "fill" ? Fit::Fill : fit == "none" ? Fit::None : Fit::Contain;
    item.placeholder = n.value("placeholder");
    item.placeholderTranslations = translationsOf(n, "placeholder");
    if (auto pz = panZoom(n.view("panzoom"))) {
        item.hasPanZoom = true;
        item.panFrom = normalised(pz->from);
        item.panTo = normalised(pz->to);
        item.panEasing = parseEasing(n.view("panzoom-easing", "sine-in-out")).value_or(linearEasing());
    }
}

// A time value ("10s") is read in less time than hashing it would take, so parseTimeValue
// is called each time. A pan-zoom is longer and an exhibit repeats a few of them thousands
// of times: each distinct text is parsed once. The views are the script's, which outlives
// the compiler.
std::optional<PanZoomSpec> ItemContents::panZoom(std::string_view text) {
    if (text.empty()) return std::nullopt;
    auto [it, inserted] = panZooms_.try_emplace(text);
    if (inserted) it->second = parsePanZoom(text);
    return it->second;
}

// The element's map, compiled once however many items it becomes.
std::shared_ptr<const map::CompiledMap> ItemContents::compiledMap(const ScriptNode& n, const std::string& src) {
    if (!options_.compileMap) return nullptr;
    auto [it, inserted] = compiledMaps_.try_emplace(&n);
    if (inserted) {
        StyleOver styles = [this](const TextStyle& start, std::string_view name, const SourceLocation& where) {
            return styles_.resolveOver(start, name, where);
        };
        it->second = options_.compileMap(n, src, styles, diagnostics_);
    }
    return it->second;
}

std::filesystem::path resolveElementPath(const ScriptNode& n, const std::string& path) {
    std::filesystem::path p(path);
    if (p.is_absolute()) return p;
    return (std::filesystem::path(n.where.file).parent_path() / p).lexically_normal();
}

bool isDescription(const ScriptNode& n) { return n.tag == Tag::Audio && n.view("kind") == "description"; }

}  // namespace vitrine
