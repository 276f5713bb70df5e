#pragma once
// Where the projected map lands on the canvas: a uniform scale (no stretching)
// and a centre. The canvas is in pixels with y pointing down, as SFML draws.

#include "map/geometry.h"
#include "map/projection.h"

namespace vitrine::map {

/// A rectangle on the canvas in pixels; (x, y) is its top-left corner.
struct CanvasRect {
    double x = 0.0;
    double y = 0.0;
    double width = 0.0;
    double height = 0.0;
};

class MapView {
public:
    /// Shows the whole lon/lat `box`, centred in `canvas`, as large as fits with one scale
    /// for both axes (the spare margin goes to the longer side).
    static MapView fitting(const Projection& projection, Box lonLatBox, CanvasRect canvas);
    /// Centres the lon/lat point `centre`, with `viewWidth` projected units across the canvas.
    static MapView centredOn(const Projection& projection, Point2 centre, double viewWidth,
                             CanvasRect canvas);
    /// Centres the already projected point `centreXY` (what FlyPath::at() gives).
    static MapView centredOnProjected(const Projection& projection, Point2 centreXY, double viewWidth,
                                      CanvasRect canvas);

    /// Canvas pixel of a lon/lat point.
    Point2 toCanvas(Point2 lonLat) const { return projectedToCanvas(projection_.forward(lonLat)); }
    /// Lon/lat point under a canvas pixel.
    Point2 toLonLat(Point2 pixel) const { return projection_.inverse(canvasToProjected(pixel)); }
    /// Canvas pixel of a projected point.
    Point2 projectedToCanvas(Point2 xy) const;
    /// Projected point under a canvas pixel.
    Point2 canvasToProjected(Point2 pixel) const;

    /// The projected point at the canvas centre.
    Point2 centre() const { return centre_; }
    /// Projected units across the canvas width.
    double viewWidth() const { return canvas_.width / pixelsPerUnit_; }
    /// Canvas pixels per projected unit.
    double pixelsPerUnit() const { return pixelsPerUnit_; }
    const Projection& projection() const { return projection_; }
    CanvasRect canvas() const { return canvas_; }

private:
    MapView(const Projection& projection, Point2 centre, double pixelsPerUnit, CanvasRect canvas)
        : projection_(projection), centre_(centre), pixelsPerUnit_(pixelsPerUnit), canvas_(canvas) {}

    Projection projection_;
    Point2 centre_;
    double pixelsPerUnit_;
    CanvasRect canvas_;
};

}  // namespace vitrine::map
