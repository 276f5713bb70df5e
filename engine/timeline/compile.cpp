#include "timeline/compile.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <map>
#include <unordered_map>

#include "script/values.h"
#include "timeline/animation_reader.h"
#include "timeline/designer_warnings.h"
#include "timeline/style_resolver.h"
#include "timeline/text_extraction.h"
#include "timeline/timing_attributes.h"

namespace vitrine {
namespace {

namespace fs = std::filesystem;

// Centred text in advisories and credits keeps a calm margin from the canvas edges.
constexpr double kCentredMarginFraction = 0.15;

bool isContainer(Tag t) {
    return t == Tag::Exhibit || t == Tag::Fragment || t == Tag::Seq || t == Tag::Par || t == Tag::Scene ||
           t == Tag::Advisory || t == Tag::Credits;
}
bool isSequential(Tag t) { return t == Tag::Exhibit || t == Tag::Seq; }
bool isSceneLike(Tag t) { return t == Tag::Scene || t == Tag::Advisory || t == Tag::Credits; }
bool isLeaf(Tag t) { return t == Tag::Text || t == Tag::Image || t == Tag::Video || t == Tag::Audio || t == Tag::Map; }
bool isTimed(const ScriptNode& n) { return !n.isText() && (isContainer(n.tag) || isLeaf(n.tag)); }

// What one element's timing attributes say, and what measuring it found: one for every
// node of the script, so kept in 40 bytes (flags instead of optionals).
struct Timing {
    Micros beginOffset = 0;
    Micros simpleValue = 0;  // meaningful when hasSimple
    double repeat = 1;
    Micros measuredValue = 0;  // the active duration, meaningful when hasMeasured
    bool hasSimple = false;    // dur or end said how long one iteration is
    bool indefinite = false;   // dur="indefinite"
    bool freeze = false;
    bool read = false;          // the attributes above have been read
    bool measured = false;      // measuredValue and hasMeasured have been worked out
    bool hasMeasured = false;   // false: it lasts until its parent ends

    /// One iteration's length from dur or end; nullopt when not said.
    std::optional<Micros> simple() const { return hasSimple ? std::optional<Micros>(simpleValue) : std::nullopt; }
};

struct Placement {
    Micros begin = 0;
    Micros end = 0;  // container bound for children
    int scene = -1;
    Rect area;       // canvas or region
};

class Compiler {
public:
    Compiler(const Script& s, Diagnostics& d, const CompileOptions& o) : script_(s), diagnostics_(d), options_(o) {}

    Show run() {
        const ScriptNode& root = script_.root;
        show_.file = script_.files.empty() ? std::string() : script_.files.front();
        show_.baseFolder = fs::path(show_.file).parent_path().string();
        show_.title = root.value("title");
        if (auto s = parseSize(root.value("size"))) show_.canvas = *s;
        if (auto l = parseLanguages(root.value("lang"))) show_.languages = *l;
        if (auto c = parseColor(root.value("background"))) show_.background = *c;
        if (auto d = parseTimeValue(root.value("default-dur")); d && *d > 0) defaultDur_ = *d;
        if (auto t = parseTransition(root.value("default-transition"))) defaultTransition_ = *t;
        readingPace_ = options_.readingPace > 0 ? options_.readingPace : kDefaultReadingPace;
        if (options_.readingPace <= 0)
            if (auto p = parseNumber(root.value("reading-pace")); p && *p > 0) readingPace_ = *p;
        collectDeclarations(root);
        styleResolver_.emplace(styles_, show_.canvas, diagnostics_);
        reserveFor(root);

        Rect canvas{0, 0, double(show_.canvas.width), double(show_.canvas.height)};
        Micros total = measure(root).value_or(defaultDur_);
        show_.duration = total;
        placeChildren(root, Placement{0, total, -1, canvas});
        warnAboutScenes(show_, diagnostics_);
        return std::move(show_);
    }

private:
    // ---- declarations -------------------------------------------------------------------
    void collectDeclarations(const ScriptNode& node) {
        for (const auto& c : node.children) {
            if (c.tag == Tag::Style && c.attribute("id")) styles_.emplace(c.value("id"), &c);
            if (c.tag == Tag::Region && c.attribute("id")) regions_.emplace(c.value("id"), &c);
            if (c.tag == Tag::Fragment) collectDeclarations(c);
        }
    }

