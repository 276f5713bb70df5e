#include "timeline_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "media_drop.h"
#include "studio_theme.h"
#include "base/time_value.h"

namespace vitrine::studio {
namespace {

constexpr float kRulerHeight = 26;
constexpr float kSceneRowHeight = 34;
constexpr float kTrackHeight = 24;
constexpr float kTrackGap = 3;
constexpr float kEdgeGrabPixels = 6;
constexpr float kMinBlockPixels = 2;
constexpr float kZoomStep = 1.25f;
constexpr float kMaxPixelsPerSecond = 400;
constexpr Micros kSnap = 100 * kMicrosPerMillisecond;  // drags snap to a tenth of a second

ImU32 itemColour(ItemKind kind) {
    switch (kind) {
        case ItemKind::Text: return theme::kTextItem;
        case ItemKind::Image: return theme::kImageItem;
        case ItemKind::Video: return theme::kVideoItem;
        case ItemKind::Audio: return theme::kAudioItem;
        case ItemKind::Map: return theme::kMapItem;
    }
    return theme::kTextItem;
}

std::string itemLabel(const Item& item) {
    if (!item.id.empty()) return item.id;
    if (item.kind == ItemKind::Text) {
        std::string s;
        for (const auto& p : item.paragraphs)
            for (const auto& r : p.runs) s += r.text;
        std::string out;
        for (char c : s) {
            bool space = c == '\n' || c == ' ' || c == '\t';
            if (space && (out.empty() || out.back() == ' ')) continue;
            out += space ? ' ' : c;
        }
        return out;
    }
    if (!item.src.empty()) return item.src.substr(item.src.find_last_of('/') + 1);
    if (!item.placeholder.empty()) return item.placeholder;
    switch (item.kind) {
        case ItemKind::Image: return "image";
        case ItemKind::Video: return "video";
        case ItemKind::Audio: return "audio";
        case ItemKind::Map: return "map";
        default: return "text";
    }
}

// A tick spacing that leaves at least `minPixels` between labels.
double tickSeconds(float pixelsPerSecond, float minPixels) {
    const double steps[] = {0.1, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1800, 3600};
    for (double s : steps)
        if (s * pixelsPerSecond >= minPixels) return s;
    return 3600;
}

Micros snapped(Micros t) { return std::max<Micros>(kSnap, (t + kSnap / 2) / kSnap * kSnap); }

// The text drawn inside a block, clipped to it.
void blockText(ImDrawList* list, ImVec2 min, ImVec2 max, const std::string& text, ImU32 colour) {
    if (max.x - min.x < 14) return;
    float y = min.y + (max.y - min.y - ImGui::GetFontSize()) / 2;
    list->PushClipRect(ImVec2(min.x + 5, min.y), ImVec2(max.x - 4, max.y), true);
    list->AddText(ImVec2(min.x + 6, y), colour, text.c_str());
    list->PopClipRect();
}

}  // namespace

void TimelinePanel::layoutTracks(const Show& show) {
    // Items are packed onto the fewest tracks, first fit in time order, so nothing overlaps.
    std::vector<int> order(show.items.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return show.items[a].begin < show.items[b].begin; });
    std::vector<Micros> trackEnds;
    trackOf_.assign(show.items.size(), 0);
    for (int index : order) {
        const Item& item = show.items[index];
        std::size_t track = 0;
        while (track < trackEnds.size() && trackEnds[track] > item.begin) ++track;
        if (track == trackEnds.size()) trackEnds.push_back(0);
        trackEnds[track] = std::max(item.end, item.begin + 1);
        trackOf_[index] = static_cast<int>(track);
    }
    trackCount_ = static_cast<int>(trackEnds.size());
}

