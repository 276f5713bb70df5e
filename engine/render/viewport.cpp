#include "render/viewport.h"

#include <algorithm>
#include <cmath>

namespace vitrine::render {

Viewport Viewport::fit(double cw, double ch, double ow, double oh) {
    Viewport v;
    if (cw <= 0 || ch <= 0) return v;
    v.scale = std::min(ow / cw, oh / ch);
    v.width = std::round(cw * v.scale);
    v.height = std::round(ch * v.scale);
    // Whole-pixel offsets keep text crisp.
    v.offsetX = std::floor((ow - v.width) / 2);
    v.offsetY = std::floor((oh - v.height) / 2);
    return v;
}

}  // namespace vitrine::render
