#pragma once
// Which way of turning decoded YUV 4:2:0 pictures into pixels on screen is cheaper here:
// swscale to RGBA on the CPU and one RGBA upload, or the three planes uploaded as they are
// and converted by a fragment shader while drawing. Both paths draw the frame full size
// and wait for it, so each figure is the whole cost of one frame on screen.

namespace vitrine::bench {

struct ConversionCosts {
    double swscaleMs = 0;  // median per frame: swscale + RGBA upload + draw
    double shaderMs = 0;   // median per frame: planes upload + shader draw
    bool shaderAvailable = false;
};

/// Measures both paths on 1920x1080 frames; needs a GL context (an X display).
ConversionCosts measureConversionPaths();

}  // namespace vitrine::bench
