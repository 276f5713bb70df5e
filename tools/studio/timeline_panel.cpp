#include "timeline_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "media_drop.h"
#include "studio_theme.h"
#include "transport_panel.h"
#include "base/time_value.h"
#include "studio/timing_edits.h"

namespace vitrine::studio {
namespace {

constexpr float kGutterWidth = 104;  // lane names
constexpr float kZoomStep = 1.25f;
constexpr float kMaxPixelsPerSecond = 400;
constexpr float kDragStartPixels = 3;  // a press that moves less is a click

ImU32 itemColour(ItemKind kind) {
    switch (kind) {
        case ItemKind::Text: return theme::kTextItem;
        case ItemKind::Image: return theme::kImageItem;
        case ItemKind::Video: return theme::kVideoItem;
        case ItemKind::Audio: return theme::kAudioItem;
        case ItemKind::Map: return theme::kMapItem;
        case ItemKind::VisitorCode: return theme::kImageItem;  // a picture on the wall
    }
    return theme::kTextItem;
}

// `c` lighter by `amount` (0..1) towards white, with alpha `alpha`.
ImU32 lighter(ImU32 c, float amount, int alpha = 255) {
    ImVec4 v = ImGui::ColorConvertU32ToFloat4(c);
    return IM_COL32(static_cast<int>((v.x + (1 - v.x) * amount) * 255), static_cast<int>((v.y + (1 - v.y) * amount) * 255),
                    static_cast<int>((v.z + (1 - v.z) * amount) * 255), alpha);
}

// A tick spacing that leaves at least `minPixels` between labels.
double tickSeconds(float pixelsPerSecond, float minPixels) {
    const double steps[] = {0.1, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1800, 3600};
    for (double s : steps)
        if (s * pixelsPerSecond >= minPixels) return s;
    return 3600;
}

// The text drawn inside a chip, clipped to it, at its top when `top`, else centred.
void chipText(ImDrawList* list, const ChipRect& r, const std::string& text, ImU32 colour, bool top = false) {
    if (r.x1 - r.x0 < 14 || text.empty()) return;
    float y = top ? r.y0 + 2 : r.y0 + (r.y1 - r.y0 - ImGui::GetFontSize()) / 2;
    list->PushClipRect(ImVec2(r.x0 + 4, r.y0), ImVec2(r.x1 - 3, r.y1), true);
    list->AddText(ImVec2(r.x0 + 6, y), colour, text.c_str());
    list->PopClipRect();
}

// The chip as it would be after the drag.
Chip dragged(Chip chip, ChipPart part, Micros delta) {
    if (part != ChipPart::EndEdge) chip.begin += delta;
    if (part != ChipPart::StartEdge) chip.end += delta;
    chip.end = std::max(chip.end, chip.begin);
    return chip;
}

}  // namespace

void TimelinePanel::relayout(const StudioDocument& doc) {
    layout_ = layoutTimeline(doc, laidOutGeneration_ < 0 ? nullptr : &layout_);
    laidOutGeneration_ = doc.showGeneration();
    cuesGeneration_ = -1;  // the cues lie on the new chips
}

// The cues, over their sounds' chips: the one dragged where the drag puts it (clamped as the
// edit will be), over a ghost of where it was; a cue whose sound is dragged goes with it.
void TimelinePanel::drawCues(const StudioDocument& doc, int hovered) {
    ImDrawList* list = ImGui::GetWindowDrawList();
    for (int i = 0; i < static_cast<int>(cues_.size()); ++i) {
        CueChip cue = cues_[i];
        const bool dragged = drag_ == Drag::Cue && i == dragCue_;
        if (dragged) {
            const ChipRect was = cueRect(layout_, cue, scale_, originY_);
            list->AddRect(ImVec2(was.x0, was.y0), ImVec2(was.x1, was.y1), IM_COL32(255, 255, 255, 90), 2);
            cue = draggedCueChip(doc, cue, dragPart_, dragDelta_.delta);
        } else if (drag_ == Drag::Chip && cue.chip == dragChip_ && dragPart_ == ChipPart::Body) {
            cue.begin += dragDelta_.delta;
            cue.end += dragDelta_.delta;
        }
        ChipRect r = cueRect(layout_, cue, scale_, originY_);
        if (dragged) {
            // Not cut to the sound's old chip: the designer sees exactly where it goes.
            r.x0 = scale_.xOf(cue.begin);
            r.x1 = std::max(scale_.xOf(cue.end), r.x0 + 2);
        }
        const ImVec2 a(r.x0 + 1, r.y0 + 1), b(std::max(r.x0 + 2, r.x1 - 1), r.y1 - 1);
        list->AddRectFilled(a, b, lighter(theme::kAudioItem, dragged || i == hovered ? 0.9f : 0.7f), 2);
        if (dragged || i == hovered) list->AddRect(a, b, theme::kAccent, 2, 0, 1.5f);
    }
}

void TimelinePanel::drawChip(const Chip& chip, const ChipRect& r, bool selected, const Show& show) {
    ImDrawList* list = ImGui::GetWindowDrawList();
    const ImVec2 a(r.x0, r.y0), b(std::max(r.x0 + 2, r.x1 - 1), r.y1);
    switch (chip.kind) {
        case ChipKind::Scene:
            list->AddRectFilled(a, b, chip.target.index % 2 ? theme::kSceneFillAlternate : theme::kSceneFill, 3);
            chipText(list, r, chip.label, theme::kText, true);
            break;
        case ChipKind::Transition: {
            // A ramp rising over the transition's length, as an editor draws a fade.
            list->AddTriangleFilled(ImVec2(a.x, b.y), ImVec2(b.x, b.y), ImVec2(b.x, a.y), IM_COL32(255, 255, 255, 40));
            list->AddLine(ImVec2(a.x, b.y), ImVec2(b.x, a.y), IM_COL32(255, 255, 255, 110), 1.5f);
            if (r.x1 - r.x0 > 40) {
                std::string length = formatTime(chip.end - chip.begin);
                list->AddText(ImVec2(b.x - ImGui::CalcTextSize(length.c_str()).x - 3, b.y - ImGui::GetFontSize()),
                              theme::kDimText, length.c_str());
            }
            break;
        }
        case ChipKind::Item: {
            const Item& item = show.items[chip.target.index];
            list->AddRectFilled(a, b, itemColour(item.kind), 3);
            if (item.kind == ItemKind::Audio || item.kind == ItemKind::Video) {
                // A sound's lane is tall enough for its waveform; a video's shows its cues only.
                if (auto waveform = item.kind != ItemKind::Audio || item.src.empty() ? nullptr : waveforms_.get(item.src)) {
                    // One line per pixel column: the loudest moment of the file under it.
                    // Under the file's name, above the caption cues (drawn after the chips).
                    const float top = a.y + ImGui::GetFontSize() + 2, mid = (top + b.y - 6) / 2, half = (b.y - 6 - top) / 2;
                    const float left = std::max(a.x, ImGui::GetWindowDrawList()->GetClipRectMin().x);
                    const float right = std::min(b.x, ImGui::GetWindowDrawList()->GetClipRectMax().x);
                    for (float x = left; x < right; x += 1) {
                        Micros from = scale_.timeAt(x) - item.begin + item.clipIn;
                        float peak = waveform->peakIn(from, from + std::max<Micros>(1, scale_.span(1))) /
                                     std::max(waveform->loudest, 0.05f);
                        if (peak <= 0) continue;
                        list->AddLine(ImVec2(x, mid - peak * half), ImVec2(x, mid + peak * half + 1),
                                      lighter(itemColour(item.kind), 0.35f, 200));
                    }
                }
            }
            chipText(list, r, chip.label, theme::kText, item.kind == ItemKind::Audio);
            break;
        }
        case ChipKind::MapChild:
            list->AddRectFilled(a, b, lighter(theme::kMapItem, 0.12f), 3);
            list->AddCircleFilled(ImVec2(a.x + 5, (a.y + b.y) / 2), 2.5f, theme::kText);
            chipText(list, ChipRect{r.x0 + 6, r.y0, r.x1, r.y1}, chip.label, theme::kText);
            break;
    }
    if (selected) list->AddRect(a, b, theme::kAccent, 3, 0, 2);
}

TimelineRequest TimelinePanel::draw(const StudioDocument& doc, Micros t, bool cueListShown) {
    TimelineRequest request;
    const Show* show = doc.show();
    if (!show) {
        ImGui::TextDisabled("No show to lay out.");
        return request;
    }
    if (laidOutGeneration_ != doc.showGeneration()) {
        relayout(doc);
        if (drag_ != Drag::None && drag_ != Drag::Scrub) drag_ = Drag::None;  // its chip may be gone
    }
    if (cuesGeneration_ != doc.captionsGeneration()) {
        cues_ = cueChips(doc, layout_);
        cuesGeneration_ = doc.captionsGeneration();
        if (drag_ == Drag::Cue || drag_ == Drag::CuePending) drag_ = Drag::None;  // its cue may be gone
    }
    const double duration = std::max(1.0, static_cast<double>(show->duration) / kMicrosPerSecond);

    const ImVec2 origin = ImGui::GetCursorScreenPos();
    originY_ = origin.y;
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float width = std::max(200.0f, avail.x);
    const float trackWidth = width - kGutterWidth;
    const float fitScale = trackWidth / static_cast<float>(duration);
    const float pps = pixelsPerSecond_ > 0 ? pixelsPerSecond_ : fitScale;
    scrollSeconds_ = std::clamp(scrollSeconds_, 0.0f, std::max(0.0f, static_cast<float>(duration) - trackWidth / pps));
    scale_ = TimelineScale{origin.x + kGutterWidth, pps, scrollSeconds_};
    auto clampTime = [&](Micros when) { return std::clamp<Micros>(when, 0, std::max<Micros>(0, show->duration - 1)); };

    const float contentHeight = std::max(avail.y, layout_.height);
    // The lanes are one button that the mouse code below reads; the lane names' corner
    // holds the cue list's switch (drawn last, over the lanes' backgrounds).
    ImGui::SetCursorScreenPos(ImVec2(origin.x + kGutterWidth, origin.y));
    ImGui::InvisibleButton("##timeline", ImVec2(trackWidth, contentHeight), ImGuiButtonFlags_MouseButtonLeft);
    // A file from the media bin let go over the lanes: the show time under the pointer.
    if (auto drop = acceptMediaDrop(DropMarker::Time))
        if (auto place = dropPlaceAt(*show, drop->at.x)) request.dropMedia = std::pair(drop->file, place->time);
    const bool hovered = ImGui::IsItemHovered();
    const bool pressed = ImGui::IsItemActivated();
    const bool held = ImGui::IsItemActive();
    const ImGuiIO& io = ImGui::GetIO();
    const ImVec2 mouse = io.MousePos;
    const bool snapping = !io.KeyAlt;
    ImDrawList* list = ImGui::GetWindowDrawList();
    const ImVec2 clipMax(origin.x + width, origin.y + contentHeight);
    const ImVec2 tracksMin(scale_.left, origin.y);
    const float rulerTop = std::max(origin.y, ImGui::GetWindowPos().y);  // the view's top when scrolled
    list->AddRectFilled(origin, clipMax, theme::kBackground);


    // Lanes: a band each, its name in the gutter.
    for (std::size_t i = 0; i < layout_.lanes.size(); ++i) {
        const Lane& lane = layout_.lanes[i];
        const float y = origin.y + lane.top;
        list->AddRectFilled(ImVec2(origin.x, y), ImVec2(clipMax.x, y + lane.height),
                            i % 2 ? theme::kTrackAlternate : theme::kTrack);
        list->AddText(ImVec2(origin.x + 10, y + (lane.height - ImGui::GetFontSize()) / 2),
                      i == 0 ? theme::kText : theme::kDimText, lane.name.c_str());
    }
    list->AddLine(ImVec2(scale_.left - 1, origin.y), ImVec2(scale_.left - 1, clipMax.y), theme::kRuler, 1);

    list->PushClipRect(tracksMin, clipMax, true);
    // Faint lines at the ruler's ticks, under the chips.
    const double tick = tickSeconds(pps, 70);
    for (double s = std::floor(scrollSeconds_ / tick) * tick; s <= scrollSeconds_ + trackWidth / pps + tick; s += tick) {
        const float x = scale_.xOf(static_cast<Micros>(s * kMicrosPerSecond));
        list->AddLine(ImVec2(x, origin.y + kRulerHeight), ImVec2(x, clipMax.y), IM_COL32(255, 255, 255, 10));
    }

    // The chips; the one being dragged where the drag puts it, over a ghost of where it was.
    // chip -1: nothing under the pointer.
    const bool overRuler = mouse.y < rulerTop + kRulerHeight;
    const ChipHit hit = hovered && !overRuler ? hitChip(layout_, scale_, origin.y, mouse.x, mouse.y).value_or(ChipHit{}) : ChipHit{};
    // A cue lies over its sound's chip, so it is hit first.
    const ChipHit cueHit =
        hovered && !overRuler ? hitCue(layout_, cues_, scale_, origin.y, mouse.x, mouse.y).value_or(ChipHit{}) : ChipHit{};
    for (int i = 0; i < static_cast<int>(layout_.chips.size()); ++i) {
        const Chip& chip = layout_.chips[i];
        ChipRect r = chipRect(layout_, chip, scale_, origin.y);
        if (r.x1 < tracksMin.x || r.x0 > clipMax.x) continue;
        const bool selected = chip.kind != ChipKind::Transition && chip.kind != ChipKind::MapChild &&
                              doc.selection() == chip.target;
        if (drag_ == Drag::Chip && i == dragChip_) {
            list->AddRect(ImVec2(r.x0, r.y0), ImVec2(r.x1, r.y1), IM_COL32(255, 255, 255, 60), 3);
            Chip moved = dragged(chip, dragPart_, dragDelta_.delta);
            drawChip(moved, chipRect(layout_, moved, scale_, origin.y), true, *show);
            continue;
        }
        drawChip(chip, r, selected, *show);
    }
    drawCues(doc, drag_ == Drag::None ? cueHit.chip : -1);
    if ((drag_ == Drag::Chip || drag_ == Drag::Cue) && dragDelta_.line) {
        const float x = scale_.xOf(*dragDelta_.line);
        list->AddLine(ImVec2(x, origin.y), ImVec2(x, clipMax.y), theme::kAccent, 1.5f);
    }

    // The ruler, kept at the top of the view when the lanes scroll under it.
    list->AddRectFilled(ImVec2(tracksMin.x, rulerTop), ImVec2(clipMax.x, rulerTop + kRulerHeight), theme::kRuler);
    for (double s = std::floor(scrollSeconds_ / tick) * tick; s <= scrollSeconds_ + trackWidth / pps + tick; s += tick) {
        const float x = scale_.xOf(static_cast<Micros>(s * kMicrosPerSecond));
        list->AddLine(ImVec2(x, rulerTop + kRulerHeight - 7), ImVec2(x, rulerTop + kRulerHeight), theme::kRulerText);
        std::string label = formatTime(static_cast<Micros>(s * kMicrosPerSecond));
        list->AddText(ImVec2(x + 4, rulerTop + 4), theme::kRulerText, label.c_str());
    }

    // The playhead.
    const float px = scale_.xOf(t);
    list->AddLine(ImVec2(px, rulerTop), ImVec2(px, clipMax.y), theme::kPlayhead, 2);
    list->AddTriangleFilled(ImVec2(px - 6, rulerTop), ImVec2(px + 6, rulerTop), ImVec2(px, rulerTop + 8), theme::kPlayhead);
    list->PopClipRect();
    list->AddRectFilled(ImVec2(origin.x, rulerTop), ImVec2(scale_.left - 1, rulerTop + kRulerHeight), theme::kBackground);
    ImGui::SetCursorScreenPos(ImVec2(origin.x + 6, rulerTop + 2));
    if (cueListShown) {
        ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(theme::kAccent));
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(theme::kBackground));
    }
    if (ImGui::Button("Cue list", ImVec2(kGutterWidth - 12, kRulerHeight - 4))) request.toggleCueList = true;
    if (cueListShown) ImGui::PopStyleColor(2);

    // The mouse. A press on an edge trims; on a chip's body it selects, and moving it drags
    // (else it is a click that also moves the playhead there); elsewhere it scrubs.
    const Micros mouseTime = scale_.timeAt(mouse.x);
    if (pressed) {
        if (cueHit.chip >= 0) {
            // A cue: selects its sound; an edge trims at once, the body after a little move.
            request.select = layout_.chips[cues_[cueHit.chip].chip].target;
            dragCue_ = cueHit.chip;
            dragPart_ = cueHit.part;
            pressX_ = mouse.x;
            grab_ = mouseTime;
            dragDelta_ = {};
            drag_ = cueHit.part == ChipPart::Body ? Drag::CuePending : Drag::Cue;
        } else if (hit.chip >= 0) {
            const Chip& chip = layout_.chips[hit.chip];
            request.select = chip.target;
            dragChip_ = hit.chip;
            dragPart_ = hit.part;
            pressX_ = mouse.x;
            grab_ = mouseTime;
            dragDelta_ = {};
            if (hit.part != ChipPart::Body) drag_ = Drag::Chip;
            else if (chip.movable) drag_ = Drag::Pending;
            else drag_ = Drag::Scrub, request.seek = clampTime(mouseTime);
        } else if (mouse.x >= scale_.left) {
            drag_ = Drag::Scrub;
            request.seek = clampTime(mouseTime);
        }
    } else if (held && drag_ == Drag::Scrub) {
        request.seek = clampTime(mouseTime);
    } else if (held && drag_ == Drag::Pending && std::fabs(mouse.x - pressX_) >= kDragStartPixels) {
        drag_ = Drag::Chip;
    } else if (held && drag_ == Drag::CuePending && std::fabs(mouse.x - pressX_) >= kDragStartPixels) {
        drag_ = Drag::Cue;
    } else if (!held && drag_ != Drag::None) {
        if (drag_ == Drag::Chip && dragDelta_.delta != 0)
            request.drag = ChipDragRequest{layout_.chips[dragChip_], dragPart_, dragDelta_.delta};
        if (drag_ == Drag::Cue && dragDelta_.delta != 0)
            request.cueDrag = CueDragRequest{cues_[dragCue_], dragPart_, dragDelta_.delta};
        if (drag_ == Drag::Pending || drag_ == Drag::CuePending) request.seek = clampTime(grab_);
        drag_ = Drag::None;
    }
    if (held && drag_ == Drag::Chip) {
        const Chip& chip = layout_.chips[dragChip_];
        dragDelta_ = dragDelta(chip, dragPart_, grab_, mouseTime, snapTargets(layout_, dragChip_, t),
                               scale_.span(kSnapPixels), kFrameStep, snapping);
        Chip moved = dragged(chip, dragPart_, dragDelta_.delta);
        ImGui::SetMouseCursor(dragPart_ == ChipPart::Body ? ImGuiMouseCursor_ResizeAll : ImGuiMouseCursor_ResizeEW);
        ImGui::SetTooltip("%s–%s  (%s long)%s", formatTime(moved.begin).c_str(), formatTime(moved.end).c_str(),
                          formatTime(moved.end - moved.begin).c_str(), snapping ? "" : "  no snapping");
    } else if (held && drag_ == Drag::Cue) {
        const CueChip& cue = cues_[dragCue_];
        dragDelta_ = dragDelta(asChip(cue), dragPart_, grab_, mouseTime, cueSnapTargets(layout_, cues_, dragCue_, t),
                               scale_.span(kSnapPixels), kFrameStep, snapping);
        const CueChip moved = draggedCueChip(doc, cue, dragPart_, dragDelta_.delta);
        ImGui::SetMouseCursor(dragPart_ == ChipPart::Body ? ImGuiMouseCursor_ResizeAll : ImGuiMouseCursor_ResizeEW);
        ImGui::SetTooltip("cue %zu: %s–%s  (%s long)%s", cue.index + 1, formatTime(moved.begin).c_str(),
                          formatTime(moved.end).c_str(), formatTime(moved.end - moved.begin).c_str(),
                          snapping ? "" : "  no snapping");
    } else if (cueHit.chip >= 0 && drag_ == Drag::None) {
        // The pointer says what a drag does: move the cue, or trim the edge under it.
        ImGui::SetMouseCursor(cueHit.part == ChipPart::Body ? ImGuiMouseCursor_ResizeAll : ImGuiMouseCursor_ResizeEW);
        const CueChip& cue = cues_[cueHit.chip];
        const HeldCaptions* held = doc.captionFile(cue.file);
        const std::string words = held ? held->track.cues[cue.index].plainText().substr(0, 80) : std::string();
        ImGui::SetTooltip("cue %zu: %s\n%s–%s  (%s long)", cue.index + 1, words.c_str(), formatTime(cue.begin).c_str(),
                          formatTime(cue.end).c_str(), formatTime(cue.end - cue.begin).c_str());
    } else if (hit.chip >= 0 && drag_ == Drag::None) {
        if (hit.part != ChipPart::Body) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
        const Chip& chip = layout_.chips[hit.chip];
        ImGui::SetTooltip("%s\n%s–%s  (%s long)", chip.label.substr(0, 80).c_str(), formatTime(chip.begin).c_str(),
                          formatTime(chip.end).c_str(), formatTime(chip.end - chip.begin).c_str());
    }

    // Right-click selects the chip under the mouse and asks for its menu.
    if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Right)) {
        if (hit.chip >= 0) request.select = layout_.chips[hit.chip].target;
        request.contextMenu = hit.chip >= 0 || !doc.selection().empty();
    }

    // The wheel over the lane names scrolls the lanes; over the lanes it zooms about the
    // mouse, and with Shift it scrolls along the time.
    if (!hovered && io.MouseWheel != 0 && ImGui::IsWindowHovered() && mouse.x < scale_.left)
        ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseWheel * (kLaneHeight + kLaneGap));
    if (hovered && io.MouseWheel != 0) {
        const float wheel = io.MouseWheel;
        if (io.KeyShift) {
            scrollSeconds_ -= wheel * 80 / pps;
        } else {
            const float anchor = scrollSeconds_ + (mouse.x - scale_.left) / pps;
            const float next = std::clamp(pps * std::pow(kZoomStep, wheel), fitScale, kMaxPixelsPerSecond);
            pixelsPerSecond_ = next <= fitScale ? 0 : next;
            scrollSeconds_ = anchor - (mouse.x - scale_.left) / next;
        }
    }
    return request;
}

}  // namespace vitrine::studio