    // Sizes the tables once: with ten thousand elements, growing them step by step (and moving
    // every Item each time) costs more than the compiling itself.
    void reserveFor(const ScriptNode& root) {
        size_t leaves = 0, scenes = 0;
        std::uint32_t indexBound = script_.nodeCount;
        countNodes(root, leaves, scenes, indexBound);
        timings_.resize(indexBound);
        show_.items.reserve(leaves);
        show_.scenes.reserve(scenes);
    }
    static void countNodes(const ScriptNode& n, size_t& leaves, size_t& scenes, std::uint32_t& indexBound) {
        if (n.isText()) return;
        indexBound = std::max(indexBound, n.index + 1);  // a script not from the loader may not say
        if (isLeaf(n.tag) || n.tag == Tag::Advisory || n.tag == Tag::Credits) ++leaves;  // each makes one Item
        if (isSceneLike(n.tag)) ++scenes;
        for (const auto& c : n.children) countNodes(c, leaves, scenes, indexBound);
    }

    // ---- values -----------------------------------------------------------------------------
    // A time value ("10s") is read in less time than hashing it would take, so parseTimeValue
    // is called each time. A pan-zoom is longer and an exhibit repeats a few of them thousands
    // of times: each distinct text is parsed once. The views are the script's, which outlives
    // the compiler.
    std::optional<PanZoomSpec> panZoom(std::string_view text) {
        if (text.empty()) return std::nullopt;
        auto [it, inserted] = panZooms_.try_emplace(text);
        if (inserted) it->second = parsePanZoom(text);
        return it->second;
    }

    // ---- timing ---------------------------------------------------------------------------
    const Timing& timing(const ScriptNode& n) {
        Timing& t = timings_[n.index];
        if (t.read) return t;
        t.read = true;
        const TimingAttributes a = readTimingAttributes(n, &diagnostics_);
        t.beginOffset = a.begin;
        if (a.simple) t.simpleValue = *a.simple, t.hasSimple = true;
        t.indefinite = a.indefinite;
        if (const ScriptAttribute* r = n.attribute("repeat"))
            if (auto v = parseRepeat(r->value)) t.repeat = *v;
        t.freeze = a.freeze.value_or(false);
        return t;
    }

    // The length of one iteration when nothing but the content decides it.
    std::optional<Micros> intrinsic(const ScriptNode& n) {
        if (n.tag == Tag::Audio || n.tag == Tag::Video) {
            Micros in = parseTimeValue(n.view("in")).value_or(0);
            if (auto out = parseTimeValue(n.view("out")); out && *out > in) return *out - in;
            if (!options_.mediaDuration || n.value("src").empty()) return std::nullopt;
            auto d = options_.mediaDuration(resolvePath(n, n.value("src")));
            if (!d) return std::nullopt;
            return std::max<Micros>(0, *d - in);
        }
        if (isSequential(n.tag)) {
            Micros sum = 0;
            for (const auto& c : n.children)
                if (isTimed(c)) sum += timing(c).beginOffset + measure(c).value_or(defaultDur_);
            return sum;
        }
        if (isContainer(n.tag)) {
            std::optional<Micros> latest;
            for (const auto& c : n.children) {
                if (!isTimed(c)) continue;
                if (auto m = measure(c)) latest = std::max(latest.value_or(0), timing(c).beginOffset + *m);
            }
            if (!latest && isSceneLike(n.tag)) return defaultDur_;
            return latest;
        }
        return std::nullopt;  // text, image, map: until the parent ends
    }

    // Active duration (simple × repeat), or nullopt when it lasts until its parent ends.
    std::optional<Micros> measure(const ScriptNode& n) {
        const Timing& t = timing(n);
        if (t.measured) return t.hasMeasured ? std::optional<Micros>(t.measuredValue) : std::nullopt;
        std::optional<Micros> simple = t.indefinite ? std::nullopt : (t.hasSimple ? t.simple() : intrinsic(n));
        std::optional<Micros> active;
        if (simple && std::isfinite(t.repeat))
            active = static_cast<Micros>(std::llround(static_cast<double>(*simple) * t.repeat));
        Timing& stored = timings_[n.index];  // intrinsic() may have measured children, not n
        stored.measured = true;
        stored.hasMeasured = active.has_value();
        stored.measuredValue = active.value_or(0);
        return active;
    }

    // ---- placement --------------------------------------------------------------------------
    void placeChildren(const ScriptNode& container, const Placement& p) {
        Micros cursor = p.begin;
        bool sequential = isSequential(container.tag) || container.tag == Tag::Fragment;
        for (const auto& c : container.children) {
            if (!isTimed(c)) continue;
            const Timing& t = timing(c);
            Micros begin = (sequential ? cursor : p.begin) + t.beginOffset;
            std::optional<Micros> active = measure(c);
            if (sequential && !active) active = defaultDur_;
            Micros activeEnd = active ? std::min(begin + *active, p.end) : p.end;
            Micros end = t.freeze ? p.end : activeEnd;
            if (sequential) cursor = active ? begin + *active : p.end;
            if (begin >= p.end && p.end > p.begin) {
                diagnostics_.warning(c.where, "never-shown",
                                     "<" + std::string(c.name) + "> begins at " + formatTime(begin - p.begin) +
                                         ", after its parent has ended",
                                     "shorten what comes before it or lengthen the parent");
                continue;
            }
            place(c, begin, activeEnd, end, p, t);
        }
    }

