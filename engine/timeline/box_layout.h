#pragma once
// Where an element's box lies on the canvas: its region (or the whole canvas), then its x, y,
// width, height and anchor within that, all resolved to canvas pixels.

#include <functional>
#include <map>
#include <string>
#include <unordered_map>

#include "base/geometry.h"
#include "base/values.h"
#include "script/script.h"
#include "script/values.h"

namespace vitrine {

class BoxLayout {
public:
    /// `regions` (the exhibit's <region> elements by id) must outlive the layout.
    explicit BoxLayout(const std::map<std::string, const ScriptNode*, std::less<>>& regions) : regions_(regions) {}

    /// The rectangle `element` is laid out in: `canvasArea`, or its region of it.
    Rect area(const ScriptNode& element, const Rect& canvasArea);
    /// The element's box within `area`, from x, y, width, height and anchor.
    static Rect box(const ScriptNode& element, const Rect& area);

private:
    // A region's rectangle as written; read once however many elements use it.
    struct RegionLengths {
        Length x, y, width, height;
    };
    const RegionLengths& regionLengths(const ScriptNode& region);

    const std::map<std::string, const ScriptNode*, std::less<>>& regions_;
    std::unordered_map<const ScriptNode*, RegionLengths> regionLengths_;
};

}  // namespace vitrine
