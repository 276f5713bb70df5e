#pragma once
// Test support: finding an item, by its id, among what a frame draws.

#include <string>

#include "timeline/evaluate.h"

namespace vitrine::test {

/// How the item with `id` is drawn in `frame`, or nullptr when it is not on screen.
inline const DrawItem* drawOf(const Frame& frame, const Show& show, const std::string& id) {
    for (const auto& layer : frame.layers)
        for (const auto& draw : layer.draws)
            if (show.items[draw.item].id == id) return &draw;
    return nullptr;
}

/// Whether the item with `id` is on screen at `t`.
inline bool shownAt(const Show& show, const std::string& id, Micros t) { return drawOf(evaluate(show, t), show, id); }

}  // namespace vitrine::test
