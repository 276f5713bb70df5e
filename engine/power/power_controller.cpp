#include "power/power_controller.h"

#include <algorithm>

#include "power/cec_display.h"
#include "power/pjlink_projector.h"

namespace vitrine::power {

PowerController::PowerController(std::vector<PoweredDevice> devices, installation::OpeningHours hours, LocalClock clock,
                                 WallClock wallClock, PowerTiming timing, Log log)
    : devices_(std::move(devices)), hours_(std::move(hours)), clock_(std::move(clock)), wallClock_(std::move(wallClock)),
      timing_(timing), log_(std::move(log)) {
    for (const auto& d : devices_) {
        DeviceStatus s;
        s.output = d.output;
        s.protocol = d.driver->protocol();
        s.address = d.driver->address();
        status_.push_back(s);
    }
    for (std::size_t i = 0; i < devices_.size(); ++i)
        workers_.emplace_back([this, i](std::stop_token stop) { work(stop, i); });
}

PowerController::~PowerController() {
    for (auto& w : workers_) w.request_stop();
    wake_.notify_all();
    workers_.clear();  // joins
}

std::vector<DeviceStatus> PowerController::snapshot() const {
    std::lock_guard lock(mutex_);
    return status_;
}

void PowerController::work(std::stop_token stop, std::size_t index) {
    auto& device = devices_[index];
    std::chrono::milliseconds retry = timing_.firstRetry;
    while (!stop.stop_requested()) {
        bool wanted = wantedOn(hours_, clock_, device.leadMicros);
        Outcome o = device.driver->exchange(wanted);
        // The status keeps the words: what /status and the log show.
        const std::string problem = o.problem ? o.problem->message : std::string();
        std::string logLine;
        {
            std::lock_guard lock(mutex_);
            auto& s = status_[index];
            if (problem != s.problem) {
                logLine = problem.empty() ? "power: " + s.output + " (" + s.address + ") answers again"
                                          : "power: " + s.output + " (" + s.address + "): " + problem;
                s.problemSince = problem.empty() ? 0 : wallClock_();
            }
            if (wanted != s.wanted && problem.empty())
                logLine = "power: " + s.output + " switched " + (wanted ? "on" : "off") + " by the opening hours";
            s.wanted = wanted;
            s.problem = problem;
            if (o.state != PowerState::Unknown || o.problem) s.state = o.state;
            if (o.lampHours >= 0) s.lampHours = o.lampHours;
            if (o.reached) s.errors = o.errors;
        }
        if (!logLine.empty()) log_(logLine);
        std::chrono::milliseconds pause = timing_.poll;
        if (o.authRefused) {
            pause = timing_.authRetry;
        } else if (o.problem) {
            pause = retry;
            retry = std::min(retry * 2, timing_.lastRetry);
        } else {
            retry = timing_.firstRetry;
        }
        // Waits out the pause, but a change of what the hours want is acted on at once
        // (checked each poll interval at most), except after a wrong password.
        auto until = std::chrono::steady_clock::now() + pause;
        std::unique_lock lock(mutex_);
        while (!stop.stop_requested() && std::chrono::steady_clock::now() < until) {
            auto slice = std::min<std::chrono::steady_clock::duration>(until - std::chrono::steady_clock::now(), timing_.poll);
            wake_.wait_for(lock, stop, slice, [] { return false; });
            if (!o.authRefused && wantedOn(hours_, clock_, device.leadMicros) != wanted) break;
        }
    }
}

std::vector<PoweredDevice> devicesOf(const installation::Installation& installation, const PowerTiming& timing) {
    std::vector<PoweredDevice> devices;
    for (const auto& o : installation.outputs) {
        if (!o.power) continue;
        const auto& p = *o.power;
        PoweredDevice d;
        d.output = o.id;
        d.leadMicros = p.warmUpMicros;
        if (p.protocol == installation::PowerProtocol::Pjlink)
            d.driver = std::make_unique<PjlinkProjector>(PjlinkEndpoint{p.host, p.port, p.password}, timing.timeout);
        else
            d.driver = std::make_unique<CecDisplay>(CecEndpoint{p.cecDevice, p.cecAdapter}, timing.cecTimeout);
        devices.push_back(std::move(d));
    }
    return devices;
}

std::vector<std::string> powerProblems(const std::vector<DeviceStatus>& devices) {
    std::vector<std::string> lines;
    for (const auto& d : devices) {
        std::string who = d.protocol + " " + d.address + " (output " + d.output + ")";
        if (!d.problem.empty()) lines.push_back(who + ": " + d.problem);
        if (!d.errors.empty()) lines.push_back(who + " reports " + d.errors);
    }
    return lines;
}

}  // namespace vitrine::power
