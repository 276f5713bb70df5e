#include "timeline/compile.h"

#include <algorithm>
#include <cmath>

#include "script/values.h"
#include "timeline/designer_warnings.h"
#include "timeline/item_contents.h"
#include "timeline/reduced_motion.h"
#include "timeline/timing_attributes.h"

namespace vitrine {
namespace {

namespace fs = std::filesystem;

bool isContainer(Tag t) {
    return t == Tag::Exhibit || t == Tag::Fragment || t == Tag::Seq || t == Tag::Par || t == Tag::Scene ||
           t == Tag::Advisory || t == Tag::Credits;
}
bool isSequential(Tag t) { return t == Tag::Exhibit || t == Tag::Seq; }
bool isSceneLike(Tag t) { return t == Tag::Scene || t == Tag::Advisory || t == Tag::Credits; }
bool isLeaf(Tag t) {
    return t == Tag::Text || t == Tag::Image || t == Tag::Video || t == Tag::Audio || t == Tag::Map || t == Tag::VisitorCode;
}
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
        show_.reducedMotion = options_.reducedMotion;
        readingPace_ = options_.readingPace > 0 ? options_.readingPace : kDefaultReadingPace;
        if (options_.readingPace <= 0)
            if (auto p = parseNumber(root.value("reading-pace")); p && *p > 0) readingPace_ = *p;
        collectDeclarations(root);
        contents_.emplace(styles_, regions_, show_.canvas, options_, diagnostics_);
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
            auto d = options_.mediaDuration(resolveElementPath(n, n.value("src")));
            if (!d) return std::nullopt;
            return std::max<Micros>(0, *d - in);
        }
        if (isSequential(n.tag)) {
            Micros sum = 0;
            for (const auto& c : n.children)
                if (isTimed(c) && !isDescription(c)) sum += timing(c).beginOffset + measure(c).value_or(defaultDur_);
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
            // An audio description reads what the sequence shows: it plays beside it from its
            // start (a whole show's described track is one <audio> in <exhibit>), not after it.
            const bool inTurn = sequential && !isDescription(c);
            Micros begin = (inTurn ? cursor : p.begin) + t.beginOffset;
            std::optional<Micros> active = measure(c);
            if (inTurn && !active) active = defaultDur_;
            Micros activeEnd = active ? std::min(begin + *active, p.end) : p.end;
            Micros end = t.freeze ? p.end : activeEnd;
            if (inTurn) cursor = active ? begin + *active : p.end;
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
        contents_->fill(item, n, parent.area);
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
        if (options_.reducedMotion) scene.transitionIn = stillTransition(scene.transitionIn);
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
        contents_->fillCentredText(item, n);
        item.fadeIn = item.fadeOut = 0;
        addItem(item);
    }

    // Files the item, just built at the back of show_.items, under its scene.
    void addItem(Item& item) {
        int index = static_cast<int>(show_.items.size()) - 1;
        if (options_.reducedMotion) holdStill(item);
        warnAboutItem(item, readingPace_, show_.languages.empty() ? std::string() : show_.languages.front(), diagnostics_);
        show_.drawingOrderOf(index).push_back(index);
    }

    static ItemKind kindOf(Tag t) {
        switch (t) {
            case Tag::Image: return ItemKind::Image;
            case Tag::Video: return ItemKind::Video;
            case Tag::Audio: return ItemKind::Audio;
            case Tag::Map: return ItemKind::Map;
            case Tag::VisitorCode: return ItemKind::VisitorCode;
            default: return ItemKind::Text;
        }
    }

    const Script& script_;
    Diagnostics& diagnostics_;
    const CompileOptions& options_;
    Show show_;
    Micros defaultDur_ = kDefaultDuration;
    TransitionSpec defaultTransition_;
    double readingPace_ = kDefaultReadingPace;
    ElementsById styles_, regions_;
    // By ScriptNode::index: looked up several times for each of thousands of elements.
    std::vector<Timing> timings_;
    std::optional<ItemContents> contents_;  // made once the styles and regions are collected
};

}  // namespace

Show compileShow(const Script& script, Diagnostics& diagnostics, const CompileOptions& options) {
    return Compiler(script, diagnostics, options).run();
}

}  // namespace vitrine
