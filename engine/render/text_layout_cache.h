#pragma once
// Text layouts kept across renderers: a reload or an edit makes a new FrameRenderer for the
// new show, and laying every text out afresh was most of its first frame (the studio's
// edit → preview). Keyed by everything a layout depends on (the paragraphs, the whole
// style, the scale), so an edit lays out again exactly the text it changed.

#include <memory>
#include <vector>

#include "base/recent_map.h"
#include "text/text_layout.h"

namespace vitrine::render {

/// Everything a layout depends on: TextDrawer::layout(paragraphs, style, scale). Compared
/// whole (text::LayoutStyle's comparison covers every member), so no change is missed.
struct LayoutRequest {
    std::vector<text::Paragraph> paragraphs;
    text::LayoutStyle style;
    float scale = 1;

    auto operator<=>(const LayoutRequest&) const = default;
};

/// Layouts by request; a layout still held by a renderer lives on after the cache drops it.
/// Enough for every text of a large exhibit at a few output sizes (a layout is a few KB).
class TextLayoutCache : public RecentMap<LayoutRequest, std::shared_ptr<const text::TextLayout>> {
public:
    static constexpr std::size_t kDefaultCapacity = 4096;

    explicit TextLayoutCache(std::size_t capacity = kDefaultCapacity) : RecentMap(capacity) {}
};

}  // namespace vitrine::render
