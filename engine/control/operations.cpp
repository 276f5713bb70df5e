#include "control/operations.h"

#include <ctime>

#include "installation/show_schedule.h"
#include "output/display_watch.h"
#include "power/power_controller.h"

namespace vitrine::control {

Operations::Operations(installation::Installation installation, ServerLog log, WallClock wallClock)
    : installation_(std::move(installation)),
      log_(std::move(log)),
      wallClock_(std::move(wallClock)),
      watchdog_(kFrozenAfterMicros, steadyClock()),
      notifier_(SystemdNotifier::fromEnvironment()),
      startedAt_(steadyClock()()),
      fpsWindowStart_(startedAt_) {
    if (installation_.proofOfPlay)
        proofOfPlay_ = std::make_unique<ProofOfPlayLog>(installation_.proofOfPlay->file, installation_.proofOfPlay->maxBytes,
                                                        installation_.proofOfPlay->keep);
    // Projectors and displays follow the hours on their own threads (engine/power).
    if (auto devices = power::devicesOf(installation_, {}); !devices.empty())
        power_ = std::make_unique<power::PowerController>(
            std::move(devices), installation_.hours,
            [this](std::int64_t ahead) { return localTimeAt((wallClock_() + ahead) / 1'000'000); }, wallClock_,
            power::PowerTiming{}, log_);
    // Displays that come and go: which output has lost its monitor goes to the status, and
    // the player places its window again when they change (with no <output> too: the
    // default installation's one display may come back at another size).
    if (auto display = output::displayName(); output::displayAnswers(display))
        displays_ = std::make_unique<output::DisplayWatcher>(installation_.outputs, [display] { return output::monitors(display); },
                                                             log_);
}

Operations::~Operations() = default;

std::vector<std::string> Operations::startServers() {
    std::vector<std::string> problems;
    const auto& c = installation_.control;
    if (c.httpPort != 0) {
        http_ = std::make_unique<HttpControlServer>(queue_, status_, &watchdog_, log_);
        if (auto e = http_->start(c.bindAddress, c.httpPort, c.token)) problems.push_back("control: " + *e);
        else log_("control: http on " + c.bindAddress + ":" + std::to_string(http_->port()));
    }
    if (c.oscPort != 0) {
        osc_ = std::make_unique<OscControlServer>(queue_, log_);
        if (auto e = osc_->start(c.bindAddress, c.oscPort, c.token)) problems.push_back("control: " + *e);
        else log_("control: osc on " + c.bindAddress + ":" + std::to_string(osc_->port()));
    }
    return problems;
}

std::optional<std::vector<output::MonitorRect>> Operations::monitors() const {
    return displays_ ? displays_->monitors() : std::nullopt;
}

Micros Operations::wallShowTime(Micros duration) const {
    constexpr std::int64_t kMicrosPerSecond = 1'000'000;
    const std::int64_t now = wallClock_();
    return installation::scheduledShowTime(installation_, duration, advisoryStart_, now,
                                           localTimeAt(now / kMicrosPerSecond));
}

installation::LocalTime localTimeAt(std::int64_t unixSeconds) {
    std::time_t now = static_cast<std::time_t>(unixSeconds);
    std::tm local{};
    localtime_r(&now, &local);
    return installation::LocalTime::at({local.tm_year + 1900, local.tm_mon + 1, local.tm_mday}, local.tm_hour,
                                       local.tm_min, local.tm_sec);
}

bool Operations::openNow() const {
    constexpr std::int64_t kMicrosPerSecond = 1'000'000;
    return installation::isOpen(installation_.hours, localTimeAt(wallClock_() / kMicrosPerSecond));
}

void Operations::sceneStarted(const std::string& sceneId) {
    if (!proofOfPlay_) return;
    if (auto e = proofOfPlay_->sceneStarted(wallClock_(), sceneId)) log_(*e);
}

void Operations::frameDone(PlayerStatus status, std::int64_t tookMicros, std::int64_t periodMicros) {
    constexpr std::int64_t kFpsWindow = 1'000'000;
    const std::int64_t now = steadyClock()();
    watchdog_.pet();
    if (!readySent_) {  // the first frame is on screen: only now is the player "started"
        notifier_.ready();
        readySent_ = true;
    }
    notifier_.alive(now);
    ++frames_;
    if (tookMicros * 2 > periodMicros * 3) ++dropped_;  // missed its deadline by half a frame
    ++fpsWindowFrames_;
    if (now - fpsWindowStart_ >= kFpsWindow) {
        fps_ = static_cast<double>(fpsWindowFrames_) * kFpsWindow / static_cast<double>(now - fpsWindowStart_);
        fpsWindowStart_ = now;
        fpsWindowFrames_ = 0;
    }
    status.fps = fps_;
    status.droppedFrames = dropped_;
    status.frame = frames_;
    status.uptime = now - startedAt_;
    if (status.state != lastState_) {
        notifier_.status(status.state + (status.scene.empty() ? "" : ", scene " + status.scene));
        lastState_ = status.state;
    }
    // Standing problems: the installation file's, and the projectors' and displays'.
    status.problems.insert(status.problems.end(), installation_.problems.begin(), installation_.problems.end());
    if (power_) {
        status.power = power_->snapshot();
        for (auto& line : power::powerProblems(status.power)) status.problems.push_back(std::move(line));
    }
    if (displays_)
        for (auto& line : displays_->problems()) status.problems.push_back(std::move(line));
    status_.publish(std::move(status));
}

}  // namespace vitrine::control
