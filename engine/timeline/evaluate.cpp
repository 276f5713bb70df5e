#include "timeline/evaluate.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "timeline/show_position.h"

namespace vitrine {
namespace {

double ratio(Micros part, Micros whole) {
    if (whole <= 0) return 1;
    return std::clamp(static_cast<double>(part) / static_cast<double>(whole), 0.0, 1.0);
}

double lerp(double a, double b, double p) { return a + (b - a) * p; }

Rect lerpRect(const Rect& a, const Rect& b, double p) {
    return Rect{lerp(a.x, b.x, p), lerp(a.y, b.y, p), lerp(a.width, b.width, p), lerp(a.height, b.height, p)};
}

// Progress of an animation at item-local time `local`, or nullopt when it does not apply.
std::optional<double> animationProgress(const Animation& a, Micros local) {
    if (local < a.begin) return std::nullopt;
    Micros into = local - a.begin;
    if (a.duration <= 0) return a.freeze ? std::optional(1.0) : std::nullopt;
    double total = static_cast<double>(a.duration) * a.repeat;
    if (static_cast<double>(into) >= total) {
        if (!a.freeze) return std::nullopt;
        return 1.0;
    }
    Micros within = into % a.duration;
    return a.easing.apply(ratio(within, a.duration));
}

void applyAnimation(const Animation& a, double p, DrawItem& d) {
    switch (a.property) {
        case AnimatedProperty::Opacity: d.opacity = std::clamp(lerp(a.from[0], a.to[0], p), 0.0, 1.0); break;
        case AnimatedProperty::X: d.box.x = lerp(a.from[0], a.to[0], p); break;
        case AnimatedProperty::Y: d.box.y = lerp(a.from[0], a.to[0], p); break;
        case AnimatedProperty::Scale: d.scale = lerp(a.from[0], a.to[0], p); break;
        case AnimatedProperty::Rotation: d.rotation = lerp(a.from[0], a.to[0], p); break;
        case AnimatedProperty::Color: {
            auto channel = [&](int i) {
                return static_cast<std::uint8_t>(std::clamp(std::lround(lerp(a.from[i], a.to[i], p)), 0L, 255L));
            };
            d.color = Color{channel(0), channel(1), channel(2), channel(3)};
            break;
        }
    }
}

// Where the media file is at item-local time `local`.
Micros mediaPosition(const Item& item, Micros local) {
    Micros position = item.clipIn + local;
    if (item.loop && item.clipOut && *item.clipOut > item.clipIn) {
        Micros length = *item.clipOut - item.clipIn;
        position = item.clipIn + local % length;
    } else if (item.clipOut) {
        position = std::min(position, *item.clipOut);
    }
    return position;
}

struct TransitionState {
    double incoming = 1, outgoing = 0;
    double inX = 0, inY = 0, outX = 0, outY = 0;
    bool active = false;
};

TransitionState transitionAt(const Show& show, const Scene& scene, Micros t) {
    TransitionState s;
    const TransitionSpec& tr = scene.transitionIn;
    if (tr.kind == TransitionSpec::Kind::Cut || tr.duration <= 0 || t >= scene.begin + tr.duration) return s;
    s.active = true;
    double p = tr.easing.apply(ratio(t - scene.begin, tr.duration));
    double w = show.canvas.width, h = show.canvas.height;
    switch (tr.kind) {
        case TransitionSpec::Kind::Cut: break;
        case TransitionSpec::Kind::Fade:
            // The incoming layer is blended over the outgoing one, so the outgoing stays opaque.
            s.incoming = p;
            s.outgoing = 1;
            break;
        case TransitionSpec::Kind::Dip:
            s.outgoing = p < 0.5 ? 1 - 2 * p : 0;
            s.incoming = p < 0.5 ? 0 : 2 * p - 1;
            break;
        case TransitionSpec::Kind::SlideLeft:
            s.outgoing = 1, s.outX = -p * w, s.inX = (1 - p) * w;
            break;
        case TransitionSpec::Kind::SlideRight:
            s.outgoing = 1, s.outX = p * w, s.inX = -(1 - p) * w;
            break;
        case TransitionSpec::Kind::SlideUp:
            s.outgoing = 1, s.outY = -p * h, s.inY = (1 - p) * h;
            break;
        case TransitionSpec::Kind::SlideDown:
            s.outgoing = 1, s.outY = p * h, s.inY = -(1 - p) * h;
            break;
    }
    return s;
}

Layer sceneLayer(const Show& show, int sceneIndex, Micros t) {
    const Scene& scene = show.scenes[sceneIndex];
    Layer layer;
    layer.scene = sceneIndex;
    layer.background = scene.background;
    for (int index : scene.items)
        if (auto d = evaluateItem(show, index, t)) layer.draws.push_back(*d);
    return layer;
}

}  // namespace

std::optional<DrawItem> evaluateItem(const Show& show, int index, Micros t) {
    const Item& item = show.items[index];
    if (t < item.begin || t >= item.end) return std::nullopt;
    DrawItem d;
    d.item = index;
    d.box = item.box;
    d.color = item.style.color;
    Micros elapsed = std::min(t, item.activeEnd) - item.begin;  // frozen after the active end
    Micros active = item.activeEnd - item.begin;
    Micros local = elapsed;
    if (item.simpleDuration > 0) {
        local = elapsed % item.simpleDuration;
        // Frozen after a whole number of repeats, SMIL holds the end of the last repeat:
        // not its start (the remainder 0), nor the active duration past the clip's end.
        if (t >= item.activeEnd && local == 0 && elapsed > 0) local = item.simpleDuration;
    }
    d.localTime = local;
    d.progress = ratio(elapsed, active);
    d.mediaTime = mediaPosition(item, local);

    double opacity = item.opacity;
    d.opacity = opacity;
    for (const auto& a : item.animations)
        if (auto p = animationProgress(a, local)) applyAnimation(a, *p, d);
    double fade = 1;
    if (item.fadeIn > 0) fade *= ratio(t - item.begin, item.fadeIn);
    if (item.fadeOut > 0) fade *= ratio(item.end - t, item.fadeOut);
    d.opacity *= fade;

    if (item.hasPanZoom) d.panZoom = lerpRect(item.panFrom, item.panTo, item.panEasing.apply(d.progress));
    return d;
}

namespace {

// The scene shown before `scene` as it comes in, held at its end, or -1 (a gap before it,
// or the first scene of a first pass). After a loop the first scene follows the last one,
// when the show ends with it: the seam is a scene change like any other.
int sceneBefore(const Show& show, int scene, bool afterLoop) {
    if (scene > 0) return show.scenes[scene - 1].end == show.scenes[scene].begin ? scene - 1 : -1;
    const int last = static_cast<int>(show.scenes.size()) - 1;
    if (afterLoop && last > 0 && show.scenes[0].begin == 0 && show.scenes[last].end == show.duration) return last;
    return -1;
}

Frame evaluateIn(const Show& show, Micros t, bool afterLoop) {
    Frame frame;
    frame.t = t;
    frame.background = show.background;
    if (t < 0 || t >= show.duration) return frame;

    frame.scene = show.sceneAt(t);
    if (frame.scene >= 0) {
        const Scene& scene = show.scenes[frame.scene];
        TransitionState tr = transitionAt(show, scene, t);
        const int before = tr.active ? sceneBefore(show, frame.scene, afterLoop) : -1;
        if (before >= 0 && tr.outgoing > 0) {
            // The outgoing scene holds its last state while it is replaced.
            Layer out = sceneLayer(show, before, show.scenes[before].end - 1);
            out.opacity = tr.outgoing;
            out.offsetX = tr.outX;
            out.offsetY = tr.outY;
            out.held = true;
            frame.layers.push_back(std::move(out));
        }
        Layer in = sceneLayer(show, frame.scene, t);
        in.opacity = tr.incoming;
        in.offsetX = tr.inX;
        in.offsetY = tr.inY;
        if (in.opacity > 0) frame.layers.push_back(std::move(in));
    }
    if (!show.unscoped.empty()) {
        Layer overlay;
        for (int index : show.unscoped)
            if (auto d = evaluateItem(show, index, t)) overlay.draws.push_back(*d);
        if (!overlay.draws.empty()) frame.layers.push_back(std::move(overlay));
    }

    for (const Layer& layer : frame.layers) {
        if (layer.held) continue;  // a scene held at its end is silent, as frozen media is
        for (const DrawItem& d : layer.draws) {
            const Item& item = show.items[d.item];
            if (item.kind == ItemKind::Audio || (item.kind == ItemKind::Video && item.volume > 0)) {
                if (t >= item.activeEnd) continue;  // frozen media is silent
                frame.audio.push_back(AudioCue{d.item, d.mediaTime, item.volume * d.opacity});
            }
        }
    }
    return frame;
}

}  // namespace

Frame evaluate(const Show& show, Micros t) { return evaluateIn(show, t, false); }

Frame evaluateLooping(const Show& show, Micros t) {
    // A time before 0 wraps to the end of the show, as the player's clock does.
    return evaluateIn(show, wrapTime(show, t), t >= show.duration);
}

std::vector<ShowEvent> eventsIn(const Show& show, Micros from, Micros to) {
    std::vector<ShowEvent> events;
    if (to <= from) return events;
    auto inside = [&](Micros at) { return at >= from && at < to; };
    for (size_t i = 0; i < show.scenes.size(); ++i)
        if (inside(show.scenes[i].begin)) events.push_back({ShowEvent::Kind::SceneStart, show.scenes[i].begin, int(i)});
    for (size_t i = 0; i < show.items.size(); ++i) {
        if (inside(show.items[i].begin)) events.push_back({ShowEvent::Kind::ItemStart, show.items[i].begin, int(i)});
        if (inside(show.items[i].end)) events.push_back({ShowEvent::Kind::ItemEnd, show.items[i].end, int(i)});
    }
    std::stable_sort(events.begin(), events.end(), [](const ShowEvent& a, const ShowEvent& b) { return a.at < b.at; });
    return events;
}

}  // namespace vitrine