    void place(const ScriptNode& n, Micros begin, Micros activeEnd, Micros end, const Placement& parent,
               const Timing& t) {
        if (isSceneLike(n.tag)) {
            placeScene(n, begin, activeEnd, parent);
            return;
        }
        if (isContainer(n.tag)) {
            Placement inner = parent;
            inner.begin = begin;
            inner.end = end;
            placeChildren(n, inner);
            return;
        }
        Item& item = show_.items.emplace_back();  // built in place: an Item is large
        item.kind = kindOf(n.tag);
        item.id = n.value("id");
        item.where = n.where;
        item.scene = parent.scene;
        item.begin = begin;
        item.activeEnd = activeEnd;
        item.end = end;
        if (t.repeat != 1) {
            std::optional<Micros> simple = t.hasSimple ? t.simple() : intrinsic(n);
            if (simple && *simple > 0) item.simpleDuration = *simple;
        }
        fillItem(item, n, parent.area);
        addItem(item);
    }

    void placeScene(const ScriptNode& n, Micros begin, Micros end, const Placement& parent) {
        Scene scene;
        scene.id = n.value("id");
        if (scene.id.empty()) scene.id = n.name == "scene" ? "scene-" + std::to_string(show_.scenes.size() + 1) : n.name;
        scene.title = n.value("title");
        scene.where = n.where;
        scene.begin = begin;
        scene.end = end;
        scene.transitionIn = defaultTransition_;
        if (auto tr = parseTransition(n.value("transition"))) scene.transitionIn = *tr;
        scene.background = show_.background;
        if (auto c = parseColor(n.value("background"))) scene.background = *c;
        if (scene.transitionIn.duration > end - begin) {
            diagnostics_.warning(n.where, "transition-too-long",
                                 "the transition (" + formatTime(scene.transitionIn.duration) +
                                     ") is longer than the scene (" + formatTime(end - begin) + ")",
                                 "shorten the transition or lengthen the scene");
        }
        int index = static_cast<int>(show_.scenes.size());
        show_.scenes.push_back(std::move(scene));
        // Most of a scene's items are its own children: one allocation instead of a dozen.
        show_.scenes.back().items.reserve(n.children.size());
        Placement inner{begin, end, index, parent.area};
        if (n.tag == Tag::Advisory || n.tag == Tag::Credits)
            addCentredText(n, inner);
        else
            placeChildren(n, inner);
    }

    // Advisories and credits are scenes whose one text is generated from their children.
    void addCentredText(const ScriptNode& n, const Placement& p) {
        Item& item = show_.items.emplace_back();  // built in place: an Item is large
        item.kind = ItemKind::Text;
        item.id = n.value("id");
        item.where = n.where;
        item.scene = p.scene;
        item.begin = p.begin;
        item.activeEnd = item.end = p.end;
        item.area = p.area;  // the canvas: the layout check measures what the box may use against it
        std::string styleName = n.value("style", styles_.count(n.name) ? n.name : "");
        item.style = styleResolver_->resolve(styleName, n.where);
        if (!n.attribute("style") && !styles_.count(n.name)) {
            item.style.align = TextStyle::Align::Center;
            item.style.valign = TextStyle::VAlign::Middle;
        }
        double mx = show_.canvas.width * kCentredMarginFraction, my = show_.canvas.height * kCentredMarginFraction;
        item.box = Rect{mx, my, show_.canvas.width - 2 * mx, show_.canvas.height - 2 * my};
        if (std::string title = n.value("title"); !title.empty())
            item.paragraphs.push_back(TextParagraph{{TextRun{title, true, false, {}}}, {}});
        if (n.tag == Tag::Credits) {
            item.rolls = true;
            item.headingParagraphs = static_cast<int>(item.paragraphs.size());
            for (const auto& entry : n.children) {
                if (entry.tag != Tag::Entry) continue;
                TextParagraph para;
                if (std::string role = entry.value("role"); !role.empty())
                    para.runs.push_back(TextRun{role + "\n", false, true, {}});
                appendRuns(entry, para, false, false, {});
                trimParagraph(para);
                item.paragraphs.push_back(std::move(para));
            }
        } else {
            collectParagraphs(n, item.paragraphs);
        }
        item.fadeIn = item.fadeOut = 0;
        addItem(item);
    }

