#include "studio/timeline_layout.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "timeline/timing_attributes.h"

namespace vitrine::studio {
namespace {

constexpr ItemKind kLaneOrder[] = {ItemKind::Text, ItemKind::Image, ItemKind::Video, ItemKind::Audio, ItemKind::Map,
                                   ItemKind::VisitorCode};

const char* laneName(ItemKind kind) {
    switch (kind) {
        case ItemKind::Text: return "Text";
        case ItemKind::Image: return "Pictures";
        case ItemKind::Video: return "Video";
        case ItemKind::Audio: return "Sound";
        case ItemKind::Map: return "Maps";
        case ItemKind::VisitorCode: return "Visitor codes";
    }
    return "Items";
}

// The lane `chip` had in `previous`, counted within the lanes named `name` (0 for "Text",
// 1 for "Text 2"), or -1.
int previousLane(const TimelineLayout* previous, const Chip& chip, const std::string& name) {
    if (!previous) return -1;
    for (const Chip& before : previous->chips) {
        if (before.kind != chip.kind || before.element != chip.element) continue;
        const std::string& lane = previous->lanes[before.lane].name;
        if (lane == name) return 0;
        if (lane.rfind(name + " ", 0) == 0) return std::atoi(lane.c_str() + name.size() + 1) - 1;
        return -1;
    }
    return -1;
}

// Puts `chips` (indices into layout.chips) on the fewest new lanes named `name`, first fit
// in time order, each on its lane in `previous` when it is free there.
void pack(TimelineLayout& layout, std::vector<int> chips, const std::string& name, float height,
          const TimelineLayout* previous) {
    std::stable_sort(chips.begin(), chips.end(),
                     [&](int a, int b) { return layout.chips[a].begin < layout.chips[b].begin; });
    const int first = static_cast<int>(layout.lanes.size());
    std::vector<Micros> laneEnds;
    for (int index : chips) {
        Chip& chip = layout.chips[index];
        std::size_t lane = 0;
        const int before = previousLane(previous, chip, name);
        if (before >= 0 && (static_cast<std::size_t>(before) >= laneEnds.size() || laneEnds[before] <= chip.begin)) {
            lane = static_cast<std::size_t>(before);
        } else {
            while (lane < laneEnds.size() && laneEnds[lane] > chip.begin) ++lane;
        }
        while (lane >= laneEnds.size()) {
            laneEnds.push_back(0);
            layout.lanes.push_back({laneEnds.size() == 1 ? name : name + " " + std::to_string(laneEnds.size()), 0, height});
        }
        laneEnds[lane] = std::max(chip.end, chip.begin + 1);
        chip.lane = first + static_cast<int>(lane);
    }
    // A lane kept for a chip that has moved on may be left empty: drop it, renaming the rest.
    std::vector<int> renumbered(laneEnds.size(), -1);
    int used = 0;
    for (std::size_t lane = 0; lane < laneEnds.size(); ++lane)
        if (laneEnds[lane] > 0) renumbered[lane] = used++;
    for (int index : chips) layout.chips[index].lane = first + renumbered[layout.chips[index].lane - first];
    layout.lanes.resize(first + used);
    for (int lane = 1; lane < used; ++lane) layout.lanes[first + lane].name = name + " " + std::to_string(lane + 1);
}

// What a map child shows: its label, its text, or where it goes.
std::string mapChildLabel(const ScriptNode& child) {
    for (const char* attribute : {"label", "text", "to", "at"})
        if (const ScriptAttribute* a = child.attribute(attribute)) return std::string(child.name) + " " + std::string(a->value);
    return std::string(child.name);
}

bool isMapChild(const ScriptNode& n) {
    return n.name == "marker" || n.name == "label" || n.name == "route" || n.name == "fly" || n.name == "view";
}

}  // namespace

float TimelineScale::xOf(Micros t) const {
    return left + (static_cast<float>(static_cast<double>(t) / kMicrosPerSecond) - scrollSeconds) * pixelsPerSecond;
}

Micros TimelineScale::timeAt(float x) const {
    return static_cast<Micros>(std::llround((scrollSeconds + (x - left) / pixelsPerSecond) * kMicrosPerSecond));
}

Micros TimelineScale::span(float pixels) const {
    return static_cast<Micros>(std::llround(pixels / pixelsPerSecond * kMicrosPerSecond));
}

std::string itemLabel(const Item& item) {
    if (!item.id.empty()) return item.id;
    if (item.kind == ItemKind::Text) {
        std::string out;
        for (const auto& p : item.paragraphs)
            for (const auto& r : p.runs)
                for (char c : r.text) {
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
        case ItemKind::VisitorCode: return "visitor code";
        default: return "text";
    }
}

TimelineLayout layoutTimeline(const StudioDocument& doc, const TimelineLayout* previous) {
    TimelineLayout layout;
    const Show* show = doc.show();
    const Script* script = doc.script();
    if (!show || !script) return layout;
    layout.lanes.push_back({"Scenes", 0, kSceneLaneHeight});
    for (int i = 0; i < static_cast<int>(show->scenes.size()); ++i) {
        const Scene& s = show->scenes[i];
        const Selection target{Selection::Kind::Scene, i};
        ElementPath path = doc.pathOf(target).value_or(ElementPath{});
        layout.chips.push_back({ChipKind::Scene, target, path, 0, s.begin, s.end, s.id, ItemKind::Text, false, false, true});
        if (s.transitionIn.duration > 0)
            layout.chips.push_back({ChipKind::Transition, target, path, 0, s.begin,
                                    std::min(s.end, s.begin + s.transitionIn.duration), "", ItemKind::Text, false, false,
                                    true});
    }
    std::vector<int> byKind[std::size(kLaneOrder)];
    std::vector<int> mapChildren;
    for (int i = 0; i < static_cast<int>(show->items.size()); ++i) {
        const Item& item = show->items[i];
        const Selection target{Selection::Kind::Item, i};
        byKind[static_cast<int>(item.kind)].push_back(static_cast<int>(layout.chips.size()));
        layout.chips.push_back({ChipKind::Item, target, doc.pathOf(target).value_or(ElementPath{}), 0, item.begin,
                                item.end, itemLabel(item), item.kind, true, true, item.simpleDuration == 0});
        if (item.kind != ItemKind::Map) continue;
        const ScriptNode* mapNode = doc.nodeOf(target);
        if (!mapNode) continue;
        for (const ScriptNode& child : mapNode->children) {
            if (!isMapChild(child)) continue;
            const TimingAttributes timing = readTimingAttributes(child);
            Micros begin = std::min(item.end, item.begin + timing.begin);
            Micros end = timing.simple ? std::min(item.end, begin + *timing.simple) : item.end;
            mapChildren.push_back(static_cast<int>(layout.chips.size()));
            layout.chips.push_back({ChipKind::MapChild, target, pathOf(script->root, child).value_or(ElementPath{}), 0,
                                    begin, std::max(end, begin), mapChildLabel(child), ItemKind::Map, true, true, true});
        }
    }
    for (ItemKind kind : kLaneOrder)
        pack(layout, byKind[static_cast<int>(kind)], laneName(kind), kind == ItemKind::Audio ? kSoundLaneHeight : kLaneHeight,
             previous);
    pack(layout, mapChildren, "Map marks", kLaneHeight, previous);
    float y = kRulerHeight;
    for (Lane& lane : layout.lanes) {
        lane.top = y;
        y += lane.height + kLaneGap;
    }
    layout.height = y;
    return layout;
}

ChipRect chipRect(const TimelineLayout& layout, const Chip& chip, const TimelineScale& scale, float top) {
    const Lane& lane = layout.lanes[chip.lane];
    float x0 = scale.xOf(chip.begin);
    float x1 = std::max(scale.xOf(chip.end), x0 + 2);  // an instant is still something to grab
    if (chip.kind == ChipKind::Transition)  // drawn in the lower half of its scene's block
        return {x0, top + lane.top + lane.height / 2, x1, top + lane.top + lane.height - 2};
    return {x0, top + lane.top + 2, x1, top + lane.top + lane.height - 2};
}

std::optional<ChipHit> hitChip(const TimelineLayout& layout, const TimelineScale& scale, float top, float x, float y) {
    for (int i = static_cast<int>(layout.chips.size()) - 1; i >= 0; --i) {
        const Chip& chip = layout.chips[i];
        ChipRect r = chipRect(layout, chip, scale, top);
        if (y < r.y0 || y >= r.y1 || x < r.x0 - kEdgeGrabPixels / 2 || x >= r.x1 + kEdgeGrabPixels / 2) continue;
        // A chip too narrow for both edges and a body gives its right edge first: length is
        // what a designer trims most.
        const float edge = std::min(kEdgeGrabPixels, (r.x1 - r.x0) / 3);
        if (chip.trimsEnd && x >= r.x1 - edge) return ChipHit{i, ChipPart::EndEdge};
        if (chip.trimsStart && x < r.x0 + edge) return ChipHit{i, ChipPart::StartEdge};
        if (x < r.x0 || x >= r.x1) continue;  // the grab margin outside a chip is only for its edges
        return ChipHit{i, ChipPart::Body};
    }
    return std::nullopt;
}

std::vector<Micros> snapTargets(const TimelineLayout& layout, int draggedChip, Micros playhead) {
    std::vector<Micros> targets{playhead};
    for (int i = 0; i < static_cast<int>(layout.chips.size()); ++i) {
        const Chip& chip = layout.chips[i];
        if (i == draggedChip || chip.kind == ChipKind::Transition) continue;
        targets.push_back(chip.begin);
        targets.push_back(chip.end);
    }
    std::sort(targets.begin(), targets.end());
    targets.erase(std::unique(targets.begin(), targets.end()), targets.end());
    return targets;
}

Snapped snapTime(Micros t, const std::vector<Micros>& targets, Micros threshold) {
    Snapped out{t, std::nullopt};
    Micros best = threshold + 1;
    for (Micros target : targets) {
        Micros distance = std::llabs(target - t);
        if (distance <= threshold && distance < best) {
            best = distance;
            out = {target, target};
        }
    }
    return out;
}

DragDelta dragDelta(const Chip& chip, ChipPart part, Micros grab, Micros now, const std::vector<Micros>& targets,
                    Micros threshold, Micros grid, bool snapping) {
    Micros raw = now - grab;
    if (grid > 0) raw = (raw >= 0 ? raw + grid / 2 : raw - grid / 2) / grid * grid;
    if (!snapping) return {raw, std::nullopt};
    if (part == ChipPart::StartEdge) {
        Snapped s = snapTime(chip.begin + raw, targets, threshold);
        return {s.time - chip.begin, s.line};
    }
    if (part == ChipPart::EndEdge) {
        Snapped s = snapTime(chip.end + raw, targets, threshold);
        return {s.time - chip.end, s.line};
    }
    Snapped start = snapTime(chip.begin + raw, targets, threshold);
    Snapped end = snapTime(chip.end + raw, targets, threshold);
    if (!start.line && !end.line) return {raw, std::nullopt};
    if (start.line && (!end.line || std::llabs(start.time - chip.begin - raw) <= std::llabs(end.time - chip.end - raw)))
        return {start.time - chip.begin, start.line};
    return {end.time - chip.end, end.line};
}

std::optional<DropPlace> dropPlaceAt(const Show& show, const TimelineScale& scale, float x) {
    Micros t = scale.timeAt(x);
    int scene = show.sceneAt(t);
    if (scene < 0) return std::nullopt;
    return DropPlace{scene, t - show.scenes[scene].begin, t};
}

std::vector<CueRow> cueList(const Show& show, const TimelineLayout& layout) {
    std::vector<CueRow> rows;
    for (int i = 0; i < static_cast<int>(layout.chips.size()); ++i) {
        const Chip& chip = layout.chips[i];
        if (chip.kind != ChipKind::Scene) continue;
        const Scene& scene = show.scenes[chip.target.index];
        rows.push_back({i, true, chip.begin, chip.end - chip.begin});
        std::vector<CueRow> items;
        for (int j = 0; j < static_cast<int>(layout.chips.size()); ++j) {
            const Chip& item = layout.chips[j];
            if (item.kind == ChipKind::Item && show.items[item.target.index].scene == chip.target.index)
                items.push_back({j, false, item.begin - scene.begin, item.end - item.begin});
        }
        std::stable_sort(items.begin(), items.end(), [](const CueRow& a, const CueRow& b) { return a.start < b.start; });
        rows.insert(rows.end(), items.begin(), items.end());
    }
    return rows;
}

const Chip* chipOf(const TimelineLayout& layout, const Selection& target) {
    for (const Chip& chip : layout.chips)
        if ((chip.kind == ChipKind::Scene || chip.kind == ChipKind::Item) && chip.target == target) return &chip;
    return nullptr;
}

std::vector<CueChip> cueChips(const StudioDocument& doc, const TimelineLayout& layout) {
    std::vector<CueChip> cues;
    const Show* show = doc.show();
    if (!show) return cues;
    for (int c = 0; c < static_cast<int>(layout.chips.size()); ++c) {
        const Chip& chip = layout.chips[c];
        if (chip.kind != ChipKind::Item || chip.target.index >= static_cast<int>(show->items.size())) continue;
        const Item& item = show->items[chip.target.index];
        const HeldCaptions* held = item.captions.empty() ? nullptr : doc.captionFile(item.captions);
        if (!held) continue;
        const Micros offset = item.begin - item.clipIn;
        for (std::size_t i = 0; i < held->track.cues.size(); ++i) {
            const CaptionCue& cue = held->track.cues[i];
            if (cue.end + offset <= chip.begin || cue.start + offset >= chip.end) continue;
            cues.push_back({c, item.captions, i, cue.start + offset, cue.end + offset, offset});
        }
    }
    return cues;
}

ChipRect cueRect(const TimelineLayout& layout, const CueChip& cue, const TimelineScale& scale, float top) {
    const ChipRect sound = chipRect(layout, layout.chips[cue.chip], scale, top);
    const float x0 = std::max(sound.x0, scale.xOf(cue.begin));
    const float x1 = std::max(std::min(sound.x1, scale.xOf(cue.end)), x0 + 2);
    return {x0, sound.y1 - kCueHeight, x1, sound.y1};
}

std::optional<ChipHit> hitCue(const TimelineLayout& layout, const std::vector<CueChip>& cues,
                              const TimelineScale& scale, float top, float x, float y) {
    for (int i = static_cast<int>(cues.size()) - 1; i >= 0; --i) {
        const ChipRect r = cueRect(layout, cues[i], scale, top);
        if (y < r.y0 || y >= r.y1 || x < r.x0 - kEdgeGrabPixels / 2 || x >= r.x1 + kEdgeGrabPixels / 2) continue;
        // As for chips: a narrow cue gives its end first, and the margin is only for edges.
        const float edge = std::min(kEdgeGrabPixels, (r.x1 - r.x0) / 3);
        if (x >= r.x1 - edge) return ChipHit{i, ChipPart::EndEdge};
        if (x < r.x0 + edge) return ChipHit{i, ChipPart::StartEdge};
        if (x < r.x0 || x >= r.x1) continue;
        return ChipHit{i, ChipPart::Body};
    }
    return std::nullopt;
}

std::vector<Micros> cueSnapTargets(const TimelineLayout& layout, const std::vector<CueChip>& cues, int draggedCue,
                                   Micros playhead) {
    std::vector<Micros> targets = snapTargets(layout, -1, playhead);
    for (int i = 0; i < static_cast<int>(cues.size()); ++i) {
        if (i == draggedCue) continue;
        targets.push_back(cues[i].begin);
        targets.push_back(cues[i].end);
    }
    std::sort(targets.begin(), targets.end());
    targets.erase(std::unique(targets.begin(), targets.end()), targets.end());
    return targets;
}

Chip asChip(const CueChip& cue) {
    Chip chip;
    chip.begin = cue.begin;
    chip.end = cue.end;
    return chip;
}

}  // namespace vitrine::studio
