#include "render/layer_plan.h"

namespace vitrine::render {
namespace {

// Pairwise overlap tests grow with the square of the count; a layer with more visible
// parts than this is composited offscreen rather than checked.
constexpr std::size_t kMaxPartsChecked = 32;
constexpr std::uint8_t kOpaque = 255;

bool sameRgb(const Color& a, const Color& b) { return a.r == b.r && a.g == b.g && a.b == b.b; }

}  // namespace

LayerPlan planLayer(const std::vector<Footprint>& draws, bool hasBackground, const Color& background,
                    const std::optional<Color>& underneath, const sf::FloatRect& canvas) {
    LayerPlan plan;
    bool covered = false;
    for (std::size_t i = draws.size(); i-- > 0;) {
        if (!draws[i].empty && draws[i].coversCanvas) {
            plan.first = i;
            covered = true;
            break;
        }
    }
    const bool painted = hasBackground && background.a > 0;
    // A background the same colour as a uniform canvas beneath it changes no pixel,
    // whatever its alpha or the layer's opacity.
    plan.fill = painted && !covered && !(underneath && sameRgb(*underneath, background));
    plan.opaque = covered || (hasBackground && background.a == kOpaque);

    std::vector<sf::FloatRect> parts;
    bool separable = true;
    if (plan.fill) parts.push_back(canvas);
    for (std::size_t i = plan.first; i < draws.size(); ++i) {
        if (draws[i].empty) continue;
        ++plan.visibleItems;
        if (!draws[i].bounds) separable = false;
        else parts.push_back(*draws[i].bounds);
    }
    if (separable && parts.size() <= kMaxPartsChecked) {
        for (std::size_t a = 0; a < parts.size() && separable; ++a)
            for (std::size_t b = a + 1; b < parts.size() && separable; ++b)
                if (parts[a].intersects(parts[b])) separable = false;
    } else {
        separable = false;
    }
    plan.perItem = separable;
    return plan;
}

std::optional<Color> uniformAfter(const LayerPlan& plan, double opacity, const Color& background,
                                  const std::optional<Color>& underneath) {
    if (!plan.drawsSomething()) return underneath;
    // Only the fill, and no items: the canvas is the background if it painted over everything.
    if (plan.visibleItems == 0 && opacity >= 1 && background.a == kOpaque) return background;
    return std::nullopt;
}

}  // namespace vitrine::render