    // Files the item, just built at the back of show_.items, under its scene.
    void addItem(const Item& item) {
        int index = static_cast<int>(show_.items.size()) - 1;
        warnAboutItem(item, readingPace_, diagnostics_);
        if (item.scene >= 0)
            show_.scenes[item.scene].items.push_back(index);
        else
            show_.unscoped.push_back(index);
    }

    static ItemKind kindOf(Tag t) {
        switch (t) {
            case Tag::Image: return ItemKind::Image;
            case Tag::Video: return ItemKind::Video;
            case Tag::Audio: return ItemKind::Audio;
            case Tag::Map: return ItemKind::Map;
            default: return ItemKind::Text;
        }
    }

    // ---- element contents ---------------------------------------------------------------------
    void fillItem(Item& item, const ScriptNode& n, const Rect& area) {
        item.area = layoutArea(n, area);
        item.box = layoutBox(n, item.area);
        if (auto o = parseNumber(n.view("opacity"))) item.opacity = std::clamp(*o, 0.0, 1.0);
        Micros fade = parseTimeValue(n.view("fade")).value_or(0);
        item.fadeIn = parseTimeValue(n.view("fade-in")).value_or(fade);
        item.fadeOut = parseTimeValue(n.view("fade-out")).value_or(fade);
        item.credit = n.value("credit");
        item.source = n.value("source");
        // Texts (most of any exhibit) have none of the media attributes: do not look for them.
        if (item.kind != ItemKind::Text) fillMedia(item, n);
        if (item.kind == ItemKind::Text) {
            item.style = styleResolver_->resolve(n.view("style"), n.where);
            collectParagraphs(n, item.paragraphs);
        }
        if (item.kind == ItemKind::Map) item.map = compiledMap(n, item.src);
        if (item.kind == ItemKind::Image && item.src.empty() && item.placeholder.empty())
            diagnostics_.error(n.where, "missing-attribute", "<image> needs src or placeholder",
                               "name the file, or write placeholder=\"what belongs here\"");
        if ((item.kind == ItemKind::Video || item.kind == ItemKind::Audio) && item.src.empty())
            diagnostics_.error(n.where, "missing-attribute", "<" + std::string(n.name) + "> needs src");
        for (const auto& c : n.children)
            if (c.tag == Tag::Animate)
                if (auto a = readAnimation(c, item.end - item.begin, show_.canvas, diagnostics_)) item.animations.push_back(*a);
    }

    // The element's map, compiled once however many items it becomes.
    std::shared_ptr<const map::CompiledMap> compiledMap(const ScriptNode& n, const std::string& src) {
        if (!options_.compileMap) return nullptr;
        auto [it, inserted] = compiledMaps_.try_emplace(&n);
        if (inserted) it->second = options_.compileMap(n, src, diagnostics_);
        return it->second;
    }

    void fillMedia(Item& item, const ScriptNode& n) {
        if (std::string src = n.value("src"); !src.empty()) item.src = resolvePath(n, src).string();
        if (std::string cap = n.value("captions"); !cap.empty()) item.captions = resolvePath(n, cap).string();
        if (std::string cap = n.value("second-captions"); !cap.empty()) item.secondCaptions = resolvePath(n, cap).string();
        item.clipIn = parseTimeValue(n.view("in")).value_or(0);
        if (auto out = parseTimeValue(n.view("out"))) item.clipOut = *out;
        if (const ScriptAttribute* in = n.attribute("in"); in && item.clipOut >= 0 && item.clipOut <= item.clipIn)
            diagnostics_.error(in->where, "out-before-in", "the clip's out point is not after its in point");
        item.loop = parseBool(n.view("loop")).value_or(false);
        if (auto v = parseNumber(n.view("volume"))) item.volume = std::clamp(*v, 0.0, 1.0);
        if (auto d = parseNumber(n.view("duck"))) item.duck = std::clamp(*d, 0.0, 1.0);
        std::string_view role = n.view("role", "speech");
        item.role = role == "bed" ? AudioRole::Bed : role == "effect" ? AudioRole::Effect : AudioRole::Speech;
        std::string_view fit = n.view("fit", "contain");
        item.fit = fit == "cover" ? Fit::Cover : fit == "fill" ? Fit::Fill : fit == "none" ? Fit::None : Fit::Contain;
        item.placeholder = n.value("placeholder");
        if (auto pz = panZoom(n.view("panzoom"))) {
            item.hasPanZoom = true;
            item.panFrom = normalised(pz->from);
            item.panTo = normalised(pz->to);
            item.panEasing = parseEasing(n.view("panzoom-easing", "sine-in-out")).value_or(linearEasing());
        }
    }

