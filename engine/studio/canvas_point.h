#pragma once
// A point on the exhibit's canvas, in canvas pixels: where the pointer is on the preview,
// where an item is dropped, what a drag moves by.

namespace vitrine::studio {

struct CanvasPoint {
    double x = 0, y = 0;
};

}  // namespace vitrine::studio
