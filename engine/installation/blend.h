#pragma once
// Soft-edge blending: where two projectors overlap, each fades its image so that the
// light they add up to is even. The ramp is computed in light (linear), then encoded
// with the projector's gamma, because pixel values are not light.

namespace vitrine::installation {

/// One edge's blend zone.
struct BlendEdge {
    double width = 0;   // output pixels from the edge inward; 0 = no blend on this edge
    double curve = 2;   // ramp exponent: 1 = linear, higher = flatter in the middle of the zone
    double gamma = 2.2; // the projector's gamma, to turn light into pixel values
    friend bool operator==(const BlendEdge&, const BlendEdge&) = default;
};

/// The four edges of one output.
struct Blend {
    BlendEdge left, right, top, bottom;
    friend bool operator==(const Blend&, const Blend&) = default;
};

/// Light fraction (0..1) at `distance` pixels in from an edge with zone `edge`, before
/// gamma: a symmetric power curve, so two overlapping ramps add to exactly 1.
double blendLight(const BlendEdge& edge, double distance);

/// The pixel multiplier (0..1) at `distance` from the edge: blendLight()^(1/gamma).
double blendFactor(const BlendEdge& edge, double distance);

/// The pixel multiplier at (x, y) of a width×height output: the product of all edges.
double blendFactorAt(const Blend& blend, double x, double y, double width, double height);

/// Whether (x, y) lies outside every blend zone: only there is the black level lifted,
/// to match the doubled projector black inside the overlap.
bool outsideBlendZones(const Blend& blend, double x, double y, double width, double height);

/// A pixel value after blending and black-level lift: lift + (1 − lift)·value·factor,
/// with `lift` the black level where outsideBlendZones() and 0 elsewhere.
double blendedValue(double value, double factor, double blackLevel, bool lifted);

}  // namespace vitrine::installation
