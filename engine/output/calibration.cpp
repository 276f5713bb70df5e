#include "output/calibration.h"

#include <SFML/Graphics/CircleShape.hpp>
#include <SFML/Graphics/RectangleShape.hpp>
#include <SFML/Graphics/Text.hpp>
#include <SFML/Graphics/VertexArray.hpp>

#include <cmath>
#include <cstdio>
#include <limits>
#include <vector>

#include "installation/saved_keystones.h"
#include "text/font_library.h"

namespace vitrine::output {

namespace {
constexpr float kMarkerRadius = 14;
constexpr float kCornerDotRadius = 6;
constexpr float kOutlineThickness = 3;
const sf::Color kSelectedColour = sf::Color::Red;
const sf::Color kOutlineColour(255, 200, 0);
// The save status: large enough to read across a hall, on a dark box over any pattern.
constexpr unsigned kStatusPixels = 32;
constexpr float kStatusMargin = 24;
constexpr float kStatusPadding = 10;
const sf::Color kStatusBox(0, 0, 0, 200);
const sf::Color kSavedColour(120, 230, 120);
const sf::Color kNotSavedColour(255, 110, 90);
const char* const kCornerNames[4] = {"top-left", "top-right", "bottom-right", "bottom-left"};

double cross(installation::Point o, installation::Point a, installation::Point b) {
    return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

std::string formatCoordinate(double v) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", v);
    return text;
}
}  // namespace

bool isProjectableQuad(const installation::Quad& q) {
    int positive = 0, negative = 0;
    for (int i = 0; i < 4; ++i) {
        double c = cross(q[i], q[(i + 1) % 4], q[(i + 2) % 4]);
        if (c > 0) ++positive;
        else if (c < 0) ++negative;
        else return false;  // three corners on a line
    }
    return positive == 4 || negative == 4;
}

Calibration::Calibration(WarpOutput& warp, std::filesystem::path saveFile)
    : warp_(warp), file_(std::move(saveFile)) {}

installation::Quad Calibration::cornersOf(std::size_t output) const {
    const auto& o = warp_.outputs()[output];
    return o.keystone ? *o.keystone : warp_.uncorrectedCorners(output);
}

installation::Quad Calibration::corners() const { return cornersOf(output_); }

std::string Calibration::describeCorner() const {
    auto p = corners()[corner_];
    return warp_.outputs()[output_].id + " " + kCornerNames[corner_] + " at " + formatCoordinate(p.x) + "," +
           formatCoordinate(p.y);
}

bool Calibration::placeCorner(installation::Point to) {
    auto moved = corners();
    moved[corner_] = to;
    const auto& o = warp_.outputs()[output_];
    // A move that would fold the image is refused: the projector could not show it.
    if (!isProjectableQuad(moved) ||
        !installation::Homography::fromCorners(installation::rectangleCorners(o.width, o.height), moved))
        return false;
    warp_.setKeystone(output_, moved);
    unsaved_.insert(output_);
    saveStatus_.clear();
    return true;
}

std::optional<std::string> Calibration::handleKey(sf::Keyboard::Key key, bool shift, bool control) {
    const double step = shift ? kFineStep : control ? kCoarseStep : kStep;
    auto move = [&](double dx, double dy) -> std::string {
        auto p = corners()[corner_];
        if (!placeCorner({p.x + dx, p.y + dy})) return "that move would fold the image; corner kept";
        return describeCorner();
    };
    switch (key) {
        case sf::Keyboard::Num1: case sf::Keyboard::Num2: case sf::Keyboard::Num3: case sf::Keyboard::Num4:
            corner_ = key - sf::Keyboard::Num1;
            return "corner " + describeCorner();
        case sf::Keyboard::Tab:
            output_ = (output_ + 1) % warp_.outputs().size();
            return "output " + warp_.outputs()[output_].id;
        case sf::Keyboard::Left: return move(-step, 0);
        case sf::Keyboard::Right: return move(step, 0);
        case sf::Keyboard::Up: return move(0, -step);
        case sf::Keyboard::Down: return move(0, step);
        case sf::Keyboard::P:
            pattern_ = static_cast<TestPattern>((static_cast<int>(pattern_) + 1) % kTestPatternCount);
            return "pattern " + std::string(testPatternName(pattern_));
        case sf::Keyboard::R: {
            const auto& o = warp_.outputs()[output_];
            warp_.setKeystone(output_, warp_.uncorrectedCorners(output_));
            unsaved_.insert(output_);
            saveStatus_.clear();
            return "corners of " + o.id + " reset";
        }
        case sf::Keyboard::S:
            save();
            return saveStatus_;
        default: return std::nullopt;
    }
}

std::optional<std::string> Calibration::pressMouse(sf::Vector2f at) {
    double best = kGrabRadius * kGrabRadius;
    std::optional<std::pair<std::size_t, int>> picked;
    // The selected output first, so that of two corners on the same spot (an overlap) the
    // one being worked on wins.
    std::vector<std::size_t> order{output_};
    for (std::size_t i = 0; i < warp_.outputs().size(); ++i)
        if (i != output_) order.push_back(i);
    for (auto i : order) {
        const auto& o = warp_.outputs()[i];
        auto q = cornersOf(i);
        for (int c = 0; c < 4; ++c) {
            double dx = q[c].x + o.positionX - at.x, dy = q[c].y + o.positionY - at.y;
            double d = dx * dx + dy * dy;
            if (d < best) {
                best = d;
                picked = {i, c};
            }
        }
    }
    if (!picked) return std::nullopt;
    output_ = picked->first;
    corner_ = picked->second;
    const auto& o = warp_.outputs()[output_];
    auto p = corners()[corner_];
    grabOffset_ = {static_cast<float>(p.x + o.positionX) - at.x, static_cast<float>(p.y + o.positionY) - at.y};
    dragging_ = true;
    return "corner " + describeCorner();
}

void Calibration::moveMouse(sf::Vector2f at) {
    if (!dragging_) return;
    const auto& o = warp_.outputs()[output_];
    placeCorner({at.x + grabOffset_.x - o.positionX, at.y + grabOffset_.y - o.positionY});
}

std::optional<std::string> Calibration::releaseMouse() {
    if (!dragging_) return std::nullopt;
    dragging_ = false;
    return describeCorner();
}

void Calibration::drawOverlay(sf::RenderTarget& target) {
    target.setView(target.getDefaultView());
    for (std::size_t i = 0; i < warp_.outputs().size(); ++i) {
        const auto& o = warp_.outputs()[i];
        auto q = cornersOf(i);
        auto at = [&](int c) {
            return sf::Vector2f(static_cast<float>(q[c].x + o.positionX), static_cast<float>(q[c].y + o.positionY));
        };
        sf::VertexArray outline(sf::LineStrip);
        const sf::Color colour = i == output_ ? kSelectedColour : kOutlineColour;
        for (int c = 0; c <= 4; ++c) outline.append(sf::Vertex(at(c % 4), colour));
        target.draw(outline);
        for (int c = 0; c < 4; ++c) {
            sf::CircleShape dot(kCornerDotRadius);
            dot.setOrigin(kCornerDotRadius, kCornerDotRadius);
            dot.setPosition(at(c));
            dot.setFillColor(colour);
            target.draw(dot);
        }
    }
    const auto& o = warp_.outputs()[output_];
    auto p = corners()[corner_];
    sf::CircleShape marker(kMarkerRadius);
    marker.setOrigin(kMarkerRadius, kMarkerRadius);
    marker.setPosition(static_cast<float>(p.x + o.positionX), static_cast<float>(p.y + o.positionY));
    marker.setFillColor(sf::Color::Transparent);
    marker.setOutlineColor(kSelectedColour);
    marker.setOutlineThickness(kOutlineThickness);
    target.draw(marker);
    if (saveStatus_.empty()) return;
    if (!fontTried_) {
        fontTried_ = true;
        font_.loadFromFile((text::bundledFontsDirectory() / "DejaVuSans.ttf").string());
    }
    sf::Text status(sf::String::fromUtf8(saveStatus_.begin(), saveStatus_.end()), font_, kStatusPixels);
    status.setFillColor(saveStatus_.starts_with("saved") ? kSavedColour : kNotSavedColour);
    const sf::Vector2f at(static_cast<float>(o.positionX) + kStatusMargin, static_cast<float>(o.positionY) + kStatusMargin);
    status.setPosition(at);
    const auto bounds = status.getGlobalBounds();
    sf::RectangleShape box({bounds.width + 2 * kStatusPadding, bounds.height + 2 * kStatusPadding});
    box.setPosition(bounds.left - kStatusPadding, bounds.top - kStatusPadding);
    box.setFillColor(kStatusBox);
    target.draw(box);
    target.draw(status);
}

std::optional<Error> Calibration::save() {
    std::vector<installation::KeystoneEdit> edits;
    auto changed = unsaved_.empty() ? std::set<std::size_t>{output_} : unsaved_;
    for (auto i : changed) edits.push_back({warp_.outputs()[i].id, i, cornersOf(i)});
    auto error = installation::saveCalibration(file_, edits);
    if (!error) unsaved_.clear();
    saveStatus_ = error ? "not saved: " + error->message : "saved to " + file_.string();
    return error;
}

}  // namespace vitrine::output
