#pragma once
// Where the design canvas lands on an output: scaled to fit, aspect kept, letterboxed.

namespace vitrine::render {

/// The canvas's placement on an output of a given size, in output pixels.
struct Viewport {
    double scale = 1;            // canvas px → output px
    double offsetX = 0, offsetY = 0;
    double width = 0, height = 0;  // the canvas's size on the output

    /// Fits a canvas of cw×ch into an output of ow×oh, centred.
    static Viewport fit(double cw, double ch, double ow, double oh);
};

}  // namespace vitrine::render
