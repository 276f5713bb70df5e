// libFuzzer target: any bytes as a places (gazetteer) file must never crash the reader,
// nor the lookups and suggestions a map's labels and markers make in it.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "map/gazetteer.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    vitrine::Diagnostics diagnostics;
    const vitrine::map::Gazetteer places = vitrine::map::Gazetteer::parse(text, "fuzz.json", diagnostics);
    for (const auto& place : places.places()) {
        (void)places.find(place.id);
        (void)place.displayName("hy");
        for (const auto& [language, names] : place.names)
            for (const auto& name : names) (void)places.find(vitrine::map::foldCase(name));
    }
    (void)places.suggest("Bakuu");
    return 0;
}
