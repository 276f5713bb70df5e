#include "map/map_view.h"

#include <algorithm>
#include <limits>

namespace vitrine::map {

namespace {

// Parallels and meridians curve under conic projections, so the projected
// extent of a lon/lat box is found by walking its edges, not its corners.
constexpr int samplesPerEdge = 64;

Box projectedBounds(const Projection& projection, Box box) {
    constexpr double inf = std::numeric_limits<double>::infinity();
    Box out{inf, inf, -inf, -inf};
    auto take = [&](double lon, double lat) {
        const Point2 p = projection.forward({lon, lat});
        out.west = std::min(out.west, p.x);
        out.east = std::max(out.east, p.x);
        out.south = std::min(out.south, p.y);
        out.north = std::max(out.north, p.y);
    };
    for (int i = 0; i <= samplesPerEdge; ++i) {
        const double t = static_cast<double>(i) / samplesPerEdge;
        const double lon = box.west + t * (box.east - box.west);
        const double lat = box.south + t * (box.north - box.south);
        take(lon, box.south);
        take(lon, box.north);
        take(box.west, lat);
        take(box.east, lat);
    }
    return out;
}

}  // namespace

MapView MapView::fitting(const Projection& projection, Box lonLatBox, CanvasRect canvas) {
    const Box b = projectedBounds(projection, lonLatBox);
    const double width = std::max(b.east - b.west, std::numeric_limits<double>::min());
    const double height = std::max(b.north - b.south, std::numeric_limits<double>::min());
    const double scale = std::min(canvas.width / width, canvas.height / height);
    return MapView(projection, {(b.west + b.east) / 2.0, (b.south + b.north) / 2.0}, scale, canvas);
}

MapView MapView::centredOn(const Projection& projection, Point2 centre, double viewWidth,
                           CanvasRect canvas) {
    return centredOnProjected(projection, projection.forward(centre), viewWidth, canvas);
}

MapView MapView::centredOnProjected(const Projection& projection, Point2 centreXY, double viewWidth,
                                    CanvasRect canvas) {
    const double width = std::max(viewWidth, std::numeric_limits<double>::min());
    return MapView(projection, centreXY, canvas.width / width, canvas);
}

Point2 MapView::projectedToCanvas(Point2 xy) const {
    return {canvas_.x + canvas_.width / 2.0 + (xy.x - centre_.x) * pixelsPerUnit_,
            canvas_.y + canvas_.height / 2.0 - (xy.y - centre_.y) * pixelsPerUnit_};
}

Point2 MapView::canvasToProjected(Point2 pixel) const {
    return {centre_.x + (pixel.x - canvas_.x - canvas_.width / 2.0) / pixelsPerUnit_,
            centre_.y - (pixel.y - canvas_.y - canvas_.height / 2.0) / pixelsPerUnit_};
}

}  // namespace vitrine::map
