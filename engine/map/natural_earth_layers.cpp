#include "map/natural_earth_layers.h"

#include <string>
#include <system_error>

namespace vitrine::map {

std::optional<MapDataSource> naturalEarthLayer(MapDataLayer::Kind kind, const MapScene& scene,
                                               const std::optional<Box>& dataBounds,
                                               const std::filesystem::path& mapsDirectory) {
    if (kind == MapDataLayer::Kind::Own) return std::nullopt;
    const Box world{-180, -90, 180, 90};
    const Box first = scene.view ? *scene.view : dataBounds && dataBounds->valid() ? *dataBounds : world;
    const MapScale scale = scaleFor(finestKilometresPerPixel(scene, first));
    if (kind == MapDataLayer::Kind::Coastline) {
        auto file = naturalEarthCountries(mapsDirectory, scale);
        if (!file) return std::nullopt;
        return MapDataSource{*file, "land", reach(scene, first)};
    }
    const MapScale physical = scale == MapScale::Fine10m ? MapScale::Medium50m : scale;
    const std::filesystem::path file =
        mapsDirectory / "natural-earth" / ("physical-" + std::string(scaleName(physical)) + ".json");
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) return std::nullopt;
    return MapDataSource{file, kind == MapDataLayer::Kind::Lakes ? "lakes" : "rivers", reach(scene, first)};
}

}  // namespace vitrine::map
