#include "installation/show_schedule.h"

#include "installation/wall_clock_anchor.h"

namespace vitrine::installation {

namespace {
constexpr std::int64_t kMicrosPerSecond = 1'000'000;

// Floor division, so that instants before 1970 round the same way as after.
std::int64_t floorSeconds(std::int64_t micros) {
    return micros >= 0 ? micros / kMicrosPerSecond : -((-micros + kMicrosPerSecond - 1) / kMicrosPerSecond);
}
}  // namespace

Micros scheduledShowTime(const Installation& installation, Micros duration, std::optional<Micros> advisoryStart,
                         std::int64_t nowMicros, LocalTime localNow) {
    std::int64_t start = installation.startEpoch.value_or(0);
    if (installation.advisory == AdvisoryPolicy::OnOpening && advisoryStart) {
        if (auto opened = openedAt(installation.hours, localNow)) {
            // The local clock says how long ago the opening was; whole seconds on both
            // clocks, so every machine with the same time and zone gets the same instant.
            std::int64_t openedMicros =
                (floorSeconds(nowMicros) - (localNow.absolute() - opened->absolute())) * kMicrosPerSecond;
            start = openedMicros - *advisoryStart;
        }
    }
    return WallClockAnchor(start, duration).showTimeAt(nowMicros);
}

}  // namespace vitrine::installation
