#include "power/power_schedule.h"

namespace vitrine::power {

bool wantedOn(const installation::OpeningHours& hours, const LocalClock& clock, std::int64_t leadMicros) {
    auto now = clock(0);
    if (isOpen(hours, now)) return true;
    // Closed now: on only when the next opening begins within the lead (the parser keeps
    // the lead under a day, so two days of horizon always find it).
    auto next = nextChange(hours, now, 2);
    return next && next->absolute() <= clock(leadMicros).absolute();
}

}  // namespace vitrine::power