TimelineRequest TimelinePanel::draw(const StudioDocument& doc, Micros t) {
    TimelineRequest request;
    const Show* show = doc.show();
    if (!show) {
        ImGui::TextDisabled("No show to lay out.");
        return request;
    }
    if (laidOutGeneration_ != doc.showGeneration()) {
        layoutTracks(*show);
        laidOutGeneration_ = doc.showGeneration();
    }
    const double duration = std::max(1.0, static_cast<double>(show->duration) / kMicrosPerSecond);

    ImVec2 origin = ImGui::GetCursorScreenPos();
    ImVec2 avail = ImGui::GetContentRegionAvail();
    const float width = std::max(100.0f, avail.x);
    const float fitScale = width / static_cast<float>(duration);
    float scale = pixelsPerSecond_ > 0 ? pixelsPerSecond_ : fitScale;
    scrollSeconds_ = std::clamp(scrollSeconds_, 0.0f, std::max(0.0f, static_cast<float>(duration) - width / scale));

    auto xOf = [&](Micros when) {
        return origin.x + (static_cast<float>(when) / kMicrosPerSecond - scrollSeconds_) * scale;
    };
    auto timeAt = [&](float x) {
        double s = scrollSeconds_ + (x - origin.x) / scale;
        return std::clamp<Micros>(static_cast<Micros>(s * kMicrosPerSecond), 0, std::max<Micros>(0, show->duration - 1));
    };

    const float tracksTop = origin.y + kRulerHeight + kSceneRowHeight + kTrackGap;
    const float contentHeight = std::max(avail.y, kRulerHeight + kSceneRowHeight + kTrackGap +
                                                      trackCount_ * (kTrackHeight + kTrackGap));
    ImGui::InvisibleButton("##timeline", ImVec2(width, contentHeight),
                           ImGuiButtonFlags_MouseButtonLeft);
    if (auto drop = acceptMediaDrop(DropMarker::Time)) request.dropMedia = std::pair(drop->file, timeAt(drop->at.x));
    const bool hovered = ImGui::IsItemHovered();
    const bool pressed = ImGui::IsItemActivated();
    const bool held = ImGui::IsItemActive();
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    ImDrawList* list = ImGui::GetWindowDrawList();
    const ImVec2 clipMax(origin.x + width, origin.y + contentHeight);
    list->PushClipRect(origin, clipMax, true);
    list->AddRectFilled(origin, clipMax, theme::kBackground);

    // Tracks' backgrounds.
    for (int track = 0; track < trackCount_; ++track) {
        float y = tracksTop + track * (kTrackHeight + kTrackGap);
        list->AddRectFilled(ImVec2(origin.x, y), ImVec2(clipMax.x, y + kTrackHeight),
                            track % 2 ? theme::kTrackAlternate : theme::kTrack);
    }

    // The ruler.
    list->AddRectFilled(origin, ImVec2(clipMax.x, origin.y + kRulerHeight), theme::kRuler);
    double tick = tickSeconds(scale, 70);
    double firstTick = std::floor(scrollSeconds_ / tick) * tick;
    for (double s = firstTick; s <= scrollSeconds_ + width / scale + tick; s += tick) {
        float x = xOf(static_cast<Micros>(s * kMicrosPerSecond));
        list->AddLine(ImVec2(x, origin.y + kRulerHeight - 7), ImVec2(x, origin.y + kRulerHeight), theme::kRulerText);
        list->AddLine(ImVec2(x, origin.y + kRulerHeight), ImVec2(x, contentHeight + origin.y),
                      IM_COL32(255, 255, 255, 10));
        std::string label = formatTime(static_cast<Micros>(s * kMicrosPerSecond));
        list->AddText(ImVec2(x + 4, origin.y + 4), theme::kRulerText, label.c_str());
    }

    // Hit-testing: what is under the mouse, and whether it is a block's right edge.
    Selection under;
    bool onEdge = false;
    Micros underBegin = 0;

    // Scenes.
    const float sceneTop = origin.y + kRulerHeight;
    for (int i = 0; i < static_cast<int>(show->scenes.size()); ++i) {
        const Scene& s = show->scenes[i];
        ImVec2 a(xOf(s.begin), sceneTop + 2), b(std::max(xOf(s.end), xOf(s.begin) + kMinBlockPixels) - 1,
                                                sceneTop + kSceneRowHeight - 2);
        bool selected = doc.selection() == Selection{Selection::Kind::Scene, i};
        if (drag_ == Drag::Resize && dragTarget_ == Selection{Selection::Kind::Scene, i})
            b.x = xOf(s.begin + dragDuration_) - 1;
        list->AddRectFilled(a, b, i % 2 ? theme::kSceneFillAlternate : theme::kSceneFill, 3);
        if (selected) list->AddRect(a, b, theme::kAccent, 3, 0, 2);
        blockText(list, a, b, s.id, theme::kText);
        if (mouse.y >= a.y && mouse.y < b.y && mouse.x >= a.x && mouse.x < b.x + kEdgeGrabPixels) {
            under = {Selection::Kind::Scene, i};
            onEdge = mouse.x > b.x - kEdgeGrabPixels;
            underBegin = s.begin;
        }
    }

    // Items.
    for (int i = 0; i < static_cast<int>(show->items.size()); ++i) {
        const Item& item = show->items[i];
        float y = tracksTop + trackOf_[i] * (kTrackHeight + kTrackGap);
        Micros end = item.end;
        if (drag_ == Drag::Resize && dragTarget_ == Selection{Selection::Kind::Item, i}) end = item.begin + dragDuration_;
        ImVec2 a(xOf(item.begin), y + 1), b(std::max(xOf(end), xOf(item.begin) + kMinBlockPixels) - 1, y + kTrackHeight - 1);
        if (b.x < origin.x || a.x > clipMax.x) continue;
        bool selected = doc.selection() == Selection{Selection::Kind::Item, i};
        list->AddRectFilled(a, b, itemColour(item.kind), 3);
        if (selected) list->AddRect(a, b, theme::kAccent, 3, 0, 2);
        blockText(list, a, b, itemLabel(item), theme::kText);
        if (mouse.y >= a.y && mouse.y < b.y && mouse.x >= a.x && mouse.x < b.x + kEdgeGrabPixels) {
            under = {Selection::Kind::Item, i};
            onEdge = mouse.x > b.x - kEdgeGrabPixels && item.simpleDuration == 0;
            underBegin = item.begin;
        }
    }

    // The playhead.
    float px = xOf(t);
    list->AddLine(ImVec2(px, origin.y), ImVec2(px, clipMax.y), theme::kPlayhead, 2);
    list->AddTriangleFilled(ImVec2(px - 6, origin.y), ImVec2(px + 6, origin.y), ImVec2(px, origin.y + 8),
                            theme::kPlayhead);
    list->PopClipRect();

    // The mouse: press on an edge resizes, on a block selects and scrubs, elsewhere scrubs.
    if (hovered && onEdge && drag_ == Drag::None) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
    if (pressed) {
        if (!under.empty() && onEdge) {
            drag_ = Drag::Resize;
            dragTarget_ = under;
            dragBegin_ = underBegin;
            dragDuration_ = snapped(timeAt(mouse.x) - underBegin);
            request.select = under;
        } else {
            drag_ = Drag::Scrub;
            if (!under.empty()) request.select = under;
            request.seek = timeAt(mouse.x);
        }
    } else if (held && drag_ == Drag::Scrub) {
        request.seek = timeAt(mouse.x);
    } else if (held && drag_ == Drag::Resize) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
        Micros endAt = static_cast<Micros>((scrollSeconds_ + (mouse.x - origin.x) / scale) * kMicrosPerSecond);
        dragDuration_ = snapped(endAt - dragBegin_);
        ImGui::SetTooltip("dur %s", formatTime(dragDuration_).c_str());
    } else if (!held && drag_ != Drag::None) {
        if (drag_ == Drag::Resize) request.resize = std::make_pair(dragTarget_, dragDuration_);
        drag_ = Drag::None;
    }

    // Right-click selects the block under the mouse and asks for its menu.
    if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Right)) {
        if (!under.empty()) request.select = under;
        request.contextMenu = !under.empty() || !doc.selection().empty();
    }

    // The wheel zooms about the mouse; with Shift it scrolls.
    if (hovered && ImGui::GetIO().MouseWheel != 0) {
        float wheel = ImGui::GetIO().MouseWheel;
        if (ImGui::GetIO().KeyShift) {
            scrollSeconds_ -= wheel * 80 / scale;
        } else {
            float anchor = scrollSeconds_ + (mouse.x - origin.x) / scale;
            float next = std::clamp(scale * std::pow(kZoomStep, wheel), fitScale, kMaxPixelsPerSecond);
            pixelsPerSecond_ = next <= fitScale ? 0 : next;
            scrollSeconds_ = anchor - (mouse.x - origin.x) / next;
        }
    }
    if (hovered && drag_ == Drag::None && !under.empty()) {
        if (under.kind == Selection::Kind::Scene) {
            const Scene& s = show->scenes[under.index];
            ImGui::SetTooltip("%s  %s–%s", s.title.empty() ? s.id.c_str() : s.title.c_str(), formatTime(s.begin).c_str(),
                              formatTime(s.end).c_str());
        } else {
            const Item& it = show->items[under.index];
            ImGui::SetTooltip("line %d  %s–%s\n%s", it.where.line, formatTime(it.begin).c_str(),
                              formatTime(it.end).c_str(), itemLabel(it).substr(0, 80).c_str());
        }
    }
    return request;
}

}  // namespace vitrine::studio
