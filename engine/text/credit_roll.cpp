#include "text/credit_roll.h"

#include <algorithm>
#include <cmath>

namespace vitrine::text {
namespace {

// The soft edges take at most this share of the window each, however large the type.
constexpr double kMaxFadeShare = 0.25;

// Splits the entry lines into pages at most `room` tall, each ending between two entries
// where one fits whole (a page of one long entry ends where it must).
std::vector<CreditPage> splitPages(const TextLayout& layout, const CreditRoll& roll, double room) {
    std::vector<CreditPage> pages;
    const auto& lines = layout.lines;
    const int count = static_cast<int>(lines.size());
    auto line = [&](int i) -> const LineBox& { return lines[static_cast<std::size_t>(i)]; };
    for (int first = roll.headingLines; first < count;) {
        const double top = line(first).top;
        int end = first + 1;
        while (end < count && line(end).top + line(end).height - top <= room) ++end;
        if (end < count) {
            int between = end;
            while (between > first + 1 && line(between).paragraph == line(between - 1).paragraph) --between;
            if (line(between).paragraph != line(between - 1).paragraph) end = between;
        }
        pages.push_back(CreditPage{first, end, top - roll.windowTop - roll.fadeBand, 1});
        first = end;
    }
    return pages;
}

// As few pages as fit the window below its top band, made as even as they can be: filling
// each page in turn left one entry alone on the last (21–24, then 25). Each page ends at the
// break between entries nearest an even share of what is left, within the window.
std::vector<CreditPage> evenPages(const TextLayout& layout, const CreditRoll& roll) {
    const double room = roll.windowHeight - roll.fadeBand;
    const std::vector<CreditPage> filled = splitPages(layout, roll, room);
    const auto& lines = layout.lines;
    const int count = static_cast<int>(lines.size());
    auto line = [&](int i) -> const LineBox& { return lines[static_cast<std::size_t>(i)]; };
    auto height = [&](int first, int end) { return line(end - 1).top + line(end - 1).height - line(first).top; };
    std::vector<CreditPage> pages;
    int first = roll.headingLines;
    for (std::size_t left = filled.size(); first < count && left > 0; --left) {
        const double share = height(first, count) / static_cast<double>(left);
        int best = -1;
        for (int end = first + 1; end <= count && height(first, end) <= room; ++end) {
            const bool breakBetweenEntries = end == count || line(end).paragraph != line(end - 1).paragraph;
            if (breakBetweenEntries && (best < 0 || std::abs(height(first, end) - share) < std::abs(height(first, best) - share)))
                best = end;
        }
        if (best < 0) break;  // an entry taller than the window: filled page by page below
        pages.push_back(CreditPage{first, best, line(first).top - roll.windowTop - roll.fadeBand, 1});
        first = best;
    }
    if (first < count) {  // what did not share out evenly, filled as it comes
        CreditRoll rest = roll;
        rest.headingLines = first;
        for (const CreditPage& page : splitPages(layout, rest, room)) pages.push_back(page);
    }
    return pages;
}

}  // namespace

double CreditRoll::offsetAt(double progress) const {
    const double moving = 1 - 2 * kRollHoldShare;
    return travel * std::clamp((progress - kRollHoldShare) / moving, 0.0, 1.0) - fadeBand;
}

double CreditRoll::linesPerSecond(Micros duration) const {
    if (duration <= 0 || linePitch <= 0) return 0;
    const double movingSeconds = static_cast<double>(duration) / kMicrosPerSecond * (1 - 2 * kRollHoldShare);
    return travel / linePitch / movingSeconds;
}

CreditPage CreditRoll::pageAt(double progress, Micros duration) const {
    if (pages.empty()) return {};
    int lines = 0;
    for (const auto& p : pages) lines += p.endLine - p.firstLine;
    // Each page's time in progress units, proportional to its lines.
    auto share = [&](const CreditPage& p) { return static_cast<double>(p.endLine - p.firstLine) / lines; };
    double shortest = 1;
    for (const auto& p : pages) shortest = std::min(shortest, share(p));
    const double fade = duration > 0 ? std::min(shortest * kMaxFadeShare,
                                                static_cast<double>(kCreditPageFade) / static_cast<double>(duration))
                                     : 0;
    double start = 0;
    const std::size_t last = pages.size() - 1;
    for (std::size_t i = 0; i < pages.size(); ++i) {
        const double end = start + share(pages[i]);
        if (progress < end || i == last) {
            CreditPage page = pages[i];
            if (fade > 0) {
                // The first page comes in and the last goes out with the credits' scene.
                if (i > 0) page.opacity = std::min(page.opacity, std::clamp((progress - start) / fade, 0.0, 1.0));
                if (i < last) page.opacity = std::min(page.opacity, std::clamp((end - progress) / fade, 0.0, 1.0));
            }
            return page;
        }
        start = end;
    }
    return pages.back();
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
    roll.linePitch = layout.sizePx * item.style.lineHeight;
    roll.fadeBand = std::min(roll.linePitch * kRollFadeLines, roll.windowHeight * kMaxFadeShare);
    // From the first entry a band below the window's top to the last a band above its bottom.
    roll.travel = layout.height - boxHeight + 2 * roll.fadeBand;
    roll.pages = evenPages(layout, roll);
    return roll;
}

}  // namespace vitrine::text
