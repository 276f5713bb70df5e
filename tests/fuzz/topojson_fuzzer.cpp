// libFuzzer target: any bytes as a TopoJSON file must never crash the reader (arcs, quantised
// deltas, arc indexes of any value, reversed or not), nor the projection and triangulation
// run on what it read.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "map/map_layer.h"
#include "map/topojson.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    vitrine::Diagnostics diagnostics;
    const vitrine::map::GeoCollection collection = vitrine::map::parseMapData(text, "fuzz.topojson", diagnostics);
    (void)vitrine::map::parseMapData(text, "fuzz.topojson", diagnostics, "countries");
    vitrine::map::ProjectionSpec spec;  // the Baku exhibit's conic
    spec.parallel1 = 38;
    spec.parallel2 = 43;
    spec.originLatitude = 40;
    spec.centralMeridian = 46;
    (void)vitrine::map::projectLayer(collection, spec, diagnostics);
    return 0;
}
