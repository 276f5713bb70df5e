// The player's projector outputs: the canvas warped and blended onto the window, the
// window placed again over displays that come and go, and calibration.

#include "player/player.h"

#include "installation/saved_keystones.h"
#include "output/display_placement.h"

namespace vitrine {

bool Player::ensureWarp() {
    if (warp_) return true;
    auto canvas = std::make_unique<sf::RenderTexture>();
    const sf::Vector2u size(static_cast<unsigned>(show().canvas.width), static_cast<unsigned>(show().canvas.height));
    if (!canvas->create(size.x, size.y)) return false;
    canvas->setSmooth(true);
    canvas_ = std::move(canvas);
    warp_ = std::make_unique<output::WarpOutput>(venue_->outputs(), size, window_.target().getSize());
    if (!warp_->shaderReady()) log_(warp_->problem()->message);
    return true;
}

void Player::followDisplays() {
    // A display that comes back, or returns at another size or place: the window goes over
    // it again and the warp is rebuilt for its size with every keystone kept. Only a
    // fullscreen window: one opened by hand stays where its user put it.
    auto seen = venue_->monitors();
    if (!seen || seen == monitorsPlacedFor_ || !window_.fullscreen()) return;
    monitorsPlacedFor_ = seen;
    const auto place = output::windowPlacement(venue_->outputs(), *seen);
    if (!place || window_.placedOver(place->x, place->y, place->width, place->height)) return;
    window_.placeOver(place->x, place->y, place->width, place->height);
    window_.showCursor(mode_.now == PlayerState::Calibrating);
    shown_ = PlayerState::Finished;  // a new window: nothing on it yet, even while closed
    log_("outputs: window placed over " + std::to_string(place->width) + "x" + std::to_string(place->height) + " at " +
         std::to_string(place->x) + "," + std::to_string(place->y));
    if (!warp_) return;
    warp_ = std::make_unique<output::WarpOutput>(output::keystonesKept(venue_->outputs(), *warp_), canvas_->getSize(),
                                                 window_.target().getSize());
    // Calibration edits the warp it was made for; its corners were carried over above.
    if (calibration_) calibration_ = std::make_unique<output::Calibration>(*warp_, calibration_->saveFile());
}

void Player::setCalibrating(bool on) {
    if (on == (mode_.now == PlayerState::Calibrating)) return;
    if (on) {
        if (!ensureWarp()) {
            log_("calibration: no canvas texture could be made; calibration is not available");
            return;
        }
        if (!calibration_) {
            std::filesystem::path file = venue_->installationFile();
            if (file.empty()) log_("calibration: no installation file (--installation FILE): corners cannot be saved");
            // Installed, the service user cannot write /etc/vitrine: corners go to its state folder.
            else file = installation::keystoneSaveFile(file);
            calibration_ = std::make_unique<output::Calibration>(*warp_, file);
        }
        log_("calibration: drag a corner with the mouse, or 1-4 pick a corner, arrows move it (Shift 0.1 px, Ctrl 10 px), "
             "Tab next output, P next pattern, R reset, S save, Esc or Ctrl+Shift+C back to the show");
    } else {
        if (calibration_ && !calibration_->unsaved().empty())
            log_("calibration: corners changed but not saved (they apply until the player restarts; S saves)");
        log_("calibration off");
    }
    change(on ? PlayerEvent::CalibrationOn : PlayerEvent::CalibrationOff);
    window_.showCursor(on);
}

void Player::handleCalibrationEvents(const std::vector<sf::Event>& events) {
    for (const auto& e : events) {
        std::optional<std::string> line;
        switch (e.type) {
            case sf::Event::KeyPressed:
                if (e.key.code == sf::Keyboard::Escape) {
                    setCalibrating(false);
                    return;
                }
                line = calibration_->handleKey(e.key.code, e.key.shift, e.key.control);
                break;
            case sf::Event::MouseButtonPressed:
                if (e.mouseButton.button == sf::Mouse::Left)
                    line = calibration_->pressMouse(window_.toDrawing(e.mouseButton.x, e.mouseButton.y));
                break;
            case sf::Event::MouseMoved: calibration_->moveMouse(window_.toDrawing(e.mouseMove.x, e.mouseMove.y)); break;
            case sf::Event::MouseButtonReleased:
                if (e.mouseButton.button == sf::Mouse::Left) line = calibration_->releaseMouse();
                break;
            default: break;
        }
        if (line) log_("calibration: " + *line);
    }
}

void Player::drawCalibration() {
    // The pattern goes into the canvas, so it is warped and blended exactly as the show.
    canvas_->setView(canvas_->getDefaultView());
    output::drawTestPattern(calibration_->pattern(), *canvas_);
    canvas_->display();
    warp_->draw(canvas_->getTexture(), window_.target());
    calibration_->drawOverlay(window_.target());
}

}  // namespace vitrine