    // Pan-zoom rectangles are fractions of the image; px are read against a nominal 100% = 1.
    static Rect normalised(const LengthRect& r) {
        auto f = [](const Length& l) { return l.percent ? l.value / 100.0 : l.value; };
        return Rect{f(r.x), f(r.y), f(r.width), f(r.height)};
    }

    fs::path resolvePath(const ScriptNode& n, const std::string& path) const {
        fs::path p(path);
        if (p.is_absolute()) return p;
        return (fs::path(n.where.file).parent_path() / p).lexically_normal();
    }

    // The rectangle an element is laid out in: `canvasArea`, or its region of it.
    Rect layoutArea(const ScriptNode& n, const Rect& canvasArea) {
        Rect area = canvasArea;
        if (std::string_view region = n.view("region"); !region.empty()) {
            auto it = regions_.find(region);
            if (it != regions_.end()) {
                const RegionLengths& r = regionLengths(*it->second);
                area.x = canvasArea.x + r.x.resolve(canvasArea.width);
                area.y = canvasArea.y + r.y.resolve(canvasArea.height);
                area.width = r.width.resolve(canvasArea.width);
                area.height = r.height.resolve(canvasArea.height);
            }
        }
        return area;
    }

    Rect layoutBox(const ScriptNode& n, const Rect& area) {
        const AnchorPoint anchor = parseAnchor(n.view("anchor", "top-left"));
        const double ax = anchor.x, ay = anchor.y;
        Rect box;
        box.width = lengthOr(n, "width", Length{100, true}).resolve(area.width);
        box.height = lengthOr(n, "height", Length{100, true}).resolve(area.height);
        double px = n.attribute("x") ? parseLength(n.view("x")).value_or(Length{}).resolve(area.width) : ax * area.width;
        double py = n.attribute("y") ? parseLength(n.view("y")).value_or(Length{}).resolve(area.height) : ay * area.height;
        box.x = area.x + px - ax * box.width;
        box.y = area.y + py - ay * box.height;
        return box;
    }

    // The attribute as a length, or `fallback` when it is absent or unreadable (the validator
    // has reported the latter).
    static Length lengthOr(const ScriptNode& n, std::string_view name, Length fallback) {
        const ScriptAttribute* a = n.attribute(name);
        return a ? parseLength(a->value).value_or(fallback) : fallback;
    }

    // A region's rectangle as written; read once however many elements use it.
    struct RegionLengths {
        Length x, y, width, height;
    };
    const RegionLengths& regionLengths(const ScriptNode& region) {
        auto cached = regionLengths_.find(&region);
        if (cached != regionLengths_.end()) return cached->second;
        RegionLengths r{lengthOr(region, "x", Length{}), lengthOr(region, "y", Length{}),
                        lengthOr(region, "width", Length{100, true}), lengthOr(region, "height", Length{100, true})};
        return regionLengths_.emplace(&region, r).first->second;
    }

    const Script& script_;
    Diagnostics& diagnostics_;
    const CompileOptions& options_;
    Show show_;
    Micros defaultDur_ = kDefaultDuration;
    TransitionSpec defaultTransition_;
    double readingPace_ = kDefaultReadingPace;
    std::map<std::string, const ScriptNode*, std::less<>> styles_, regions_;
    std::unordered_map<const ScriptNode*, RegionLengths> regionLengths_;
    // By ScriptNode::index: looked up several times for each of thousands of elements.
    std::vector<Timing> timings_;
    std::unordered_map<std::string_view, std::optional<PanZoomSpec>> panZooms_;
    std::optional<StyleResolver> styleResolver_;  // made once the styles are collected
    std::unordered_map<const ScriptNode*, std::shared_ptr<const map::CompiledMap>> compiledMaps_;
};

}  // namespace

Show compileShow(const Script& script, Diagnostics& diagnostics, const CompileOptions& options) {
    return Compiler(script, diagnostics, options).run();
}

int Show::sceneAt(Micros t) const {
    auto it = std::upper_bound(scenes.begin(), scenes.end(), t, [](Micros v, const Scene& s) { return v < s.begin; });
    if (it == scenes.begin()) return -1;
    --it;
    return t < it->end ? static_cast<int>(it - scenes.begin()) : -1;
}

int Show::sceneById(const std::string& id) const {
    for (size_t i = 0; i < scenes.size(); ++i)
        if (scenes[i].id == id) return static_cast<int>(i);
    return -1;
}

}  // namespace vitrine
