// libFuzzer target: any bytes as a GeoJSON file must never crash the reader, nor the
// projection and triangulation that `vitrine still` and the player run on what it read
// (a latitude of 91 once crashed the tessellator).

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "map/geojson.h"
#include "map/map_layer.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    vitrine::Diagnostics diagnostics;
    const vitrine::map::GeoCollection collection = vitrine::map::parseGeoJson(text, "fuzz.geojson", diagnostics);
    for (const auto& feature : collection.features) (void)collection.find(feature.id);
    // The Baku exhibit's projection: a conic for the Caucasus.
    vitrine::map::ProjectionSpec spec;
    spec.parallel1 = 38;
    spec.parallel2 = 43;
    spec.originLatitude = 40;
    spec.centralMeridian = 46;
    (void)vitrine::map::projectLayer(collection, spec, diagnostics);
    return 0;
}
