#include "output/calibration.h"

#include <SFML/Graphics/CircleShape.hpp>

#include "installation/keystone_file.h"

namespace vitrine::output {

namespace {
constexpr float kMarkerRadius = 14;
const char* const kCornerNames[4] = {"top-left", "top-right", "bottom-right", "bottom-left"};
}  // namespace

Calibration::Calibration(WarpOutput& warp, std::filesystem::path installationFile)
    : warp_(warp), file_(std::move(installationFile)) {}

installation::Quad Calibration::corners() const {
    const auto& o = warp_.outputs()[output_];
    return o.keystone ? *o.keystone : installation::rectangleCorners(o.width, o.height);
}

std::optional<std::string> Calibration::handleKey(sf::Keyboard::Key key, bool shift) {
    const double step = shift ? kLargeStep : kStep;
    auto move = [&](double dx, double dy) -> std::string {
        auto q = corners();
        auto moved = q;
        moved[corner_].x += dx;
        moved[corner_].y += dy;
        const auto& o = warp_.outputs()[output_];
        // A move that would fold the image is refused: the projector could not show it.
        if (!installation::Homography::fromCorners(installation::rectangleCorners(o.width, o.height), moved))
            return "that move would fold the image; corner kept";
        warp_.setKeystone(output_, moved);
        return std::string(kCornerNames[corner_]) + " at " + std::to_string(static_cast<int>(moved[corner_].x)) + "," +
               std::to_string(static_cast<int>(moved[corner_].y));
    };
    switch (key) {
        case sf::Keyboard::Num1: case sf::Keyboard::Num2: case sf::Keyboard::Num3: case sf::Keyboard::Num4:
            corner_ = key - sf::Keyboard::Num1;
            return std::string("corner ") + kCornerNames[corner_];
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
            warp_.setKeystone(output_, installation::rectangleCorners(o.width, o.height));
            return "corners of " + o.id + " reset";
        }
        case sf::Keyboard::S: {
            auto error = save();
            return error ? "not saved: " + *error : "saved to " + file_.string();
        }
        default: return std::nullopt;
    }
}

void Calibration::drawOverlay(sf::RenderTarget& target) const {
    const auto& o = warp_.outputs()[output_];
    auto p = corners()[corner_];
    sf::CircleShape marker(kMarkerRadius);
    marker.setOrigin(kMarkerRadius, kMarkerRadius);
    marker.setPosition(static_cast<float>(p.x + o.positionX), static_cast<float>(p.y + o.positionY));
    marker.setFillColor(sf::Color::Transparent);
    marker.setOutlineColor(sf::Color::Red);
    marker.setOutlineThickness(3);
    target.draw(marker);
}

std::optional<std::string> Calibration::save() {
    const auto& o = warp_.outputs()[output_];
    return installation::saveKeystone(file_, o.id, output_, corners());
}

}  // namespace vitrine::output
