#include "control/player_status.h"

#include <nlohmann/json.hpp>

namespace vitrine::control {

namespace {
constexpr double kMicrosPerSecond = 1e6;
}

std::string roomState(const PlayerStatus& s) {
    if (s.state == "closed") return "closed on schedule";
    return s.problems.empty() ? "open" : "faulty";
}

void StatusBoard::publish(PlayerStatus status) {
    std::lock_guard lock(mutex_);
    status_ = std::move(status);
}

void StatusBoard::setProblems(const std::string& source, std::vector<std::string> problems) {
    std::lock_guard lock(mutex_);
    if (problems.empty()) problems_.erase(source);
    else problems_[source] = std::move(problems);
}

void StatusBoard::noteProofOfPlay(std::string line) {
    std::lock_guard lock(mutex_);
    proofOfPlay_.push_back(std::move(line));
    if (proofOfPlay_.size() > kProofOfPlayLines) proofOfPlay_.pop_front();
}

PlayerStatus StatusBoard::snapshot() const {
    std::lock_guard lock(mutex_);
    PlayerStatus s = status_;
    // Standing problems first: they are the ones a technician has to act on.
    std::vector<std::string> problems;
    for (const auto& [source, list] : problems_) problems.insert(problems.end(), list.begin(), list.end());
    problems.insert(problems.end(), s.problems.begin(), s.problems.end());
    s.problems = std::move(problems);
    s.proofOfPlay.assign(proofOfPlay_.begin(), proofOfPlay_.end());
    return s;
}

std::string statusJson(const PlayerStatus& s) {
    nlohmann::json j = {
        {"exhibit", s.exhibit},
        {"scene", s.scene},
        {"time", s.time / kMicrosPerSecond},
        {"duration", s.duration / kMicrosPerSecond},
        {"state", s.state},
        {"room", roomState(s)},
        {"nextOpening", s.nextOpening},
        {"fps", s.fps},
        {"lateFrames", s.lateFrames},
        {"droppedFrames", s.droppedFrames},
        {"frameTimeP95", s.frameTime.p95 / kMicrosPerSecond},
        {"drift", s.drift / kMicrosPerSecond},
        {"uptime", s.uptime / kMicrosPerSecond},
        {"frame", s.frame},
        {"residentBytes", s.residentBytes},
        {"problems", s.problems},
        {"proofOfPlay", s.proofOfPlay},
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
