#include "base/safe_area.h"

namespace vitrine {

Rect safeArea(PixelSize canvas, double share) {
    const double w = canvas.width * share, h = canvas.height * share;
    return {(canvas.width - w) / 2, (canvas.height - h) / 2, w, h};
}

}  // namespace vitrine
