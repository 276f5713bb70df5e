#include "control/player_status.h"

#include <nlohmann/json.hpp>

namespace vitrine::control {

namespace {
constexpr double kMicrosPerSecond = 1e6;
}

void StatusBoard::publish(PlayerStatus status) {
    std::lock_guard lock(mutex_);
    status_ = std::move(status);
}

PlayerStatus StatusBoard::snapshot() const {
    std::lock_guard lock(mutex_);
    return status_;
}

std::string statusJson(const PlayerStatus& s) {
    nlohmann::json j = {
        {"exhibit", s.exhibit},
        {"scene", s.scene},
        {"time", s.time / kMicrosPerSecond},
        {"duration", s.duration / kMicrosPerSecond},
        {"state", s.state},
        {"fps", s.fps},
        {"droppedFrames", s.droppedFrames},
        {"drift", s.drift / kMicrosPerSecond},
        {"uptime", s.uptime / kMicrosPerSecond},
        {"frame", s.frame},
        {"problems", s.problems},
    };
    j["power"] = nlohmann::json::array();
    for (const auto& d : s.power)
        j["power"].push_back({{"output", d.output}, {"protocol", d.protocol}, {"address", d.address},
                              {"wanted", d.wanted ? "on" : "off"}, {"state", power::powerStateName(d.state)},
                              {"lampHours", d.lampHours}, {"errors", d.errors}, {"problem", d.problem}});
    // Scene ids and titles come from files: replace bad UTF-8 rather than throw.
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace vitrine::control
