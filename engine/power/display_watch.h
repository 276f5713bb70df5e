#pragma once
// Projectors and displays that come and go: a worker asks X every second which monitors
// are there and which of the installation's outputs has none, so the status can say which
// one is missing meanwhile, and the log when it is back. The frame loop only reads the
// answer: when the monitors change it places its window over them again and keeps each
// output's keystone (output/display_placement.h).

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <stop_token>
#include <string>
#include <thread>
#include <vector>

#include "installation/installation.h"
#include "power/display_probe.h"

namespace vitrine::power {

/// The outputs with no monitor covering their rectangle (position and resolution on the
/// desktop), each as "output 'right' (1920x1080 at 1920,0)".
std::vector<std::string> missingOutputs(const std::vector<installation::Output>& outputs,
                                        const std::vector<MonitorRect>& monitors);

class DisplayWatcher {
public:
    using Probe = std::function<std::optional<std::vector<MonitorRect>>()>;
    using Log = std::function<void(const std::string&)>;

    DisplayWatcher(std::vector<installation::Output> outputs, Probe probe, Log log,
                   std::chrono::milliseconds interval = std::chrono::seconds(1));
    ~DisplayWatcher();

    /// The outputs missing at the last look ("" none), as problems for the status.
    std::vector<std::string> problems() const;
    /// The monitors at the last look that X answered; nullopt before the first. The player
    /// places its window over them again when they change (output/display_placement.h).
    std::optional<std::vector<MonitorRect>> monitors() const;

private:
    void watch(std::stop_token stop);

    std::vector<installation::Output> outputs_;
    Probe probe_;
    Log log_;
    std::chrono::milliseconds interval_;
    mutable std::mutex mutex_;
    std::condition_variable_any wake_;
    std::vector<std::string> missing_;
    std::optional<std::vector<MonitorRect>> monitors_;
    std::jthread worker_;
};

}  // namespace vitrine::power
