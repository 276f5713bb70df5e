#include "power/display_watch.h"

#include <algorithm>

namespace vitrine::power {

std::vector<std::string> missingOutputs(const std::vector<installation::Output>& outputs,
                                        const std::vector<MonitorRect>& monitors) {
    std::vector<std::string> missing;
    // A lone output sized by the display (or none: the implicit one) is whatever display
    // there is: it is missing only when there is none.
    if (outputs.empty() || (outputs.size() == 1 && outputs[0].sizedByDisplay)) {
        if (monitors.empty())
            missing.push_back("output '" + (outputs.empty() ? std::string(installation::kWholeDisplayOutputId) : outputs[0].id) +
                              "' (the whole display)");
        return missing;
    }
    for (const auto& o : outputs) {
        bool covered = std::any_of(monitors.begin(), monitors.end(), [&](const MonitorRect& m) {
            return m.x <= o.positionX && m.y <= o.positionY && o.positionX + o.width <= m.x + m.width &&
                   o.positionY + o.height <= m.y + m.height;
        });
        if (!covered)
            missing.push_back("output '" + o.id + "' (" + std::to_string(o.width) + "x" + std::to_string(o.height) +
                              " at " + std::to_string(o.positionX) + "," + std::to_string(o.positionY) + ")");
    }
    return missing;
}

DisplayWatcher::DisplayWatcher(std::vector<installation::Output> outputs, Probe probe, Log log,
                               std::chrono::milliseconds interval)
    : outputs_(std::move(outputs)), probe_(std::move(probe)), log_(std::move(log)), interval_(interval),
      worker_([this](std::stop_token stop) { watch(stop); }) {}

DisplayWatcher::~DisplayWatcher() {
    worker_.request_stop();
    wake_.notify_all();
}

std::optional<std::vector<MonitorRect>> DisplayWatcher::monitors() const {
    std::lock_guard lock(mutex_);
    return monitors_;
}

std::vector<std::string> DisplayWatcher::problems() const {
    std::lock_guard lock(mutex_);
    std::vector<std::string> lines;
    for (const auto& m : missing_) lines.push_back("display missing for " + m);
    return lines;
}

void DisplayWatcher::watch(std::stop_token stop) {
    // The probe opens its own X connection on this thread: libX11 1.8 (Debian 12) enables
    // its locking by itself, so this is safe beside SFML's connection on the main thread.
    while (!stop.stop_requested()) {
        // No answer from X (or no RandR) says nothing about the displays: keep the last look.
        if (auto found = probe_()) {
            auto missing = missingOutputs(outputs_, *found);
            std::vector<std::string> lines;
            std::unique_lock lock(mutex_);
            for (const auto& m : missing)
                if (std::find(missing_.begin(), missing_.end(), m) == missing_.end()) lines.push_back("display missing for " + m);
            for (const auto& m : missing_)
                if (std::find(missing.begin(), missing.end(), m) == missing.end()) lines.push_back("display back for " + m);
            missing_ = std::move(missing);
            monitors_ = std::move(*found);
            lock.unlock();
            for (const auto& l : lines) log_("outputs: " + l);
        }
        std::unique_lock lock(mutex_);
        wake_.wait_for(lock, stop, interval_, [] { return false; });
    }
}

}  // namespace vitrine::power
