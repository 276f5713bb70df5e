#pragma once
// The studio's colours: a calm dark theme that leaves the preview the brightest thing on
// screen, with one warm accent for what is selected and where the playhead is.

#include <imgui.h>

namespace vitrine::studio::theme {

inline const ImU32 kBackground = IM_COL32(24, 26, 30, 255);
inline const ImU32 kTrack = IM_COL32(32, 35, 40, 255);
inline const ImU32 kTrackAlternate = IM_COL32(36, 39, 45, 255);
inline const ImU32 kRuler = IM_COL32(44, 48, 55, 255);
inline const ImU32 kRulerText = IM_COL32(160, 166, 176, 255);
inline const ImU32 kSceneFill = IM_COL32(58, 74, 88, 255);
inline const ImU32 kSceneFillAlternate = IM_COL32(66, 84, 99, 255);
inline const ImU32 kText = IM_COL32(226, 228, 232, 255);
inline const ImU32 kDimText = IM_COL32(150, 155, 165, 255);
inline const ImU32 kAccent = IM_COL32(226, 170, 84, 255);
inline const ImU32 kPlayhead = IM_COL32(240, 190, 100, 255);
inline const ImU32 kError = IM_COL32(232, 96, 88, 255);
inline const ImU32 kWarning = IM_COL32(226, 182, 84, 255);
inline const ImU32 kNote = IM_COL32(130, 170, 220, 255);
inline const ImU32 kTextItem = IM_COL32(70, 104, 138, 255);
inline const ImU32 kImageItem = IM_COL32(104, 88, 138, 255);
inline const ImU32 kVideoItem = IM_COL32(138, 80, 92, 255);
inline const ImU32 kAudioItem = IM_COL32(138, 106, 70, 255);
inline const ImU32 kMapItem = IM_COL32(76, 120, 92, 255);

/// Applies the theme's colours, spacing and rounding to the current ImGui style.
void apply();

}  // namespace vitrine::studio::theme
