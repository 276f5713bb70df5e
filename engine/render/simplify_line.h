#pragma once
// Polyline simplification for strokes on screen: map data holds far more points than a
// frame at a given zoom can show, and a software rasteriser pays for each stroked segment.

#include <SFML/System/Vector2.hpp>

#include <vector>

namespace vitrine::render {

/// Douglas–Peucker: `out` gets the ends of `in` and every point farther than `tolerance`
/// (in the points' units) from the chord between the points kept around it, in order. No
/// point of `in` lies farther than `tolerance` from the simplified line. A closed ring
/// (first point equal to the last) is measured from that point.
void simplifyLine(const std::vector<sf::Vector2f>& in, float tolerance, std::vector<sf::Vector2f>& out);

}  // namespace vitrine::render
