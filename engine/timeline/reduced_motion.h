#pragma once
// Reduced motion, for visitors whom motion makes ill (an installation's <motion reduced>,
// carried in CompileOptions::reducedMotion): what moves across the screen is shown still,
// and changes are made by fades and cuts instead. Applied to the compiled show, so
// evaluate() stays one pure function and every frame of a reduced show is just a frame.
// Credits and map flights are the renderer's and the map's to keep still
// (Show::reducedMotion): text/credit_roll.h pages the credits, map/map_state.h cuts flights.

#include "timeline/show.h"

namespace vitrine {

/// A transition without motion: a slide becomes a fade of the same length and easing (the
/// scenes still change gently, nothing travels); a cut, fade or dip is kept.
TransitionSpec stillTransition(TransitionSpec transition);

/// The one framing a pan-zoom holds still: the wider of its two rectangles (the start on a
/// tie). A pan-zoom usually starts or ends on the whole picture and moves to or from a
/// detail; without the move that leads the eye there, the wider framing shows what the
/// picture is, and its credit and caption describe the whole picture.
Rect stillPanZoom(const Item& item);

/// `item` without motion: its pan-zoom held at stillPanZoom(), and each animation of a
/// position, scale or rotation made a cut at its middle (its `from` until then, its `to`
/// after, frozen or removed as written). Opacity and colour animations are kept: they do
/// not move.
void holdStill(Item& item);

}  // namespace vitrine
