#include "control/operations.h"

#include <algorithm>
#include <cstdio>
#include <ctime>

#include "control/start_line.h"
#include "installation/show_schedule.h"
#include "power/display_watch.h"
#include "power/power_controller.h"

namespace vitrine::control {

namespace {

constexpr std::int64_t kMicrosPerSecond = 1'000'000;

// "Mon 2026-03-02 10:00", the machine's local time, as a technician reads it.
std::string formatLocal(const installation::LocalTime& t) {
    static constexpr const char* kDays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    const auto date = installation::civilFromDays(t.day);
    char text[48];
    std::snprintf(text, sizeof text, "%s %04d-%02d-%02d %02d:%02d", kDays[installation::weekdayOf(t.day)], date.year,
                  date.month, date.day, t.second / 3600, t.second / 60 % 60);
    return text;
}

// The next moment the hours open after `now` (the end of the present opening first, when open).
std::optional<installation::LocalTime> nextOpeningAfter(const installation::OpeningHours& hours,
                                                        installation::LocalTime now) {
    if (hours.always) return std::nullopt;
    auto change = installation::nextChange(hours, now);
    if (change && installation::isOpen(hours, now)) change = installation::nextChange(hours, *change);
    return change;
}

}  // namespace

Operations::Operations(installation::Installation installation, ServerLog log, WallClock wallClock)
    : installation_(std::move(installation)),
      log_(std::move(log)),
      wallClock_(std::move(wallClock)),
      described_(installation_.description),
      watchdog_(kFrozenAfterMicros, steadyClock()),
      notifier_(SystemdNotifier::fromEnvironment()),
      startedAt_(steadyClock()()),
      fpsWindowStart_(startedAt_) {
    if (installation_.proofOfPlay)
        proofOfPlay_ = std::make_unique<ProofOfPlayLog>(installation_.proofOfPlay->file, installation_.proofOfPlay->maxBytes,
                                                        installation_.proofOfPlay->keep);
    nextOpening_ = nextOpening();
    // Projectors and displays follow the hours on their own threads (engine/power).
    if (auto devices = power::devicesOf(installation_, {}); !devices.empty())
        power_ = std::make_unique<power::PowerController>(
            std::move(devices), installation_.hours,
            [this](std::int64_t ahead) { return localTimeAt((wallClock_() + ahead) / 1'000'000); }, wallClock_,
            power::PowerTiming{}, log_);
    // Displays that come and go: which output has lost its monitor goes to the status, and
    // the player places its window again when they change (with no <output> too: the
    // default installation's one display may come back at another size).
    if (auto display = power::displayName(); power::displayAnswers(display))
        displays_ = std::make_unique<power::DisplayWatcher>(installation_.outputs, [display] { return power::monitors(display); },
                                                             log_);
}

std::string Operations::nextOpening() const {
    const auto next = nextOpeningAfter(installation_.hours, localTimeAt(wallClock_() / kMicrosPerSecond));
    return next ? formatLocal(*next) : "";
}

void Operations::started(const std::string& exhibitTitle, const std::string& exhibitFile) {
    const auto now = localTimeAt(wallClock_() / kMicrosPerSecond);
    std::string when;
    if (installation_.hours.always) when = "open";
    else if (installation::isOpen(installation_.hours, now)) {
        const auto closes = installation::nextChange(installation_.hours, now);
        when = "open" + (closes ? " until " + formatLocal(*closes) : std::string()) +
               (nextOpening_.empty() ? "" : ", next opening " + nextOpening_);
    } else {
        when = "closed" + (nextOpening_.empty() ? std::string(", no opening ahead") : ", next opening " + nextOpening_);
    }
    log_(startLine(exhibitTitle, exhibitFile, installation_, when));
}

Operations::~Operations() = default;

std::vector<std::string> Operations::startServers() {
    std::vector<std::string> problems;
    const auto& c = installation_.control;
    if (c.httpPort != 0) {
        screen_ = std::make_unique<ScreenCopy>();
        http_ = std::make_unique<HttpControlServer>(queue_, status_, &watchdog_, log_);
        http_->setScreen(screen_.get());
        if (auto e = http_->start(c.bindAddress, c.httpPort, c.token)) {
            problems.push_back("control: " + e->message);
            http_.reset();
            screen_.reset();
        } else {
            log_("control: http on " + c.bindAddress + ":" + std::to_string(http_->port()));
        }
    }
    if (c.oscPort != 0) {
        osc_ = std::make_unique<OscControlServer>(queue_, log_);
        if (auto e = osc_->start(c.bindAddress, c.oscPort, c.token)) problems.push_back("control: " + e->message);
        else log_("control: osc on " + c.bindAddress + ":" + std::to_string(osc_->port()));
    }
    // Another process holding the port is seen on the status of whichever server did start.
    status_.setProblems("control", problems);
    return problems;
}

std::optional<std::vector<power::MonitorRect>> Operations::monitors() const {
    return displays_ ? displays_->monitors() : std::nullopt;
}

Micros Operations::wallShowTime(Micros duration) const {
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

bool Operations::describingNow() { return described_.on(localTimeAt(wallClock_() / kMicrosPerSecond)); }

void Operations::describe(installation::DescriptionCommand command) {
    described_.command(command, localTimeAt(wallClock_() / kMicrosPerSecond));
}

bool Operations::openNow() const {
    return installation::isOpen(installation_.hours, localTimeAt(wallClock_() / kMicrosPerSecond));
}

std::optional<std::int64_t> Operations::quietLimit() const {
    std::optional<std::int64_t> limit;
    if (!installation_.hours.always) {
        const std::int64_t nowMicros = wallClock_();
        const auto now = localTimeAt(nowMicros / kMicrosPerSecond);
        // In local seconds: a daylight-saving jump in between makes this an hour off, which
        // the loop's longest closed sleep (a minute) makes up for long before the change.
        if (auto change = installation::nextChange(installation_.hours, now))
            limit = (change->absolute() - now.absolute()) * kMicrosPerSecond - nowMicros % kMicrosPerSecond;
    }
    if (auto ping = notifier_.nextAliveAt()) {
        const std::int64_t untilPing = *ping - steadyClock()();
        limit = limit ? std::min(*limit, untilPing) : untilPing;
    }
    return limit;
}

void Operations::recordProofOfPlay(const std::optional<Error>& problem, const std::string& line) {
    status_.noteProofOfPlay(line);
    // Logged once when it starts failing, and in /status until a line is written again.
    if (problem && !proofOfPlayFailing_) log_(problem->message);
    proofOfPlayFailing_ = problem.has_value();
    status_.setProblems("proof of play", problem ? std::vector<std::string>{problem->message} : std::vector<std::string>{});
}

void Operations::sceneStarted(const std::string& sceneId) {
    sceneRecordedThisFrame_ = true;
    if (!proofOfPlay_) return;
    auto problem = proofOfPlay_->sceneStarted(wallClock_(), sceneId);
    recordProofOfPlay(problem, proofOfPlay_->lastLine());
}

void Operations::proofOfPlayEvent(const std::string& what) {
    if (!proofOfPlay_) return;
    auto problem = proofOfPlay_->event(wallClock_(), what);
    recordProofOfPlay(problem, proofOfPlay_->lastLine());
}

void Operations::noteStateChange(const PlayerStatus& s) {
    const std::string& was = previousState_;
    const std::string& now = s.state;
    if (now == was) return;
    const bool showing = now != "closed" && now != "calibrating";
    if (was.empty()) {
        proofOfPlayEvent("started");
    } else if (now == "closed") {
        log_("closed (opening hours)" + (nextOpening_.empty() ? std::string() : "; next opening " + nextOpening_));
        proofOfPlayEvent("closed");
    } else if (was == "closed") {
        log_("open (opening hours)" + (s.scene.empty() ? std::string() : ", scene " + s.scene));
        proofOfPlayEvent("opened");
    }
    if (now == "calibrating") proofOfPlayEvent("calibration started");
    else if (was == "calibrating") proofOfPlayEvent("calibration ended");
    // The scene a visitor sees from now on: nothing else would record it until the next
    // scene starts, and the record must say what was on screen.
    const bool wasShowing = !was.empty() && was != "closed" && was != "calibrating";
    if (showing && !wasShowing && !s.scene.empty() && !sceneRecordedThisFrame_) sceneStarted(s.scene);
}

void Operations::frameDone(PlayerStatus status, std::int64_t tookMicros, std::int64_t periodMicros) {
    constexpr std::int64_t kFpsWindow = 1'000'000;
    noteStateChange(status);
    previousState_ = status.state;
    sceneRecordedThisFrame_ = false;
    const std::int64_t now = steadyClock()();
    watchdog_.pet();
    if (!readySent_) {  // the first frame is on screen: only now is the player "started"
        notifier_.ready();
        readySent_ = true;
    }
    notifier_.alive(now);
    ++frames_;
    if (tookMicros > periodMicros) ++late_;
    if (tookMicros * 2 > periodMicros * 3) ++dropped_;  // missed its deadline by half a frame
    frameTimes_.add(tookMicros);
    ++fpsWindowFrames_;
    if (now - fpsWindowStart_ >= kFpsWindow) {
        // Once a second: sorting the window and reading the hours are not for every frame.
        fps_ = static_cast<double>(fpsWindowFrames_) * kFpsWindow / static_cast<double>(now - fpsWindowStart_);
        fpsWindowStart_ = now;
        fpsWindowFrames_ = 0;
        frameTimeSummary_ = frameTimes_.summary();
        nextOpening_ = nextOpening();
    }
    status.fps = fps_;
    status.lateFrames = late_;
    status.droppedFrames = dropped_;
    status.frameTime = frameTimeSummary_;
    status.nextOpening = nextOpening_;
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
    if (frameObserver_) frameObserver_(status, now);
    status_.publish(std::move(status));
}

}  // namespace vitrine::control
