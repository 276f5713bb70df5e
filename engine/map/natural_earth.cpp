#include "map/natural_earth.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>
#include <system_error>

namespace vitrine::map {

namespace {

constexpr double kilometresPerDegree = 40075.017 / 360;  // along the equator (WGS 84)
// Half the OGC's 0.28 mm rendering pixel, in km: where a pixel covers S × this, 1:S is fine.
constexpr double halfStandardPixelKm = 0.14e-6;
constexpr double scale110m = 110e6;
constexpr double scale50m = 50e6;

}  // namespace

MapScale scaleFor(double kilometresPerPixel) {
    if (kilometresPerPixel >= scale110m * halfStandardPixelKm) return MapScale::Coarse110m;
    if (kilometresPerPixel >= scale50m * halfStandardPixelKm) return MapScale::Medium50m;
    return MapScale::Fine10m;
}

double kilometresPerPixel(const Box& view, double canvasWidthPx) {
    const double middle = (view.south + view.north) / 2 * std::numbers::pi / 180;
    const double widthKm = std::abs(view.east - view.west) * kilometresPerDegree * std::cos(middle);
    return widthKm / std::max(canvasWidthPx, 1.0);
}

double finestKilometresPerPixel(const MapScene& scene, const Box& firstView, double canvasWidthPx) {
    const double first = kilometresPerPixel(firstView, canvasWidthPx);
    double finest = first;
    for (const MapCameraMove& m : scene.moves) {
        if (m.target == MapCameraMove::Target::Box) {
            finest = std::min(finest, kilometresPerPixel(m.box, canvasWidthPx));
        } else if (m.zoom && *m.zoom > 0) {
            // The flight's destination is projected; the first view's latitude stands for it.
            finest = std::min(finest, first / *m.zoom);
        }
    }
    return finest;
}

std::string_view scaleName(MapScale scale) {
    switch (scale) {
        case MapScale::Fine10m: return "10m";
        case MapScale::Medium50m: return "50m";
        case MapScale::Coarse110m: return "110m";
    }
    return "110m";
}

std::optional<std::filesystem::path> naturalEarthCountries(const std::filesystem::path& mapsDirectory, MapScale scale) {
    const std::filesystem::path file =
        mapsDirectory / "natural-earth" / ("countries-" + std::string(scaleName(scale)) + ".json");
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) return std::nullopt;
    return file;
}

Box reach(const MapScene& scene, const Box& firstView) {
    const Box world{-180, -90, 180, 90};
    Box r = firstView;
    auto add = [&r](const Box& b) {
        r = {std::min(r.west, b.west), std::min(r.south, b.south), std::max(r.east, b.east), std::max(r.north, b.north)};
    };
    const double firstWidth = firstView.east - firstView.west, firstHeight = firstView.north - firstView.south;
    for (const MapCameraMove& m : scene.moves) {
        if (m.target == MapCameraMove::Target::Box) {
            add(m.box);
            continue;
        }
        const Point2 to = scene.projection.inverse(m.place);
        const double zoom = m.zoom && *m.zoom > 0 ? *m.zoom : 1.0;
        add({to.x - firstWidth / zoom / 2, to.y - firstHeight / zoom / 2, to.x + firstWidth / zoom / 2,
             to.y + firstHeight / zoom / 2});
    }
    // A view across the antimeridian (written west > east) or reaching past it: the whole globe.
    if (!r.valid() || !std::isfinite(r.west) || !std::isfinite(r.east) || !std::isfinite(r.south) || !std::isfinite(r.north))
        return world;
    const double width = r.east - r.west, height = r.north - r.south;
    r = {r.west - width, r.south - height, r.east + width, r.north + height};
    if (r.west < world.west || r.east > world.east) {
        r.west = world.west;
        r.east = world.east;
    }
    return {r.west, std::max(r.south, world.south), r.east, std::min(r.north, world.north)};
}

MapDataSource worldBeneath(const MapScene& scene, const std::optional<Box>& dataBounds,
                           const std::filesystem::path& mapsDirectory) {
    const Box world{-180, -90, 180, 90};
    const Box first = scene.view ? *scene.view : dataBounds && dataBounds->valid() ? *dataBounds : world;
    const MapScale scale = scaleFor(finestKilometresPerPixel(scene, first));
    if (auto file = naturalEarthCountries(mapsDirectory, scale))
        return {*file, std::string(kCountriesObject), reach(scene, first)};
    return {mapsDirectory / "world.geojson", {}, std::nullopt};
}

}  // namespace vitrine::map
