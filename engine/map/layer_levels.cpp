#include "map/layer_levels.h"

#include "map/simplify.h"

namespace vitrine::map {

const std::vector<double>& levelTolerances() {
    static const std::vector<double> tolerances{500, 1000, 2000, 4000, 8000, 16000};
    return tolerances;
}

std::vector<std::vector<Point2>> simplifiedRings(const std::vector<std::vector<Point2>>& rings,
                                                 const std::vector<std::vector<Point2>>& projected, double tolerance) {
    std::vector<std::vector<Point2>> out;
    std::vector<char> keep;
    for (std::size_t r = 0; r < rings.size(); ++r) {
        douglasPeucker(projected[r], tolerance, keep);
        std::vector<Point2> kept;
        for (std::size_t i = 0; i < rings[r].size(); ++i)
            if (keep[i]) kept.push_back(rings[r][i]);
        if (kept.size() >= 3) out.push_back(std::move(kept));
        else if (r == 0) return {};  // an exterior smaller than the tolerance: its holes go with it
    }
    return out;
}

void keepUsefulLevels(ProjectedLayer& layer) {
    std::size_t finer = 0;
    for (const LayerFeature& f : layer.features) finer += f.triangles.size();
    std::vector<LayerLevel> kept;
    for (LayerLevel& level : layer.levels) {
        if (level.triangles.size() * 4 > finer * 3) continue;
        finer = level.triangles.size();
        kept.push_back(std::move(level));
    }
    layer.levels = std::move(kept);
}

const LayerLevel* levelFor(const ProjectedLayer& layer, double unitsPerPixel) {
    const LayerLevel* chosen = nullptr;
    for (const LayerLevel& level : layer.levels)
        if (level.tolerance <= kLevelPixels * unitsPerPixel) chosen = &level;
    return chosen;
}

}  // namespace vitrine::map
