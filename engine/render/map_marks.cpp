#include "render/map_marks.h"

#include <algorithm>
#include <cmath>

#include "render/map_strokes.h"

namespace vitrine::render {
namespace {

using map::Point2;

// Canvas px, scaled with the output like the rest of the map.
constexpr float kRouteCasing = 3.0f;      // added under a route
constexpr float kMarkerCasing = 2.5f;     // dark rim around a marker
constexpr float kRingWidth = 3.0f;
constexpr float kPulseReach = 3.2f;  // a pulse ring grows to this many marker radii
constexpr float kArrowLengthPerWidth = 4.0f;
constexpr float kMinArrowLength = 16.0f;
constexpr float kArrowHalfWidthRatio = 0.5f;
constexpr float kScaleBarLine = 2.0f;
constexpr float kScaleBarCasing = 2.5f;  // dark edge around the bar
constexpr float kLeaderLine = 1.5f;
constexpr float kLeaderCasing = 1.5f;
constexpr double kLeaderStandOff = 4;  // canvas px left free at the anchor's end

// A canvas point on the output.
sf::Vector2f outputPoint(const Viewport& v, const Point2& canvas) {
    return sf::Vector2f(float(v.offsetX + canvas.x * v.scale), float(v.offsetY + canvas.y * v.scale));
}

}  // namespace

std::vector<sf::Vertex> routeAndMarkerVertices(const map::MapState& s, const Viewport& v, const MapPalette& palette) {
    const float scale = static_cast<float>(v.scale);
    auto toOutput = [&](const Point2& canvas) { return outputPoint(v, canvas); };
    Vertices marks;
    // Routes: a dark casing, the line, and an arrowhead at the drawn end.
    for (const map::RouteState& r : s.routes) {
        std::vector<sf::Vector2f> pts;
        for (const Point2& q : r.line) pts.push_back(toOutput(q));
        float width = std::max(kMinLineWidth, float(r.width) * scale);
        sf::Vector2f tip = toOutput(r.tip), dir(float(r.direction.x), float(r.direction.y)), side(-dir.y, dir.x);
        float arrow = std::max(kMinArrowLength, kArrowLengthPerWidth * float(r.width)) * scale;
        bool withArrow = r.drawnFraction > 0 && r.lengthPx * v.scale > arrow;
        // The line stops inside the arrowhead, so the two never overlap at a sharp tip.
        if (withArrow) {
            while (pts.size() > 1 && std::hypot(pts.back().x - tip.x, pts.back().y - tip.y) < arrow * 0.6f) pts.pop_back();
            pts.push_back(tip - dir * (arrow * 0.6f));
        }
        sf::Vector2f base = tip - dir * arrow;
        std::vector<sf::Vector2f> head{tip, base + side * (arrow * kArrowHalfWidthRatio), base - side * (arrow * kArrowHalfWidthRatio)};
        sf::Color casing = faded(palette.casing, r.opacity);
        sf::Color colour = toSf(r.color, r.opacity);
        strokeLine(marks, pts, width + kRouteCasing * scale, casing);
        if (withArrow) strokeLine(marks, head, kRouteCasing * scale, casing, true);
        strokeLine(marks, pts, width, colour);
        if (withArrow) {
            marks.push_back({head[0], colour});
            marks.push_back({head[1], colour});
            marks.push_back({head[2], colour});
            strokeLine(marks, head, kMinLineWidth, colour, true);
        }
    }
    // Markers above routes.
    const float radius = float(map::MapMetrics::markerRadius) * scale;
    for (const map::MarkerState& m : s.markers) {
        sf::Vector2f c = toOutput(m.at);
        sf::Color colour = toSf(m.color, m.opacity), casing = faded(palette.casing, m.opacity);
        switch (m.shape) {
            case map::MarkerShape::Pulse: {
                float grow = float(m.pulsePhase);
                float r = radius * (1 + (kPulseReach - 1) * grow);
                strokeLine(marks, circle(c, r), kRingWidth * scale * 0.8f, faded(colour, (1 - grow) * (1 - grow)), true);
                [[fallthrough]];
            }
            case map::MarkerShape::Dot:
                fillDisc(marks, c, radius + kMarkerCasing * scale, casing);
                fillDisc(marks, c, radius, colour);
                break;
            case map::MarkerShape::Ring:
                strokeLine(marks, circle(c, radius), (kRingWidth + 2 * kMarkerCasing) * scale, casing, true);
                strokeLine(marks, circle(c, radius), kRingWidth * scale, colour, true);
                fillDisc(marks, c, radius * 0.35f, colour);
                break;
        }
    }
    return marks;
}

std::vector<sf::Vertex> labelLeaderVertices(const map::MapState& s, const Viewport& v, const MapPalette& palette) {
    const float scale = static_cast<float>(v.scale);
    Vertices marks;
    for (const map::LabelState& l : s.labels) {
        if (!l.leader || l.fit == map::LabelFit::NotPlaced) continue;
        // From the label's box edge nearest the place, to just short of the place.
        const Point2 end{std::clamp(l.anchor.x, l.box.x, l.box.x + l.box.width),
                         std::clamp(l.anchor.y, l.box.y, l.box.y + l.box.height)};
        const double length = std::hypot(end.x - l.anchor.x, end.y - l.anchor.y);
        if (length <= kLeaderStandOff) continue;
        const double f = kLeaderStandOff / length;
        const Point2 start{l.anchor.x + f * (end.x - l.anchor.x), l.anchor.y + f * (end.y - l.anchor.y)};
        const std::vector<sf::Vector2f> line{outputPoint(v, start), outputPoint(v, end)};
        const sf::Color colour = l.primary ? palette.label : palette.freeLabel;
        strokeLine(marks, line, (kLeaderLine + 2 * kLeaderCasing) * scale, faded(palette.casing, l.opacity));
        strokeLine(marks, line, kLeaderLine * scale, faded(colour, l.opacity));
    }
    return marks;
}

std::vector<sf::Vertex> scaleBarVertices(const map::MapState& s, const Viewport& v, const MapPalette& palette) {
    const float scale = static_cast<float>(v.scale);
    auto toOutput = [&](const Point2& canvas) { return outputPoint(v, canvas); };
    Vertices marks;
    for (const map::ScaleBarState& b : s.scaleBars) {
        sf::Vector2f start = toOutput(b.start), end = toOutput({b.start.x + b.lengthPx, b.start.y});
        sf::Vector2f tick(0, float(map::MapMetrics::scaleBarTick) * scale);
        std::vector<sf::Vector2f> bar{start - tick, start, end, end - tick};
        strokeLine(marks, bar, (kScaleBarLine + 2 * kScaleBarCasing) * scale, faded(palette.casing, b.opacity));
        strokeLine(marks, bar, kScaleBarLine * scale, toSf(b.color, b.opacity));
    }
    return marks;
}

}  // namespace vitrine::render
