#include "output/test_pattern.h"

#include <SFML/Graphics/CircleShape.hpp>
#include <SFML/Graphics/RectangleShape.hpp>
#include <SFML/Graphics/VertexArray.hpp>

#include <array>
#include <cmath>

namespace vitrine::output {

namespace {

constexpr float kGridStep = 120;       // canvas pixels between grid lines (16 × 9 cells at 1080p)
constexpr float kCrosshatchStep = 60;  // finer, to judge convergence
constexpr float kLineWidth = 2;
constexpr int kFocusRings = 12;
constexpr int kFocusSpokes = 72;

void line(sf::VertexArray& lines, sf::Vector2f a, sf::Vector2f b, sf::Color c) {
    lines.append(sf::Vertex(a, c));
    lines.append(sf::Vertex(b, c));
}

void rect(sf::RenderTarget& t, sf::Vector2f pos, sf::Vector2f size, sf::Color c) {
    sf::RectangleShape r(size);
    r.setPosition(pos);
    r.setFillColor(c);
    t.draw(r);
}

// Lines every `step` pixels, plus a line exactly on the far edges so the border shows.
void drawLines(sf::RenderTarget& t, float step, sf::Color c) {
    const auto size = t.getView().getSize();
    for (float x = 0; x <= size.x; x += step) rect(t, {x - kLineWidth / 2, 0}, {kLineWidth, size.y}, c);
    for (float y = 0; y <= size.y; y += step) rect(t, {0, y - kLineWidth / 2}, {size.x, kLineWidth}, c);
    rect(t, {size.x - kLineWidth, 0}, {kLineWidth, size.y}, c);
    rect(t, {0, size.y - kLineWidth}, {size.x, kLineWidth}, c);
}

}  // namespace

void drawTestPattern(TestPattern kind, sf::RenderTarget& target) {
    target.setView(target.getDefaultView());
    const auto size = target.getView().getSize();
    const sf::Vector2f centre = size / 2.f;
    switch (kind) {
        case TestPattern::Black: target.clear(sf::Color::Black); break;
        case TestPattern::White: target.clear(sf::Color::White); break;
        case TestPattern::Grid: {
            target.clear(sf::Color::Black);
            drawLines(target, kGridStep, sf::Color::White);
            // Diagonals and a centre circle show keystone error at a glance.
            sf::VertexArray diag(sf::Lines);
            line(diag, {0, 0}, size, sf::Color::White);
            line(diag, {size.x, 0}, {0, size.y}, sf::Color::White);
            target.draw(diag);
            sf::CircleShape circle(size.y * 0.4f, 120);
            circle.setOrigin(circle.getRadius(), circle.getRadius());
            circle.setPosition(centre);
            circle.setFillColor(sf::Color::Transparent);
            circle.setOutlineColor(sf::Color::White);
            circle.setOutlineThickness(kLineWidth);
            target.draw(circle);
            break;
        }
        case TestPattern::Crosshatch:
            target.clear(sf::Color::Black);
            drawLines(target, kCrosshatchStep, sf::Color(200, 200, 200));
            break;
        case TestPattern::ColourBars: {
            // SMPTE-style order: white, yellow, cyan, green, magenta, red, blue, black at 75%.
            static constexpr std::array<sf::Uint32, 8> kBars = {0xBFBFBFFF, 0xBFBF00FF, 0x00BFBFFF, 0x00BF00FF,
                                                                0xBF00BFFF, 0xBF0000FF, 0x0000BFFF, 0x000000FF};
            const float w = size.x / kBars.size();
            for (std::size_t i = 0; i < kBars.size(); ++i)
                rect(target, {i * w, 0}, {w + 1, size.y * 0.75f}, sf::Color(kBars[i]));
            // A grey ramp below, to set black level and gamma by eye.
            const int steps = 16;
            for (int i = 0; i < steps; ++i) {
                auto v = static_cast<sf::Uint8>(i * 255 / (steps - 1));
                rect(target, {i * size.x / steps, size.y * 0.75f}, {size.x / steps + 1, size.y * 0.25f}, sf::Color(v, v, v));
            }
            break;
        }
        case TestPattern::Focus: {
            target.clear(sf::Color::Black);
            sf::VertexArray spokes(sf::Lines);
            const float radius = std::min(size.x, size.y) * 0.45f;
            for (int i = 0; i < kFocusSpokes; ++i) {
                float a = static_cast<float>(i) * 6.2831853f / kFocusSpokes;
                line(spokes, centre, centre + sf::Vector2f(std::cos(a), std::sin(a)) * radius, sf::Color::White);
            }
            target.draw(spokes);
            for (int r = 1; r <= kFocusRings; ++r) {
                sf::CircleShape ring(radius * r / kFocusRings, 180);
                ring.setOrigin(ring.getRadius(), ring.getRadius());
                ring.setPosition(centre);
                ring.setFillColor(sf::Color::Transparent);
                ring.setOutlineThickness(1);
                ring.setOutlineColor(sf::Color::White);
                target.draw(ring);
            }
            break;
        }
    }
}

std::string_view testPatternName(TestPattern kind) {
    switch (kind) {
        case TestPattern::Grid: return "grid";
        case TestPattern::Crosshatch: return "crosshatch";
        case TestPattern::ColourBars: return "colour-bars";
        case TestPattern::Focus: return "focus";
        case TestPattern::White: return "white";
        case TestPattern::Black: return "black";
    }
    return "grid";
}

std::optional<TestPattern> parseTestPattern(std::string_view name) {
    for (int i = 0; i < kTestPatternCount; ++i) {
        auto k = static_cast<TestPattern>(i);
        if (testPatternName(k) == name) return k;
    }
    return std::nullopt;
}

}  // namespace vitrine::output
