#pragma once
// A small exhibit for the canvas tests: overlapping items, one in a region with a centre
// anchor, one fading in, and a picture with a pan-zoom; written as a designer would, with
// px and % mixed.

#include <doctest/doctest.h>

#include <string>

#include "studio/studio_fixture.h"

namespace vitrine::studio::testing {

// Boxes (canvas 1000x500): "Back" 100,100 300x100; "Front" 200,100 300x100 (over Back's
// right part); "Side" 650,200 200x100 (centred in the right half); "Fading" 600,400 100x50
// (transparent at 0 s, fading in over 2 s); the picture 0,0 1000x500 from 5 s.
inline const char* kCanvasFixture = R"(<?xml version="1.0" encoding="UTF-8"?>
<exhibit title="Canvas" size="1000x500" lang="en">
  <region id="side" x="50%" y="0" width="50%" height="100%"/>
  <scene id="one" dur="10s">
    <text x="100" y="100" width="300" height="100">Back</text>
    <text x="20%"  y="20%" width="30%" height="20%" >Front</text>
    <text region="side" anchor="center" x="50%" y="50%" width="200" height="100">Side</text>
    <text x="600" y="400" width="100" height="50" fade="2s">Fading</text>
    <image placeholder="An archive photograph" credit="To be supplied" x="0" y="0" width="1000" height="500"
           begin="5s" panzoom="0,0,100%,100% → 10%,10%,50%,50%"/>
  </scene>
</exhibit>
)";

constexpr int kBack = 0, kFront = 1, kSide = 2, kFading = 3, kPicture = 4;

}  // namespace vitrine::studio::testing
