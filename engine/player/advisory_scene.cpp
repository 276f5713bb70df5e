#include "player/advisory_scene.h"

#include <functional>
#include <limits>

namespace vitrine {

std::optional<Micros> advisoryStart(const Script& script, const Show& show) {
    // Scenes keep the place they were written: match the <advisory> elements' places.
    Micros first = std::numeric_limits<Micros>::max();
    std::function<void(const ScriptNode&)> visit = [&](const ScriptNode& n) {
        if (n.name == "advisory")
            for (const auto& scene : show.scenes)
                if (scene.where.file == n.where.file && scene.where.line == n.where.line &&
                    scene.where.column == n.where.column)
                    first = std::min(first, scene.begin);
        for (const auto& c : n.children) visit(c);
    };
    visit(script.root);
    if (first == std::numeric_limits<Micros>::max()) return std::nullopt;
    return first;
}

}  // namespace vitrine
