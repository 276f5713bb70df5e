// libFuzzer target: any bytes as an installation file must never crash its reader
// (outputs, keystone, blending, opening hours, languages, control, power), nor the
// opening-hours questions the player asks of what it read.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "installation/civil_time.h"
#include "installation/installation.h"
#include "installation/opening_hours.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    vitrine::Diagnostics diagnostics;
    const auto installation = vitrine::installation::parseInstallation(text, "fuzz/installation.xml", diagnostics);
    (void)vitrine::installation::problemLines(diagnostics);
    if (!installation) return 0;
    using vitrine::installation::LocalTime;
    const LocalTime monday = LocalTime::at({2026, 1, 19}, 9, 30);
    (void)vitrine::installation::isOpen(installation->hours, monday);
    (void)vitrine::installation::nextChange(installation->hours, monday);
    (void)vitrine::installation::openedAt(installation->hours, monday);
    return 0;
}
