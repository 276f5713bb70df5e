#pragma once
// The smooth zoom-and-pan path of van Wijk & Nuij ("Smooth and efficient zooming
// and panning", IEEE InfoVis 2003), as Mapbox GL's flyTo uses it: the camera
// zooms out while it travels far and back in as it arrives, along the path
// that is shortest in their perceptual metric.

#include "map/geometry.h"

namespace vitrine::map {

/// What a camera shows: the projected centre and the projected width across the canvas.
struct ViewState {
    Point2 centre;
    double width = 0.0;
};

class FlyPath {
public:
    /// Mapbox GL's default curvature: how much the path zooms out to travel (sqrt 2 ≈ 1.42
    /// is van Wijk & Nuij's measured user preference).
    static constexpr double defaultRho = 1.42;

    /// A path from one view to another in projected units; widths must be positive
    /// (others are taken as the smallest positive double).
    FlyPath(Point2 startCentre, double startWidth, Point2 endCentre, double endWidth,
            double rho = defaultRho);

    /// The view at progress `t` in [0, 1] (clamped); at(0) and at(1) are the exact endpoints.
    /// Progress is proportional to the path's perceptual length, so a constant-speed
    /// flight advances t linearly in time.
    ViewState at(double t) const;

    /// The path's length S in van Wijk & Nuij's units (screen widths); a flight of
    /// constant perceived speed V lasts S / V (Mapbox: V = 1.2 per second).
    double length() const { return length_; }

private:
    Point2 c0_, c1_;
    double w0_, w1_;
    double rho_;
    double distance_ = 0.0;   // u1: |c1 − c0|
    double r0_ = 0.0;         // van Wijk & Nuij's r(0)
    double length_ = 0.0;     // S
    bool panless_ = false;    // centres (almost) equal: a pure zoom
};

}  // namespace vitrine::map
