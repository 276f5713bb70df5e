#include "timeline/show_position.h"

#include <algorithm>
#include <set>

namespace vitrine {

Result<Micros> resolvePosition(const Show& show, std::string_view text) {
    auto fail = [](std::string why) { return Error{std::move(why)}; };
    std::string sceneName(text);
    Micros offset = 0;
    size_t plus = text.find('+');
    if (plus != std::string_view::npos) {
        sceneName = std::string(text.substr(0, plus));
        auto t = parseTimeValue(text.substr(plus + 1));
        if (!t || *t < 0) return fail("'" + std::string(text.substr(plus + 1)) + "' is not a time");
        offset = *t;
    }
    int scene = show.sceneById(sceneName);
    Micros at = 0;
    if (scene >= 0) {
        at = show.scenes[scene].begin + offset;
    } else if (plus == std::string_view::npos) {
        auto t = parseTimeValue(text);
        if (!t) {
            std::string names;
            for (const auto& s : show.scenes) names += (names.empty() ? "" : ", ") + s.id;
            return fail("'" + std::string(text) + "' is neither a time nor a scene (scenes: " + names + ")");
        }
        at = *t;
    } else {
        return fail("no scene is called '" + sceneName + "'");
    }
    if (at < 0 || at >= show.duration)
        return fail("the position " + formatTime(at) + " is outside the show (0 to " + formatTime(show.duration) + ")");
    return at;
}

Micros wrapTime(const Show& show, Micros t) {
    if (show.duration <= 0) return 0;
    Micros w = t % show.duration;
    return w < 0 ? w + show.duration : w;
}

namespace {

// Items of `kind` with a file, visible at some instant of [from, to] (wrapping when `loop`), first needed first.
std::vector<int> itemsNeeded(const Show& show, ItemKind kind, Micros from, Micros to, bool loop) {
    std::vector<std::pair<Micros, int>> found;
    auto scan = [&](Micros a, Micros b, Micros order) {
        for (int i = 0; i < static_cast<int>(show.items.size()); ++i) {
            const Item& item = show.items[i];
            if (item.kind != kind || item.src.empty()) continue;
            if (item.begin <= b && item.end > a) found.emplace_back(std::max(item.begin, a) + order, i);
        }
    };
    Micros end = to;
    if (loop && show.duration > 0 && to >= show.duration) {
        end = show.duration;
        scan(0, to - show.duration, show.duration);  // after the wrap, needed later
    }
    scan(from, end, 0);
    std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<int> items;
    std::set<int> seen;
    for (auto& [at, index] : found)
        if (seen.insert(index).second) items.push_back(index);
    return items;
}

}  // namespace

std::vector<int> imageItemsNeeded(const Show& show, Micros from, Micros to, bool loop) {
    return itemsNeeded(show, ItemKind::Image, from, to, loop);
}

std::vector<int> videoItemsNeeded(const Show& show, Micros from, Micros to, bool loop) {
    return itemsNeeded(show, ItemKind::Video, from, to, loop);
}

}  // namespace vitrine
