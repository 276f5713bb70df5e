#include "timeline/show.h"

#include <algorithm>

namespace vitrine {

int Show::sceneAt(Micros t) const {
    auto it = std::upper_bound(scenes.begin(), scenes.end(), t, [](Micros v, const Scene& s) { return v < s.begin; });
    if (it == scenes.begin()) return -1;
    --it;
    return t < it->end ? static_cast<int>(it - scenes.begin()) : -1;
}

int Show::sceneById(const std::string& id) const {
    for (size_t i = 0; i < scenes.size(); ++i)
        if (scenes[i].id == id) return static_cast<int>(i);
    return -1;
}

}  // namespace vitrine
