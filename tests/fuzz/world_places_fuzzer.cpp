// libFuzzer target: any bytes as the world gazetteer (world-places.tsv) must never crash its
// reader, nor the lookups ("Name, CC" included) and suggestions made in it.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "map/gazetteer.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    vitrine::Diagnostics diagnostics;
    const vitrine::map::Gazetteer places = vitrine::map::Gazetteer::parseWorld(text, "fuzz.tsv", diagnostics);
    for (const auto& place : places.places()) {
        for (const auto& [language, names] : place.names)
            for (const auto& name : names) {
                (void)places.find(name);
                (void)places.find(name + ", " + place.country);
            }
    }
    (void)places.suggest("Pariss");
    (void)places.find("Paris, France");
    return 0;
}
