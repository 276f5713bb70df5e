#pragma once
// Lines, discs and fills as plain triangles for the map drawer: strokes with mitred joins
// and a feathered edge that stands in for multisampling, so a software rasteriser draws
// them as smoothly as a GPU. Widths are in output px.

#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/VertexArray.hpp>

#include <vector>

#include "render/canvas_placement.h"
#include "script/values.h"

namespace vitrine::render {

using Vertices = std::vector<sf::Vertex>;

/// No line is drawn thinner than this (output px); a thinner one is drawn fainter instead.
constexpr float kMinLineWidth = 1.0f;
/// The soft edge around strokes and discs (output px).
constexpr float kFeather = 1.0f;

sf::Color faded(sf::Color c, double opacity);

/// A polyline as triangles with mitred joins: a solid core and a feathered edge on each side.
void strokeLine(Vertices& out, const std::vector<sf::Vector2f>& pts, float width, sf::Color colour, bool closed = false);
/// A filled disc with a feathered rim.
void fillDisc(Vertices& out, sf::Vector2f centre, float radius, sf::Color colour);
/// Points around a circle, for a closed stroke.
std::vector<sf::Vector2f> circle(sf::Vector2f centre, float radius);

void drawVertices(sf::RenderTarget& target, const Vertices& v, const sf::RenderStates& states = sf::RenderStates::Default);
/// Every vertex of `va` in `c`.
void recolour(sf::VertexArray& va, sf::Color c);

}  // namespace vitrine::render
