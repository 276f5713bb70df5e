#include "text/credit_roll.h"

#include <algorithm>

namespace vitrine::text {

double CreditRoll::offsetAt(double progress) const {
    const double moving = 1 - 2 * kRollHoldShare;
    return travel * std::clamp((progress - kRollHoldShare) / moving, 0.0, 1.0);
}

double CreditRoll::linesPerSecond(Micros duration) const {
    if (duration <= 0 || linePitch <= 0) return 0;
    const double movingSeconds = static_cast<double>(duration) / kMicrosPerSecond * (1 - 2 * kRollHoldShare);
    return travel / linePitch / movingSeconds;
}

std::optional<CreditRoll> creditRoll(const Item& item, const TextLayout& layout, double boxHeight) {
    if (!item.rolls || layout.height <= boxHeight) return std::nullopt;
    CreditRoll roll;
    const auto& lines = layout.lines;
    while (roll.headingLines < static_cast<int>(lines.size()) &&
           lines[static_cast<std::size_t>(roll.headingLines)].paragraph < item.headingParagraphs)
        ++roll.headingLines;
    if (roll.headingLines < static_cast<int>(lines.size()))
        roll.windowTop = lines[static_cast<std::size_t>(roll.headingLines)].top;
    roll.windowHeight = std::max(0.0, boxHeight - roll.windowTop);
    roll.travel = layout.height - boxHeight;
    roll.linePitch = layout.sizePx * item.style.lineHeight;
    return roll;
}

}  // namespace vitrine::text
